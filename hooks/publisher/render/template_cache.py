"""Compiled theme templates and the theme's file listing, shared by every build in a process.

MkDocs creates a new Jinja environment for each build, and compiling mkdocs-material's
templates is over half of a small site's build time. Jinja's bytecode cache keys each entry by
template name and a checksum of its source, so an edited template is compiled again.
"""

from __future__ import annotations

import functools
import os
import sysconfig
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

if TYPE_CHECKING:
    from mkdocs.theme import Theme


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


@functools.cache
def shared_environment(folder: Path, filters: tuple[tuple[str, Callable[..., Any]], ...] = (),
                       **options: Any) -> jinja2.Environment:
    """A Jinja environment over `folder` (our overrides), made once per process for these settings.

    The generated pages (statement, about, changes) used to make one per site and compile their
    template each time. Jinja still reloads a template whose file changed (auto_reload).
    """
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), **options)
    env.filters.update(filters)
    return env


# The theme's file listing. MkDocs lists every file of every theme folder for each build to find the
# static files it copies (Files.add_files_from_theme), then drops names in dot-folders: mkdocs-material's
# 14,348 icons in .icons/, which only templates include, are 99% of the 14,509 names, and listing and
# filtering them was a quarter of MkDocs' own time per site.
_LISTINGS: dict[str, frozenset[str]] = {}
INSTALLED = Path(sysconfig.get_paths()["purelib"])  # the installed packages' folder: material's templates


def _listing(folder: str) -> frozenset[str]:
    """Template names under `folder`, without dot-files and dot-folders (MkDocs never publishes those)."""
    names = set()
    for path, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        relative = os.path.relpath(path, folder).replace(os.sep, "/")
        names.update(name if relative == "." else f"{relative}/{name}" for name in files if not name.startswith("."))
    return frozenset(names)


class ThemeLoader(jinja2.FileSystemLoader):
    """Loads templates as MkDocs' own loader does; lists them without dot-folders, and lists the folders
    of installed packages once per process (they do not change while it runs; overrides/ may, under
    `make serve`, and is listed every time)."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            if Path(folder).is_relative_to(INSTALLED):
                if folder not in _LISTINGS:
                    _LISTINGS[folder] = _listing(folder)
                found |= _LISTINGS[folder]
            else:
                found |= _listing(folder)
        return sorted(found)


def use_theme_loader(theme: Theme) -> None:
    """Make every Jinja environment of `theme` (MkDocs makes one per build) load through ThemeLoader."""
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.loader = ThemeLoader(theme.dirs)
        return env

    theme.get_env = get_env  # type: ignore[method-assign]  # this theme object only, one build's config
