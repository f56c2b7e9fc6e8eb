"""What changed between two editions: a readable comparison per page, built from their snapshots.

Pages are compared paragraph by paragraph (a heading, a list item and a paragraph are each one
block): a block is added, removed or changed; inside a changed block the words that went and
came are marked with <del> and <ins> and text labels, so the change never depends on colour.
The same HTML is a page of the site and an appendix of the edition's archived PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import jinja2
from markupsafe import escape

from ..model.edition_snapshots import PageText, snapshot
from ..model.editions import EDITIONS_ANCHOR
from ..model.organisations import Catalogue
from ..model.wordings import INCLUDE_MARK
from .about import ABOUT_SEARCH, front_matter_string
from .template_cache import shared_environment

CHANGES_TEMPLATE = "editions/changes.html"
SIMILAR = 0.5  # a replaced block sharing at least this share of words with its old self counts as changed
LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+")
HEADING = re.compile(r"^#{1,6}\s+")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
ATTRIBUTES = re.compile(r"\s*\{[:#.][^}]*\}\s*$")
# A backslash escape shows the character alone, and starts no link or emphasis (a model text's values reach
# the page escaped: `fjellvik\.no`); kept aside as a private-use character while the markup is dropped.
ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
KEPT = 0xE000
KEPT_ASIDE = re.compile("[\uE000-\uE07F]")
# As Python-Markdown reads emphasis: '*' anywhere, '_' only at a word's edge (hr_post_kasse keeps its '_').
EMPHASIS = re.compile(r"(\*\*|\*)(?=\S)(.+?)(?<=\S)\1|(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\3(?!\w)")


def plain(block: str) -> str:
    """A block as a reader reads it: link targets, emphasis markers and attribute lists dropped."""
    text = " ".join(line.strip() for line in block.splitlines())
    text = ESCAPED.sub(lambda match: chr(KEPT + ord(match[1])), text)
    text = HEADING.sub("", text)
    text = ATTRIBUTES.sub("", text)
    text = LINK.sub(r"\1", text)
    text = EMPHASIS.sub(lambda match: match[2] if match[1] else match[4], text)
    return KEPT_ASIDE.sub(lambda match: chr(ord(match[0]) - KEPT), text).strip()


def blocks(body: str) -> list[str]:
    """The paragraphs, headings and list items of a page body, as plain text."""
    result: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            text = plain("\n".join(current))
            if text and not text.startswith(("!!!", "???")) and not re.match(INCLUDE_MARK, text):
                result.append(text)
            current.clear()

    for line in body.splitlines():
        if not line.strip():
            close()
        elif HEADING.match(line) or LIST_ITEM.match(line):
            close()
            current.append(line)
            if HEADING.match(line):
                close()
        else:
            current.append(line)
    close()
    return result


@dataclass(frozen=True)
class Segment:
    op: str  # "equal", "insert", "delete"
    text: str


@dataclass
class BlockChange:
    kind: str  # "added", "removed", "changed"
    segments: list[Segment]


@dataclass
class PageChange:
    base: str
    title: str
    state: str  # "added", "removed", "changed", "unchanged"
    blocks: list[BlockChange] = field(default_factory=list)


def word_diff(old: str, new: str) -> list[Segment]:
    old_words, new_words = old.split(), new.split()
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", " ".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment("delete", " ".join(old_words[i1:i2])))
        if j2 > j1:
            segments.append(Segment("insert", " ".join(new_words[j1:j2])))
    return segments


def similarity(old: str, new: str) -> float:
    return SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio()


def compare_blocks(old: list[str], new: list[str]) -> list[BlockChange]:
    changes: list[BlockChange] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        removed, added = old[i1:i2], new[j1:j2]
        while removed or added:
            if removed and added and similarity(removed[0], added[0]) >= SIMILAR:
                changes.append(BlockChange("changed", word_diff(removed.pop(0), added.pop(0))))
            elif removed and (not added or len(removed) >= len(added)):
                changes.append(BlockChange("removed", [Segment("delete", removed.pop(0))]))
            else:
                changes.append(BlockChange("added", [Segment("insert", added.pop(0))]))
    return changes


def compare(old: dict[str, PageText], new: dict[str, PageText], order: tuple[str, ...]) -> list[PageChange]:
    """Every page of either side, in `order` (the newer nav) and then the removed ones."""
    bases = [entry.removesuffix(".md") for entry in order]
    bases += sorted(base for base in set(old) | set(new) if base not in bases)
    result = []
    for base in bases:
        before, after = old.get(base), new.get(base)
        if before is None and after is None:
            continue
        if before is None:
            assert after is not None
            result.append(PageChange(base, after.title, "added",
                                     [BlockChange("added", [Segment("insert", b)]) for b in blocks(after.body)]))
        elif after is None:
            result.append(PageChange(base, before.title, "removed",
                                     [BlockChange("removed", [Segment("delete", b)]) for b in blocks(before.body)]))
        else:
            changed = compare_blocks([before.title, *blocks(before.body)], [after.title, *blocks(after.body)])
            result.append(PageChange(base, after.title, "changed" if changed else "unchanged", changed))
    return result


def changes_html(overrides: Path, labels: dict[str, str], pages: list[PageChange], lang: str | None,
                 link_pages: bool) -> str:
    """The comparison as HTML (autoescaped). `lang`: the text's language where it is not the page's."""
    env = shared_environment(overrides, autoescape=True, undefined=jinja2.StrictUndefined)
    return env.get_template(CHANGES_TEMPLATE).render(labels=labels, pages=pages, lang=lang, link_pages=link_pages)


def edition_changes(catalogue: Catalogue, org_id: str, language: str, number: int) -> list[PageChange]:
    """Edition `number` against the one before it, in `language`, from the two snapshots alone."""
    old, new = snapshot(catalogue, org_id, number - 1), snapshot(catalogue, org_id, number)
    return compare(old.pages(language), new.pages(language), new.nav)


def changes_title(catalogue: Catalogue, org_id: str, language: str, number: int) -> str:
    org = catalogue.organisation(org_id)
    labels = catalogue.languages[language].labels
    return labels["changes_title"].format(previous=org.editions[number - 2].name_in(language)[0],
                                          name=org.editions[number - 1].name_in(language)[0])


def changes_markdown(catalogue: Catalogue, org_id: str, language: str, number: int) -> str:
    """The generated change page of edition `number` (a title, and the HTML as a raw block)."""
    labels = catalogue.languages[language].labels
    pages = edition_changes(catalogue, org_id, language, number)
    title = changes_title(catalogue, org_id, language, number)
    body = changes_html(catalogue.root / "overrides", labels, pages, None, link_pages=True)
    back = f'<p><a href="../about.html#{EDITIONS_ANCHOR}">{escape(labels["editions_title"])}</a></p>'
    return f"---\ntitle: {front_matter_string(title)}\n{ABOUT_SEARCH}---\n\n{back}\n\n{body}\n"
