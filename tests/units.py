"""Helpers for the unit tests: the fixture repository's catalogue, loaded without a build."""

from __future__ import annotations

import dataclasses
import string
from pathlib import Path

from conftest import FIXTURE_ORGANISATIONS, make_repo
from publisher.model.organisations import Catalogue, load_catalogue
from test_model_editions import WITHOUT_FACTS  # noqa: F401 (the fixture without document facts, for with_editions)


def fixture_catalogue(root: Path, organisations: str = FIXTURE_ORGANISATIONS,
                      pages: dict[str, str] | None = None) -> Catalogue:
    """The catalogue of a fresh fixture repository at `root` (tests/conftest.py make_repo)."""
    return load_catalogue(make_repo(root, pages, organisations) / "docs")

EDITIONS = """\
editions:
- number: 1
  recorded_on: 2024-02-01
  facts: {version: '1.0', approved_by: Byrådet, approved_on: 2024-01-31}
  note: {da: Første udgave}
- number: 2
  recorded_on: 2025-02-01
  in_force_from: 2025-03-01
  facts: {version: '2.0', approved_on: 2025-01-15}
  note: {da: Anden udgave, en: Second edition}
"""


def with_editions(root: Path, snapshots: dict[int, dict[str, str]], editions: str = EDITIONS) -> Path:
    """`root` (made with WITHOUT_FACTS) with recorded editions: `snapshots` maps an edition's number to its
    pages (`<base>.<lang>.md` -> text); its document.yml keeps the fixture's title and nav."""
    folder = root / "docs" / "_editions" / "testby"
    folder.mkdir(parents=True)
    (folder / "editions.yml").write_text(editions, encoding="utf-8")
    for number, pages in snapshots.items():
        (folder / str(number) / "pages").mkdir(parents=True)
        (folder / str(number) / "shared").mkdir()
        (folder / str(number) / "document.yml").write_text(
            "title: Testbys retningslinjer\nnav: [index.md, regler.md]\n", encoding="utf-8")
        for name, text in pages.items():
            (folder / str(number) / "pages" / name).write_text(text, encoding="utf-8")
    return root


def neutral_labels(catalogue: Catalogue) -> Catalogue:
    """`catalogue` with every interface label of docs/languages.yml written as `[key]` followed by its
    placeholders (`[model_text_more] {name} {count}`), so a test of what a template or a function
    does with labels does not depend on their wording."""
    def neutral(key: str, text: str) -> str:
        fields = dict.fromkeys(name for _, name, _, _ in string.Formatter().parse(text) if name)
        return " ".join([f"[{key}]", *(f"{{{name}}}" for name in fields)])

    languages = {code: dataclasses.replace(language, labels={key: neutral(key, text)
                                                             for key, text in language.labels.items()})
                 for code, language in catalogue.languages.items()}
    return dataclasses.replace(catalogue, languages=languages)
