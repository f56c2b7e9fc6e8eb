"""A guideline's front door: every page with a line of its own opening words.

No "most asked" links: nothing measures what readers ask, and a claim needs data.

The one-line summaries quote each page's own text (nothing is written for it), so they also
serve as the page's meta description.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SUMMARY_CHARACTERS = 160
_SKIPPED = {"h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "nav", "aside", "figure", "table", "pre"}


class _TextCollector(HTMLParser):
    """The readable text of a page body, without headings, admonition titles, tables and code."""

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
        elif tag in ("p", "li", "br", "div", "blockquote"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and tag == self._skipping:
            self._depth -= 1
            if not self._depth:
                self._skipping = None

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def opening_words(html: str, limit: int = SUMMARY_CHARACTERS) -> str:
    """The page's own first sentence (or its first words, ending in '…'): plain text."""
    collector = _TextCollector()
    collector.feed(html)
    text = re.sub(r"\s+", " ", "".join(collector.parts)).strip().replace("¶", "").strip()
    if not text:
        return ""
    sentence = re.match(r"(.+?[.!?])(\s|$)", text)
    first = sentence.group(1) if sentence else text
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return f"{cut} …"

