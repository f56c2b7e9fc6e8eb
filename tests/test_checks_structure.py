"""Organisations, page files, nav and translations fit together (publisher/checks/structure.py)."""

from __future__ import annotations

from checking import findings
from conftest import FIXTURE_ORGANISATIONS
from publisher.pipeline.whole import build_all


def test_nav_entry_without_page_and_page_in_no_nav(fixture_repo) -> None:
    organisations = FIXTURE_ORGANISATIONS.replace("nav: [index.md, regler.md]", "nav: [index.md, reglr.md]")
    root = fixture_repo(organisations=organisations)
    assert findings(root) == [
        "docs/organisations.yml:19: error: nav entry 'reglr.md' of 'testby' has no page: create "
        "docs/testby/reglr.da.md or remove the entry",
        "docs/testby/regler.da.md:1: error: page 'regler.md' is in no nav: add it to 'nav' of 'testby' in "
        "docs/organisations.yml, or set 'hidden: true' in its front matter",
    ]


def test_hidden_page_needs_no_nav(fixture_repo) -> None:
    root = fixture_repo({
        "testby/skjult.da.md": "---\ntitle: Skjult\nowner: HR\nreview_by: 2027-01-01\nhidden: true\n---\n\nX\n",
        "testby/skjult.en.md": "---\ntitle: Hidden\nhidden: true\n---\n\nX\n",
    })
    assert findings(root) == []
    build_all(root, root / "site", progress=lambda line: None)  # what the check allows must build
    assert (root / "site/testby/skjult.html").is_file() and (root / "site/testby/en/skjult.html").is_file()
    assert "skjult.html" not in (root / "site/testby/index.html").read_text(encoding="utf-8")


def test_missing_translation(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.en.md": None})
    assert findings(root) == [
        "docs/testby/index.en.md:7: error: link 'regler.md#tavshed' points to a page that does not exist in "
        "'testby' (English (en)): no docs/testby/regler.en.md; pages: index.md",
        "docs/testby/regler.da.md:1: error: no English (en) translation: create docs/testby/regler.en.md, or "
        "create it with 'untranslated: true' in its front matter to show this page with a notice until it is "
        "translated",
    ]


def test_unknown_organisation_folder(fixture_repo) -> None:
    root = fixture_repo({"gammel/index.da.md": "x"})
    assert findings(root) == [
        "docs/gammel:1: error: folder docs/gammel/ belongs to no organisation: add 'gammel' to "
        "docs/organisations.yml or move the folder out of docs/",
    ]
