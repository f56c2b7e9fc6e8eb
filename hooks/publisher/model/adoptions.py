"""Shared passages by adoption: a topic's wordings, and which organisation has adopted which.

A *wording* is one body's words on a topic (duty of confidentiality, friend requests, threats),
kept once per language in `docs/_shared/<topic>/<wording>.<lang>.md`, optionally cut into named
sections with the snippets markers `--8<-- [start:name]` / `--8<-- [end:name]`. It appears on an
organisation's site only where `docs/adoptions.yml` says that the organisation's own document
says these words, and only in the place of the organisation's own text:

    threats:                      # topic id from docs/topics.yml
      kalundborg:                 # wording id: docs/_shared/threats/kalundborg.<lang>.md
        kalundborg: {where: "Gode råd om brug af sociale medier, punkt 4"}

A wording's sections may each name another topic they are about (`section_topics`, model/section_topics.py).

How a page includes a wording, and what a reader gets of it: `model/wordings.py`. This module
reads the adoption data and finds the wording files. Plain data and functions; no MkDocs import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..files.findings import Finding, PublisherError, display_path
from ..files.yamlsource import Located, load_located_file, read_text
from .section_topics import SECTION_TOPICS, read_section_topics
from .wordings import SHARED_DIR, WORDING_FILE, sections_of

ADOPTIONS_FILE = "adoptions.yml"


@dataclass(frozen=True)
class Adoption:
    """One organisation's adoption of one wording: where its document says it, which sections."""

    org_id: str
    topic: str
    wording: str
    where: str
    sections: tuple[str, ...] | None  # None: the whole wording
    line: int

    def covers(self, section: str | None) -> bool:
        return self.sections is None or (section is not None and section in self.sections)


@dataclass(frozen=True)
class Wording:
    topic: str
    id: str
    files: dict[str, Path]  # language -> file


@dataclass(frozen=True)
class Adoptions:
    """Everything `docs/adoptions.yml` and `docs/_shared/` say, with the problems they have."""

    shared_dir: Path
    display: str
    wordings: dict[tuple[str, str], Wording]
    adoptions: tuple[Adoption, ...]
    findings: tuple[Finding, ...] = ()
    wording_lines: dict[tuple[str, str], int] = field(default_factory=dict)
    section_topics: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)  # (topic, wording) -> ...

    def sections_about(self, topic: str) -> list[tuple[str, str, str]]:
        """(topic, wording, section) of each section of another topic's wording that is about `topic`."""
        return [(*key, section) for key, about in sorted(self.section_topics.items())
                for section, named in about.items() if named == topic]

    def adopters(self, topic: str, wording: str) -> list[str]:
        return [a.org_id for a in self.adoptions if (a.topic, a.wording) == (topic, wording)]

    def adoption(self, org_id: str, topic: str, wording: str) -> Adoption | None:
        return next((a for a in self.adoptions if (a.org_id, a.topic, a.wording) == (org_id, topic, wording)), None)

    def of_organisation(self, org_id: str) -> list[Adoption]:
        return [a for a in self.adoptions if a.org_id == org_id]


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _find_wordings(shared_dir: Path, root: Path, findings: list[Finding]) -> dict[tuple[str, str], Wording]:
    """Every wording file in `docs/_shared/<topic>/`, by (topic, wording); misnamed or misplaced files are findings."""
    wordings: dict[tuple[str, str], Wording] = {}
    if not shared_dir.is_dir():
        return wordings
    for topic_dir in sorted(p for p in shared_dir.iterdir() if p.is_dir()):
        for file in sorted(topic_dir.iterdir()):
            if file.suffix != ".md":
                continue  # only Markdown is read: other files are refused by safe_files
            match = WORDING_FILE.match(file.name)
            if not match:
                findings.append(Finding(display_path(file, root), 1,
                                        "a wording file is named <wording>.<language>.md, e.g. kalundborg.da.md; "
                                        "rename it"))
                continue
            key = (topic_dir.name, match["wording"])
            wording = wordings.setdefault(key, Wording(topic_dir.name, match["wording"], {}))
            wording.files[match["lang"]] = file
    for stray in sorted(p for p in shared_dir.iterdir() if p.is_file() and p.suffix == ".md"):
        findings.append(Finding(display_path(stray, root), 1,
                                f"shared wordings live in docs/{SHARED_DIR}/<topic>/<wording>.<language>.md; "
                                f"move this file into its topic's folder"))
    return wordings


