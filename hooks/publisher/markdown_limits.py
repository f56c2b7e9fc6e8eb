"""What Python-Markdown cannot read in linear time, found in one pass before it tries.

Its inline link parsing rescans the rest of a block for every unmatched '[' (40,000 on one line
take minutes), unclosed '<' tags cost the same, and every level of list or quote nesting is one
level of recursion (a few hundred levels end in RecursionError). Our pages use at most a few dozen
of each, so a file beyond these limits is refused with the line where it crossed one, and the
engine never sees it. Every engine run is guarded as well (`LimitsPreprocessor`), so a page that
only crosses a limit with its included wordings cannot stall a build or a preview either; there only
the '[' (with a higher limit) and the nesting are counted, because the pages we generate ourselves
(the editions page, the changes between editions) hold many well-formed tags and deep indentation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from .findings import Finding, PublisherError

# The real pages hold at most 20 '[' and 3 '<' each; at these limits the engine needs well under a
# second for the worst arrangement (measured: 1,000 '![' in one line 0.5 s, 4,000 take 7 s).
MAX_BRACKETS = 1000
MAX_TAGS = 300
MAX_ADMONITIONS = 200
MAX_INDENT = 100  # columns of leading white space: 25 levels of list nesting
MAX_QUOTE_DEPTH = 20
MAX_DEFINITIONS = 300  # ': ' lines of definition lists: 10,000 in one list took 110 s
MAX_PARAGRAPH_LINES = 1000  # lines without a blank line between them: 20,000 hard line breaks took 4 s
ENGINE_MAX_BRACKETS = 3000  # a page with all its wordings, or a changes page of a whole document: 2 s at worst
_UNESCAPED_BRACKET = re.compile(r"(?<!\\)\[")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_QUOTES = re.compile(r"^(?:\s{0,3}>)+")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?)")
_DEFINITION = re.compile(r"^ {0,3}:[ \t]")
LIMITS_WHERE = "(a page with its included wordings)"  # the engine does not know which page it reads


def limit_problems(lines: Iterable[str], first_line: int = 1, max_brackets: int = MAX_BRACKETS,
                   authored: bool = True) -> list[tuple[int, str]]:
    """(line, why) for each limit the text crosses, at the line where it first crossed it. Not `authored`
    (the engine's whole input, generated pages included): only the '[' and the quotes are counted."""
    problems: list[tuple[int, str]] = []
    brackets = tags = admonitions = definitions = run = 0
    reported: set[str] = set()

    def report(kind: str, number: int, message: str) -> None:
        if kind not in reported:
            reported.add(kind)
            problems.append((number, message))

    for number, line in enumerate(lines, start=first_line):
        brackets += len(_UNESCAPED_BRACKET.findall(line))
        tags += len(_TAG_START.findall(line))
        if _ADMONITION.match(line):
            admonitions += 1
        if _DEFINITION.match(line):
            definitions += 1
        run = run + 1 if line.strip() else 0
        if brackets > max_brackets:
            report("[", number, f"the file holds more than {max_brackets} '[' by this line; the Markdown engine "
                                f"needs minutes for that many (a page needs a few dozen, one per link): remove the "
                                f"extra brackets, or write a literal one as \\[")
        if authored and tags > MAX_TAGS:
            report("<", number, f"the file holds more than {MAX_TAGS} HTML tags ('<' before a letter) by this line; "
                                f"the Markdown engine needs minutes for that many: remove them, or write a literal "
                                f"'<' as &lt;")
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
        problems = limit_problems(lines, max_brackets=ENGINE_MAX_BRACKETS, authored=False)
        if problems:
            raise PublisherError([Finding(LIMITS_WHERE, line, message)
                                  for line, message in problems])
        return lines


def register(md: Markdown, **_: Any) -> None:
    """After the snippets (32) and our passages (40) have included everything, before the HTML blocks (20)."""
    md.preprocessors.register(LimitsPreprocessor(md), "guide_limits", 31)
