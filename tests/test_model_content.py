"""What a reader is told about a guideline: only stated facts, the editorial record, translations
marked as such, and addresses that keep working after a page moves."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from conftest import FIXTURE_ORGANISATIONS
from publisher.checks import check_all
from publisher.model.addresses import record_addresses
from publisher.model.organisations import load_catalogue
from publisher.pipeline.whole import build_all

EDITORIAL = """\
changes:
  - kind: typo
    page: regler
    original: "Hold taet."
    published: "Hold tæt."
  - kind: moved
    original: "Godkendt af Byrådet 31. januar 2024."
    published: ""
"""


def findings(root: Path) -> list[str]:
    report = check_all(load_catalogue(root / "docs"))
    return [str(f) for f in report.errors + report.warnings]


def test_page_without_review_date_and_document_without_approval_show_neither(fixture_repo) -> None:
    organisations = FIXTURE_ORGANISATIONS.replace(
        "      approved_by: Byrådet\n      approved_on: 2024-01-31\n      version: \"1.0\"\n",
        '      print_number: "Tryk 1400-10"\n')
    root = fixture_repo({"testby/index.da.md": "---\ntitle: Forside\nowner: HR\n---\n\nHer er vi.\n"},
                        organisations=organisations)
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    html = (root / "site/testby/index.html").read_text(encoding="utf-8")
    assert "Revideres senest" not in html
    assert "Godkendt" not in html and "Version" not in html and "ikke angivet" not in html
    assert "<dt>Trykkenummer</dt><dd>Tryk 1400-10</dd>" in html
    assert ("docs/organisations.yml:2: warning: organisation 'testby' has no approval facts (approved_by/approved_on, "
            "or adopted_by/adopted_on) under 'document': add them if its document states them (readers are shown "
            "nothing until then)") in findings(root)


def test_about_page_and_pdf_appendix_list_the_recorded_changes(fixture_repo) -> None:
    root = fixture_repo({"_editorial/testby.yml": EDITORIAL})
    assert findings(root) == []
    build_all(root, root / "site", progress=lambda line: None)
    about = (root / "site/testby/about.html").read_text(encoding="utf-8")
    assert "Stavefejl rettet" in about and "Hold taet." in about and '<a href="regler.html">Regler</a>' in about
    assert "Godkendt af Byrådet 31. januar 2024." in about and "hele dokumentet" in about
    english = (root / "site/testby/en/about.html").read_text(encoding="utf-8")
    assert "Spelling corrected" in english and '<td lang="da">Hold tæt.</td>' in english
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(root / "site/testby/pdf/testby-en.pdf").pages)
    assert "Editorial changes" in text and "Spelling corrected" in text and "Hold taet." in text
    assert "This is a translation. The Danish text is the one that applies." in text


def test_a_bad_editorial_record_is_reported_at_its_line(fixture_repo) -> None:
    record = ("changes:\n  - kind: typos\n    original: a\n    published: b\n"
              "  - kind: typo\n    page: reglerne\n    original: a\n")
    root = fixture_repo({"_editorial/testby.yml": record})
    assert findings(root) == [
        "docs/_editorial/testby.yml:2: error: 'kind' must be one of typo, grammar, placeholder_link, moved, title, "
        "artefact, summary, heading, not 'typos'",
        "docs/_editorial/testby.yml:6: error: 'page' must be the base name of a page of 'testby' (e.g. 'index'), not "
        "'reglerne'; leave it out for a change to the whole document",
    ]


def test_english_pages_say_they_are_a_translation(fixture_repo) -> None:
    root = fixture_repo()
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    notice = "This is a translation. The Danish text is the one that applies."
    assert notice in (root / "site/testby/en/regler.html").read_text(encoding="utf-8")
    assert notice not in (root / "site/testby/regler.html").read_text(encoding="utf-8")


def renamed_regler(root: Path, move: str | None) -> Path:
    """The fixture with its published page `regler` renamed to `reglerne`, the move recorded or not."""
    record_addresses(load_catalogue(root / "docs"))
    for language in ("da", "en"):
        old = root / f"docs/testby/regler.{language}.md"
        old.rename(old.with_name(f"reglerne.{language}.md"))
        index = root / f"docs/testby/index.{language}.md"
        index.write_text(index.read_text(encoding="utf-8").replace("regler.md", "reglerne.md"), encoding="utf-8")
    (root / "docs/organisations.yml").write_text(FIXTURE_ORGANISATIONS.replace("regler.md]", "reglerne.md]"),
                                                 encoding="utf-8")
    if move:
        addresses = root / "docs/addresses.yml"
        addresses.write_text(addresses.read_text(encoding="utf-8").replace("moved: {}", f"moved: {{{move}}}"),
                             encoding="utf-8")
        assert record_addresses(load_catalogue(root / "docs")) == ["testby/reglerne"]
    return root


def test_a_published_address_that_disappears_fails_the_check(fixture_repo) -> None:
    root = renamed_regler(fixture_repo(), move=None)
    result = findings(root)
    assert ("docs/addresses.yml:6: error: the published address 'regler.html' of 'testby' has no page any more: "
            "links to it in e-mails and print would break. Record where it went under 'moved' (e.g. 'regler: "
            "new-page'), or restore docs/testby/regler.<language>.md") in result
    assert ("docs/addresses.yml:6: warning: 'testby' has pages whose addresses are not recorded as published: "
            "reglerne; run 'make addresses'") in result


def test_a_recorded_move_leaves_a_working_redirect_in_every_language(fixture_repo) -> None:
    root = renamed_regler(fixture_repo(), move="regler: reglerne#tavshed")
    assert [f for f in findings(root) if ": error: " in f] == []
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    for folder, language in (("testby", "da"), ("testby/en", "en")):
        redirect = (root / f"site/{folder}/regler.html").read_text(encoding="utf-8")
        assert '<meta http-equiv="refresh" content="0; url=reglerne.html#tavshed">' in redirect
        assert f'<html lang="{language}">' in redirect
        assert (root / f"site/{folder}/reglerne.html").is_file()


def test_a_move_to_no_page_is_refused(fixture_repo) -> None:
    root = renamed_regler(fixture_repo(), move="regler: regel")
    assert ("docs/addresses.yml:8: error: 'regler' of 'testby' moved to 'regel', which is no page: point the move "
            "at an existing page") in findings(root)


@pytest.mark.parametrize(("published", "after"), [
    (" [index]  # more to come", " [index, regler]  # more to come"),
    ("\n  - index  # the first page", "\n  - index  # the first page\n  - regler"),
    ("  # none yet", " [index, regler]  # none yet"),
])
def test_make_addresses_only_adds_lines_and_keeps_the_comments(fixture_repo, published: str, after: str) -> None:
    root = fixture_repo()
    addresses = root / "docs/addresses.yml"
    record = "# Our record of addresses.\ntestby:   # Testby's site, since 2024\n  published:{}\n" \
             "  # moves: ask the web team first\n  moved: {{}}\n"
    addresses.write_text(record.format(published), encoding="utf-8")
    assert record_addresses(load_catalogue(root / "docs")) == [f"testby/{page}" for page in ("index", "regler")
                                                               if page not in published]
    assert addresses.read_text(encoding="utf-8") == record.format(after)
    assert record_addresses(load_catalogue(root / "docs")) == []
    assert addresses.read_text(encoding="utf-8") == record.format(after)


def test_make_addresses_writes_nothing_it_cannot_add_faithfully(fixture_repo) -> None:
    from publisher.files.findings import PublisherError

    root = fixture_repo()
    addresses = root / "docs/addresses.yml"
    addresses.write_text("testby:  # no list yet\n  published: ~\n  moved: {}\n", encoding="utf-8")
    with pytest.raises(PublisherError) as refused:
        record_addresses(load_catalogue(root / "docs"))
    assert str(refused.value) == (
        "docs/addresses.yml:2: error: 'testby: published' must be a list ([a, b], or '- a' lines) for new entries to "
        "be added to it; write it so and run the command again. Nothing was changed")
    assert addresses.read_text(encoding="utf-8") == "testby:  # no list yet\n  published: ~\n  moved: {}\n"
