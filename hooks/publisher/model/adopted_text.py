"""A model text's sentences and list items, and an adopter's changes applied to them (`model/adopted.py`).

A wording's lines are read as blocks, as the matcher reads a text (`model/matching.py`): a heading,
a paragraph (its sentences) and a list (its items, an indented line continuing the item above).
A change names one sentence, item or heading as the model text writes it, blanks included; only
the blocks a change touches are written anew, so a text without changes keeps every byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from .matching import sentences

ChangeKind = Literal["replace", "remove", "add_after"]
PartKind = Literal["same", "replaced", "removed", "added"]
HEADING = re.compile(r"^(?P<prefix>\s*#{1,6}\s+)(?P<text>.*?)\s*$")
LIST_ITEM = re.compile(r"^(?P<prefix>\s*(?:[-*+]|\d+[.)])\s+)(?P<text>\S.*?)\s*$")


@dataclass(frozen=True)
class Change:
    """One change of `docs/_adopted/<org>.yml`: its target as the model text writes it."""

    kind: ChangeKind
    target: str
    text: str  # the replacement or the added sentence/item; "" for a removal
    line: int


@dataclass(frozen=True)
class Part:
    """One sentence, list item or heading of an include, as the model has it and as this adopter says it."""

    kind: PartKind
    model: str  # the model's words, blanks visible; "" for an added part
    was: str  # the model's words with this adopter's values; "" for an added part
    text: str  # this adopter's words, filled; "" for a removed part
    block: int  # which block (heading, paragraph, list) of the include it belongs to


@dataclass
class _Unit:
    prefix: str  # a heading's `## ` or a list item's `- `; "" for a sentence
    text: str
    lines: list[str] = field(default_factory=list)  # as written (headings and list items)


@dataclass
class _Block:
    kind: Literal["heading", "paragraph", "list", "other"]
    lines: list[str] = field(default_factory=list)
    units: list[_Unit] = field(default_factory=list)


def folded(text: str) -> str:
    """A target compared as written, but for its spacing."""
    return " ".join(text.split())


def _blocks(lines: Iterable[str]) -> list[_Block]:
    blocks: list[_Block] = []
    for line in lines:
        last = blocks[-1] if blocks else None
        heading, item = HEADING.match(line), LIST_ITEM.match(line)
        if not line.strip():
            blocks.append(_Block("other", [line]))
        elif heading:
            blocks.append(_Block("heading", [line], [_Unit(heading["prefix"], heading["text"], [line])]))
        elif item:
            if last is None or last.kind != "list":
                blocks.append(last := _Block("list"))
            last.lines.append(line)
            last.units.append(_Unit(item["prefix"], item["text"], [line]))
        elif last is not None and last.kind == "list" and line[:1] in (" ", "\t"):
            last.lines.append(line)  # the item's continuation
            last.units[-1].lines.append(line)
            last.units[-1].text += " " + line.strip()
        elif last is not None and last.kind == "paragraph":
            last.lines.append(line)
        else:
            blocks.append(_Block("paragraph", [line]))
    for block in blocks:
        if block.kind == "paragraph":
            block.units = [_Unit("", s) for s in sentences(" ".join(x.strip() for x in block.lines))]
    return blocks


def units_of(lines: Iterable[str]) -> list[str]:
    """Every sentence, list item and heading of a model text, as a change names it."""
    return [folded(unit.text) for block in _blocks(lines) for unit in block.units]


@dataclass(frozen=True)
class Applied:
    lines: list[str]
    parts: list[tuple[PartKind, str, str, int]]  # kind, model words, adopter's words (unfilled), block
    unused: list[Change]  # changes whose target is no sentence or item of these lines


def _unit_parts(unit: _Unit, changes: list[Change], block: int) -> list[tuple[PartKind, str, str, int]]:
    replaced = next((c.text for c in changes if c.kind == "replace"), None)
    if any(c.kind == "remove" for c in changes):
        parts: list[tuple[PartKind, str, str, int]] = [("removed", unit.text, "", block)]
    elif replaced is not None:
        parts = [("replaced", unit.text, replaced, block)]
    else:
        parts = [("same", unit.text, unit.text, block)]
    return parts + [("added", "", c.text, block) for c in changes if c.kind == "add_after"]


def _written(block: _Block, unit_parts: list[tuple[_Unit, list[tuple[PartKind, str, str, int]]]]) -> list[str]:
    """A changed block's lines: unchanged items as written, the rest anew; a paragraph on one line."""
    if block.kind == "paragraph":
        indent = block.lines[0][:len(block.lines[0]) - len(block.lines[0].lstrip())]
        words = [text for _, parts in unit_parts for kind, _, text, _ in parts if kind != "removed"]
        return [indent + " ".join(words)] if words else []
    lines: list[str] = []
    for unit, parts in unit_parts:
        if [kind for kind, *_ in parts] == ["same"]:
            lines += unit.lines
            continue
        lines += [unit.prefix + text for kind, _, text, _ in parts if kind != "removed"]
    return lines


def apply_changes(lines: list[str], changes: Iterable[Change]) -> Applied:
    """The lines with `changes` applied, what each part became, and the changes that found no target."""
    by_target: dict[str, list[Change]] = {}
    for change in changes:
        by_target.setdefault(folded(change.target), []).append(change)
    out: list[str] = []
    parts: list[tuple[PartKind, str, str, int]] = []
    used: set[str] = set()
    number = -1  # counts the blocks with text (headings, paragraphs, lists)
    for block in _blocks(lines):
        number += 1 if block.units else 0
        unit_parts = []
        for unit in block.units:
            key = folded(unit.text)
            mine = [] if key in used else by_target.get(key, [])  # a target written twice: its first place
            if mine:
                used.add(key)
            unit_parts.append((unit, _unit_parts(unit, mine, number)))
        parts += [part for _, found in unit_parts for part in found]
        touched = any(kind != "same" for _, found in unit_parts for kind, *_ in found)
        out += _written(block, unit_parts) if touched else block.lines
    unused = [c for key, found in by_target.items() if key not in used for c in found]
    return Applied(out, parts, unused)
