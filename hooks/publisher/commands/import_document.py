"""`make import ORG=<id> FILE=<document>`: an organisation's pages from its own document.

Reads the document (publisher/files/document_readers.py), removes what extraction leaves behind (page
numbers, a printed table of contents, broken list markers, a back cover that repeats the front,
`(#)` placeholder links) and records each removal in docs/_editorial/<org>.yml, splits the rest
into pages at the document's top-level headings, keeping its words exactly, and writes:

- docs/<org>/<page>.<lang>.md with front matter (title and topics; no owner or review date: nobody gave them),
  and an `untranslated: true` page in each other language of the organisation;
- the nav order into docs/organisations.yml (the one entry's `nav:`, written with a YAML emitter and
  read back before the file is replaced);
- docs/_sources/<org>/: the original document and its extracted text (never published);

all or nothing: on any failure every file is left as it was. It ends with a report of how many of
the document's sentences the pages carry and each one left out, with its reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..files.document_blocks import BULLET, FIRST_PARAGRAPH_WORDS, PAGE_NUMBER, Block
from ..files.document_readers import has_words, read_document
from ..files.findings import Finding, PublisherError, display_path, io_advice
from ..files.locking import source_lock
from ..files.source_transaction import SourceTransaction
from ..files.yamlsource import load_located_file
from ..model.coverage import EXTRACTED, SOURCES_DIR, Coverage, measure, normalise
from ..model.editorial import EDITORIAL_DIR
from ..model.matching import report as match_report
from ..model.organisation_types import Organisation
from ..model.organisations import ORGANISATIONS_FILE, Catalogue, load_catalogue
from ..model.page_names import SITE_NAMES
from ..model.readiness import placeholder_pages
from .match import match_document

TOC_TITLE = re.compile(r"^\s*(?:indhold|innhold|innhald|indholdsfortegnelse|innholdsfortegnelse|"
                       r"innhaldsliste|contents|table of contents)\s*$", re.IGNORECASE)
TOC_LINE = re.compile(r"^\s*(\S.*?)\s*(?:\.{2,}|…+|\s)\s*\d{1,3}\s*$")
DOT_LEADER = re.compile(r"(?:\.{3,}|…{2,})\s*\d{1,3}\s*$")
BROKEN_MARKER = re.compile(r"^\s*[-*•–]\s+[-*•–]\s+")
PLACEHOLDER_LINK = re.compile(r"\[([^\]]+)\]\(#?\)")
NUMBER = re.compile(r"^(\d+)[.)]\s+")
MARKDOWN_START = re.compile(r"^(\d+)([.)])(\s)|^([#>+*-])")
TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "é": "e"})
HEADER = ("# Editorial changes made when {name}'s document became these pages (shown on each site's\n"
          "# \"about this guideline\" page and in the PDF appendix). Started by make import.\n")


@dataclass(frozen=True)
class Removal:
    kind: str  # an editorial change kind: artefact, placeholder_link
    reason: str  # for the import report
    original: str
    published: str = ""
    page: str | None = None


@dataclass
class Page:
    base: str
    title: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Imported:
    pages: list[Page]
    removals: list[Removal]
    extracted: str


def slug(text: str, taken: set[str]) -> str:
    words = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", text).lower().translate(TRANSLITERATE)
    base = "-".join(re.findall(r"[a-z0-9]+", words))[:48].strip("-") or "side"
    candidate, number = base, 2
    # Not a name the site writes itself ('about', 'search') nor one that reads as a language folder ('en'):
    # make check would refuse the page (page_names.py).
    while candidate in taken or candidate == "index" or candidate in SITE_NAMES or re.fullmatch(r"[a-z]{2}",
                                                                                                candidate):
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _markdown(text: str) -> str:
    """A paragraph's text as Markdown that renders as the same words (a leading "1." is no list)."""
    return MARKDOWN_START.sub(lambda m: f"{m[1]}\\{m[2]}{m[3]}" if m[1] else f"\\{m[4]}", text.strip(), count=1)


