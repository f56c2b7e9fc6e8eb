"""model/edition_records.py: docs/_editions/<org>/editions.yml read into editions, each problem at its line."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from types import SimpleNamespace

from publisher.files.yamlsource import load_located
from publisher.model.document_facts import Fact
from publisher.model.edition_records import (
    Edition,
    editions_folder,
    editions_stamps,
    parse_editions,
    with_editions,
)
from units import fixture_catalogue

SHOWN = "docs/_editions/testby/editions.yml"
ORG = SimpleNamespace(id="testby", languages=("da", "en"), source_language="da")
FIRST = "  - number: 1\n    recorded_on: 2024-02-01\n    facts: {version: '1.0', approved_on: 2024-01-31}\n" \
        "    note: {da: Første udgave}\n"


def parse(text: str) -> tuple[list[Edition], list[str]]:
    located = load_located(text, SHOWN)
    editions, findings = parse_editions(located.data, ORG, located.path, located.line)
    return editions, [str(finding) for finding in findings]


def test_two_editions_in_force_only_where_given() -> None:
    """No in-force date is derived from an approval (issue 23): edition 1 states none, so it has none."""
    editions, findings = parse("editions:\n" + FIRST + "  - number: 2\n    recorded_on: 2025-02-01\n"
                               "    in_force_from: 2025-03-01\n    facts: {edition: '2.'}\n"
                               "    note: {da: ' Anden ', en: Second}\n")
    assert findings == []
    assert editions == [
        Edition(1, dt.date(2024, 2, 1), None,
                (Fact("version", "1.0"), Fact("approved_on", dt.date(2024, 1, 31))), {"da": "Første udgave"}),
        Edition(2, dt.date(2025, 2, 1), dt.date(2025, 3, 1), (Fact("edition", "2."),), {"da": "Anden", "en": "Second"}),
    ]
    assert [edition.line for edition in editions] == [2, 6]


def test_an_edition_names_itself_by_version_then_edition_then_number() -> None:
    day = dt.date(2024, 1, 1)
    both = Edition(3, day, day, (Fact("edition", "2."), Fact("version", "1.0")), {})
    assert (both.name, both.anchor, both.fact("edition"), both.fact("approved_by")) == ("1.0", "edition-3", "2.", None)
    assert Edition(3, day, day, (Fact("edition", "2."),), {}).name == "2."
    assert Edition(3, day, day, (), {}).name == "3"


def test_is_approved_needs_an_approval_fact() -> None:
    day = dt.date(2024, 1, 1)
    assert Edition(1, day, day, (Fact("adopted_by", "Byrådet"),), {}).is_approved
    assert not Edition(1, day, day, (Fact("version", "1.0"), Fact("document_date", day)), {}).is_approved


def test_note_in_falls_back_to_the_source_language() -> None:
    day = dt.date(2024, 1, 1)
    edition = Edition(1, day, day, (), {"da": "Ny", "en": ""})
    assert edition.note_in("en", "da") == ("Ny", "da")
    assert edition.note_in("da", "da") == ("Ny", "da")
    assert Edition(1, day, day, (), {}).note_in("en", "da") is None


def test_a_file_without_editions() -> None:
    assert parse("x: 1\n") == ([], [
        f"{SHOWN}:1: error: expected 'editions:' with a list of editions (number, recorded_on, in_force_from, facts, "
        "note); 'make edition' writes them"])
    assert parse("editions: []\n")[1] == parse("x: 1\n")[1]


def test_every_malformed_key_of_an_entry_is_reported_at_its_line() -> None:
    editions, findings = parse("editions:\n  - 3\n  - number: 3\n    recorded_on: 2024\n    facts: [a]\n"
                               "    in_force_from: soon\n    note: {da: ''}\n    extra: 1\n    also: 2\n")
    assert editions == []
    assert findings == [
        f"{SHOWN}:2: error: each edition is a mapping with number, recorded_on, in_force_from, facts and note",
        f"{SHOWN}:3: error: unknown key(s) also, extra; an edition has number, recorded_on, in_force_from, facts, "
        "facts_translated, said, note",
        f"{SHOWN}:3: error: edition 2 must say 'number: 2' (editions are numbered 1, 2, 3 … in order)",
        f"{SHOWN}:4: error: 'recorded_on' must be a date written YYYY-MM-DD",
        f"{SHOWN}:5: error: 'facts' must be a mapping of the facts the approval states (e.g. approved_by, "
        "approved_on)",
        f"{SHOWN}:6: error: 'in_force_from' must be a date written YYYY-MM-DD",
        f"{SHOWN}:7: error: 'note' must map languages to a short change note, e.g. {{da: \"...\"}}"]


def test_number_true_is_not_one() -> None:
    assert parse("editions:\n  - number: true\n    recorded_on: 2024-02-01\n    note: {da: a}\n") == ([], [
        f"{SHOWN}:2: error: edition 1 must say 'number: 1' (editions are numbered 1, 2, 3 … in order)"])


def test_facts_and_notes_follow_the_field_rules() -> None:
    editions, findings = parse("editions:\n  - number: 1\n    recorded_on: 2024-02-01\n    facts:\n"
                               "      version: ../x\n      approved_by: 'A &amp; B'\n      approved_on: x\n"
                               "    note:\n      en: Fine\n      sv: Bra\n      de: '<b>'\n")
    assert editions == []
    assert findings == [  # in the order they are found: each fact's type, then the field rules, then the notes
        f"{SHOWN}:7: error: 'approved_on' must be a date written YYYY-MM-DD",
        f"{SHOWN}:5: error: 'version' reads as a file path, not a version; write it as the document prints it, "
        "e.g. 2.0",
        f"{SHOWN}:6: error: 'approved_by' contains '&' directly before a letter or '#', which a browser reads as a "
        "character reference; write the character itself, or put a space after '&'",
        f"{SHOWN}:10: error: 'note' is written in 'sv', which is not a language of 'testby' (da, en); write the "
        "note in those, or remove it",
        f"{SHOWN}:11: error: 'note' is written in 'de', which is not a language of 'testby' (da, en); write the "
        "note in those, or remove it",
        f"{SHOWN}:11: error: 'note' in 'de' contains '<' or '>', which a browser reads as markup; write the text "
        "without them",
        f"{SHOWN}:8: error: 'note' needs a change note in da, the language the guideline is written in"]


def test_editions_follow_each_other_in_time() -> None:
    editions, findings = parse("editions:\n  - number: 1\n    recorded_on: 2024-02-01\n    in_force_from: 2024-05-01\n"
                               "    note: {da: a}\n  - number: 2\n    recorded_on: 2024-03-01\n"
                               "    facts: {adopted_on: 2024-04-01}\n    note: {da: b}\n")
    assert [edition.number for edition in editions] == [1]
    # An adoption date is no in-force date: edition 2 begins when it was recorded.
    assert findings == [f"{SHOWN}:7: error: edition 2 begins on 2024-03-01, before edition 1 (2024-05-01); "
                        "editions follow each other in time"]


def write_editions(docs: Path, text: str) -> Path:
    folder = editions_folder(docs, "testby")
    folder.mkdir(parents=True)
    (folder / "editions.yml").write_text(text, encoding="utf-8")
    return folder / "editions.yml"


def test_with_editions_gives_the_latest_editions_facts_to_the_document(tmp_path: Path) -> None:
    catalogue = fixture_catalogue(tmp_path / "repo")
    org = catalogue.organisations["testby"]
    assert with_editions(catalogue.docs_dir, org, []) is org  # no editions file
    write_editions(catalogue.docs_dir, "editions:\n" + FIRST)
    bare = dataclasses.replace(org, document=dataclasses.replace(org.document, facts=()))
    findings: list = []
    recorded = with_editions(catalogue.docs_dir, bare, findings)
    assert findings == []
    assert recorded.document.facts == (Fact("version", "1.0"), Fact("approved_on", dt.date(2024, 1, 31)))
    assert [edition.number for edition in recorded.editions] == [1]
    assert recorded.document.title == org.document.title


def test_with_editions_refuses_facts_typed_in_both_places(tmp_path: Path) -> None:
    catalogue = fixture_catalogue(tmp_path / "repo")
    org = catalogue.organisations["testby"]  # the fixture's document states version, approved_by and approved_on
    write_editions(catalogue.docs_dir, "editions:\n" + FIRST)
    findings: list = []
    assert with_editions(catalogue.docs_dir, org, findings) is org
    assert [str(finding) for finding in findings] == [
        f"docs/organisations.yml:{org.line}: error: organisation 'testby' has recorded editions, so its facts come "
        f"from the latest edition in {SHOWN}; remove version, approved_by, approved_on from its 'document' "
        "(a fact typed twice can disagree)"]


def test_with_editions_passes_on_the_files_findings(tmp_path: Path) -> None:
    catalogue = fixture_catalogue(tmp_path / "repo")
    org = catalogue.organisations["testby"]
    write_editions(catalogue.docs_dir, "editions: x\n")
    findings: list = []
    assert with_editions(catalogue.docs_dir, org, findings) is org
    assert [finding.path for finding in findings] == [SHOWN]


def test_editions_stamps_change_with_the_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert editions_stamps(docs) == ()
    path = write_editions(docs, "editions:\n" + FIRST)
    before = editions_stamps(docs)
    assert [stamp[0] for stamp in before] == ["testby"]
    path.write_text("editions:\n" + FIRST + "\n", encoding="utf-8")
    assert editions_stamps(docs) != before
