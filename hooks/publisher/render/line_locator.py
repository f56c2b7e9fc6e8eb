"""The line of the source a rendered item was written on, found in one pass over the page."""

from __future__ import annotations

import re

from ..model.sources import Source


class LineLocator:
    """Finds the line a rendered item was written on; successive equal items take successive lines.

    Linear in the page: items come mostly in source order, so each search starts where the
    previous item was found; a text found nowhere is remembered as missing, and a text whose
    later uses are not written again takes its first line without another scan.
    """

    def __init__(self, source: Source) -> None:
        self.lines = source.lines
        self.first = source.body_line - 1
        self.after: dict[str, int] = {}
        self.first_line: dict[str, int | None] = {}
        self.hint = self.first

    def _scan(self, needle: str, pattern: re.Pattern[str] | None, start: int, stop: int) -> int | None:
        for index in range(start, stop):
            line = self.lines[index]
            if (pattern.search(line) if pattern else needle in line):
                return index
        return None

    def line_of(self, needle: str, pattern: re.Pattern[str] | None = None) -> int | None:
        if not needle or self.first_line.get(needle, 0) is None:
            return None
        # From after the previous match; a second use of the same text written once is on that line.
        after = self.after.get(needle, self.first)
        index = None
        if after < len(self.lines):
            start = max(after, self.hint)
            index = self._scan(needle, pattern, start, len(self.lines))
            if index is None and after < start:
                index = self._scan(needle, pattern, after, start)
        if index is None:
            if needle not in self.first_line:
                self.first_line[needle] = self._scan(needle, pattern, self.first, len(self.lines))
            index = self.first_line[needle]
            self.after[needle] = len(self.lines)  # every later use takes the first line too
            return None if index is None else index + 1
        self.first_line.setdefault(needle, index)
        self.after[needle] = index + 1
        self.hint = index
        return index + 1
