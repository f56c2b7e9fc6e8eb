"""Includes: every shared passage a page includes exists, in the page's language, and is adopted."""

from __future__ import annotations

import re

from ..files.safe_files import include_problem
from ..model.organisation_types import Organisation
from ..model.sources import Include, Source
from ..model.wordings import SHARED_DIR, PassageRef, sections_of
from .adoption import check_included_passage
from .context import CheckContext

# What may hold an indented include: a list item, a box (`!!!`, `???`), a definition (`: `) or a
# footnote (`[^1]: `) above it, less indented.
HOLDER = re.compile(r"^\s*(?:(?:\d+[.)]|[-*+])[ \t]|!!!|\?\?\?|:[ \t]|\[\^[^\]]+\]:)")


def includes_of(ctx: CheckContext, page: Source, org: Organisation, language: str) -> list[Source]:
    """The wordings `page` includes (checked once per page and language)."""
    key = (page.path.resolve(), language)
    if key not in ctx.includes:
        ctx.includes[key] = _walk(ctx, page, org, language)
    return ctx.includes[key]


def _walk(ctx: CheckContext, page: Source, org: Organisation, language: str) -> list[Source]:
    found: list[Source] = []
    for include in page.includes:
        if not _held(page.lines, include.line):
            ctx.error(page.display, include.line,
                      "this include is indented under no list item or box, so Markdown would read the passage as "
                      "part of the text above it (or as code); start it at the beginning of its line, or indent it "
                      "under a list item or box")
        wording = _included_wording(ctx, page, org, language, include)
        if wording is not None:
            found.append(wording)
            for nested in wording.includes:
                ctx.error(wording.display, nested.line, "a shared wording cannot include another file: write its "
                                                        "text here, or include both from the page")
    return found


def _included_wording(ctx: CheckContext, page: Source, org: Organisation, language: str,
                      include: Include) -> Source | None:
    ref = PassageRef.parse(include.path)
    if ref is None:
        ctx.error(page.display, include.line,
                  f"'{include.path}' is not a shared wording: include one as "
                  f"--8<-- \"<topic>/<wording>.{language}.md\" (files in docs/{SHARED_DIR}/)")
        return None
    if ref.language != language:
        ctx.error(page.display, include.line,
                  f"'{ref.file}' is not in this page's language ({ctx.language_name(language)}): include "
                  f"'{ref.topic}/{ref.wording}.{language}.md' instead")
        return None
    path = ctx.catalogue.shared_dir / ref.file
    if problem := include_problem(path, ctx.catalogue.shared_dir, ref.file):
        ctx.error(page.display, include.line, problem)
        return None
    if not path.is_file():
        folder = ctx.catalogue.shared_dir / ref.topic
        available = sorted(f"{ref.topic}/{p.name}" for p in folder.glob(f"*.{language}.md")) if folder.is_dir() else []
        ctx.error(page.display, include.line,
                  f"shared wording '{ref.file}' does not exist in docs/{SHARED_DIR}/; available for "
                  f"'{ref.topic}' in {language}: {', '.join(available) or 'none'}")
        return None
    wording = ctx.read(path)
    if ref.section and ref.section not in sections_of(wording.text):
        ctx.error(page.display, include.line,
                  f"shared wording '{ref.file}' has no section '{ref.section}': its sections are "
                  f"{', '.join(sections_of(wording.text)) or 'none'}")
        return None
    check_included_passage(ctx, org, page, include.line, ref)
    return wording


def _held(lines: list[str], number: int) -> bool:
    """Whether the include on line `number` starts its line or is indented under a list item or box (the
    nearest line above it that is less indented)."""
    indent = len(lines[number - 1].expandtabs(4)) - len(lines[number - 1].expandtabs(4).lstrip())
    if indent == 0:
        return True
    for line in reversed(lines[:number - 1]):
        written = line.expandtabs(4)
        if written.strip() and len(written) - len(written.lstrip()) < indent:
            return bool(HOLDER.match(written))
    return False
