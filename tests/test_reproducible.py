"""Reproducible installs: every Python package and npm package locked with hashes, Actions by commit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s\\;#]+)", re.MULTILINE)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, tuple[str, int]]:
    """package -> (version, number of hashes) from requirements.lock."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    result = {}
    for block in blocks:
        match = PIN.match(block)
        if match:
            result[_normal(match.group(1))] = (match.group(2), block.count("--hash=sha256:"))
    return result


def test_every_requirement_is_locked_at_its_pin_and_everything_has_hashes() -> None:
    lock = locked()
    wanted = {_normal(name): version for name, version in
              PIN.findall((ROOT / "requirements.txt").read_text(encoding="utf-8"))}
    assert {name: lock.get(name, ("missing", 0))[0] for name in wanted} == wanted
    assert len(lock) > len(wanted)  # the transitive packages are locked too
    assert [name for name, (_, hashes) in lock.items() if hashes == 0] == []


def test_installed_packages_are_the_locked_ones() -> None:
    from importlib.metadata import distributions

    lock = locked()
    installed = {_normal(d.metadata["Name"]): d.version for d in distributions()}
    differing = {name: (version, installed.get(name)) for name, (version, _) in lock.items()
                 if installed.get(name) != version}
    assert differing == {}, "run 'make test' from a fresh .venv: the environment is not the locked one"


def test_makefile_installs_from_the_locks_only() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    # requirements-properdocs.lock is all of requirements.lock (-r) plus the second engine, hashed.
    assert "tools/locked_venv.py $(VENV) requirements-properdocs.lock" in makefile  # --require-hashes --no-deps
    assert (ROOT / "requirements-properdocs.lock").read_text(encoding="utf-8").count("-r requirements.lock\n") == 1
    assert "-r requirements.txt" not in makefile
    assert "npm ci" in makefile and "npm install" not in makefile


def test_axe_core_is_locked_with_its_integrity() -> None:
    package = json.loads((ROOT / "tools/axe/package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "tools/axe/package-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"]["node_modules/axe-core"]
    assert entry["version"] == package["dependencies"]["axe-core"]
    assert entry["integrity"].startswith("sha512-")


def test_actions_are_pinned_by_commit() -> None:
    uses = []
    for path in sorted((ROOT / ".github/workflows").glob("*.yml")):
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values():
            uses += [step["uses"] for step in job["steps"] if "uses" in step]
    uses += re.findall(r"uses: (\S+)", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert uses and [u for u in uses if not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u)] == []
