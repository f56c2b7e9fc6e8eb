"""Reading a plain-text document (.txt, UTF-8) into blocks: paragraphs between blank lines, headings by shape."""

from __future__ import annotations

import re
from pathlib import Path

from .document_blocks import (
    BULLET,
    FIRST_PARAGRAPH_WORDS,
    NUMBERED_HEADING,
    Block,
    shaped_heading,
)

MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
NUMBERED_ITEM = re.compile(r"^\d+[.)]\s+\S")
PLAIN_HEADING_LEVEL = 9  # a short line standing alone: below numbered, ALL CAPS and Markdown headings


def _heading_text(text: str) -> str:
    return BULLET.sub("", text.replace("**", "").strip().strip("*_").strip()).strip("*_ ")


def _line_block(line: str, in_body: bool) -> Block | None:
    """A line that stands alone as a heading, or None."""
    if (match := MARKDOWN_HEADING.match(line)) is not None:
        return Block("heading", _heading_text(match[2]), len(match[1]))
    shaped = shaped_heading(line)
    if shaped is not None and (in_body or NUMBERED_HEADING.match(line)):
        return shaped
    if in_body and len(line.split()) <= 10 and line[-1:] not in ".!?:;,)" and line[:1].isupper():
        return Block("heading", line, PLAIN_HEADING_LEVEL)
    return None


def read_txt(path: Path) -> list[Block]:
    """Paragraphs are separated by blank lines. A line standing alone is a heading when it is a
    Markdown heading, numbered, in ALL CAPS or short without a full stop; the first is the title.
    Lines starting with a bullet or a number and a full sentence are list items."""
    groups: list[list[str]] = [[]]
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        if raw.strip():
            groups[-1].append(raw.rstrip())
        elif groups[-1]:
            groups.append([])
    groups = [g for g in groups if g]
    body_from = next((i for i, g in enumerate(groups) if len(" ".join(g).split()) >= FIRST_PARAGRAPH_WORDS),
                     len(groups))
    blocks: list[Block] = []
    for index, group in enumerate(groups):
        if len(group) == 1 and index == 0 and len(group[0].split()) <= 15:
            blocks.append(Block("title", _heading_text(MARKDOWN_HEADING.sub(r"\2", group[0].strip()))))
            continue
        in_body = index >= body_from - 1  # the line just before the first paragraph may be its heading
        if len(group) == 1 and (heading := _line_block(group[0].strip(), in_body)) is not None:
            blocks.append(heading)
            continue
        paragraph: list[str] = []

        def flush(paragraph: list[str] = paragraph) -> None:
            if paragraph:
                blocks.append(Block("paragraph", " ".join(paragraph)))
                paragraph.clear()

        for raw in group:
            line = raw.strip()
            if (match := MARKDOWN_HEADING.match(line)) is not None:
                flush()
                blocks.append(Block("heading", _heading_text(match[2]), len(match[1])))
            elif BULLET.match(line) or (NUMBERED_ITEM.match(line) and NUMBERED_HEADING.match(line) is not None
                                        and shaped_heading(line) is None):
                flush()
                blocks.append(Block("item", line))
            elif blocks and blocks[-1].kind == "item" and not paragraph and raw[:1].isspace():
                blocks[-1] = Block("item", f"{blocks[-1].text} {line}")  # an item's continuation line
            else:
                paragraph.append(line)
        flush()
    return blocks
