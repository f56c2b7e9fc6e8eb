"""Several source files written as one change: all of them or none, also when the process is killed.

`make import` writes a dozen files (pages in every language, the kept document, its extracted text,
the editorial record, organisations.yml). Killed between two of them, it left half the pages, no nav
and no kept source, `make check` green and a second import refused. Now every new file is written
whole in a staging folder beside docs/ first, with a hard link to each file it replaces, then the
journal lists them all, then each is renamed into place, then the journal is removed: that is the
moment the change counts as made (as swap.py does for the PDFs).

A process killed before the journal exists changed nothing in docs/; one killed while the journal
exists is undone: every file put back, every new file and folder removed. Whoever next takes the
sources lock (any command that writes sources, locking.py) does that, and `make check` names the
interrupted command until then. Every command that writes sources writes this way: import, new-org,
addresses, edition and translations MARK.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from .atomic import write_atomic
from .findings import Finding, display_path

PREFIX = ".sources-transaction-"
JOURNAL = "journal.json"
NEW, OLD = "new", "old"


def staging_folder(docs_dir: Path) -> Path:
    """Beside docs/ (same file system, so renames are atomic), where no reader of docs/ looks."""
    return docs_dir.parent / f"{PREFIX}{os.getpid()}"


def work_folder(docs_dir: Path, purpose: str) -> Path:
    """An empty folder beside docs/ where a command makes what it will write (make edition's PDFs); the next
    writer removes it if this process is killed."""
    folder = docs_dir.parent / f"{PREFIX}{os.getpid()}-{purpose}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    return folder


class SourceTransaction:
    """Collects the writes and removals of one command, then makes them all at once (`commit`)."""

    def __init__(self, docs_dir: Path, command: str) -> None:
        self.docs_dir = docs_dir
        self.command = command  # how the author ran it, for the message after a kill
        self.writes: dict[str, bytes] = {}
        self.removals: list[str] = []

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.docs_dir).as_posix()

    def write(self, path: Path, data: str | bytes) -> None:
        self.writes[self._relative(path)] = data.encode("utf-8") if isinstance(data, str) else data

    def _in_docs(self, staging: Path, filename: object) -> Path:
        """The docs/ file a staged file stands for (`new/nyby/index.nn.md` -> docs/nyby/index.nn.md)."""
        path = Path(os.fsdecode(filename)) if isinstance(filename, str | bytes | Path) else staging
        for part in (NEW, OLD):
            if path.is_relative_to(staging / part):
                return self.docs_dir / path.relative_to(staging / part)
        return path

    def remove(self, path: Path) -> None:
        self.removals.append(self._relative(path))

    def commit(self) -> None:
        """Make every change, or (on any failure, and after a kill) none; raises what failed. The change
        counts as made only after `finish`: until then `undo` (or a kill) puts everything back."""
        staging = staging_folder(self.docs_dir)
        shutil.rmtree(staging, ignore_errors=True)
        target = staging
        try:
            for relative, data in self.writes.items():  # everything that needs space, before docs/ is touched
                target = staging / NEW / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(target, 0o644)
            removals = [relative for relative in self.removals if relative not in self.writes]  # else replaced
            touched = [*self.writes, *removals]
            existed = [relative for relative in touched if (self.docs_dir / relative).is_file()]
            for relative in existed:
                (staging / OLD / relative).parent.mkdir(parents=True, exist_ok=True)
                os.link(self.docs_dir / relative, staging / OLD / relative)
            folders = sorted({parent.as_posix() for relative in self.writes for parent in Path(relative).parents
                              if parent != Path(".") and not (self.docs_dir / parent).exists()})
            write_atomic(staging / JOURNAL, json.dumps({"command": self.command, "files": touched,
                                                        "existed": existed, "folders": folders}))
        except OSError as error:  # docs/ was not touched; the author knows the file by its place there
            shutil.rmtree(staging, ignore_errors=True)
            failed = self._in_docs(staging, error.filename or target)  # fsync and write name no file
            raise OSError(error.errno, error.strerror, str(failed)) from error
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)  # docs/ was not touched
            raise
        try:
            for folder in folders:
                (self.docs_dir / folder).mkdir(exist_ok=True)
            for relative in self.writes:
                os.replace(staging / NEW / relative, self.docs_dir / relative)
            for relative in removals:
                os.unlink(self.docs_dir / relative)
        except BaseException:
            put_back(staging, self.docs_dir)
            raise

    def finish(self) -> None:
        staging = staging_folder(self.docs_dir)
        (staging / JOURNAL).unlink()  # from here on the change is made
        shutil.rmtree(staging, ignore_errors=True)

    def undo(self) -> None:
        put_back(staging_folder(self.docs_dir), self.docs_dir)


def write_sources(docs_dir: Path, command: str, files: dict[Path, str]) -> None:
    """Write `files` (below `docs_dir`) as one change that a kill cannot leave half made (nor leave debris in docs/)."""
    transaction = SourceTransaction(docs_dir, command)
    for path, text in files.items():
        transaction.write(path, text)
    transaction.commit()
    transaction.finish()


def put_back(staging: Path, docs_dir: Path) -> None:
    """Undo what the journal in `staging` lists: old files back, new files and folders gone; then remove it.

    Renames and removals only (no space needed), and each step can run twice: if one fails, the journal
    stays, and the next writer's recovery finishes the undoing."""
    journal = json.loads((staging / JOURNAL).read_text(encoding="utf-8"))
    existed = set(journal["existed"])
    for relative in journal["files"]:
        if relative not in existed:
            (docs_dir / relative).unlink(missing_ok=True)
        elif (staging / OLD / relative).is_file():  # else it was put back already
            os.replace(staging / OLD / relative, docs_dir / relative)
    for folder in sorted(journal["folders"], key=len, reverse=True):  # the deepest first
        with contextlib.suppress(OSError):  # not empty: someone wrote there since; keep it
            (docs_dir / folder).rmdir()
    (staging / JOURNAL).unlink()
    shutil.rmtree(staging, ignore_errors=True)


def _pid(staging: Path) -> str:
    return staging.name.removeprefix(PREFIX).split("-", 1)[0]


def _stopped(docs_dir: Path, alive: Callable[[int], bool]) -> list[Path]:
    """The staging folders of commands that no longer run (never this process's own)."""
    return [staging for staging in sorted(docs_dir.parent.glob(f"{PREFIX}*"))
            if _pid(staging).isdigit() and int(_pid(staging)) != os.getpid() and not alive(int(_pid(staging)))]


def recover(docs_dir: Path, alive: Callable[[int], bool]) -> list[Path]:
    """Undo the changes of killed commands; returns the staging folders removed."""
    removed = []
    for staging in _stopped(docs_dir, alive):
        pid = _pid(staging)
        if (staging / JOURNAL).is_file():
            command = json.loads((staging / JOURNAL).read_text(encoding="utf-8")).get("command", "a command")
            put_back(staging, docs_dir)
            print(f"put back {docs_dir.name}/ as it was before '{command}' (process {pid}) was killed while "
                  f"writing it", file=sys.stderr, flush=True)
        shutil.rmtree(staging, ignore_errors=True)
        removed.append(staging)
    return removed


def interrupted(docs_dir: Path, root: Path, alive: Callable[[int], bool]) -> list[Finding]:
    """A finding per change a killed command left half made, until the next writer puts it back."""
    findings = []
    for staging in _stopped(docs_dir, alive):
        if (staging / JOURNAL).is_file():
            command = json.loads((staging / JOURNAL).read_text(encoding="utf-8")).get("command", "a command")
            findings.append(Finding(display_path(staging, root), 1, (
                f"'{command}' (process {_pid(staging)}) was stopped while writing {docs_dir.name}/, which is half "
                f"changed: run '{command}' again; it first puts back everything the stopped run changed")))
    return findings
