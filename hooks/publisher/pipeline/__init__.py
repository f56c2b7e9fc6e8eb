"""The build's order, in one place: start reading here.

A whole build (`make site`, `publisher.pipeline.whole.build_all`) runs `WHOLE_BUILD`, in order:

1. plan             the chosen organisations' sites (organisation × language), each one's inputs hash
2. build sites      each site with the engine (MkDocs), and each PDF, in worker processes; a site
                    whose inputs did not change is reused from the last build
3. place            each site's pages under site/<org>/ (translations under <org>/<lang>/), PDFs
                    under site/<org>/pdf/, in a staging folder
4. archive          every recorded edition's PDFs, copied unchanged
5. site-wide pages  the portal, the topic pages and the status page (rendered by a worker during
                    step 2, from the sources alone), shared assets de-duplicated
6. swap             the staging folder replaces site/ in one move; then the manifest of hashes

One site's build is the engine's: MkDocs runs its events, and at each event the plugins and our
hooks (hooks/*.py, listed in mkdocs.yml) by priority, highest first; equal priorities in the
order of mkdocs.yml's `hooks:` list, after the plugins. `SITE_BUILD` lists every step our hooks
take, in the order MkDocs runs them. The hooks take their priority from this table
(`priority()`), and tests/test_pipeline.py holds the table, the hook files and mkdocs.yml
together. The plugins' own priorities, which ours are placed around: mkdocs-static-i18n's
`on_files` and `on_post_build` and material/offline's `on_post_build` run at -100;
search and static-i18n read the configuration at 0.

What an engine must provide (README, "Engine"): Markdown with our extensions
(mkdocs.yml's `markdown_extensions`), the theme with overrides/, and one configuration per
site (`publisher.outputs.site_config`); everything before (checks, configuration) and after
(optimisation, PDFs, site-wide pages, swap) is ours.
"""

from __future__ import annotations

from dataclasses import dataclass

WHOLE_BUILD = ("plan", "build sites", "place", "archive", "site-wide pages", "swap")

# MkDocs' events, in the order one site's build runs them.
EVENTS = ("on_config", "on_pre_build", "on_files", "on_nav", "on_env", "on_page_markdown", "on_page_content",
          "on_page_context", "on_post_page", "on_post_build")


@dataclass(frozen=True)
class HookStep:
    hook: str  # hooks/<hook>.py
    event: str  # the MkDocs event it handles
    priority: int  # MkDocs' event priority: higher runs first; 0 is MkDocs' default
    step: str  # what it does, by name


SITE_BUILD = (
    # Before static-i18n and search read the configuration (0).
    HookStep("organisation", "on_config", 100, "choose the organisation and language; configure the site"),
    HookStep("templates", "on_config", 0, "list the installed theme once a process (our theme loader)"),
    HookStep("search_forms", "on_config", 0, "find the theme's search worker for ours to load"),
    # After organisation.py set the organisation's name.
    HookStep("sanitize", "on_config", -100, "escape the site name"),
    HookStep("checks", "on_pre_build", 0, "check every reference of this site (make check)"),
    HookStep("translations", "on_pre_build", 0, "report the translation status"),
    # After static-i18n (-100) chose this language's files.
    HookStep("organisation", "on_files", -110,
             "keep this organisation's pages, add its branding files, leave out the theme's unused files"),
    HookStep("page_meta", "on_files", -110, "add the statement, editions, change and redirect pages"),
    HookStep("templates", "on_env", 0, "add the date filters and the shared compiled templates"),
    HookStep("sanitize", "on_env", 0, "autoescape our partials"),
    # Before the hooks that add page keys of their own (translations.py: guide_notice).
    HookStep("sanitize", "on_page_markdown", 50, "the page title as text; front-matter keys we do not define dropped"),
    HookStep("checks", "on_page_markdown", 0, "a page beyond the Markdown limits is not rendered (preview)"),
    HookStep("translations", "on_page_markdown", 0, "stale and untranslated notices"),
    HookStep("page_meta", "on_page_content", 0, "the page's summary for the front door"),
    # Last: what any other hook added is sanitized too.
    HookStep("sanitize", "on_page_content", -100, "allow-list the page's HTML"),
    HookStep("language_switcher", "on_page_context", 0, "link the same page in the other languages"),
    HookStep("page_meta", "on_page_context", 0, "the page's facts; the front door's pages and topics"),
    HookStep("skip_link", "on_post_page", 0, "add the skip link"),
    # After static-i18n rewrote the search index and offline copied it into search_index.js (-100).
    HookStep("search_forms", "on_post_build", -110, "split the search index, add word forms"),
)


def priority(hook: str, event: str) -> int:
    """The priority `hooks/<hook>.py` gives its `event` handler, from SITE_BUILD."""
    found = [step.priority for step in SITE_BUILD if (step.hook, step.event) == (hook, event)]
    if len(found) != 1:
        raise LookupError(f"SITE_BUILD in {__name__} has {len(found)} steps for {hook}.{event}; it needs one")
    return found[0]
