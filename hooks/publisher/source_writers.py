"""Tools that write sources write valid data or nothing.

YAML is produced by the YAML emitter, never by pasting strings; what was written is read back
and compared with what was meant before a file is replaced (atomically); paths given on the
command line are confined to the repository's own folders.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import yaml

from .findings import Finding, PublisherError, display_path
from .safe_files import inside

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
    try:
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        raise PublisherError([Finding(display, 1, f"refusing to write invalid YAML ({error}); nothing was changed. "
                                                  f"Please report this")]) from None


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
    at = next((index for index, line in enumerate(lines) if re.match(rf"{re.escape(key)}\s*:", line)), None)
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
