"""Tiny wheels built in a test, for installs that reach no index."""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(folder: Path, name: str, version: str, requires: tuple[str, ...] = (),
                extras: tuple[str, ...] = ()) -> Path:
    """A pure-Python wheel of one empty module, with the given Requires-Dist and Provides-Extra lines."""
    info = f"{name}-{version}.dist-info"
    metadata = "\n".join(["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}",
                          *(f"Provides-Extra: {extra}" for extra in extras),
                          *(f"Requires-Dist: {req}" for req in requires)]) + "\n"
    files = {f"{name}.py": b"", f"{info}/METADATA": metadata.encode(),
             f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    record = [_record_line(path, data) for path, data in files.items()] + [f"{info}/RECORD,,"]
    files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    path = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in files.items():
            archive.writestr(zipfile.ZipInfo(member, date_time=(2026, 1, 1, 0, 0, 0)), data)
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lock_line(name: str, version: str, *files: Path) -> str:
    hashes = "".join(f" \\\n    --hash=sha256:{sha256(f)}" for f in files)
    return f"{name}=={version}{hashes}\n"
