"""Content: markup that would reach readers as text, and markup that could run or load from elsewhere."""

from __future__ import annotations

import re

from ..model.fields import invisible_problem
from ..model.sources import INCLUDE, INCLUDE_LIKE, Source, invisible_include
from ..render.rendered_html import LEFTOVER_REFERENCE, UNTYPED_BOX
from ..render.sanitize_findings import snippet_texts, unsafe_findings
from .context import CheckContext


def check_content(ctx: CheckContext, where: Source) -> None:
    lines = where.lines
    for leftover in ctx.rendered(where).leftovers:
        written = lines[leftover.line - 1]
        if INCLUDE_LIKE.match(written) and not INCLUDE.match(written) or invisible_include(written):
            continue  # reported as an unrecognised include, with how to fix it
        if UNTYPED_BOX.match(leftover.text):
            ctx.error(where.display, leftover.line,
                      f"'{leftover.text[:50]}' would be published as text: a box needs its type before the title, "
                      f"e.g. !!! note \"Title\" or !!! warning \"Title\"")
        elif LEFTOVER_REFERENCE.fullmatch(leftover.text):
            ctx.error(where.display, leftover.line,
                       f"'{leftover.text}' would be published as text: the reference link has no definition; "
                       f"add a line '[label]: address' or write the link as [text](address)")
        else:
            ctx.error(where.display, leftover.line,
                       f"'{leftover.text[:50]}' would be published as text, not as markup: an include or a box "
                       f"('!!!') must start at the beginning of its line, or be indented under a list item "
                       f"or box")
    # What the build's sanitizer removes from the rendered page (hooks/sanitize.py), on its line.
    snippets = snippet_texts(where, ctx.catalogue.shared_dir)
    for line, message in unsafe_findings(where, ctx.rendered(where).html, snippets):
        ctx.error(where.display, line, message)
    _check_invisible(ctx, where)
    _check_repeated_ids(ctx, where)
    _check_toc_labels(ctx, where)


TOC_LABEL = re.compile(r"""data-toc-label=(?:"([^"]*)"|'([^']*)')""")


def _check_toc_labels(ctx: CheckContext, where: Source) -> None:
    """A heading's contents-list label is text: markup in it is dropped, leaving an empty entry."""
    lines = where.lines
    for number in range(where.body_line, len(lines) + 1):
        for match in TOC_LABEL.finditer(lines[number - 1]):
            label = match.group(1) if match.group(1) is not None else match.group(2)
            if "<" in label or ">" in label:
                ctx.error(where.display, number,
                          f"data-toc-label=\"{label[:60]}\" holds markup, which the contents list drops (it "
                          f"would show an empty entry); write the label as plain text")


def _check_repeated_ids(ctx: CheckContext, where: Source) -> None:
    """Two elements with one id: a link or the contents list leads to the first only."""
    for repeated in dict.fromkeys(ctx.rendered(where).repeated_ids):
        written = re.compile(rf"#{re.escape(repeated)}\b|id=[\"']{re.escape(repeated)}[\"']")
        source_lines = where.lines
        lines = [number for number in range(where.body_line, len(source_lines) + 1)
                 if written.search(source_lines[number - 1])]
        line = lines[1] if len(lines) > 1 else (lines or [where.body_line])[0]
        first = f" (also on line {lines[0]})" if len(lines) > 1 else ""
        ctx.error(where.display, line,
                  f"id '{repeated}' is given to two elements of this page{first}; a link leads to one place: "
                  f"rename one of them")


# In body text a soft hyphen marks where a long word may break, and a zero-width joiner builds one
# emoji from several: both are meant. Other format characters are pasted by accident and hide or
# reorder text; a warning, as the page still reads, unless they break an include (an error, sources.py).
MEANT_IN_BODY = "\u00ad\u200d"


def _check_invisible(ctx: CheckContext, where: Source) -> None:
    lines = where.lines
    for number in range(where.body_line, len(lines) + 1):
        line = lines[number - 1]
        if (problem := invisible_problem(line, MEANT_IN_BODY)) and not invisible_include(line):
            ctx.warning(where.display, number, f"this line {problem}")
