"""Contributor workflow: new organisations, edit links, the dashboard, CI files."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from htmltools import read_page
from publisher.checks import check_all
from publisher.commands.new_org import new_organisation
from publisher.files.findings import ArgumentError
from publisher.model.organisations import load_catalogue
from publisher.model.readability import band, measure
from publisher.model.sources import parse_text
from publisher.outputs.dashboard import collect, render_dashboard
from publisher.pipeline.whole import build_all

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = load_catalogue(ROOT / "docs")


def test_new_org_builds_at_once(fixture_repo) -> None:
    root = fixture_repo()
    created = new_organisation(root / "docs", "nyby", "Nyby kommune", ["nb", "en"])
    assert [p.relative_to(root).as_posix() for p in created] == [
        "docs/organisations.yml", "docs/nyby/index.nb.md", "docs/nyby/index.en.md",
    ]
    catalogue = load_catalogue(root / "docs")
    assert catalogue.organisation("nyby").country == "NO"
    assert check_all(catalogue).errors == []
    build_all(root, root / "site", org_ids=["testby", "nyby"], progress=lambda line: None)  # a draft: named
    assert read_page(root / "site/nyby/index.html").html_lang == "nb"
    assert read_page(root / "site/nyby/en/index.html").html_lang == "en"
    assert (root / "site/nyby/pdf/nyby-nb.pdf").is_file()
    assert (root / "site/testby/index.html").is_file()


def test_new_org_refuses_bad_input(fixture_repo) -> None:
    root = fixture_repo()
    with pytest.raises(ArgumentError) as error:  # the command line is at fault: no file and line
        new_organisation(root / "docs", "testby", "", ["fr"])
    assert sorted(error.value.problems) == [
        "COUNTRY must be DK or NO (it decides the accessibility-statement service)",
        "LANGUAGES must be codes from docs/languages.yml (da, nb, nn, en), the organisation's own language first, "
        "e.g. LANGUAGES=da,en",
        'NAME is required, e.g. NAME="Aarhus Kommune"',
        "organisation 'testby' exists already",
    ]


def test_without_a_configured_repository_no_page_has_an_edit_link(real_site: Path) -> None:
    for org in CATALOGUE.ready.values():
        for language in org.languages:
            base = real_site / org.id if language == org.source_language else real_site / org.id / language
            for entry in org.nav:
                path = base / entry.replace(".md", ".html")
                page = read_page(path)
                assert [link for link in page.links if link.get("rel") == "edit"] == [], path
                assert "github.com/example" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(("repo_url", "edit_uri", "expected"), [
    ("https://github.com/kommune/retningslinjer", "", "https://github.com/kommune/retningslinjer/edit/main/docs/"),
    ("https://gitlab.kommune.dk/hr/retningslinjer/", "",
     "https://gitlab.kommune.dk/hr/retningslinjer/-/edit/main/docs/"),
    ("https://gitea.kommune.no/hr/retningslinjer", "_edit/main/docs/",
     "https://gitea.kommune.no/hr/retningslinjer/_edit/main/docs/"),
])
def test_edit_link_of_every_page_points_at_its_own_file(fixture_repo, monkeypatch, repo_url: str, edit_uri: str,
                                                        expected: str) -> None:
    monkeypatch.setenv("GUIDE_REPO_URL", repo_url)
    monkeypatch.setenv("GUIDE_EDIT_URI", edit_uri)
    root = fixture_repo()
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    for path, source in (("testby/index.html", "index.da.md"), ("testby/en/regler.html", "regler.en.md")):
        edits = [link["href"] for link in read_page(root / "site" / path).links if link.get("rel") == "edit"]
        assert edits == [f"{expected}testby/{source}"], path


def test_lix_of_a_known_text() -> None:
    figures = measure(parse_text("---\ntitle: x\n---\n\nJeg kan lide kage. Hun spiser altid chokolade.\n"))
    assert (figures.words, figures.sentences, figures.long_words) == (8, 2, 1)
    assert figures.lix == 4 + 100 * 1 / 8
    assert [band(x) for x in (24.9, 25, 35, 45, 55)] == ["very easy", "easy", "medium", "hard", "very hard"]


HARD = ("Kommunikationsmedarbejderens organisationsudviklingsperspektiv vedrørende tværorganisatoriske "
        "kommunikationsindsatser forudsætter gennemgribende dokumentationsprocedurer, forvaltningsretlige "
        "kvalitetssikringsmekanismer, institutionaliserede evalueringsprocesser og omfattende "
        "kompetenceudviklingsinitiativer i hele koncernen samt i samtlige underliggende forvaltningsenheder "
        "i regionen og i kommunerne.")


def test_dashboard_lists_stale_translation_passed_review_and_hard_page(fixture_repo) -> None:
    root = fixture_repo({
        "testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2020-01-01\ntopics: []\n---\n\n"
                              f"{HARD}\n\nLæs [reglerne](regler.md#tavshed).\n",
    })
    source = root / "docs/testby/regler.da.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Hold tæt.", "Hold altid tæt."), encoding="utf-8")
    catalogue = load_catalogue(root / "docs")
    dashboard = collect(catalogue, today=dt.date(2026, 11, 22))
    english = next(s for s in dashboard.sites if s.language == "en")
    assert english.stale == ["docs/testby/regler.en.md"]
    index = next(p for p in dashboard.pages["testby"] if p.path.endswith("index.da.md"))
    assert index.review_state == "overdue"
    assert index.hard and index.lix > 55
    assert index.long_sentences == [(8, 28)]
    assert dashboard.adoption_matrix["testby"] == {("confidentiality", "testby"): "Regler, afsnit 2"}
    html = render_dashboard(catalogue, ROOT / "overrides", today=dt.date(2026, 11, 22))
    assert "docs/testby/regler.en.md" in html and "review date passed" in html
    assert re.search(r'class="hard">\d+\.\d</td>', html)
    warnings = [str(f) for f in check_all(catalogue).warnings]
    assert ("docs/testby/index.da.md:8: warning: readability: a sentence of 28 words (over 25); "
            "consider splitting it") in warnings
    assert any(w.startswith("docs/testby/index.da.md:1: warning: readability: LIX ") for w in warnings)


def test_real_site_has_the_dashboard(real_site: Path) -> None:
    html = (real_site / "status/index.html").read_text(encoding="utf-8")
    for org in CATALOGUE.organisations.values():
        assert org.name in html
    assert "status/index.html" in (real_site / "index.html").read_text(encoding="utf-8")


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", text, re.MULTILINE))


def test_workflow_files_are_valid_and_call_existing_make_targets() -> None:
    targets = makefile_targets()
    files = sorted((ROOT / ".github/workflows").glob("*.yml")) + [ROOT / ".pre-commit-config.yaml"]
    called = set()
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict), path
        text = path.read_text(encoding="utf-8")
        for target in re.findall(r"\bmake ([a-z][\w-]*)", text):
            assert target in targets, f"{path.name} calls 'make {target}', which the Makefile lacks"
            called.add(target)
    assert {"check", "site", "test", "translations", "lint"} <= called
    pull_request = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    assert "pull_request" in pull_request[True]  # YAML reads the key 'on' as true
    assert any(step.get("uses", "").startswith("actions/upload-artifact")
               for step in pull_request["jobs"]["build"]["steps"])
