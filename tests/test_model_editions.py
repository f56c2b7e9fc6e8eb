"""Editions: kept, not recomputed; compared paragraph by paragraph; unapproved changes visible.

A fixture organisation gets two editions through `record_edition` (what `make edition` runs) in a
real git repository, with a page edited, a paragraph added and one removed in between.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
from pathlib import Path

import pypdf
import pytest
from conftest import FIXTURE_ORGANISATIONS, ROOT, make_repo
from htmltools import html_pages
from publisher.checks import check_all
from publisher.commands.edition import record_edition
from publisher.commands.edition_request import EditionRefused, request_from_environment
from publisher.files.findings import PublisherError
from publisher.model.editions import in_force_on, named
from publisher.model.organisations import load_catalogue
from publisher.pipeline.whole import build_all

REGLER = ("---\ntitle: Regler\nowner: HR\nreview_by: 2027-01-01\ntopics: [confidentiality]\n---\n\n"
          "## Tavshedspligt {#tavshed}\n\nHold tæt om alt, du hører på arbejdet.\n\n"
          "Dette afsnit forsvinder i anden udgave.\n\n--8<-- \"confidentiality/testby.da.md\"\n")
FIRST_NOTE = {"EDITION_ORG": "testby", "EDITION_NOTE": "Første udgave på webstedet.",
              "EDITION_NOTE_EN": "First edition on the website."}
SECOND_NOTE = {"EDITION_ORG": "testby", "EDITION_NOTE": "Nyt afsnit om trusler.", "EDITION_VERSION": "2.0",
               "EDITION_APPROVED_BY": "Byrådet", "EDITION_APPROVED_ON": "2025-03-03",
               "EDITION_IN_FORCE_FROM": "2025-03-03"}  # the first edition states no in-force date


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
                          cwd=root, capture_output=True, text=True, check=True).stdout


def tree(root: Path) -> dict[str, str]:
    """Every file of the repository (git's own folder aside) and a hash of its bytes."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.relative_to(root).parts}


def edit_second_edition(root: Path) -> None:
    page = root / "docs/testby/regler.da.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("Hold tæt om alt, du hører", "Hold tæt om alt, du ser og hører")
    text = text.replace("Dette afsnit forsvinder i anden udgave.\n\n", "")
    page.write_text(text + "\nTrusler mod dig skal altid meldes til din leder.\n", encoding="utf-8")


def record_two_editions(root: Path) -> list[str]:
    """A fixture repository at `root` whose organisation has two editions, built into root/site."""
    make_repo(root, {"testby/regler.da.md": REGLER})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Testby's guideline")
    said: list[str] = []
    record_edition(root, request_from_environment(FIRST_NOTE), today=dt.date(2024, 2, 1), progress=said.append)
    edit_second_edition(root)
    record = root / "docs/_editions/testby/editions.yml"  # an editor's note in the record, kept by the next edition
    record.write_text(record.read_text(encoding="utf-8").replace("  facts:\n", "  facts:  # as the minutes say\n"),
                      encoding="utf-8")
    git(root, "commit", "-qam", "The approved changes")
    record_edition(root, request_from_environment(SECOND_NOTE), today=dt.date(2025, 3, 4), progress=said.append)
    build_all(root, root / "site", progress=lambda line: None)
    return said


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("editions") / "repo"
    return root, record_two_editions(root)


def test_make_edition_commits_and_tags_each_edition_in_a_clean_checkout(two_editions) -> None:
    root, said = two_editions
    for number, lines in ((1, said[2:4]), (2, said[-2:])):
        assert lines == [f"recorded edition {number} of testby in docs/_editions/testby/",
                         f"committed and tagged testby/edition-{number}"]
    assert git(root, "tag").split() == ["testby/edition-1", "testby/edition-2"]
    assert git(root, "status", "--porcelain", "--", "docs") == ""
    assert "approved_by" not in (root / "docs/organisations.yml").read_text(encoding="utf-8")  # moved, not copied
    assert (root / "docs/_editions/testby/editions.yml").read_text(encoding="utf-8").split("editions:\n")[1] == (
        "- number: 1\n  recorded_on: 2024-02-01\n  facts:  # as the minutes say\n"
        "    version: '1.0'\n"
        "    approved_by: Byrådet\n    approved_on: 2024-01-31\n  note:\n    da: Første udgave på webstedet.\n"
        "    en: First edition on the website.\n"
        "- number: 2\n  recorded_on: 2025-03-04\n  in_force_from: 2025-03-03\n  facts:\n    version: '2.0'\n"
        "    approved_by: Byrådet\n    approved_on: 2025-03-03\n  note:\n    da: Nyt afsnit om trusler.\n"
    )


def test_editions_page_shows_both_editions_with_their_periods(two_editions) -> None:
    root, _ = two_editions
    about = (root / "site/testby/about.html").read_text(encoding="utf-8")
    second = about.split('<h3 id="edition-2">')[1].split("</section>")[0]
    first = about.split('<h3 id="edition-1">')[1].split("</section>")[0]
    assert second.startswith('Udgave 2.0 <span class="guide-edition__current">(nuværende)</span></h3>')
    assert '<p class="guide-edition__period">I kraft fra 3. marts 2025</p>' in second
    assert "<dd>Nyt afsnit om trusler.</dd>" in second
    assert '<a href="pdf/editions/2/testby-da.pdf" type="application/pdf" hreflang="da">' in second
    assert '<a href="editions/2-changes.html">Se ændringerne fra udgave 1.0</a>' in second
    assert first.startswith("Udgave 1.0</h3>")
    # No in-force date stated: the period is what the site did, never "in force" from the approval date.
    assert '<p class="guide-edition__period">Registreret på webstedet fra 1. februar 2024 til 2. marts 2025</p>' \
        in first
    english = (root / "site/testby/en/about.html").read_text(encoding="utf-8")
    assert "Recorded on this site from 1 February 2024 to 2 March 2025" in english
    assert "In force from 3 March 2025" in english
    assert '<dd lang="da">Nyt afsnit om trusler.</dd>' in english  # no English note: the Danish one, marked
    assert '<a href="../pdf/editions/1/testby-en.pdf" type="application/pdf" hreflang="en">' in english
    org = load_catalogue(root / "docs").organisation("testby")
    assert [in_force_on(org, dt.date(*day)).number if in_force_on(org, dt.date(*day)) else None
            for day in ((2024, 1, 31), (2024, 2, 1), (2025, 3, 2), (2025, 3, 3))] == [None, 1, 1, 2]


def test_every_page_names_the_edition_in_force_and_links_there(two_editions) -> None:
    root, _ = two_editions
    for page in ("index.html", "regler.html", "en/index.html"):
        html = (root / "site/testby" / page).read_text(encoding="utf-8")
        assert ('<dd><a href="about.html#edition-2">Udgave 2.0</a> · I kraft fra 3. marts 2025</dd>' in html
                or '<dd><a href="about.html#edition-2">Edition 2.0</a> · In force from 3 March 2025</dd>' in html)
        assert "ikke godkendt" not in html and "not yet approved" not in html


def test_change_view_marks_the_edited_added_and_removed_paragraph(two_editions) -> None:
    root, _ = two_editions
    html = (root / "site/testby/editions/2-changes.html").read_text(encoding="utf-8")
    assert "<h1>Ændringer fra udgave 1.0 til udgave 2.0</h1>" in html
    regler = html.split('<h2><a href="../regler.html">Regler</a></h2>')[1].split("</section>")[0]
    mark, end = '<span class="guide-change__mark">', '<span class="guide-change__mark">]</span>'
    assert regler.count('class="guide-change ') == 3
    assert (f'<strong class="guide-change__label">Ændret afsnit:</strong></p>\n<p>Hold tæt om alt, du {mark}'
            f'[tilføjet:</span> <ins>ser og</ins>{end} hører på arbejdet.</p>') in regler
    assert (f'<strong class="guide-change__label">Fjernet afsnit:</strong></p>\n<p>{mark}[fjernet:</span> '
            f'<del>Dette afsnit forsvinder i anden udgave.</del>{end}</p>') in regler
    assert (f'<strong class="guide-change__label">Tilføjet afsnit:</strong></p>\n<p>{mark}[tilføjet:</span> '
            f'<ins>Trusler mod dig skal altid meldes til din leder.</ins>{end}</p>') in regler
    assert '<h2><a href="../index.html">Forside</a></h2>\n<p>Uændret.</p>' in html


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_the_two_archived_pdfs_differ_exactly_there(two_editions) -> None:
    root, _ = two_editions
    first = pdf_text(root / "docs/_editions/testby/1/pdf/testby-da.pdf")
    second = pdf_text(root / "docs/_editions/testby/2/pdf/testby-da.pdf")
    # The page "Regler" of each, up to its running footer; the appendix of edition 2 comes after it.
    rules = [text.split("\nRegler\n")[1].split("\nTestbys retningslinjer Testby Kommune\n")[0].splitlines()
             for text in (first, second)]
    assert [line for line in rules[0] if line not in rules[1]] == [
        "Hold tæt om alt, du hører på arbejdet.", "Dette afsnit forsvinder i anden udgave."]
    assert [line for line in rules[1] if line not in rules[0]] == [
        "Hold tæt om alt, du ser og hører på arbejdet.", "Trusler mod dig skal altid meldes til din leder."]
    footer = "\nTestbys retningslinjer Testby Kommune\n"
    home = [text.split("\nForside\n")[1].split(footer)[0] for text in (first, second)]
    assert home[0] == home[1]
    assert "Godkendt 31. januar 2024" in first and "Godkendt 3. marts 2025" in second
    assert "Ændringer fra den forrige udgave" in second and "Ændringer fra den forrige udgave" not in first
    assert "[tilføjet: ser og]" in second  # the change appendix of edition 2, labelled in words
    english = pdf_text(root / "docs/_editions/testby/2/pdf/testby-en.pdf")
    assert "This is a translation. The Danish text is the one that applies." in english


def test_rebuilding_leaves_every_archived_pdf_byte_identical(two_editions) -> None:
    root, _ = two_editions
    archive = {p: p.read_bytes() for p in sorted((root / "docs/_editions").rglob("*.pdf"))}
    assert len(archive) == 4
    build_all(root, root / "site", progress=lambda line: None, incremental=False)
    for path, data in archive.items():
        number, name = path.parent.parent.name, path.name
        assert path.read_bytes() == data
        assert (root / "site/testby/pdf/editions" / number / name).read_bytes() == data


def build_edited(root: Path, name: str, old: str, new: str, out: Path, with_pdf: bool) -> None:
    """Build into `out` with `old` replaced by `new` in docs/testby/`name`, merged but not recorded."""
    page = root / "docs/testby" / name
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace(old, new), encoding="utf-8")
    try:
        build_all(root, out, progress=lambda line: None, with_pdf=with_pdf)
    finally:
        page.write_text(original, encoding="utf-8")


