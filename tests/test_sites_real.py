"""The contract of the real publication: five organisation sites and a portal."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
from htmltools import html_pages, read_page
from publisher.model.organisations import load_catalogue
from publisher.model.wordings import wording_lines
from publisher.render.markdown_extensions import markdown_settings

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = load_catalogue(ROOT / "docs")
EXPECTED = {
    "region-midtjylland": "da", "kalundborg": "da", "moskenes": "nb",
    "sunndal": "nb", "region-nordjylland": "da",
}


def test_the_five_organisations_and_their_languages() -> None:
    assert {o.id: o.source_language for o in CATALOGUE.organisations.values()} == EXPECTED


def test_portal_lists_every_organisation_and_its_links_resolve(real_site: Path) -> None:
    portal = read_page(real_site / "index.html")
    hrefs = [link["href"] for link in portal.links]
    for org in CATALOGUE.organisations.values():
        assert f"{org.id}/index.html" in hrefs
        for language in org.translations:
            assert f"{org.id}/{language}/index.html" in hrefs
    for href in hrefs:
        assert (real_site / urlsplit(href).path).is_file(), href
    text = (real_site / "index.html").read_text(encoding="utf-8")
    for org in CATALOGUE.organisations.values():
        assert org.name in text
    assert "Denmark" in text and "Norway" in text


@pytest.mark.parametrize("org_id", EXPECTED)
def test_every_nav_page_exists_in_every_language_with_its_lang(real_site: Path, org_id: str) -> None:
    org = CATALOGUE.organisation(org_id)
    for language in org.languages:
        base = real_site / org_id if language == org.source_language else real_site / org_id / language
        for entry in org.nav:
            page = base / entry.replace(".md", ".html")
            assert page.is_file(), page
            assert read_page(page).html_lang == language, page


@pytest.mark.parametrize("org_id", EXPECTED)
def test_site_carries_name_wordmark_palette_and_footer(real_site: Path, org_id: str) -> None:
    org = CATALOGUE.organisation(org_id)
    site = real_site / org_id
    html = (site / "index.html").read_text(encoding="utf-8")
    assert f"<title>{org.name}</title>" in html or f"- {org.name}</title>" in html
    assert (site / "assets/images/wordmark.svg").is_file()
    assert org.palette.primary in (site / "assets/stylesheets/organisation.css").read_text(encoding="utf-8")
    footer = html.split('class="md-copyright guide-footer"', 1)[1]
    contact = CATALOGUE.languages[org.source_language].labels["contact"]
    if org.contact:  # only a contact the document itself gives
        assert f"{contact}: {org.contact.unit}" in footer
    else:
        assert f"{contact}:" not in footer, org_id
    assert org.document.title in footer
    for fact in org.document.facts:
        if not fact.is_date:
            assert str(fact.value) in footer, (org_id, fact.key)


@pytest.mark.parametrize("org_id", EXPECTED)
def test_no_fact_is_shown_that_the_organisation_did_not_state(real_site: Path, org_id: str) -> None:
    """Only stated facts, under their own names: no project-wide review date, no "not stated"."""
    org = CATALOGUE.organisation(org_id)
    for language in org.languages:
        labels = CATALOGUE.languages[language].labels
        stated = {labels[f"fact_{fact.key}"] for fact in org.document.facts}
        base = real_site / org_id if language == org.source_language else real_site / org_id / language
        for page in html_pages(base):
            html = page.read_text(encoding="utf-8")
            assert "2027-06-30" not in html and "ikke angivet" not in html and "not stated" not in html, page
            for key in ("approved_by", "approved_on", "adopted_by", "adopted_on", "version", "edition",
                        "print_number", "document_date", "agenda_item"):
                label = labels[f"fact_{key}"]
                if label not in stated:
                    assert f"<dt>{label}</dt>" not in html and f"{label}: " not in html, (page, label)


def test_no_placeholder_links_anywhere(real_site: Path) -> None:
    for page in html_pages(real_site):
        for link in read_page(page).links:
            assert link["href"] not in ("#", ""), f"{page}: placeholder link {link}"


PASSAGE_INCLUDE = re.compile(r'--8<-- "([\w-]+)/([\w-]+)\.(\w\w)\.md(?::([\w-]+))?"')


def _words(html: str) -> str:
    """The text of `html`, without the theme's heading permalinks, white space collapsed."""
    html = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_every_passage_is_the_organisations_own_and_reads_as_its_document(real_site: Path) -> None:
    """A page shows a shared wording only if its organisation adopted it, every word of it in place, as its
    own document reads: no box, no label (each real wording has one adopter, so no note either); and
    every adopted wording is shown on the organisation's site."""
    adoptions = CATALOGUE.adoptions
    assert adoptions.findings == ()
    extensions, configs = markdown_settings(ROOT, CATALOGUE.shared_dir)  # as the site renders, notes aside
    shown: set[tuple[str, str, str]] = set()
    for org in CATALOGUE.organisations.values():
        for source in sorted((ROOT / "docs" / org.id).glob("*.md")):
            includes = PASSAGE_INCLUDE.findall(source.read_text(encoding="utf-8"))
            if not includes:
                continue
            page_name, language = source.name.rsplit(".", 2)[0], source.name.rsplit(".", 2)[1]
            base = real_site / org.id if language == org.source_language else real_site / org.id / language
            html = (base / f"{page_name}.html").read_text(encoding="utf-8")
            page = read_page(base / f"{page_name}.html")
            assert not {"admonition", "passage", "passage-note"} & set(page.classes), source
            for topic, wording, written_language, section in includes:
                assert written_language == language, source
                assert adoptions.adoption(org.id, topic, wording) is not None, (source, topic, wording)
                assert adoptions.adopters(topic, wording) == [org.id], (topic, wording)
                text = (ROOT / "docs/_shared" / topic / f"{wording}.{language}.md").read_text(encoding="utf-8")
                body = "\n".join(wording_lines(text, section or None) or [])
                assert _words(markdown.markdown(body, extensions=extensions, extension_configs=configs)) in _words(
                    html), (source, section)
                shown.add((org.id, topic, wording))
    assert shown == {(a.org_id, a.topic, a.wording) for a in adoptions.adoptions}


