"""`outputs.engine.load_site_config`: mkdocs.yml parsed once a process, loaded as the engine loads it."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config
from publisher.outputs import engine
from publisher.outputs.engine import load_site_config
from publisher.outputs.site_config import LANG_ENV, ORG_ENV

ROOT = Path(__file__).resolve().parents[1]


def _settings(config) -> dict:
    """What a site is built from, as plain values (plugin and hook objects differ by identity only)."""
    return {"site_name": config.site_name, "docs_dir": config.docs_dir, "site_dir": config.site_dir,
            "strict": config.strict, "extra": dict(config.extra), "extra_css": list(config.extra_css),
            "markdown_extensions": list(config.markdown_extensions), "mdx_configs": repr(config.mdx_configs),
            "plugins": list(config.plugins), "hooks": list(config.hooks), "theme": config.theme.name,
            "theme_dirs": list(config.theme.dirs), "features": list(config.theme["features"]),
            "config_file_path": config.config_file_path, "validation": repr(config.validation)}


def test_the_real_configuration_loads_as_the_engine_loads_it(monkeypatch) -> None:
    monkeypatch.setenv(ORG_ENV, "kalundborg")
    monkeypatch.setenv(LANG_ENV, "da")
    config_file = str(ROOT / "mkdocs.yml")
    expected = _settings(load_config(config_file=config_file, site_dir="/tmp/a-site", strict=True))
    for _ in range(2):  # parsed, then from the process's copy: a site's changes never reach the next site
        config = load_site_config(config_file, site_dir="/tmp/a-site", strict=True)
        assert _settings(config) == expected
        config.extra["changed_by_a_site"] = True
    assert any(key[0] == config_file for key in engine._parsed)


def test_a_file_with_an_environment_tag_is_read_for_every_site(tmp_path: Path, monkeypatch) -> None:
    config_file = tmp_path / "mkdocs.yml"
    (tmp_path / "docs").mkdir()
    config_file.write_text("site_name: !ENV [SITE_TITLE, Fallback]\n", encoding="utf-8")
    monkeypatch.setenv("SITE_TITLE", "First")
    assert load_site_config(str(config_file)).site_name == "First"
    monkeypatch.setenv("SITE_TITLE", "Second")
    assert load_site_config(str(config_file)).site_name == "Second"
    os.utime(config_file)  # a changed file is parsed again, not taken from the process's copy
    config_file.write_text("site_name: Plain\n", encoding="utf-8")
    assert load_site_config(str(config_file)).site_name == "Plain"
