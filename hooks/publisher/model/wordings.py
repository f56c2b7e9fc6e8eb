"""The include syntax of shared wordings: how a page includes one, and what a reader gets of it.

A wording lives in `docs/_shared/<topic>/<wording>.<lang>.md`, optionally cut into named sections
with the snippets markers `--8<-- [start:name]` / `--8<-- [end:name]`. A page includes it on a
line of its own, or as the text of a list item:

    --8<-- "threats/kalundborg.da.md"
    4. --8<-- "threats/kalundborg.da.md:procedure"

This module and `model/sources.py` (which reads a page's includes with their lines) are the only
ones that know the syntax (tests/test_structure.py holds them to it); `expand_includes` is the
one expander, used by the Markdown extension (`publisher.render.passages`) and by the editions'
snapshots. Plain data and functions; no MkDocs import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files.yamlsource import read_text

SHARED_DIR = "_shared"
WORDING_FILE = re.compile(r"^(?P<wording>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>[a-z]{2})\.md$")
# The snippets marker, as pymdownx.snippets reads it: other modules build on this, never spell it.
INCLUDE_MARK = r"-+8<-+"
SECTION_MARKER = re.compile(r"^\s*" + INCLUDE_MARK + r"\s*\[(?P<kind>start|end):(?P<name>[a-zA-Z0-9_-]+)\]\s*$")
# An include of a wording: alone on its line, or as the text of a list item (`4. --8<-- "…"`).
PASSAGE_INCLUDE = re.compile(
    r'^(?P<indent>[ \t]*)(?P<marker>(?:\d+[.)]|[-*+])[ \t]+)?' + INCLUDE_MARK + r'[ \t]+'
    r'(?P<quote>["\'])(?P<path>[^"\']+)(?P=quote)[ \t]*$'
)
PASSAGE_PATH = re.compile(
    r"^(?P<topic>[a-z0-9-]+)/(?P<wording>[a-z0-9-]+)\.(?P<lang>[a-z]{2})\.md(?::(?P<section>[\w-]+))?$"
)
# A blank of a model text, which each adopter fills (`model/adopted.py`): `[[kommune]]`, `[[kommune:genitiv]]`.
# Double brackets: Markdown, attribute lists (`{: }`), snippets (`--8<--`) and Jinja (`{{ }}`) give them no
# meaning, and they are filled before Markdown sees the text. Any other `[[` or `]]` in a wording is an error.
BLANK = re.compile(r"\[\[(?P<name>[a-z][a-z0-9-]*)(?::(?P<form>[a-z][a-z0-9-]*))?\]\]")
_NOT_A_BLANK = re.compile(r"\[\[[^\[\]\n]*\]\]|\[\[|\]\]")


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


def blank_key(match: re.Match[str]) -> str:
    """`kommune` or `kommune:genitiv`: how the adopter's `values:` names what fills this blank."""
    return match["name"] + (f":{match['form']}" if match["form"] else "")


def blanks_in(text: str) -> list[str]:
    """The blanks of a text, by key, in order of first use."""
    return list(dict.fromkeys(blank_key(m) for m in BLANK.finditer(text)))


def fill_blanks(text: str, values: dict[str, str]) -> str:
    """Each blank with a value replaced by it; a blank without one stays as written (`make check` reports it)."""
    return BLANK.sub(lambda m: values.get(blank_key(m), m[0]), text) if "[[" in text else text


def blank_problem(line: str) -> str | None:
    """Why a line of a wording has a `[[` or `]]` that is no blank, or None."""
    bad = _NOT_A_BLANK.search(BLANK.sub("", line))
    if bad is None:
        return None
    if bad[0] in ("[[", "]]"):
        what = "opens a blank that is not closed with ']]'" if bad[0] == "[[" else "closes no blank"
        return f"'{bad[0]}' {what}; a blank is written [[name]] or [[name:form]], e.g. [[kommune:genitiv]]"
    return (f"'{bad[0]}' is no blank: a blank is [[name]] or [[name:form]], name and form in lowercase letters, "
            f"digits and '-', starting with a letter, e.g. [[kommune:genitiv]]")


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


@dataclass(frozen=True)
class Expanded:
    """An include of a shared wording, with the wording's lines (`expand_includes`)."""

    indent: str  # before the include (or before its list marker)
    marker: str | None  # `4. ` when the include is a list item's text
    ref: PassageRef
    body: list[str]  # as the page says it: filled by the adopter when `expand_includes` was given `fill`
    filled: Any = None  # model.adopted.Filled: the model's lines and the adopter's changes (`model/adopted.py`)


def expand_includes(lines: Iterable[str], shared_dir: Path,
                    fill: Callable[[PassageRef, list[str]], Any] | None = None) -> Iterator[str | Expanded]:
    """Each line as it is, or, for an include of a shared wording that exists, the wording's lines.

    The one include expander: the Markdown extension (`publisher.render.passages`) formats what it
    yields for the page, the editions' snapshots (`publisher.model.editions.expand`) as plain text.
    `fill` (`model.adopted.filler`) puts in the values and changes of the organisation whose page
    this is, before Markdown sees the text. Code fences are left alone: an include shown as code is code.
    """
    fence: str | None = None
    for line in lines:
        stripped = line.strip()
        if fence is None and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif fence is not None and stripped.startswith(fence):
            fence = None
        match = PASSAGE_INCLUDE.match(line) if fence is None else None
        ref = PassageRef.parse(match["path"]) if match else None
        if match is None or ref is None or not (shared_dir / ref.file).is_file():
            yield line  # not a passage: the snippets extension and the checks deal with it
            continue
        # Not UTF-8: a finding at the wording's line, as `make check` reports it, not a traceback.
        body = wording_lines(read_text(shared_dir / ref.file, f"docs/{SHARED_DIR}/{ref.file}"), ref.section) or []
        filled = fill(ref, body) if fill is not None else None
        yield Expanded(match["indent"], match["marker"], ref, filled.lines if filled is not None else body, filled)