def clean(blocks: list[Block]) -> tuple[list[Block], list[Removal]]:
    """The document's own blocks, and every artefact removed from it (with why), one record per kind."""
    toc: list[str] = []
    numbers: list[str] = []
    kept: list[Block] = []
    in_toc = False
    for block in blocks:
        text = " ".join(block.text.split())
        if (block.kind == "toc" or (in_toc and TOC_LINE.match(text)) or DOT_LEADER.search(text)
                or (TOC_TITLE.match(text) and block.kind != "item")):
            toc.append(text)
            in_toc = True
        elif PAGE_NUMBER.match(text):
            numbers.append(text)
        else:
            in_toc = False
            kept.append(block)
    removals = [Removal("artefact", "printed table of contents", " … ".join(toc))] if toc else []
    if numbers:
        removals.append(Removal("artefact", "page numbers", " … ".join(numbers)))
    # A back cover that repeats the front (the title, the organisation's name) at the very end.
    body_from = next((i for i, b in enumerate(kept) if len(b.text.split()) >= FIRST_PARAGRAPH_WORDS), len(kept))
    front = {normalise(b.text) for b in kept[:body_from]}
    cover = []
    while len(kept) > body_from + 1 and normalise(kept[-1].text) in front:
        cover.insert(0, " ".join(kept.pop().text.split()))
    if cover:
        removals.append(Removal("artefact", "back cover repeating the front page", " … ".join(cover)))
    return kept, removals


def split_pages(blocks: list[Block], document_title: str) -> tuple[list[Page], list[Removal]]:
    removals: list[Removal] = []
    levels = sorted({b.level for b in blocks if b.kind == "heading"})
    top = levels[0] if levels else 1
    title = next((b.text.strip() for b in blocks if b.kind == "title"), None)
    pages = [Page("index", title or document_title)]
    taken: set[str] = set()
    for block in blocks:
        text = " ".join(block.text.split())
        if block.kind == "title" and text == pages[0].title and len(pages) == 1:
            continue
        if block.kind == "heading" and block.level == top:
            if len(pages) == 1 and not pages[0].lines and title is None:
                pages[0].title = text  # no front matter before the first heading: it opens the start page
            else:
                pages.append(Page(slug(text, taken), text))
            continue
        page = pages[-1]
        if block.kind == "heading":  # the second level of the document is ##, the third ###, ...
            page.lines += [f"{'#' * min(levels.index(block.level) + 1, 6)} {text}", ""]
            continue
        for match in PLACEHOLDER_LINK.finditer(text):
            removals.append(Removal("placeholder_link", "placeholder link (#)", match[0], match[1], page.base))
        text = PLACEHOLDER_LINK.sub(r"\1", text)
        if block.kind == "item" or BULLET.match(text):
            if BROKEN_MARKER.match(text):
                removals.append(Removal("artefact", "broken list marker", text, "- " + BULLET.sub("", text),
                                        page.base))
            item = BULLET.sub("", text)
            number = NUMBER.match(item)
            nested = not number and bool(page.lines) and (NUMBER.match(page.lines[-1].lstrip()) is not None
                                                           or page.lines[-1].startswith("    - "))
            page.lines += [f"{number[1]}. {item[number.end():]}" if number else
                           f"{'    ' if nested else ''}- {_markdown(item)}"]  # bullets under a numbered item nest
        else:
            if page.lines and page.lines[-1].startswith("- "):
                page.lines.append("")
            page.lines += [_markdown(text), ""]
    if len(pages) > 1 and not pages[0].lines:  # nothing before the first heading: it opens the start page
        first = pages.pop(1)
        pages[0].lines = [f"## {first.title}", "", *first.lines]
    return pages, removals


def import_document(path: Path, catalogue: Catalogue, org: Organisation) -> Imported:
    display = display_path(path, catalogue.root)
    blocks = read_document(path, display)
    extracted = "\n".join(" ".join(b.text.split()) for b in blocks) + "\n"
    kept, removals = clean(blocks)
    if not any(b.kind in ("paragraph", "item") and has_words(b.text) for b in kept):  # else pages of headings only
        raise PublisherError([Finding(display, 1, (
            "the document holds no text besides its title, headings, page numbers or table of contents, so nothing "
            "was changed; give the document with the guidelines' own text"))])
    pages, more = split_pages(kept, org.document.title)
    return Imported(pages, removals + more, extracted)


def page_markdown(page: Page) -> str:
    front = {"title": page.title, "topics": []}  # no owner: a document names none by being imported
    lines = page.lines[:-1] if page.lines and page.lines[-1] == "" else page.lines
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + \
        "\n".join(lines) + "\n"


