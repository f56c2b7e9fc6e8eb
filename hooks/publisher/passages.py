"""Shared passages by adoption: a topic's wordings, and which organisation has adopted which.

A *wording* is one body's words on a topic (duty of confidentiality, friend requests, threats),
kept once per language in `docs/_shared/<topic>/<wording>.<lang>.md`, optionally cut into named
sections with the snippets markers `--8<-- [start:name]` / `--8<-- [end:name]`. It appears on an
organisation's site only where `docs/adoptions.yml` says that the organisation's own document
says these words, and only in the place of the organisation's own text:

    threats:                      # topic id from docs/topics.yml
      kalundborg:                 # wording id: docs/_shared/threats/kalundborg.<lang>.md
        kalundborg: {where: "Gode råd om brug af sociale medier, punkt 4"}

A page includes a wording on a line of its own (or as the text of a list item):

    --8<-- "threats/kalundborg.da.md"
    4. --8<-- "threats/kalundborg.da.md:procedure"

`PassageExtension` expands these includes for every engine that renders our Markdown (the site,
the PDF, the checks) and marks each as what it is: this organisation's text on the topic, and
with whom the wording is shared. Plain data and functions; no MkDocs import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .fields import markdown_text
from .findings import Finding, PublisherError, display_path
from .markdown_limits import register as register_limits
from .yamlsource import load_located_file, read_text

ADOPTIONS_FILE = "adoptions.yml"
SHARED_DIR = "_shared"
WORDING_FILE = re.compile(r"^(?P<wording>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>[a-z]{2})\.md$")
SECTION_MARKER = re.compile(r"^\s*-{1,}8<-{1,}\s*\[(?P<kind>start|end):(?P<name>[a-zA-Z0-9_-]+)\]\s*$")
# An include of a wording: alone on its line, or as the text of a list item (`4. --8<-- "…"`).
PASSAGE_INCLUDE = re.compile(
    r'^(?P<indent>[ \t]*)(?P<marker>(?:\d+[.)]|[-*+])[ \t]+)?-{1,}8<-{1,}[ \t]+'
    r'(?P<quote>["\'])(?P<path>[^"\']+)(?P=quote)[ \t]*$'
)
PASSAGE_PATH = re.compile(
    r"^(?P<topic>[a-z0-9-]+)/(?P<wording>[a-z0-9-]+)\.(?P<lang>[a-z]{2})\.md(?::(?P<section>[\w-]+))?$"
)


@dataclass(frozen=True)
class PassageRef:
    """`threats/kalundborg.da.md:procedure` as written in a page."""

    topic: str
    wording: str
    language: str
    section: str | None

    @classmethod
    def parse(cls, path: str) -> PassageRef | None:
        match = PASSAGE_PATH.match(path.strip())
        if not match:
            return None
        return cls(match["topic"], match["wording"], match["lang"], match["section"])

    @property
    def file(self) -> str:
        return f"{self.topic}/{self.wording}.{self.language}.md"


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

    def adopters(self, topic: str, wording: str) -> list[str]:
        return [a.org_id for a in self.adoptions if (a.topic, a.wording) == (topic, wording)]

    def adoption(self, org_id: str, topic: str, wording: str) -> Adoption | None:
        return next((a for a in self.adoptions if (a.org_id, a.topic, a.wording) == (org_id, topic, wording)), None)

    def of_organisation(self, org_id: str) -> list[Adoption]:
        return [a for a in self.adoptions if a.org_id == org_id]


def sections_of(text: str) -> list[str]:
    """The named sections of a wording, in order."""
    return [m["name"] for line in text.splitlines() if (m := SECTION_MARKER.match(line)) and m["kind"] == "start"]


def wording_lines(text: str, section: str | None) -> list[str] | None:
    """The lines a reader gets: the whole wording or one section, without markers; None if no such section."""
    lines, inside, found = [], section is None, section is None
    for line in text.splitlines():
        marker = SECTION_MARKER.match(line)
        if marker:
            if section is not None and marker["name"] == section:
                inside = marker["kind"] == "start"
                found = True
            continue
        if inside:
            lines.append(line)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines if found else None


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def load_adoptions(docs_dir: Path, topics: dict[str, Any], org_ids: set[str]) -> Adoptions:
    """Read `docs/adoptions.yml` and the wordings in `docs/_shared/`; every problem is a finding."""
    docs_dir = docs_dir.resolve()
    shared_dir = docs_dir / SHARED_DIR
    root = docs_dir.parent
    path = docs_dir / ADOPTIONS_FILE
    display = display_path(path, root)
    findings: list[Finding] = []
    wordings: dict[tuple[str, str], Wording] = {}
    if shared_dir.is_dir():
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
    if not path.is_file():
        return Adoptions(shared_dir, display, wordings, (), tuple(findings))
    try:
        located = load_located_file(path, display)
    except PublisherError as error:
        return Adoptions(shared_dir, display, wordings, (), tuple(findings + error.findings))
    data = located.data or {}
    sections = {key: _sections_by_language(wording, root, findings) for key, wording in wordings.items()}
    adoptions: list[Adoption] = []
    lines: dict[tuple[str, str], int] = {}
    if not isinstance(data, dict):
        findings.append(Finding(display, 1, "expected 'topic: {wording: {organisation: {where: ...}}}'"))
        data = {}
    for topic, by_wording in data.items():
        topic = str(topic)
        if topic not in topics:
            findings.append(Finding(display, located.line(topic),
                                    f"unknown topic '{topic}'; add it to docs/topics.yml or use one of: "
                                    f"{', '.join(topics)}"))
            continue
        if not isinstance(by_wording, dict):
            findings.append(Finding(display, located.line(topic), f"topic '{topic}' must map wording ids to adopters"))
            continue
        for wording_id, by_org in by_wording.items():
            wording_id = str(wording_id)
            line = located.line(topic, wording_id)
            lines[(topic, wording_id)] = line
            wording = wordings.get((topic, wording_id))
            if wording is None:
                findings.append(Finding(display, line,
                                        f"wording '{wording_id}' of topic '{topic}' does not exist: create "
                                        f"docs/{SHARED_DIR}/{topic}/{wording_id}.<language>.md"))
                continue
            if not isinstance(by_org, dict) or not by_org:
                findings.append(Finding(display, line, f"wording '{topic}/{wording_id}' must list the organisations "
                                                       f"that adopted it, e.g. 'kalundborg: {{where: \"punkt 4\"}}'"))
                continue
            known_sections = sections[(topic, wording_id)]
            for org_id, entry in by_org.items():
                org_id = str(org_id)
                org_line = located.line(topic, wording_id, org_id)
                if org_id not in org_ids:
                    findings.append(Finding(display, org_line,
                                            f"unknown organisation '{org_id}' adopts '{topic}/{wording_id}'; "
                                            f"known organisations: {', '.join(sorted(org_ids))}"))
                    continue
                if not isinstance(entry, dict) or not _text(entry.get("where")):
                    findings.append(Finding(display, org_line,
                                            f"'{org_id}' under '{topic}/{wording_id}' needs 'where': the place in "
                                            f"its own document that says these words, e.g. {{where: \"punkt 4\"}}"))
                    continue
                unknown_keys = sorted(set(entry) - {"where", "sections"})
                if unknown_keys:
                    findings.append(Finding(display, org_line, f"unknown key(s) {', '.join(unknown_keys)} for "
                                                               f"'{org_id}'; an adoption has 'where' and 'sections'"))
                adopted = entry.get("sections")
                if adopted is not None:
                    if not isinstance(adopted, list) or not all(isinstance(s, str) for s in adopted) or not adopted:
                        findings.append(Finding(display, located.line(topic, wording_id, org_id, "sections"),
                                                "'sections' must be a list of section names, e.g. [venn]"))
                        continue
                    for name in adopted:
                        if known_sections is not None and name not in known_sections:
                            findings.append(Finding(
                                display, located.line(topic, wording_id, org_id, "sections"),
                                f"wording '{topic}/{wording_id}' has no section '{name}'; its sections: "
                                f"{', '.join(known_sections) or 'none (adopt the whole wording: leave out sections)'}"))
                adoptions.append(Adoption(org_id, topic, wording_id, _text(entry["where"]) or "",
                                          tuple(adopted) if adopted else None, org_line))
    return Adoptions(shared_dir, display, wordings, tuple(adoptions), tuple(findings), lines)


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


# -- the Markdown extension --------------------------------------------------------------------

@dataclass(frozen=True)
class PassageLabels:
    """What the box around a passage says, in the page's language; None renders the bare text."""

    title: str  # e.g. "Trusler · tekst fra Kalundborg Kommune"
    shared: str | None  # e.g. "Samme ordlyd bruges også af Moskenes kommune."


class PassagePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, shared_dir: Path, labels: Any) -> None:
        super().__init__(md)
        self.shared_dir = shared_dir
        self.labels = labels  # callable (PassageRef) -> PassageLabels | None

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence: str | None = None
        for line in lines:
            stripped = line.strip()
            if fence is None and stripped.startswith(("```", "~~~")):
                fence = stripped[:3]
            elif fence is not None and stripped.startswith(fence):
                fence = None
            match = PASSAGE_INCLUDE.match(line) if fence is None else None
            ref = PassageRef.parse(match["path"]) if match else None
            path = self.shared_dir / ref.file if ref else None
            if not match or ref is None or path is None or not path.is_file():
                out.append(line)  # not a passage: the snippets extension and the checks deal with it
                continue
            # read as the checks read it: a wording in another encoding is a finding with its line, not a traceback
            body = wording_lines(read_text(path, display_path(path, self.shared_dir.parents[1])), ref.section) or []
            out.extend(self._expand(match["indent"], match["marker"], body, ref))
        return out

    def _expand(self, indent: str, marker: str | None, body: list[str], ref: PassageRef) -> list[str]:
        labels = self.labels(ref) if self.labels else None
        lines: list[str] = []
        if marker:  # the passage is this list item's text: keep the item, put the passage inside it
            lines += [f"{indent}{marker.rstrip()} ", ""]
            indent += " " * 4
        if labels is None:
            return lines + [f"{indent}{text}" if text.strip() else "" for text in body] + [""]
        inner = indent + " " * 4
        title = markdown_text(labels.title).replace('"', "&quot;")  # inside the admonition's quoted title
        lines += [f'{indent}!!! passage "{title}"', ""]
        lines += [f"{inner}{text}" if text.strip() else "" for text in body]
        if labels.shared:
            lines += ["", f"{inner}{markdown_text(labels.shared)}", f"{inner}{{: .passage-shared }}"]
        return [*lines, ""]


class PassageExtension(Extension):
    """Expands wording includes before pymdownx.snippets sees them (it would drop our labels)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "shared_dir": ["", "docs/_shared"],
            # Not None: Markdown would read a None default as a yes/no setting.
            "labels": ["", "callable(PassageRef) -> PassageLabels | None; empty: the bare text"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        shared_dir = Path(self.getConfig("shared_dir") or SHARED_DIR)
        md.preprocessors.register(PassagePreprocessor(md, shared_dir, self.getConfig("labels")), "guide_passages", 40)
        register_limits(md)  # every engine that shows wordings: the check, the sites, the topic pages


def makeExtension(**kwargs: Any) -> PassageExtension:  # noqa: N802 (Markdown's API)
    return PassageExtension(**kwargs)
