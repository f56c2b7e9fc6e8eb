"""Readability of Danish and Norwegian text: LIX and long sentences.

LIX = words / sentences + 100 × long words / words, where a long word has more than six
letters. Bands (Danish convention): under 25 very easy, 25-34 easy, 35-44 medium, 45-54 hard,
55 and over very hard. Only the organisation's own text counts: front matter, snippet includes,
link addresses and markup are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sources import INCLUDE, Source

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+|\n\s*\n")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # [text](address): the text is read, the address is not
LIST_OR_HEADING = re.compile(r"^\s*(?:[-*+]|\d+\.|#{1,6})\s+")
LANGUAGES = ("da", "nb", "nn")  # LIX and its bands are Scandinavian measures
VERY_HARD = 55
MIN_WORDS = 30  # below this LIX says little: one long heading word would read as "very hard"
LONG_SENTENCE_WORDS = 25
BANDS = ((25, "very easy"), (35, "easy"), (45, "medium"), (55, "hard"))


def band(lix: float) -> str:
    for limit, name in BANDS:
        if lix < limit:
            return name
    return "very hard"


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    long_words: int
    long_sentences: list[tuple[int, int]]  # (line, words) of sentences over the limit

    @property
    def lix(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words

    @property
    def band(self) -> str:
        return band(self.lix)

    @property
    def very_hard(self) -> bool:
        return self.words >= MIN_WORDS and self.lix >= VERY_HARD


def plain_lines(source: Source) -> list[tuple[int, str]]:
    """(line number, text) of the body without markup, includes, attributes or addresses."""
    lines = []
    in_fence = False
    for number, line in enumerate(source.lines, start=1):
        if number < source.body_line:
            continue
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence or INCLUDE.match(line) or line.lstrip().startswith(("!!!", "???", "|")):
            continue
        text = LINK.sub(lambda m: m.group(1), line)
        text = re.sub(r"\{[^}]*\}", "", text)
        text = re.sub(r"<[^>]+>|[*_`>#]", " ", text)
        lines.append((number, text))
    return lines


def measure(source: Source) -> Readability:
    words = sentences = long_words = 0
    long_sentences: list[tuple[int, int]] = []
    paragraph: list[tuple[int, str]] = []

    def flush() -> None:
        nonlocal words, sentences, long_words
        if not paragraph:
            return
        start = paragraph[0][0]
        text = " ".join(t for _, t in paragraph)
        for sentence in SENTENCE_END.split(text):
            tokens = WORD.findall(sentence)
            if not tokens:
                continue
            sentences += 1
            words += len(tokens)
            long_words += sum(1 for t in tokens if len(t) > 6 and not t[0].isdigit())
            if len(tokens) > LONG_SENTENCE_WORDS:
                long_sentences.append((start, len(tokens)))
        paragraph.clear()

    for number, text in plain_lines(source):
        if not text.strip() or LIST_OR_HEADING.match(text):
            flush()  # list items and headings end a sentence, like a blank line
        if text.strip():
            paragraph.append((number, LIST_OR_HEADING.sub("", text)))
    flush()
    return Readability(words, sentences, long_words, long_sentences)
