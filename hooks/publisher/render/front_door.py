"""A guideline's front door: every page with a line of its own opening words, unless the start page's
own text already lists every page (then that is its one contents list).

No "most asked" links: nothing measures what readers ask, and a claim needs data.

The one-line summaries quote each page's own text (nothing is written for it), so they also
serve as the page's meta description.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIPPED = {"h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "nav", "aside", "figure", "table", "pre"}
_BLOCKS = ("p", "li", "br", "div", "blockquote", "dd", "dt")
BLOCK = "\n"  # between two blocks (paragraphs, list items): a summary may end there, never inside one
# A sentence ends at . ! or ? followed by a capital, a digit or an opening quote or bracket, or at the end of
# its block; not after a lone capital ("Rose, G. B. (2017)": an initial inside a citation).
_SENTENCE_END = re.compile(r"(?<![\s(][A-ZÆØÅ])[.!?](?=\s+[A-ZÆØÅ0-9\"'«(\[]|\s*$)")


class _TextCollector(HTMLParser):
    """The readable text of a page body by blocks, without headings, admonition titles, tables and code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: str | None = None  # the tag whose content is skipped
        self._depth = 0  # nesting of that tag inside itself

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping:
            self._depth += tag == self._skipping
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag in _SKIPPED or "admonition-title" in classes or "headerlink" in classes:
            self._skipping, self._depth = tag, 1
        elif tag in _BLOCKS:
            self.parts.append(BLOCK)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and tag == self._skipping:
            self._depth -= 1
            if not self._depth:
                self._skipping = None
        elif tag in _BLOCKS:
            self.parts.append(BLOCK)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def text_blocks(html: str) -> list[str]:
    """The page's readable text, one string per paragraph or list item, in order."""
    collector = _TextCollector()
    collector.feed(html)
    blocks = (" ".join(block.replace("¶", "").split()) for block in "".join(collector.parts).split(BLOCK))
    return [block for block in blocks if block]


def opening_words(html: str) -> str:
    """The page's own first sentence, as plain text: it ends where the sentence or its paragraph ends, never
    inside a citation or between list items. An introduction ending in ':' takes its first item, then '…'."""
    blocks = text_blocks(html)
    if not blocks:
        return ""
    end = _SENTENCE_END.search(blocks[0])
    first = blocks[0][:end.end()] if end else blocks[0]
    if first.endswith(":") and len(blocks) > 1:
        return f"{first} {blocks[1]} …"
    return first


def links_every_page(html: str, pages: list[str]) -> bool:
    """Whether `html` (a start page's own content) already links each of `pages` (their .html addresses): then
    it is the contents list, and the front door does not list the pages a second time."""
    collector = _Links()
    collector.feed(html)
    return all(page in collector.targets for page in pages)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") if tag == "a" else None
        if href and "#" not in href:
            self.targets.add(href)