def untranslated_markdown(page: Page) -> str:
    return "---\n" + yaml.safe_dump({"title": page.title, "untranslated": True}, allow_unicode=True,
                                    sort_keys=False, width=1000) + "---\n"


def organisations_with_nav(text: str, org_id: str, nav: list[str]) -> str:
    """organisations.yml with only `nav:` of `org_id` replaced (comments stay), read back to prove it."""
    root = yaml.compose(text)
    entry = _mapping_value(_mapping_value(root, "organisations"), org_id)
    key, value = next((k, v) for k, v in entry.value if k.value == "nav")
    emitted = yaml.safe_dump({"nav": nav}, default_flow_style=True, width=10000, allow_unicode=True).strip()
    new = text[:key.start_mark.index] + emitted.removeprefix("{").removesuffix("}") + text[value.end_mark.index:]
    expected = yaml.safe_load(text)
    expected["organisations"][org_id]["nav"] = nav
    if yaml.safe_load(new) != expected:
        raise ValueError("the new nav did not read back as written")
    return new


def _mapping_value(node: yaml.Node, key: str) -> yaml.Node:
    return next(v for k, v in node.value if k.value == key)


def editorial_yaml(existing: Path, name: str, removals: list[Removal]) -> str:
    changes: list[object] = []
    if existing.is_file():  # read as the checks read it: a tag or a foreign encoding is a finding with its line
        data = load_located_file(existing, display_path(existing, existing.parents[2])).data
        changes = (data.get("changes") if isinstance(data, dict) else None) or []
    for removal in removals:
        change = {"kind": removal.kind, **({"page": removal.page} if removal.page else {}),
                  "original": removal.original, "published": removal.published}
        if change not in changes:
            changes.append(change)
    text = HEADER.format(name=name) + yaml.safe_dump({"changes": changes}, allow_unicode=True, sort_keys=False,
                                                     width=100)
    if yaml.safe_load(text) != {"changes": changes}:
        raise ValueError("the editorial record did not read back as written")
    return text


def import_organisation(docs_dir: Path, org_id: str, document: Path, language: str | None = None,
                        out: Callable[[str], None] = print) -> Coverage:
    """Import `document` as the pages of `org_id`; returns the coverage the report printed."""
    with source_lock(docs_dir):  # organisations.yml and the folder as another writer left them
        return _import(docs_dir, org_id, document, language, out)


