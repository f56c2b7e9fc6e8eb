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

from ..model.organisations import Catalogue, load_catalogue
from ..outputs.optimise import disk_usage
from ..outputs.pdf import write_pdf
from ..outputs.site_config import all_targets
from ..pipeline.whole import build_all
from . import search_bench
from .bench_match import measure as measure_matching
from .bench_measures import (
    RUNS,
    best_of,
    cpu_per_site,
    lighthouse_scores,
    markdown_floor,
    naive_build,
    page_weight,
    worker_memory_mb,
)
from .bench_model_texts import TOPICS as MODEL_TOPICS
from .bench_report import NATIONAL_ORGS, print_table, targets
from .bench_sources import NATIONAL, copy_sources, synthesise

QUIET = {"progress": lambda line: None}


def _timed(action) -> tuple[float, Any]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def _real_sites(root: Path, work: Path, sites: int, results: dict[str, Any], out: Any, runs: int) -> None:
    """Steps 1 and 2: the full build of the real sites, its pages' weight and search, the naive way, the floor."""
    out(f"1/7 full build of {sites} real sites (no PDFs; an empty font subset cache, as in a fresh clone) ...")
    full, _ = _timed(lambda: build_all(root, work / "full", with_pdf=False, incremental=False,
                                       font_cache=work / "font-cache-full", **QUIET))
    from .lighthouse import bench_pages

    weights = {page: page_weight(work / "full", page) for page in bench_pages(work / "full")}
    results["page_weight"] = {"pages": len(weights), "max_kb": round(max(weights.values()) / 1024, 1),
                              "heaviest": max(weights, key=lambda page: weights[page])}
    out("   search: tests/search_queries.yml typed into the full build's search (file://) ...")
    results["search"] = {**search_bench.measure_site(work / "full", out=out, root=root),
                         "bytes": search_bench.index_sizes(work / "full")}
    out("2/7 the naive way: one mkdocs build per organisation and language, in sequence ...")
    naive = naive_build(root, work / "naive")
    floor, pages = markdown_floor(root, runs)
    results["real"] = {"sites": sites, "pages": pages, "full_build_s": round(full, 2),
                       "naive_build_s": round(naive, 2), "naive_over_full": round(naive / full, 2),
                       "markdown_floor_s": round(floor, 3), "floor_runs": runs,
                       "full_over_floor": round(full / floor, 1)}


def _page_count(repo: Path) -> int:
    catalogue = load_catalogue(repo / "docs")
    return sum(len(list(catalogue.org_dir(o).glob("*.md"))) for o in catalogue.organisations)


def _scale(root: Path, work: Path, organisations: int, out: Any, runs: int) -> dict[str, Any]:
    """Step 3: `organisations` synthetic organisations in two languages, built end to end."""
    out(f"3/7 {organisations} synthetic organisations x 2 languages, end to end, the best of {runs} builds "
        f"(each from an empty font cache) ...")
    repo = synthesise(root, work / "synthetic", organisations)
    scale_pages = _page_count(repo)
    run_numbers = iter(range(runs))

    def fresh_build() -> list:
        run = next(run_numbers)
        shutil.rmtree(work / "scale", ignore_errors=True)
        return build_all(repo, work / "scale", with_pdf=False, incremental=False,
                         font_cache=work / f"font-cache-scale-{run}", **QUIET)

    seconds, scale_results = best_of(runs, fresh_build)
    total = disk_usage(work / "scale")
    first = disk_usage(work / "scale" / "synthetic-000")
    shutil.rmtree(work / "scale")
    return {
        "organisations": organisations, "sites": organisations * 2, "pages": scale_pages, "runs": runs,
        "total_s": round(seconds, 1), "per_site_s": round(seconds / (organisations * 2), 3),
        "per_page_s": round(seconds / scale_pages, 4),
        "output_mb_total": round(total / 1e6, 2),
        "output_mb_per_org_average": round(total / organisations / 1e6, 3),
        "output_mb_first_org": round(first / 1e6, 2),
        "output_mb_per_additional_org": round((total - first) / (organisations - 1) / 1e6, 3),
        "worker_peak_rss_mb": worker_memory_mb(scale_results),
        "cpu_per_site_s": cpu_per_site(scale_results),
    }


def _national(root: Path, work: Path, organisations: int, out: Any) -> dict[str, Any]:
    """Step 4: `organisations` synthetic organisations in the NATIONAL languages, and the figure at 1,000."""
    out(f"4/7 national scale: {organisations} synthetic organisations x 3 languages ({', '.join(NATIONAL)}), "
        f"all adopting {len(MODEL_TOPICS)} model texts with their own values ...")
    national_repo = synthesise(root, work / "national", organisations, NATIONAL)
    national_pages = _page_count(national_repo)
    seconds, national_results = _timed(lambda: build_all(national_repo, work / "national-site", with_pdf=False,
                                                         incremental=False, **QUIET))
    shutil.rmtree(work / "national-site")
    return {
        "organisations": organisations, "languages": list(NATIONAL), "sites": organisations * len(NATIONAL),
        "pages": national_pages, "model_texts": len(MODEL_TOPICS), "total_s": round(seconds, 1),
        "per_site_s": round(seconds / (organisations * len(NATIONAL)), 3),
        # Linear in the number of sites: measured when ORGS=1000, else extrapolated from this run.
        "at_1000_s": round(seconds * NATIONAL_ORGS / organisations, 1),
        "at_1000_measured": organisations == NATIONAL_ORGS,
        "worker_peak_rss_mb": worker_memory_mb(national_results),
        "cpu_per_site_s": cpu_per_site(national_results),
        "font_subsets": sum(r.work.get("font_subsets", 0) for r in national_results),
        "css_parses": sum(r.work.get("css_parses", 0) for r in national_results),
    }


