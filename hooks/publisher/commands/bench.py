"""`make bench`: build-speed and output-size figures, all measured in one run on this machine.

Nothing here changes the repository: every build goes into temporary folders, and the
synthetic organisations and edited files live in a temporary copy of the sources.
"""

from __future__ import annotations

import json
import os
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
    "full_vs_naive_min_ratio": 2.0,
    "scale_100_orgs_max_seconds": 60.0,
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


def synthesise(root: Path, into: Path, count: int) -> Path:
    """`count` organisations made from the real ones (round robin), each in two languages."""
    repo = copy_sources(root, into)
    docs = repo / "docs"
    real = yaml.safe_load((root / "docs/organisations.yml").read_text(encoding="utf-8"))["organisations"]
    names = list(real)
    for name in names:
        shutil.rmtree(docs / name)
    entries = {}
    for index in range(count):
        model = names[index % len(names)]
        org_id = f"synthetic-{index:03d}"
        shutil.copytree(root / "docs" / model, docs / org_id)
        entry = dict(real[model])
        entry["name"] = f"Synthetic organisation {index:03d}"
        entry["languages"] = entry["languages"][:2]
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


def lighthouse_scores(root: Path, site: Path) -> dict[str, float | str]:
    """Lighthouse's performance score per page of `bench_pages` (it varies with the machine's load)."""
    from .lighthouse import bench_pages, lighthouse_binary, run_lighthouse, served

    binary = lighthouse_binary(root)
    if not binary.exists():
        return {"(not run)": "lighthouse is installed by 'make bench' and 'make test' into tools/lighthouse"}
    # One page after the other: Lighthouse's scores assume the machine is not busy elsewhere.
    with served(site, compressed=True) as base:
        return {page: run_lighthouse(binary, base + page).scores["performance"] for page in bench_pages(site)}


def run(root: Path, organisations: int = 100, out: Any = print) -> dict[str, Any]:
    results: dict[str, Any] = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}}
    quiet = {"progress": lambda line: None}
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as temporary:
        work = Path(temporary)
        catalogue = load_catalogue(root / "docs")
        sites = len(all_targets(catalogue))

        out(f"1/6 full build of {sites} real sites (no PDFs) ...")
        full, _ = _timed(lambda: build_all(root, work / "full", with_pdf=False, incremental=False, **quiet))
        out("   search: tests/search_queries.yml typed into the full build's search (file://) ...")
        results["search"] = {**search_bench.measure_site(work / "full", out=out, root=root),
                             "bytes": search_bench.index_sizes(work / "full")}
        out("2/6 the naive way: one mkdocs build per organisation and language, in sequence ...")
        naive = naive_build(root, work / "naive")
        floor, pages = markdown_floor(root)
        results["real"] = {"sites": sites, "pages": pages, "full_build_s": round(full, 2),
                           "naive_build_s": round(naive, 2), "naive_over_full": round(naive / full, 2),
                           "markdown_floor_s": round(floor, 3), "full_over_floor": round(full / floor, 1)}

        out(f"3/6 {organisations} synthetic organisations x 2 languages, end to end ...")
        repo = synthesise(root, work / "synthetic", organisations)
        scale_catalogue = load_catalogue(repo / "docs")
        scale_pages = sum(len(list(scale_catalogue.org_dir(o).glob("*.md"))) for o in scale_catalogue.organisations)
        seconds, _ = _timed(lambda: build_all(repo, work / "scale", with_pdf=False, incremental=False, **quiet))
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
        }

        out("4/6 incremental: edit one shared snippet, then one page ...")
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

        out("5/6 PDFs, one at a time ...")
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

        out("6/6 make check on the real content ...")
        env = {**os.environ, "PYTHONPATH": str(root / "hooks")}
        checks = []
        for _ in range(3):
            seconds, _ = _timed(lambda: subprocess.run([sys.executable, "-m", "publisher", "check"], env=env,
                                                       capture_output=True, check=False))
            checks.append(seconds)
        results["check"] = {"median_s": round(statistics.median(checks), 2)}

    results["targets"] = {
        "full build >= 2x faster than naive": results["real"]["naive_over_full"] >= TARGETS["full_vs_naive_min_ratio"],
        f"{organisations} orgs x 2 languages <= 60 s":
            results["scale"]["total_s"] <= TARGETS["scale_100_orgs_max_seconds"],
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
    real, scale, inc = results["real"], results["scale"], results["incremental"]
    rows = [
        ("full build, real content", f"{real['full_build_s']} s for {real['sites']} sites"),
        ("naive (mkdocs build per site, sequential)", f"{real['naive_build_s']} s"),
        ("naive / full", f"{real['naive_over_full']}x"),
        ("Markdown-only floor", f"{real['markdown_floor_s']} s for {real['pages']} pages"),
        ("full / floor", f"{real['full_over_floor']}x"),
        (f"scale: {scale['organisations']} orgs x 2 languages", f"{scale['total_s']} s"),
        ("  per site / per page", f"{scale['per_site_s']} s / {scale['per_page_s']} s"),
        ("  output total / first org / per additional org",
         f"{scale['output_mb_total']} MB / {scale['output_mb_first_org']} MB / "
         f"{scale['output_mb_per_additional_org']} MB"),
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