def test_unapproved_changes_are_visible_and_the_current_pdf_carries_no_approval(two_editions, tmp_path) -> None:
    root, _ = two_editions
    build_edited(root, "index.da.md", "Her er vi.", "Her er vi nu.", tmp_path / "site", with_pdf=True)
    for name, notice in (("regler.html", "Ændringer efter udgave 2.0, ikke godkendt endnu"),
                         ("en/regler.html", "Changes after edition 2.0, not yet approved")):
        html = (tmp_path / "site/testby" / name).read_text(encoding="utf-8")
        assert f'<p class="guide-unapproved" role="note"><strong><a href="about.html#editions">{notice}</a>' in html
    about = (tmp_path / "site/testby/about.html").read_text(encoding="utf-8")
    assert ('<p>Sider med ændringer, der ikke er godkendt:</p>\n<ul>\n  <li><a href="index.html">Forside</a></li>'
            in about)
    cover = pypdf.PdfReader(tmp_path / "site/testby/pdf/testby-da.pdf").pages[0].extract_text()
    assert "Ændringer efter udgave 2.0, ikke godkendt endnu" in cover and "Godkendt" not in cover.split("endnu")[0]
    english = pdf_text(tmp_path / "site/testby/pdf/testby-en.pdf")  # built from a translation now older
    assert "Changes after edition 2.0, not yet approved" in english
    assert "This translation may be out of date; the Danish original was changed on" in english.split("\nHome\n")[1]
    archived = pypdf.PdfReader(tmp_path / "site/testby/pdf/editions/2/testby-da.pdf").pages[0].extract_text()
    assert "Godkendt 3. marts 2025" in archived and "ikke godkendt" not in archived
    status = (tmp_path / "site/status/index.html").read_text(encoding="utf-8")
    assert '<code class="stale">index.da.md</code>' in status


