"""An organisation's contacts and the facts resting on its document (publisher/checks/organisation_data.py),
and what its pages show of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from checking import errors, findings
from conftest import FIXTURE_ORGANISATIONS, make_repo
from publisher.files.findings import PublisherError
from publisher.model.organisations import load_catalogue
from publisher.pipeline.whole import build_all


def test_missing_accessibility_contact_is_a_warning_and_the_statement_says_none_was_given(fixture_repo,
                                                                                        tmp_path) -> None:
    """The document's own contact (HR, for questions about the rules) never stands in for it."""
    without = FIXTURE_ORGANISATIONS.split("    accessibility_contact:\n")[0]
    root = fixture_repo(organisations=without)
    assert findings(root) == [
        "docs/organisations.yml:2: warning: organisation 'testby' has no 'accessibility_contact': its accessibility "
        "statement says that none has been given yet; add the contact the organisation gives for accessibility "
        "(never the document's contact for other questions)",
    ]
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    statement = (root / "site/testby/accessibility.html").read_text(encoding="utf-8")
    assert ("<p>Testby Kommune har endnu ikke oplyst en kontakt for spørgsmål om tilgængeligheden af dette "
            "websted.</p>") in statement
    assert "hr@testby.dk" not in statement and "Hanne Hansen" not in statement and "12 34 56 78" not in statement
    english = (root / "site/testby/en/accessibility.html").read_text(encoding="utf-8")
    assert "<p>Testby Kommune has not yet given a contact for questions about the accessibility of this site.</p>" \
        in english
    phone_only = make_repo(tmp_path / "phone", organisations=FIXTURE_ORGANISATIONS.replace(
        "      email: web@testby.dk\n", ""))
    assert findings(phone_only) == [
        "docs/organisations.yml:2: warning: organisation 'testby' has no written accessibility contact: its "
        "statement needs one; add 'email' or 'address' under 'accessibility_contact'",
    ]


def test_feedback_goes_to_a_functional_mailbox_and_no_person_is_named_in_page_chrome(fixture_repo, tmp_path) -> None:
    root = fixture_repo()
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    html = (root / "site/testby/regler.html").read_text(encoding="utf-8")
    assert 'href="mailto:kommunikation@testby.dk?subject=Regler%20%E2%80%93%20Testby%20Kommune"' in html
    assert "Hanne Hansen" not in html and "hr@testby.dk" not in html and "12 34 56 78" not in html
    statement = (root / "site/testby/accessibility.html").read_text(encoding="utf-8")
    assert "web@testby.dk" in statement and "87 65 43 21" in statement  # the contact given for accessibility
    assert "hr@testby.dk" not in statement and "12 34 56 78" not in statement  # not the document's contact
    root = make_repo(tmp_path / "without", organisations=FIXTURE_ORGANISATIONS.replace(
        "    feedback_email: kommunikation@testby.dk\n", ""))
    assert ("docs/organisations.yml:2: warning: organisation 'testby' has no 'feedback_email': its pages show no "
            "feedback link until a functional mailbox (not a person's address) is entered") in findings(root)


# The fixture with its document kept: the words its facts and its contact rest on (`said:`).
DOCUMENT_LINE = "Version 1.0. Godkendt af Byrådet 31. januar 2024. Spørgsmål til retningslinjerne: HR."
SAID = FIXTURE_ORGANISATIONS.replace('      phone: "12 34 56 78"\n', '      phone: "12 34 56 78"\n'
                                     '      said: "Spørgsmål til retningslinjerne: HR"\n').replace(
    '      version: "1.0"\n', '      version: "1.0"\n      said: {approved_by: "Godkendt af Byrådet", '
                             'approved_on: "31. januar 2024", version: "Version 1.0"}\n')


def fact_errors(root: Path) -> list[str]:
    """The errors but coverage's: these fixtures keep a one-line document the fixture's pages do not say (coverage
    has its own tests, tests/test_checks_coverage.py)."""
    return [error for error in errors(root) if "source document" not in error]


def kept(root: Path, text: str = DOCUMENT_LINE) -> Path:
    (root / "docs/_sources/testby").mkdir(parents=True, exist_ok=True)
    (root / "docs/_sources/testby/extracted.txt").write_text(text + "\n", encoding="utf-8")
    return root


