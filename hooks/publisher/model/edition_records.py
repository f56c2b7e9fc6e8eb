"""Editions as recorded data: `docs/_editions/<org>/editions.yml`, read when the catalogue loads.

A lower floor than editions.py (which renders editions, compares snapshots and writes notices):
organisations.py imports this module to give each organisation its editions and the latest
edition's facts; this module imports nothing from organisations.py or its parts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files.findings import Finding, display_path
from ..files.yamlsource import load_located_file
from .document_facts import APPROVAL_FACTS, Fact, parse_facts
from .fields import FACT_FIELDS, note_problem

EDITIONS_DIR = "_editions"
EDITIONS_FILE = "editions.yml"
ENTRY_KEYS = ("number", "recorded_on", "in_force_from", "facts", "facts_translated", "said", "note")


@dataclass(frozen=True)
class Edition:
    number: int
    recorded_on: dt.date  # the day this project recorded it on the site
    in_force_from: dt.date | None  # only when the document or its approval states it, never derived
    facts: tuple[Fact, ...]
    notes: dict[str, str]  # language -> change note
    line: int = dataclasses.field(default=1, compare=False)
    # language -> fact key -> the fact in that language's words ("3.0 – May 2019", "item 6"; a body's name
    # kept, saying what it is): shown on that language's pages instead of the document's own words.
    translated: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    # fact key -> (the document's words the fact rests on, their line in editions.yml): `make check` finds the
    # words in the document's extracted text (docs/_sources/<org>/extracted.txt).
    said: dict[str, tuple[str, int]] = dataclasses.field(default_factory=dict, compare=False)

    def fact(self, key: str) -> str | dt.date | None:
        return next((f.value for f in self.facts if f.key == key), None)

    @property
    def name(self) -> str:
        """How readers call it: the version or edition the document states, else its number."""
        for key in ("version", "edition"):
            value = self.fact(key)
            if value:
                return str(value)
        return str(self.number)

    def name_in(self, language: str) -> tuple[str, bool]:
        """(its name for readers of `language`, whether that is a translation of the document's words)."""
        for key in ("version", "edition"):
            if self.fact(key):
                said = self.translated.get(language, {}).get(key)
                return (said, True) if said else (str(self.fact(key)), False)
        return str(self.number), True

    @property
    def starts(self) -> dt.date:
        """The day its period begins: in force from the stated date, else recorded on this site."""
        return self.in_force_from or self.recorded_on

    @property
    def anchor(self) -> str:
        return f"edition-{self.number}"

    @property
    def is_approved(self) -> bool:
        return any(fact.key in APPROVAL_FACTS for fact in self.facts)

    def note_in(self, language: str, source_language: str) -> tuple[str, str] | None:
        """(note, its language): the note in `language`, else in the source language."""
        for code in (language, source_language):
            if self.notes.get(code):
                return self.notes[code], code
        return None


def editions_folder(docs_dir: Path, org_id: str) -> Path:
    return docs_dir / EDITIONS_DIR / org_id


def editions_stamps(docs_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """What the catalogue cache must notice: every organisation's editions file."""
    stamps = []
    for path in sorted((docs_dir / EDITIONS_DIR).glob(f"*/{EDITIONS_FILE}")):
        stat = path.stat()
        stamps.append((path.parent.name, stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


def parse_editions(data: Any, org: Any, display: str, line: Any) -> tuple[list[Edition], list[Finding]]:
    """Editions from the parsed YAML; `line(*keys)` gives the line of a key path."""
    findings: list[Finding] = []
    entries = data.get("editions") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        return [], [Finding(display, 1, "expected 'editions:' with a list of editions (number, recorded_on, "
                                        "in_force_from, facts, note); 'make edition' writes them")]
    editions: list[Edition] = []
    for index, entry in enumerate(entries):
        where = ("editions", str(index))

        def at(*keys: str, _where: tuple[str, ...] = where) -> int:
            return line(*_where, *keys)

        def error(message: str, *keys: str, _at: Callable[..., int] = at) -> None:
            findings.append(Finding(display, _at(*keys), message))

        edition = _edition(index, entry, editions[-1] if editions else None, org, at, error, findings)
        if edition is not None:
            editions.append(edition)
    return editions, findings


def _edition(index: int, entry: Any, previous: Edition | None, org: Any, at: Callable[..., int],
             error: Callable[..., None], findings: list[Finding]) -> Edition | None:
    """Edition `index + 1` from its entry, or None when it has a problem (each one reported through `error`).

    `at(*keys)` gives the line of a key path below the entry; `previous` is the edition before it, if any.
    """
    if not isinstance(entry, dict):
        error("each edition is a mapping with number, recorded_on, in_force_from, facts and note")
        return None
    before = len(findings)
    unknown = sorted(str(key) for key in entry if key not in ENTRY_KEYS)
    if unknown:
        error(f"unknown key(s) {', '.join(unknown)}; an edition has {', '.join(ENTRY_KEYS)}")
    number = entry.get("number")
    if number != index + 1 or isinstance(number, bool):
        error(f"edition {index + 1} must say 'number: {index + 1}' (editions are numbered 1, 2, 3 … in order)",
              "number")
    recorded = entry.get("recorded_on")
    if not isinstance(recorded, dt.date):
        error("'recorded_on' must be a date written YYYY-MM-DD", "recorded_on")
    facts = _facts(entry, error)
    translated = _translated_facts(entry.get("facts_translated"), facts, org,
                                   lambda message, *keys: error(message, "facts_translated", *keys))
    said = _said(entry, facts, error)
    in_force = entry.get("in_force_from")
    if in_force is not None and not isinstance(in_force, dt.date):
        error("'in_force_from' must be a date written YYYY-MM-DD", "in_force_from")
    notes = _notes(entry, org, error)
    if len(findings) > before or not isinstance(recorded, dt.date):
        return None
    stated = in_force if isinstance(in_force, dt.date) else None
    start = stated or recorded
    if previous is not None and start < previous.starts:
        error(f"edition {index + 1} begins on {start.isoformat()}, before edition {index} "
              f"({previous.starts.isoformat()}); editions follow each other in time",
              "in_force_from" if stated else "recorded_on")
        return None
    return Edition(index + 1, recorded, stated, facts, {str(k): str(v).strip() for k, v in notes.items()}, at(),
                   translated, {str(k): (" ".join(str(v).split()), at("said", str(k))) for k, v in said.items()})


def _facts(entry: dict[Any, Any], error: Callable[..., None]) -> tuple[Fact, ...]:
    """The facts the edition's approval states, each checked against its field rule."""
    facts_data = entry.get("facts") or {}
    if not isinstance(facts_data, dict):
        error("'facts' must be a mapping of the facts the approval states (e.g. approved_by, approved_on)",
              "facts")
        return ()
    facts = parse_facts(facts_data, lambda message, *keys: error(message, "facts", *keys))
    for key, problem in _text_problems(facts_data, FACT_FIELDS):
        error(f"'{key}' {problem}", "facts", key)
    return facts


def _said(entry: dict[Any, Any], facts: tuple[Fact, ...], error: Callable[..., None]) -> dict[Any, Any]:
    """Fact -> the document's words it rests on; each key a fact of this edition (or in_force_from)."""
    said = entry.get("said") or {}
    if not isinstance(said, dict) or not all(isinstance(v, str) and v.strip() for v in said.values()):
        error("'said' must map each fact to the document's words it rests on, e.g. {approved_on: \"Godkendt "
              "… 16. august 2011\"}", "said")
        said = {}
    for key in (str(k) for k in said if k not in {f.key for f in facts} and k != "in_force_from"):
        error(f"'said' names '{key}', which is not a fact of this edition", "said", key)
    return said


def _notes(entry: dict[Any, Any], org: Any, error: Callable[..., None]) -> dict[Any, Any]:
    """Language -> the change note: in the organisation's languages, the source language's note required."""
    notes = entry.get("note")
    if not isinstance(notes, dict) or not all(isinstance(v, str) and v.strip() for v in notes.values()):
        error(f"'note' must map languages to a short change note, e.g. {{{org.source_language}: \"...\"}}", "note")
        return {}
    for language in (str(code) for code in notes if code not in org.languages):
        error(f"'note' is written in '{language}', which is not a language of '{org.id}' "
              f"({', '.join(org.languages)}); write the note in those, or remove it", "note", language)
    for language, problem in _text_problems(notes, dict.fromkeys(notes, note_problem)):
        error(f"'note' in '{language}' {problem}", "note", language)
    if not notes.get(org.source_language):
        error(f"'note' needs a change note in {org.source_language}, the language the guideline is written "
              f"in", "note")
    return notes


def _translated_facts(data: Any, facts: tuple[Fact, ...], org: Any, error: Any) -> dict[str, dict[str, str]]:
    """`facts_translated: {en: {agenda_item: "item 6"}}`: text facts of this edition, in a translation's words."""
    if data is None:
        return {}
    texts = {fact.key for fact in facts if not fact.is_date}
    if not isinstance(data, dict):
        error("'facts_translated' must map a language to its words for text facts, e.g. {en: {agenda_item: "
              "\"item 6\"}}")
        return {}
    result: dict[str, dict[str, str]] = {}
    for language, mapping in data.items():
        if language not in org.translations:
            error(f"'{language}' is not a translation language of '{org.id}' ({', '.join(org.translations)})",
                  str(language))
            continue
        if not isinstance(mapping, dict):
            error(f"'{language}' must map fact names to text", str(language))
            continue
        for key, value in mapping.items():
            if key not in texts or not isinstance(value, str) or not value.strip():
                error(f"'{key}' is not a text fact of this edition ({', '.join(sorted(texts))}), or its words "
                      f"are empty", str(language), str(key))
            elif problem := FACT_FIELDS[key](value):
                error(f"'{key}' {problem}", str(language), str(key))
            else:
                result.setdefault(str(language), {})[str(key)] = value.strip()
    return result


def _text_problems(mapping: dict[Any, Any], rules: dict[Any, Any]) -> list[tuple[str, str]]:
    """(key, problem) for each text value in `mapping` that breaks its field rule (fields.py)."""
    return [(str(key), problem) for key, value in mapping.items()
            if isinstance(value, str) and key in rules and (problem := rules[key](value))]


def with_editions(docs_dir: Path, org: Any, findings: list[Finding]) -> Any:
    """`org` with its recorded editions, the latest edition's facts becoming the document's facts."""
    path = editions_folder(docs_dir, org.id) / EDITIONS_FILE
    if not path.is_file():
        return org
    root = docs_dir.parent
    located = load_located_file(path, display_path(path, root))
    editions, problems = parse_editions(located.data, org, located.path, located.line)
    findings.extend(problems)
    if problems:
        return org
    if org.document.facts:
        findings.append(Finding(
            display_path(docs_dir / "organisations.yml", root), org.line,
            f"organisation '{org.id}' has recorded editions, so its facts come from the latest edition in "
            f"{located.path}; remove {', '.join(f.key for f in org.document.facts)} from its 'document' "
            f"(a fact typed twice can disagree)",
        ))
        return org
    document = dataclasses.replace(org.document, facts=editions[-1].facts, fact_translations=editions[-1].translated)
    return dataclasses.replace(org, document=document, editions=tuple(editions))
