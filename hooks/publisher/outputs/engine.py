"""Which engine builds the sites: MkDocs (the default) or ProperDocs, chosen once per process.

ProperDocs is a fork of MkDocs 1.6.1 kept by former MkDocs maintainers, for when MkDocs 1.x no
longer installs or needs a fix. It is installed beside mkdocs (mkdocs-material requires mkdocs).
Importing `properdocs.replacement` makes every later `mkdocs.*` import load the matching
`properdocs.*` module, so our hooks, mkdocs-material and mkdocs-static-i18n run unchanged. That
only works before anything has imported MkDocs: choose the engine first thing in the process.
Worker processes forked from it inherit the choice.
"""

from __future__ import annotations

import importlib
import io
import logging
import os
import sys
from collections.abc import Mapping

ENGINE_ENV = "GUIDE_ARG_ENGINE"  # `make site ENGINE=properdocs` passes it, as typed
ENGINES = ("mkdocs", "properdocs")
DEFAULT = "mkdocs"


class EngineError(Exception):
    """The engine asked for cannot be used; the message says what to do."""


def engine_name(environ: Mapping[str, str]) -> str:
    """The engine named by ENGINE= (default mkdocs); an unknown name is an error that lists the choices."""
    name = environ.get(ENGINE_ENV, "").strip() or DEFAULT
    if name not in ENGINES:
        raise EngineError(f"ENGINE={name} is not an engine the sites are built with; "
                          f"use one of: {', '.join(ENGINES)} (default {DEFAULT})")
    return name


def use_engine(environ: Mapping[str, str] | None = None) -> str:
    """Make the engine named in the environment the one every `mkdocs.*` import loads; returns its name."""
    name = engine_name(os.environ if environ is None else environ)
    loaded = sys.modules.get("mkdocs")
    if loaded is not None and loaded.__name__ != name:
        raise EngineError(f"ENGINE={name}, but this process has loaded {loaded.__name__} already: "
                          "choose the engine before anything imports MkDocs ('python -m publisher' does)")
    if name == "properdocs":
        try:
            importlib.import_module("properdocs.replacement")
        except ImportError:
            raise EngineError("ENGINE=properdocs but ProperDocs is not installed; "
                              "install requirements-properdocs.txt (make does) and try again") from None
        # As the `properdocs` command does: what is logged under the legacy `mkdocs.*` names
        # (mkdocs-material does) reaches `properdocs`, which reports it and counts warnings for
        # strict mode. Without this, a plugin's warning would not stop a ProperDocs build.
        legacy = logging.getLogger("mkdocs")
        legacy.parent = logging.getLogger("properdocs")
        legacy.propagate = True
    os.environ[ENGINE_ENV] = name  # worker processes and the inputs hash see the same choice
    return name



def engine_logger() -> logging.Logger:
    """The top of the engine's logger tree: where it reports, and counts warnings for strict mode."""
    import mkdocs  # not at the top: use_engine must run before the first import of MkDocs

    return logging.getLogger(mkdocs.__name__)  # "properdocs" when ProperDocs was chosen


# Tags whose value depends on more than the file's text (the environment, the config being loaded): a file that
# uses one is read afresh for every site, never from `_parsed`.
_CONTEXT_TAGS = ("!ENV", "!relative")
_parsed: dict[tuple[str, int, int], dict] = {}


def load_site_config(config_file: str, **options: object):  # -> MkDocsConfig (the engine is imported late)
    """The engine's `load_config(config_file, **options)`, with the file's YAML parsed once per process.

    A worker builds many sites from one mkdocs.yml; parsing it was some 5% of a site's CPU. The parsed
    mapping is kept per (path, modification time, size) and each site loads a deep copy of it, as options
    over an empty file, exactly as the engine would load the file itself (the file sets no key to null,
    which the engine would drop from options: then, and with context-dependent tags, the file is read as usual).
    """
    import copy

    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    stat = os.stat(config_file)
    key = (os.path.abspath(config_file), stat.st_mtime_ns, stat.st_size)
    if key not in _parsed:
        with open(config_file, "rb") as handle:
            text = handle.read()
        parsed = yaml_load(text) if not any(tag.encode() in text for tag in _CONTEXT_TAGS) else None
        usable = isinstance(parsed, dict) and None not in parsed.values() and "INHERIT" not in parsed
        _parsed.clear()  # one file a process at a time: a changed file replaces the old entry
        _parsed[key] = parsed if usable else {}
    if not _parsed[key]:
        return load_config(config_file=config_file, **options)
    return load_config(config_file=io.BytesIO(b"{}"), config_file_path=key[0],
                       **{**copy.deepcopy(_parsed[key]), **options})
