"""Lighthouse budgets on the portal and one page of each site (mobile emulation, Debian Chromium).

Accessibility, best practices and SEO at 100, layout shift at most 0.02 and at most 300 KB on
first load. The performance score depends on the machine's load, so `make bench` reports it.
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from publisher.lighthouse import lighthouse_binary, run_lighthouse, sample_pages

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def served(real_site: Path):
    handler = partial(SimpleHTTPRequestHandler, directory=str(real_site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_lighthouse_budgets_hold_on_the_portal_and_a_page_of_every_site(real_site: Path, served: str) -> None:
    binary = lighthouse_binary(ROOT)
    assert binary.exists(), "run 'make test' (it installs lighthouse from tools/lighthouse/package-lock.json)"
    problems = {}
    pages = sample_pages(real_site)
    assert len(pages) == 6
    for page in pages:
        result = run_lighthouse(binary, served + page)
        if result.budget_problems():
            problems[page] = result.budget_problems()
    assert problems == {}
