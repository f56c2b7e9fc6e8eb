"""One build at a time per output folder, and no debris from builds that died.

`make site` and `make pdf` hold `site.lock` (beside `site/`) while they write: a second build
in the same checkout waits for the first (or, with GUIDE_BUILD_WAIT=0, refuses at once with
the other process's id). Whoever holds the lock removes staging folders left by processes that
no longer run (`site.staging-<pid>/` of a killed build).
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

WAIT_ENV = "GUIDE_BUILD_WAIT"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def remove_stale_staging(out: Path) -> list[Path]:
    """Remove `<out>.staging-<pid>` folders whose process is gone; returns what was removed."""
    removed = []
    for folder in sorted(out.parent.glob(f"{out.name}.staging-*")):
        pid = folder.name.rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextlib.contextmanager
def build_lock(out: Path, wait: bool | None = None) -> Iterator[None]:
    """Hold the lock of `out` while the body writes it; clean up after dead builds first."""
    if wait is None:
        wait = os.environ.get(WAIT_ENV, "1") != "0"
    out.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out.parent / f"{out.name}.lock"
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode(errors="replace").strip() or "unknown"
            if not wait:
                raise PublisherError([Finding(lock_path.name, 1, (
                    f"another build (process {holder}) is writing {out.name}/ in this checkout; wait until it "
                    f"has finished and run the command again"))]) from None
            print(f"waiting for another build (process {holder}) to finish writing {out.name}/ ...",
                  file=sys.stderr, flush=True)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, str(os.getpid()).encode(), 0)
        remove_stale_staging(out)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, 0)
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)
