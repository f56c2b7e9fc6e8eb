"""Coverage of a kept document: how the editorial record accounts for sentences the pages changed."""

from __future__ import annotations

from pathlib import Path

from checking import findings
from conftest import make_repo
from publisher.model.coverage import measure, sentences
from publisher.model.organisations import load_catalogue

PAGE = ("---\ntitle: Regler\ntopics: []\n---\n\n## Formål\n\nVi skriver til alle borgere. Vi svarer hurtigt "
        "(Rapport 2018, s. 15). Vi monitorerer alle sider.\n")
EXTRACTED = ("INDHOLD\n\n1 Formål\t3\n2 Kanaler\t4\n\n1 Formål\n\nVi skriver til alle borger. Vi svarer hurtigt "
             "(Rapport 2018. s. s. 15). Vi monitorer alle sider.\n")
RECORD = """\
changes:
  - kind: artefact
    original: "INDHOLD 1 Formål 3 … 2 Kanaler 4"
    published: ""
  - kind: artefact
    original: "1 Formål / 2 Kanaler"
    published: "Formål / Kanaler"
  - kind: grammar
    page: regler
    original: "til alle borger"
    published: "til alle borgere"
  - kind: typo
    page: regler
    original: "(Rapport 2018. s. s. 15)"
    published: "(Rapport 2018, s. 15)"
"""


def _repo(tmp_path: Path, record: str = RECORD, page: str = PAGE) -> Path:
    root = make_repo(tmp_path / "repo", {"testby/regler.da.md": page})
    (root / "docs/_sources/testby").mkdir(parents=True, exist_ok=True)
    (root / "docs/_sources/testby/extracted.txt").write_text(EXTRACTED, encoding="utf-8")
    (root / "docs/_editorial").mkdir(exist_ok=True)
    (root / "docs/_editorial/testby.yml").write_text(record, encoding="utf-8")
    return root


def _dropped(root: Path) -> list[tuple[int, str]]:
    catalogue = load_catalogue(root / "docs")
    coverage = measure(catalogue, catalogue.organisation("testby"))
    assert coverage is not None
    return coverage.dropped


def test_a_number_cut_off_after_an_abbreviation_stays_with_its_sentence() -> None:
    assert sentences("Vi svarer (Rapport 2018. s. s. 15). Vi monitorer.") == [
        (1, "Vi svarer (Rapport 2018. s. s. 15)."), (1, "Vi monitorer.")]
    assert sentences("Vi svarer (s. 15). Ja.") == [(1, "Vi svarer (s. 15)."), (1, "Ja.")]
    assert sentences("Se s. 15). Ja.") == [(1, "Se s. 15)."), (1, "Ja.")]


def test_recorded_fragments_lists_and_runs_account_for_the_changed_sentences(tmp_path: Path) -> None:
    """A typo fixed inside a sentence, numbered headings recorded as a list "a / b", a printed table of
    contents recorded as a run "a … b": each sentence is accounted for, not dropped."""
    root = _repo(tmp_path)
    catalogue = load_catalogue(root / "docs")
    coverage = measure(catalogue, catalogue.organisation("testby"))
    assert coverage is not None
    assert coverage.dropped == [(8, "Vi monitorer alle sider.")]  # its change is not on record
    assert [(line, kind) for line, _, kind in coverage.recorded] == [
        (1, "artefact"), (3, "artefact"), (4, "artefact"), (6, "artefact")]
    assert [line for line, _ in coverage.carried if line == 8] == [8, 8]  # changed on record, on the page


def test_a_recorded_fragment_does_not_hide_a_sentence_the_pages_left_out(tmp_path: Path) -> None:
    """The record's change made inside the sentence must give words that stand on a page."""
    root = _repo(tmp_path, page=PAGE.replace("Vi skriver til alle borgere. ", ""))
    assert (8, "Vi skriver til alle borger.") in _dropped(root)
    assert (

        "docs/_sources/testby/extracted.txt:8: error: a sentence of the source document is on no page of "
        "'testby' and in no recorded editorial change: 'Vi skriver til alle borger.'; restore it, or record the "
        "change in docs/_editorial/testby.yml") in findings(root)


def test_a_run_whose_end_is_not_in_the_document_accounts_for_nothing_between(tmp_path: Path) -> None:
    """Only the words the record quotes count then: "INDHOLD" and "1 Formål 3", not the line after them."""
    root = _repo(tmp_path, record=RECORD.replace("… 2 Kanaler 4", "… 9 Referencer 15"))
    assert [line for line, _ in _dropped(root)] == [4, 8]
