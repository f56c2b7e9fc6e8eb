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


def load_located(text: str, display: str, line_offset: int = 0) -> Located:
    """Parse YAML text; a syntax error becomes a finding at the line where YAML gave up."""
    try:
        node = yaml.compose(text, Loader=SafeLoader)
        data = SafeLoader(text).construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = (mark.line + 1 if mark else 1) + line_offset
        problem = getattr(error, "problem", None) or str(error)
        raise PublisherError(
            [Finding(display, line, f"invalid YAML: {problem}; check indentation, colons and quotes")]
        ) from None
    lines: dict[tuple[str, ...], int] = {}
    if node is not None:
        _collect_lines(node, (), lines)
    if line_offset:
        lines = {key: value + line_offset for key, value in lines.items()}
    return Located(data, lines, display)


def load_located_file(path: Path, display: str) -> Located:
    return load_located(path.read_text(encoding="utf-8"), display)