def _rebuilt(results: list) -> list[str]:
    return sorted({f"{r.org_id} ({r.language})" for r in results if r.kind != "reused"})


def _incremental(root: Path, work: Path, catalogue: Catalogue, out: Any) -> dict[str, Any]:
    """Step 5: what an edit of one shared wording, then of one page, rebuilds, and how long it takes."""
    out("5/7 incremental: edit one shared snippet, then one page ...")
    inc = copy_sources(root, work / "incremental")
    build_all(inc, work / "inc-site", **QUIET)
    # The first shared wording and the first page: any repository has them (a real or a tiny one).
    snippet = sorted((inc / "docs/_shared").rglob("*.md"))[0]
    snippet.write_text(snippet.read_text(encoding="utf-8") + "\n(bench edit)\n", encoding="utf-8")
    seconds, after = _timed(lambda: build_all(inc, work / "inc-site", **QUIET))
    rebuilt = _rebuilt(after)
    first = next(iter(catalogue.organisations.values()))
    page = sorted((inc / "docs" / first.id).glob(f"*.{first.source_language}.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nBench edit.\n", encoding="utf-8")
    page_seconds, page_after = _timed(lambda: build_all(inc, work / "inc-site", **QUIET))
    return {
        "snippet": snippet.relative_to(inc).as_posix(), "snippet_rebuilt": rebuilt, "snippet_s": round(seconds, 2),
        "page": page.relative_to(inc).as_posix(), "page_rebuilt": _rebuilt(page_after),
        "page_s": round(page_seconds, 2),
    }


def _pdfs(root: Path, work: Path, catalogue: Catalogue, out: Any) -> dict[str, Any]:
    """Step 6: every real site's PDF, one at a time."""
    out("6/7 PDFs, one at a time ...")
    pdf_times = []
    for target in all_targets(catalogue):
        seconds, _ = _timed(lambda t=target: write_pdf(root, catalogue, t.org.id, t.language,
                                                       work / "pdf" / f"{t.org.id}-{t.language}.pdf"))
        pdf_times.append(seconds)
    return {"count": len(pdf_times), "mean_s": round(statistics.mean(pdf_times), 2),
            "max_s": round(max(pdf_times), 2)}


def _check(root: Path, out: Any) -> dict[str, Any]:
    """Step 7: `make check` on the real content, the median of three runs."""
    out("7/7 make check on the real content ...")
    env = {**os.environ, "PYTHONPATH": str(root / "hooks")}
    checks = []
    for _ in range(3):
        seconds, _ = _timed(lambda: subprocess.run([sys.executable, "-m", "publisher", "check"], env=env,
                                                   capture_output=True, check=False))
        checks.append(seconds)
    return {"median_s": round(statistics.median(checks), 2)}


def run(root: Path, organisations: int = 100, out: Any = print, lighthouse_pages: int | None = None,
        runs: int = RUNS) -> dict[str, Any]:
    results: dict[str, Any] = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}}
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as temporary:
        work = Path(temporary)
        catalogue = load_catalogue(root / "docs")
        _real_sites(root, work, len(all_targets(catalogue)), results, out, runs)
        results["scale"] = _scale(root, work, organisations, out, runs)
        results["national"] = _national(root, work, organisations, out)
        results["incremental"] = _incremental(root, work, catalogue, out)
        results["pdf"] = _pdfs(root, work, catalogue, out)
        out("   Lighthouse performance (mobile): each kind of page in every site and language, "
            "the portal's pages (some 45 pages, 10 minutes), served gzip-compressed as a web server would"
            + (f"; the first {lighthouse_pages} only (LIGHTHOUSE_PAGES)" if lighthouse_pages else "") + " ...")
        results["lighthouse"] = lighthouse_scores(root, work / "full", lighthouse_pages)
        results["check"] = _check(root, out)
        out("   model-text matcher: one document against 500 fictional bodies (1,500 pages) ...")
        results["matching"] = measure_matching()

    floor_page = results["real"]["markdown_floor_s"] / results["real"]["pages"]
    results["scale"]["per_page_floor_pages"] = round(results["scale"]["per_page_s"] / floor_page, 1)
    results["targets"] = targets(results, organisations)
    return results


def main(root: Path, organisations: int, lighthouse_pages: int | None = None, runs: int | None = None) -> int:
    if organisations < 2:
        print(f"error: ORGS={organisations}: the scale figures need at least 2 organisations, e.g. ORGS=2",
              file=sys.stderr)
        return 2
    if lighthouse_pages is not None and lighthouse_pages < 1:
        print(f"error: LIGHTHOUSE_PAGES={lighthouse_pages}: give at least 1, or leave it out to score every page",
              file=sys.stderr)
        return 2
    if runs is not None and runs < 1:
        print(f"error: RUNS={runs}: give at least 1, or leave it out for the best of {RUNS}", file=sys.stderr)
        return 2
    results = run(root, organisations, lighthouse_pages=lighthouse_pages, runs=runs or RUNS)
    print_table(results)
    path = root / "bench-results.json"
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nWrote {path.name}")
    return 0
