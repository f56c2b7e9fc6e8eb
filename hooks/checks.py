"""Fail the build on a broken reference, with the same messages as `make check`.

Runs the checks of `publisher.checks` for the site being built (one organisation, one
language). Errors stop the build with every finding listed; warnings such as a stale
translation are logged and do not fail it. In the preview (`make serve`) errors never stop the
build: every page shows them until they are fixed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from publisher.checks import check_site
from publisher.commands.preview import PREVIEW_ENV
from publisher.model.organisations import load_catalogue
from publisher.model.sources import read_source

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


def on_pre_build(config: MkDocsConfig) -> None:
    guide = config.extra["guide"]
    catalogue = load_catalogue(Path(config.extra["guide_catalogue_dir"]))
    report = check_site(catalogue, guide["org_id"], guide["language"])
    if os.environ.get(PREVIEW_ENV):  # make serve: it prints the findings; the pages show the errors
        config.extra["guide_errors"] = [str(finding) for finding in report.errors]
        return
    for finding in report.warnings:
        log.info("%s", finding)
    if report.errors:
        listing = "\n".join(f"  {finding}" for finding in report.errors)
        raise PluginError(
            f"{len(report.errors)} error(s) in the sources of {guide['org_id']} ({guide['language']}):\n{listing}"
        )


NOT_RENDERED = ("This page is not shown: it holds more than the Markdown engine can read quickly. The error at the "
                "top of the page says which line; the page comes back once that is fixed.")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A page beyond what the engine reads in linear time (publisher/model/markdown_limits.py) is never rendered.
    A build stops at its finding before this; the preview keeps building, and would stall on it for minutes."""
    path = page.file.abs_src_path
    if path and path.endswith(".md") and not read_source(Path(path), page.file.src_uri).renderable:
        return NOT_RENDERED
    return markdown
