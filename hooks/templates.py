"""Template filters our overrides use (localised dates)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from publisher.dates import long_date

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["guide_date"] = long_date
    return env
