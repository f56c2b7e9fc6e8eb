"""Reading Markdown sources: front matter and snippet includes, each with the line it is on.

Lines count the front matter, so a finding can send the author to the exact place. What the
page's Markdown becomes (links, ids, tags) is left to the engine itself: see `rendered.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pymdownx.snippets import SnippetPreprocessor

from ..files.findings import Finding, PublisherError
from ..files.yamlsource import load_located, read_text
from .fields import invisible_problem, without_invisible
from .markdown_limits import limit_problems
from .wordings import INCLUDE_MARK, PASSAGE_INCLUDE, SECTION_MARKER

FRONT_MATTER_FENCE = "---"
# The snippets extension's own pattern: a line it does not match is published as text.
INCLUDE = SnippetPreprocessor.RE_ALL_SNIPPETS
INCLUDE_LIKE = re.compile(r"^\s*;*" + INCLUDE_MARK)
LINE_BREAK = re.compile(r"\r\n|\r|\n")
PAGE_NAME = re.compile(r"^(?P<base>[^.]+)\.(?P<lang>[a-z]{2})\.md$")


def split_lines(text: str) -> list[str]:
    """Lines as editors and GitHub count them: ended by LF, CRLF or CR only. (str.splitlines also
    breaks at form feeds, U+2028 and others, and every finding after one would name a wrong line.)"""
    lines = LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


@dataclass(frozen=True)
class Include:
    line: int
    path: str  # as written, e.g. "threats/kalundborg.da.md" or "threats/kalundborg.da.md:section"

    @property
    def file(self) -> str:
        """The snippet file, without a `:section` or `:1:3` line-range suffix."""
        return self.path.split(":", 1)[0]

    @property
    def section(self) -> str | None:
        parts = self.path.split(":")
        if len(parts) == 2 and not parts[1].isdigit():
            return parts[1]
        return None


@dataclass
class Source:
    """One Markdown file: a page of an organisation or a shared snippet."""

    path: Path
    display: str
    text: str
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_lines: dict[tuple[str, ...], int] = field(default_factory=dict)
    front_matter_written: dict[tuple[str, ...], str] = field(default_factory=dict)  # one-line values as typed
    body_line: int = 1  # the first line after the front matter
    findings: list[Finding] = field(default_factory=list)
    includes: list[Include] = field(default_factory=list)
    renderable: bool = True  # False: beyond what the Markdown engine reads in linear time (markdown_limits.py)

    _split: tuple[str, list[str]] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def lines(self) -> list[str]:
        """The text's lines, split once per text (checks read them line by line; read, never change them)."""
        if self._split is None or self._split[0] is not self.text:
            self._split = (self.text, split_lines(self.text))
        return self._split[1]

    @property
    def body_lines(self) -> list[str]:
        """The lines after the front matter: the page's body, the one place it is cut out."""
        return self.lines[self.body_line - 1:]

    @property
    def body(self) -> str:
        return "\n".join(self.body_lines)

    def key_line(self, key: str) -> int:
        return self.front_matter_lines.get((key,), 1)


def _split_front_matter(source: Source) -> str | None:
    lines = split_lines(source.text)
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in (FRONT_MATTER_FENCE, "..."):
            source.body_line = index + 2
            return "\n".join(lines[1:index])
    source.findings.append(Finding(
        source.display, 1, "front matter starts with '---' but is never closed; add a line '---' after it"
    ))
    return None


def _read_front_matter(source: Source) -> None:
    block = _split_front_matter(source)
    if block is None:
        return
    try:
        located = load_located(block, source.display, line_offset=1)
    except PublisherError as error:
        source.findings.extend(error.findings)
        return
    if located.data is None:
        return
    if not isinstance(located.data, dict):
        source.findings.append(Finding(source.display, 2, "front matter must be a mapping of keys to values"))
        return
    source.front_matter = located.data
    source.front_matter_lines = located.lines
    source.front_matter_written = located.written


def invisible_include(line: str) -> str | None:
    """An include with an invisible character in it (a zero-width space pasted from a web page) is
    not recognised, or names a file that is not there: say which character, not what follows from it."""
    shown = without_invisible(line)
    if shown == line or not (INCLUDE_LIKE.match(shown) or PASSAGE_INCLUDE.match(shown)):
        return None
    return f"this include is not recognised because it {invisible_problem(line)}"


def _scan_body(source: Source) -> None:
    """The snippet includes, found as the snippets extension finds them: on every line, code
    blocks included (it runs before Markdown sees a code block)."""
    in_include_block = False
    lines = split_lines(source.text)
    # Before anything renders the text: what the engine cannot read in linear time is refused here.
    too_slow = limit_problems(lines[source.body_line - 1:], source.body_line)
    source.findings += [Finding(source.display, number, message) for number, message in too_slow]
    source.renderable = not too_slow
    for index in range(source.body_line - 1, len(lines)):
        number, line = index + 1, lines[index]
        if problem := invisible_include(line):
            source.findings.append(Finding(source.display, number, problem))
            continue
        match = INCLUDE.match(line) if not PASSAGE_INCLUDE.match(line) else None
        if match:
            if match.group("escape"):
                continue
            if match.group("block_marker"):
                in_include_block = not in_include_block
                if in_include_block:  # the snippets extension would show the wordings bare
                    source.findings.append(Finding(
                        source.display, number,
                        "a block of includes (--8<-- on a line of its own) shows a wording past the checks of who "
                        "adopted it and without its note; write each include on one line: --8<-- "
                        "\"<topic>/<wording>.<language>.md\""))
            else:
                source.includes.append(Include(number, match.group("snippet")[1:-1].strip()))
            continue
        if SECTION_MARKER.match(line):  # where a named section of a shared wording starts or ends
            continue
        passage = PASSAGE_INCLUDE.match(line)
        if passage and not in_include_block:  # a shared passage, alone or as a list item's text
            source.includes.append(Include(number, passage["path"].strip()))
            continue
        if in_include_block:
            if line.strip() and not line.strip().startswith(";"):
                source.includes.append(Include(number, line.strip()))
            continue
        if INCLUDE_LIKE.match(line):
            why = ("remove the spaces after it" if line != line.rstrip() else
                   "write it on a line of its own as --8<-- \"<topic>/<wording>.<language>.md\"")
            source.findings.append(Finding(source.display, number,
                                           f"this include is not recognised and would be published as text: {why}"))


@cache
def _read_cached(path: Path, display: str, mtime_ns: int, size: int) -> Source:
    try:
        text = read_text(path, display)
    except PublisherError as error:  # reported like any other finding; the file reads as empty
        return Source(path, display, "", findings=list(error.findings))
    source = Source(path, display, text)
    _read_front_matter(source)
    _scan_body(source)
    return source


def read_source(path: Path, display: str) -> Source:
    """Parse a Markdown file (cached on its modification time, for repeated checks)."""
    stat = path.stat()
    return _read_cached(path, display, stat.st_mtime_ns, stat.st_size)


def parse_text(text: str, display: str = "page.md") -> Source:
    """Parse Markdown text that is not (yet) a file; for tests and previews."""
    source = Source(Path(display), display, text)
    _read_front_matter(source)
    _scan_body(source)
    return source


def page_name(path: Path) -> tuple[str, str] | None:
    """(`base`, `lang`) for `base.lang.md`, else None."""
    match = PAGE_NAME.match(path.name)
    return (match.group("base"), match.group("lang")) if match else None