@dataclass
class _Reading:
    """One read of adoptions.yml: where findings go and what they are checked against."""

    located: Located
    display: str
    org_ids: set[str]
    findings: list[Finding]
    section_topics: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    def finding(self, line: int, message: str) -> None:
        self.findings.append(Finding(self.display, line, message))


def _adopter(read: _Reading, topic: str, wording_id: str, org_id: str, entry: Any,
             known_sections: list[str] | None) -> Adoption | None:
    """One organisation's adoption of a wording, or None after a finding that says why not."""
    name = f"{topic}/{wording_id}"
    org_line = read.located.line(topic, wording_id, org_id)
    if org_id not in read.org_ids:
        read.finding(org_line, f"unknown organisation '{org_id}' adopts '{name}'; "
                               f"known organisations: {', '.join(sorted(read.org_ids))}")
        return None
    if not isinstance(entry, dict) or not _text(entry.get("where")):
        read.finding(org_line, f"'{org_id}' under '{name}' needs 'where': the place in its own document that says "
                               f"these words, e.g. {{where: \"punkt 4\"}}")
        return None
    unknown_keys = sorted(set(entry) - {"where", "sections"})
    if unknown_keys:
        read.finding(org_line, f"unknown key(s) {', '.join(unknown_keys)} for '{org_id}'; an adoption has 'where' "
                               f"and 'sections'")
    adopted = entry.get("sections")
    if adopted is not None:
        sections_line = read.located.line(topic, wording_id, org_id, "sections")
        if not isinstance(adopted, list) or not all(isinstance(s, str) for s in adopted) or not adopted:
            read.finding(sections_line, "'sections' must be a list of section names, e.g. [venn]")
            return None
        for section in adopted:
            if known_sections is not None and section not in known_sections:
                read.finding(sections_line, f"wording '{name}' has no section '{section}'; its sections: "
                             f"{', '.join(known_sections) or 'none (adopt the whole wording: leave out sections)'}")
    return Adoption(org_id, topic, wording_id, _text(entry["where"]) or "", tuple(adopted) if adopted else None,
                    org_line)


def _topic_adoptions(read: _Reading, topic: str, by_wording: Any, topics: dict[str, Any],
                     wordings: dict[tuple[str, str], Wording], sections: dict[tuple[str, str], list[str] | None],
                     lines: dict[tuple[str, str], int]) -> list[Adoption]:
    """The adoptions listed under one topic of adoptions.yml."""
    if topic not in topics:
        read.finding(read.located.line(topic), f"unknown topic '{topic}'; add it to docs/topics.yml or use one of: "
                                               f"{', '.join(topics)}")
        return []
    if not isinstance(by_wording, dict):
        read.finding(read.located.line(topic), f"topic '{topic}' must map wording ids to adopters")
        return []
    adoptions = []
    for wording_id, by_org in by_wording.items():
        wording_id = str(wording_id)
        line = read.located.line(topic, wording_id)
        lines[(topic, wording_id)] = line
        if (topic, wording_id) not in wordings:
            read.finding(line, f"wording '{wording_id}' of topic '{topic}' does not exist: create "
                               f"docs/{SHARED_DIR}/{topic}/{wording_id}.<language>.md")
            continue
        if not isinstance(by_org, dict) or not set(by_org) - {SECTION_TOPICS}:
            read.finding(line, f"wording '{topic}/{wording_id}' must list the organisations that adopted it, "
                               f"e.g. 'kalundborg: {{where: \"punkt 4\"}}'")
            continue
        if SECTION_TOPICS in by_org:
            read.section_topics[(topic, wording_id)] = read_section_topics(
                read.located, read.finding, topic, wording_id, by_org[SECTION_TOPICS], sections[(topic, wording_id)],
                topics)
        for org_id, entry in ((k, v) for k, v in by_org.items() if k != SECTION_TOPICS):
            adoption = _adopter(read, topic, wording_id, str(org_id), entry, sections[(topic, wording_id)])
            if adoption is not None:
                adoptions.append(adoption)
    return adoptions


