"""Structure: every nav entry has a page, every page is in the nav, every translation has its source."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..model.page_names import case_clashes
from ..model.translations import page_status
from .context import CheckContext, OrgPages


def check_structure(ctx: CheckContext, org_pages: OrgPages, languages: Iterable[str]) -> None:
    org = org_pages.org
    config = ctx.catalogue.config_display
    source_pages = org_pages.pages[org.source_language]
    nav_bases = []
    for entry, line in zip(org.nav, org.nav_lines, strict=True):
        base = entry.removesuffix(".md")
        nav_bases.append(base)
        if not entry.endswith(".md") or not base or "." in base or "/" in base:
            ctx.error(config, line,
                      f"nav entry '{entry}' of '{org.id}' must be a page base name like 'tavshedspligt.md'")
        elif base not in source_pages and org.source_language in languages:
            ctx.error(config, line, f"nav entry '{entry}' of '{org.id}' has no page: create docs/{org.id}/{base}."
                                    f"{org.source_language}.md or remove the entry")
    if org.source_language in languages:
        for base, source in source_pages.items():
            if base not in nav_bases and source.front_matter.get("hidden") is not True:
                ctx.error(source.display, 1, f"page '{base}.md' is in no nav: add it to 'nav' of '{org.id}' in "
                                             f"docs/organisations.yml, or set 'hidden: true' in its front matter")
    for language in org.translations:
        if language not in languages:
            continue
        for base, source in source_pages.items():
            if base not in org_pages.pages[language]:
                ctx.error(source.display, 1,
                          f"no {ctx.language_name(language)} translation: create docs/{org.id}/{base}.{language}.md, "
                          f"or create it with 'untranslated: true' in its front matter to show this page with a "
                          f"notice until it is translated")
        for base in source_pages.keys() & org_pages.pages[language].keys():
            check_translation_current(ctx, org_pages, language, base)
        for base, translation in org_pages.pages[language].items():
            if base not in source_pages:
                ctx.error(translation.display, 1,
                          f"translation without a source page: docs/{org.id}/{base}.{org.source_language}.md "
                          f"does not exist; rename this file to match its source page or delete it")


def check_translation_current(ctx: CheckContext, org_pages: OrgPages, language: str, base: str) -> None:
    status = page_status(ctx.catalogue, org_pages.org.id, language, base)
    where = ctx.display(status.translation)
    source = ctx.display(status.source)
    if status.state == "stale":
        ctx.warning(where, 1, f"stale translation: {source} changed since this was translated; update it, "
                              f"then run 'make translations MARK={where}'")
    elif status.state == "unreviewed":
        ctx.warning(where, 1, f"translation has no source_hash: after reviewing it against {source}, "
                              f"run 'make translations MARK={where}'")


def check_folders(ctx: CheckContext) -> None:
    catalogue = ctx.catalogue
    for folder in sorted(p for p in catalogue.docs_dir.iterdir() if p.is_dir()):
        if folder.name.startswith(("_", ".")) or folder.name in catalogue.organisations:
            continue
        ctx.error(ctx.display(folder), 1, f"folder docs/{folder.name}/ belongs to no organisation: add "
                                          f"'{folder.name}' to docs/organisations.yml or move the folder out of docs/")


def check_case_clashes(ctx: CheckContext, folder: Path) -> None:
    """Names in one folder (pages, images, wordings, subfolders) that differ only in case: git and Linux keep
    both, a case-insensitive disk or web server keeps one, and which one is chance."""
    if not folder.is_dir():
        return
    for current, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name, earlier in case_clashes([*folders, *files]):
            ctx.error(ctx.display(Path(current) / name), 1,
                      f"'{name}' differs from '{earlier}' in the same folder only in upper and lower case: on a "
                      f"case-insensitive disk or web server one replaces the other; rename one of them")
