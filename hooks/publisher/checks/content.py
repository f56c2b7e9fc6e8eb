"""Content: markup that would reach readers as text, and markup that could run or load from elsewhere."""

from __future__ import annotations

from ..rendered import LEFTOVER_REFERENCE
from ..sources import INCLUDE, INCLUDE_LIKE, Source
from .context import CheckContext

UNSAFE_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "form", "meta"}


def check_content(ctx: CheckContext, where: Source) -> None:
    for leftover in ctx.facts(where).leftovers:
        written = where.lines[leftover.line - 1]
        if INCLUDE_LIKE.match(written) and not INCLUDE.match(written):
            continue  # reported as an unrecognised include, with how to fix it
        if LEFTOVER_REFERENCE.fullmatch(leftover.text):
            ctx.error(where.display, leftover.line,
                       f"'{leftover.text}' would be published as text: the reference link has no definition; "
                       f"add a line '[label]: address' or write the link as [text](address)")
        else:
            ctx.error(where.display, leftover.line,
                       f"'{leftover.text[:50]}' would be published as text, not as markup: an include or a box "
                       f"('!!!') must start at the beginning of its line, or be indented under a list item "
                       f"or box")
    for tag in ctx.facts(where).tags:
        if tag.name in UNSAFE_TAGS:
            ctx.error(where.display, tag.line,
                       f"<{tag.name}> is not allowed in a guideline (it can run code or load other sites); "
                       f"remove it")
        for name, value in tag.attributes.items():
            if name.startswith("on"):
                ctx.error(where.display, tag.line,
                           f"inline event handler '{name}=' on <{tag.name}> runs code; remove the attribute")
            if name == "style" and "url(" in value.lower():
                ctx.error(where.display, tag.line,
                           "a style attribute that loads a URL can contact another host; remove the url()")
    in_style = False
    for number, line in enumerate(where.lines, start=1):
        lowered = line.lower()
        if "<style" in lowered:
            in_style = True
        if in_style and ("@import" in lowered or "url(" in lowered or "@font-face" in lowered):
            ctx.error(where.display, number,
                       "a <style> block that imports or loads a URL (fonts, images, styles) can contact "
                       "another host; remove it and use the site's own styles")
        if "</style" in lowered:
            in_style = False
