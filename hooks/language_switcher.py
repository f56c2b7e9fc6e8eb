"""Point the language switcher of every page at the same page in the other languages.

Each language is its own build (see hooks/organisation.py), so mkdocs-static-i18n sees one
language only; the links between them are computed here from the site layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from publisher.render.languages import absolute_alternates, alternate_links

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    guide = config.extra["guide"]
    config.extra["alternate"] = alternate_links(
        page_url=page.url,
        language=guide["language"],
        source_language=guide["source_language"],
        languages=guide["languages"],
    )
    # For the page head: absolute hreflang links, only where the site's address is known.
    context["guide_alternates"] = absolute_alternates(config.site_url, page.url, guide["language"],
                                                      guide["source_language"], guide["languages"])
    return context
