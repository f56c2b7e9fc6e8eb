"""How much of an organisation's document its pages carry, sentence by sentence.

The document's extracted text is kept in `docs/_sources/<org>/extracted.txt` (one block a line,
written by `make import`). A sentence counts as carried when its words stand, in the same order,
on one of the organisation's own-language pages (their titles and the shared wordings they
include count too); a sentence that is on no page is accounted for when the editorial record
(docs/_editorial/<org>.yml) names it among its `original` texts, and dropped otherwise. Only
letters count: punctuation, Markdown and spacing never make a sentence differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..files.findings import display_path
from ..files.yamlsource import read_text
from .editorial import load_editorial
from .organisation_types import Organisation
from .organisations import Catalogue
from .sources import page_name, read_source

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
            if shared.is_file():
                parts.append(read_text(shared, display_path(shared, catalogue.root)))
    return "\n".join(normalise(part) for part in parts)


def measure(catalogue: Catalogue, org: Organisation) -> Coverage | None:
    """The coverage of the organisation's kept document, or None when it has none."""
    extracted = sources_dir(catalogue, org.id) / EXTRACTED
    if not extracted.is_file():
        return None
    display = f"docs/{SOURCES_DIR}/{org.id}/{EXTRACTED}"
    carried_text = f" {page_text(catalogue, org)} ".replace("\n", " ")
    record = load_editorial(catalogue, org.id)
    originals = [(normalise(change.original), change.kind) for change in record.changes if change.original]
    coverage = Coverage(org.id, display)
    for line, sentence in sentences(read_text(extracted, display)):
        words = normalise(sentence)
        if not words or f" {words} " in carried_text:
            coverage.carried.append((line, sentence))
            continue
        kind = next((kind for original, kind in originals if words in original), None)
        if kind is not None:
            coverage.recorded.append((line, sentence, kind))
        else:
            coverage.dropped.append((line, sentence))
    return coverage
