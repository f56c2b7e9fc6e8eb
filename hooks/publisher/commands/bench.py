"""`make bench`: build-speed and output-size figures, all measured in one run on this machine.

Nothing here changes the repository: every build goes into temporary folders, and the
synthetic organisations and edited files live in a temporary copy of the sources.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from ..files.source_writers import plain_yaml
from ..model.organisations import load_catalogue
from ..outputs.optimise import disk_usage
from ..outputs.pdf import markdown_settings, write_pdf
from ..outputs.site_config import all_targets
from ..pipeline.whole import build_all
from . import search_bench

TARGETS = {
    "full_vs_naive_min_ratio": 4.0,  # issue 24 (moonshot 6)
    "scale_100_orgs_max_seconds": 20.0,  # issue 24 (moonshot 10), at 100 organisations x 2 languages
    "scale_page_max_floor_pages": 9.0,  # issue 24: a page at scale costs at most 9 floor pages
    "page_max_kb": 300,  # issue 24 / lighthouse.MAX_BYTES, uncompressed
    "check_max_seconds": 2.0,
    "pdf_max_seconds": 3.0,
    "additional_org_max_mb": 1.0,
    "search_min_hits_at_5": 0.95,
    "lighthouse_min_performance": 0.95,  # issue #15, on every page (mobile)
}


def _timed(action) -> tuple[float, Any]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def copy_sources(root: Path, into: Path) -> Path:
    """A repository to build in: the real configuration, code and templates, a copy of docs/."""
    into.mkdir(parents=True)
    for name in ("mkdocs.yml", "requirements.txt"):
        shutil.copy(root / name, into / name)
    for name in ("hooks", "overrides"):
        (into / name).symlink_to(root / name, target_is_directory=True)
    shutil.copytree(root / "docs", into / "docs")
    return into


NATIONAL = ("nb", "nn", "en")  # a Norwegian body publishing in both written standards and English


def synthesise(root: Path, into: Path, count: int, languages: tuple[str, ...] | None = None) -> Path:
    """`count` organisations made from the real ones (round robin), each in two languages.

    With `languages` = NATIONAL, made from the Bokmål organisations (in a repository without one, from
    any, its pages relabelled as Bokmål), each in Bokmål, Nynorsk and English: a missing page (every
    Nynorsk one) and shared wording is its Bokmål text, recorded as a current translation.
    """
    repo = copy_sources(root, into)
    docs = repo / "docs"
    real = yaml.safe_load((root / "docs/organisations.yml").read_text(encoding="utf-8"))["organisations"]
    names = list(real)
    for name in names:
        shutil.rmtree(docs / name)
    if languages:
        # Bodies that write in the first language; in a repository without one (a test's fixture), any
        # body, its pages then relabelled into that language.
        names = [name for name in names if real[name]["languages"][0] == languages[0]] or names
        for model_language in sorted({real[name]["languages"][0] for name in names}):
            for wording in sorted((docs / "_shared").rglob(f"*.{model_language}.md")):
                for language in languages:
                    copy = wording.with_name(wording.name.replace(f".{model_language}.md", f".{language}.md"))
                    if not copy.exists():
                        shutil.copy(wording, copy)
    entries = {}
    for index in range(count):
        model = names[index % len(names)]
        org_id = f"synthetic-{index:03d}"
        shutil.copytree(root / "docs" / model, docs / org_id)
        entry = dict(real[model])
        entry["name"] = f"Synthetic organisation {index:03d}"
        entry["languages"] = list(languages) if languages else entry["languages"][:2]
        if languages:
            _relabel(docs / org_id, real[model]["languages"][0], languages[0])
            _translations_from_source(docs, docs / org_id, languages)
        entries[org_id] = entry
    # Copies share their model's palette and contact objects: written out in full, never as aliases.
    (docs / "organisations.yml").write_text(plain_yaml({"organisations": entries}, allow_unicode=True),
                                            encoding="utf-8")
    # A copy adopts the shared wordings its model adopted (the real organisations are gone).
    adoptions_file = docs / "adoptions.yml"
    adoptions = yaml.safe_load(adoptions_file.read_text(encoding="utf-8")) or {}
    model_of = {org_id: names[index % len(names)] for index, org_id in enumerate(entries)}
    adoptions = {topic: kept for topic, wordings in adoptions.items() if (kept := {
        wording: {org_id: adopters[model] for org_id, model in model_of.items() if model in adopters}
        for wording, adopters in wordings.items() if set(model_of.values()) & set(adopters)})}
    adoptions_file.write_text(plain_yaml(adoptions, allow_unicode=True), encoding="utf-8")
    (docs / "addresses.yml").unlink(missing_ok=True)  # the real organisations' addresses went with them
    return repo


def _relabel(folder: Path, language: str, into: str) -> None:
    """Make the pages in `language` the pages in `into` (their includes too); drop the other languages'."""
    if language == into:
        return
    for page in sorted(folder.glob("*.md")):
        if page.name.endswith(f".{language}.md"):
            text = page.read_text(encoding="utf-8").replace(f".{language}.md", f".{into}.md")
            page.with_name(page.name.replace(f".{language}.md", f".{into}.md")).write_text(text, encoding="utf-8")
        page.unlink()


