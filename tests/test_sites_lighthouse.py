"""Lighthouse budgets on the portal, one page of each site, the status page and a topic page
(mobile emulation, Debian Chromium).

Accessibility, best practices and SEO at 100, layout shift at most 0.02 and at most 300 KB on
first load. The performance score depends on the machine's load, so `make bench` reports it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from publisher.commands.lighthouse import (
    budget_pages,
    lighthouse_binary,
    run_lighthouse,
)
from publisher.commands.lighthouse import served as serve_site

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def served(real_site: Path):
    with serve_site(real_site, compressed=False) as base:  # the byte budget counts uncompressed bytes
        yield base


def test_the_bench_server_compresses_text_as_a_web_server_does(tmp_path: Path) -> None:
    import gzip
    import urllib.request

    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>" + "x" * 5000, encoding="utf-8")
    for compressed in (True, False):
        with serve_site(tmp_path, compressed=compressed) as base:
            request = urllib.request.Request(base + "index.html", headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request) as response:  # noqa: S310 (a local test server)
                body, encoding = response.read(), response.headers.get("Content-Encoding")
        assert (encoding == "gzip") is compressed
        assert (gzip.decompress(body) if compressed else body) == (tmp_path / "index.html").read_bytes()


def test_lighthouse_budgets_hold_on_the_portal_and_a_page_of_every_site(real_site: Path, served: str) -> None:
    binary = lighthouse_binary(ROOT)
    assert binary.exists(), "run 'make test' (it installs lighthouse from tools/lighthouse/package-lock.json)"
    problems = {}
    pages = budget_pages(real_site)
    assert len(pages) == 9 and "status/index.html" in pages and pages[-1].endswith("/about.html")
    for page in pages:
        result = run_lighthouse(binary, served + page)
        if result.budget_problems():
            problems[page] = result.budget_problems()
    assert problems == {}


def test_the_bench_measures_each_kind_of_page_in_every_site_and_language(tmp_path: Path) -> None:
    from publisher.commands.lighthouse import bench_pages

    for page in ("index.html", "status/index.html", "topics/a.da.html", "topics/a.en.html", "topics/b.da.html",
                 "org/index.html", "org/search/x.json", "org/regler.html", "org/ydre.html", "org/about.html",
                 "org/accessibility.html", "org/editions/2-changes.html", "org/editions/3-changes.html",
                 "org/en/index.html", "org/en/search/x.json", "org/en/regler.html", "org/en/accessibility.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("", encoding="utf-8")
    assert bench_pages(tmp_path) == [
        "index.html", "org/index.html", "org/regler.html", "org/about.html", "org/accessibility.html",
        "org/editions/2-changes.html", "org/en/index.html", "org/en/regler.html", "org/en/accessibility.html",
        "status/index.html", "topics/a.da.html", "topics/a.en.html"]
