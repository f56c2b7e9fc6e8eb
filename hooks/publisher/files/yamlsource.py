"""YAML loading that remembers where each value was written, so errors can name the line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .findings import Finding, PublisherError, io_advice

# libyaml's C parser where available: several times faster on large organisation files.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Located:
    """A parsed YAML document with the line of every mapping key, by key path, and every value
    written on one line as it was written (`yes`, not True), so a message can quote the author's own text."""

    data: Any
    lines: dict[tuple[str, ...], int]
    path: str
    written: dict[tuple[str, ...], str] = field(default_factory=dict)

    def line(self, *keys: str) -> int:
        """The line of the deepest key path that exists, so errors land near their cause."""
        for depth in range(len(keys), 0, -1):
            if keys[:depth] in self.lines:
                return self.lines[keys[:depth]]
        return 1


# Our files nest four levels deep (organisations -> id -> document -> title_translations); the
# YAML composer and our walks recurse once per level, so a runaway nesting must stop before them.
MAX_DEPTH = 20
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_STANDARD_TAG = "tag:yaml.org,2002:"


def _tag_as_written(tag: str) -> str:
    """`tag:yaml.org,2002:bool` as an author types it: `!!bool`."""
    return "!!" + tag.removeprefix(_STANDARD_TAG) if tag.startswith(_STANDARD_TAG) else tag


def _structure_findings(text: str, display: str, line_offset: int) -> list[Finding]:
    """Anchors, aliases, tags and runaway nesting, found in the event stream before anything is built.

    An alias lets a few lines stand for billions of values ("billion laughs") and nesting thousands
    deep exhausts the stack: both are refused here, before the composer or any walk of the values.
    A tag (`!!timestamp`, `!!bool`, `!foo`) makes YAML construct a value its own way, and several
    constructors fail on text they do not expect with a bare Python error instead of a YAML one; every
    tag is refused, so no value reaches a constructor the author chose.
    Our data never needs any of them (an editor writes each value where it is used, as plain text)."""
    findings: list[Finding] = []
    depth = 0
    reported: set[int] = set()
    for event in yaml.parse(text, Loader=SafeLoader):
        line = event.start_mark.line + 1 + line_offset
        if isinstance(event, _OPENS):
            depth += 1
            if depth > MAX_DEPTH:
                findings.append(Finding(display, line, f"values are nested more than {MAX_DEPTH} levels deep here; "
                                                       f"no field needs that: check the brackets and the indentation"))
                break  # the parser slows down with every level: stop reading at once
        elif isinstance(event, _CLOSES):
            depth -= 1
        tag = getattr(event, "tag", None)  # None unless written: plain values are typed by their text alone
        if tag is not None and line not in reported:
            reported.add(line)
            shown = _tag_as_written(tag)
            findings.append(Finding(display, line, f"'{shown}' sets the type of a value by hand (a YAML tag); these "
                                                   f"files use no tags: remove '{shown}' and write the value plainly "
                                                   f"(in quotes to keep it as text)"))
            continue
        anchor = getattr(event, "anchor", None)
        if anchor is not None and line not in reported:
            reported.add(line)
            what = (f"'*{anchor}' repeats a value marked elsewhere (a YAML alias)" if isinstance(event, yaml.AliasEvent)
                    else f"'&{anchor}' marks a value to repeat elsewhere (a YAML anchor)")
            findings.append(Finding(display, line, f"{what}; anchors and aliases are not used in these files: "
                                                   f"write the value out in full where it is needed"))
    return findings


