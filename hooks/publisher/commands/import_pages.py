"""The document made into pages: extraction's leftovers removed (each recorded as a Removal, with why) and
the rest split at its top-level headings, its words kept exactly.

Apart from import_document.py, which checks, writes and reports, because this part only reads: it turns
a document's blocks into pages and touches no file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..files.document_blocks import BULLET, FIRST_PARAGRAPH_WORDS, PAGE_NUMBER, Block
from ..files.document_readers import has_words, read_document
from ..files.findings import Finding, PublisherError, display_path
from ..model.coverage import normalise
from ..model.organisations import Catalogue, Organisation
from ..model.page_names import SITE_NAMES

TOC_TITLE = re.compile(r"^\s*(?:indhold|innhold|innhald|indholdsfortegnelse|innholdsfortegnelse|"
                       r"innhaldsliste|contents|table of contents)\s*$", re.IGNORECASE)
TOC_LINE = re.compile(r"^\s*(\S.*?)\s*(?:\.{2,}|…+|\s)\s*\d{1,3}\s*$")
DOT_LEADER = re.compile(r"(?:\.{3,}|…{2,})\s*\d{1,3}\s*$")
BROKEN_MARKER = re.compile(r"^\s*[-*•–]\s+[-*•–]\s+")
PLACEHOLDER_LINK = re.compile(r"\[([^\]]+)\]\(#?\)")
NUMBER = re.compile(r"^(\d+)[.)]\s+")
MARKDOWN_START = re.compile(r"^(\d+)([.)])(\s)|^([#>+*-])")
TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "é": "e"})


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
    topics: list[str] = field(default_factory=list)  # a model text's topic, where ADOPT=1 adopted one


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
