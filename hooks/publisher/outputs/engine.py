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