def test_no_rule_appears_twice_on_a_page(real_site: Path) -> None:
    """Every sentence of a page's text stands once: a wording replaces the organisation's text."""
    for page in html_pages(real_site):
        article = page.read_text(encoding="utf-8").split('<article', 1)[-1].split("</article>", 1)[0]
        text = re.sub(r"<[^>]+>", " ", article)
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text))]
        long_ones = [s for s in sentences if len(s.split()) >= 8]
        repeated = {s for s in long_ones if long_ones.count(s) > 1}
        assert not repeated, (page, repeated)


def test_search_index_per_site_uses_its_language(real_site: Path) -> None:
    lunr = {"da": "da", "nb": "no", "en": "en"}
    for org in CATALOGUE.organisations.values():
        for language in org.languages:
            base = real_site / org.id if language == org.source_language else real_site / org.id / language
            index = (base / "search/search_index.js").read_text(encoding="utf-8")
            assert f'"lang":["{lunr[language]}"]' in index
            assert '"pipeline":["trimmer"]' in index  # no stemmer (mkdocs.yml says why); stop words indexed


def test_no_third_party_urls_in_built_html(real_site: Path) -> None:
    for page in html_pages(real_site):
        for tag, attributes in read_page(page).elements:
            for name in ("src", "href"):
                value = attributes.get(name, "")
                if tag in ("script", "link", "img", "iframe") and value:
                    assert not urlsplit(value).netloc, f"{page}: {tag} loads {value}"


def test_every_address_is_relative_so_a_copied_site_works_anywhere(real_site: Path) -> None:
    """Root-absolute addresses ('/assets/…') break under /intranet/guides/<org>/ and from file://."""
    absolute = {
        str(page.relative_to(real_site)): found
        for page in real_site.rglob("*.html")
        if (found := re.findall(r'(?:href|src)="(/[^"]*)"', page.read_text(encoding="utf-8")))
    }
    assert absolute == {}
    assert not list(real_site.rglob("404.html"))  # the theme's not-found page can only be root-absolute


def test_every_page_has_one_skip_link_to_its_content(real_site: Path) -> None:
    for page in real_site.glob("*/**/*.html"):
        html = page.read_text(encoding="utf-8")
        if "md-content__inner" not in html:
            continue  # the portal and status pages are not theme pages
        assert html.count('class="md-skip"') == 1, page
        assert '<a href="#guide-content" class="md-skip">' in html and 'id="guide-content"' in html, page


def test_topic_pages_show_every_adopted_wording_side_by_side(real_site: Path) -> None:
    adoptions = CATALOGUE.adoptions
    for topic in {a.topic for a in adoptions.adoptions}:
        for language in ("da", "nb", "en"):
            page = real_site / "topics" / f"{topic}.{language}.html"
            html = page.read_text(encoding="utf-8")
            for adoption in (a for a in adoptions.adoptions if a.topic == topic):
                assert CATALOGUE.organisations[adoption.org_id].name in html, (page, adoption.org_id)
                assert adoption.where.replace("'", "&#39;") in html, (page, adoption.where)
            for link in read_page(page).links:
                target = (page.parent / link["href"].split("#")[0]).resolve()
                assert target.is_file(), (page, link["href"])
    portal = (real_site / "index.html").read_text(encoding="utf-8")
    assert 'href="topics/threats.en.html"' in portal


