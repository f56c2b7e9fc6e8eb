"""The Markdown extensions and their settings: mkdocs.yml's, with this site's own.

One place sets them for the engine (hooks/organisation.py) and for everything that renders our
Markdown outside it (the PDF, the checks, the topic pages), so both render alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

PASSAGES_EXTENSION = "publisher.render.passages"


def site_extension_configs(extensions: list[Any], configs: dict[str, Any], shared_dir: Path,
                           passage_labels: Any = None, fill: Any = None) -> dict[str, Any]:
    """The declared extensions' settings with this site's own: where the snippets and wordings are, and
    how a shared passage is labelled. The one place these keys are set: the MkDocs hook
    (hooks/organisation.py) applies it to the engine's configuration, `markdown_settings` to mkdocs.yml.

    `passage_labels` (see `passage_labels.labeller`) notes each passage whose model text other bodies
    adopt too; the checks render the passages without notes (a note is generated text, not the author's).
    `fill` (`model.adopted.filler`) puts the organisation's values and changes into the model texts it
    includes.
    """
    configs = {name: dict(settings or {}) for name, settings in configs.items()}
    configs.setdefault("pymdownx.snippets", {})["base_path"] = [str(shared_dir)]
    if PASSAGES_EXTENSION in extensions:
        configs[PASSAGES_EXTENSION] = {"shared_dir": str(shared_dir), "labels": passage_labels or "",
                                         "fill": fill or ""}
    return configs


def markdown_settings(root: Path, shared_dir: Path, passage_labels: Any = None,
                      fill: Any = None) -> tuple[list[Any], dict[str, Any]]:
    """The Markdown extensions and their settings from mkdocs.yml, for what renders our Markdown outside
    the engine (the PDF, the checks, the topic pages): the same extensions as the site."""
    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    extensions = config.get("markdown_extensions") or {}
    if isinstance(extensions, list):  # mkdocs.yml may list them; ours maps them (INHERIT merges mappings)
        merged: dict[str, Any] = {}
        for item in extensions:
            merged.update(item if isinstance(item, dict) else {item: {}})
        extensions = merged
    configs = site_extension_configs(list(extensions), extensions, shared_dir, passage_labels, fill)
    configs.get("toc", {}).pop("permalink", None)  # no ¶ links: not the author's, and not for print
    return list(configs), configs
