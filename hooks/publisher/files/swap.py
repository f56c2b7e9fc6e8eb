"""Replacing published output so that a kill at any moment leaves the old output or the new one.

A build's staging folder (`site.staging-<pid>/`) holds what is being replaced under `old/`:

- the whole site: `site/` is renamed to `old/`, then the new site to `site/`. Two renames cannot be
  one; a process killed between them leaves no `site/`, and `recover` renames `old/` back.
- some files (the PDFs of `make pdf`): each is hard-linked into `old/` first, then the journal
  `replacing.json` lists them all, then each new file is renamed over its old one, and the journal
  is removed: that is the moment they count as replaced. A journal left by a killed process means
  the replacing did not finish: `recover` puts every old file back (and removes the new ones that
  had none), so they are all replaced together or none is.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from .atomic import write_atomic

OLD = "old"
JOURNAL = "replacing.json"


def swap_folder(new: Path, out: Path, staging: Path) -> None:
    """Replace `out` by `new` with two renames on the same file system (see `recover`)."""
    old = staging / OLD
    if out.exists():
        os.replace(out, old)
    try:
        os.replace(new, out)
    except OSError:
        if old.exists():
            os.replace(old, out)
        raise


def carry_over(out: Path, new: Path) -> None:
    """Hard-link into `new` whatever of `out` it does not replace, so `new` can be swapped in whole."""
    for entry in sorted(out.iterdir()):
        target = new / entry.name
        if target.exists() or target.is_symlink():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True, copy_function=os.link)
        else:
            os.link(entry, target, follow_symlinks=False)


def replace_files(staging: Path, new: Path, out: Path, relatives: list[Path]) -> None:
    """Move `new/<relative>` to `out/<relative>` for each: all of them, or (on any failure) none."""
    for relative in relatives:
        if (out / relative).is_file():
            (staging / OLD / relative).parent.mkdir(parents=True, exist_ok=True)
            os.link(out / relative, staging / OLD / relative)
    write_atomic(staging / JOURNAL, json.dumps([relative.as_posix() for relative in relatives]))
    try:
        for relative in relatives:
            (out / relative).parent.mkdir(parents=True, exist_ok=True)
            os.replace(new / relative, out / relative)
    except BaseException:
        _put_back(staging, out, relatives)
        (staging / JOURNAL).unlink()  # all put back: nothing is left for `recover`
        raise
    (staging / JOURNAL).unlink()  # from here on the new files are the published ones


def _put_back(staging: Path, out: Path, relatives: list[Path]) -> None:
    for relative in relatives:
        if (staging / OLD / relative).is_file():
            os.replace(staging / OLD / relative, out / relative)
        else:
            (out / relative).unlink(missing_ok=True)  # it did not exist before


def recover(staging: Path, out: Path) -> bool:
    """Undo the replacing a killed process left half done in `staging`; True if something was put back."""
    journal = staging / JOURNAL
    if journal.is_file():
        _put_back(staging, out, [Path(name) for name in json.loads(journal.read_text(encoding="utf-8"))])
        return True
    if (staging / OLD).is_dir() and not out.exists():  # killed between the two renames of swap_folder
        os.replace(staging / OLD, out)
        return True
    return False


def discard(staging: Path, out: Path) -> None:
    """Remove `staging`, unless it holds the only copy of the previous output (then the next build recovers it)."""
    if not (staging / JOURNAL).is_file() and (out.exists() or not (staging / OLD).exists()):
        shutil.rmtree(staging, ignore_errors=True)
