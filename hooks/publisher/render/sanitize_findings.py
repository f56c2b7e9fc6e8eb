"""Where in the source each change the sanitizer makes was written: `make check`'s findings.

Each change is looked for as the source may spell it (character references, attr_list, its own
element) with the same linear placing as every other finding (line_locator.py); a change that
comes from an included snippet is the snippet's finding.
"""

from __future__ import annotations

import re
from functools import cache
from html.entities import html5 as named_references
from pathlib import Path

from ..model.sources import Source
from .line_locator import LineLocator
from .sanitize import Change, sanitize


@cache
def _references() -> dict[str, list[str]]:
    """Each character's named character references ('&apos;', '&colon;'), to find a value as written."""
    names: dict[str, list[str]] = {}
    for name, char in named_references.items():
        if len(char) == 1 and name.endswith(";"):
            names.setdefault(char, []).append(re.escape("&" + name))
    return names


def _as_written(value: str) -> str:
    """A pattern for `value` as the source may spell it: each character itself or as a character
    reference ('&#1;//host/x.png' is the src '\\x01//host/x.png'), so a value that the parser decoded
    is still found on its own line."""
    parts = []
    for char in value:
        hexadecimal = "".join(f"[{d}{d.upper()}]" if d.isalpha() else d for d in f"{ord(char):x}")
        spellings = [re.escape(char), f"&#0*{ord(char)};?", f"&#[xX]0*{hexadecimal};?", *_references().get(char, [])]
        parts.append(f"(?:{'|'.join(spellings)})")
    return "".join(parts)


def _patterns(change: Change) -> list[re.Pattern[str]]:
    """How a change may have been written in the source, most telling first."""
    tag = re.escape(change.tag)
    if change.attribute is None:
        return [re.compile(rf"<\s*{tag}\b", re.IGNORECASE), re.compile(re.escape(change.tag), re.IGNORECASE)]
    name = re.escape(change.attribute)
    forms = [re.compile(_as_written(change.value[:60]))] if change.value.strip() else []
    return [*forms,
            re.compile(rf"<\s*{tag}\b[^>]*(?<![\w:-]){name}\s*=", re.IGNORECASE),  # on its own element
            re.compile(rf"(?<![\w:-]){name}\s*=", re.IGNORECASE),  # attr_list: {: name="..." }
            re.compile(name, re.IGNORECASE)]


def unsafe_findings(source: Source, html: str, snippet_texts: list[str] | None = None) -> list[tuple[int, str]]:
    """(line, message) for each change sanitizing makes to `source`'s rendered `html`.

    A change that comes from an included snippet is the snippet's finding (its text holds it);
    one that cannot be placed goes on the first line of the body.
    """
    locate = LineLocator(source)  # the same placing as every other finding: linear, in order
    results: list[tuple[int, str]] = []
    for change in sanitize(html).changes:
        line = None
        for pattern in _patterns(change):
            line = locate.line_of(pattern.pattern, pattern)
            if line is not None:
                break
            if snippet_texts and any(pattern.search(text) for text in snippet_texts):
                line = -1
                break
        if line == -1:
            continue
        item = (line or source.body_line, change.message())
        if item not in results:
            results.append(item)
    return results


def snippet_texts(source: Source, snippets_dir: Path) -> list[str]:
    """The texts of the snippets `source` includes (directly), for telling their findings apart."""
    texts = []
    for include in source.includes:
        path = snippets_dir / include.file
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts
