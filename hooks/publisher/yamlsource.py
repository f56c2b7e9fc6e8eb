"""YAML loading that remembers where each value was written, so errors can name the line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .findings import Finding, PublisherError

# libyaml's C parser where available: several times faster on large organisation files.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Located:
    """A parsed YAML document with the line of every mapping key, by key path."""

    data: Any
    lines: dict[tuple[str, ...], int]
    path: str

    def line(self, *keys: str) -> int:
        """The line of the deepest key path that exists, so errors land near their cause."""
        for depth in range(len(keys), 0, -1):
            if keys[:depth] in self.lines:
                return self.lines[keys[:depth]]
        return 1


def _collect_lines(node: yaml.Node, prefix: tuple[str, ...], lines: dict[tuple[str, ...], int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*prefix, str(key_node.value))
            lines[key] = key_node.start_mark.line + 1
            _collect_lines(value_node, key, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = (*prefix, str(index))
            lines[key] = item.start_mark.line + 1
            _collect_lines(item, key, lines)


def _duplicate_keys(node: yaml.Node, display: str, line_offset: int) -> list[Finding]:
    """A key written twice in one mapping: YAML keeps the last silently, an author never means that."""
    findings: list[Finding] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key, line = str(key_node.value), key_node.start_mark.line + 1 + line_offset
            if key in seen:
                findings.append(Finding(display, line, f"'{key}' is written twice (first on line {seen[key]}); "
                                                       f"keep one and remove the other"))
            else:
                seen[key] = line
            findings += _duplicate_keys(value_node, display, line_offset)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            findings += _duplicate_keys(item, display, line_offset)
    return findings


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
    duplicates = _duplicate_keys(node, display, line_offset) if node is not None else []
    if duplicates:
        raise PublisherError(duplicates)
    lines: dict[tuple[str, ...], int] = {}
    if node is not None:
        _collect_lines(node, (), lines)
    if line_offset:
        lines = {key: value + line_offset for key, value in lines.items()}
    return Located(data, lines, display)


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


def read_text(path: Path, display: str) -> str:
    """A source file's text; a byte-order mark is dropped, as MkDocs does, and a file in another
    encoding than UTF-8 becomes a finding at the line of its first foreign byte."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise PublisherError([Finding(display, line, f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} "
                                                     f"on this line); save it with UTF-8 encoding")]) from None


def load_located_file(path: Path, display: str) -> Located:
    return load_located(read_text(path, display), display)
