"""Add the accessibility statement, the editions page ("about this guideline"), the change view of
each edition, the redirect pages, and every page's details (approval, owner, review date)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from publisher.model.addresses import redirect_pages
from publisher.model.organisations import load_catalogue
from publisher.outputs.site_config import STATEMENT_PAGE
from publisher.pipeline import priority
from publisher.render.about import ABOUT_PAGE, CHANGES_PAGE, about_markdown
from publisher.render.changes import changes_markdown
from publisher.render.front_door import links_every_page, opening_words
from publisher.render.page_info import page_info, statement_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


@event_priority(priority("page_meta", "on_files"))  # publisher.pipeline.SITE_BUILD says why
def on_files(files: Files, config: MkDocsConfig) -> Files:
    guide = config.extra["guide"]
    catalogue = load_catalogue(Path(config.extra["guide_catalogue_dir"]))
    content = statement_markdown(catalogue, guide["org_id"], guide["language"])
    files.append(File.generated(config, STATEMENT_PAGE, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    about = about_markdown(catalogue, guide["org_id"], guide["language"])
    files.append(File.generated(config, ABOUT_PAGE, content=about, inclusion=InclusionLevel.NOT_IN_NAV))
    for edition in catalogue.organisation(guide["org_id"]).editions[1:]:
        content = changes_markdown(catalogue, guide["org_id"], guide["language"], edition.number)
        files.append(File.generated(config, CHANGES_PAGE.format(number=edition.number), content=content,
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    for name, redirect in redirect_pages(catalogue, guide["org_id"], guide["language"]).items():
        files.append(File.generated(config, name, content=redirect))  # a moved page's old address
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs renders every page before it writes any, so the front door can list all summaries.
    if not (page.meta or {}).get("description"):
        page.meta["description"] = opening_words(html)
    return html


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    guide = config.extra["guide"]
    catalogue = load_catalogue(Path(config.extra["guide_catalogue_dir"]))
    if page.file.generated_by is None:
        title = page.title.unescape() if isinstance(page.title, Markup) else page.title  # escaped by hooks/sanitize.py
        context["guide_page"] = page_info(catalogue, guide["org_id"], guide["language"],
                                          page.file.src_uri, title or "")
    if page.is_homepage:
        others = [other for other in nav.pages if other is not page]
        listed = links_every_page(page.content or "", [other.url for other in others])  # its own contents list
        context["guide_front_door"] = {
            "pages": [] if listed else [(other.title, other.url, (other.meta or {}).get("description", ""))
                                        for other in others],
        }
    return context
