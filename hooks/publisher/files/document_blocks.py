"""What a document reader gives the importer: blocks (headings, paragraphs, list items), in order.

The vocabulary every reader (office_readers.py, pdf_reader.py, text_reader.py) and the importer share:
the kinds of block, the shapes of a bullet, a numbered heading and a page number, where a document's
body starts, and the limit on how many blocks a document may hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["title", "heading", "paragraph", "item", "toc"]
NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$")
BULLET = re.compile(r"^\s*(?:[-*•–·▪o]\s+)+")
PAGE_NUMBER = re.compile(r"^\s*(?:(?:side|page|s\.)\s*)?\d{1,3}(?:\s*(?:af|av|of|/)\s*\d{1,3})?\s*$", re.IGNORECASE)
FIRST_PARAGRAPH_WORDS = 12  # before the first paragraph this long, short lines are the cover, not headings


# A guideline holds a few hundred paragraphs. Beyond this many, reading, cleaning and measuring the coverage
# of a document would take minutes (each sentence is looked up in the pages): it is refused, with its count.
MAX_BLOCKS = 5000


class TooLong(Exception):
    """The document holds more paragraphs than MAX_BLOCKS (how many, where a reader can count them)."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str
    level: int = 0  # headings: 1 is a top-level heading (a page of its own)


def shaped_heading(text: str) -> Block | None:
    """A heading in a document without styles: numbered ("2. Formål", "2.1 Bruk") or ALL CAPS, short."""
    stripped = text.strip()
    if len(stripped) > 80 or stripped[-1:] in ".!?:;,":
        return None
    match = NUMBERED_HEADING.match(stripped)
    if match and len(match[2].split()) <= 10 and match[2][:1].isupper():
        return Block("heading", stripped, match[1].count(".") + 1)
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters) and len(stripped.split()) <= 10:
        return Block("heading", stripped, 1)
    return None
