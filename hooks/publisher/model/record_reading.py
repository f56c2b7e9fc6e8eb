"""How the editorial record accounts for a document's sentences that the pages do not carry as written.

The words of a text as coverage compares them (`normalise`), and the record read as coverage needs it:
a change quoted in part ("Tag et skærmpoint af selve truslen") accounts for the sentence it is part of
when the sentence, changed as recorded, stands on a page; several texts changed alike are written
"a / b" (paired with "A / B"); a run of the document, such as a printed table of contents, as its
first and last words, "a … b" (every sentence from the one to the other).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .editorial import EditorialChange

LINK = re.compile(r"!?\[([^\[\]]*)\]\([^)]*\)")  # no '[' inside: linear on a line of 40,000 of them
LINE_MARKER = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|(?:[-*+•–·▪]\s+)+|\d+[.)]\s+)")
NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """The words of `text`, lowercase, single-spaced: what two renderings of one sentence share."""
    text = LINK.sub(r"\1", text)
    text = "\n".join(LINE_MARKER.sub("", line) for line in text.splitlines())
    return " ".join(NOT_WORD.sub(" ", text).lower().split())


def _parts(text: str) -> list[str]:
    """The texts one recorded change names: the record writes several as "a / b" and a run as "a … b"."""
    return [normalise(part) for part in re.split(r"\s+/\s+|\s*…\s*", text)]


@dataclass(frozen=True)
class Recorded:
    """One recorded change as coverage reads it: the texts it replaced, with what replaced each."""
    kind: str
    original: str  # the whole original, normalised: a sentence inside it is accounted for
    replaced: tuple[tuple[str, str], ...]  # (original part, published part), pairwise when the record pairs them
    run: tuple[str, str] | None  # "a … b": every sentence of the document from a to b


def recorded(change: EditorialChange) -> Recorded:
    originals, published = _parts(change.original), _parts(change.published)
    if len(published) != len(originals):
        published = [""] * len(originals)
    run = (originals[0], originals[-1]) if "…" in change.original and len(originals) == 2 else None
    return Recorded(change.kind, normalise(change.original),
                    tuple((o, p) for o, p in zip(originals, published, strict=True) if o and o != p), run)


def in_runs(document: list[tuple[int, str]], records: list[Recorded]) -> dict[int, str]:
    """The document's sentences (by index) that lie in a recorded run "a … b", with the change's kind: the
    run starts where a's words first stand in the document and ends where b's words next stand."""
    words = [normalise(sentence) for _, sentence in document]
    starts, text = [], ""
    for item in words:
        starts.append(len(text) + 1)
        text += f" {item}"
    text += " "
    inside: dict[int, str] = {}
    for record in records:
        if record.run is None:
            continue
        first, last = record.run
        begin = text.find(f" {first} ")
        end = text.find(f" {last} ", begin + 1) if begin >= 0 else -1
        if end < 0:
            continue
        end += len(last) + 1
        for index, start in enumerate(starts):
            if begin < start and start + len(words[index]) <= end:
                inside.setdefault(index, record.kind)
    return inside


def recorded_kind(words: str, records: list[Recorded], carried_text: str) -> str | None:
    """The kind of the recorded change that accounts for a sentence not on the pages: the sentence is inside
    a recorded original, or with the record's replacements made inside it, it stands on the pages."""
    kind = next((r.kind for r in records if words in r.original), None)
    if kind is not None:
        return kind
    changed, kinds = f" {words} ", []
    for record in records:
        for original, published in record.replaced:
            if f" {original} " in changed:
                changed = changed.replace(f" {original} ", f" {published} " if published else " ")
                kinds.append(record.kind)
    changed = " ".join(changed.split())
    return kinds[0] if kinds and (not changed or f" {changed} " in carried_text) else None
