"""Finding a model text in a document: the passages it shares with wordings and other bodies' pages.

Issue "Model texts": many bodies publish the same model text, each with its own name put in and a
few local changes. The rule, as the README states it:

- Texts are cut into blocks (headings, paragraphs, lists) and each block into items (a
  paragraph's sentences, a list's items, a heading). Items are compared after normalising case,
  whitespace and punctuation, with each body's own names put as blanks (`names_of`): its name,
  the name without its kind ("Randaberg" for "Randaberg kommune"), their genitives, its domain,
  the forms of its officers' titles (`titles:` in docs/organisations.yml).
- A *shared passage* is a run of consecutive blocks of the two texts in which at least
  `MIN_IDENTICAL` items are identical under that normalisation and they make up at least
  `MIN_SHARE` of the run's items on each side. The run's other items are local changes. One or
  two generic sentences in common are no match.

The matcher indexes every candidate text once (normalised item -> where it occurs), so matching
one document looks up each of its items instead of comparing every pair of sentences.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from . import wordings

MIN_IDENTICAL = 3
MIN_SHARE = 1 / 3
# How far apart two identical pairs may lie (in blocks, on either side) and still be one run: a
# section one body left out (a heading and its paragraph) stays inside the passage, as a change.
MAX_GAP = 3
# Words that name what kind of body a name is: "Randaberg kommune" is also "Randaberg".
KINDS = ("kommune", "kommun", "fylkeskommune", "herred", "region", "regionen", "amt", "fylke", "municipality",
         "county", "council")
BLANK = "\u2423"  # a name put as a blank; no text of a body contains it
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s])")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?P<text>.*)$")
HEADING = re.compile(r"^\s*#{1,6}\s+(?P<text>.*?)\s*#*\s*(?:\{[^}]*\}\s*)?$")
INCLUDE_OR_MARKER = re.compile(r"^\s*(?:(?:\d+[.)]|[-*+])\s+)?" + wordings.INCLUDE_MARK)  # an include: no text
NOT_WORD = re.compile(r"[^\w\s" + BLANK + "]+")


@dataclass(frozen=True)
class Item:
    text: str  # as written
    block: int  # the index of its block in its text
    line: int  # where it starts (1-based), for the report


@dataclass(frozen=True)
class Text:
    """One text to match: a document, a wording, or one organisation's pages in one language."""

    name: str  # e.g. "docs/_shared/threats/kalundborg.da.md" or "docs/moskenes (nb)"
    items: tuple[Item, ...]
    names: tuple[str, ...] = ()  # the body's own names, put as blanks
    unit: str = "line"  # what Item.line counts: lines of a Markdown file, or paragraphs of a document


def bare_name(name: str) -> str:
    """The name without its kind ("Randaberg" for "Randaberg kommune"), or "" when it has none."""
    return " ".join(w for w in name.split() if w.lower() not in KINDS) if len(name.split()) > 1 else ""


def genitive(name: str) -> str | None:
    """The genitive the matcher knows ("Randabergs"); none for a name ending in s."""
    return name + "s" if name and not name.endswith("s") else None


def names_of(name: str, domain: str | None = None, titles: Iterable[str] = ()) -> tuple[str, ...]:
    """A body's own names as they appear in text: name, name without its kind, titles, their genitives, domain."""
    found = [name, bare_name(name), *titles]
    found += [g for n in found if (g := genitive(n))]
    if domain:
        found.append(domain)
    return tuple(sorted({n for n in found if n}, key=len, reverse=True))


@cache
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a body's names, longest first, compiled once per body (not once per item)."""
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def normalise(text: str, names: tuple[str, ...] = ()) -> str:
    """Case, whitespace and punctuation folded; each of `names`, and a model text's own blanks, put as a blank."""
    text = unicodedata.normalize("NFC", text)
    text = wordings.BLANK.sub(BLANK, text) if "[[" in text else text
    pattern = _names_pattern(names)
    if pattern is not None:
        text = pattern.sub(BLANK, text)
    return " ".join(NOT_WORD.sub(" ", text.casefold()).split())


# Abbreviations a sentence does not end with (Danish, Norwegian, English).
ABBREVIATIONS = ("bl.a.", "f.eks.", "m.fl.", "m.m.", "mv.", "osv.", "dvs.", "jf.", "pkt.", "nr.", "ca.", "evt.",
                 "inkl.", "e.g.", "i.e.", "etc.")


def sentences(text: str) -> list[str]:
    """A paragraph's sentences; a full stop after a known abbreviation ends none."""
    found: list[str] = []
    for piece in SENTENCE_END.split(" ".join(text.split())):
        if found and found[-1].casefold().endswith(ABBREVIATIONS):
            found[-1] += " " + piece
        elif piece:
            found.append(piece)
    return found


