"""One archival PDF per organisation and language, made with WeasyPrint from the Markdown.

The document is rendered from the same sources and Markdown extensions as the site (not from
the site's HTML), with links rewritten to jump inside the PDF. Output is PDF/A-2a (tagged),
with the document language and title set, fonts from the repository, no network access, and
byte-identical output for identical sources (dates come from SOURCE_DATE_EPOCH or git).
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..files.findings import Finding, PublisherError, display_path
from ..files.safe_files import confined_fetcher
from ..model.adopted import filler
from ..model.dates import long_date
from ..model.editions import notices
from ..model.organisation_types import Organisation
from ..model.organisations import Catalogue
from ..model.shown_facts import shown_facts
from ..model.sources import Source, read_source
from ..model.translations import notice_text, page_status
from ..render import branding
from ..render.about import about_html, translation_notice
from ..render.markdown_extensions import markdown_settings
from ..render.passage_labels import labeller
from ..render.sanitize import sanitize
from .inputs import source_date_epoch
from .pdf_artifacts import mark_running_content
from .site_config import BuildTarget

PDF_TEMPLATE = "pdf/document.html"
PDF_VARIANT = "pdf/a-2a"


def pdf_name(org_id: str, language: str) -> str:
    return f"{org_id}-{language}.pdf"


class _InternalLinks(Treeprocessor):
    """Give ids a per-page prefix and point internal links at them, so they work inside one PDF."""

    def __init__(self, md: markdown.Markdown, page: str) -> None:
        super().__init__(md)
        self.page = page

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if "id" in element.attrib:
                element.set("id", f"{self.page}--{element.get('id')}")
            href = element.get("href") if element.tag == "a" else None
            if href is None:
                continue
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            fragment = unquote(parts.fragment)
            target = posixpath.basename(unquote(parts.path))
            if target:
                target_page = target.removesuffix(".md").split(".")[0]
                element.set("href", f"#{target_page}--{fragment}" if fragment else f"#{target_page}")
            elif fragment:
                element.set("href", f"#{self.page}--{fragment}")


class _NoContentsList(Treeprocessor):
    """The start page without its list of the pages (and the heading just above it): the PDF has its own
    contents page, so Moskenes' PDF no longer follows it with a page of the same three links."""

    def run(self, root: etree.Element) -> None:
        children = list(root)
        for index, element in enumerate(children):
            if element.tag in ("ol", "ul") and _lists_pages(element):
                root.remove(element)
                before = children[index - 1] if index else None
                if before is not None and before.tag in ("h2", "h3", "h4", "h5", "h6") and before in list(root):
                    root.remove(before)


def _lists_pages(element: etree.Element) -> bool:
    """Whether every link in the list leads to another page (by its Markdown name), and there is one."""
    hrefs = [a.get("href") or "" for a in element.iter("a")]
    return bool(hrefs) and all(not urlsplit(h).scheme and urlsplit(h).path.endswith(".md") for h in hrefs)


class _InternalLinksExtension(Extension):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_InternalLinks(md, self.page), "guide_pdf_links", 1)
        if self.page == "index":
            md.treeprocessors.register(_NoContentsList(md), "guide_pdf_no_contents_list", 2)


@dataclass(frozen=True)
class PdfSection:
    id: str
    title: str
    html: str
    lang: str | None  # set when the section is shown in another language (untranslated)
    notice: str | None = None  # "This translation may be out of date …", as the site's page says


@dataclass(frozen=True)
class EditionPrint:
    """What a PDF says about its edition. The current PDF: computed from the sources (`current_print`);
    an archived edition's PDF: given by `make edition` (its facts, its change appendix, its date)."""

    cover_notice: str | None = None  # "not approved yet" (no approval stamp then) or "translation changed"
    show_facts: bool = True
    appendix: tuple[str, str] | None = None  # (title, HTML): the changes from the previous edition
    date: dt.datetime | None = None
    about: str | None = None  # the editions page as the appendix shows it


def current_print(catalogue: Catalogue, org_id: str, language: str) -> EditionPrint:
    said = notices(catalogue, org_id, language)
    return EditionPrint(cover_notice=said.unapproved or said.translation_changed, show_facts=said.unapproved is None)


def _render(text: str, page: str, extensions: list[Any], configs: dict[str, Any]) -> str:
    md = markdown.Markdown(extensions=[*extensions, _InternalLinksExtension(page)], extension_configs=configs)
    return md.convert(text)


def _body(source: Source) -> str:
    return source.body


def document_date(catalogue: Catalogue, org: Organisation, language: str) -> dt.datetime:
    """The PDF's date: the one build time of its site (`inputs.source_date_epoch`), in `make site` and
    `make pdf` alike: SOURCE_DATE_EPOCH if set, else the newest commit of the site's inputs."""
    return dt.datetime.fromtimestamp(source_date_epoch(catalogue, BuildTarget(org, language)), tz=dt.UTC)