def _translations_from_source(docs: Path, folder: Path, languages: tuple[str, ...]) -> None:
    """A page in each of `languages[1:]` that has none: its source page's text, marked as a current translation."""
    from ..model.sources import read_source
    from ..model.translations import source_hash

    source_language = languages[0]
    for page in sorted(folder.glob(f"*.{source_language}.md")):
        source = read_source(page, page.name)
        front = {"title": source.front_matter.get("title", ""), "topics": source.front_matter.get("topics", []),
                 "source_hash": source_hash(source, docs / "_shared")}
        body = "\n".join(source.lines[source.body_line - 1:])
        for language in languages[1:]:
            translation = page.with_name(page.name.replace(f".{source_language}.md", f".{language}.md"))
            if not translation.exists():
                text = body.replace(f".{source_language}.md", f".{language}.md")  # its includes, in its language
                translation.write_text(f"---\n{plain_yaml(front, allow_unicode=True)}---\n{text}\n", encoding="utf-8")


def worker_memory_mb(results: list) -> float:
    """The largest peak resident memory of a build worker process (MB)."""
    return round(max((r.peak_rss_kb for r in results), default=0) / 1024, 1)


def cpu_per_site(results: list) -> float:
    """The mean CPU time a worker spent on a site (s): what a busy machine does not inflate."""
    sites = [r.cpu_seconds for r in results if r.kind == "site"]
    return round(sum(sites) / max(len(sites), 1), 3)


def naive_build(root: Path, out: Path) -> float:
    """One plain `mkdocs build` per organisation and language, one after the other."""
    catalogue = load_catalogue(root / "docs")
    env = {**os.environ, "PYTHONPATH": str(root / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    for target in all_targets(catalogue):
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"),
             "-d", str(out / target.org.id / target.language)],
            env={**env, "GUIDE_ORG": target.org.id, "GUIDE_LANG": target.language}, check=True,
            capture_output=True,
        )
    return time.perf_counter() - started


def markdown_floor(root: Path) -> tuple[float, int]:
    """Only converting every page's Markdown to HTML with the same extensions, no theme."""
    import markdown

    catalogue = load_catalogue(root / "docs")
    extensions, configs = markdown_settings(root, catalogue.shared_dir)
    pages = sorted(p for org in catalogue.organisations for p in catalogue.org_dir(org).glob("*.md"))
    started = time.perf_counter()
    for page in pages:
        text = page.read_text(encoding="utf-8").split("---", 2)[-1]
        markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)
    return time.perf_counter() - started, len(pages)


# What a page loads when it opens: scripts, stylesheets and images it names, and the font files its
# stylesheets name (all faces: an upper bound, a browser fetches only the faces a page uses). Not what
# scripts fetch themselves: the 250-byte search configuration and our 12 KB search worker (README).
PAGE_ASSET = re.compile(r'<(?:script[^>]*?\bsrc|link[^>]*?\brel="stylesheet"[^>]*?\bhref|img[^>]*?\bsrc)="([^"#?]+)')
CSS_FONT = re.compile(r"url\(['\"]?([^'\")?#]+\.woff2)")


def page_weight(site: Path, page: str) -> int:
    """The uncompressed bytes a page of the built `site` loads at first, its fonts counted in full."""
    path = site / page
    files = {path.resolve()}
    for name in PAGE_ASSET.findall(path.read_text(encoding="utf-8")):
        asset = (path.parent / name).resolve()
        if asset.is_file():
            files.add(asset)
            if asset.suffix == ".css":
                files.update(font for url in CSS_FONT.findall(asset.read_text(encoding="utf-8"))
                             if (font := (asset.parent / url).resolve()).is_file())
    return sum(f.stat().st_size for f in files)


