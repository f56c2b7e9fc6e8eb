"""The build driver and hooks on tiny fixture repositories."""

from __future__ import annotations

from pathlib import Path

import pytest
from htmltools import read_page
from publisher.files.findings import PublisherError
from publisher.pipeline.whole import BuildFailed, build_all


def test_fixture_organisation_builds_in_both_languages(fixture_repo) -> None:
    root = fixture_repo()
    lines: list[str] = []
    build_all(root, root / "site", progress=lines.append)
    assert sorted(line.split(" -> ")[0] for line in lines) == [
        "ok   PDF  testby (da)", "ok   PDF  testby (en)", "ok   site testby (da)", "ok   site testby (en)",
    ]
    assert (root / "site/testby/pdf/testby-en.pdf").is_file()
    regler = read_page(root / "site/testby/regler.html")
    assert regler.html_lang == "da"
    assert "admonition" not in regler.classes  # its own wording reads as its document: no box
    switcher = {link["hreflang"]: link["href"] for link in regler.links if "md-select__link" in link.get("class", "")}
    assert switcher == {"da": "regler.html", "en": "en/regler.html"}
    english = read_page(root / "site/testby/en/regler.html")
    switcher = {link["hreflang"]: link["href"] for link in english.links if "md-select__link" in link.get("class", "")}
    assert switcher == {"da": "../regler.html", "en": "regler.html"}


def test_failed_build_leaves_existing_site_untouched(fixture_repo) -> None:
    root = fixture_repo(pages={"testby/regler.da.md": "---\ntitle: Regler\n---\n\n--8<-- \"da/missing.md\"\n"})
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("the published site", encoding="utf-8")
    lines: list[str] = []
    with pytest.raises(BuildFailed) as failed:
        build_all(root, site, progress=lines.append)
    assert [(f.org_id, f.kind) for f in failed.value.failures] == [("testby", "pdf"), ("testby", "site")]
    assert "missing.md" in str(failed.value)
    assert any(line.startswith("FAIL site testby (da)") for line in lines)
    assert (site / "index.html").read_text(encoding="utf-8") == "the published site"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert not list(root.glob("site.staging-*")), "staging folder left behind"


def test_unknown_language_in_organisations_file_names_the_line(fixture_repo, tmp_path: Path) -> None:
    from conftest import FIXTURE_ORGANISATIONS

    broken = FIXTURE_ORGANISATIONS.replace("languages: [da, en]", "languages: [da, fr]")
    root = fixture_repo(organisations=broken)
    with pytest.raises(PublisherError) as error:
        build_all(root, root / "site")
    assert str(error.value) == (
        "docs/organisations.yml:6: error: organisation 'testby': language 'fr' is not defined in "
        "docs/languages.yml (known: da, nb, nn, en)"
    )


def test_organisation_without_folder_is_reported(fixture_repo) -> None:
    from conftest import FIXTURE_ORGANISATIONS

    extra = FIXTURE_ORGANISATIONS + FIXTURE_ORGANISATIONS.split("\n", 1)[1].replace("testby:", "nyby:")
    root = fixture_repo(organisations=extra)
    with pytest.raises(PublisherError) as error:
        build_all(root, root / "site")
    assert str(error.value) == (
        "docs/organisations.yml:26: error: organisation 'nyby' has no folder docs/nyby/; create it with its pages"
    )


def test_serve_previews_one_organisation_in_one_language(fixture_repo) -> None:
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    root = fixture_repo()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(root / "hooks"), "GUIDE_ORG": "testby", "GUIDE_LANG": "en"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}",
         "-f", str(root / "mkdocs.yml")],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        html = ""
        for _ in range(60):
            try:
                html = urllib.request.urlopen(f"http://127.0.0.1:{port}/regler.html", timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert '<html lang="en"' in html
        assert "<p>Testby's text on silence.</p>" in html and "text from" not in html
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_hreflang_and_canonical_only_with_the_sites_address(fixture_repo, monkeypatch) -> None:
    root = fixture_repo()
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    head = (root / "site/testby/regler.html").read_text(encoding="utf-8").split("</head>")[0]
    assert 'rel="alternate"' not in head and 'rel="canonical"' not in head
    monkeypatch.setenv("GUIDE_SITE_URL", "https://intranet.testby.dk/guides/")
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False, incremental=False)
    head = (root / "site/testby/en/regler.html").read_text(encoding="utf-8").split("</head>")[0]
    assert '<link rel="canonical" href="https://intranet.testby.dk/guides/testby/en/regler.html">' in head
    assert '<link rel="alternate" href="https://intranet.testby.dk/guides/testby/regler.html" hreflang="da">' in head
    assert '<link rel="alternate" href="https://intranet.testby.dk/guides/testby/en/regler.html" hreflang="en">' in head
    switcher = read_page(root / "site/testby/en/regler.html")
    assert {link["href"] for link in switcher.links if "md-select__link" in link.get("class", "")} == {
        "../regler.html", "regler.html"}
