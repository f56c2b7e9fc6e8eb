"""Stale and untranslated pages: show a notice, and the source page until a translation exists.

The status comes from `publisher.model.translations`; this hook puts it on the page (as page meta the
templates render) and reports the organisation's translation status when the build starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger
from publisher.model.organisations import load_catalogue
from publisher.model.sources import page_name, read_source
from publisher.model.translations import notice_text, organisation_status, page_status

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


def on_pre_build(config: MkDocsConfig) -> None:
    guide = config.extra["guide"]
    if guide["language"] == guide["source_language"]:
        return
    catalogue = load_catalogue(Path(config.extra["guide_catalogue_dir"]))
    statuses = [s for s in organisation_status(catalogue, guide["org_id"]) if s.language == guide["language"]]
    by_state: dict[str, list[str]] = {}
    for status in statuses:
        by_state.setdefault(status.state, []).append(status.translation.name)
    summary = ", ".join(f"{len(names)} {state}" for state, names in sorted(by_state.items()))
    log.info("Translations of %s (%s): %s", guide["org_id"], guide["language"], summary)
    for state in ("stale", "unreviewed", "untranslated", "missing"):
        for name in by_state.get(state, []):
            log.info("  %s: docs/%s/%s", state, guide["org_id"], name)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    guide = config.extra["guide"]
    name = page_name(Path(page.file.src_uri))
    if guide["language"] == guide["source_language"] or name is None:
        return markdown
    catalogue = load_catalogue(Path(config.extra["guide_catalogue_dir"]))
    status = page_status(catalogue, guide["org_id"], guide["language"], name[0])
    notice = notice_text(catalogue, status)
    if notice:
        page.meta["guide_notice"] = notice
    if status.state == "untranslated":
        source = read_source(status.source, status.source.name)
        page.meta["guide_content_lang"] = guide["source_language"]
        return "\n".join(source.lines[source.body_line - 1:])
    return markdown