def _import(docs_dir: Path, org_id: str, document: Path, language: str | None,
            out: Callable[[str], None]) -> Coverage:
    catalogue = load_catalogue(docs_dir)
    where = catalogue.config_display
    if org_id not in catalogue.organisations:
        raise PublisherError([Finding(where, 1, (
            f"no organisation '{org_id}' yet: create it first with make new-org ID={org_id} NAME=\"...\" "
            f"LANGUAGES=<its language>,en, then import its document"))])
    org = catalogue.organisation(org_id)
    if language and language != org.source_language:
        raise PublisherError([Finding(where, org.line, (
            f"LANG={language}, but '{org_id}' is written in {org.source_language} (its first language): import "
            f"the document in that language (leave LANG out); translations are made from the imported pages"))])
    folder = catalogue.org_dir(org_id)
    placeholders = set(placeholder_pages(catalogue, org))
    own = [p for p in sorted(folder.glob("*.md")) if p.name not in placeholders]
    if own:
        raise PublisherError([Finding(display_path(own[0], catalogue.root), 1, (
            f"'{org_id}' already has pages of its own ({', '.join(p.name for p in own)}): make import writes a new "
            f"organisation's pages only; move them out of docs/{org_id}/ first, or edit them by hand"))])
    sources = docs_dir / SOURCES_DIR / org_id
    _refuse_own_sources(document, docs_dir, sources, catalogue.root)
    result = import_document(document, catalogue, org)
    # What the document shares with the shared wordings and other bodies' pages, before anything is written;
    # nothing becomes shared by this (make match prints the same).
    matched, passages = match_document(catalogue, document, org)
    for line in match_report(matched, passages):
        out(line)
    shown = display_path(document, catalogue.root)
    transaction = SourceTransaction(docs_dir, f"make import ORG={org_id} FILE={shown}")
    committed = False
    try:
        for name in sorted(placeholders):
            transaction.remove(folder / name)
        for page in result.pages:
            transaction.write(folder / f"{page.base}.{org.source_language}.md", page_markdown(page))
            for other in org.translations:
                transaction.write(folder / f"{page.base}.{other}.md", untranslated_markdown(page))
        transaction.write(sources / document.name, document.read_bytes())
        transaction.write(sources / EXTRACTED, result.extracted)
        if result.removals:
            record = docs_dir / EDITORIAL_DIR / f"{org_id}.yml"
            transaction.write(record, editorial_yaml(record, org.name, result.removals))
        config = docs_dir / ORGANISATIONS_FILE
        transaction.write(config, organisations_with_nav(config.read_text(encoding="utf-8"), org_id,
                                                         [f"{page.base}.md" for page in result.pages]))
        transaction.commit()  # every file at once; killed from here on, the next writer puts them all back
        committed = True
        catalogue = load_catalogue(docs_dir)  # the whole catalogue must still load
        coverage = measure(catalogue, catalogue.organisation(org_id))
        assert coverage is not None
    except BaseException as error:
        if committed:
            transaction.undo()
        if isinstance(error, PublisherError):
            raise
        if isinstance(error, OSError):
            raise PublisherError([Finding(display_path(Path(os.fsdecode(error.filename)), catalogue.root)
                                          if error.filename else shown, 1, (
                f"the import could not write or read this file ({error.strerror or error}) and nothing was "
                f"changed; {io_advice(error)}"))]) from None
        raise PublisherError([Finding(shown, 1, (
            f"the import failed and nothing was changed ({type(error).__name__}: {error})"))]) from None
    transaction.finish()  # the import counts as made: the report follows
    report(result, coverage, org, catalogue, out)
    return coverage


def _refuse_own_sources(document: Path, docs_dir: Path, sources: Path, root: Path) -> None:
    """make import keeps the document and its extracted text in docs/_sources/<org>/: a document read from
    there (or named like the extracted text) would be overwritten by what is made from it."""
    shown = display_path(document, root)
    if document.resolve().is_relative_to((docs_dir / SOURCES_DIR).resolve()):
        raise PublisherError([Finding(shown, 1, (
            f"this is a file make import keeps in docs/{SOURCES_DIR}/, and importing it would overwrite it with what "
            f"is made from it, so nothing was changed: copy the document out of docs/ first (e.g. cp {shown} "
            f"/tmp/) and import the copy"))])
    if document.name == EXTRACTED:
        raise PublisherError([Finding(shown, 1, (
            f"the document is named {EXTRACTED}, the name of the text make import extracts beside it in "
            f"{display_path(sources, root)}/, where one would replace the other, so nothing was changed: rename the "
            f"document (e.g. original.txt) and import it again"))])


def report(result: Imported, coverage: Coverage, org: Organisation, catalogue: Catalogue,
           out: Callable[[str], None]) -> None:
    out(f"Imported {len(result.pages)} page(s) into docs/{org.id}/ "
        f"({', '.join(page.base for page in result.pages)}); nav written to docs/{ORGANISATIONS_FILE}.")
    out(f"Coverage: {coverage.summary()}.")
    if result.removals:
        out(f"\nRemoved as artefacts, each recorded in docs/{EDITORIAL_DIR}/{org.id}.yml ({len(result.removals)}):")
        for removal in result.removals:
            shown = removal.original if len(removal.original) <= 70 else removal.original[:67] + "..."
            out(f"  {removal.reason}: {shown!r}")
    left_out = [(line, sentence, f"removed on record ({kind})") for line, sentence, kind in coverage.recorded]
    left_out += [(line, sentence, "on no page and in no recorded change: check the extraction")
                 for line, sentence in coverage.dropped]
    out(f"\nSentences left out ({len(left_out)}):" if left_out else "\nNo sentence of the document was left out.")
    for line, sentence, reason in sorted(left_out):
        out(f"  {coverage.source}:{line}: {sentence!r}: {reason}")
    out(f"\nNext: make check, then make serve ORG={org.id}; set 'status: ready' in docs/{ORGANISATIONS_FILE} "
        f"when it shows no errors.")
