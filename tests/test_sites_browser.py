"""Privacy, offline use and accessibility, proven in headless Chromium (Debian's `chromium`).

Every page of every organisation and language is loaded from a local server under a sub-path
(`/intranet/guides/`), checked with axe-core for WCAG 2.0/2.1 A and AA in the light and the dark
colour scheme, and every request it makes is recorded. These tests never skip: without Chromium
or axe-core they fail and say how to install them (`.ci/run` installs both).
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from htmltools import html_pages, read_page
from model_text_sites import model_text_repo
from publisher.commands.search_bench import (
    QUERY_SETS,
    load_queries,
    report,
    run_queries,
)
from publisher.model.organisations import load_catalogue
from test_model_editions import record_two_editions

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = load_catalogue(ROOT / "docs")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(os.environ.get("AXE_CORE_JS", ROOT / "tools/axe/node_modules/axe-core/axe.min.js"))
SUB_PATH = "/intranet/guides/"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--no-pings",
]
KNOWN_WORDS = {"da": "sociale", "nb": "sosiale", "en": "media"}  # on every site


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site only below SUB_PATH, as an intranet would."""

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "__not_below_the_sub_path__")
        return super().translate_path("/" + path[len(SUB_PATH):])

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
        pass


@pytest.fixture(scope="session")
def server(real_site: Path) -> Iterator[str]:
    handler = functools.partial(_SubPathHandler, directory=str(real_site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{SUB_PATH}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it with 'apt-get install chromium' "
                    f"or set CHROMIUM=/path/to/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(f"axe-core not found at {AXE_JS}: run 'make test' (it installs axe-core from npm) "
                    f"or set AXE_CORE_JS")
    return AXE_JS.read_text(encoding="utf-8")


def site_url(server: str, org_id: str, language: str) -> str:
    """The root URL of an organisation's site in `language` (translations live in a subfolder)."""
    org = CATALOGUE.organisation(org_id)
    return f"{server}{org_id}/" if language == org.source_language else f"{server}{org_id}/{language}/"


def site_pages(site: Path) -> list[str]:
    """Every page below the site root, as URL paths relative to it."""
    return [p.relative_to(site).as_posix() for p in html_pages(site)]


def recording(browser, scheme: str) -> tuple[Any, Any, list[str]]:
    """A fresh browser context in `scheme`, its page, and the list every request it makes goes into."""
    context = browser.new_context(color_scheme=scheme)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    return context, context.new_page(), requests


def start_axe(page, axe_source: str) -> None:
    """Start axe-core's WCAG A/AA checks on the loaded page; `axe_findings` waits for them. The
    page's own renderer runs them, so another page can load meanwhile."""
    page.add_script_tag(content=axe_source)
    page.evaluate("tags => { window.guideAxe = axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                  "resultTypes: ['violations']}); }", WCAG_TAGS)


def axe_findings(page, where: str) -> list[str]:
    """The violations of the checks `start_axe` started on `page`, one line each."""
    result = page.evaluate("() => window.guideAxe")
    return [f"{where}: {violation['id']} ({violation['impact']}): {violation['help']} at "
            f"{[', '.join(node['target']) for node in violation['nodes']][:3]}" for violation in result["violations"]]


def axe_violations(page, axe_source: str, where: str) -> list[str]:
    """axe-core's WCAG A/AA violations on the loaded page, one line each."""
    start_axe(page, axe_source)
    return axe_findings(page, where)


SCHEMES = {"light": "default", "dark": "slate"}  # the colour scheme a browser asks for -> the theme's scheme


