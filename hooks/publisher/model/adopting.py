"""Adopting a model text found at import (`make import ... ADOPT=1`): a text with a body's names put as
blanks, and the changes that make a model text one body's own words again.

Plain functions over lines and the matcher's items (`model/matching.py`); which passages are adopted,
and the files that are written, are `commands/import_adopt.py`'s. Every result is checked by applying
it as the build will (`adopted_text.apply_changes`, `wordings.fill_blanks`): what cannot be shown as
the body's own words is not adopted.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from .adopted_text import Change, apply_changes, folded, units_of
from .matching import Item, bare_name, genitive, markdown_items, normalise
from .organisation_types import Organisation
from .wordings import BLANK, blank_key, blanks_in, fill_blanks

NAME, SHORT, GENITIVE, DOMAIN = "navn", "kort", "genitiv", "domene"
PLAIN_FORM = "plain"  # a title's form written alone: the blank's plain form (`titles:` in organisations.yml)


def name_blanks(org: Organisation) -> dict[str, str]:
    """Each way the body's names are written -> the blank that stands for it: [[navn]], [[navn:genitiv]],
    [[navn:kort]] (without its kind), [[navn:kort-genitiv]], [[domene]], and [[role]] / [[role:form]] for the
    titles it lists."""
    bare = bare_name(org.name)
    forms = [(org.name, NAME), (genitive(org.name), f"{NAME}:{GENITIVE}"), (bare, f"{NAME}:{SHORT}"),
             (genitive(bare), f"{NAME}:{SHORT}-{GENITIVE}"), (org.domain, DOMAIN)]
    forms += [(text, role if form == PLAIN_FORM else f"{role}:{form}")
              for role, by_form in org.titles.items() for form, text in by_form.items()]
    found: dict[str, str] = {}
    for text, blank in forms:
        if text and text not in found:
            found[text] = blank
    return found


def blanked(text: str, forms: dict[str, str]) -> str:
    """`text` with each of the body's names (as written, case and all) put as its blank, the longest first."""
    if not forms:
        return text
    pattern = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", lambda m: f"[[{forms[m[0]]}]]", text)


def values_for(forms: dict[str, str], model: str) -> dict[str, str]:
    """What the body fills into the blanks `model` uses (and no other)."""
    used = set(blanks_in(model))
    return {blank: text for text, blank in forms.items() if blank in used}


def page_items(title: str, lines: list[str]) -> list[Item]:
    """A page's items to match, its title first (a document's heading is a page's title): the title is block 0
    on line 0, the body's items follow on their lines (1-based)."""
    body = [Item(item.text, item.block + 1, item.line) for item in markdown_items("\n".join(lines))]
    return [Item(title, 0, 0), *body] if title.strip() else body


def span(lines: list[str], items: list[Item], blocks: set[int]) -> tuple[int, int]:
    """The lines (0-based, end exclusive) the given blocks of `items` take up in `lines` (item lines 1-based; a
    title, on line 0, takes none)."""
    inside = [item.line for item in items if item.block in blocks and item.line > 0]
    start, end = min(inside) - 1, max(inside)
    while end < len(lines) and lines[end].strip() and not lines[end].lstrip().startswith("#"):
        end += 1  # the rest of the last paragraph or list item
    return start, end


@dataclass(frozen=True)
class Adaptation:
    """A model text's lines made one body's own words: its values and its changes, as docs/_adopted/ holds them."""

    values: dict[str, str]
    changes: list[dict[str, str]]


def _change_list(model: list[str], mine: list[str], same: list[tuple[str, int, int, int, int]]) -> list[dict[str, str]]:
    changes: list[dict[str, str]] = []
    for tag, i1, i2, j1, j2 in same:
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        changes += [{"replace": model[i1 + k], "with": mine[j1 + k]} for k in range(paired)]
        changes += [{"remove": model[i]} for i in range(i1 + paired, i2)]
        after = model[i1 + paired - 1] if paired else model[i1 - 1]
        changes += [{"add_after": after, "text": mine[j]} for j in range(j1 + paired, j2)]
    return changes


def said_values(units: list[str], own: list[str], same: list[tuple[str, int, int, int, int]]) -> dict[str, str] | None:
    """What the body's own words put where the model has blanks, read from the sentences the two share; None
    when it puts different words in one blank."""
    values: dict[str, str] = {}
    for tag, i1, i2, j1, j2 in same:
        for unit, text in zip(units[i1:i2], own[j1:j2], strict=True) if tag == "equal" else ():
            blanks = list(BLANK.finditer(unit))
            pattern = "(.+?)".join(re.escape(part) for part in BLANK.sub("\0", unit).split("\0"))
            found = re.fullmatch(pattern, text) if blanks else None
            for blank, value in zip(blanks, found.groups() if found else (), strict=False):
                if values.setdefault(blank_key(blank), value) != value:
                    return None
    return values


def adapt(model: list[str], own: list[str], forms: dict[str, str], names: tuple[str, ...]) -> Adaptation | None:
    """The values and changes that make `model` (lines, blanks visible) say `own` (the body's lines), or None
    when changes cannot say it: text before the model's first sentence, a sentence the model has twice, a blank
    the body fills with different words, or one it never fills. Values are the body's words where the two
    share a sentence, else its names (`forms`) by the blank's name."""
    units = units_of(model)
    said = [folded(item.text) for item in markdown_items("\n".join(own))]
    wanted = [normalise(text, names) for text in said]
    same = difflib.SequenceMatcher(None, [normalise(unit) for unit in units], wanted, autojunk=False).get_opcodes()
    values = said_values(units, said, same)
    if values is None or len(set(units)) != len(units) or any(tag == "insert" and i1 == 0 for tag, i1, *_ in same):
        return None
    values = {**values_for(forms, "\n".join(model)), **values}
    mine = [blanked(text, {value: blank for blank, value in values.items()}) for text in said]
    changes = _change_list(units, mine, same)
    shown = shows(model, values, changes)
    if shown is None or "[[" in "".join(shown) \
            or [normalise(item.text, names) for item in markdown_items("\n".join(shown))] != wanted:
        return None
    return Adaptation(values, changes)


def shows(model: list[str], values: dict[str, str], changes: list[dict[str, Any]]) -> list[str] | None:
    """The lines a page shows of `model` with these values and changes, as the build makes them; None when a
    change finds no target."""
    applied = apply_changes(model, [Change(kind, str(change[kind]), str(change.get(other, "")), 0)
                                    for change in changes for kind, other in
                                    (("replace", "with"), ("remove", ""), ("add_after", "text")) if kind in change])
    if applied.unused:
        return None
    return [fill_blanks(line, values) for line in applied.lines]
