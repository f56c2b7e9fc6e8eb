"""Reading built HTML in tests without regular expressions over markup."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.links: list[dict[str, str]] = []
        self.classes: list[str] = []
        self.ids: set[str] = set()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag == "a" and "href" in attributes:
            self.links.append(attributes)
        if "class" in attributes:
            self.classes.extend(attributes["class"].split())
        if "id" in attributes:
            self.ids.add(attributes["id"])


def read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