def sections(catalogue: Catalogue, org: Organisation, language: str,
             extensions: list[Any], configs: dict[str, Any]) -> list[PdfSection]:
    """Every nav page in order; an untranslated page falls back to its source, marked with its language."""
    folder = catalogue.org_dir(org.id)
    result = []
    for entry in org.nav:
        base = entry.removesuffix(".md")
        path = folder / f"{base}.{language}.md"
        if not path.is_file():
            raise PublisherError([Finding(catalogue.config_display, org.line,
                                          f"{display_path(path, catalogue.root)} does not exist; "
                                          f"run 'make check' for what to do")])
        page = read_source(path, display_path(path, catalogue.root))
        title = str(page.front_matter.get("title", base))
        lang = None
        if page.front_matter.get("untranslated") is True:
            source_path = folder / f"{base}.{org.source_language}.md"
            page = read_source(source_path, display_path(source_path, catalogue.root))
            lang = org.source_language
        notice = (notice_text(catalogue, page_status(catalogue, org.id, language, base))
                  if language != org.source_language else None)
        # The same allow-list as the site: no script, no file: or other local addresses, no attachments.
        html = sanitize(_render(_body(page), base, extensions, configs)).html
        if base == "index" and not html.strip():
            continue  # a start page that only listed the pages: the contents page lists them
        result.append(PdfSection(base, title, html, lang, notice))
    return result


def css_counter_text(template: str) -> str:
    """'Side {page} af {pages}' -> '"Side " counter(page) " af " counter(pages)' for @page boxes."""
    parts = re.split(r"(\{page\}|\{pages\})", template)
    out = []
    for part in parts:
        if part == "{page}":
            out.append("counter(page)")
        elif part == "{pages}":
            out.append("counter(pages)")
        elif part:
            out.append('"' + "".join(_css_string_char(char) for char in part) + '"')
    return " ".join(out)


def _css_string_char(char: str) -> str:
    """One character of a CSS string inside <style>: anything that could end the string, the rule or the
    element (quotes, backslash, '<', '>', '&', line breaks, control characters) as a CSS escape, `\\3c `."""
    if char.isalnum() or char in " .,:;!?()-/'%" or (ord(char) > 0x7f and char.isprintable()):
        return char
    return f"\\{ord(char):x} "


def render_document(root: Path, catalogue: Catalogue, org_id: str, language: str,
                    edition: EditionPrint | None = None) -> str:
    org = catalogue.organisation(org_id)
    edition = edition or current_print(catalogue, org_id, language)
    # The notes without links: the topic pages are not part of the PDF.
    notes = labeller(catalogue, org_id, language, link=False)
    extensions, configs = markdown_settings(root, catalogue.shared_dir, notes, filler(catalogue.docs_dir, org_id))
    labels = catalogue.languages[language].labels
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(root / "overrides"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["guide_date"] = long_date
    date = edition.date or document_date(catalogue, org, language)
    return env.get_template(PDF_TEMPLATE).render(
        org=org,
        language=language,
        language_name=catalogue.languages[language].name,
        labels=labels,
        sections=sections(catalogue, org, language, extensions, configs),
        wordmark_uri="data:image/svg+xml;base64," + base64.b64encode(
            branding.wordmark_svg(org, decorative=True).encode("utf-8")).decode("ascii"),
        facts=shown_facts(org, labels, language) if edition.show_facts else [],
        cover_notice=edition.cover_notice,
        appendix=edition.appendix,
        translation_notice=translation_notice(catalogue, org_id, language),
        about=edition.about or about_html(catalogue, org_id, language, link_pages=False),
        page_counter=css_counter_text(labels["page_x_of_y"]),
        date_iso=date.strftime("%Y-%m-%dT%H:%M:%SZ"),
        fonts_dir=(root / "overrides/assets/fonts").as_uri(),
    )


def write_pdf(root: Path, catalogue: Catalogue, org_id: str, language: str, target: Path,
              edition: EditionPrint | None = None) -> Path:
    """Render the organisation's document in `language` to `target` (written atomically)."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    html = render_document(root, catalogue, org_id, language, edition)
    # Only files of the organisation's folder and our fonts: never a file elsewhere on the machine.
    offline = confined_fetcher([catalogue.org_dir(org_id), root / "overrides" / "assets" / "fonts"])
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".pdf.part")
    # Relative addresses in the pages (images) are relative to the organisation's folder, as on the site.
    base_url = catalogue.org_dir(org_id).resolve().as_uri() + "/"
    try:
        HTML(string=html, base_url=base_url, url_fetcher=offline).write_pdf(
            partial, pdf_variant=PDF_VARIANT, custom_metadata=True,
        )
    except FatalURLFetchingError as error:  # a BaseException: it would escape every handler
        partial.unlink(missing_ok=True)
        raise PublisherError([Finding(display_path(catalogue.org_dir(org_id), catalogue.root), 1,
                                      f"a file the PDF shows could not be read ({error}); "
                                      f"'make check' names the page and line that link it")]) from None
    mark_running_content(partial)  # running header and footer: artifacts, not read on every page
    os.replace(partial, target)
    return target
