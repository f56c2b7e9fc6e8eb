"""What the Markdown engine makes of a source: the ids, links and tags its readers will get.

A line scanner guesses at Markdown; the engine decides. Links that wrap over two lines, headings
inside admonitions, setext headings, footnotes, ids numbered across included snippets, and
content hidden in HTML comments are all settled here by rendering the text with the site's own
extensions (from mkdocs.yml). `sources.py` then finds the line each item was written on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
from mkdocs.utils.yaml import yaml_load

from ..model.sources import Source
from ..model.wordings import INCLUDE_MARK, PassageRef
from .passages import PassageLabels

PASSAGES_EXTENSION = "publisher.render.passages"

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
class Link:
    line: int
    target: str
    text: str
    is_image: bool = False
    from_html: str | None = None  # the tag, when not a Markdown link or image


@dataclass(frozen=True)
class HtmlTag:
    line: int
    name: str
    attributes: dict[str, str]


@dataclass(frozen=True)
class Leftover:
    line: int
    text: str


@dataclass(frozen=True)
class RenderedPage:
    """What a source gives its readers, each item at the line of the source it was written on.

    Items that come from an included snippet are not listed: they belong to the snippet's lines.
    `ids` are all ids of the rendered page, included snippets counted, as links will need them.
    """

    ids: set[str]
    links: list[Link]
    tags: list[HtmlTag]
    leftovers: list[Leftover]
    html: str = ""  # the rendered page, before sanitizing
    repeated_ids: list[str] = field(default_factory=list)  # an id given to a second element


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


def site_extension_configs(extensions: list[Any], configs: dict[str, Any], shared_dir: Path,
                           passage_labels: Any = None) -> dict[str, Any]:
    """The declared extensions' settings with this site's own: where the snippets and wordings are, and
    how a shared passage is labelled. The one place these keys are set: the MkDocs hook
    (hooks/organisation.py) applies it to the engine's configuration, `markdown_settings` to mkdocs.yml.

    `passage_labels` (see `passage_labels.labeller`) marks each shared passage for readers; the
    checks use placeholder labels, which give the page the same structure.
    """
    configs = {name: dict(settings or {}) for name, settings in configs.items()}
    configs.setdefault("pymdownx.snippets", {})["base_path"] = [str(shared_dir)]
    if PASSAGES_EXTENSION in extensions:
        configs[PASSAGES_EXTENSION] = {"shared_dir": str(shared_dir), "labels": passage_labels or _check_labels}
    return configs


def markdown_settings(root: Path, shared_dir: Path, passage_labels: Any = None) -> tuple[list[Any], dict[str, Any]]:
    """The Markdown extensions and their settings from mkdocs.yml, for what renders our Markdown outside
    the engine (the PDF, the checks, the topic pages): the same extensions as the site."""
    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    extensions = config.get("markdown_extensions") or {}
    if isinstance(extensions, list):  # mkdocs.yml may list them; ours maps them (INHERIT merges mappings)
        merged: dict[str, Any] = {}
        for item in extensions:
            merged.update(item if isinstance(item, dict) else {item: {}})
        extensions = merged
    configs = site_extension_configs(list(extensions), extensions, shared_dir, passage_labels)
    configs.get("toc", {}).pop("permalink", None)  # no ¶ links: not the author's, and not for print
    return list(configs), configs


def _check_labels(ref: PassageRef) -> PassageLabels:
    return PassageLabels("passage", None)


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


class _Locator:
    """Finds the line a rendered item was written on; successive equal items take successive lines.

    Linear in the page: items come mostly in source order, so each search starts where the
    previous item was found; a text found nowhere is remembered as missing, and a text whose
    later uses are not written again takes its first line without another scan.
    """

    def __init__(self, source: Source) -> None:
        self.lines = source.lines
        self.first = source.body_line - 1
        self.after: dict[str, int] = {}
        self.first_line: dict[str, int | None] = {}
        self.hint = self.first

    def _scan(self, needle: str, pattern: re.Pattern[str] | None, start: int, stop: int) -> int | None:
        for index in range(start, stop):
            line = self.lines[index]
            if (pattern.search(line) if pattern else needle in line):
                return index
        return None

    def line_of(self, needle: str, pattern: re.Pattern[str] | None = None) -> int | None:
        if not needle or self.first_line.get(needle, 0) is None:
            return None
        # From after the previous match; a second use of the same text written once is on that line.
        after = self.after.get(needle, self.first)
        index = None
        if after < len(self.lines):
            start = max(after, self.hint)
            index = self._scan(needle, pattern, start, len(self.lines))
            if index is None and after < start:
                index = self._scan(needle, pattern, after, start)
        if index is None:
            if needle not in self.first_line:
                self.first_line[needle] = self._scan(needle, pattern, self.first, len(self.lines))
            index = self.first_line[needle]
            self.after[needle] = len(self.lines)  # every later use takes the first line too
            return None if index is None else index + 1
        self.first_line.setdefault(needle, index)
        self.after[needle] = index + 1
        self.hint = index
        return index + 1


def _written_forms(target: str) -> list[str]:
    """How a link target can be written in Markdown or HTML, most telling first."""
    forms = [f"]({target}", f"]( {target}", f"]: {target}", f"<{target}>", f'="{target}"', f"='{target}'"]
    if target not in ("", "#"):
        forms += [target, target.removeprefix("mailto:")]
    return forms


def _include_showing(source: Source, shared_dir: Path, text: str) -> int | None:
    """The line of the include whose snippet `text` comes from (it was indented out of shape)."""
    if text.startswith("!!! passage"):  # the box our passages extension put around an include
        lines = source.lines
        indented = [i.line for i in source.includes if lines[i.line - 1][:1].isspace()]
        return (indented or [i.line for i in source.includes] or [None])[0]
    for include in source.includes:
        path = shared_dir / include.file
        if path.is_file() and text in path.read_text(encoding="utf-8", errors="replace"):
            return include.line
    return None


def rendered_page(source: Source, root: Path, shared_dir: Path) -> RenderedPage:
    """Render `source` with the site's extensions and place each link, tag and leftover on its line."""
    body = source.body
    rendered = render(body, root, shared_dir)
    locate = _Locator(source)
    links = []
    for link in rendered.links:
        line, written = next(((found, needle) for needle in _written_forms(link.target)
                              if (found := locate.line_of(needle))), (None, ""))
        if line is None and link.target.strip():
            # Markdown turned a tab in the written address into spaces: match any run of white space.
            loose = re.compile(r"\s+".join(re.escape(part) for part in link.target.split()))
            line = locate.line_of(f"loose: {link.target}", loose)  # a key of its own in the locator
        if line is not None:  # else it comes from an included wording, which is checked on its own
            raw_link = link.tag == "a" and written.startswith(("=\"", "='"))  # <a href="…"> in the source
            links.append(Link(line, link.target, link.text, is_image=link.tag == "img",
                              from_html="a" if raw_link else None if link.tag in ("a", "img") else link.tag))
    tags = []
    tag_locate = _Locator(source)
    for name, attributes in rendered.tags:
        line = tag_locate.line_of(name, re.compile(rf"<{re.escape(name)}\b", re.IGNORECASE))
        if line is not None:
            tags.append(HtmlTag(line, name, attributes))
    leftovers = []
    for text in rendered.leftovers:
        line = locate.line_of(text[:60]) or _include_showing(source, shared_dir, text)
        if line is not None:
            leftovers.append(Leftover(line, text))
    return RenderedPage(rendered.ids, links, tags, leftovers, rendered.html, rendered.repeated_ids)