def test_every_page_is_axe_clean_in_both_schemes_and_requests_nothing_from_elsewhere(
    browser, server: str, real_site: Path, axe_source: str,
) -> None:
    """Each page is loaded in both colour schemes, one browser context each; axe checks one scheme's
    page while the other's loads (two renderers, two cores)."""
    sessions = {scheme: recording(browser, scheme) for scheme in SCHEMES}
    violations: list[str] = []
    pages = site_pages(real_site)
    assert len(pages) > 60
    for path in pages:
        for scheme, (_, page, _) in sessions.items():
            page.goto(server + path, wait_until="load")
            if path.split("/")[0] in CATALOGUE.organisations:  # the portal and status page style their own schemes
                assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme], path
            start_axe(page, axe_source)
        for scheme, (_, page, _) in sessions.items():
            violations += axe_findings(page, f"{path} [{scheme}]")
    origin = server.split(SUB_PATH)[0]
    for context, _, requests in sessions.values():
        foreign = sorted({url for url in requests
                          if not url.startswith(origin) and not url.startswith(("data:", "blob:"))})
        assert foreign == []
        assert all(urlsplit(url).path.startswith(SUB_PATH) for url in requests if url.startswith(origin))
        assert context.cookies() == []
        context.close()
    assert violations == []


@pytest.mark.parametrize("org_id", list(CATALOGUE.organisations))
def test_language_switcher_lands_on_the_counterpart(browser, server: str, org_id: str) -> None:
    org = CATALOGUE.organisation(org_id)
    page_name = org.nav[1].replace(".md", ".html")
    page = browser.new_page()
    page.goto(f"{server}{org_id}/{page_name}")
    for language in (*org.translations, org.source_language):
        page.hover(".md-header__option .md-select")
        page.click(f".md-select__link[hreflang='{language}']")
        page.wait_for_load_state("load")
        assert page.url == site_url(server, org_id, language) + page_name
        assert page.evaluate("document.documentElement.lang") == language
    page.close()


def search(page, word: str) -> list[str]:
    """Type `word` into the site's search, as a reader does, and return the result links."""
    page.click(".md-search__input")
    placeholder = page.inner_text(".md-search-result__meta").strip()
    page.keyboard.type(word, delay=10)
    page.wait_for_function(
        "placeholder => { const meta = document.querySelector('.md-search-result__meta');"
        " return meta && meta.textContent.trim() !== placeholder; }",
        arg=placeholder,
    )
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


@pytest.mark.parametrize("org_id", list(CATALOGUE.organisations))
def test_search_finds_its_language_and_nothing_from_another(browser, server: str, org_id: str) -> None:
    org = CATALOGUE.organisation(org_id)
    page = browser.new_page()
    for language in org.languages:
        root = site_url(server, org_id, language)
        page.goto(root + "index.html")
        hits = search(page, KNOWN_WORDS[language])
        assert hits, (org_id, language)
        other_roots = [f"{server}{org_id}/{other}/" for other in org.translations if other != language]
        assert all(hit.startswith(root) and not hit.startswith(tuple(other_roots)) for hit in hits), hits
        for other, word in KNOWN_WORDS.items():
            if other != language:
                # Another language's word may occur in this site's own pages (an English page quotes a
                # Danish name; Bokmål has "media"), but it never leads to another language's pages.
                page.goto(root + "index.html")
                found = search(page, word)
                assert all(hit.startswith(root) and not hit.startswith(tuple(other_roots)) for hit in found), found
    page.close()


