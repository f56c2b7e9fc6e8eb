"""Nothing an editor types can run in a reader's browser: escape data, sanitize every page.

Thin adapter over `publisher.render.sanitize` (with `sanitize_findings`) and `publisher.model.fields`:
- the site name and page titles (organisations.yml, front matter) are handed to the theme as
  escaped markup, so Material's templates, which print them with and without `| e`, show text;
- our own partials escape everything they print (autoescape);
- only our own front matter keys reach MkDocs and the theme (`template:` would replace the page);
- the rendered HTML of every page is replaced by its allow-listed version. `make check` (and
  the checks hook before the build) report each change with its source line; should the build
  still change a page, that is logged as a warning, which fails the strict build.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup
from mkdocs.plugins import event_priority, get_plugin_logger
from publisher.checks.front_matter import OPTIONAL_KEYS, SOURCE_KEYS
from publisher.files.findings import display_path
from publisher.model.sources import parse_text, read_source
from publisher.pipeline import priority
from publisher.render.sanitize import sanitize
from publisher.render.sanitize_findings import unsafe_findings

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
# Our own partials print data: they escape everything (Material's templates do not expect it).
OUR_PARTIALS = ("partials/copyright.html",)
OUR_PARTIAL_PREFIX = "partials/guide-"
PAGE_KEYS = {*SOURCE_KEYS, *OPTIONAL_KEYS}


def _as_text(value: str) -> Markup:
    return value if isinstance(value, Markup) else Markup(escape(value))


@event_priority(priority("sanitize", "on_config"))  # publisher.pipeline.SITE_BUILD says why
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.site_name = _as_text(config.site_name)
    return config


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    previous = env.autoescape
    def autoescape(name: str | None) -> bool:
        if name and (name in OUR_PARTIALS or name.startswith(OUR_PARTIAL_PREFIX)):
            return True
        return bool(previous(name) if callable(previous) else previous)

    env.autoescape = autoescape
    return env


@event_priority(priority("sanitize", "on_page_markdown"))  # publisher.pipeline.SITE_BUILD says why
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Only our front matter keys reach MkDocs and the theme from an editor's page: `template:` would
    # swap it for another template. The checks refuse such a key with its line; this holds in `make
    # serve` too, where errors do not stop the build. The pages the build writes itself (redirects,
    # the statement, the editions pages: File.generated) set template and search on purpose.
    if page.file.generated_by is None:
        for key in [key for key in page.meta if key not in PAGE_KEYS]:
            del page.meta[key]
    title = page.meta.get("title")
    if isinstance(title, str):
        page.meta["title"] = _as_text(title)
    return markdown


@event_priority(priority("sanitize", "on_page_content"))  # publisher.pipeline.SITE_BUILD says why
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    result = sanitize(html)
    if result.changes:
        path = page.file.abs_src_path
        root = Path(config.config_file_path).parent
        source = (read_source(Path(path), display_path(Path(path), root)) if path
                  else parse_text(page.markdown or "", page.file.src_uri))
        for line, message in unsafe_findings(source, html):
            log.warning("%s:%s: %s", source.display, line, message)
    return result.html
