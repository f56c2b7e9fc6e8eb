"""What the Markdown engine makes of a source: the ids, links and tags its readers will get.

A line scanner guesses at Markdown; the engine decides. Links that wrap over two lines, headings
inside admonitions, setext headings, footnotes, ids numbered across included snippets, and
content hidden in HTML comments are all settled here by rendering the text with the site's own
extensions (from mkdocs.yml; rendered_html.py), and each item is placed here on the source line
it was written on (line_locator.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model.sources import Source
from .line_locator import LineLocator
from .rendered_html import render


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



def _written_forms(target: str) -> list[str]:
    """How a link target can be written in Markdown or HTML, most telling first."""
    forms = [f"]({target}", f"]( {target}", f"]: {target}", f"<{target}>", f'="{target}"', f"='{target}'"]
    if target not in ("", "#"):
        forms += [target, target.removeprefix("mailto:")]
    return forms


def _include_showing(source: Source, shared_dir: Path, text: str) -> int | None:
    """The line of the include whose snippet `text` comes from (it was indented out of shape)."""
    for include in source.includes:
        path = shared_dir / include.file
        if path.is_file() and text in path.read_text(encoding="utf-8", errors="replace"):
            return include.line
    return None


def rendered_page(source: Source, root: Path, shared_dir: Path) -> RenderedPage:
    """Render `source` with the site's extensions and place each link, tag and leftover on its line."""
    body = source.body
    rendered = render(body, root, shared_dir)
    locate = LineLocator(source)
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
    tag_locate = LineLocator(source)
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
