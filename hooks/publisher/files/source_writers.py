"""Tools that write sources write valid data or nothing.

YAML is produced by the YAML emitter, never by pasting strings; what was written is read back
and compared with what was meant before a file is replaced (atomically); paths given on the
command line are confined to the repository's own folders.
"""

from __future__ import annotations

import copy
import re
import textwrap
from pathlib import Path
from typing import Any

import yaml

from .findings import Finding, PublisherError, display_path
from .safe_files import inside
from .yamlsource import load_located

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PlainDumper(yaml.SafeDumper):
    """Our loader refuses anchors and aliases (yamlsource.py), so no writer may emit them: a value
    used twice (one palette for several organisations, one date object) is written out twice."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def plain_yaml(data: Any, **options: Any) -> str:
    """yaml.safe_dump without anchors and aliases."""
    return yaml.dump(data, Dumper=PlainDumper, **options)


def emit(data: Any) -> str:
    """YAML text for `data`: plain-value lists and mappings in flow style, keys in order, letters as written."""
    return plain_yaml(data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=10_000)


def mapping_entry(key: str, value: Any, indent: int) -> str:
    """`key: value` as one entry of a block mapping indented by `indent` spaces."""
    return textwrap.indent(emit({key: value}), " " * indent)


def read_back(text: str, display: str) -> Any:
    """`text` as the checks will read it: through the one loader (yamlsource.py), so a tag, an alias or a
    syntax error in what is there or what would be written is a finding with its line, never a traceback."""
    return load_located(text, display).data


def confine(path: Path, folder: Path, root: Path, what: str) -> Path:
    """`path` resolved, if it is a real file inside `folder` (no link leading out); else a finding."""
    shown = display_path(path, root)
    if path.is_symlink() or not inside(path, folder):
        raise PublisherError([Finding(shown, 1, f"{what} must be a file in {display_path(folder, root)}/ of this "
                                                f"checkout (not a link, not another checkout); nothing was changed")])
    return path.resolve()


def split_front_matter(text: str, display: str) -> tuple[str, str]:
    """(front matter block, the rest from the closing '---' line on) of a Markdown source."""
    lines = text.split("\n")
    if not lines or lines[0].strip().lstrip("\ufeff") != "---":
        raise PublisherError([Finding(display, 1, "the page has no front matter to record it in; start the file "
                                                  "with '---', its keys and '---'")])
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index:])
    raise PublisherError([Finding(display, 1, "front matter starts with '---' but is never closed; add a line '---'")])


def with_front_matter_key(text: str, key: str, value: Any, display: str) -> str:
    """`text` with `key: value` set in its front matter; every other line kept byte for byte.

    Only the key's own line (and the indented lines that continue its value) is replaced, or a line
    is added at the end of the block, so an editor's comments, quoting and key order survive. The
    result must read back as the old front matter with just that key changed, or nothing is written.
    """
    first_line, _, _ = text.partition("\n")
    block, rest = split_front_matter(text, display)
    front = read_back(block + "\n", display) or {}  # "\n": the block ends a line, as a folded value needs
    if not isinstance(front, dict):
        raise PublisherError([Finding(display, 2, "front matter must be a mapping of keys to values")])
    lines = block.split("\n") if block else []
    entry = plain_yaml({key: value}, allow_unicode=True, default_flow_style=False, width=10_000)
    entry_lines = entry.rstrip("\n").split("\n")
    at = _key_line(block, key)
    if at is None:
        lines.extend(entry_lines)
    else:
        end = at + 1
        while end < len(lines) and lines[end][:1] in (" ", "\t") and lines[end].strip():
            end += 1
        lines[at:end] = entry_lines
    new_text = "\n".join([first_line, *lines, rest])
    again, _ = split_front_matter(new_text, display)
    if read_back(again + "\n", display) != {**front, key: value}:
        raise PublisherError([Finding(display, 1, "the front matter did not read back as written; nothing was "
                                                  "changed. Please report this")])
    return new_text


def _key_line(block: str, key: str) -> int | None:
    """The line (from 0) of the top-level `key` in a mapping's text, however the key is written (quoted or not)."""
    node = yaml.compose(block + "\n", Loader=SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((name.start_mark.line for name, _ in node.value
                 if isinstance(name, yaml.ScalarNode) and name.value == key), None)


class _PlainDumper(yaml.SafeDumper):
    """YAML an editor can read: a value written twice stays written twice (no &anchors)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _line_end(text: str, index: int) -> int:
    """Where the line holding `text[index - 1]` ends (after its newline): what follows it is kept as it is."""
    if index > 0 and text[index - 1] == "\n":
        return index
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _text_end(node: yaml.Node) -> int:
    """Just past the last character of `node` itself, not the comments or blank lines after it."""
    while isinstance(node, yaml.CollectionNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node.end_mark.index


def _inserted(text: str, at: int, addition: str, expected: Any, display: str, own_line: bool = True) -> str:
    """`text` with `addition` at `at`, if it reads back as `expected`; every other byte stays. An `own_line`
    addition (a block entry) at the end of a text whose last line has no newline starts a line of its own."""
    if own_line and at == len(text) and text and not text.endswith("\n"):
        addition = "\n" + addition
    new_text = text[:at] + addition + text[at:]
    if read_back(new_text, display) != expected:
        raise PublisherError([Finding(display, 1, "the new entries did not read back as written; nothing was "
                                                  "changed. Please report this")])
    return new_text


def with_entry_appended(text: str, key: str, value: Any, display: str, width: int = 10_000) -> str:
    """`text` with `key: value` added at the end of its top-level mapping; existing lines kept byte for byte."""
    data = read_back(text, display) or {}
    if not isinstance(data, dict) or key in data:
        raise PublisherError([Finding(display, 1, f"cannot add '{key}': the file must be a mapping without it; "
                                                  f"nothing was changed")])
    # The entry itself in block style (a flow '{b: 2}' cannot follow block entries); a plain list or mapping
    # as its value in flow style ('b: {x: 1}').
    entry = yaml.dump({key: value}, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False,
                      default_flow_style=None if isinstance(value, dict | list) else False, width=width)
    return _inserted(text, len(text), entry, {**data, key: value}, display)


def with_items_appended(text: str, keys: tuple[str, ...], items: list[Any], display: str) -> str:
    """`text` with `items` added at the end of the list at `keys`; existing lines kept byte for byte.

    A block list gets one new '- item' entry per item after its last one (at its indentation), a flow
    list `[a, b]` the items before its ']', an empty value (`key:`) the list `[a, b]`; comments and
    everything else stay as the editor wrote them. The result must read back as the old data with just
    these items added, or nothing is written.
    """
    expected = copy.deepcopy(read_back(text, display))
    node: yaml.Node | None = yaml.compose(text, Loader=SafeLoader)
    parent, value = None, expected
    for key in keys:
        found = next((v for k, v in node.value if k.value == key), None) if isinstance(node, yaml.MappingNode) else None
        node, parent = found, value
        value = value.get(key) if isinstance(value, dict) else None
    empty = isinstance(node, yaml.ScalarNode) and node.start_mark.index == node.end_mark.index  # `key:`
    if not (isinstance(node, yaml.SequenceNode) and isinstance(value, list)) and not empty:
        line = node.start_mark.line + 1 if node is not None else 1
        raise PublisherError([Finding(display, line, f"'{': '.join(keys)}' must be a list ([a, b], or '- a' lines) "
                                                     f"for new entries to be added to it; write it so and run the "
                                                     f"command again. Nothing was changed")])
    assert node is not None and isinstance(parent, dict)
    parent[keys[-1]] = [*(value or []), *items]
    if empty or node.flow_style:
        listed = yaml.dump(items, Dumper=_PlainDumper, allow_unicode=True, default_flow_style=True, width=10_000)
        if empty:
            return _inserted(text, node.start_mark.index, " " + listed.strip(), expected, display, own_line=False)
        close = node.end_mark.index - 1  # the ']'
        after_last = text[node.value[-1].end_mark.index:close] if node.value else ""
        if "," in re.sub(r"#.*", "", after_last):  # a trailing comma ([a, b,]): the items follow it
            separator = "" if text[close - 1].isspace() else " "
        else:
            separator = ", " if node.value else ""
        return _inserted(text, close, separator + listed.strip()[1:-1], expected, display, own_line=False)
    block = yaml.dump(items, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                      width=100)
    at = _line_end(text, _text_end(node))
    return _inserted(text, at, textwrap.indent(block, " " * node.start_mark.column), expected, display)


def with_nested_entry(text: str, keys: tuple[str, ...], key: str, value: Any, display: str) -> str:
    """`text` with `key: value` added at the end of the block mapping at `keys`; the part of `keys` that is not
    there yet is added with it (`topic: {wording: {org: ...}}`). Existing lines are kept byte for byte."""
    path, expected = (*keys, key), copy.deepcopy(read_back(text, display)) or {}
    depth, here = 0, expected
    while depth < len(keys) and isinstance(here, dict) and isinstance(here.get(keys[depth]), dict):
        here, depth = here[keys[depth]], depth + 1
    for name in reversed(path[depth + 1:]):
        value = {name: value}
    if depth == 0:
        return with_entry_appended(text, path[0], value, display)
    node: Any = yaml.compose(text, Loader=SafeLoader)
    for name in path[:depth]:
        node = next(v for k, v in node.value if k.value == name)
    if node.flow_style or path[depth] in here:
        raise PublisherError([Finding(display, node.start_mark.line + 1, (
            f"'{': '.join(path[:depth])}' must be a mapping written one entry a line, without '{path[depth]}', for "
            f"'{path[depth]}' to be added to it; write it so and run the command again. Nothing was changed"))])
    here[path[depth]] = value
    at = _line_end(text, _text_end(node))
    return _inserted(text, at, mapping_entry(path[depth], value, node.value[0][0].start_mark.column), expected,
                     display)
