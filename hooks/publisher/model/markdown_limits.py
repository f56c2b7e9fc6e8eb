"""What Python-Markdown cannot read in linear time, found in one pass before it tries.

Its inline link parsing rescans the rest of a block for every unmatched '[' (40,000 on one line
take minutes), unclosed '<' tags cost the same, and every level of list or quote nesting is one
level of recursion (a few hundred levels end in RecursionError). Our pages use at most a few dozen
of each, so a file beyond these limits is refused with the line where it crossed one, and the
engine never sees it. Every engine run is guarded as well (`LimitsPreprocessor`), so a page that
only crosses a limit with its included wordings cannot stall a build or a preview either; there only
the open '[' and the quote nesting are counted, because the pages we generate ourselves (the
editions page, the changes between editions) hold tags and indentation of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from ..files.findings import Finding, PublisherError

# Cost grows with the square of the '[' a paragraph leaves open (or nests: 2,000 nested in one line take
# 2 s, 4,000 take 8 s) and of the tags it leaves unclosed; closed links and tags cost little (24,000 links
# in a 1.2 MB page are read in seconds). The limits are per paragraph, far above any real page (which
# leaves none open), and low enough that the worst paragraph takes milliseconds.
MAX_OPEN_BRACKETS = 100
MAX_OPEN_TAGS = 100
MAX_ADMONITIONS = 200
MAX_INDENT = 100  # columns of leading white space: 25 levels of list nesting
MAX_QUOTE_DEPTH = 20
MAX_DEFINITIONS = 300  # ': ' lines of definition lists: 10,000 in one list took 110 s
MAX_PARAGRAPH_LINES = 1000  # lines without a blank line between them: 20,000 hard line breaks took 4 s
_BRACKET = re.compile(r"(?<!\\)[\[\]]")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_QUOTES = re.compile(r"^(?:\s{0,3}>)+")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?)")
_DEFINITION = re.compile(r"^ {0,3}:[ \t]")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
LIMITS_WHERE = "(a page with its included wordings)"  # the engine does not know which page it reads
OPEN_BRACKETS = (f"this paragraph leaves more than {MAX_OPEN_BRACKETS} '[' open (not closed by ']') by this line; "
                 f"the Markdown engine needs minutes for that many: close each link's '[' with ']', remove the "
                 f"extra ones, or write a literal one as \\[")


def limit_problems(lines: Iterable[str], first_line: int = 1, authored: bool = True) -> list[tuple[int, str]]:
    """(line, why) for each limit the text crosses, at the line where it first crossed it. Not `authored`
    (the engine's whole input, generated pages included): only the open '[' and the quotes are counted."""
    problems: list[tuple[int, str]] = []
    admonitions = definitions = run = 0
    open_brackets = open_tags = 0  # within the current paragraph
    in_fence = False
    reported: set[str] = set()

    def report(kind: str, number: int, message: str) -> None:
        if kind not in reported:
            reported.add(kind)
            problems.append((number, message))

    for number, line in enumerate(lines, start=first_line):
        if _FENCE.match(line):
            in_fence = not in_fence
        if not line.strip():  # a paragraph ends: what it left open costs nothing more
            open_brackets = open_tags = run = 0
            continue
        run += 1
        if not in_fence:  # code is not read for links and tags
            for bracket in _BRACKET.finditer(line):
                open_brackets = open_brackets + 1 if bracket[0] == "[" else max(open_brackets - 1, 0)
                if open_brackets > MAX_OPEN_BRACKETS:
                    report("[", number, OPEN_BRACKETS)
                    break
            open_tags = max(open_tags + len(_TAG_START.findall(line)) - line.count(">"), 0)
        if _ADMONITION.match(line):
            admonitions += 1
        if _DEFINITION.match(line):
            definitions += 1
        if authored and open_tags > MAX_OPEN_TAGS:
            report("<", number, f"this paragraph leaves more than {MAX_OPEN_TAGS} HTML tags ('<' before a letter) "
                                f"open (not closed by '>') by this line; the Markdown engine needs minutes for that "
                                f"many: remove them, or write a literal '<' as &lt;")
        if authored and definitions > MAX_DEFINITIONS:
            report(":", number, f"the file holds more than {MAX_DEFINITIONS} definitions (lines starting with ': ') "
                                f"by this line; the Markdown engine slows down with each one: split the page")
        if authored and run > MAX_PARAGRAPH_LINES:
            report("run", number, f"more than {MAX_PARAGRAPH_LINES} lines follow each other here without a blank "
                                  f"line; the Markdown engine reads them as one paragraph and needs minutes: add "
                                  f"blank lines between paragraphs")
        if authored and admonitions > MAX_ADMONITIONS:
            report("!!!", number, f"the file holds more than {MAX_ADMONITIONS} boxes ('!!!' or '???') by this line; "
                                  f"the Markdown engine slows down with each one: split the page")
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if authored and indent > MAX_INDENT:
            report("indent", number, f"this line is indented {indent} columns deep (more than {MAX_INDENT}, about "
                                     f"{MAX_INDENT // 4} levels of lists); the Markdown engine reads each level "
                                     f"by recursion and gives up: indent it less")
        quotes = _QUOTES.match(line)
        if quotes and quotes[0].count(">") > MAX_QUOTE_DEPTH:
            report(">", number, f"this line nests {quotes[0].count('>')} quotes ('>'), more than {MAX_QUOTE_DEPTH}; "
                                f"the Markdown engine reads each level by recursion and gives up: nest them less")
    return problems


class LimitsPreprocessor(Preprocessor):
    """Refuses a page, with its wordings included, beyond the limits, before any slow step reads it."""

    def run(self, lines: list[str]) -> list[str]:
        problems = limit_problems(lines, authored=False)
        if problems:
            raise PublisherError([Finding(LIMITS_WHERE, line, message)
                                  for line, message in problems])
        return lines


def register(md: Markdown, **_: Any) -> None:
    """After the snippets (32) and our passages (40) have included everything, before the HTML blocks (20)."""
    md.preprocessors.register(LimitsPreprocessor(md), "guide_limits", 31)