def test_a_change_to_a_translation_alone_shows_on_translated_pages_only(two_editions, tmp_path) -> None:
    root, _ = two_editions
    build_edited(root, "index.en.md", "Welcome.", "Welcome to Testby.", tmp_path / "site", with_pdf=False)
    english = (tmp_path / "site/testby/en/index.html").read_text(encoding="utf-8")
    assert ("The translation has changed after edition 2.0 and is not yet approved. The Danish text is unchanged."
            in english)
    danish = (tmp_path / "site/testby/index.html").read_text(encoding="utf-8")
    assert "guide-unapproved" not in danish


def refused(root: Path, env: dict[str, str], today: dt.date = dt.date(2025, 6, 1)) -> str:
    before = tree(root)
    with pytest.raises(EditionRefused) as error:
        record_edition(root, request_from_environment(env), today=today, progress=lambda line: None)
    assert tree(root) == before  # nothing changed
    return str(error.value)


def test_make_edition_refuses_bad_dates_a_duplicate_version_and_failing_sources(two_editions) -> None:
    root, _ = two_editions
    base = {"EDITION_ORG": "testby", "EDITION_NOTE": "Tredje udgave."}
    assert refused(root, {**base, "EDITION_APPROVED_ON": "2025-13-01"}) == (
        "APPROVED_ON=2025-13-01 is not a date: write it YYYY-MM-DD, e.g. APPROVED_ON=2024-03-01. Nothing was recorded.")
    assert refused(root, {**base, "EDITION_APPROVED_ON": "2025-03-02"}) == (
        "APPROVED_ON=2025-03-02 is before edition 2 of 'testby' came into force (2025-03-03): a new edition cannot "
        "come before the one it replaces. Check the date. Nothing was recorded.")
    assert refused(root, {**base, "EDITION_IN_FORCE_FROM": "2024-12-31"}) == (
        "IN_FORCE_FROM=2024-12-31 is before edition 2 of 'testby' came into force (2025-03-03): a new edition cannot "
        "come before the one it replaces. Check the date. Nothing was recorded.")
    assert refused(root, {**base, "EDITION_VERSION": "2.0"}) == (
        "VERSION=2.0 exists already: edition 2 of 'testby' is version 2.0. Give the new edition its own version. "
        "Nothing was recorded.")
    assert refused(root, {"EDITION_ORG": "testby"}) == (
        "NOTE is required: a short note of what this edition changes, in the guideline's own language, "
        "e.g. NOTE=\"Nyt afsnit om trusler\". Nothing was recorded.")
    page = root / "docs/testby/index.da.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nSe [reglerne](reglerne.md).\n", encoding="utf-8")
    try:
        message = refused(root, base)
    finally:
        page.write_text(original, encoding="utf-8")
    assert message.startswith("the sources fail 'make check' (1 error(s)); an edition records only sources that "
                              "pass. Fix these, then run 'make edition' again. Nothing was recorded.\n"
                              "  docs/testby/index.da.md:10: error: ")
    assert git(root, "tag").split() == ["testby/edition-1", "testby/edition-2"]