def load_adoptions(docs_dir: Path, topics: dict[str, Any], org_ids: set[str]) -> Adoptions:
    """Read `docs/adoptions.yml` and the wordings in `docs/_shared/`; every problem is a finding."""
    docs_dir = docs_dir.resolve()
    shared_dir = docs_dir / SHARED_DIR
    root = docs_dir.parent
    path = docs_dir / ADOPTIONS_FILE
    display = display_path(path, root)
    findings: list[Finding] = []
    wordings = _find_wordings(shared_dir, root, findings)
    if not path.is_file():
        return Adoptions(shared_dir, display, wordings, (), tuple(findings))
    try:
        located = load_located_file(path, display)
    except PublisherError as error:
        return Adoptions(shared_dir, display, wordings, (), tuple(findings + error.findings))
    data = located.data or {}
    sections = {key: _sections_by_language(wording, root, findings) for key, wording in wordings.items()}
    read = _Reading(located, display, org_ids, findings)
    adoptions: list[Adoption] = []
    lines: dict[tuple[str, str], int] = {}
    if not isinstance(data, dict):
        read.finding(1, "expected 'topic: {wording: {organisation: {where: ...}}}'")
        data = {}
    for topic, by_wording in data.items():
        adoptions += _topic_adoptions(read, str(topic), by_wording, topics, wordings, sections, lines)
    return Adoptions(shared_dir, display, wordings, tuple(adoptions), tuple(findings), lines, read.section_topics)


def _sections_by_language(wording: Wording, root: Path, findings: list[Finding]) -> list[str] | None:
    """The wording's sections; a finding on each language file whose sections differ from the others'."""
    by_language: dict[str, list[str]] = {}
    for language, path in sorted(wording.files.items()):
        try:
            by_language[language] = sections_of(read_text(path, display_path(path, root)))
        except PublisherError as error:
            findings.extend(error.findings)
    if not by_language:
        return None
    first_language, first = next(iter(by_language.items()))
    for language, sections in by_language.items():
        if sections != first:
            path = wording.files[language]
            findings.append(Finding(
                display_path(path, root), 1,
                f"sections differ between languages of '{wording.topic}/{wording.id}': {language} has "
                f"[{', '.join(sections)}], {first_language} has [{', '.join(first)}]; every language needs the same "
                f"named sections in the same order"))
    return first


@cache
def _load_cached(docs_dir: Path, topics: tuple[str, ...], org_ids: frozenset[str], stamp: tuple) -> Adoptions:
    return load_adoptions(docs_dir, dict.fromkeys(topics), set(org_ids))


def adoptions_for(docs_dir: Path, topics: dict[str, Any], org_ids: set[str]) -> Adoptions:
    """`load_adoptions`, cached while `adoptions.yml` and the shared folder are unchanged."""
    docs_dir = docs_dir.resolve()
    shared = docs_dir / SHARED_DIR
    stamp = []
    paths = [docs_dir / ADOPTIONS_FILE, *(sorted(shared.rglob("*")) if shared.is_dir() else [])]
    for path in paths:
        try:
            stat = path.stat()
            stamp.append((str(path), stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            stamp.append((str(path), None))
    return _load_cached(docs_dir, tuple(topics), frozenset(org_ids), tuple(stamp))
