"""files/history.py: when a file under docs/ last changed: its last commit, else its modification time."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from publisher.files.history import git_dates, last_changed

COMMITTED = int(dt.datetime(2024, 3, 5, 23, 30, tzinfo=dt.UTC).timestamp())
LATER = int(dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC).timestamp())
MODIFIED = int(dt.datetime(2020, 2, 2, 12, 0).timestamp())  # local time, as the file system keeps it


def git(root: Path, *args: str, when: int = COMMITTED) -> None:
    stamp = f"@{when} +0000"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": "T",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def repository(root: Path) -> Path:
    (root / "docs" / "testby").mkdir(parents=True)
    for name in ("docs/testby/a.md", "docs/testby/b.md", "README.md"):
        (root / name).write_text("x\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    (root / "docs/testby/b.md").write_text("y\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "second", when=LATER)
    return root


def test_git_dates_holds_the_last_commit_of_every_file_below_docs(tmp_path: Path) -> None:
    root = repository(tmp_path / "repo")
    assert git_dates(root) == {"docs/testby/a.md": COMMITTED, "docs/testby/b.md": LATER}


def test_last_changed_is_the_utc_date_of_the_last_commit(tmp_path: Path) -> None:
    root = repository(tmp_path / "repo")
    assert last_changed(root / "docs/testby/a.md") == dt.date(2024, 3, 5)
    assert last_changed(root / "docs" / "testby" / ".." / "testby" / "b.md") == dt.date(2025, 6, 1)


def test_a_file_git_does_not_know_has_its_modification_date(tmp_path: Path) -> None:
    root = repository(tmp_path / "repo")
    new = root / "docs/testby/new.md"
    new.write_text("z\n", encoding="utf-8")
    os.utime(new, (MODIFIED, MODIFIED))
    os.utime(root / "README.md", (MODIFIED, MODIFIED))
    assert last_changed(new) == dt.date(2020, 2, 2)
    assert last_changed(root / "README.md") == dt.date(2020, 2, 2)  # not below docs/


def test_outside_git_every_file_has_its_modification_date(tmp_path: Path) -> None:
    (tmp_path / "plain" / "docs").mkdir(parents=True)
    page = tmp_path / "plain" / "docs" / "a.md"
    page.write_text("x\n", encoding="utf-8")
    os.utime(page, (MODIFIED, MODIFIED))
    assert git_dates(tmp_path / "plain") == {}
    assert last_changed(page) == dt.date(2020, 2, 2)


def test_a_file_name_with_danish_letters_has_its_commit_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)  # the machine's own git settings play no part
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "repo"
    (root / "docs" / "testby").mkdir(parents=True)
    page = root / "docs" / "testby" / "gode-råd.da.md"
    page.write_text("x\n", encoding="utf-8")
    os.utime(page, (MODIFIED, MODIFIED))
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    assert git_dates(root) == {"docs/testby/gode-råd.da.md": COMMITTED}
    assert last_changed(page) == dt.date(2024, 3, 5)