def lighthouse_scores(root: Path, site: Path) -> dict[str, float | str]:
    """Lighthouse's performance score per page of `bench_pages` (it varies with the machine's load)."""
    from .lighthouse import bench_pages, lighthouse_binary, run_lighthouse, served

    binary = lighthouse_binary(root)
    if not binary.exists():
        return {"(not run)": "lighthouse is installed by 'make bench' and 'make test' into tools/lighthouse"}
    # One page after the other: Lighthouse's scores assume the machine is not busy elsewhere.
    with served(site, compressed=True) as base:
        return {page: run_lighthouse(binary, base + page).scores["performance"] for page in bench_pages(site)}


NATIONAL_ORGS = 1000  # some 470 Danish and Norwegian bodies, two or three languages each: about 1,200 sites


def run(root: Path, organisations: int = 100, out: Any = print) -> dict[str, Any]:
    results: dict[str, Any] = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}}
    quiet = {"progress": lambda line: None}
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as temporary:
        work = Path(temporary)
        catalogue = load_catalogue(root / "docs")
        sites = len(all_targets(catalogue))

        out(f"1/7 full build of {sites} real sites (no PDFs; an empty font subset cache, as in a fresh clone) ...")
        full, _ = _timed(lambda: build_all(root, work / "full", with_pdf=False, incremental=False,
                                           font_cache=work / "font-cache-full", **quiet))
        from .lighthouse import bench_pages

        weights = {page: page_weight(work / "full", page) for page in bench_pages(work / "full")}
        results["page_weight"] = {"pages": len(weights), "max_kb": round(max(weights.values()) / 1024, 1),
                                  "heaviest": max(weights, key=lambda page: weights[page])}
        out("   search: tests/search_queries.yml typed into the full build's search (file://) ...")
        results["search"] = {**search_bench.measure_site(work / "full", out=out, root=root),
                             "bytes": search_bench.index_sizes(work / "full")}
        out("2/7 the naive way: one mkdocs build per organisation and language, in sequence ...")
        naive = naive_build(root, work / "naive")
        floor, pages = markdown_floor(root)
        results["real"] = {"sites": sites, "pages": pages, "full_build_s": round(full, 2),
                           "naive_build_s": round(naive, 2), "naive_over_full": round(naive / full, 2),
                           "markdown_floor_s": round(floor, 3), "full_over_floor": round(full / floor, 1)}

        out(f"3/7 {organisations} synthetic organisations x 2 languages, end to end ...")
        repo = synthesise(root, work / "synthetic", organisations)
        scale_catalogue = load_catalogue(repo / "docs")
        scale_pages = sum(len(list(scale_catalogue.org_dir(o).glob("*.md"))) for o in scale_catalogue.organisations)
        seconds, scale_results = _timed(lambda: build_all(repo, work / "scale", with_pdf=False, incremental=False,
                                                          **quiet))
        total = disk_usage(work / "scale")
        first = disk_usage(work / "scale" / "synthetic-000")
        results["scale"] = {
            "organisations": organisations, "sites": organisations * 2, "pages": scale_pages,
            "total_s": round(seconds, 1), "per_site_s": round(seconds / (organisations * 2), 3),
            "per_page_s": round(seconds / scale_pages, 4),
            "output_mb_total": round(total / 1e6, 2),
            "output_mb_per_org_average": round(total / organisations / 1e6, 3),
            "output_mb_first_org": round(first / 1e6, 2),
            "output_mb_per_additional_org": round((total - first) / (organisations - 1) / 1e6, 3),
            "worker_peak_rss_mb": worker_memory_mb(scale_results),
            "cpu_per_site_s": cpu_per_site(scale_results),
        }
        shutil.rmtree(work / "scale")

        out(f"4/7 national scale: {organisations} synthetic organisations x 3 languages ({', '.join(NATIONAL)}) ...")
        national_repo = synthesise(root, work / "national", organisations, NATIONAL)
        national_catalogue = load_catalogue(national_repo / "docs")
        national_pages = sum(len(list(national_catalogue.org_dir(o).glob("*.md")))
                             for o in national_catalogue.organisations)
        seconds, national_results = _timed(lambda: build_all(national_repo, work / "national-site", with_pdf=False,
                                                             incremental=False, **quiet))
        results["national"] = {
            "organisations": organisations, "languages": list(NATIONAL), "sites": organisations * len(NATIONAL),
            "pages": national_pages, "total_s": round(seconds, 1),
            "per_site_s": round(seconds / (organisations * len(NATIONAL)), 3),
            # Linear in the number of sites: measured when ORGS=1000, else extrapolated from this run.
            "at_1000_s": round(seconds * NATIONAL_ORGS / organisations, 1),
            "at_1000_measured": organisations == NATIONAL_ORGS,
            "worker_peak_rss_mb": worker_memory_mb(national_results),
            "cpu_per_site_s": cpu_per_site(national_results),
            "font_subsets": sum(r.work.get("font_subsets", 0) for r in national_results),
            "css_parses": sum(r.work.get("css_parses", 0) for r in national_results),
        }
        shutil.rmtree(work / "national-site")

        out("5/7 incremental: edit one shared snippet, then one page ...")
        inc = copy_sources(root, work / "incremental")
        build_all(inc, work / "inc-site", **quiet)
        # The first shared wording and the first page: any repository has them (a real or a tiny one).
        snippet = sorted((inc / "docs/_shared").rglob("*.md"))[0]
        snippet.write_text(snippet.read_text(encoding="utf-8") + "\n(bench edit)\n", encoding="utf-8")
        seconds, after = _timed(lambda: build_all(inc, work / "inc-site", **quiet))
        rebuilt = sorted({f"{r.org_id} ({r.language})" for r in after if r.kind != "reused"})
        first = next(iter(catalogue.organisations.values()))
        page = sorted((inc / "docs" / first.id).glob(f"*.{first.source_language}.md"))[0]
        page.write_text(page.read_text(encoding="utf-8") + "\nBench edit.\n", encoding="utf-8")
        page_seconds, page_after = _timed(lambda: build_all(inc, work / "inc-site", **quiet))
        results["incremental"] = {
            "snippet": snippet.relative_to(inc).as_posix(), "snippet_rebuilt": rebuilt, "snippet_s": round(seconds, 2),
            "page": page.relative_to(inc).as_posix(),
            "page_rebuilt": sorted({f"{r.org_id} ({r.language})" for r in page_after if r.kind != "reused"}),
            "page_s": round(page_seconds, 2),
        }

        out("6/7 PDFs, one at a time ...")
        pdf_times = []
        for target in all_targets(catalogue):
            seconds, _ = _timed(lambda t=target: write_pdf(root, catalogue, t.org.id, t.language,
                                                           work / "pdf" / f"{t.org.id}-{t.language}.pdf"))
            pdf_times.append(seconds)
        results["pdf"] = {"count": len(pdf_times), "mean_s": round(statistics.mean(pdf_times), 2),
                          "max_s": round(max(pdf_times), 2)}

        out("   Lighthouse performance (mobile): each kind of page in every site and language, "
            "the portal's pages (some 45 pages, 10 minutes), served gzip-compressed as a web server would ...")
        results["lighthouse"] = lighthouse_scores(root, work / "full")

        out("7/7 make check on the real content ...")
        env = {**os.environ, "PYTHONPATH": str(root / "hooks")}
        checks = []
        for _ in range(3):
            seconds, _ = _timed(lambda: subprocess.run([sys.executable, "-m", "publisher", "check"], env=env,
                                                       capture_output=True, check=False))
            checks.append(seconds)
        results["check"] = {"median_s": round(statistics.median(checks), 2)}

    floor_page = results["real"]["markdown_floor_s"] / results["real"]["pages"]
    results["scale"]["per_page_floor_pages"] = round(results["scale"]["per_page_s"] / floor_page, 1)
    results["targets"] = {
        f"full build >= {TARGETS['full_vs_naive_min_ratio']:g}x faster than naive":
            results["real"]["naive_over_full"] >= TARGETS["full_vs_naive_min_ratio"],
        f"{organisations} orgs x 2 languages <= {TARGETS['scale_100_orgs_max_seconds']:g} s":
            results["scale"]["total_s"] <= TARGETS["scale_100_orgs_max_seconds"],
        f"time per page at scale <= {TARGETS['scale_page_max_floor_pages']:g}x the floor per page":
            results["scale"]["per_page_floor_pages"] <= TARGETS["scale_page_max_floor_pages"],
        f"every page measured <= {TARGETS['page_max_kb']} KB (uncompressed, fonts counted in full)":
            results["page_weight"]["max_kb"] <= TARGETS["page_max_kb"],
        "make check < 2 s": results["check"]["median_s"] < TARGETS["check_max_seconds"],
        "PDF < 3 s (slowest)": results["pdf"]["max_s"] < TARGETS["pdf_max_seconds"],
        "< 1 MB per additional organisation":
            results["scale"]["output_mb_per_additional_org"] < TARGETS["additional_org_max_mb"],
        "search hits@5 >= 95%": (results["search"]["hits_at_5"] >= TARGETS["search_min_hits_at_5"]
                                 if results["search"]["queries"] else True),
    }
    scores = [score for score in results["lighthouse"].values() if isinstance(score, float | int)]
    if scores:
        results["targets"]["Lighthouse performance >= 95 on every page measured"] = (
            min(scores) >= TARGETS["lighthouse_min_performance"])
    return results


