"""Template filters our overrides use (localised dates); compiled templates and the theme's file listing
shared across builds (publisher.render.template_cache)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from publisher.model.dates import long_date
from publisher.render.template_cache import TEMPLATES, use_theme_loader

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    use_theme_loader(config.theme)
    return config


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["guide_date"] = long_date
    env.bytecode_cache = TEMPLATES  # the per-process cache outlives this build's environment
    return env
