"""Helpers for the unit tests: the fixture repository's catalogue, loaded without a build."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURE_ORGANISATIONS, make_repo
from publisher.model.organisations import Catalogue, load_catalogue


def fixture_catalogue(root: Path, organisations: str = FIXTURE_ORGANISATIONS,
                      pages: dict[str, str] | None = None) -> Catalogue:
    """The catalogue of a fresh fixture repository at `root` (tests/conftest.py make_repo)."""
    return load_catalogue(make_repo(root, pages, organisations) / "docs")
