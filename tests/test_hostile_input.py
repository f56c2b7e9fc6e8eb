"""Hostile and careless input, second round (issue 25): each class refused with file:line, or inert.

YAML tags, foreign encodings, pathological Markdown, huge documents, misspelt make variables, page
names that would break somewhere, and what a full or read-only disk does to the commands.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import test_commands
import test_commands_import
from checking import FM_DA, TAVSHED, errors, within
from conftest import FIXTURE_ORGANISATIONS
from publisher.files.findings import PublisherError
from publisher.model.organisations import load_catalogue
from test_commands import make, status

TAG = ("'{tag}' sets the type of a value by hand (a YAML tag); these files use no tags: remove '{tag}' and write the "
       "value plainly (in quotes to keep it as text)")


# -- YAML tags: every reader of YAML refuses them with the line, before a constructor can fail -----------

@pytest.mark.parametrize("tag", ["!!timestamp", "!!bool", "!!int", "!!binary", "!foo", "!!python/name:os.system"])
def test_a_tag_in_organisations_yml_is_refused_with_its_line(fixture_repo, tag: str) -> None:
    root = fixture_repo()
    (root / "docs/organisations.yml").write_text(
        FIXTURE_ORGANISATIONS.replace("approved_on: 2024-01-31", f"approved_on: {tag} maybe"), encoding="utf-8")
    with within(10), pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert str(error.value) == f"docs/organisations.yml:17: error: {TAG.format(tag=tag)}"


@pytest.mark.parametrize("tag", ["!!timestamp", "!!bool", "!!str"])
def test_a_tag_in_front_matter_is_refused_with_its_line(fixture_repo, tag: str) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA.replace("review_by: 2027-01-01", f"review_by: {tag} soon")
                         + TAVSHED})
    assert [f for f in errors(root) if "regler.da.md" in f] == [
        f"docs/testby/regler.da.md:4: error: {TAG.format(tag=tag)}"]


def test_a_tag_in_a_file_a_command_rewrites_is_refused_with_its_line(fixture_repo, tmp_path: Path) -> None:
    from publisher.files.source_writers import with_items_appended

    with pytest.raises(PublisherError) as error:
        with_items_appended("editions:\n- !!omap {a: 1}\n", ("editions",), [{"b": 2}], "docs/x.yml")
    assert str(error.value) == f"docs/x.yml:2: error: {TAG.format(tag='!!omap')}"


# -- text that is not UTF-8: a finding at the line of the first foreign byte, wherever it is read ---------

def test_a_shared_wording_that_is_not_utf8_is_a_finding_not_a_traceback(fixture_repo) -> None:
    root = fixture_repo()
    (root / "docs/_shared/confidentiality/testby.da.md").write_bytes("Linje.\nTavshed æ.\n".encode("latin-1"))
    found = errors(root)
    not_utf8 = ("docs/_shared/confidentiality/testby.da.md:2: error: the file is not UTF-8 text (byte 0xe6 on this "
                "line); save it with UTF-8 encoding")
    assert not_utf8 in found
    assert all("Traceback" not in f and "UnicodeDecodeError" not in f for f in found)


def test_a_page_including_a_wording_that_is_not_utf8_through_the_snippets_extension_says_so(fixture_repo) -> None:
    root = fixture_repo()
    page = root / "docs/testby/regler.da.md"
    page.write_text(page.read_text(encoding="utf-8").replace('--8<-- "confidentiality/testby.da.md"',
                                                             '--8<-- "confidentiality/testby.da.md:1:2"'),
                    encoding="utf-8")
    (root / "docs/_shared/confidentiality/testby.da.md").write_bytes("Linje.\nTavshed æ.\n".encode("latin-1"))
    assert ("docs/testby/regler.da.md:12: error: the included docs/_shared/confidentiality/testby.da.md cannot be "
            "read (see docs/_shared/confidentiality/testby.da.md:2); fix it there") in errors(root)


# -- Markdown the engine cannot read in linear time: refused before it tries ----------------------------

OPEN_BRACKETS = ("this paragraph leaves more than 100 '[' open (not closed by ']') by this line; the Markdown engine "
                 "needs minutes for that many: close each link's '[' with ']', remove the extra ones, or write a "
                 "literal one as \\[")


@pytest.mark.parametrize(("body", "line", "message"), [
    ("Tekst.\n\n" + "[" * 40_000 + "\n", 12, OPEN_BRACKETS),
    ("Tekst.\n\n" + "![" * 60 + "\n" + "[\n" * 50, 53, OPEN_BRACKETS),  # counted over a paragraph's lines
    ("Tekst.\n\n" + "[" * 20_000 + "]" * 20_000 + "\n", 12, OPEN_BRACKETS),  # closed, but nested 20,000 deep
    ("Tekst.\n\n" + "<a " * 400 + "\n", 12,
     "this paragraph leaves more than 100 HTML tags ('<' before a letter) open (not closed by '>') by this line; "
     "the Markdown engine needs minutes for that many: remove them, or write a literal '<' as &lt;"),
    ("".join("    " * level + "- punkt\n" for level in range(40)), 36,
     "this line is indented 104 columns deep (more than 100, about 25 levels of lists); the Markdown engine reads "
     "each level by recursion and gives up: indent it less"),
    ("Ord\n" + ": forklaring\n" * 400, 311,
     "the file holds more than 300 definitions (lines starting with ': ') by this line; the Markdown engine slows "
     "down with each one: split the page"),
    ("Linje  \n" * 1500, 1010,
     "more than 1000 lines follow each other here without a blank line; the Markdown engine reads them as one "
     "paragraph and needs minutes: add blank lines between paragraphs"),
    ("> " * 30 + "citat\n", 10,
     "this line nests 30 quotes ('>'), more than 20; the Markdown engine reads each level by recursion and gives "
     "up: nest them less"),
])
def test_markdown_the_engine_reads_in_quadratic_time_is_refused_at_once(fixture_repo, body: str, line: int,
                                                                         message: str) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA + TAVSHED + body})
    with within(10):
        found = errors(root)
    assert f"docs/testby/regler.da.md:{line}: error: {message}" in found
    assert [f for f in found if "regler.da.md" in f] == [f"docs/testby/regler.da.md:{line}: error: {message}"]


def test_every_engine_run_refuses_text_beyond_the_limits() -> None:
    """A page under the limits whose included wordings cross them: the engine itself stops, at once."""
    from publisher.render.rendered_html import render

    root = Path(__file__).resolve().parents[1]
    with within(10), pytest.raises(PublisherError) as error:
        render("[" * 40_000, root, root / "docs/_shared")
    assert str(error.value) == f"(a page with its included wordings):1: error: {OPEN_BRACKETS}"
    assert render("<b>x</b>\n" * 2000, root, root / "docs/_shared").html.count("<b>") == 2000  # generated pages


def test_closed_links_and_tags_are_no_limit_however_many(fixture_repo) -> None:
    """24,000 links and 3,000 tags, each closed, in one 1.2 MB page: read in linear time, so not refused."""
    body = "".join(f"Se [reglerne](index.md) og [mere](https://x.dk/{i}), <span>{i}</span>.\n\n" for i in range(12_000))
    root = fixture_repo({"testby/regler.da.md": FM_DA + TAVSHED + body})
    with within(60):
        assert [f for f in errors(root) if "Markdown engine" in f] == []
    many = ("Tekst [a](b) og " * 200 + "\n") * 3  # one paragraph of 600 closed links
    (root / "docs/testby/regler.da.md").write_text(FM_DA + TAVSHED + many, encoding="utf-8")
    assert [f for f in errors(root) if "Markdown engine" in f] == []


# -- a document with a huge paragraph count: read in linear time, refused beyond what a guideline holds ----

def _word_file(path: Path, paragraphs: int) -> Path:
    """A small .docx (deflated) holding a heading and `paragraphs` paragraphs, written as Word writes them."""
    import zipfile

    import docx

    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    xml = files["word/document.xml"].decode("utf-8")
    body = ('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Formål</w:t></w:r></w:p>'
            + "<w:p><w:r><w:t>Vi skriv med omtanke.</w:t></w:r></w:p>" * paragraphs)
    start = xml.index("<w:body>") + len("<w:body>")
    files["word/document.xml"] = (xml[:start] + body + xml[xml.index("<w:sectPr"):]).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def test_a_word_file_of_200000_paragraphs_is_refused_in_seconds(tmp_path: Path) -> None:
    from publisher.files.document_readers import read_document

    document = _word_file(tmp_path / "huge.docx", 200_000)
    assert document.stat().st_size < 200_000  # small on disk: the count, not the size, is what is refused
    with within(15), pytest.raises(PublisherError) as error:
        read_document(document, "huge.docx")
    assert str(error.value) == (
        "huge.docx:1: error: the document holds 200001 paragraphs; a guideline holds a few hundred, and make import "
        "reads at most 5000, so nothing was changed: import only the guideline (save that part as a document of its "
        "own)")


def test_a_word_file_just_under_the_limit_is_read_in_linear_time(tmp_path: Path) -> None:
    from publisher.files.document_readers import read_document

    with within(10):
        blocks = read_document(_word_file(tmp_path / "long.docx", 4999), "long.docx")
    assert (blocks[0].kind, blocks[0].text, blocks[0].level) == ("heading", "Formål", 1)  # its style, looked up once
    assert len(blocks) == 5000 and {b.kind for b in blocks[1:]} == {"paragraph"}


# -- page names: one that works everywhere, or a finding that says what a name may hold ---------------------

PAGE = "---\ntitle: Side\nowner: HR\ntopics: []\nhidden: true\n---\n\nTekst.\n"
NAME_RULE = ("may hold only lowercase letters a-z, digits and single hyphens between them (e.g. sociale-medier), at "
             "most 80 characters: it becomes the page's address in URLs, redirects, search and PDF links; rename it, "
             "e.g. to")


@pytest.mark.parametrize(("name", "message"), [
    ("Gode råd", f"the page name 'Gode råd' {NAME_RULE} 'gode-rad'"),
    ("gode_raad", f"the page name 'gode_raad' {NAME_RULE} 'gode-raad'"),
    ("Regler-Nye", f"the page name 'Regler-Nye' {NAME_RULE} 'regler-nye'"),
    ("about", "'about' is a name every site uses itself (404, about, accessibility, assets, editions, pdf, search, "
              "sitemap); choose another name, e.g. 'about-side'"),
    ("en", "'en' is the folder of a language site (en/): a page or moved address of that name would hide it; "
           "choose another name"),
])
def test_a_page_name_that_breaks_somewhere_is_refused_with_what_a_name_may_hold(fixture_repo, name: str,
                                                                               message: str) -> None:
    root = fixture_repo({f"testby/{name}.da.md": PAGE, f"testby/{name}.en.md": PAGE})
    assert [f for f in errors(root) if f"/{name}." in f] == [f"docs/testby/{name}.da.md:1: error: {message}",
                                                            f"docs/testby/{name}.en.md:1: error: {message}"]


def test_make_addresses_never_records_a_name_make_check_would_refuse(fixture_repo) -> None:
    from publisher.model.addresses import record_addresses

    root = fixture_repo({"testby/Gode råd.da.md": PAGE, "testby/Gode råd.en.md": PAGE})
    with pytest.raises(PublisherError) as error:
        record_addresses(load_catalogue(root / "docs"))
    assert str(error.value) == f"docs/testby/Gode råd.da.md:1: error: the page name 'Gode råd' {NAME_RULE} 'gode-rad'"
    assert not (root / "docs/addresses.yml").exists()


@pytest.mark.parametrize(("moved", "message"), [
    ("{en: regler}", "moved 'en: regler' of 'testby': 'en' is the folder of a language site (en/): a page or moved "
                     "address of that name would hide it; choose another name"),
    ("{gammel: Ny side}", f"moved 'gammel: Ny side' of 'testby': the page name 'Ny side' {NAME_RULE} 'ny-side'"),
    ("{assets: regler}", "moved 'assets: regler' of 'testby': 'assets' is a name every site uses itself (404, about, "
                         "accessibility, assets, editions, pdf, search, sitemap); choose another name, e.g. "
                         "'assets-side'"),
])
def test_a_recorded_move_that_is_no_page_name_is_refused_with_its_line(fixture_repo, moved: str, message: str) -> None:
    root = fixture_repo({"addresses.yml": f"testby:\n  published: [index, regler]\n  moved: {moved}\n"})
    assert errors(root) == [f"docs/addresses.yml:3: error: {message}"]


def test_names_that_differ_only_in_case_are_refused(fixture_repo) -> None:
    root = fixture_repo({"testby/logo.png": None, "_shared/confidentiality/Testby.da.md": "Tekst.\n"})
    (root / "docs/testby/Logo.PNG").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "docs/testby/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    clash = ("'{name}' differs from '{earlier}' in the same folder only in upper and lower case: on a "
             "case-insensitive disk or web server one replaces the other; rename one of them")
    found = [f for f in errors(root) if "upper and lower case" in f]
    assert found == [
        "docs/_shared/confidentiality/testby.da.md:1: error: " + clash.format(name="testby.da.md",
                                                                             earlier="Testby.da.md"),
        "docs/testby/logo.png:1: error: " + clash.format(name="logo.png", earlier="Logo.PNG")]


def test_a_folder_named_like_a_page_or_wording_is_a_finding(fixture_repo) -> None:
    root = fixture_repo()
    (root / "docs/testby/x.da.md").mkdir()
    (root / "docs/_shared/confidentiality/y.da.md").mkdir()
    folder = ("this is a folder named like a source file; rename it (a folder's name may not end in .md or .yml) or "
              "move it out of docs/")
    found = errors(root)
    assert f"docs/testby/x.da.md:1: error: {folder}" in found
    assert f"docs/_shared/confidentiality/y.da.md:1: error: {folder}" in found


# -- make variables: each command takes its own, a misspelt one is refused with the list -------------------

checkout = test_commands.clone  # the fresh-clone layout of test_commands.py, as a fixture of this module


def test_a_misspelt_make_variable_is_refused_with_the_commands_own_list(checkout: Path) -> None:
    clone = checkout
    before = status(clone)
    result = make(clone, "edition", "ORG=testby", "NOTE=Ny udgave", "VERSON=2.0", "APROVED_BY=Byrådet")
    assert result.returncode == 2, result.stderr
    takes = "it takes ORG, NOTE, NOTE_DA, NOTE_NB, NOTE_EN, VERSION, APPROVED_BY, APPROVED_ON, IN_FORCE_FROM"
    assert result.stderr.splitlines()[-3:-1] == [
        f"error: make edition does not take VERSON: {takes}. Did you mean VERSION? Nothing was done; run it again "
        f"without VERSON=",
        f"error: make edition does not take APROVED_BY: {takes}. Did you mean APPROVED_BY? Nothing was done; run it "
        f"again without APROVED_BY="]
    assert status(clone) == before and not (clone / "docs/_editions").exists()
    result = make(clone, "check", "ORG=testby")  # a variable of another command is refused as well
    assert result.returncode == 2
    assert "error: make check does not take ORG: it takes HINTS. Nothing was done; run it again without ORG=" \
        in result.stderr
    assert make(clone, "check", "HINTS=1").returncode == 0  # its own variables pass


def test_every_command_has_a_list_and_every_listed_variable_reaches_python() -> None:
    from publisher.commands.make_variables import COMMAND_VARIABLES, TARGETS

    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text(encoding="utf-8")
    passed = set(makefile.split("ARGUMENTS := ", 1)[1].split("\nunexport", 1)[0].replace("\\", " ").split())
    assert set(COMMAND_VARIABLES) == set(TARGETS)
    assert {name for names in COMMAND_VARIABLES.values() for name in names} - passed == {"LANG"}  # LANG: its own rule


# -- make import: never from its own kept sources, and all or nothing even under kill -9 --------------------

def _snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the repository but the lock (its content is the last holder's process id)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.is_symlink() and p.name != ".sources.lock" and "/hooks/" not in str(p)}


def _guideline(path: Path) -> Path:
    path.write_text("Retningsliner for sosiale medium\n\n1. Formål\n\nSosiale medium er ein viktig kanal for "
                    "kommunen, og vi vil at dei tilsette skal bruke dei med omtanke.\n\n2. Tryggleik\n\nDu skal "
                    "aldri dele opplysningar om brukarar, og du spør leiaren din når du er i tvil.\n", encoding="utf-8")
    return path


nyby = test_commands_import.nyby  # a fresh fixture repository with the draft organisation 'nyby' (nn, en)


def test_make_import_never_reads_a_document_it_keeps_itself(nyby: Path, tmp_path: Path) -> None:
    from publisher.commands.import_document import import_organisation

    import_organisation(nyby / "docs", "nyby", _guideline(tmp_path / "veileder.txt"), out=lambda line: None)
    for page in (nyby / "docs/nyby").glob("*.md"):  # the pages moved out, as the refusal to re-import asks
        page.unlink()
    before = _snapshot(nyby)
    kept = nyby / "docs/_sources/nyby/extracted.txt"
    with pytest.raises(PublisherError) as error:
        import_organisation(nyby / "docs", "nyby", kept, out=lambda line: None)
    assert str(error.value) == (
        "docs/_sources/nyby/extracted.txt:1: error: this is a file make import keeps in docs/_sources/, and importing "
        "it would overwrite it with what is made from it, so nothing was changed: copy the document out of docs/ "
        "first (e.g. cp docs/_sources/nyby/extracted.txt /tmp/) and import the copy")
    named = _guideline(tmp_path / "extracted.txt")
    with pytest.raises(PublisherError) as error:
        import_organisation(nyby / "docs", "nyby", named, out=lambda line: None)
    assert str(error.value).endswith(
        "error: the document is named extracted.txt, the name of the text make import extracts beside it in "
        "docs/_sources/nyby/, where one would replace the other, so nothing was changed: rename the document (e.g. "
        "original.txt) and import it again")
    assert _snapshot(nyby) == before


@pytest.mark.parametrize(("number", "reason", "advice"), [
    (28, "No space left on device", "the disk is full: free some space, then run the command again"),
    (30, "Read-only file system", "the disk or folder is read-only: run the command in a checkout you can write to"),
    (13, "Permission denied", "you may not change it: check its permissions and the folder's (ls -l), make them "
                              "writable (chmod u+w), then run the command again"),
])
def test_make_import_failing_to_write_changes_nothing_and_says_what_to_do(nyby: Path, tmp_path: Path, monkeypatch,
                                                                         number: int, reason: str, advice: str) -> None:
    from publisher.commands.import_document import import_organisation
    from publisher.files import source_transaction

    document = _guideline(tmp_path / "veileder.txt")
    before = _snapshot(nyby)
    real = source_transaction.os.replace

    def fails_at_the_second_page(source, target) -> None:  # after two files of docs/ were replaced
        if str(target).endswith("docs/nyby/tryggleik.nn.md"):
            raise OSError(number, reason, str(target))
        real(source, target)

    monkeypatch.setattr(source_transaction.os, "replace", fails_at_the_second_page)
    with pytest.raises(PublisherError) as error:
        import_organisation(nyby / "docs", "nyby", document, out=lambda line: None)
    assert str(error.value) == (f"docs/nyby/tryggleik.nn.md:1: error: the import could not write or read this file "
                                f"({reason}) and nothing was changed; {advice}")
    assert _snapshot(nyby) == before
    assert not list(nyby.glob(".sources-transaction-*"))


KILL_POINTS = ("replace", "unlink", "link", "fsync", "mkdir", "rmdir", "open")  # every step that changes a file


def _kill_at(point: int) -> None:
    """In a forked child: SIGKILL this process at its `point`-th file operation (as kill -9 from outside would)."""
    count = [0]

    def counted(real: Callable[..., Any]) -> Callable[..., Any]:
        def operation(*args: Any, **kwargs: Any) -> Any:
            count[0] += 1
            if count[0] == point:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        operation.__wrapped__ = real  # type: ignore[attr-defined]
        return operation

    for name in KILL_POINTS:
        setattr(os, name, counted(getattr(os, name)))


def _kill_within_commit(point: int) -> None:
    """In a forked child: SIGKILL this process at the `point`-th file operation of its SourceTransaction's commit
    and finish (when the command reaches it; after `finish` nothing is counted)."""
    from publisher.files.source_transaction import SourceTransaction

    commit, finish = SourceTransaction.commit, SourceTransaction.finish

    def armed(self: SourceTransaction) -> None:
        _kill_at(point)
        commit(self)

    def disarmed(self: SourceTransaction) -> None:
        finish(self)
        for name in KILL_POINTS:  # the real functions again: what follows the change is not counted
            setattr(os, name, getattr(os, name).__wrapped__)

    SourceTransaction.commit = armed  # type: ignore[method-assign]
    SourceTransaction.finish = disarmed  # type: ignore[method-assign]


def killed_at_every_point(template: Path, runs: Path, command: Callable[[Path], object],
                          from_commit: bool = False) -> Iterator[tuple[int, Path]]:
    """(process id, the repository) after `command` was killed at its 1st, 2nd, ... file operation, each on a fresh
    copy of `template`; ends when it completes without reaching the point (that copy is yielded with 0).
    `from_commit`: count from the start of its SourceTransaction.commit (what comes before writes nothing in
    docs/, and a command that makes PDFs first would take minutes to kill at every step of that)."""
    point = 0
    while True:
        point += 1
        root = runs / f"run{point}"
        shutil.copytree(template, root, symlinks=True)
        child = os.fork()
        if child == 0:
            try:
                if from_commit:
                    _kill_within_commit(point)
                else:
                    _kill_at(point)
                command(root)
            finally:
                os._exit(0)
        _, status = os.waitpid(child, 0)
        if not os.WIFSIGNALED(status):
            yield 0, root
            return
        yield child, root
        shutil.rmtree(root)


def test_make_import_on_a_full_disk_names_the_page_it_could_not_write(nyby: Path, tmp_path: Path, monkeypatch) -> None:
    from publisher.commands.import_document import import_organisation
    from publisher.files import source_transaction

    before = _snapshot(nyby)
    real = source_transaction.os.fsync

    def full(descriptor: int) -> None:  # the disk fills while the third file is staged, before docs/ is touched
        full.calls += 1  # type: ignore[attr-defined]
        if full.calls == 3:  # type: ignore[attr-defined]
            raise OSError(28, "No space left on device", None)
        real(descriptor)

    full.calls = 0  # type: ignore[attr-defined]
    monkeypatch.setattr(source_transaction.os, "fsync", full)
    with pytest.raises(PublisherError) as error:
        import_organisation(nyby / "docs", "nyby", _guideline(tmp_path / "veileder.txt"), out=lambda line: None)
    assert str(error.value) == ("docs/nyby/tryggleik.nn.md:1: error: the import could not write or read this file "
                                "(No space left on device) and nothing was changed; the disk is full: free some space, "
                                "then run the command again")
    assert _snapshot(nyby) == before and not list(nyby.glob(".sources-transaction-*"))


def test_make_import_killed_at_any_point_leaves_the_repository_as_before_or_imported(nyby: Path,
                                                                                     tmp_path: Path) -> None:
    """kill -9 at every file operation of the import, in turn; then the next writer recovers."""
    from publisher.checks import check_all
    from publisher.commands.import_document import import_organisation
    from publisher.files.locking import source_lock

    document = _guideline(tmp_path / "veileder.txt")
    template = tmp_path / "template"
    shutil.copytree(nyby, template, symlinks=True)
    before = _snapshot(nyby)
    import_organisation(nyby / "docs", "nyby", document, out=lambda line: None)
    after = _snapshot(nyby)
    seen = {"before": 0, "after": 0, "flagged": 0}
    command = "make import ORG=nyby FILE=../veileder.txt"
    for child, root in killed_at_every_point(template, tmp_path, lambda root: import_organisation(
            root / "docs", "nyby", document, out=lambda line: None)):
        if not child:
            assert _snapshot(root) == after
            break
        stopped = [str(f) for f in check_all(load_catalogue(root / "docs")).errors if "was stopped" in f.message]
        if stopped:  # killed while docs/ was half changed: make check says so, and what to run
            seen["flagged"] += 1
            assert stopped == [f".sources-transaction-{child}:1: error: '{command}' (process {child}) was stopped "
                               f"while writing docs/, which is half changed: run '{command}' again; it first puts "
                               f"back everything the stopped run changed"]
        with source_lock(root / "docs"):  # what the next command that writes sources does first
            pass
        state = _snapshot(root)
        assert state in (before, after), f"killed in {root.name}: neither as before nor imported"
        seen["before" if state == before else "after"] += 1
        assert not list(root.glob(".sources-transaction-*"))
    assert seen["before"] > 10 and seen["after"] > 3 and seen["flagged"] > 5, seen


# -- every command's I/O errors: one message naming the file, the state and what to do ----------------------

def test_make_site_on_a_full_disk_says_which_file_and_leaves_site_as_it_was(fixture_repo, monkeypatch,
                                                                            capsys) -> None:
    from publisher import __main__
    from publisher.pipeline import whole

    root = fixture_repo()
    (root / "site").mkdir()
    (root / "site/index.html").write_text("the previous build", encoding="utf-8")
    staging = root / "site.staging-1"

    def full(out: Path) -> Path:
        raise OSError(28, "No space left on device", str(staging))

    monkeypatch.setattr(__main__, "ROOT", root)
    monkeypatch.setattr(whole, "_new_staging", full)
    assert __main__.main(["build"]) == 1
    assert capsys.readouterr().err == (
        "error: could not write or read site.staging-1 (No space left on device); site/ was left as it was; the disk "
        "is full: free some space, then run the command again\n")
    assert (root / "site/index.html").read_text(encoding="utf-8") == "the previous build"


def test_make_import_in_a_read_only_docs_folder_says_which_file_and_changes_nothing(nyby: Path, tmp_path: Path,
                                                                                    monkeypatch, capsys) -> None:
    from publisher import __main__
    from publisher.files import locking

    before = _snapshot(nyby)
    real = locking.os.open

    def read_only(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202 (os.open's own signature)
        if str(path).endswith("docs/.sources.lock"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(__main__, "ROOT", nyby)
    monkeypatch.setattr(locking.os, "open", read_only)
    assert __main__.main(["import", "--org", "nyby", "--file", str(_guideline(tmp_path / "veileder.txt"))]) == 1
    assert capsys.readouterr().err == (
        "error: could not write or read docs/.sources.lock (Permission denied); nothing was changed; you may not "
        "change it: check its permissions and the folder's (ls -l), make them writable (chmod u+w), then run the "
        "command again\n")
    assert _snapshot(nyby) == before


def _new_org(root: Path) -> None:
    from publisher.commands.new_org import new_organisation

    new_organisation(root / "docs", "nyt", "Nyt", ["da", "en"])


def _addresses(root: Path) -> None:
    from publisher.model.addresses import record_addresses

    record_addresses(load_catalogue(root / "docs"))


def _mark(root: Path) -> None:
    from publisher.model.translations import mark_current

    mark_current(load_catalogue(root / "docs"), root / "docs/testby/regler.en.md")


@pytest.mark.parametrize("command", [_new_org, _addresses, _mark], ids=["new-org", "addresses", "translations MARK"])
def test_every_other_command_that_writes_sources_killed_at_any_point_leaves_before_or_after(
        fixture_repo, tmp_path: Path, command: Callable[[Path], None]) -> None:
    from publisher.files.locking import source_lock

    root = fixture_repo()
    page = root / "docs/testby/regler.da.md"  # a changed source page: its translation is there to mark
    page.write_text(page.read_text(encoding="utf-8") + "\nEn ny sætning.\n", encoding="utf-8")
    template = tmp_path / "template"
    shutil.copytree(root, template, symlinks=True)
    before = _snapshot(root)
    command(root)
    after = _snapshot(root)
    assert after != before
    states = []
    for child, run in killed_at_every_point(template, tmp_path / "runs", command):
        if not child:
            assert _snapshot(run) == after
            break
        with source_lock(run / "docs"):  # what the next command that writes sources does first
            pass
        state = _snapshot(run)
        assert state in (before, after), f"killed in {run.name}: neither as before nor done"
        states.append("before" if state == before else "after")
        assert not [p for p in run.rglob("*") if p.name.startswith((".sources-transaction-", ".new-org-"))]
    assert len(states) > 5 and "before" in states, states


def test_a_text_document_that_is_not_utf8_is_refused_at_its_line(tmp_path: Path) -> None:
    from publisher.files.document_readers import read_document

    document = tmp_path / "veileder.txt"
    document.write_bytes("Retningslinjer\n\nFormål\n\nVi bruger sociale medier med omtanke.\n".encode("cp1252"))
    with pytest.raises(PublisherError) as error:
        read_document(document, "veileder.txt")
    assert str(error.value) == ("veileder.txt:3: error: the document is not UTF-8 text (byte 0xe5 on this line), so "
                                "nothing was changed: open it in a text editor and save it with UTF-8 encoding")


def test_make_edition_killed_at_any_point_of_its_writing_leaves_before_or_recorded(fixture_repo, tmp_path: Path,
                                                                                 monkeypatch) -> None:
    import datetime as dt

    from publisher.commands import edition_writing
    from publisher.commands.edition import record_edition
    from publisher.commands.edition_request import Request
    from publisher.files.locking import source_lock

    def quick_pdf(root: Path, catalogue: object, org_id: str, language: str, target: Path, view: object) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)  # the PDF's bytes do not matter here, its writing does
        target.write_bytes(f"%PDF {org_id} {language}".encode())

    monkeypatch.setattr(edition_writing, "write_pdf", quick_pdf)

    def edition(root: Path) -> None:
        record_edition(root, Request("testby", "Første udgave", {}), today=dt.date(2024, 2, 1), progress=lambda _: None)

    root = fixture_repo()
    template = tmp_path / "template"
    shutil.copytree(root, template, symlinks=True)
    before = _snapshot(root)
    edition(root)
    after = _snapshot(root)
    assert "docs/_editions/testby/1/pdf/testby-da.pdf" in after and after["docs/organisations.yml"] != \
        before["docs/organisations.yml"]  # the facts moved into the first edition
    states = []
    for child, run in killed_at_every_point(template, tmp_path / "runs", edition, from_commit=True):
        if not child:
            assert _snapshot(run) == after
            break
        with source_lock(run / "docs"):
            pass
        state = _snapshot(run)
        assert state in (before, after), f"killed in {run.name}: neither as before nor recorded"
        states.append("before" if state == before else "after")
        assert not list(run.glob(".sources-transaction-*"))
    assert states.count("before") > 10, states


def test_a_site_that_cannot_be_written_names_the_file_and_what_to_do(fixture_repo, monkeypatch) -> None:
    from mkdocs.commands import build as mkdocs_build
    from publisher.pipeline.workers import build_site

    root = fixture_repo()

    def full(config: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device", str(root / "site.staging-1/parts/testby/da/index.html"))

    monkeypatch.setattr(mkdocs_build, "build", full)
    result = build_site(str(root), "testby", "da", str(root / "site.staging-1/parts/testby/da"))
    assert result.problems == ["could not write or read site.staging-1/parts/testby/da/index.html (No space left on "
                               "device); the disk is full: free some space, then run the command again"]


def test_make_import_names_no_page_after_what_the_site_writes_itself() -> None:
    from publisher.commands.import_pages import slug

    taken: set[str] = set()
    assert [slug(heading, taken) for heading in ("About", "Søg", "Search", "EN", "Assets", "1. Formål")] == [
        "about-2", "sog", "search-2", "en-2", "assets-2", "formal"]


def test_the_preview_shows_a_notice_instead_of_rendering_a_page_beyond_the_limits(tmp_path: Path) -> None:
    from types import SimpleNamespace

    import checks as checks_hook

    page = tmp_path / "regler.da.md"
    page.write_text(FM_DA + "[" * 40_000 + "\n", encoding="utf-8")
    fake = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(page), src_uri="regler.da.md"))
    with within(5):
        assert checks_hook.on_page_markdown("[" * 40_000, fake, None, None) == checks_hook.NOT_RENDERED  # type: ignore[arg-type]
    page.write_text(FM_DA + "Tekst.\n", encoding="utf-8")
    assert checks_hook.on_page_markdown("Tekst.\n", fake, None, None) == "Tekst.\n"  # type: ignore[arg-type]