def test_pdfs_show_shared_passages_as_the_site_does(real_site: Path) -> None:
    """The organisation's own wording reads in the PDF as on its page: its words, no label around them."""
    import pypdf

    text = " ".join(p.extract_text() for p in pypdf.PdfReader(real_site / "kalundborg/pdf/kalundborg-da.pdf").pages)
    words = " ".join(text.split())
    assert "Gør følgende hvis du modtager trusler på Facebook" in words
    assert "tekst fra Kalundborg Kommune" not in words


@pytest.mark.parametrize("org_id", EXPECTED)
def test_home_page_is_the_front_door_to_every_page(real_site: Path, org_id: str) -> None:
    org = CATALOGUE.organisation(org_id)
    for language in org.languages:
        base = real_site / org_id if language == org.source_language else real_site / org_id / language
        html = (base / "index.html").read_text(encoding="utf-8")
        own, door = html.split("<article", 1)[1].split('<nav class="guide-front-door"', 1)
        door = door.split("</nav>", 1)[0]
        linked = re.findall(r'<a href="([^"]+)"', door)
        pages = [entry.replace(".md", ".html") for entry in org.nav[1:]]
        listed = all(f'href="{page}"' in own for page in pages)  # the start page's own list of its pages
        # Every page (unless the start page's own text lists them) and the PDF, and nothing else: no "most
        # asked" topics (nothing measures what readers ask).
        pdf = ("" if language == org.source_language else "../") + f"pdf/{org_id}-{language}.pdf"
        assert linked == ([] if listed else pages) + [pdf], (org_id, language, linked)


def test_every_page_describes_itself_with_its_own_opening_words(real_site: Path) -> None:
    for page in html_pages(real_site):
        if page.parent.name in ("topics", "status") or page == real_site / "index.html":
            continue
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        found = re.search(r'<meta name="description" content="([^"]+)">', html)
        assert found, page
        words = found.group(1).replace(" …", "").replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")
        article = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.split("<article", 1)[1]))
        article = article.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&").replace("&quot;", '"')
        assert " ".join(words.split()[:6]) in article, (page, words)
        assert 'rel="alternate" href="' not in html.split("</head>")[0] or "https://" in html, page


def test_portal_is_branded_sorted_by_name_and_has_its_own_favicon_and_fonts(real_site: Path) -> None:
    portal = (real_site / "index.html").read_text(encoding="utf-8")
    names = [org.name for org in CATALOGUE.organisations.values()]
    positions = [portal.index(f"<strong>{name}</strong>") for name in names]
    assert [name for _, name in sorted(zip(positions, names, strict=True))] == sorted(names, key=str.casefold)
    assert portal.count('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" aria-hidden="true"') == len(names)
    assert (real_site / "assets/images/favicon.svg").is_file()
    assert (real_site / "assets/fonts/source-sans-3-latin-400-normal.woff2").is_file()


def test_status_page_says_when_there_is_nothing_to_review(real_site: Path) -> None:
    status = (real_site / "status/index.html").read_text(encoding="utf-8")
    reviews = status.split('id="reviews"', 1)[1].split("</table>", 1)[0]
    assert "Nothing to review" in reviews
    assert status.count('<div class="table-wrap" tabindex="0"><table>') == status.count("<table>")


@pytest.mark.parametrize("org_id", EXPECTED)
def test_navigation_titles_tell_the_pages_apart(real_site: Path, org_id: str) -> None:
    """No two entries of a site's navigation begin with the same three words (editorial short titles
    in front matter, `nav_title`, where the document's titles are alike), and the site shows them."""
    import yaml
    from publisher.outputs.site_config import BuildTarget, nav_entries

    org = CATALOGUE.organisation(org_id)
    for language in org.languages:
        titles = []
        for entry in nav_entries(CATALOGUE, BuildTarget(org, language)):
            if isinstance(entry, dict):
                titles.append(next(iter(entry)))
            else:
                text = (ROOT / "docs" / org_id / entry.replace(".md", f".{language}.md")).read_text(encoding="utf-8")
                titles.append(str(yaml.safe_load(text.split("---")[1])["title"]))
        starts = [" ".join(t.split()[:3]).casefold() for t in titles]
        assert len(set(starts)) == len(starts), (org_id, language, titles)
        base = real_site / org_id if language == org.source_language else real_site / org_id / language
        html = (base / "gode-raad.html" if org_id == "kalundborg" else base / "index.html").read_text(encoding="utf-8")
        for title in titles:
            assert title in html, (org_id, language, title)


