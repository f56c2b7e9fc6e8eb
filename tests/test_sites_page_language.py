"""Every string a reader can see or hear around the text is in the page's language.

Each `title`, `aria-label`, `alt` and `placeholder` on every built page of every real site comes from
that language's strings (docs/languages.yml plus mkdocs-material's file for that language) or from the
document itself (its text and page titles, the organisation's name): so the next English label on a
Danish page ("Dark mode", "Permanent link", nb "Header") fails here, not in a review. The current PDFs
carry no chrome label of another language.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape
from publisher.model.organisations import load_catalogue

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = load_catalogue(ROOT / "docs")
SPOKEN = ("title", "aria-label", "alt", "placeholder")
THEME_LANGUAGES = Path(__import__("material").__file__).parent / "templates/partials/languages"


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Spoken(HTMLParser):
    """The attribute values a reader hears, and the page's visible text (the document's own words); with
    `own_language_only`, only the text in the page's language (`<html lang>`), not that of a part marked
    with another `lang` (an organisation's name for its document, a language's own name)."""

    def __init__(self, own_language_only: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.values: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.text: list[str] = []
        self.language = ""
        self._hidden = 0
        self._open: list[tuple[str, str]] = []  # (tag, its language)
        self._own_only = own_language_only

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in SPOKEN and value and value.strip():
                self.values.append((tag, name, value.strip()))
        lang = dict(attrs).get("lang") or (self._open[-1][1] if self._open else "")
        if tag == "html":
            self.language = lang
        if tag not in VOID:
            self._open.append((tag, lang))
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style") and self._hidden > 0
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        in_other = self._own_only and self._open and self._open[-1][1] != self.language
        if not self._hidden and not in_other:
            self.text.append(data)


def _theme_file(code: str) -> dict[str, str]:
    text = (THEME_LANGUAGES / f"{code}.html").read_text(encoding="utf-8")
    pairs = re.findall(r'"([^"]+)": "([^"]*)"', text)
    return {key: value for key, value in pairs if not key.startswith("search.config")}


def theme_strings(code: str) -> set[str]:
    """The theme's strings in `code`, without those its file leaves in English (nb "Header", "Footer"): where
    such a word is right in the language too, our labels say so (da `theme_nav: Navigation`)."""
    english = _theme_file("en")
    return {value for key, value in _theme_file(code).items() if code == "en" or english.get(key) != value}


def language_strings(language: str) -> set[str]:
    """Our labels (those without placeholders) and the theme's strings, in `language`."""
    spoken = CATALOGUE.languages[language]
    labels = {value for value in spoken.labels.values() if "{" not in value}
    return labels | theme_strings(spoken.labels["theme"]) | set(spoken.names.values())


def site_pages(site: Path, org_id: str, language: str) -> list[Path]:
    org = CATALOGUE.organisation(org_id)
    base = site / org_id if language == org.source_language else site / org_id / language
    others = {base / code for code in org.languages if code != language}
    return sorted(p for p in base.rglob("*.html") if not any(o in p.parents for o in others))


def unexplained(page: Path, strings: set[str], names: set[str], own_language_only: bool = False) -> list[str]:
    """Each spoken value of `page` that is neither a string of its language nor the document's own words
    (with `own_language_only`: nor words of the page in its own language)."""
    parsed = _Spoken(own_language_only)
    parsed.feed(page.read_text(encoding="utf-8"))
    text = " ".join(" ".join(parsed.text).split())

    def own(value: str) -> bool:
        return value in strings or value in names or " ".join(value.split()) in text

    found = []
    for tag, attribute, value in parsed.values:
        label, _, rest = value.partition(": ")  # "Næste: Baggrund": the theme's word and a page title
        parts = rest.split(", ") if own_language_only else [rest]  # "PDF: Region Nordjylland, Danish"
        known = label in strings or (own_language_only and own(label))  # the portal's own "PDF"
        if not (own(value) or (rest and known and all(own(part) for part in parts))):
            found.append(f"{page.name}: <{tag} {attribute}=\"{value}\">")
    return found


