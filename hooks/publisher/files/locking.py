"""One writer at a time, and no debris from writers that died.

`make site` and `make pdf` hold `site.lock` (beside `site/`) while they write: a second build
in the same checkout waits for the first (or, with GUIDE_BUILD_WAIT=0, refuses at once with
the other process's id). Whoever holds the lock removes staging folders left by processes that
no longer run (`site.staging-<pid>/` of a killed build), after putting back the previous output a
build was killed while replacing (swap.py).

The commands that write sources (new-org, import, addresses, edition, translations MARK=) hold
`docs/.sources.lock` the same way, and read what they change only once they hold it: two of them
run one after the other, never over each other's edits. Its holder removes the staging folders of
killed `make new-org` runs (`docs/.new-org-<id>-<pid>-*`).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from .findings import Finding, PublisherError
from .source_transaction import recover as recover_sources
from .swap import recover

WAIT_ENV = "GUIDE_BUILD_WAIT"


def alive(pid: int) -> bool:
    """Whether process `pid` runs (a staging folder named after it is still in use)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def _dead(pid: str) -> bool:
    """True when `pid` names a process that no longer runs (never this one)."""
    return pid.isdigit() and int(pid) != os.getpid() and not alive(int(pid))


def remove_stale_staging(out: Path) -> list[Path]:
    """Remove `<out>.staging-<pid>` folders whose process is gone; returns what was removed.

    A process killed while it replaced `out` left the previous output in its staging folder: that is
    put back first (swap.recover), never deleted with the rest.
    """
    removed = []
    for folder in sorted(out.parent.glob(f"{out.name}.staging-*")):
        pid = folder.name.rsplit("-", 1)[-1]
        if _dead(pid):
            if recover(folder, out):
                print(f"put back the previous {out.name}/ that a build (process {pid}) was killed while "
                      f"replacing", file=sys.stderr, flush=True)
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def remove_stale_new_org(docs_dir: Path) -> list[Path]:
    """Remove `.new-org-<id>-<pid>-<random>` folders whose process is gone; returns what was removed."""
    removed = []
    for folder in sorted(docs_dir.glob(".new-org-*-*-*")):
        if folder.is_dir() and not folder.is_symlink() and _dead(folder.name.rsplit("-", 2)[1]):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextlib.contextmanager
def _exclusive(lock_path: Path, shown: str, who: str, what: str, wait: bool | None) -> Iterator[None]:
    """Hold `lock_path` (flock): wait for its holder, or refuse at once when `wait` is off."""
    if wait is None:
        wait = os.environ.get(WAIT_ENV, "1") != "0"
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode(errors="replace").strip() or "unknown"
            if not wait:
                raise PublisherError([Finding(shown, 1, (
                    f"another {who} (process {holder}) is writing {what} in this checkout; wait until it "
                    f"has finished and run the command again"))]) from None
            print(f"waiting for another {who} (process {holder}) to finish writing {what} ...",
                  file=sys.stderr, flush=True)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, str(os.getpid()).encode(), 0)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, 0)
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)


@contextlib.contextmanager
def build_lock(out: Path, wait: bool | None = None) -> Iterator[None]:
    """Hold the lock of `out` while the body writes it; clean up after dead builds first."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out.parent / f"{out.name}.lock"
    with _exclusive(lock_path, lock_path.name, "build", f"{out.name}/", wait):
        remove_stale_staging(out)
        yield


SOURCES_LOCK = ".sources.lock"


@contextlib.contextmanager
def source_lock(docs_dir: Path, wait: bool | None = None) -> Iterator[None]:
    """Hold `docs/.sources.lock` while a command reads and writes sources; read them inside, not before."""
    with _exclusive(docs_dir / SOURCES_LOCK, f"{docs_dir.name}/{SOURCES_LOCK}", "command that writes sources",
                    f"{docs_dir.name}/", wait):
        remove_stale_new_org(docs_dir)
        recover_sources(docs_dir, alive)  # a killed make import's half-made change, put back (source_transaction.py)
        yield