def _article(page: Path) -> str:
    return page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]


@pytest.mark.parametrize("org_id", EXPECTED)
def test_start_page_lists_its_pages_once_and_no_heading_repeats(real_site: Path, org_id: str) -> None:
    """One contents list on a front door (Moskenes listed its pages twice, "1. 1. Felles …"), and no heading
    says what the one before it said (Kalundborg's <h1>Baggrund above <h2>Baggrund; two "Indhold")."""
    org = CATALOGUE.organisation(org_id)
    for language in org.languages:
        base = real_site / org_id if language == org.source_language else real_site / org_id / language
        start = _article(base / "index.html")
        for entry in org.nav[1:]:
            assert start.count(f'href="{entry.replace(".md", ".html")}"') == 1, (org_id, language, entry)
        for page in sorted(base.glob("*.html")):
            headings = [" ".join(re.sub(r"<[^>]+>", "", h).replace("¶", "").split())
                        for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", _article(page), re.S)]
            repeated = sorted({h for h in headings if headings.count(h) > 1})
            assert repeated == [], (page, repeated)


def test_every_summary_ends_on_a_sentence_or_list_item_boundary(real_site: Path) -> None:
    """Region Midtjylland's ran list items together, Region Nordjylland's stopped inside a citation."""
    from html import unescape

    from publisher.render.front_door import text_blocks

    for org in CATALOGUE.organisations.values():
        for page in sorted((real_site / org.id).rglob("*.html")):
            found = re.search(r'<meta name="description" content="([^"]*)">', page.read_text(encoding="utf-8"))
            if not found or 'http-equiv="refresh"' in page.read_text(encoding="utf-8"):
                continue
            summary = unescape(found.group(1))
            blocks = text_blocks(_article(page).split("<h1", 1)[-1].split("</h1>", 1)[-1])
            if not blocks:
                continue
            whole = summary in (blocks[0], f"{blocks[0]} {blocks[1]} …" if len(blocks) > 1 else None)
            sentence = blocks[0].startswith(summary) and summary[-1] in ".!?" and \
                blocks[0][len(summary):len(summary) + 1] in ("", " ")
            assert whole or sentence, (page, summary)


@pytest.mark.parametrize("org_id", EXPECTED)
def test_pdf_lists_its_pages_once_on_its_contents_page(org_id: str) -> None:
    """Moskenes' PDF followed its contents page with a page holding only the same three links."""
    from publisher.outputs.pdf import render_document

    org = CATALOGUE.organisation(org_id)
    for language in org.languages:
        html = render_document(ROOT, CATALOGUE, org_id, language)
        for entry in org.nav:
            base = entry.removesuffix(".md")
            if f'id="{base}"' in html:
                assert html.count(f'href="#{base}"') == 1, (org_id, language, base)


def test_topic_page_names_an_organisations_other_pages_on_the_topic() -> None:
    """Moskenes' confidentiality topic showed only its paragraph under "Lojalitet, informasjons- og
    taushetsplikt …" and missed its words on "taushetsplikt" on other pages (tagged `topics:`)."""
    from publisher.render.topic_pages import render_topic_pages

    page = render_topic_pages(CATALOGUE, ROOT / "overrides")["topics/confidentiality.nb.html"]
    moskenes = page.split("<dt>Moskenes kommune</dt>", 1)[1].split("</dl>", 1)[0]
    assert '<dd>Vises på: <a href="../moskenes/felles-grunnlag.html">' in moskenes
    for base in ("pa-vegne-av-kommunen", "privat-bruk"):
        assert f'<dd>Også om temaet: <a href="../moskenes/{base}.html">' in moskenes, base
    assert "Også om temaet: <a href=\"../moskenes/felles-grunnlag.html\">" not in moskenes  # shown there already


@pytest.mark.parametrize("org_id", EXPECTED)
def test_every_fact_shown_rests_on_the_documents_words(org_id: str) -> None:
    """Each fact of the current edition and the contact carry the words they rest on; `make check` finds them in
    the committed extracted text (test_checks_organisation_data holds that it does)."""
    from publisher.checks import check_all

    org = CATALOGUE.organisation(org_id)
    assert org.editions and (ROOT / "docs/_sources" / org_id / "extracted.txt").is_file()
    assert sorted(org.editions[-1].said) == sorted(fact.key for fact in org.document.facts), org_id
    assert org.contact is None or org.contact.said, org_id
    assert [f for f in check_all(CATALOGUE).errors if org_id in f.path or f"'{org_id}'" in f.message] == []
