"""The build's order in one place: `publisher.pipeline` holds the hook files and mkdocs.yml to it."""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path

import pytest
import yaml
from publisher.pipeline import EVENTS, SITE_BUILD, WHOLE_BUILD, priority
from publisher.pipeline.whole import STEPS

ROOT = Path(__file__).resolve().parents[1]


def hook_list() -> list[str]:
    """mkdocs.yml's `hooks:` list, as hook names (hooks/<name>.py)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return [Path(path).stem for path in config["hooks"]]


def handlers() -> dict[tuple[str, str], int]:
    """(hook, event) -> the priority MkDocs gives it, read from the loaded hook files."""
    found = {}
    for name in hook_list():
        spec = importlib.util.spec_from_file_location(f"hook_{name}", ROOT / "hooks" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for event, function in inspect.getmembers(module, inspect.isfunction):
            if event in EVENTS and function.__module__ == module.__name__:
                found[(name, event)] = getattr(function, "mkdocs_priority", 0)
    return found


def test_every_hook_handler_is_a_step_of_the_table_with_its_priority() -> None:
    assert {(s.hook, s.event): s.priority for s in SITE_BUILD} == handlers()


def test_the_table_lists_steps_in_the_order_mkdocs_runs_them() -> None:
    """By event, then priority (highest first), then the order of mkdocs.yml's hooks list."""
    order = hook_list()
    runs = sorted(SITE_BUILD, key=lambda s: (EVENTS.index(s.event), -s.priority, order.index(s.hook)))
    assert list(SITE_BUILD) == runs


def test_priority_names_a_missing_step() -> None:
    assert priority("sanitize", "on_page_content") == -100
    with pytest.raises(LookupError, match=r"has 0 steps for sanitize\.on_nav; it needs one"):
        priority("sanitize", "on_nav")


def test_the_whole_build_runs_its_steps_in_the_tables_order() -> None:
    assert list(STEPS) == list(WHOLE_BUILD)