def _walk(node: yaml.Node, prefix: tuple[str, ...], lines: dict[tuple[str, ...], int],
          written: dict[tuple[str, ...], str], text: str, duplicates: list[tuple[str, int, int]]) -> None:
    """One visit of every node (there are no aliases: each node has one parent): the line of every key,
    the text of every one-line value as written, and every key written twice in one mapping (line of the first)."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            name, line = str(key_node.value), key_node.start_mark.line + 1
            if name in seen:
                duplicates.append((name, line, seen[name]))
            else:
                seen[name] = line
            key = (*prefix, name)
            lines[key] = line
            _walk(value_node, key, lines, written, text, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = (*prefix, str(index))
            lines[key] = item.start_mark.line + 1
            _walk(item, key, lines, written, text, duplicates)
    if prefix and node.start_mark.line == node.end_mark.line:  # a value on one line: `yes`, `[a, b]`
        written[prefix] = text[node.start_mark.index:node.end_mark.index]


def _comment_hint(text: str, line: int, line_offset: int) -> str:
    """`primary: #1d4f7c` reads as an empty value and a comment; say so where it is likely."""
    lines = text.splitlines()
    for number in (line - 1, line - 2):  # YAML often notices one line after the cause
        if 0 <= number < len(lines) and (":  #" in lines[number] or ": #" in lines[number]):
            return (f"; on line {number + 1 + line_offset} a '#' after ':' starts a comment, so the value is lost: "
                    f"quote it, e.g. \"#1d4f7c\"")
    return "; check indentation, colons and quotes"


def load_located(text: str, display: str, line_offset: int = 0) -> Located:
    """Parse YAML text; a syntax error becomes a finding at the line where YAML gave up."""
    node = None
    try:
        structure = _structure_findings(text, display, line_offset)
        if structure:
            raise PublisherError(structure)
        node = yaml.compose(text, Loader=SafeLoader)
        data = SafeLoader(text).construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise PublisherError([Finding(display, line + line_offset,
                                      f"invalid YAML: {problem}{_comment_hint(text, line, line_offset)}")]) from None
    except ValueError as error:  # a well-formed but impossible value, e.g. the date 2027-02-30
        line = _line_of_bad_value(node, text)
        raise PublisherError([Finding(display, line + line_offset,
                                      f"invalid value: {error}; write a real date as YYYY-MM-DD")]) from None
    lines: dict[tuple[str, ...], int] = {}
    written: dict[tuple[str, ...], str] = {}
    duplicates: list[tuple[str, int, int]] = []
    if node is not None:
        _walk(node, (), lines, written, text, duplicates)
    if duplicates:
        raise PublisherError([Finding(display, line + line_offset,
                                      f"'{key}' is written twice (first on line {first + line_offset}); "
                                      f"keep one and remove the other") for key, line, first in duplicates])
    if line_offset:
        lines = {key: value + line_offset for key, value in lines.items()}
    return Located(data, lines, display, written)


def _line_of_bad_value(node: yaml.Node | None, text: str) -> int:
    """The line of the first date-like scalar that does not construct (YAML names no line)."""
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop(0)
        if isinstance(current, yaml.MappingNode):
            stack[:0] = [value for pair in current.value for value in pair]
        elif isinstance(current, yaml.SequenceNode):
            stack[:0] = list(current.value)
        elif isinstance(current, yaml.ScalarNode) and current.tag == "tag:yaml.org,2002:timestamp":
            try:
                SafeLoader("").construct_yaml_timestamp(current)
            except ValueError:
                return current.start_mark.line + 1
    return 1


FOLDER_NAMED_LIKE_A_FILE = ("this is a folder named like a source file; rename it (a folder's name may not end in "
                            ".md or .yml) or move it out of docs/")


def read_text(path: Path, display: str) -> str:
    """A source file's text; a byte-order mark is dropped, as MkDocs does, and a file in another
    encoding than UTF-8 becomes a finding at the line of its first foreign byte. A folder named like a
    source (`x.da.md/`) or a file that cannot be read is a finding too: every reader of sources comes here."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise PublisherError([Finding(display, 1, FOLDER_NAMED_LIKE_A_FILE)]) from None
    except OSError as error:
        raise PublisherError([Finding(display, 1, f"cannot be read ({error.strerror or error}); "
                                                  f"{io_advice(error)}")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise PublisherError([Finding(display, line, f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} "
                                                     f"on this line); save it with UTF-8 encoding")]) from None


def load_located_file(path: Path, display: str) -> Located:
    return load_located(read_text(path, display), display)
