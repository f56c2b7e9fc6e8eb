"""Search that understands Danish and Norwegian words, loaded when first used (see publisher.render.search_forms).

The pages point Material at our search worker (overrides/main.html, block config), which loads
Material's own worker, the documents and their word forms on the first query.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority, get_plugin_logger
from publisher.pipeline import priority
from publisher.render import search_index

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    material = search_index.material_worker(config.theme.dirs)
    if material is None:  # another theme: its own search, or none
        log.info("Search: no mkdocs-material search worker in the theme; word forms not added")
    config.extra["guide_search"] = {"material_worker": material, "worker": search_index.WORKER} if material else None
    return config


@event_priority(priority("search_forms", "on_post_build"))  # publisher.pipeline.SITE_BUILD says why
def on_post_build(config: MkDocsConfig) -> None:
    search_dir = Path(config.site_dir) / "search"
    if not config.extra.get("guide_search") or not (search_dir / "search_index.json").is_file():
        return
    language = config.extra["guide"]["language"]
    before, after = search_index.split_index(search_dir, language, config.extra["guide_search"]["material_worker"])
    log.debug("Search index: %d bytes at page load instead of %d (%s)", after, before, language)
