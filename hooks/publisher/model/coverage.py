"""How much of an organisation's document its pages carry, sentence by sentence, and the other way round.

The document's extracted text is kept in `docs/_sources/<org>/extracted.txt` (one block a line,
written by `make import`). A sentence counts as carried when its words stand, in the same order,
on one of the organisation's own-language pages (their titles and the shared wordings they
include count too, as the page shows them: a model text with the organisation's values and changes,
docs/_adopted/<org>.yml); a sentence that is on no page is accounted for when
the editorial record (docs/_editorial/<org>.yml) names it among its `original` texts, and dropped
otherwise. Only letters count: punctuation, Markdown and spacing never make a sentence differ.

The other way (pages -> document): every title, heading, sentence and list item the pages say must
stand in the document as often as the pages say it, or be among the record's `published` texts
(what an editor added on record); otherwise it is `unsourced`, at the page's line. So a model
text's change recorded but not applied, or applied twice, shows where the page says it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..files.findings import display_path
from ..files.yamlsource import read_text
from .adopted import filler
from .editorial import EditorialRecord, load_editorial
from .matching import markdown_items
from .organisation_types import Organisation
from .organisations import Catalogue
from .sources import page_name, read_source
from .wordings import Expanded, expand_includes

SOURCES_DIR = "_sources"
EXTRACTED = "extracted.txt"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'«»“(\[]?[A-ZÆØÅÄÖ0-9])")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
LINE_MARKER = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|(?:[-*+•–·▪]\s+)+|\d+[.)]\s+)")
NOT_WORD = re.compile(r"[\W_]+")


def sources_dir(catalogue: Catalogue, org_id: str) -> Path:
    return catalogue.docs_dir / SOURCES_DIR / org_id


def normalise(text: str) -> str:
    """The words of `text`, lowercase, single-spaced: what two renderings of one sentence share."""
    text = LINK.sub(r"\1", text)
    text = "\n".join(LINE_MARKER.sub("", line) for line in text.splitlines())
    return " ".join(NOT_WORD.sub(" ", text).lower().split())


def sentences(text: str) -> list[tuple[int, str]]:
    """(line, sentence) of every sentence with letters in `text` (one block a line)."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for sentence in SENTENCE_END.split(line.strip()):
            if any(c.isalpha() for c in sentence):
                found.append((number, sentence.strip()))
    return found


