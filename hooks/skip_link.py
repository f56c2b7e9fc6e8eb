"""Every page gets a skip link to the start of its content (see publisher.render.skip_link)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from publisher.render.skip_link import add_skip_link

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return add_skip_link(output, config.extra["guide"]["labels"]["skip_to_content"])
