"""Links between the language versions of an organisation site.

The source language lives at the site root (`<org>/page.html`), every other language in a
folder named after it (`<org>/en/page.html`). Links are relative to the language site's root,
as mkdocs-material's `url` filter expects, so the sites work from any path and from file://.
"""

from __future__ import annotations

import posixpath
from typing import Any


def language_root(language: str, source_language: str) -> str:
    return "" if language == source_language else language


def alternate_links(page_url: str, language: str, source_language: str,
                    languages: list[dict[str, str]]) -> list[dict[str, Any]]:
    """`extra.alternate` entries pointing at this page's counterpart in each language."""
    here = language_root(language, source_language)
    links = []
    for entry in languages:
        there = language_root(entry["code"], source_language)
        target = posixpath.join(there, page_url) if there else page_url
        link = posixpath.relpath(target, here or ".") if here else target
        links.append({"name": entry["name"], "link": link, "lang": entry["code"]})
    return links


def absolute_alternates(site_url: str | None, page_url: str, language: str, source_language: str,
                        languages: list[dict[str, str]]) -> list[dict[str, str]]:
    """hreflang links with absolute addresses; none without the site's published address."""
    if not site_url:
        return []
    here = language_root(language, source_language)
    root = site_url[: -len(here) - 1] if here and site_url.endswith(f"/{here}/") else site_url
    links = []
    for entry in languages:
        there = language_root(entry["code"], source_language)
        links.append({"lang": entry["code"], "href": root + (f"{there}/" if there else "") + page_url})
    return links
