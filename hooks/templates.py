"""Template filters our overrides use (localised dates), and compiled templates shared across builds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from publisher.model.dates import long_date
from publisher.render.template_cache import TEMPLATES

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["guide_date"] = long_date
    env.bytecode_cache = TEMPLATES  # the per-process cache outlives this build's environment
    return env
