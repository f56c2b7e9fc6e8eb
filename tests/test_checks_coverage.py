"""Coverage both ways (checks/coverage.py, model/coverage.py): every sentence of an organisation's document on
its pages, and every sentence of its pages in its document, or accounted for in its editorial record."""

from __future__ import annotations

from pathlib import Path

from publisher.checks import check_all
from publisher.model.organisations import load_catalogue

DOCUMENT = ("Forside\nHer er vi. Se de nye regler her.\nRegler\nTavshedspligt\nHold tæt.\n"
            "Testbys tekst om tavshed.\nVi svarer inden fem dage.\n")
WORDING = "Testbys tekst om tavshed.\n\nVi svarer inden fem dage.\n"
RECORD = "docs/_editorial/testby.yml"
INDEX = "---\ntitle: Forside\n---\n\nHer er vi. Se de nye regler her.\n\nVi elsker sociale medier.\n"


def coverage_findings(root: Path) -> list[str]:
    report = check_all(load_catalogue(root / "docs"))
    return [str(f) for f in report.findings if "source document" in f.message]


def site(fixture_repo, pages: dict[str, str] | None = None) -> Path:
    files = {"_sources/testby/extracted.txt": DOCUMENT, "_shared/confidentiality/testby.da.md": WORDING}
    return fixture_repo(pages={**files, **(pages or {})})


def not_in_document(where: str, sentence: str) -> str:
    return (f"{where}: error: a sentence on this page is not in the source document of 'testby' "
            f"(docs/_sources/testby/extracted.txt) nor in a recorded editorial change: {sentence!r}; write it as the "
            f"document does, or record the change in {RECORD}")


def test_pages_that_say_what_the_document_says_have_no_finding(fixture_repo) -> None:
    assert coverage_findings(site(fixture_repo)) == []


def test_a_sentence_on_a_page_not_in_the_document(fixture_repo) -> None:
    root = site(fixture_repo, {"testby/index.da.md": INDEX})
    assert coverage_findings(root) == [not_in_document("docs/testby/index.da.md:7", "Vi elsker sociale medier.")]


def test_a_sentence_added_on_record_is_accounted_for(fixture_repo) -> None:
    record = ("changes:\n  - kind: summary\n    page: index\n    original: \"\"\n"
              "    published: \"Vi elsker sociale medier.\"\n")
    root = site(fixture_repo, {"testby/index.da.md": INDEX, "_editorial/testby.yml": record})
    assert coverage_findings(root) == []


MODEL = "[[by:genitiv]] tekst om tavshed.\n\nVi svarer inden to dage.\n"
ADOPTED = "docs/_adopted/testby.yml"


def adopted(language: str, *changes: str) -> str:
    """Testby's values and changes for the model text its rules page includes, under `language`."""
    listed = "".join(f"\n      - {change}" for change in changes)
    return (f"confidentiality/testby:\n  {language}:\n    values: {{\"by:genitiv\": Testbys}}\n"
            f"    changes:{listed or ' []'}\n")


FEM = "{replace: \"Vi svarer inden to dage.\", with: \"Vi svarer inden fem dage.\"}"


def test_a_model_text_with_the_adopters_values_and_change_is_its_document(fixture_repo) -> None:
    root = site(fixture_repo, {"_shared/confidentiality/testby.da.md": MODEL,
                               "_adopted/testby.yml": adopted("da", FEM)})
    assert coverage_findings(root) == []


def test_a_change_recorded_but_not_applied(fixture_repo) -> None:
    """The change is recorded for the English page, not the Danish one that says the model text: the page says
    'to dage' at the include's line, which the document does not, and the document's 'fem dage' is on no page."""
    root = site(fixture_repo, {"_shared/confidentiality/testby.da.md": MODEL,
                               "_adopted/testby.yml": adopted("da") + adopted("en", FEM).split("\n", 1)[1]})
    assert coverage_findings(root) == [
        "docs/_sources/testby/extracted.txt:7: error: a sentence of the source document is on no page of 'testby' "
        "and in no recorded editorial change: 'Vi svarer inden fem dage.'; restore it, or record the change in "
        f"{RECORD}",
        not_in_document("docs/testby/regler.da.md:12", "Vi svarer inden to dage."),
    ]


def test_a_change_applied_twice(fixture_repo) -> None:
    """The change is right, and a sentence is added after it twice: the second time is more than the document
    says, at the include's line."""
    twice = "{add_after: \"Vi svarer inden to dage.\", text: \"Vi svarer inden fem dage.\"}"
    root = site(fixture_repo, {"_shared/confidentiality/testby.da.md": MODEL,
                               "_adopted/testby.yml": adopted("da", "{remove: \"Vi svarer inden to dage.\"}", twice,
                                                              twice)})
    assert coverage_findings(root) == [
        "docs/testby/regler.da.md:12: error: a sentence on this page is said 2 or more times on the pages of "
        "'testby' but only 1 time(s) in its source document (docs/_sources/testby/extracted.txt): 'Vi svarer inden "
        "fem dage.'; remove the repeat (a change applied twice?)"]


def test_a_typo_fixed_on_record_is_the_same_sentence_both_ways(fixture_repo) -> None:
    record = "changes:\n  - kind: typo\n    page: regler\n    original: Hold tæt\n    published: Hold helt tæt\n"
    regler = ("---\ntitle: Regler\ntopics: [confidentiality]\n---\n\n## Tavshedspligt {#tavshed}\n\nHold helt tæt.\n\n"
              "--8<-- \"confidentiality/testby.da.md\"\n")
    root = site(fixture_repo, {"testby/regler.da.md": regler, "_editorial/testby.yml": record})
    assert coverage_findings(root) == []
    assert check_all(load_catalogue(root / "docs")).coverage == [
        "testby: the pages carry 8 of the document's 8 sentences (100.0%); 0 left out without a record; 0 on a page "
        "but not in the document"]


def test_a_summary_added_on_record_as_first_and_last_accounts_for_the_items_between(fixture_repo) -> None:
    """The start page lists the pages as links, which the document does not: the record names the list by its
    first and last item. Without the record, "Indhold" and the headings said a second time are findings ("Regler"
    is not: the document says the word twice)."""
    index = ("---\ntitle: Forside\n---\n\nHer er vi. Se de nye regler her.\n\n## Indhold\n\n1. [Regler](regler.md)\n"
             "2. [Tavshedspligt](regler.md#tavshed)\n3. [Hold tæt.](regler.md#tavshed)\n")
    root = site(fixture_repo, {"testby/index.da.md": index})
    assert [f.split(": error: ")[0] for f in coverage_findings(root)] == [
        "docs/testby/index.da.md:7", "docs/testby/regler.da.md:8", "docs/testby/regler.da.md:10"]
    record = ("changes:\n  - kind: summary\n    page: index\n    original: \"\"\n"
              "    published: \"Indhold: 1. Regler … 3. Hold tæt.\"\n")
    (root / RECORD).parent.mkdir()
    (root / RECORD).write_text(record, encoding="utf-8")
    assert coverage_findings(root) == []