def markdown_items(markdown: str, first_line: int = 1) -> list[Item]:
    """The items of a Markdown text, by block: headings, paragraphs (by sentence) and lists (by item)."""
    items: list[Item] = []
    block, kind, paragraph, start = -1, "", [], 0

    def close_paragraph() -> None:
        if paragraph:
            items.extend(Item(s, block, start) for s in sentences(" ".join(paragraph)))
            paragraph.clear()

    for number, line in enumerate(markdown.splitlines(), start=first_line):
        heading, listed = HEADING.match(line), LIST_ITEM.match(line)
        if not line.strip() or INCLUDE_OR_MARKER.match(line):
            close_paragraph()
            kind = "" if kind != "list" else kind
            continue
        if heading:
            close_paragraph()
            block, kind = block + 1, "heading"
            items.append(Item(heading["text"], block, number))
        elif listed:
            close_paragraph()
            if kind != "list":
                block, kind = block + 1, "list"
            items.append(Item(listed["text"], block, number))
        elif kind == "list" and line.startswith((" ", "\t")) and items:  # an item's continuation
            last = items.pop()
            items.append(Item(f"{last.text} {line.strip()}", last.block, last.line))
        else:
            if not paragraph:
                block, kind, start = block + 1, "paragraph", number
            paragraph.append(line.strip())
    close_paragraph()
    return [item for item in items if normalise(item.text)]


def document_items(blocks: Iterable[tuple[str, str]]) -> list[Item]:
    """The items of a document read by `files.document_readers`, as (kind, text) blocks: a heading or
    a paragraph is a block, consecutive list items are one; `Item.line` is the paragraph's number."""
    items: list[Item] = []
    block, previous = -1, ""
    for number, (kind, text) in enumerate(blocks, start=1):
        if kind == "toc":
            continue
        if kind != "item" or previous != "item":
            block += 1
        previous = kind
        if kind == "item" and (listed := LIST_ITEM.match(text)):
            text = listed["text"]
        parts = sentences(text) if kind == "paragraph" else [" ".join(text.split())]
        items += [Item(part, block, number) for part in parts if normalise(part)]
    return items


@dataclass
class Passage:
    """A shared passage: which items of the document are identical to which of the other text."""

    other: str
    identical: list[tuple[Item, Item]]  # (document's item, other text's item)
    document_only: list[Item] = field(default_factory=list)  # the document's local changes
    other_only: list[Item] = field(default_factory=list)  # the other text's

    @property
    def lines(self) -> tuple[int, int]:
        return min(i.line for i, _ in self.identical), max(i.line for i, _ in self.identical)


class Index:
    """Every candidate text's items by their normalised form, built once."""

    def __init__(self, texts: Iterable[Text]) -> None:
        self.texts: dict[str, Text] = {}
        self.where: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for text in texts:
            self.texts[text.name] = text
            for position, item in enumerate(text.items):
                self.where[normalise(item.text, text.names)].append((text.name, position))

    def match(self, document: Text) -> list[Passage]:
        hits: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for position, item in enumerate(document.items):
            key = normalise(item.text, document.names)
            for name, other_position in self.where.get(key, ()):
                if name != document.name:
                    hits[name].append((position, other_position))
        passages = []
        for name in sorted(hits):
            passages += _passages(document, self.texts[name], hits[name])
        return passages


def _runs(document: Text, other: Text, pairs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Identical pairs, each item used once on each side, grouped into runs: a pair joins the run before it
    when its document block is at most MAX_GAP blocks after the run's last, and its other block at most
    one before the run's first and MAX_GAP after its last on the other side."""
    runs: list[list[tuple[int, int]]] = []
    used: set[int] = set()
    for mine, theirs in sorted(pairs):
        run = runs[-1] if runs else None
        if theirs in used or (run is not None and run[-1][0] == mine):
            continue
        used.add(theirs)
        if run is not None:
            other_blocks = [other.items[t].block for _, t in run]
            if (document.items[mine].block - document.items[run[-1][0]].block <= MAX_GAP
                    and min(other_blocks) - 1 <= other.items[theirs].block <= max(other_blocks) + MAX_GAP):
                run.append((mine, theirs))
                continue
        runs.append([(mine, theirs)])
    return runs


def _passages(document: Text, other: Text, pairs: list[tuple[int, int]]) -> list[Passage]:
    found = []
    for run in _runs(document, other, pairs):
        mine = {m for m, _ in run}
        theirs = {t for _, t in run}
        blocks = range(min(document.items[m].block for m in mine), max(document.items[m].block for m in mine) + 1)
        other_blocks = range(min(other.items[t].block for t in theirs), max(other.items[t].block for t in theirs) + 1)
        in_run = [p for p, item in enumerate(document.items) if item.block in blocks]
        other_in_run = [p for p, item in enumerate(other.items) if item.block in other_blocks]
        if len(run) < MIN_IDENTICAL or len(run) < MIN_SHARE * len(in_run) or len(run) < MIN_SHARE * len(other_in_run):
            continue
        found.append(Passage(other.name, [(document.items[m], other.items[t]) for m, t in run],
                             [document.items[p] for p in in_run if p not in mine],
                             [other.items[p] for p in other_in_run if p not in theirs]))
    return found


def report(document: Text, passages: list[Passage]) -> list[str]:
    """The lines `make match` prints: each shared passage, its identical items and each side's own."""
    if not passages:
        return [f"{document.name}: no shared passage with any wording or other organisation's pages."]
    lines = [f"{document.name}: {len(passages)} shared passage(s)."]
    for passage in passages:
        first, last = passage.lines
        lines.append(f"\n{document.name} ({document.unit}s {first}-{last}) shares {len(passage.identical)} "
                     f"item(s) with {passage.other}:")
        lines += [f"  same:      {mine.text}" for mine, _ in passage.identical]
        lines += [f"  only here: {item.text}" for item in passage.document_only]
        lines += [f"  only there ({passage.other}:{item.line}): {item.text}" for item in passage.other_only]
    return lines
