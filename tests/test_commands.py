"""Every command in README's table, run through make on a fresh-clone layout of this repository.

The clone holds the committed-and-working files of this checkout (as `git clone` would give,
plus uncommitted work) and the tiny fixture organisation instead of the five real ones, so each
command runs in seconds. It reuses this checkout's .venv (`-o` keeps make from reinstalling).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from html import escape
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, make_repo
from publisher.checks import check_all
from publisher.commands.new_org import new_organisation
from publisher.model.organisations import load_catalogue
from publisher.render.rendered_html import render

VENV = ROOT / ".venv"
HOSTILE = "\"; touch canary1; echo \" $(shell touch canary2) `touch canary3` $(touch canary4) ';touch canary5' #"


def _copy_checkout(into: Path) -> None:
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not name.startswith("docs/"):
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("clone") / "repo"
    root.mkdir()
    _copy_checkout(root)
    fixture = make_repo(tmp_path_factory.mktemp("fixture") / "repo")
    shutil.copytree(fixture / "docs", root / "docs")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "fresh clone"], cwd=root, check=True)
    return root


def make(root: Path, *arguments: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    # Not the variables of a `make test` this runs inside (MAKEFLAGS carries its command line into this make).
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("GUIDE_", "PYTHONPATH", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"))}
    return subprocess.run(["make", "--no-print-directory", "-o", str(VENV / ".installed"), f"VENV={VENV}",
                           *arguments], cwd=root, env=env, capture_output=True, text=True, timeout=timeout)


def status(root: Path) -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=root,
                          capture_output=True, text=True, check=True).stdout


def test_make_check(clone: Path) -> None:
    result = make(clone, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("No errors.")


def test_make_lint(clone: Path) -> None:
    assert make(clone, "lint").returncode == 0


def test_make_new_org_runs_nothing_it_is_given(clone: Path) -> None:
    result = make(clone, "new-org", "ID=hostile", f"NAME={HOSTILE}", "LANGUAGES=da,en")
    try:
        assert result.returncode == 0, result.stderr
        assert not [p for p in clone.rglob("canary*")], "a value was run by a shell"
        entry = yaml.safe_load((clone / "docs/organisations.yml").read_text(encoding="utf-8"))["organisations"]
        assert entry["hostile"]["name"] == HOSTILE
        assert make(clone, "check").returncode == 0
    finally:
        subprocess.run(["git", "checkout", "-q", "--", "docs"], cwd=clone, check=True)
        shutil.rmtree(clone / "docs/hostile", ignore_errors=True)
    assert status(clone) == ""


def test_make_new_org_failure_leaves_the_repository_as_it_was(clone: Path) -> None:
    result = make(clone, "new-org", "ID=z", "NAME=Zz: Center for HR", "LANGUAGES=da,fr")
    assert result.returncode == 2  # make's code for a failed recipe
    assert "LANGUAGES must be codes from docs/languages.yml" in result.stderr
    assert "Traceback" not in result.stderr
    assert status(clone) == ""


def test_make_new_org_names_the_value_typed_not_a_file(clone: Path) -> None:
    result = make(clone, "new-org", "ID=zz", "NAME=Foo\u202ebar <b>", "LANGUAGES=da,en")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "error: NAME=Foo\\u202ebar <b>: contains '<' or '>', which a browser reads as markup; write the text "
        "without them")
    result = make(clone, "new-org", "ID=zz", "NAME=Foo\u202ebar\u200b", "LANGUAGES=da,en")
    assert result.stderr.splitlines()[0] == (
        "error: NAME=Foo\\u202ebar\\u200b: contains U+202E RIGHT-TO-LEFT OVERRIDE and U+200B ZERO WIDTH SPACE, "
        "invisible characters that hide or reorder text; delete them (retype the text around them)")
    assert "organisations.yml" not in result.stderr and status(clone) == ""


def test_make_translations_and_mark(clone: Path, tmp_path: Path) -> None:
    result = make(clone, "translations")
    assert result.returncode == 0 and "testby" in result.stdout
    other = make_repo(tmp_path / "other")  # another checkout
    target = other / "docs/testby/regler.en.md"
    before = target.read_bytes()
    result = make(clone, "translations", f"MARK={target}")
    assert result.returncode == 2
    assert ("regler.en.md:1: error: a translation to mark must be a file in docs/testby/ of this checkout (not a "
            "link, not another checkout); nothing was changed\n") in result.stderr
    assert target.read_bytes() == before
    result = make(clone, "translations", "MARK=docs/testby/regler.en.md")
    assert result.returncode == 0 and "marked docs/testby/regler.en.md" in result.stdout
    assert status(clone) == ""  # it was current: the same bytes again


def test_make_site_org_shard_and_pdf(clone: Path) -> None:
    result = make(clone, "site", "ORG=testby")
    assert result.returncode == 0, result.stderr
    assert (clone / "site/testby/index.html").is_file() and (clone / "site/index.html").is_file()
    result = make(clone, "site", "SHARD=5/4")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "error: SHARD 5/4: the shard number must be between 1 and 4"
    result = make(clone, "site", "SHARD=1/0")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == ("error: SHARD 1/0: the number of shards (after the '/') must be at "
                                             "least 1, e.g. SHARD=1/4")
    result = make(clone, "site", "SHARD=1/1")
    assert result.returncode == 0, result.stderr
    assert "same testby (da): inputs unchanged" in result.stdout
    result = make(clone, "pdf", "ORG=testby")
    assert result.returncode == 0, result.stderr
    assert (clone / "site/testby/pdf/testby-en.pdf").read_bytes().startswith(b"%PDF")
    assert not list(clone.glob("site.staging-*"))


def test_an_organisation_named_twice_is_built_once(clone: Path) -> None:
    result = make(clone, "site", "ORG=testby,testby")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    built = sorted(line.split(" -> ")[0].split(": ")[0] for line in result.stdout.splitlines()
                   if " testby (" in line)
    assert built in (["ok   PDF  testby (da)", "ok   PDF  testby (en)",
                      "ok   site testby (da)", "ok   site testby (en)"],
                     ["same testby (da)", "same testby (en)"])  # built, or reused from an earlier test's build
    result = make(clone, "pdf", "ORG=testby testby")
    assert result.returncode == 0, result.stderr
    assert [line.split(" in ")[0] for line in result.stdout.splitlines()[1:]] == [  # [0]: the command make ran
        "ok   PDF testby (da) -> site/testby/pdf/testby-da.pdf",
        "ok   PDF testby (en) -> site/testby/pdf/testby-en.pdf"]
    assert (clone / "site/testby/pdf/testby-en.pdf").read_bytes().startswith(b"%PDF")
    assert not list(clone.glob("site.staging-*"))


def test_make_bench_small(clone: Path) -> None:
    # One Lighthouse page (2 s, not 90) and one run of the floor and the scale build, not the best of three.
    result = make(clone, "bench", "ORGS=2", "LIGHTHOUSE_PAGES=1", "RUNS=1", timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (clone / "bench-results.json").is_file()
    assert "7/7 make check on the real content" in result.stdout
    assert "the best of 1 builds" in result.stdout and '"runs": 1' in (clone / "bench-results.json").read_text()
    # The national figure: three languages, measured at ORGS and printed for 1,000 as an extrapolation.
    assert "national: 2 orgs x 3 languages (nb, nn, en)" in result.stdout
    assert "(extrapolated linearly from 2; ORGS=1000 measures it)" in result.stdout
    assert "make match: index 500 bodies, match one document" in result.stdout  # issue 22's figure
    assert len([line for line in result.stdout.splitlines() if line.startswith("Lighthouse performance: ")]) == 1
    assert "500 shared passages found" in result.stdout  # each fictional body's own copy of the model text


def test_make_serve(clone: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GUIDE_", "PYTHONPATH"))}
    server = subprocess.Popen(["make", "--no-print-directory", "-o", str(VENV / ".installed"), f"VENV={VENV}",
                               "serve", "ORG=testby", "LANG=en", f"ADDR=127.0.0.1:{port}"], cwd=clone, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/regler.html", timeout=5) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "make serve did not start"
                time.sleep(1)
        assert 'lang="en"' in page and "Keep quiet." in page
    finally:
        os.killpg(server.pid, 15)  # make and the server it started: our own process group
        server.wait(timeout=30)


@pytest.mark.parametrize("name", ["Zz: Center for HR", "# Nummer 1", "'Citat' og \"citat\"", "[Klammer]",
                                  "{Tuborg}", "Ærø Ølstykke Åbenrå", "  Mellemrum omkring  ", "Tilde ~ og * og _"])
def test_new_org_names_round_trip_exactly(fixture_repo, name: str) -> None:
    root = fixture_repo()
    new_organisation(root / "docs", "nyt", name, ["da", "en"])
    catalogue = load_catalogue(root / "docs")
    assert catalogue.organisation("nyt").name == name
    assert catalogue.organisation("nyt").contact is None  # nobody gave one: none is written
    assert "owner" not in (root / "docs/nyt/index.da.md").read_text(encoding="utf-8").split("---\n", 2)[1]
    assert check_all(catalogue).errors == []
    page = (root / "docs/nyt/index.da.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    expected = f"<p>Her kommer {escape(name, quote=False)}s retningslinjer for sociale medier.</p>"
    assert render(page, root, root / "docs/_shared").html == expected


def test_new_org_failure_after_writing_restores_everything(fixture_repo, monkeypatch) -> None:
    from publisher.files import source_transaction
    from publisher.files.findings import PublisherError

    root = fixture_repo()
    before = {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
    folders = sorted(p.name for p in (root / "docs").iterdir())

    real = source_transaction.os.replace

    def broken_replace(source: Path, target: Path) -> None:  # the pages are in place, then the disk fills
        if str(target).endswith("organisations.yml") and "/new/" in str(source):
            raise OSError(28, "No space left on device", str(target))
        real(source, target)

    monkeypatch.setattr(source_transaction.os, "replace", broken_replace)
    with pytest.raises(OSError):
        new_organisation(root / "docs", "nyt", "Nyt", ["da"])
    after = {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in (root / "docs").iterdir()) == folders
    with pytest.raises(PublisherError):
        new_organisation(root / "docs", "ny", "Ny <b>", ["da"])


def _publisher(root: Path, *arguments: str, **env: str) -> subprocess.Popen[str]:
    """`python -m publisher ...` in the fixture repository, as make runs it."""
    clean = {key: value for key, value in os.environ.items() if not key.startswith("GUIDE_")}
    return subprocess.Popen([sys.executable, "-m", "publisher", *arguments], cwd=root, text=True,
                            env={**clean, "PYTHONPATH": str(root / "hooks"), **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_new_orgs_at_once_both_end_up_recorded(fixture_repo) -> None:
    from publisher.files.locking import source_lock

    root = fixture_repo()
    docs = root / "docs"
    writers = []
    with source_lock(docs):  # a writer is busy: both new-orgs start while it holds the sources
        for org_id in ("org1", "org2"):
            writers.append(_publisher(root, "new-org", "--id", org_id, "--name", f"{org_id} kommune",
                                      "--languages", "da,en"))
            assert writers[-1].stderr.readline() == (f"waiting for another command that writes sources (process "
                                                     f"{os.getpid()}) to finish writing docs/ ...\n")
    for writer in writers:
        _, error = writer.communicate(timeout=120)
        assert writer.returncode == 0, error
    organisations = yaml.safe_load((docs / "organisations.yml").read_text(encoding="utf-8"))["organisations"]
    assert sorted(organisations) == ["org1", "org2", "testby"]
    assert [organisations[org_id]["name"] for org_id in ("org1", "org2")] == ["org1 kommune", "org2 kommune"]
    assert (docs / "org1/index.da.md").is_file() and (docs / "org2/index.en.md").is_file()
    assert check_all(load_catalogue(docs)).errors == []


def test_a_writer_that_may_not_wait_is_refused_and_changes_nothing(fixture_repo) -> None:
    from publisher.files.locking import source_lock

    root = fixture_repo()
    before = {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
    with source_lock(root / "docs"):
        writer = _publisher(root, "new-org", "--id", "org1", "--name", "Org 1", "--languages", "da,en",
                            GUIDE_BUILD_WAIT="0")
        _, error = writer.communicate(timeout=120)
    assert writer.returncode == 1
    assert error == (f"docs/.sources.lock:1: error: another command that writes sources (process {os.getpid()}) is "
                     f"writing docs/ in this checkout; wait until it has finished and run the command again\n")
    assert {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()} == before


def test_new_org_removes_the_staging_folders_of_killed_runs(fixture_repo) -> None:
    root = fixture_repo()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    killed = root / f"docs/.new-org-nyt-{dead.pid}-k1ll3d"
    killed.mkdir()
    (killed / "index.da.md").write_text("---\ntitle: half\n---\n", encoding="utf-8")
    running = root / f"docs/.new-org-andet-{os.getppid()}-runn1ng"  # a live process: maybe creating it now
    running.mkdir()
    new_organisation(root / "docs", "nyt", "Nyt", ["da"])
    assert not killed.exists() and running.is_dir()
    assert sorted(p.name for p in (root / "docs/nyt").iterdir()) == ["index.da.md"]


@pytest.mark.parametrize("writer", ["mark", "addresses", "edition", "import"])
def test_every_command_that_writes_sources_takes_the_lock(fixture_repo, monkeypatch, writer: str) -> None:
    from publisher.commands.edition import record_edition
    from publisher.commands.edition_request import Request
    from publisher.commands.import_document import import_organisation
    from publisher.files.findings import PublisherError
    from publisher.files.locking import source_lock
    from publisher.model.addresses import record_addresses
    from publisher.model.translations import mark_current

    root = fixture_repo()
    docs = root / "docs"
    catalogue = load_catalogue(docs)
    (root / "doc.txt").write_text("Titel\n\nEn linje.\n", encoding="utf-8")
    run = {"mark": lambda: mark_current(catalogue, docs / "testby/regler.en.md"),
           "addresses": lambda: record_addresses(catalogue),
           "edition": lambda: record_edition(root, Request("testby", "Note", {}), progress=lambda line: None),
           "import": lambda: import_organisation(docs, "testby", root / "doc.txt", out=lambda line: None)}[writer]
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    monkeypatch.setenv("GUIDE_BUILD_WAIT", "0")
    with source_lock(docs), pytest.raises(PublisherError) as refused:
        run()
    assert str(refused.value) == (f"docs/.sources.lock:1: error: another command that writes sources (process "
                                  f"{os.getpid()}) is writing docs/ in this checkout; wait until it has finished "
                                  f"and run the command again")
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before


def test_new_org_only_adds_lines_to_organisations_yml(fixture_repo) -> None:
    from conftest import FIXTURE_ORGANISATIONS

    commented = ("# Every organisation; ask the web team before changing a palette.\n"
                 + FIXTURE_ORGANISATIONS.replace("    nav: [index.md, regler.md]\n",
                                                 "    nav: [index.md, regler.md]  # the document's order\n")
                 + "\n  # New organisations go below.\n\n")
    root = fixture_repo(organisations=commented)
    new_organisation(root / "docs", "nyt", "Nyt", ["da"])
    text = (root / "docs/organisations.yml").read_text(encoding="utf-8")
    assert text.startswith(commented)
    assert text[len(commented):].startswith("  nyt:\n    name: Nyt\n    status: draft\n    country: DK\n")


def test_make_match_reports_and_writes_nothing(clone: Path) -> None:
    """A document that reuses a Testby page with its own name put in: found, and nothing written."""
    page = clone / "docs/testby/model.da.md"
    page.write_text("---\ntitle: Model\n---\n\n## Formål {#formaal}\n\nTestby Kommune bruger sociale medier. "
                    "Vi svarer hurtigt. Testbys ansatte skriver selv.\n", encoding="utf-8")
    document = clone.parent / "andenby.txt"
    document.write_text("Formål\n\nAndenby Kommune bruger sociale medier. Vi svarer hurtigt. Andenbys ansatte "
                        "skriver selv.\n", encoding="utf-8")
    try:
        before = status(clone)
        result = make(clone, "match", f"FILE={document}", "NAME=Andenby Kommune")
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()[1:]  # after the command make echoes
        assert lines[0] == "../andenby.txt: 1 shared passage(s)."
        assert lines[2] == "../andenby.txt (paragraphs 1-2) shares 4 item(s) with docs/testby/model.da.md:"
        assert status(clone) == before
    finally:
        page.unlink()
    missing = make(clone, "match")
    assert missing.returncode == 2  # make's own code for a failed recipe
    assert missing.stderr.splitlines()[0] == ('Makefile:1: error: give the document: make match FILE=<path to '
                                              '.docx/.odt/.pdf/.txt/.md> [ORG=<id> or NAME="..."]')
