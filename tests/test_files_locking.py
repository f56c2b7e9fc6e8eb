"""One build at a time in a checkout, and what a killed build leaves behind is put back
(publisher/files/locking.py, swap.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from publisher.files.locking import build_lock


def test_a_second_build_in_the_same_checkout_is_refused_while_one_runs(tmp_path: Path) -> None:
    out = tmp_path / "site"
    second = ("from pathlib import Path\nfrom publisher.files.findings import PublisherError\n"
              "from publisher.files.locking import build_lock\ntry:\n"
              f"    with build_lock(Path({str(out)!r}), wait=False): print('got it')\n"
              "except PublisherError as error: print(error)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    with build_lock(out):
        child = subprocess.run([sys.executable, "-c", second], env=env, capture_output=True, text=True, timeout=60)
    assert child.stdout == (f"site.lock:1: error: another build (process {os.getpid()}) is writing site/ in this "
                            f"checkout; wait until it has finished and run the command again\n")
    child = subprocess.run([sys.executable, "-c", second], env=env, capture_output=True, text=True, timeout=60)
    assert child.stdout == "got it\n"  # released: the next build gets it at once


def test_staging_folders_of_dead_builds_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"site.staging-{dead.pid}"
    (stale / "parts").mkdir(parents=True)
    running = tmp_path / f"site.staging-{os.getppid()}"  # a live process: maybe building right now
    running.mkdir()
    with build_lock(out):
        pass
    assert not stale.exists() and running.exists()


def _dead_pid() -> int:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    return dead.pid


def test_a_build_killed_between_the_two_renames_gets_its_previous_site_back(tmp_path: Path, capsys) -> None:
    out = tmp_path / "site"
    pid = _dead_pid()
    staging = tmp_path / f"site.staging-{pid}"  # site/ renamed to old/, killed before the new site took its place
    (staging / "old/testby").mkdir(parents=True)
    (staging / "old/index.html").write_text("the previous good build", encoding="utf-8")
    (staging / "site").mkdir()
    (staging / "site/index.html").write_text("the new build", encoding="utf-8")
    with build_lock(out):
        assert (out / "index.html").read_text(encoding="utf-8") == "the previous good build"
        assert (out / "testby").is_dir()
    assert not staging.exists()
    assert capsys.readouterr().err == (f"put back the previous site/ that a build (process {pid}) was killed while "
                                       f"replacing\n")


def test_make_pdf_killed_while_replacing_puts_every_old_pdf_back(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "testby/pdf").mkdir(parents=True)
    staging = tmp_path / f"site.staging-{_dead_pid()}"
    (staging / "old/testby/pdf").mkdir(parents=True)
    (staging / "new/testby/pdf").mkdir(parents=True)
    (staging / "old/testby/pdf/testby-da.pdf").write_bytes(b"old da")
    (out / "testby/pdf/testby-da.pdf").write_bytes(b"new da")  # replaced before the kill
    (staging / "old/testby/pdf/testby-en.pdf").write_bytes(b"old en")
    os.link(staging / "old/testby/pdf/testby-en.pdf", out / "testby/pdf/testby-en.pdf")  # not yet replaced
    (staging / "new/testby/pdf/testby-en.pdf").write_bytes(b"new en")
    (out / "nyby/pdf").mkdir(parents=True)
    (out / "nyby/pdf/nyby-da.pdf").write_bytes(b"new, had no old one")
    (staging / "replacing.json").write_text(
        '["testby/pdf/testby-da.pdf", "testby/pdf/testby-en.pdf", "nyby/pdf/nyby-da.pdf"]', encoding="utf-8")
    with build_lock(out):
        pass
    assert [(out / f"testby/pdf/testby-{lang}.pdf").read_bytes() for lang in ("da", "en")] == [b"old da", b"old en"]
    assert not (out / "nyby/pdf/nyby-da.pdf").exists() and not staging.exists()