def print_table(results: dict[str, Any], out: Any = print) -> None:
    real, scale, inc, national = results["real"], results["scale"], results["incremental"], results["national"]
    rows = [
        ("full build, real content", f"{real['full_build_s']} s for {real['sites']} sites"),
        ("naive (mkdocs build per site, sequential)", f"{real['naive_build_s']} s"),
        ("naive / full", f"{real['naive_over_full']}x"),
        ("Markdown-only floor", f"{real['markdown_floor_s']} s for {real['pages']} pages"),
        ("full / floor", f"{real['full_over_floor']}x"),
        (f"scale: {scale['organisations']} orgs x 2 languages", f"{scale['total_s']} s"),
        ("  per site / per page", f"{scale['per_site_s']} s / {scale['per_page_s']} s"),
        ("  CPU per site in a worker (mean)", f"{scale['cpu_per_site_s']} s"),
        ("  per page in Markdown-floor pages", f"{scale['per_page_floor_pages']}x"),
        ("  resident memory of a build worker (peak)", f"{scale['worker_peak_rss_mb']} MB"),
        ("  output total / first org / per additional org",
         f"{scale['output_mb_total']} MB / {scale['output_mb_first_org']} MB / "
         f"{scale['output_mb_per_additional_org']} MB"),
        (f"national: {national['organisations']} orgs x {len(national['languages'])} languages "
         f"({', '.join(national['languages'])}), {national['pages']} pages",
         f"{national['total_s']} s ({national['per_site_s']} s a site; CPU {national['cpu_per_site_s']} s a site "
         f"in a worker)"),
        (f"national: {NATIONAL_ORGS:,} orgs x {len(national['languages'])} languages",
         f"{national['at_1000_s']} s" + ("" if national["at_1000_measured"] else
                                        f" (extrapolated linearly from {national['organisations']}; "
                                        f"ORGS={NATIONAL_ORGS} measures it)")),
        ("  resident memory of a build worker (peak)", f"{national['worker_peak_rss_mb']} MB"),
        ("  font subsets made / theme stylesheets parsed", f"{national['font_subsets']} / {national['css_parses']}"),
        ("largest page weight of the pages measured", f"{results['page_weight']['max_kb']} KB "
                                                      f"({results['page_weight']['heaviest']})"),
        (f"incremental: edit {inc['snippet']}", f"{inc['snippet_s']} s, rebuilt: {', '.join(inc['snippet_rebuilt'])}"),
        (f"incremental: edit {inc['page']}", f"{inc['page_s']} s, rebuilt: {', '.join(inc['page_rebuilt'])}"),
        ("PDF (mean / slowest)", f"{results['pdf']['mean_s']} s / {results['pdf']['max_s']} s"),
        ("make check (median of 3)", f"{results['check']['median_s']} s"),
        *((f"Lighthouse performance: {page}", str(score)) for page, score in results["lighthouse"].items()),
        (f"search: {int(results['search']['queries'])} queries, hits@1 / hits@5",
         f"{results['search']['hits_at_1']:.0%} / {results['search']['hits_at_5']:.0%}"),
        ("search bytes at page load / on first search (largest site)",
         " / ".join(f"{max(v[k] for v in results['search']['bytes'].values())} B"
                    for k in ("at_page_load", "on_first_search"))),
    ]
    width = max(len(label) for label, _ in rows)
    out("")
    for label, value in rows:
        out(f"{label:<{width}}  {value}")
    out("")
    for target, met in results["targets"].items():
        out(f"{'met   ' if met else 'MISSED'} {target}")


def main(root: Path, organisations: int) -> int:
    if organisations < 2:
        print(f"error: ORGS={organisations}: the scale figures need at least 2 organisations, e.g. ORGS=2",
              file=sys.stderr)
        return 2
    results = run(root, organisations)
    print_table(results)
    path = root / "bench-results.json"
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nWrote {path.name}")
    return 0
