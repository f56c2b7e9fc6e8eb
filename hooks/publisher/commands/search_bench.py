"""Search quality: typed questions against the built sites in headless Chromium, hits@1 and hits@5.

The queries (tests/search_queries.yml, and the held-out tests/search_queries_heldout.yml) name a
site, a language, what a reader types and the page it must find. Each query is typed into the
site's own search box, as a reader does, on one page per site and language, and the rank of the
first result on the expected page is recorded. Used by tests/test_browser.py (asserting hits@5 on
each set) and `make bench` (reporting it for both together).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

import yaml

QUERIES = Path(__file__).resolve().parents[3] / "tests" / "search_queries.yml"
# A second set of the same kinds, written from the pages alone, to check that search generalises.
HELD_OUT = QUERIES.with_name("search_queries_heldout.yml")
QUERY_SETS = (QUERIES, HELD_OUT)
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--no-pings",
]
PLACEHOLDER = "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
META = "document.querySelector('.md-search-result__meta').textContent.trim()"


@dataclass(frozen=True)
class Query:
    site: str
    lang: str
    query: str
    page: str
    kind: str


@dataclass(frozen=True)
class Outcome:
    query: Query
    results: tuple[str, ...]  # result pages, best first, relative to the site root

    @property
    def rank(self) -> int | None:
        return self.results.index(self.query.page) + 1 if self.query.page in self.results else None


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(**{k: str(v) for k, v in entry.items()}) for entry in data["queries"]]


def _type(page: Any, text: str, placeholder: str) -> None:
    """Replace the search box's text as a keystroke would, and wait for the results of `text`."""
    page.fill(".md-search__input", text)
    page.dispatch_event(".md-search__input", "keyup")
    if text:
        page.wait_for_function(f"p => {META} !== p", arg=placeholder, timeout=15000)
    else:
        page.wait_for_function(f"p => {META} === p", arg=placeholder, timeout=15000)


def search_pages(page: Any, text: str, root: str, placeholder: str) -> tuple[str, ...]:
    """The result pages for `text`, best first, as paths below `root` (one entry per page)."""
    _type(page, "", placeholder)
    _type(page, text, placeholder)
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    pages: list[str] = []
    for link in links:
        path = link.split("#")[0].split("?")[0]  # ?h= carries the words to highlight
        path = path[len(root):] if path.startswith(root) else path
        if path not in pages:
            pages.append(path)
    return tuple(pages)


def run_queries(browser: Any, root_of: Callable[[str, str], str], queries: Iterable[Query]) -> list[Outcome]:
    """Type every query into its site's search, reusing one page per site and language."""
    outcomes: list[Outcome] = []
    context = browser.new_context()
    for (site, lang), group in groupby(sorted(queries, key=lambda q: (q.site, q.lang)), lambda q: (q.site, q.lang)):
        root = root_of(site, lang)
        page = context.new_page()
        page.goto(root + "index.html", wait_until="load")
        page.click(".md-search__input")
        placeholder = page.evaluate(PLACEHOLDER)
        page.wait_for_function(f"p => {META} === p", arg=placeholder, timeout=15000)
        for query in group:
            outcomes.append(Outcome(query, search_pages(page, query.query, root, placeholder)))
        page.close()
    context.close()
    return outcomes


def hits(outcomes: list[Outcome], at: int) -> float:
    return sum(1 for o in outcomes if o.rank is not None and o.rank <= at) / len(outcomes) if outcomes else 0.0


def report(outcomes: list[Outcome], out: Callable[[str], None] = print) -> dict[str, float]:
    """Print hits@1 and hits@5, overall and per kind, and every query not found in the first five."""
    figures = {"queries": float(len(outcomes)), "hits_at_1": hits(outcomes, 1), "hits_at_5": hits(outcomes, 5)}
    out(f"  search: {len(outcomes)} queries, hits@1 {figures['hits_at_1']:.0%}, hits@5 {figures['hits_at_5']:.0%}")
    for kind, group in groupby(sorted(outcomes, key=lambda o: o.query.kind), lambda o: o.query.kind):
        items = list(group)
        out(f"    {kind:<14} {len(items):>3}  hits@1 {hits(items, 1):>4.0%}  hits@5 {hits(items, 5):>4.0%}")
    for outcome in outcomes:
        if outcome.rank is None or outcome.rank > 5:
            q = outcome.query
            out(f"    missed: {q.site} ({q.lang}) '{q.query}' -> {q.page}; got {list(outcome.results[:5])}")
    return figures


def measure_site(site: Path, queries: list[Query] | None = None, chromium: str = "/usr/bin/chromium",
                 out: Callable[[str], None] = print, root: Path | None = None) -> dict[str, float]:
    """Run the query set against a built site/ opened from disk (file://), as `make bench` does.

    Only the queries for organisations of the repository at `root` are asked (a small test
    repository has none of the real ones).
    """
    from playwright.sync_api import sync_playwright

    from ..model.organisations import load_catalogue

    catalogue = load_catalogue((root or Path(__file__).resolve().parents[3]) / "docs")
    every = [q for path in QUERY_SETS for q in load_queries(path)]
    queries = [q for q in (queries or every) if q.site in catalogue.organisations]
    if not queries:
        out("   (no queries for this repository's organisations)")
        return {"queries": 0, "hits_at_1": 0.0, "hits_at_5": 0.0}

    def root_of(org_id: str, language: str) -> str:
        org = catalogue.organisation(org_id)
        folder = site / org_id if language == org.source_language else site / org_id / language
        return folder.resolve().as_uri() + "/"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            outcomes = run_queries(browser, root_of, queries)
        finally:
            browser.close()
    return report(outcomes, out)


def index_sizes(site: Path) -> dict[str, dict[str, int]]:
    """Bytes of search data per site and language: loaded at page load, and loaded on first search."""
    sizes: dict[str, dict[str, int]] = {}
    for index in sorted(site.glob("**/search/search_index.json")):
        folder = index.parent
        data = folder / "search_data.js"
        sizes[folder.parent.relative_to(site).as_posix()] = {
            "at_page_load": index.stat().st_size,
            "on_first_search": data.stat().st_size if data.is_file() else 0,
        }
    return sizes
