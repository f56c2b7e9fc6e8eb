"""Shared fixtures: the real publication built once, and tiny fixture repositories."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from publisher.outputs.engine import use_engine  # noqa: E402

use_engine()  # `make test ENGINE=properdocs`: every build in the suite runs on ProperDocs

from publisher.pipeline.whole import build_all  # noqa: E402


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All real organisation sites and the portal, built once for the session: with pytest-xdist
    (`make test`), once for all its worker processes. The first to ask builds it in the folder they
    share, under a lock; the others wait for it and read it. Tests only read it."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # each worker's own temporary folder is in the run's
    folder = shared / "real"
    with open(shared / "real.lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if the process dies
        if not (folder / "built").is_file():
            shutil.rmtree(folder, ignore_errors=True)  # a build that failed: build again, to report it here too
            folder.mkdir()
            build_all(ROOT, folder / "site", progress=lambda line: None)
            (folder / "built").write_text("", encoding="utf-8")
    return folder / "site"


FIXTURE_LANGUAGES = (ROOT / "docs" / "languages.yml").read_text(encoding="utf-8")

FIXTURE_ORGANISATIONS = """\
organisations:
  testby:
    name: Testby Kommune
    country: DK
    domain: testby.dk
    languages: [da, en]
    palette: {primary: "#1d4f7c", accent: "#a3461a"}
    feedback_email: kommunikation@testby.dk
    contact:
      unit: HR
      name: Hanne Hansen
      email: hr@testby.dk
      phone: "12 34 56 78"
    document:
      title: Testbys retningslinjer
      approved_by: Byrådet
      approved_on: 2024-01-31
      version: "1.0"
    nav: [index.md, regler.md]
    status: ready
    accessibility_contact:
      email: web@testby.dk
      phone: "87 65 43 21"
      given_by: "Testby Kommune, Kommunikation, by e-mail to the site's editors"
      given_on: 2024-02-01
"""

FIXTURE_PAGES = {
    "testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\ntopics: []\n---\n\n"
                          "Her er vi. Se [de nye regler](regler.md#tavshed) her.\n",
    "testby/index.en.md": "---\ntitle: Home\ntopics: []\n---\n\nWelcome. Read [the rules](regler.md#tavshed).\n",
    "testby/regler.da.md": "---\ntitle: Regler\nowner: HR\nreview_by: 2027-01-01\ntopics: [confidentiality]\n---\n\n"
                           "## Tavshedspligt {#tavshed}\n\nHold tæt.\n\n--8<-- \"confidentiality/testby.da.md\"\n",
    "testby/regler.en.md": "---\ntitle: Rules\ntopics: [confidentiality]\n---\n\n"
                           "## Confidentiality {#tavshed}\n\nKeep quiet.\n\n--8<-- \"confidentiality/testby.en.md\"\n",
    "_shared/confidentiality/testby.da.md": "Testbys tekst om tavshed.\n",
    "_shared/confidentiality/testby.en.md": "Testby's text on silence.\n",
    "adoptions.yml": "confidentiality:\n  testby:\n    testby: {where: \"Regler, afsnit 2\"}\n",
}


def make_repo(root: Path, pages: dict[str, str] | None = None, organisations: str = FIXTURE_ORGANISATIONS) -> Path:
    """A tiny repository: the real mkdocs.yml, .gitignore, hooks and overrides, fixture docs/."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(ROOT / ".gitignore", root / ".gitignore")  # the lock files stay out of git, as in a clone
    for shared in ("hooks", "overrides"):
        (root / shared).symlink_to(ROOT / shared, target_is_directory=True)
    docs = root / "docs"
    docs.mkdir()
    (docs / "languages.yml").write_text(FIXTURE_LANGUAGES, encoding="utf-8")
    shutil.copy(ROOT / "docs" / "topics.yml", docs / "topics.yml")
    (docs / "organisations.yml").write_text(organisations, encoding="utf-8")
    for name, text in {**FIXTURE_PAGES, **(pages or {})}.items():
        path = docs / name
        if text is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _mark_translations_reviewed(docs)
    return root


def with_danish_label(root: Path, key: str, value: str) -> Path:
    """`root` with the Danish `key` of docs/languages.yml (the first one in the file) written as `value`."""
    path = root / "docs/languages.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"\n  {key}: ") + 1
    end = text.index("\n", start)
    path.write_text(text[:start] + f"  {key}: {value}" + text[end:], encoding="utf-8")
    return root


def _mark_translations_reviewed(docs: Path) -> None:
    """Fixture translations start as reviewed, like the real ones: their source_hash is recorded."""
    from publisher.files.findings import PublisherError
    from publisher.model.organisations import load_catalogue
    from publisher.model.translations import mark_current

    try:
        catalogue = load_catalogue(docs)
    except PublisherError:
        return  # a fixture with a broken catalogue tests exactly that
    for org in catalogue.organisations.values():
        for language in org.translations:
            for path in sorted(catalogue.org_dir(org.id).glob(f"*.{language}.md")):
                text = path.read_text(encoding="utf-8")
                source = path.with_name(path.name.replace(f".{language}.md", f".{org.source_language}.md"))
                if text.startswith("---") and "untranslated: true" not in text and source.is_file():
                    with contextlib.suppress(PublisherError):  # broken front matter is what it tests
                        mark_current(catalogue, path)


@pytest.fixture
def fixture_repo(tmp_path: Path) -> Callable[..., Path]:
    """Factory: `fixture_repo(pages={...})` returns the root of a fresh fixture repository."""
    def factory(pages: dict[str, str] | None = None, organisations: str = FIXTURE_ORGANISATIONS) -> Path:
        return make_repo(tmp_path / "repo", pages, organisations)
    return factory
