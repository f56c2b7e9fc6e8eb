"""Compiled theme templates shared by every build in a process.

MkDocs creates a new Jinja environment for each build, and compiling mkdocs-material's
templates is over half of a small site's build time. Jinja's bytecode cache keys each entry by
template name and a checksum of its source, so an edited template is compiled again.
"""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = MemoryBytecodeCache()