def test_a_copied_site_works_from_file_urls_and_searches(browser, real_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "somewhere" / "else" / "sunndal"
    shutil.copytree(real_site / "sunndal", copy)
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto((copy / "index.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == "nb"
    hits = search(page, "taushetsplikt")
    assert hits and all(hit.startswith(copy.as_uri()) for hit in hits)
    page.goto(hits[0])
    assert "taushetsplikt" in page.content().lower()
    page.goto((copy / "en" / "index.html").as_uri())
    assert search(page, "confidentiality")
    assert [url for url in requests if not url.startswith(("file:", "data:", "blob:"))] == []
    context.close()


@pytest.mark.parametrize("queries", QUERY_SETS, ids=lambda path: path.stem)
def test_search_finds_the_page_from_any_form_of_the_word(browser, server: str, queries: Path) -> None:
    # tests/search_queries.yml and the held-out set: inflections, compounds, noun/verb pairs, typos,
    # phrases (see test_render_search.py); each set on its own reaches hits@5 >= 95%.
    outcomes = run_queries(browser, lambda org_id, language: site_url(server, org_id, language),
                           load_queries(queries))
    lines: list[str] = []
    assert report(outcomes, lines.append)["hits_at_5"] >= 0.95, "\n".join(lines)


@pytest.mark.parametrize("org_id", list(CATALOGUE.organisations))
def test_footer_links_to_the_accessibility_statement(browser, server: str, org_id: str) -> None:
    org = CATALOGUE.organisation(org_id)
    page = browser.new_page()
    for language in org.languages:
        root = site_url(server, org_id, language)
        page.goto(root + org.nav[-1].replace(".md", ".html"))
        label = CATALOGUE.languages[language].labels["accessibility_statement"]
        page.click(f".md-footer-meta a:text-is('{label}')")
        page.wait_for_load_state("load")
        assert page.url == root + "accessibility.html"
        service = "was.digst.dk" if org.country == "DK" else "uustatus.no"
        links = page.eval_on_selector_all("article a", "links => links.map(a => a.href)")
        assert any(service in link for link in links), links
        text = page.inner_text("article")
        if org.accessibility_contact is None:  # never the document's contact for other questions
            said = CATALOGUE.languages[language].labels["statement_contact_missing"].format(org=org.name)
            assert said in text
        else:
            assert org.accessibility_contact.email in text
    page.close()


def test_the_first_tab_offers_a_skip_link_to_the_title(browser, server: str) -> None:
    # tavshedspligt has no second-level heading: the theme alone gives it no skip link at all.
    page = browser.new_page()
    page.goto(site_url(server, "region-midtjylland", "da") + "tavshedspligt.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Gå til indholdet"
    page.keyboard.press("Enter")
    assert page.url.endswith("tavshedspligt.html#guide-content")
    assert page.evaluate("document.querySelector(':target h1') !== null")  # lands before the title
    page.close()


NYNORSK_ORGANISATION = """\
  fjordby:
    name: Fjordby kommune
    status: ready
    country: "NO"
    domain: fjordby.kommune.no
    languages: [nn, en]
    palette: {primary: "#1d4f7c", accent: "#a3461a"}
    contact: {unit: Personalavdelinga, email: post@fjordby.kommune.no, phone: "12 34 56 78"}
    document: {title: Retningslinjer for sosiale medium, adopted_by: Kommunestyret, adopted_on: 2024-03-12}
    nav: [index.md, teieplikt.md]
"""
NYNORSK_PAGES = {
    "fjordby/index.nn.md": "---\ntitle: Retningslinjer for sosiale medium\nowner: Personalavdelinga\n"
                           "topics: []\n---\n\nDesse retningslinjene gjeld for alle tilsette i Fjordby kommune. "
                           "Tenk deg om før du deler "
                           "noko på sosiale medium.\n\nSjå òg [teieplikta](teieplikt.md).\n",
    "fjordby/teieplikt.nn.md": "---\ntitle: Teieplikt\nowner: Personalavdelinga\ntopics: []\n---\n\n## Kva gjeld?\n\n"
                               "Teieplikta gjeld òg på sosiale medium. Du skal aldri dele opplysningar om brukarane.\n",
    "fjordby/index.en.md": "---\ntitle: Social media guidelines\ntopics: []\n---\n\nThese guidelines apply to all "
                           "employees of Fjordby kommune.\n\nSee also [the duty of confidentiality](teieplikt.md).\n",
    "fjordby/teieplikt.en.md": "---\ntitle: Duty of confidentiality\ntopics: []\n---\n\n## What applies?\n\n"
                               "The duty of confidentiality also applies on social media.\n",
}


def test_a_nynorsk_organisation_builds_searches_passes_axe_and_prints(
    fixture_repo, browser, axe_source: str, tmp_path: Path,
) -> None:
    import pypdf
    from conftest import FIXTURE_ORGANISATIONS
    from htmltools import read_page
    from publisher.pipeline.whole import build_all

    root = fixture_repo(NYNORSK_PAGES, organisations=FIXTURE_ORGANISATIONS + NYNORSK_ORGANISATION)
    site = root / "site"
    build_all(root, site, org_ids=["fjordby"], progress=lambda line: None)
    index = (site / "fjordby/index.html").read_text(encoding="utf-8")
    assert read_page(site / "fjordby/index.html").html_lang == "nn"
    for label in ("Gå til innhaldet", "Tilgjengelegheitserklæring", "Vedteke", "12. mars 2024"):
        assert label in index, label
    statement = (site / "fjordby/accessibility.html").read_text(encoding="utf-8")
    assert "Den offisielle tilgjengelegheitserklæringa for fjordby.kommune.no finst på uustatus.no:" in statement
    assert (site / "fjordby/assets/javascripts/lunr/min/lunr.no.min.js").is_file()  # Norwegian search for nn
    assert (site / "fjordby/about.html").is_file()
    # The topic pages are written in every language an organisation publishes, Nynorsk now too.
    topic = read_page(site / "topics/confidentiality.nn.html")
    assert topic.html_lang == "nn"
    assert 'href="topics/confidentiality.nn.html" hreflang="nn" lang="nn">Norsk nynorsk</a>' in (
        site / "index.html").read_text(encoding="utf-8")
    pdf = pypdf.PdfReader(site / "fjordby/pdf/fjordby-nn.pdf")
    assert pdf.trailer["/Root"]["/Lang"] == "nn"
    assert "Teieplikta gjeld òg på sosiale medium." in "".join(page.extract_text() for page in pdf.pages)

    handler = functools.partial(_SubPathHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}{SUB_PATH}fjordby/"
    try:
        violations = []
        for scheme in ("light", "dark"):
            page = browser.new_page(color_scheme=scheme)
            for path in ("index.html", "teieplikt.html", "accessibility.html", "about.html"):
                page.goto(base + path, wait_until="load")
                page.add_script_tag(content=axe_source)
                result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                                       "resultTypes: ['violations']})", WCAG_TAGS)
                violations += [f"{path} [{scheme}]: {v['id']}" for v in result["violations"]]
            page.close()
        assert violations == []
        page = browser.new_page()
        page.goto(base + "index.html")
        hits = search(page, "teieplikta")
        assert hits and all(hit.startswith(base) and "/en/" not in hit for hit in hits), hits
        assert any(hit.startswith(base + "teieplikt.html") for hit in hits), hits
        page.close()
    finally:
        httpd.shutdown()
@pytest.fixture(scope="module")
def editions_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fixture organisation with two editions (the real ones have one: no change page yet)."""
    root = tmp_path_factory.mktemp("editions-browser") / "repo"
    record_two_editions(root)
    yield from serving(root / "site")


def serving(site: Path) -> Iterator[str]:
    """`site` served below SUB_PATH until the fixture that yields from this ends: its address."""
    handler = functools.partial(_SubPathHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{SUB_PATH}"
    httpd.shutdown()


def pages_violations(page, base: str, paths: list[str], axe_source: str, scheme: str) -> list[str]:
    """axe's violations on each of `paths` below `base`, each of which must load."""
    violations: list[str] = []
    for path in paths:
        response = page.goto(base + path, wait_until="load")
        assert response is not None and response.ok, path
        violations += axe_violations(page, axe_source, f"{path} [{scheme}]")
    return violations


def follow(page, url: str, link: str) -> None:
    """Open `url` and follow its link `link` (a CSS selector) to the page it leads to."""
    page.goto(url)
    page.click(link)
    page.wait_for_load_state("load")


def from_elsewhere(requests: list[str], base: str) -> list[str]:
    """The requests that went to another host than the one serving `base`."""
    origin = base.split(SUB_PATH)[0]
    return [url for url in requests if not url.startswith(origin) and not url.startswith(("data:", "blob:"))]


EDITION_PAGES = ["testby/about.html", "testby/editions/2-changes.html", "testby/en/about.html",
                 "testby/en/editions/2-changes.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_editions_and_change_pages_are_axe_clean_and_request_nothing_from_elsewhere(
    browser, editions_server: str, axe_source: str, scheme: str,
) -> None:
    context, page, requests = recording(browser, scheme)
    violations = pages_violations(page, editions_server, EDITION_PAGES, axe_source, scheme)
    # From the editions page to the change view and back, and to an archived PDF.
    follow(page, editions_server + "testby/about.html", "a[href='editions/2-changes.html']")
    assert page.inner_text("h1") == "Ændringer fra udgave 1.0 til udgave 2.0"
    assert page.eval_on_selector_all("article ins, article del", "marks => marks.length") == 3
    assert from_elsewhere(requests, editions_server) == []
    pdf = page.request.get(editions_server + "testby/pdf/editions/1/testby-da.pdf")
    assert pdf.ok and pdf.body()[:5] == b"%PDF-"
    context.close()
    assert violations == []


@pytest.fixture(scope="module")
def model_text_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Three fictional bodies adopting one model text with their own values and changes
    (tests/fixtures/model-texts/repository), built without PDFs."""
    from publisher.pipeline.whole import build_all

    root = model_text_repo(tmp_path_factory.mktemp("model-text-browser") / "repo")
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    yield from serving(root / "site")


MODEL_TEXT_PAGES = ["topics/strategy-and-purpose.nb.html", "topics/strategy-and-purpose.nn.html",
                    "topics/strategy-and-purpose.en.html", "fjellvik/index.html", "haugvik/index.html",
                    "strandaa/en/index.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_shared_model_text_topic_page_and_its_notes_are_axe_clean_and_request_nothing_from_elsewhere(
    browser, model_text_server: str, axe_source: str, scheme: str,
) -> None:
    context, page, requests = recording(browser, scheme)
    # From an adopter's note to the topic page, where the changes of all three are marked.
    follow(page, model_text_server + "fjellvik/index.html", "p.passage-note a")
    assert (page.url, page.eval_on_selector_all(".adopter ins, .adopter del", "marks => marks.length")) == (
        model_text_server + "topics/strategy-and-purpose.nb.html", 9)  # 1 + 5 + 3
    assert pages_violations(page, model_text_server, MODEL_TEXT_PAGES, axe_source, scheme) == []
    assert from_elsewhere(requests, model_text_server) == []
    context.close()


# Each way an address can reach a browser unseen by a check that reads it as Python does: what the
# page's source says, the same as plain HTML (the control, unsanitized), and the host it would call.
URL_TRICKS = [
    ('<img alt="a" srcset="&#1;//srcset-c0.example/a.png 1x">', None, "srcset-c0.example"),
    ('<img alt="b" src="&#x1F;//src-c0.example/b.png">', None, "src-c0.example"),
    ('<img alt="c" src=" &#9;/\\backslash.example/c.png">', None, "backslash.example"),
    ("![d](&#1;//markdown-image.example/d.png)", '<img alt="d" src="&#1;//markdown-image.example/d.png">',
     "markdown-image.example"),
    ('<svg role="img" width="20" height="20"><title>e</title><circle r="3" cx="5" cy="5" '
     'fill="url(https://svg-fill.example/e.svg#p)"/></svg>', None, "svg-fill.example"),
    ('<svg role="img" width="20" height="20"><title>f</title><circle r="3" cx="5" cy="5" '
     'stroke="u\\72l(//css-escape.example/f.svg#p)"/></svg>', None, "css-escape.example"),
    ('<svg role="img" width="20" height="20"><title>g</title><path d="M0 0L9 9" '
     'fill="&#x75;rl(&apos;https://svg-reference.example/g.svg#p&apos;)"/></svg>', None, "svg-reference.example"),
    # Attributes outside the allow-list that a browser fetches by itself.
    ('<table background="&#1;//table-background.example/t.png"><tr><td>h</td></tr></table>', None,
     "table-background.example"),
    ('<video poster="https://video-poster.example/p.png"></video>', None, "video-poster.example"),
]
# An SVG image opened on its own is a document that loads what it refers to.
SVG_TRICKS = {
    "import.svg": ('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><style>@\\69mport '
                   '"https://svg-import.example/x.css";</style><rect width="9" height="9"/></svg>',
                   "svg-import.example"),
    "escaped.svg": ('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><style><![CDATA[rect { fill: '
                    'u\\72l(https://svg-style.example/x.svg#a) }]]></style><rect width="9" height="9"/></svg>',
                    "svg-style.example"),
    "stylesheet.svg": ('<?xml-stylesheet href="https://svg-stylesheet.example/x.css"?><svg '
                       'xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="9" height="9"/></svg>',
                       "svg-stylesheet.example"),
    "marker.svg": ('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><path d="M0 0L9 9" stroke="black" '
                   'marker-start="url( \'//svg-marker.example/m.svg#m\' )"/></svg>', "svg-marker.example"),
    "html.svg": ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" width="20" '
                 'height="20"><h:img src="https://svg-html.example/x.png"/></svg>', "svg-html.example"),
}


def outside_hosts(browser, url: str) -> set[str]:
    """The hosts other than this machine that opening `url` in Chromium asks for; every such request
    is logged and failed (never sent), so a fixture cannot reach the network."""
    context = browser.new_context()
    asked: set[str] = set()

    def route(handled: Any) -> None:
        host = urlsplit(handled.request.url).hostname
        if handled.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            handled.continue_()
        else:
            asked.add(host or handled.request.url)
            handled.abort()

    context.route("**/*", route)
    context.on("request", lambda request: None if request.url.startswith(("data:", "blob:")) or urlsplit(
        request.url).hostname == "127.0.0.1" else asked.add(urlsplit(request.url).hostname or request.url))
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # CSS and SVG resources are requested after the load event too
    context.close()
    return asked


def test_url_tricks_make_no_outside_request_in_a_real_browser(fixture_repo, browser, monkeypatch) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from publisher.commands.preview import PREVIEW_ENV
    from publisher.outputs.site_config import LANG_ENV, ORG_ENV
    from publisher.pipeline.whole import BuildFailed, build_all

    body = "\n\n".join(source for source, _, _ in URL_TRICKS)
    images = "\n\n".join(f"![{name}]({name})" for name in SVG_TRICKS)
    page = ("---\ntitle: Regler\nowner: HR\nreview_by: 2027-01-01\ntopics: [confidentiality]\n---\n\n"
            f"## Tavshedspligt {{#tavshed}}\n\n{body}\n\n{images}\n")
    svgs = {f"testby/{name}": svg for name, (svg, _) in SVG_TRICKS.items()}
    root = fixture_repo({"testby/regler.da.md": page, **svgs})
    with pytest.raises(BuildFailed) as refused:  # `make site` refuses every trick: no site is written
        build_all(root, root / "site", org_ids=["testby"], progress=lambda line: None, with_pdf=False)
    assert all(f"docs/testby/{name}:1: error:" in str(refused.value) for name in SVG_TRICKS)
    assert not (root / "site").exists()
    # `make serve` builds despite errors, as here (non-strict, errors shown): what it serves is sanitized.
    for name, value in ((PREVIEW_ENV, "1"), (ORG_ENV, "testby"), (LANG_ENV, "da")):
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(root)
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site/testby"), strict=False))
    control = root / "site/control"
    control.mkdir()
    (control / "page.html").write_text(
        "<!doctype html><html lang='da'><head><meta charset='utf-8'><title>x</title></head><body>"
        + "\n".join(raw or source for source, raw, _ in URL_TRICKS) + "</body></html>", encoding="utf-8")
    handler = functools.partial(_SubPathHandler, directory=str(root / "site"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}{SUB_PATH}"
    try:
        # The controls: unsanitized, each trick makes Chromium call its host (and the log sees it).
        assert outside_hosts(browser, base + "control/page.html") == {host for _, _, host in URL_TRICKS}
        for name, (_, host) in SVG_TRICKS.items():
            assert outside_hosts(browser, base + f"testby/{name}") == {host}, name
        # The published page, showing every SVG as an image: nothing from elsewhere.
        assert outside_hosts(browser, base + "testby/regler.html") == set()
        published = read_page(root / "site/testby/regler.html")  # the page that was opened holds the figures
        assert ("svg", {"role": "img", "width": "20", "height": "20"}) in published.elements
        assert ("img", {"alt": "import.svg", "src": "import.svg"}) in published.elements
    finally:
        httpd.shutdown()
