"""Plain language: very hard pages (LIX) and long sentences, as warnings for the editor."""

from __future__ import annotations

from ..model.readability import LONG_SENTENCE_WORDS, measure
from ..model.sources import Source
from .context import CheckContext


def check_readability(ctx: CheckContext, page: Source) -> None:
    figures = measure(page)
    if figures.very_hard:
        ctx.warning(page.display, 1, f"readability: LIX {figures.lix:.0f} ({figures.band}); shorter sentences "
                                     f"and shorter words make the page easier to read")
    for line, words in figures.long_sentences:
        ctx.warning(page.display, line, f"readability: a sentence of {words} words (over "
                                        f"{LONG_SENTENCE_WORDS}); consider splitting it")