def test_a_contact_rests_on_words_found_in_the_documents_extracted_text(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", organisations=SAID.replace('said: "Spørgsmål til retningslinjerne: HR"',
                                                                   'said: "kontakt HR"'))
    assert fact_errors(root) == [
        "docs/organisations.yml:20: error: 'approved_by' of 'testby' rests on the document's words, but "
        "docs/_sources/testby/extracted.txt (the document's extracted text) is missing: commit it (make import "
        "keeps it)"]
    kept(root, f"{DOCUMENT_LINE}\nSpørgsmål? Kontakt\nHR.")
    assert fact_errors(root) == []  # line breaks, case and punctuation aside
    kept(root, f"{DOCUMENT_LINE}\nSpørgsmål? Kontakt din leder.")
    assert fact_errors(root) == [
        "docs/organisations.yml:14: error: the contact of 'testby' rests on words not found in "
        "docs/_sources/testby/extracted.txt: 'kontakt HR'; quote the document exactly, or remove the fact"]


def test_a_contact_without_the_documents_words_is_refused_where_it_is_shown(tmp_path: Path) -> None:
    organisations = SAID.replace('      said: "Spørgsmål til retningslinjerne: HR"\n', "")
    assert fact_errors(kept(make_repo(tmp_path / "repo", organisations=organisations))) == [
        "docs/organisations.yml:9: error: the contact of 'testby' is shown in the footer and on the PDF cover, but "
        "no 'said:' gives the document's words that name it: add them (as docs/_sources/testby/extracted.txt has "
        "them), or remove the contact if the document gives none"]


def test_a_document_fact_in_organisations_yml_rests_on_the_documents_words(tmp_path: Path) -> None:
    """Until the first edition, the facts under `document:` are shown: each carries `said:`, found in the text."""
    unsaid = SAID.replace(', version: "Version 1.0"}', "}")
    assert fact_errors(kept(make_repo(tmp_path / "unsaid", organisations=unsaid))) == [
        "docs/organisations.yml:19: error: 'version' of 'testby' is shown to readers, but 'said:' under 'document' "
        "gives no words of the document it rests on: add them (e.g. said: {version: \"…\"}, as "
        "docs/_sources/testby/extracted.txt has them), or remove the fact"]
    misquoted = SAID.replace('version: "Version 1.0"}', 'version: "Version 2.0"}')
    assert fact_errors(kept(make_repo(tmp_path / "misquoted", organisations=misquoted))) == [
        "docs/organisations.yml:20: error: 'version' of 'testby' rests on words not found in "
        "docs/_sources/testby/extracted.txt: 'Version 2.0'; quote the document exactly, or remove the fact"]
    unknown = SAID.replace('version: "Version 1.0"}', 'version: "Version 1.0", edition: "1"}')
    with pytest.raises(PublisherError) as error:
        load_catalogue(make_repo(tmp_path / "unknown", organisations=unknown) / "docs")
    assert [str(f) for f in error.value.findings] == [
        "docs/organisations.yml:20: error: organisation 'testby': 'said' names 'edition', which is not a fact under "
        "'document'"]


@pytest.mark.parametrize("change", [
    ('      given_by: "Testby Kommune, Kommunikation, by e-mail to the site\'s editors"\n', ""),
    ("      given_on: 2024-02-01\n", "      given_on: februar 2024\n"),
    ("      given_on: 2024-02-01\n", "      given_on: 2024-02-01\n      said: Kontakt web@testby.dk\n"),
])
def test_an_accessibility_contact_records_who_gave_it_and_when(fixture_repo, change: tuple[str, str]) -> None:
    """It is given to the site by the organisation, not stated in the guideline: no 'said', a record instead."""
    assert change[0] in FIXTURE_ORGANISATIONS
    with pytest.raises(PublisherError) as error:
        load_catalogue(fixture_repo(organisations=FIXTURE_ORGANISATIONS.replace(*change)) / "docs")
    assert [str(f) for f in error.value.findings] == [
        "docs/organisations.yml:21: error: organisation 'testby': an accessibility contact is given to the site by "
        "the organisation, not stated in its document: record who gave it and when, e.g. 'given_by: \"Kommunikation, "
        "by e-mail to the site's editors\"' and 'given_on: 2026-12-01' (instead of 'said'), or leave the contact out "
        "until one is given"]
