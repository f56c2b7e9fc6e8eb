"""The workflows fail when they should: pipefail on every piped step, README's commands, and the
check and summary steps run here against a fixture repository with a broken link."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PIPE = re.compile(r"(?<![|])\|(?![|])")  # a pipe, not `||`
COMMAND = re.compile(r"(?:^|[;&|(]\s*)(make [a-z][a-z-]*|\.ci/run)\b", re.MULTILINE)
# GitHub's shells (docs: "jobs.<job_id>.steps[*].shell"): `bash` adds pipefail, the default does not.
PIPEFAIL_SHELLS = ("bash",)
DEFAULT_SHELL = "bash -e {0}"
RUN_HERE = ("Check every reference and page", "Translation status", "Summary")  # no GitHub needed


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # bare `on` is YAML true
    return data


def run_steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any], str]]:
    """(job id, step, effective shell) of every `run:` step."""
    steps = []
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            if "run" in step:
                shell = (step.get("shell") or job.get("defaults", {}).get("run", {}).get("shell")
                         or workflow.get("defaults", {}).get("run", {}).get("shell") or DEFAULT_SHELL)
                steps.append((job_id, step, shell))
    return steps


def without_pipefail(workflow: dict[str, Any]) -> list[str]:
    return [f"{job_id}: {step.get('name', step['run'])}" for job_id, step, shell in run_steps(workflow)
            if PIPE.search(step["run"]) and shell not in PIPEFAIL_SHELLS and "pipefail" not in step["run"]]


def readme_commands() -> dict[tuple[str, str], list[str]]:
    table = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `([\w.-]+\.yml)` \| `([\w-]+)` \| (.+) \|$", line)
        if match:
            table[(match[1], match[2])] = [c.strip("`") for c in re.findall(r"`(make [a-z-]+|\.ci/run)`",
                                                                         match[3].split("(")[0])]
    return table


def test_every_piped_step_runs_with_pipefail() -> None:
    assert WORKFLOWS
    for path in WORKFLOWS:
        assert without_pipefail(load(path)) == [], path.name


def test_the_pipefail_rule_catches_the_old_workflow() -> None:
    old = {"jobs": {"build": {"steps": [{"name": "Check", "run": "make check | tee check.txt"},
                                        {"name": "Either", "run": "make check || true"}]}}}
    assert without_pipefail(old) == ["build: Check"]
    assert without_pipefail({**old, "defaults": {"run": {"shell": "bash"}}}) == []


def test_every_job_runs_in_debian_with_readmes_commands() -> None:
    table = readme_commands()
    seen = set()
    for path in WORKFLOWS:
        for job_id, job in load(path)["jobs"].items():
            commands = [c for _, step, _ in run_steps({"jobs": {job_id: job}}) for c in COMMAND.findall(step["run"])]
            if not commands:
                continue  # e.g. the deploy job: only GitHub's own action
            assert job.get("container") == "python:3.11-bookworm", (path.name, job_id)
            assert commands == table.get((path.name, job_id)), (path.name, job_id, commands)
            seen.add((path.name, job_id))
    assert seen == set(table)


def fixture_with_make(fixture_repo, broken: bool) -> Path:
    pages = {"testby/index.da.md": "---\ntitle: Forside\nowner: HR\ntopics: []\n---\n\nSe [reglerne](reglerne.md).\n"}
    root = fixture_repo(pages if broken else None)
    for name in ("Makefile", "requirements.txt", "requirements-pip.lock", "requirements.lock",
                     "requirements-properdocs.lock", "tools", ".venv", ".ci"):
        (root / name).symlink_to(ROOT / name)  # the real .venv: its .installed is newer than requirements.txt
    return root


def run_step(root: Path, workflow: str, name: str, summary: Path) -> subprocess.CompletedProcess[str]:
    steps = {step.get("name"): (step, shell) for _, step, shell in run_steps(load(ROOT / ".github/workflows" /
                                                                                  workflow))}
    step, shell = steps[name]
    assert "${{" not in step["run"], name  # runs without GitHub
    script = root / ".step.sh"
    script.write_text(step["run"], encoding="utf-8")
    command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)] if shell == "bash" else \
        ["bash", "-e", str(script)]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "GUIDE_"))}
    env.update(GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary), PYTHONPATH="")
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("broken", [True, False])
def test_pull_request_check_step_fails_on_a_broken_link(fixture_repo, tmp_path: Path, broken: bool) -> None:
    root = fixture_with_make(fixture_repo, broken)
    summary = tmp_path / "summary.md"
    results = {name: run_step(root, "pull-request.yml", name, summary) for name in RUN_HERE}
    check = results["Check every reference and page"]
    assert (check.returncode != 0) is broken, check.stdout + check.stderr
    assert [r.returncode for name, r in results.items() if name != "Check every reference and page"] == [0, 0]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Checks\n\n```\n") and "\nChecked 1 organisations, 4 pages in " in text, text
    assert "\n::" not in text  # annotations stay on the pull request, out of the summary
    link_error = "docs/testby/index.da.md:7: error: link 'reglerne.md' points to a page that does not exist"
    if broken:
        assert link_error in text and text.index("Errors (2):") > text.index("Checked 1 organisations")
        assert "::error file=docs/testby/index.da.md,line=7::" in check.stdout
    else:
        assert link_error not in text and "No errors." in text
    assert "## Translations" in text


def test_summary_step_still_writes_when_the_check_never_ran(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = run_step(tmp_path, "pull-request.yml", "Summary", summary)
    assert result.returncode == 0, result.stderr
    assert summary.read_text(encoding="utf-8") == (
        "## Checks\n\n```\n(no check output)\n```\n## Translations\n\n```\n(no translation status)\n```\n")