@pytest.mark.parametrize("org_id", sorted(CATALOGUE.organisations))
def test_every_title_label_alt_and_placeholder_is_in_the_page_language(real_site: Path, org_id: str) -> None:
    org = CATALOGUE.organisation(org_id)
    names = {o.name for o in CATALOGUE.organisations.values()}
    for language in org.languages:
        strings = language_strings(language)
        pages = site_pages(real_site, org_id, language)
        assert len(pages) > len(org.nav), (org_id, language)
        found = [line for page in pages for line in unexplained(page, strings, names)]
        found += [f"{page.name}: {label}" for page in pages for label in foreign_chrome(page, language)
                  if label not in own_words(org_id)]  # "Norsk bokmål" unmarked in an English page's menu
        assert found == [], (org_id, language)


def test_the_test_finds_an_english_label_on_a_danish_page(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text('<html lang="da"><body><label title="Dark mode"></label><a aria-label="Næste: Baggrund">'
                    '</a><h1>Baggrund</h1><img alt="Region Midtjylland"><a title="Permanent link"></a></body>'
                    '</html>', encoding="utf-8")
    assert unexplained(page, language_strings("da"), {"Region Midtjylland"}) == [
        'index.html: <label title="Dark mode">', 'index.html: <a title="Permanent link">']


def chrome_labels(language: str) -> set[str]:
    """Our labels of `language` that no other language shares, of two words or more (a single word such as
    "Version" or "Facebook" is the same in several languages)."""
    mine = {v for v in CATALOGUE.languages[language].labels.values() if "{" not in v and len(v.split()) > 1}
    others = {v for code, spoken in CATALOGUE.languages.items() if code != language for v in spoken.labels.values()}
    return mine - others


def own_words(org_id: str) -> str:
    """The document's own words: its pages in its language and what the editorial record quotes from it."""
    org = CATALOGUE.organisation(org_id)
    pages = sorted(CATALOGUE.org_dir(org_id).glob(f"*.{org.source_language}.md"))
    record = ROOT / "docs/_editorial" / f"{org_id}.yml"
    return " ".join(" ".join(path.read_text(encoding="utf-8") for path in [*pages, record]).split())


@pytest.mark.parametrize("org_id", sorted(CATALOGUE.organisations))
def test_current_pdfs_carry_no_chrome_label_of_another_language(real_site: Path, org_id: str) -> None:
    import pypdf

    org = CATALOGUE.organisation(org_id)
    for language in org.languages:
        pdf = real_site / org_id / "pdf" / f"{org_id}-{language}.pdf"
        text = " ".join(" ".join(page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages).split())
        foreign = sorted(label for code in CATALOGUE.languages if code != language
                         for label in chrome_labels(code) if label in text and label not in own_words(org_id))
        assert foreign == [], (org_id, language)


@pytest.mark.parametrize("org_id", sorted(CATALOGUE.organisations))
def test_editorial_record_explains_each_change_in_the_page_language(real_site: Path, org_id: str) -> None:
    """No "(links to the pages)" or "[page break]" inside a Danish table: an editor's words are `explain`ed
    per language, and the quoted words are the document's alone."""
    from publisher.model.editorial import load_editorial

    org = CATALOGUE.organisation(org_id)
    changes = [change for change in load_editorial(CATALOGUE, org_id).changes if change.explain]
    for language in org.languages:
        base = real_site / org_id if language == org.source_language else real_site / org_id / language
        about = unescape((base / "about.html").read_text(encoding="utf-8"))
        for change in changes:
            assert f": {change.explain[language]}</td>" in about, (org_id, language, change)
            for other, words in change.explain.items():
                if words != change.explain[language]:
                    assert words not in about, (org_id, language, other, words)
        for change in load_editorial(CATALOGUE, org_id).changes:
            assert not re.search(r"\((as|links|back|numbered|printed|labels|repeated|page)\b|\[page break\]",
                                 change.original + change.published), change


@pytest.mark.parametrize("org_id", sorted(CATALOGUE.organisations))
def test_facts_on_a_translated_page_are_in_its_words(real_site: Path, org_id: str) -> None:
    """No "Edition 3.0 – maj 2019" or "Agenda item: pkt. 6" on English pages: a text fact recorded in the
    translation's words (editions.yml `facts_translated`) is shown in them, a body's name saying what it is."""
    org = CATALOGUE.organisation(org_id)
    for language in org.translations:
        footer = (real_site / org_id / language / "index.html").read_text(encoding="utf-8").split(
            'class="md-copyright guide-footer"', 1)[1].split("</div>", 1)[0]
        if org.contact:  # "Contact: HR og Personale (the municipality's human resources unit)"
            said = CATALOGUE.languages[language].labels["contact"]
            assert f"{said}: {escape(org.contact.unit_in(language))}" in footer, (org_id, language)
            assert org.contact.unit_in(language) != org.contact.unit, (org_id, "say what the unit is")
        words = org.document.fact_translations.get(language, {})
        for key, text in words.items():
            label = CATALOGUE.languages[language].labels[f"fact_{key}"]
            assert f"{label}: <span>{escape(text)}</span>" in footer, (org_id, key)
            assert f"{label}: <span>{escape(str(org.document.fact(key)))}</span>" not in footer, (org_id, key)


def test_a_translated_fact_must_be_a_text_fact_of_the_edition() -> None:
    from publisher.model.edition_records import parse_editions

    org = CATALOGUE.organisation("kalundborg")
    entry = {"number": 1, "recorded_on": dt.date(2026, 12, 1), "note": {"da": "Første."},
             "facts": {"approved_by": "Hovedudvalget", "approved_on": dt.date(2011, 8, 16)},
             "facts_translated": {"en": {"agenda_item": "item 6"}, "nb": {"approved_by": "x"}}}
    editions, findings = parse_editions({"editions": [entry]}, org, "editions.yml", lambda *keys: len(keys))
    assert [f.message for f in findings] == [
        "'agenda_item' is not a text fact of this edition (approved_by), or its words are empty",
        "'nb' is not a translation language of 'kalundborg' (en)",
    ]


def site_wide_pages(site: Path) -> list[tuple[Path, str]]:
    """The portal and the editors' status page (English), and every topic page (`<topic>.<language>.html`),
    each with the language it is written in."""
    pages = [(site / "index.html", "en"), (site / "status" / "index.html", "en")]
    return pages + [(path, path.suffixes[-2][1:]) for path in sorted((site / "topics").glob("*.html"))]


def foreign_chrome(page: Path, language: str) -> list[str]:
    """Chrome labels of another language in the page's own-language text (outside parts marked `lang`)."""
    parsed = _Spoken(own_language_only=True)
    parsed.feed(page.read_text(encoding="utf-8"))
    text = " ".join(" ".join(parsed.text).split())
    return sorted(label for code in CATALOGUE.languages if code != language for label in chrome_labels(code)
                  if label in text)


def test_the_portal_status_and_topic_pages_speak_their_own_language(real_site: Path) -> None:
    """Every title, aria-label, alt and placeholder of the site-wide pages in the page's language (a language's
    own name, "Dansk", is marked as such in the text, not spoken inside an English label), and no chrome
    label of another language in the page's own text."""
    names = {o.name for o in CATALOGUE.organisations.values()}
    pages = site_wide_pages(real_site)
    assert len(pages) > 2 + len(CATALOGUE.topics)
    found = []
    for page, language in pages:
        parsed = _Spoken()
        parsed.feed(page.read_text(encoding="utf-8"))
        assert parsed.language == language, page
        found += unexplained(page, language_strings(language), names, own_language_only=True)
        found += [f"{page.name}: {label}" for label in foreign_chrome(page, language)]
    assert found == []


def test_the_test_finds_a_language_name_spoken_in_an_english_label(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text('<html lang="en"><body><span lang="da">Dansk</span> <a aria-label="PDF: Region Nordjylland, '
                    'Dansk">PDF</a> <a aria-label="PDF: Region Nordjylland, Danish">PDF</a> <p>Alle organisationer'
                    '</p><p lang="da">Alle organisationer</p></body></html>', encoding="utf-8")
    assert unexplained(page, language_strings("en"), {"Region Nordjylland"}, own_language_only=True) == [
        'index.html: <a aria-label="PDF: Region Nordjylland, Dansk">']
    assert foreign_chrome(page, "en") == ["Alle organisationer"]
