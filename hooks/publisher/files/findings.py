"""Findings: what a check or a loader reports to an author, with file and line."""

from __future__ import annotations

import errno
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one place: `path:line: message`."""

    path: str
    line: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"

    def github_annotation(self) -> str:
        """The workflow command that puts the finding on the pull request's line."""
        kind = "error" if self.severity == "error" else "warning"
        return f"::{kind} file={_property(self.path)},line={self.line}::{_data(self.message)}"


def _data(text: str) -> str:
    """Workflow-command message text: '%', CR and LF escaped, so nothing starts another command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow-command property value (file=...): also ':' and ',' escaped."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class PublisherError(Exception):
    """A fault an author must fix; carries every finding, not only the first."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = sorted(findings)
        super().__init__("\n".join(str(f) for f in self.findings))


class ArgumentError(PublisherError):
    """Values typed on make's command line (make new-org NAME=…) that are refused. No file is at
    fault, so each problem names the variable as typed instead of a file and line."""

    def __init__(self, problems: list[str]) -> None:
        self.findings: list[Finding] = []
        self.problems = problems
        Exception.__init__(self, "\n".join(f"error: {problem}" for problem in problems))


def display_path(path: Path, root: Path) -> str:
    """A path as an author sees it: relative to the repository root where possible."""
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:
        return path.as_posix()


def io_advice(error: OSError) -> str:
    """What an author can do about a failed read or write, by its cause (the error's own words are English
    jargon: 'Errno 28', 'EROFS')."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full: free some space, then run the command again"
    if error.errno == errno.EROFS:
        return "the disk or folder is read-only: run the command in a checkout you can write to"
    if error.errno in (errno.EACCES, errno.EPERM):
        return ("you may not change it: check its permissions and the folder's (ls -l), make them writable "
                "(chmod u+w), then run the command again")
    return "check the disk and the file, then run the command again"


def io_problem(error: OSError, root: Path) -> str:
    """Which file could not be read or written, and why, as an author reads it."""
    where = display_path(Path(os.fsdecode(error.filename)), root) if error.filename else "a file"
    return f"could not write or read {where} ({error.strerror or error})"


def io_error_message(error: OSError, root: Path, done: str) -> str:
    """One line for a read or write that failed: which file, why, what state things are in, what to do."""
    return f"error: {io_problem(error, root)}; {done}; {io_advice(error)}"


def visible(value: str) -> str:
    """`value` as a message can show it: line breaks, control and invisible characters escaped as a
    shell's $'...' writes them, so nothing in a terminal is hidden, reordered or split."""
    escapes = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return "".join(escapes.get(c) or (f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
                   if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in value)
