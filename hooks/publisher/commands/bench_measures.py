"""The figures `make bench` measures beside the build's own time: memory and CPU of the workers, the naive
build and the Markdown floor to compare with, the weight of a page, Lighthouse's scores.

Apart from bench.py, which runs the steps in order, so that each figure's definition is read in one place.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..model.organisations import load_catalogue
from ..outputs.pdf import markdown_settings
from ..outputs.site_config import all_targets

T = TypeVar("T")


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


# How often the two figures that make the per-page ratio (scale.per_page_s over the floor per page) are
# measured: each is the best (shortest) of RUNS runs, measured alike, so neither side of the ratio
# counts a disturbance the other did not (the floor, 0.1 s, moved by 15% from one single run to the next).
RUNS = 3


def best_of(runs: int, action: Callable[[], T]) -> tuple[float, T]:
    """The shortest wall time of `runs` runs of `action`, and what that run returned."""
    best: tuple[float, T] | None = None
    for _ in range(runs):
        started = time.perf_counter()
        value = action()
        seconds = time.perf_counter() - started
        if best is None or seconds < best[0]:
            best = (seconds, value)
    assert best is not None, "runs must be at least 1"
    return best


def markdown_floor(root: Path, runs: int = RUNS) -> tuple[float, int]:
    """Only converting every page's Markdown to HTML with the same extensions, no theme: the best of `runs`."""
    import markdown

    catalogue = load_catalogue(root / "docs")
    extensions, configs = markdown_settings(root, catalogue.shared_dir)
    pages = sorted(p for org in catalogue.organisations for p in catalogue.org_dir(org).glob("*.md"))

    def convert_all() -> None:
        for page in pages:
            text = page.read_text(encoding="utf-8").split("---", 2)[-1]
            markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)

    seconds, _ = best_of(runs, convert_all)
    return seconds, len(pages)


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


def lighthouse_scores(root: Path, site: Path, limit: int | None = None) -> dict[str, float | str]:
    """Lighthouse's performance score per page of `bench_pages` (it varies with the machine's load); with
    `limit`, of the first `limit` pages only (a quick run; the full figure needs every page)."""
    from .lighthouse import bench_pages, lighthouse_binary, run_lighthouse, served

    binary = lighthouse_binary(root)
    if not binary.exists():
        return {"(not run)": "lighthouse is installed by 'make bench' and 'make test' into tools/lighthouse"}
    # One page after the other: Lighthouse's scores assume the machine is not busy elsewhere.
    with served(site, compressed=True) as base:
        return {page: run_lighthouse(binary, base + page).scores["performance"]
                for page in bench_pages(site)[:limit]}