def test_make_edition_says_why_it_does_not_tag(two_editions, tmp_path) -> None:
    root, _ = two_editions
    plain = make_repo(tmp_path / "plain")  # not a git repository
    said: list[str] = []
    record_edition(plain, request_from_environment(FIRST_NOTE), today=dt.date(2024, 2, 1), progress=said.append)
    assert said[-1] == (f"not committed or tagged: {plain} is not a git checkout. Commit the edition, then tag it: "
                        f"git tag testby/edition-1")
    assert (plain / "docs/_editions/testby/1/pdf/testby-en.pdf").is_file()


def test_the_makefile_hands_values_over_in_the_environment() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}  # under make test
    result = subprocess.run(["make", "--no-print-directory", "-n", "edition", "ORG=kalundborg",
                             'NOTE=x"; touch /tmp/owned; echo "'], cwd=ROOT, env=env, capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().splitlines()[-1] == ".venv/bin/python -m publisher edition"
    marker = ROOT / "site.owned-by-a-note"
    before = tree(ROOT / "docs")
    refused = subprocess.run(["make", "--no-print-directory", "edition", "ORG=kalundborg", "APPROVED_ON=2011-13-01",
                              f'NOTE=x"; touch {marker}; echo "'], cwd=ROOT, env=env, capture_output=True, text=True)
    assert refused.returncode != 0 and not marker.exists() and tree(ROOT / "docs") == before
    assert ("error: APPROVED_ON=2011-13-01 is not a date: write it YYYY-MM-DD, e.g. APPROVED_ON=2024-03-01. "
            "Nothing was recorded.") in refused.stderr


@pytest.mark.parametrize("org_id", ["kalundborg", "moskenes", "region-midtjylland", "region-nordjylland", "sunndal"])
def test_the_real_organisations_each_show_their_first_edition(real_site: Path, org_id: str) -> None:
    org = load_catalogue(ROOT / "docs").organisation(org_id)
    assert [edition.number for edition in org.editions] == [1]
    about = (real_site / org_id / "about.html").read_text(encoding="utf-8")
    assert f'<h3 id="edition-1">{"Udgave" if org.source_language == "da" else "Utgave"} {org.editions[0].name} ' \
           f'<span class="guide-edition__current">(' in about
    for language in org.languages:
        archived = ROOT / "docs/_editions" / org_id / "1/pdf" / f"{org_id}-{language}.pdf"
        assert (real_site / org_id / "pdf/editions/1" / archived.name).read_bytes() == archived.read_bytes()
    for page in html_pages(real_site / org_id):
        if page.name != "accessibility.html" and 'class="guide-page-info"' in page.read_text(encoding="utf-8"):
            assert 'about.html#edition-1">' in page.read_text(encoding="utf-8"), page


# The fixture organisation with no facts under document: an organisation with editions takes them from there.
WITHOUT_FACTS = FIXTURE_ORGANISATIONS.replace('      approved_by: Byrådet\n      approved_on: 2024-01-31\n'
                                              '      version: "1.0"\n', "")
BAD_EDITIONS = """\
editions:
  - number: 1
    recorded_on: 2024-02-01
    facts: {approved_by: Byrådet, approved_on: 31-01-2024, signed_by: Borgmesteren}
    note: {da: Første udgave.}
  - number: 3
    recorded_on: 2024-05-01
    note: {en: Second edition.}
"""


def test_a_bad_editions_file_is_reported_at_its_lines(fixture_repo) -> None:
    root = fixture_repo({"_editions/testby/editions.yml": BAD_EDITIONS}, organisations=WITHOUT_FACTS)
    with pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert str(error.value).splitlines() == [
        "docs/_editions/testby/editions.yml:4: error: 'approved_on' must be a date written YYYY-MM-DD",
        "docs/_editions/testby/editions.yml:4: error: unknown document fact 'signed_by'; facts are edition, version, "
        "print_number, back_cover, adopted_by, adopted_on, approved_by, approved_on, agenda_item, document_date (each "
        "optional, written only when the document states it)",
        "docs/_editions/testby/editions.yml:6: error: edition 2 must say 'number: 2' (editions are numbered 1, 2, 3 … "
        "in order)",
        "docs/_editions/testby/editions.yml:8: error: 'note' needs a change note in da, the language the guideline is "
        "written in",
    ]


def test_facts_typed_both_in_organisations_and_in_an_edition_are_an_error(fixture_repo) -> None:
    editions = "editions:\n  - number: 1\n    recorded_on: 2024-02-01\n    note: {da: Første udgave.}\n"
    root = fixture_repo({"_editions/testby/editions.yml": editions})
    with pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert str(error.value) == (
        "docs/organisations.yml:2: error: organisation 'testby' has recorded editions, so its facts come from the "
        "latest edition in docs/_editions/testby/editions.yml; remove version, approved_by, approved_on from its "
        "'document' (a fact typed twice can disagree)")


def test_check_reports_an_edition_whose_kept_files_are_missing(fixture_repo) -> None:
    editions = "editions:\n  - number: 1\n    recorded_on: 2024-02-01\n    note: {da: Første udgave.}\n"
    root = fixture_repo({"_editions/testby/editions.yml": editions}, organisations=WITHOUT_FACTS)
    report = check_all(load_catalogue(root / "docs"))
    assert [str(finding) for finding in report.errors] == [
        "docs/_editions/testby/editions.yml:2: error: edition 1 of 'testby' is missing "
        "docs/_editions/testby/1/document.yml, docs/_editions/testby/1/pdf/testby-da.pdf, "
        "docs/_editions/testby/1/pdf/testby-en.pdf; an edition's files are written once by 'make edition' and never "
        "rebuilt: restore them from git"]


def test_an_edition_named_in_words_is_marked_with_its_language() -> None:
    assert named("Edition {name} as PDF ({language})", "en", "da", name="3.0 – maj 2019", language="Danish") == (
        'Edition <span lang="da">3.0 – maj 2019</span> as PDF (Danish)')
    assert named("Udgave {name}", "da", "da", name="3.0 – maj 2019") == "Udgave 3.0 – maj 2019"
    assert named("Edition {name}", "en", "da", name="2.0") == "Edition 2.0"
    assert named("Udgave {name}", "da", "da", name="<b>") == "Udgave &lt;b&gt;"  # escaped, never markup


def test_make_edition_applies_the_field_rules_before_writing_anything(two_editions) -> None:
    root, _ = two_editions
    base = {"EDITION_ORG": "testby", "EDITION_NOTE": "Tredje udgave."}
    assert refused(root, {**base, "EDITION_APPROVED_BY": "<b>x</b>"}) == (
        "APPROVED_BY=<b>x</b>: contains '<' or '>', which a browser reads as markup; write the text without them. "
        "Nothing was recorded.")
    assert refused(root, {**base, "EDITION_VERSION": "2.0\nx", "EDITION_NOTE_EN": "Third \u202eedition."}) == (
        "VERSION=2.0\\nx: contains a line break or control character; write it on one line\n"
        "NOTE_EN=Third \\u202eedition.: contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that "
        "hides or reorders text; delete it (retype the text around it). Nothing was recorded.")
    assert refused(root, {**base, "EDITION_VERSION": "../../x"}) == (
        "VERSION=../../x: reads as a file path, not a version; write it as the document prints it, e.g. 2.0. "
        "Nothing was recorded.")


BAD_EDITION_TEXT = """\
editions:
  - number: 1
    recorded_on: 2024-02-01
    facts: {approved_by: <b>x</b>, version: ../../x, agenda_item: "pkt.\\u200b 6"}
    note: {da: "Første\\nudgave.", xx: Unknown language.}
"""


def test_edition_facts_and_notes_follow_the_field_rules_in_make_check(fixture_repo) -> None:
    root = fixture_repo({"_editions/testby/editions.yml": BAD_EDITION_TEXT}, organisations=WITHOUT_FACTS)
    with pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert str(error.value).splitlines() == [
        "docs/_editions/testby/editions.yml:4: error: 'agenda_item' contains U+200B ZERO WIDTH SPACE, an invisible "
        "character that hides or reorders text; delete it (retype the text around it)",
        "docs/_editions/testby/editions.yml:4: error: 'approved_by' contains '<' or '>', which a browser reads as "
        "markup; write the text without them",
        "docs/_editions/testby/editions.yml:4: error: 'version' reads as a file path, not a version; write it as the "
        "document prints it, e.g. 2.0",
        "docs/_editions/testby/editions.yml:5: error: 'note' in 'da' contains a line break or control character; "
        "write it on one line",
        "docs/_editions/testby/editions.yml:5: error: 'note' is written in 'xx', which is not a language of 'testby' "
        "(da, en); write the note in those, or remove it",
    ]
