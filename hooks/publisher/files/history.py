"""When a file under docs/ last changed: its last commit, or its modification time outside git.

A floor below the modules that show dates (translations, page facts) and the one that hashes
build inputs: it imports nothing from the publisher.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from functools import cache
from pathlib import Path


@cache
def git_dates(root: Path) -> dict[str, int]:
    """The last commit time of every file below docs/, from one `git log`."""
    try:
        # quotePath off: git writes a path with non-ASCII letters (gode-råd.da.md) as it is, not quoted
        # with octal escapes that match no file.
        result = subprocess.run(["git", "-c", "core.quotePath=off", "log", "--format=@%ct", "--name-only", "--",
                                 "docs"], cwd=root, capture_output=True, text=True, encoding="utf-8",
                                errors="surrogateescape", timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, int] = {}
    current = 0
    for line in result.stdout.splitlines():
        if line.startswith("@"):
            current = int(line[1:])
        elif line.strip():
            dates.setdefault(line.strip(), current)
    return dates


def last_changed(path: Path) -> dt.date:
    """The date of the last commit that touched `path`; its modification time outside git.

    One `git log` per repository and process answers for every file (see `git_dates`).
    """
    path = path.resolve()
    docs = next((parent for parent in path.parents if parent.name == "docs"), None)
    if docs is not None:
        committed = git_dates(docs.parent).get(path.relative_to(docs.parent).as_posix())
        if committed:
            return dt.datetime.fromtimestamp(committed, tz=dt.UTC).date()
    return dt.date.fromtimestamp(path.stat().st_mtime)
