"""Glossary: a translation uses the English term that docs/glossary.yml gives for a source term.

A page is compared with its source as a reader sees both: title, body and the shared wordings it
includes. The warning is placed in the translation file that holds the translated sentence (the
page, or the English text of the shared wording): that is the file the editor changes and the one
a pull request annotates. The source line is named in the message, so the editor finds the
sentence to compare at once. (Line 1: a translation's lines do not match its source's.)
"""

from __future__ import annotations

import re

from ..model.glossary import GlossaryEntry, load_glossary, untranslated
from ..model.sources import Source
from ..model.wordings import INCLUDE_MARK
from .context import CheckContext, OrgPages
from .includes import includes_of

# Link targets, heading ids and include lines are addresses, not words a reader reads.
NOT_TEXT = re.compile(rf"\]\([^)]*\)|\{{#[^}}]*\}}|^\s*(?:\d+\.\s+|-\s+)?{INCLUDE_MARK}.*$", re.MULTILINE)


def _reader_lines(source: Source) -> list[tuple[int, str]]:
    """(line number, text) of what a reader reads of `source`: its title and body."""
    lines = [(source.key_line("title"), str(source.front_matter.get("title", "")))]
    lines += list(enumerate(source.body_lines, start=source.body_line))
    return [(number, NOT_TEXT.sub(" ", line)) for number, line in lines]


def _text(parts: list[Source]) -> str:
    return "\n".join(line for part in parts for _, line in _reader_lines(part))


def _first_occurrence(parts: list[Source], entry: GlossaryEntry) -> tuple[Source, int]:
    """Where a reader first meets the term: the page or a wording it includes, and the line."""
    for part in parts:
        for number, text in _reader_lines(part):
            if entry.found_in(text):
                return part, number
    return parts[0], parts[0].body_line  # a term of several words broken across lines


def check_glossary(ctx: CheckContext, org_pages: OrgPages, language: str) -> None:
    """Warn where a translation does not use the glossary's term for a term its source uses."""
    org = org_pages.org
    glossary = load_glossary(ctx.catalogue.docs_dir, set(ctx.catalogue.languages))
    ctx.report.findings.extend(glossary.findings)
    entries = glossary.entries(org.source_language, language)
    if not entries or language == org.source_language:
        return
    for base, translation in sorted(org_pages.pages.get(language, {}).items()):
        source = org_pages.page(org.source_language, base)
        if source is None or translation.front_matter.get("untranslated") is True:
            continue
        source_parts = [source, *includes_of(ctx, source, org, org.source_language)]
        translation_text = _text([translation, *includes_of(ctx, translation, org, language)])
        for entry, form in untranslated(entries, _text(source_parts), translation_text):
            part, line = _first_occurrence(source_parts, entry)
            where = translation.path if part is source else part.path.with_name(
                part.path.name.removesuffix(f".{org.source_language}.md") + f".{language}.md")
            english = " or ".join(f"'{term}'" for term in entry.target)
            ctx.warning(ctx.display(where), 1, f"glossary: '{form}' ({part.display}:{line}) is translated as "
                                               f"{english}; use it here, or change {glossary.display}:{entry.line}")