@dataclass
class Coverage:
    org_id: str
    source: str  # display path of the extracted text
    carried: list[tuple[int, str]] = field(default_factory=list)
    recorded: list[tuple[int, str, str]] = field(default_factory=list)  # line, sentence, change kind
    dropped: list[tuple[int, str]] = field(default_factory=list)
    # Page -> document: what a page says that the document does not (page display, line, sentence, times
    # the document says it): 0 when never, else the page says it more often than the document.
    unsourced: list[tuple[str, int, str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.carried) + len(self.recorded) + len(self.dropped)

    @property
    def content(self) -> int:
        """The document's sentences, less the extraction artefacts removed on record (page furniture)."""
        return self.total - sum(1 for *_, kind in self.recorded if kind == "artefact")

    @property
    def share(self) -> float:
        return len(self.carried) / self.content if self.content else 1.0

    def summary(self) -> str:
        recorded = f"; {len(self.recorded)} removed on record" if self.recorded else ""
        return (f"{self.org_id}: the pages carry {len(self.carried)} of the document's {self.content} sentences "
                f"({self.share:.1%}){recorded}; {len(self.dropped)} left out without a record; "
                f"{len(self.unsourced)} on a page but not in the document")


@dataclass(frozen=True)
class PageLines:
    """One own-language page as a reader gets it: its title and its lines, each included wording's lines in place
    (at the include's line, where the author finds them)."""

    display: str
    base: str  # the page's base name, as the editorial record names it
    title: tuple[int, str] | None
    lines: list[tuple[int, str]]  # (line of the page, line shown)


def own_pages(catalogue: Catalogue, org: Organisation) -> list[PageLines]:
    pages, fill = [], filler(catalogue.docs_dir, org.id)  # model texts with the organisation's values and changes
    for path in sorted(catalogue.org_dir(org.id).glob(f"*.{org.source_language}.md")):
        name = page_name(path)
        if name is None:
            continue
        source = read_source(path, display_path(path, catalogue.root))
        title = source.front_matter.get("title")
        lines: list[tuple[int, str]] = []
        expanded = expand_includes(source.body_lines, catalogue.shared_dir, fill)
        for number, shown in enumerate(expanded, start=source.body_line):
            if isinstance(shown, Expanded):
                lines += [(number, line) for line in ["", *shown.body, ""]]
            else:
                lines.append((number, shown))
        pages.append(PageLines(source.display, name[0], (source.key_line("title"), title)
                               if isinstance(title, str) else None, lines))
    return pages


def page_text(pages: list[PageLines]) -> str:
    """Everything the pages say, titles and included wordings too, as `normalise` leaves it."""
    parts = [part for page in pages for part in ([page.title[1]] if page.title else []) + [
        "\n".join(line for _, line in page.lines)]]
    return "\n".join(normalise(part) for part in parts)


def said(page: PageLines) -> list[tuple[int, str]]:
    """(line, text) of each title, heading, sentence and list item the page says."""
    items = [page.title] if page.title else []
    return items + [(page.lines[item.line - 1][0], item.text)
                    for item in markdown_items("\n".join(line for _, line in page.lines))]


def _padded(text: str) -> str:
    return f" {normalise(text)} "


def _through_record(words: str, text: str, rewrites: list[tuple[str, str]]) -> int:
    """How often `words` stand in `text` once the recorded changes they show are applied (each rewrite a
    (from, to) of padded words), 0 when never: a typo fixed on record is the same sentence."""
    rewritten = f" {words} "
    for source, target in rewrites:
        if source in rewritten:
            rewritten = rewritten.replace(source, target)
            if rewritten in text:
                return text.count(rewritten)
    return 0


def _summarised(page: PageLines, items: list[tuple[int, str]], additions: list[tuple[str | None, str]]) -> set[int]:
    """The items of a summary the editor added on record as "first … last" (links to the pages): from the
    item in its first part to the item in its last, on the record's page."""
    covered: set[int] = set()
    for where, published in additions:
        parts = [_padded(part) for part in published.split("…")]
        if len(parts) < 2 or where not in (None, page.base):
            continue
        inside = [_padded(text) for _, text in items]
        first = next((i for i, words in enumerate(inside) if words.strip() and words in parts[0]), None)
        if first is None:
            continue
        last = next((i for i in range(len(inside) - 1, first, -1) if inside[i].strip() and inside[i] in parts[-1]),
                    first)
        covered.update(range(first, last + 1))
    return covered


def _unsourced(pages: list[PageLines], document: str, record: EditorialRecord) -> list[tuple[str, int, str, int]]:
    """What the pages say beyond the document (normalised, padded), the record's additions and its changes."""
    added = [(change.page, change.published) for change in record.changes if change.published and not change.original]
    backwards = [(_padded(c.published), _padded(c.original)) for c in record.changes if c.published and c.original]
    found, seen = [], {}
    for page in pages:
        items = said(page)
        summary = _summarised(page, items, added)
        for index, (line, text) in enumerate(items):
            words = normalise(text)
            if not words or index in summary or any(f" {words} " in _padded(text) for _, text in added):
                continue
            seen[words] = seen.get(words, 0) + 1
            times = max(document.count(f" {words} "), _through_record(words, document, backwards))
            if seen[words] > times:
                found.append((page.display, line, text, times))
    return found


def measure(catalogue: Catalogue, org: Organisation) -> Coverage | None:
    """The coverage of the organisation's kept document, or None when it has none."""
    extracted = sources_dir(catalogue, org.id) / EXTRACTED
    if not extracted.is_file():
        return None
    display = f"docs/{SOURCES_DIR}/{org.id}/{EXTRACTED}"
    pages = own_pages(catalogue, org)
    carried_text = f" {page_text(pages)} ".replace("\n", " ")
    record = load_editorial(catalogue, org.id)
    originals = [(normalise(change.original), change.kind) for change in record.changes if change.original]
    forwards = [(_padded(c.original), _padded(c.published)) for c in record.changes if c.published and c.original]
    coverage = Coverage(org.id, display)
    document = read_text(extracted, display)
    coverage.unsourced = _unsourced(pages, _padded(document), record)
    for line, sentence in sentences(document):
        words = normalise(sentence)
        if not words or f" {words} " in carried_text or _through_record(words, carried_text, forwards):
            coverage.carried.append((line, sentence))  # as written, or changed on record (a typo fixed)
            continue
        kind = next((kind for original, kind in originals if words in original), None)
        if kind is not None:
            coverage.recorded.append((line, sentence, kind))
        else:
            coverage.dropped.append((line, sentence))
    return coverage
