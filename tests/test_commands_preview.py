"""`make serve`: every finding with file:line, the error in the page itself, serving on, rebuilt on save."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from publisher.commands.preview import ensure_port_free, port_from_environment
from publisher.files.findings import PublisherError

ROOT = Path(__file__).resolve().parents[1]
BROKEN = "---\ntitle: Forside\nowner: HR\ntopics: []\n---\n\nSe [reglerne](reglerne.md).\n"
LINK_ERROR = ("docs/testby/index.da.md:7: error: link 'reglerne.md' points to a page that does not exist in 'testby' "
              "(Dansk (da)): no docs/testby/reglerne.da.md; pages: index.md, regler.md")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def preview(fixture_repo, tmp_path: Path):
    """Start `make serve ORG=testby PORT=<free port>` in a fixture repository; stop it afterwards."""
    started: list[subprocess.Popen] = []

    def start(pages: dict[str, str] | None = None) -> tuple[Path, str, Path]:
        root = fixture_repo(pages)
        for name in ("Makefile", "requirements.txt", "requirements-pip.lock", "requirements.lock",
                     "requirements-properdocs.lock", "tools", ".venv"):
            (root / name).symlink_to(ROOT / name)  # the real .venv: its .installed is newer than requirements.txt
        port = free_port()
        log = tmp_path / "serve.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "GUIDE_", "PYTHONPATH"))}
        env["PYTHONUNBUFFERED"] = "1"
        with log.open("w") as out:
            started.append(subprocess.Popen(["make", "serve", "ORG=testby", f"PORT={port}"], cwd=root, env=env,
                                            stdout=out, stderr=subprocess.STDOUT, start_new_session=True))
        return root, f"http://127.0.0.1:{port}/", log

    yield start
    for process in started:
        os.killpg(process.pid, signal.SIGTERM)  # make and the preview it started
        process.wait(timeout=10)


def test_serve_with_a_broken_link_prints_file_line_shows_it_and_keeps_serving(preview) -> None:
    root, url, log = preview({"testby/index.da.md": BROKEN})
    wait_for(lambda: "guide-preview-errors" in fetch(url + "index.html"), "the page with the error")
    page = fetch(url + "index.html")
    assert "1 error(s): fix them and save (make serve)" in page
    assert f"<li><code>{LINK_ERROR}</code></li>" in page.replace("&#39;", "'")
    output = log.read_text(encoding="utf-8")
    assert f"Errors (1):\n  {LINK_ERROR}\n" in output
    assert "Previewing testby (da): http://127.0.0.1:" in output

    page_file = root / "docs/testby/index.da.md"  # fixed and saved: rebuilt, the error is gone
    page_file.write_text(BROKEN.replace("reglerne.md", "regler.md"), encoding="utf-8")
    wait_for(lambda: "guide-preview-errors" not in fetch(url + "index.html"), "the rebuilt page")
    assert 'href="regler.html"' in fetch(url + "index.html")

    snippet = root / "docs/_shared/confidentiality/testby.da.md"  # a shared wording is watched too
    snippet.write_text("Testbys nye tekst om tavshed.\n", encoding="utf-8")
    wait_for(lambda: "Testbys nye tekst om tavshed." in fetch(url + "regler.html"), "the new shared wording")

    organisations = root / "docs/organisations.yml"  # a build that fails outright: an error page, still serving
    organisations.write_text(organisations.read_text(encoding="utf-8").replace("country: DK", "country: SE"),
                             encoding="utf-8")
    wait_for(lambda: "could not be built" in fetch(url + "regler.html"), "the error page")
    assert "docs/organisations.yml:4: error: organisation &#x27;testby&#x27;: &#x27;country&#x27; must be one of" \
        in fetch(url + "regler.html")


def test_a_busy_port_is_refused_before_starting() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(PublisherError) as error:
            ensure_port_free("127.0.0.1", port)
    assert str(error.value) == (f"Makefile:1: error: port {port} on 127.0.0.1 is in use (another 'make serve'?): stop "
                                f"that program, or preview on another port, e.g. make serve PORT={port + 1}")


def test_port_from_the_environment() -> None:
    assert port_from_environment({}) == 8000
    assert port_from_environment({"GUIDE_ARG_PORT": "8123"}) == 8123
    with pytest.raises(PublisherError) as error:
        port_from_environment({"GUIDE_ARG_PORT": "web"})
    assert str(error.value) == "Makefile:1: error: PORT=web is no port number: give one like PORT=8001"


def test_serve_shows_a_finding_as_text_never_as_markup(preview) -> None:
    # A link's anchor is what the editor typed; the finding that names it must not run in the preview.
    page = BROKEN.replace("[reglerne](reglerne.md)", "[a](index.md#<svg/onload=document.body.dataset.pwned=1>)")
    root, url, log = preview({"testby/index.da.md": page})
    wait_for(lambda: "guide-preview-errors" in fetch(url + "index.html"), "the page with the error")
    shown = fetch(url + "index.html")
    assert ("<li><code>docs/testby/index.da.md:7: error: anchor &#39;#&lt;svg/onload=document.body.dataset.pwned=1&gt;"
            "&#39; does not exist in docs/testby/index.da.md; it has no headings</code></li>") in shown
    assert "<svg/onload" not in shown
