"""The "about this guideline" page of each site and the matching appendix of each PDF.

Both render `overrides/about/about.html` (autoescaped), so the site and the archive say the same:
which document the pages reproduce, the facts it states, and every recorded editorial change.
"""

from __future__ import annotations

import re

import jinja2

from ..model.dates import long_date
from ..model.document_facts import APPROVAL_FACTS
from ..model.edition_snapshots import site_archive_path
from ..model.editions import Notices, named, notices, period_text, periods
from ..model.editorial import load_editorial
from ..model.organisations import Catalogue
from ..model.shown_facts import shown_facts
from ..model.sources import read_source
from .template_cache import shared_environment

ABOUT_PAGE = "about.md"  # generated in every language site
ABOUT_TEMPLATE = "about/about.html"
CHANGES_PAGE = "editions/{number}-changes.md"  # generated for every edition after the first
# The pages about the site rather than the guideline (this one, the change views, the accessibility
# statement) weigh half in search: their quoted passages and common words then do not outrank the
# guideline's own pages, and a search for what they are about still finds them.
ABOUT_SEARCH = "search:\n  boost: 0.5\n"
# A surrogate pair as JSON escapes a character beyond U+FFFF ("\ud83c\udf0d"), not after an escaped backslash.
SURROGATE_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})")


def front_matter_string(text: str) -> str:
    """`text` as a double-quoted YAML string on one line: JSON with '<', '>', '&' and "'" escaped too (a YAML
    double-quoted scalar reads JSON's escapes), except that a character beyond U+FFFF is written as YAML's
    \\UXXXXXXXX: JSON's surrogate pair reads as two lone surrogates (PyYAML) or is refused (libyaml, as
    MkDocs reads a page)."""
    def joined(match: re.Match[str]) -> str:
        high, low = int(match[2], 16), int(match[3], 16)
        return f"{match[1]}\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08x}"

    return SURROGATE_PAIR.sub(joined, jinja2.utils.htmlsafe_json_dumps(text))


def translation_notice(catalogue: Catalogue, org_id: str, language: str) -> str | None:
    """'This is a translation. The Danish text is the one that applies.'; None on source-language pages."""
    org = catalogue.organisation(org_id)
    if language == org.source_language:
        return None
    labels = catalogue.languages[language]
    return labels.labels["translation_notice"].format(source=labels.names.get(org.source_language,
                                                                               org.source_language))


def page_titles(catalogue: Catalogue, org_id: str, language: str) -> dict[str, str]:
    org = catalogue.organisation(org_id)
    titles = {}
    for entry in org.nav:
        base = entry.removesuffix(".md")
        path = catalogue.org_dir(org_id) / f"{base}.{language}.md"
        if path.is_file():
            titles[base] = str(read_source(path, path.name).front_matter.get("title", base))
    return titles


def editions_view(catalogue: Catalogue, org_id: str, language: str, link_pages: bool) -> list[dict[str, object]]:
    """Every edition, newest first, as the editions page shows it."""
    org = catalogue.organisation(org_id)
    labels = catalogue.languages[language].labels
    up = "" if language == org.source_language else "../"
    names = catalogue.languages[language].names
    view = []
    for edition, start, end in periods(org):
        note = edition.note_in(language, org.source_language)
        name, translated = edition.name_in(language)
        own = ("name",) if translated else ()
        pdfs = [{
            "href": up + site_archive_path(org_id, edition.number, code),
            "label": named(labels["edition_pdf"], language, org.source_language, own, name=name,
                           language=names.get(code, code)),
            "hreflang": code,
        } for code in org.languages] if link_pages else []
        view.append({
            "number": edition.number,
            "anchor": edition.anchor,
            "title": named(labels["edition_name"], language, org.source_language, own, name=name),
            "current": edition is org.editions[-1],
            "period": period_text(labels, language, edition, start, end),
            "recorded_on": edition.recorded_on,
            "facts": shown_facts(org, labels, language, edition.facts, edition.translated),
            "note": note[0] if note else None,
            "note_lang": note[1] if note and note[1] != language else None,
            "pdfs": pdfs,
            "compare_href": (CHANGES_PAGE.format(number=edition.number).replace(".md", ".html")
                             if edition.number > 1 and link_pages else None),
            "compare": named(labels["edition_compare"], language, org.source_language,
                             name=org.editions[edition.number - 2].name) if edition.number > 1 else None,
        })
    return list(reversed(view))


def about_html(catalogue: Catalogue, org_id: str, language: str, link_pages: bool = True,
               state: Notices | None = None) -> str:
    """The body of the editions page (HTML). `link_pages` links pages and PDFs (the site, not the PDF).

    `state`: what to say about unapproved changes; by default computed from the sources.
    """
    org = catalogue.organisation(org_id)
    labels = catalogue.languages[language].labels
    titles = page_titles(catalogue, org_id, language)
    changes = []
    record = load_editorial(catalogue, org_id)
    for change in record.changes:
        changes.append({
            "page_title": titles.get(change.page, change.page) if change.page else labels["whole_document"],
            "href": f"{change.page}.html" if change.page and link_pages else None,
            "kind": labels[change.label_key],
            "original": change.original,
            "published": change.published,
            "explain": change.explained_in(language),
        })
    env = shared_environment(catalogue.root / "overrides", (("guide_date", long_date),), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template(ABOUT_TEMPLATE).render(
        language=language,
        org=org,
        labels=labels,
        facts=shown_facts(org, labels, language),
        has_approval=any(fact.key in APPROVAL_FACTS for fact in org.document.facts),
        changes=changes,
        records=[{"date": r.date, "text": r.text[language]} for r in record.records if language in r.text],
        editions=editions_view(catalogue, org_id, language, link_pages),
        notices=state if state is not None else notices(catalogue, org_id, language),
        titles=titles,
        link_pages=link_pages,
    )


def about_markdown(catalogue: Catalogue, org_id: str, language: str) -> str:
    """The generated page: a title, and the HTML body as a raw block that Markdown leaves alone."""
    title = catalogue.languages[language].labels["about_title"]
    return (f"---\ntitle: {front_matter_string(title)}\n{ABOUT_SEARCH}---\n\n"
            f"{about_html(catalogue, org_id, language)}\n")
