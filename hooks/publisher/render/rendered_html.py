"""What the Markdown engine's HTML holds: ids, links, tags and markup left unprocessed.

The text is rendered with the site's own extensions (markdown_extensions.py) and the HTML read
once; rendered.py then places each item on the source line it was written on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown

from ..model.wordings import INCLUDE_MARK
from .markdown_extensions import markdown_settings

# Unprocessed markup that would reach readers as text: an include the snippets extension did not
# recognise, or an admonition whose marker lost its place (indented, or inside a paragraph).
LEFTOVER_MARKUP = re.compile(INCLUDE_MARK + r"|^\s*[!?]{3}\+?\s+[\w\"']", re.MULTILINE)
# A box written with its title but no type: `!!! "Title"` (it needs `!!! note "Title"`).
UNTYPED_BOX = re.compile(r"^\s*[!?]{3}\+?\s+[\"']")
# `[text][label]` or `[text][]` left as text: the label has no `[label]: address` definition.
LEFTOVER_REFERENCE = re.compile(r"\[[^\[\]]+\]\[[^\[\]]*\]")
LINK_ATTRIBUTES = {"a": "href", "img": "src", "link": "href", "area": "href"}
SOURCE_ATTRIBUTES = ("src", "data", "poster", "srcset")


@dataclass(frozen=True)
class RenderedLink:
    target: str
    tag: str
    text: str


@dataclass
class Rendered:
    ids: set[str] = field(default_factory=set)
    repeated_ids: list[str] = field(default_factory=list)
    links: list[RenderedLink] = field(default_factory=list)
    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    html: str = ""  # as rendered: what the sanitizer reads


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = Rendered()
        self._href: str | None = None  # of the <a> being read
        self._text: list[str] = []
        self._code_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value or "" for name, value in attrs}
        self.result.tags.append((tag, attributes))
        if "id" in attributes:
            if attributes["id"] in self.result.ids:
                self.result.repeated_ids.append(attributes["id"])
            self.result.ids.add(attributes["id"])
        if tag in ("code", "pre"):
            self._code_depth += 1
        if tag == "a" and "href" in attributes:
            self._href, self._text = attributes["href"], []
        elif tag in LINK_ATTRIBUTES and LINK_ATTRIBUTES[tag] in attributes:
            self.result.links.append(RenderedLink(attributes[LINK_ATTRIBUTES[tag]], tag, attributes.get("alt", "")))
        for name in SOURCE_ATTRIBUTES:
            if name in attributes and tag not in LINK_ATTRIBUTES:
                self.result.links.append(RenderedLink(attributes[name], tag, ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre"):
            self._code_depth = max(0, self._code_depth - 1)
        if tag == "a" and self._href is not None:
            self.result.links.append(RenderedLink(self._href, "a", "".join(self._text).strip()))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)
        if self._code_depth == 0:
            self.result.leftovers += [match.group(0) for match in LEFTOVER_REFERENCE.finditer(data)]
            for match in LEFTOVER_MARKUP.finditer(data):  # the line it is on, not its whole paragraph
                start = data.rfind("\n", 0, match.start()) + 1
                end = data.find("\n", match.end())
                self.result.leftovers.append(data[start:end if end >= 0 else None].strip())



@cache
def _engine(root: Path, shared_dir: Path) -> markdown.Markdown:
    extensions, configs = markdown_settings(root, shared_dir)
    # A missing snippet is reported by the checks with its line; here it simply renders as nothing.
    configs["pymdownx.snippets"] = {**configs["pymdownx.snippets"], "check_paths": False}
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def render(body: str, root: Path, shared_dir: Path) -> Rendered:
    """Render Markdown `body` as the site would and collect what a reader's page will contain."""
    engine = _engine(root.resolve(), shared_dir.resolve())
    engine.reset()
    collector = _Collector()
    html = engine.convert(body)
    collector.feed(html)
    collector.close()
    collector.result.html = html
    return collector.result
