"""Make a virtual environment from hashed locks alone, so that no release elsewhere changes or breaks it.

    python3 tools/locked_venv.py VENV LOCK [--bootstrap requirements-pip.lock]

Why each step (issue: "The two commands fail on a fresh machine"):

1. A fresh venv (`venv --clear`): nothing left over from an older lock.
2. pip and setuptools from the bootstrap lock (pinned and hashed), before anything else. The pip that
   `venv` bundles is whatever the machine's Python shipped (23.2.1 here); it resolved WeasyPrint's
   `fonttools[woff]` to the newest release on the index instead of the locked one.
3. The lock with `--no-deps --require-hashes --no-build-isolation`: pip installs exactly the files the
   lock names and resolves nothing, so a requirement with an extra cannot pull in another release.
   A package published only as source is built with the locked setuptools, never a fresh download.
4. `pip check`: every requirement of every installed package is met by what the lock installed, so a
   lock that misses a package fails here, not at run time (pip check does not follow extras: a lock
   made by `uv pip compile` from requirements.txt holds them).
5. `VENV/.installed` holds the sha256 of the locks it was made from, written last: a venv without it
   (an install that was stopped or failed) is made again from step 1.

Only the standard library: this runs before any venv exists. pip's own options and configuration
(an index mirror, PIP_FIND_LINKS, PIP_NO_INDEX) still apply; the hashes decide which file is accepted.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOOTSTRAP = ROOT / "requirements-pip.lock"
MARKER = ".installed"
PIP = ("-m", "pip", "--disable-pip-version-check")
INSTALL = (*PIP, "install", "--quiet", "--require-hashes", "--no-deps")


class InstallFailed(Exception):
    """An author-facing message: what failed and what to do."""


def locked_files(lock: Path) -> list[Path]:
    """The lock and every lock it includes with `-r`, in order."""
    files = [lock]
    for line in lock.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith(("-r ", "--requirement ")):
            files += locked_files(lock.parent / line.split(None, 1)[1])
    return files


def fingerprint(bootstrap: Path, lock: Path) -> str:
    digest = hashlib.sha256()
    for path in [bootstrap, *locked_files(lock)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def is_current(venv: Path, bootstrap: Path, lock: Path) -> bool:
    marker = venv / MARKER
    return marker.is_file() and marker.read_text(encoding="utf-8").strip() == fingerprint(bootstrap, lock)


def step(command: list[str], what: str, fix: str) -> None:
    if subprocess.run(command, check=False).returncode != 0:
        raise InstallFailed(f"{what} failed (pip's message is above). {fix}")


def install(venv: Path, lock: Path, bootstrap: Path = BOOTSTRAP) -> None:
    (venv / MARKER).unlink(missing_ok=True)
    print(f"Making {venv} from {lock.name} (pinned and hashed; about a minute) …", flush=True)
    step([sys.executable, "-m", "venv", "--clear", str(venv)], f"python3 -m venv {venv}",
         "Install Python's venv module (Debian: apt-get install python3-venv).")
    python = str(venv / "bin" / "python")
    missing = (f"Each file that {lock.name} and {bootstrap.name} name must be reachable on the package index "
               "with the listed hash; if a package was changed, refresh the locks as README's "
               "'Reproducible installs' says.")
    step([python, *INSTALL, "-r", str(bootstrap)], f"Installing pip from {bootstrap.name}", missing)
    step([python, *INSTALL, "--no-build-isolation", "-r", str(lock)], f"Installing {lock.name}", missing)
    step([python, *PIP, "check"], f"pip check after installing {lock.name}",
         f"The lock misses a package that another one requires: add it to the list {lock.name} is made from "
         "and refresh the lock.")
    (venv / MARKER).write_text(fingerprint(bootstrap, lock) + "\n", encoding="utf-8")
    print(f"{venv} is ready.", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("venv", type=Path)
    parser.add_argument("lock", type=Path)
    parser.add_argument("--bootstrap", type=Path, default=BOOTSTRAP, help="the lock of pip itself")
    parser.add_argument("--if-needed", action="store_true", help="do nothing when VENV is current")
    args = parser.parse_args(argv)
    for path in (args.lock, args.bootstrap):
        if not path.is_file():
            print(f"error: {path}: no such lock file", file=sys.stderr)
            return 2
    if args.if_needed and is_current(args.venv, args.bootstrap, args.lock):
        return 0
    try:
        install(args.venv, args.lock, args.bootstrap)
    except InstallFailed as failure:
        print(f"error: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
