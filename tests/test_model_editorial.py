"""model/editorial.py: docs/_editorial/<org>.yml read into recorded changes, each problem at its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from checking import errors
from publisher.files.findings import Finding
from publisher.model.editorial import (
    EditorialChange,
    EditorialRecord,
    SiteRecord,
    editorial_path,
    load_editorial,
)
from publisher.model.languages import CHANGE_KINDS
from publisher.model.organisations import Catalogue
from units import fixture_catalogue

SHOWN = "docs/_editorial/testby.yml"


@pytest.fixture
def catalogue(tmp_path: Path) -> Catalogue:
    return fixture_catalogue(tmp_path / "repo")


def record(catalogue: Catalogue, text: str) -> EditorialRecord:
    path = editorial_path(catalogue, "testby")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_editorial(catalogue, "testby")


def messages(result: EditorialRecord) -> list[str]:
    return [str(finding) for finding in result.findings]


def test_no_file_means_no_changes(catalogue: Catalogue) -> None:
    assert editorial_path(catalogue, "testby") == catalogue.docs_dir / "_editorial" / "testby.yml"
    assert load_editorial(catalogue, "testby") == EditorialRecord("testby", SHOWN, ())


def test_changes_are_read_with_their_lines_and_stripped_text(catalogue: Catalogue) -> None:
    result = record(catalogue, "changes:\n  - kind: typo\n    page: regler\n    original: ' Hold taet. '\n"
                               "    published: Hold tæt.\n  - kind: moved\n    original: Godkendt af Byrådet.\n")
    assert result.findings == ()
    assert result.changes == (EditorialChange("typo", "regler", "Hold taet.", "Hold tæt.", 2),
                              EditorialChange("moved", None, "Godkendt af Byrådet.", "", 6))
    assert [change.label_key for change in result.changes] == ["change_typo", "change_moved"]


def test_invalid_yaml_is_passed_on_as_findings(catalogue: Catalogue) -> None:
    assert messages(record(catalogue, "changes: [\n")) == [
        f"{SHOWN}:2: error: invalid YAML: did not find expected node content; check indentation, colons and quotes"]


def test_a_file_without_a_list_of_changes(catalogue: Catalogue) -> None:
    assert record(catalogue, "changes: none\n") == EditorialRecord("testby", SHOWN, (), (
        Finding(SHOWN, 1, "expected 'changes:' with a list of changes (kind, page, original, published)"),))


def test_every_bad_change_is_reported_at_its_line_and_left_out(catalogue: Catalogue) -> None:
    result = record(catalogue, "changes:\n  - typo\n  - kind: typos\n    original: a\n"
                               "  - kind: typo\n    page: reglerne\n    original: a\n"
                               "  - kind: typo\n    page: [regler]\n    original: a\n"
                               "  - kind: title\n    original: ' '\n"
                               "  - kind: title\n    original: 3\n"
                               "  - kind: heading\n    published: Ny\n    note: x\n    why: y\n")
    assert messages(result) == [
        f"{SHOWN}:2: error: each change is a mapping with kind, page, original, published",
        f"{SHOWN}:3: error: 'kind' must be one of {', '.join(CHANGE_KINDS)}, not 'typos'",
        f"{SHOWN}:6: error: 'page' must be the base name of a page of 'testby' (e.g. 'index'), not 'reglerne'; "
        "leave it out for a change to the whole document",
        f"{SHOWN}:9: error: 'page' must be the base name of a page of 'testby' (e.g. 'index'), not ['regler']; "
        "leave it out for a change to the whole document",
        f"{SHOWN}:11: error: a change needs 'original' (the source's words) and/or 'published' (the site's words), "
        "as quoted text",
        f"{SHOWN}:13: error: a change needs 'original' (the source's words) and/or 'published' (the site's words), "
        "as quoted text",
        f"{SHOWN}:15: error: unknown key(s) note, why; a change has kind, page, original, published and explain",
    ]
    assert result.changes == (EditorialChange("heading", None, "", "Ny", 15),)  # unknown keys only warn of typos


def test_a_page_is_one_in_the_source_language(catalogue: Catalogue) -> None:
    (catalogue.org_dir("testby") / "kun-engelsk.en.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    assert messages(record(catalogue, "changes:\n  - kind: typo\n    page: kun-engelsk\n    original: a\n")) == [
        f"{SHOWN}:3: error: 'page' must be the base name of a page of 'testby' (e.g. 'index'), not 'kun-engelsk'; "
        "leave it out for a change to the whole document"]


def test_a_page_is_a_base_name_not_a_path(catalogue: Catalogue) -> None:
    result = record(catalogue, "changes:\n  - kind: typo\n    page: ../_shared/confidentiality/testby\n"
                               "    original: a\n")
    assert messages(result) == [
        f"{SHOWN}:3: error: 'page' must be the base name of a page of 'testby' (e.g. 'index'), not "
        "'../_shared/confidentiality/testby'; leave it out for a change to the whole document"]


def test_an_editorial_explanation_must_be_in_every_language_of_the_organisation(fixture_repo) -> None:
    root = fixture_repo()
    (root / "docs/_editorial").mkdir(exist_ok=True)
    (root / "docs/_editorial/testby.yml").write_text(
        "changes:\n  - kind: artefact\n    page: regler\n    original: \"Side 2\"\n    published: \"\"\n"
        "    explain: {da: sidetal}\n", encoding="utf-8")
    assert errors(root) == [
        "docs/_editorial/testby.yml:6: error: 'explain' must say what the editor did in every language of 'testby' "
        "(da, en); missing: en"]


RECORDS = ("changes: []\nrecords:\n  - date: 2026-12-06\n    text:\n      da: Udgave 1  registreret på ny.\n"
           "      en: Edition 1 recorded again.\n")


def test_records_are_read_with_their_date_and_text_in_every_language(catalogue: Catalogue) -> None:
    result = record(catalogue, RECORDS)
    assert result.findings == ()
    assert result.records == (SiteRecord(dt.date(2026, 12, 6), {"da": "Udgave 1 registreret på ny.",
                                                                 "en": "Edition 1 recorded again."}, 3),)


@pytest.mark.parametrize(("text", "expected"), [
    (RECORDS.replace("      en: Edition 1 recorded again.\n", ""),
     f"{SHOWN}:4: error: 'text' must say what the editors did in every language of 'testby' (da, en); missing: en"),
    (RECORDS.replace("date: 2026-12-06", "date: 6. december 2026"),
     f"{SHOWN}:3: error: a record is {{date: YYYY-MM-DD, text: {{<language>: ...}}}}: the date the editors did it "
     f"and what they did, in every language"),
    (RECORDS.replace("date: 2026-12-06", "on: 2026-12-06"),  # YAML reads a bare `on` as true
     f"{SHOWN}:3: error: a record is {{date: YYYY-MM-DD, text: {{<language>: ...}}}}: the date the editors did it "
     f"and what they did, in every language"),
    ("changes: []\nrecords: Udgave 1 registreret på ny.\n",
     f"{SHOWN}:2: error: 'records' must be a list of {{date: YYYY-MM-DD, text: {{<language>: ...}}}}"),
])
def test_a_record_without_its_date_or_a_language_is_refused_at_its_line(catalogue: Catalogue, text: str,
                                                                         expected: str) -> None:
    result = record(catalogue, text)
    assert messages(result) == [expected]
    assert result.records == ()
