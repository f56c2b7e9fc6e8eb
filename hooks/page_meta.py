"""Add the accessibility statement page and the facts shown on every guideline page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from publisher.organisations import load_catalogue
from publisher.page_info import page_info, statement_markdown
from publisher.site_config import STATEMENT_PAGE

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


@event_priority(-110)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    guide = config.extra["guide"]
    catalogue = load_catalogue(Path(config.extra["guide_catalogue_dir"]))
    content = statement_markdown(catalogue, guide["org_id"], guide["language"])
    files.append(File.generated(config, STATEMENT_PAGE, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    guide = config.extra["guide"]
    if page.file.generated_by is None:
        catalogue = load_catalogue(Path(config.extra["guide_catalogue_dir"]))
        title = page.title.unescape() if isinstance(page.title, Markup) else page.title  # escaped by hooks/sanitize.py
        context["guide_page"] = page_info(catalogue, guide["org_id"], guide["language"],
                                          page.file.src_uri, title or "")
    return context
