"""Drafts: built only when named, with a banner and noindex; never on the portal; no guessed facts."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURE_ORGANISATIONS
from htmltools import read_page
from publisher.checks import check_all
from publisher.commands.new_org import new_organisation
from publisher.files.findings import PublisherError
from publisher.model.organisations import load_catalogue
from publisher.model.readiness import ready_with_errors
from publisher.outputs.dashboard import collect
from publisher.outputs.pdf import render_document
from publisher.outputs.site_config import all_targets
from publisher.pipeline.whole import build_all


def test_new_org_is_a_draft_that_guesses_nothing_readers_see(fixture_repo) -> None:
    root = fixture_repo()
    new_organisation(root / "docs", "birkenes", "Birkenes kommune", ["nb", "en"])
    entry = (root / "docs/organisations.yml").read_text(encoding="utf-8").split("  birkenes:\n")[1]
    assert "status: draft" in entry
    assert "domain" not in entry
    assert "review_by" not in (root / "docs/birkenes/index.nb.md").read_text(encoding="utf-8")
    catalogue = load_catalogue(root / "docs")
    birkenes = catalogue.organisation("birkenes")
    assert (birkenes.is_draft, birkenes.domain) == (True, None)
    assert [str(t) for t in all_targets(catalogue)] == ["testby (da)", "testby (en)"]
    assert "birkenes" in {t.org.id for t in all_targets(catalogue, ["birkenes"])}


def test_draft_is_absent_from_a_full_build_and_built_with_a_banner_when_named(fixture_repo) -> None:
    root = fixture_repo()
    new_organisation(root / "docs", "birkenes", "Birkenes kommune", ["nb", "en"])
    site = root / "site"
    build_all(root, site, progress=lambda line: None, with_pdf=False)
    assert not (site / "birkenes").exists()
    assert "Birkenes" not in (site / "index.html").read_text(encoding="utf-8")
    assert not any("Birkenes" in p.read_text(encoding="utf-8") for p in (site / "topics").rglob("*.html"))

    build_all(root, site, org_ids=["birkenes"], progress=lambda line: None, with_pdf=False)
    page = read_page(site / "birkenes/index.html")
    assert ("meta", {"name": "robots", "content": "noindex"}) in page.elements
    html = (site / "birkenes/index.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="guide-draft"><strong>Utkast:</strong>\s+Dette dokumentet er ennå ikke klart til '
                     r"publisering på nettstedet\.</p>", html)
    assert "<strong>Draft:</strong>" in (site / "birkenes/en/index.html").read_text(encoding="utf-8")
    assert "Birkenes" not in (site / "index.html").read_text(encoding="utf-8")  # the portal still lists only ready
    statement = (site / "birkenes/accessibility.html").read_text(encoding="utf-8")
    assert "Den offisielle tilgjengelighetserklæringen finnes på uustatus.no:" in statement
    testby = (site / "testby/index.html").read_text(encoding="utf-8")
    assert "guide-draft" not in testby and "noindex" not in testby
    catalogue = load_catalogue(root / "docs")
    assert ('<p class="draft"><strong>Utkast:</strong> Dette dokumentet er ennå ikke klart til publisering på '
            'nettstedet.</p>' in render_document(root, catalogue, "birkenes", "nb"))
    assert 'class="draft"' not in render_document(root, catalogue, "testby", "da")


def test_status_must_be_draft_or_ready(fixture_repo) -> None:
    root = fixture_repo(organisations=FIXTURE_ORGANISATIONS.replace("status: ready", "status: published"))
    try:
        load_catalogue(root / "docs")
    except PublisherError as error:
        assert str(error) == ("docs/organisations.yml:20: error: organisation 'testby': 'status' must be draft or "
                              "ready (an organisation is a draft until an editor marks it ready)")
    else:
        raise AssertionError("an unknown status was accepted")


def test_ready_with_placeholder_page_or_errors_is_an_error(fixture_repo) -> None:
    root = fixture_repo()
    new_organisation(root / "docs", "birkenes", "Birkenes kommune", ["nb", "en"])
    organisations = root / "docs/organisations.yml"
    organisations.write_text(organisations.read_text(encoding="utf-8").replace("status: draft", "status: ready"),
                             encoding="utf-8")
    catalogue = load_catalogue(root / "docs")
    errors = [str(f) for f in check_all(catalogue).errors]
    assert errors == [
        "docs/organisations.yml:28: error: organisation 'birkenes' is marked 'status: ready' but index.en.md, "
        "index.nb.md in docs/birkenes/ still hold(s) only the start text of make new-org: import or write its "
        "guideline (make import), or set 'status: draft' until it is done",
    ]
    report = check_all(catalogue)
    broken = [*report.errors, *check_all(load_catalogue(_with_broken_link(root) / "docs")).errors]
    assert [str(f) for f in ready_with_errors(catalogue, broken)] == [
        "docs/organisations.yml:20: error: organisation 'testby' is marked 'status: ready' but has 1 error(s) in its "
        "pages: fix them, or set 'status: draft' until they are fixed",
    ]


def _with_broken_link(root: Path) -> Path:
    page = root / "docs/testby/index.da.md"
    page.write_text(page.read_text(encoding="utf-8").replace("regler.md#tavshed", "reglerne.md"), encoding="utf-8")
    return root


def test_draft_lacks_are_listed_not_blocking(fixture_repo) -> None:
    root = fixture_repo()
    new_organisation(root / "docs", "birkenes", "Birkenes kommune", ["nb", "en"])
    catalogue = load_catalogue(root / "docs")
    report = check_all(catalogue)
    assert report.errors == []
    warnings = [str(f) for f in report.warnings if "'birkenes'" in f.message]
    assert ("docs/organisations.yml:26: warning: organisation 'birkenes' has no 'domain': add it as the organisation "
            "states it (e.g. birkenes.kommune.no); its accessibility statement names no domain until then") in warnings
    assert ("docs/organisations.yml:26: warning: organisation 'birkenes' has no 'statement_url': link its published "
            "statement at uustatus.no (the service's front page is shown until then)") in warnings
    assert collect(catalogue).lacks["birkenes"] == [
        "no domain (the accessibility statement names none)",
        "no accessibility contact (the accessibility statement says none has been given yet)",
        "no approval facts (approved_by/approved_on, or adopted_by/adopted_on)",
        "no date (approved_on, adopted_on or document_date)",
    ]
    assert collect(catalogue).lacks["testby"] == []


def test_a_drafts_addresses_are_recorded_only_once_it_is_ready(fixture_repo) -> None:
    from publisher.model.addresses import address_findings, record_addresses

    root = fixture_repo()
    record_addresses(load_catalogue(root / "docs"))
    new_organisation(root / "docs", "birkenes", "Birkenes kommune", ["nb", "en"])
    catalogue = load_catalogue(root / "docs")
    assert [f for f in address_findings(catalogue) if "birkenes" in f.message] == []
    assert record_addresses(catalogue) == []
    organisations = root / "docs/organisations.yml"
    organisations.write_text(organisations.read_text(encoding="utf-8").replace("status: draft", "status: ready"),
                             encoding="utf-8")
    catalogue = load_catalogue(root / "docs")
    assert [f.message for f in address_findings(catalogue) if "birkenes" in f.message] == [
        "'birkenes' has pages whose addresses are not recorded as published: index; run 'make addresses'"]
    assert record_addresses(catalogue) == ["birkenes/index"]
