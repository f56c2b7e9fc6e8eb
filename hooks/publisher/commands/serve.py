"""Live preview of one organisation site in one language (`make serve`): see publisher.commands.preview."""

from __future__ import annotations

from pathlib import Path

from . import preview


def serve(root: Path, org_id: str | None, language: str | None, addr: str | None = None) -> int:
    """`addr` is host:port; without it, 127.0.0.1 and the port from PORT (default 8000)."""
    if not addr:
        return preview.serve(root, org_id, language)
    host, _, port = addr.rpartition(":")
    return preview.serve(root, org_id, language, host or "127.0.0.1", int(port))
