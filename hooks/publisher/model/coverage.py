"""How much of an organisation's document its pages carry, sentence by sentence.

The document's extracted text is kept in `docs/_sources/<org>/extracted.txt` (one block a line,
written by `make import`). A sentence counts as carried when its words stand, in the same order,
on one of the organisation's own-language pages (their titles and the shared wordings they
include count too); a sentence that is on no page is accounted for when the editorial record
(docs/_editorial/<org>.yml) accounts for it, and dropped otherwise: it lies inside a recorded
`original`, or stands on a page once the record's changes (`original` -> `published`, "a / b" pair
by pair) are made inside it, or lies in a recorded run of the document ("a … b"). Only letters
count: punctuation, Markdown and spacing never make a sentence differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..files.findings import PublisherError, display_path
from ..files.yamlsource import read_text
from .editorial import EditorialChange, load_editorial
from .organisation_types import Organisation
from .organisations import Catalogue
from .sources import page_name, read_source

SOURCES_DIR = "_sources"
EXTRACTED = "extracted.txt"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'«»“(\[]?[A-ZÆØÅÄÖ0-9])")
LINK = re.compile(r"!?\[([^\[\]]*)\]\([^)]*\)")  # no '[' inside: linear on a line of 40,000 of them
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
    found: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        for sentence in SENTENCE_END.split(line.strip()):
            if any(c.isalpha() for c in sentence):
                found.append((number, sentence.strip()))
            elif found and found[-1][0] == number:  # "(… s. 15)." cut after the abbreviation: one sentence
                found[-1] = (number, f"{found[-1][1]} {sentence.strip()}")
    return found


@dataclass
class Coverage:
    org_id: str
    source: str  # display path of the extracted text
    carried: list[tuple[int, str]] = field(default_factory=list)
    recorded: list[tuple[int, str, str]] = field(default_factory=list)  # line, sentence, change kind
    dropped: list[tuple[int, str]] = field(default_factory=list)

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
                f"({self.share:.1%}){recorded}; {len(self.dropped)} left out without a record")


def page_text(catalogue: Catalogue, org: Organisation) -> str:
    """Everything the organisation's own-language pages say, including titles and included wordings."""
    parts = []
    for path in sorted(catalogue.org_dir(org.id).glob(f"*.{org.source_language}.md")):
        if page_name(path) is None:
            continue
        source = read_source(path, path.name)
        parts.append(str(source.front_matter.get("title", "")))
        parts.append(source.body)
        for include in source.includes:  # a whole wording counts, also where a page shows one section
            shared = catalogue.shared_dir / include.file
            try:
                parts.append(read_text(shared, display_path(shared, catalogue.root)) if shared.is_file() else "")
            except PublisherError:  # not UTF-8: the include check reports it at its line
                continue
    return "\n".join(normalise(part) for part in parts)


def _parts(text: str) -> list[str]:
    """The texts one recorded change names: the record writes several as "a / b" and a run as "a … b"."""
    return [normalise(part) for part in re.split(r"\s+/\s+|\s*…\s*", text)]


@dataclass(frozen=True)
class _Recorded:
    """One recorded change as coverage reads it: the texts it replaced, with what replaced each."""
    kind: str
    original: str  # the whole original, normalised: a sentence inside it is accounted for
    replaced: tuple[tuple[str, str], ...]  # (original part, published part), pairwise when the record pairs them
    run: tuple[str, str] | None  # "a … b": every sentence of the document from a to b


def _recorded(change: EditorialChange) -> _Recorded:
    originals, published = _parts(change.original), _parts(change.published)
    if len(published) != len(originals):
        published = [""] * len(originals)
    run = (originals[0], originals[-1]) if "…" in change.original and len(originals) == 2 else None
    return _Recorded(change.kind, normalise(change.original),
                     tuple((o, p) for o, p in zip(originals, published, strict=True) if o and o != p), run)


def _in_runs(document: list[tuple[int, str]], records: list[_Recorded]) -> dict[int, str]:
    """The document's sentences (by index) that lie in a recorded run "a … b", with the change's kind: the
    run starts where a's words first stand in the document and ends where b's words next stand."""
    words = [normalise(sentence) for _, sentence in document]
    starts, text = [], ""
    for item in words:
        starts.append(len(text) + 1)
        text += f" {item}"
    text += " "
    inside: dict[int, str] = {}
    for record in (r for r in records if r.run):
        first, last = record.run  # type: ignore[misc]
        begin = text.find(f" {first} ")
        end = text.find(f" {last} ", begin + 1) if begin >= 0 else -1
        if end < 0:
            continue
        end += len(last) + 1
        for index, start in enumerate(starts):
            if begin < start and start + len(words[index]) <= end:
                inside.setdefault(index, record.kind)
    return inside


def _recorded_kind(words: str, records: list[_Recorded], carried_text: str) -> str | None:
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


def measure(catalogue: Catalogue, org: Organisation) -> Coverage | None:
    """The coverage of the organisation's kept document, or None when it has none."""
    extracted = sources_dir(catalogue, org.id) / EXTRACTED
    if not extracted.is_file():
        return None
    display = f"docs/{SOURCES_DIR}/{org.id}/{EXTRACTED}"
    carried_text = f" {page_text(catalogue, org)} ".replace("\n", " ")
    records = [_recorded(change) for change in load_editorial(catalogue, org.id).changes if change.original]
    document = sentences(read_text(extracted, display))
    runs = _in_runs(document, records)
    coverage = Coverage(org.id, display)
    for index, (line, sentence) in enumerate(document):
        words = normalise(sentence)
        if not words or f" {words} " in carried_text:
            coverage.carried.append((line, sentence))
            continue
        kind = _recorded_kind(words, records, carried_text) or runs.get(index)
        if kind is not None:
            coverage.recorded.append((line, sentence, kind))
        else:
            coverage.dropped.append((line, sentence))
    return coverage
