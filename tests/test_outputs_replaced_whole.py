"""Outputs are replaced whole and follow their inputs: the PDFs of make pdf and the inputs' hash
(publisher/outputs, publisher/commands/pdf.py)."""

from __future__ import annotations

import os
from pathlib import Path

from checking import CLEAN_SVG, FM_DA, TAVSHED, WITH_FIGURE
from publisher.files.findings import Finding, PublisherError
from publisher.model.organisations import load_catalogue
from publisher.pipeline.whole import build_all


def test_make_pdf_runs_the_checks_and_leaves_site_alone(fixture_repo, capsys) -> None:
    from publisher.commands.pdf import main_pdf

    root = fixture_repo({"testby/regler.da.md": FM_DA + TAVSHED
                         + '<a rel="attachment" href="file:///etc/passwd">bilag</a>\n'})
    site = root / "site"
    (site / "testby/pdf").mkdir(parents=True)
    (site / "testby/pdf/testby-da.pdf").write_bytes(b"old")
    assert main_pdf(root, site, ["testby"]) == 1
    assert "'file:' addresses are not allowed" in capsys.readouterr().err
    assert (site / "testby/pdf/testby-da.pdf").read_bytes() == b"old"
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("site")) == ["site"]


def _with_old_pdfs(fixture_repo) -> tuple[Path, Path]:
    """A fixture repository whose site/ has both PDFs of testby, each holding b"old"."""
    root = fixture_repo()
    site = root / "site"
    (site / "testby/pdf").mkdir(parents=True)
    for language in ("da", "en"):
        (site / f"testby/pdf/testby-{language}.pdf").write_bytes(b"old")
    return root, site


def test_make_pdf_replaces_all_pdfs_or_none(fixture_repo, monkeypatch) -> None:
    from publisher.commands import pdf as pdf_build

    root, site = _with_old_pdfs(fixture_repo)
    real = pdf_build.write_pdf

    def failing_for_english(root_: Path, catalogue, org_id: str, language: str, target: Path) -> Path:
        if language == "en":
            raise PublisherError([Finding("docs/testby", 1, "the English PDF failed")])
        return real(root_, catalogue, org_id, language, target)

    monkeypatch.setattr(pdf_build, "write_pdf", failing_for_english)
    assert pdf_build.main_pdf(root, site, None) == 1
    assert [(site / f"testby/pdf/testby-{lang}.pdf").read_bytes() for lang in ("da", "en")] == [b"old", b"old"]
    monkeypatch.setattr(pdf_build, "write_pdf", real)
    assert pdf_build.main_pdf(root, site, None) == 0
    assert (site / "testby/pdf/testby-en.pdf").read_bytes().startswith(b"%PDF")


def test_a_changed_image_is_rebuilt(fixture_repo) -> None:
    from publisher.outputs.inputs import inputs_hash
    from publisher.outputs.site_config import all_targets

    root = fixture_repo(WITH_FIGURE)
    catalogue = load_catalogue(root / "docs")
    before = {str(t): inputs_hash(catalogue, t) for t in all_targets(catalogue)}
    (root / "docs/testby/figur.svg").write_text(CLEAN_SVG.replace("#123456", "#654321"), encoding="utf-8")
    after = {str(t): inputs_hash(catalogue, t) for t in all_targets(catalogue)}
    assert all(before[key] != after[key] for key in before)


def test_pdf_follows_its_inputs_in_both_directions(fixture_repo) -> None:
    from publisher.commands.pdf import main_pdf
    from pypdf import PdfReader

    def pdf_text() -> str:
        return "".join(page.extract_text() for page in PdfReader(site / "testby/pdf/testby-da.pdf").pages)

    root = fixture_repo()
    site = root / "site"
    build_all(root, site, progress=lambda line: None)
    page = root / "docs/testby/regler.da.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nMidlertidig sætning.\n", encoding="utf-8")
    assert main_pdf(root, site, ["testby"]) == 0  # make pdf: the PDF shows the edit
    assert "Midlertidig sætning." in pdf_text()
    page.write_text(original, encoding="utf-8")  # reverted: the site's inputs are those of the last make site
    results = build_all(root, site, progress=lambda line: None)
    assert ("testby", "da", "pdf") in {(r.org_id, r.language, r.kind) for r in results}
    assert "Midlertidig sætning." not in pdf_text()


def test_make_pdf_dates_a_pdf_as_make_site_does(fixture_repo, monkeypatch) -> None:
    """One PDF date: `make pdf` used a git log of its own (here: no repository, so the approval date),
    `make site` the newest of the site's inputs; the same sources gave two different PDFs."""
    from publisher.commands.pdf import main_pdf

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = fixture_repo()
    site = root / "site"
    build_all(root, site, progress=lambda line: None)
    made_by_site = (site / "testby/pdf/testby-da.pdf").read_bytes()
    assert main_pdf(root, site, ["testby"]) == 0
    assert (site / "testby/pdf/testby-da.pdf").read_bytes() == made_by_site


def test_make_pdf_puts_the_replaced_pdfs_back_when_one_cannot_be_replaced(fixture_repo, monkeypatch, capsys) -> None:
    from publisher.files import swap

    root, site = _with_old_pdfs(fixture_repo)
    real = os.replace

    def full_disk_at_english(source, target) -> None:
        if str(target).endswith("site/testby/pdf/testby-en.pdf") and "/new/" in str(source):
            raise OSError(28, "No space left on device")
        real(source, target)

    monkeypatch.setattr(swap.os, "replace", full_disk_at_english)
    from publisher.commands.pdf import main_pdf

    assert main_pdf(root, site, None) == 1
    assert [(site / f"testby/pdf/testby-{lang}.pdf").read_bytes() for lang in ("da", "en")] == [b"old", b"old"]
    assert capsys.readouterr().err == ("error: could not replace the PDFs in site/ ([Errno 28] No space left on "
                                       "device); site/ left unchanged\n")
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("site")) == ["site", "site.lock"]
