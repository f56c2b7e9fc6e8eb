"""model/adopted.py and adopted_text.py: an adopter's values and changes, filled into one include."""

from __future__ import annotations

from pathlib import Path

import pytest
from model_text_sites import ADOPTERS, document, document_sentences, model_text_repo, page_sentences, record_edition
from publisher.checks import check_all
from publisher.checks.report import print_report
from publisher.model.adopted import adopted_data, fill, filler
from publisher.model.adopted_text import Part
from publisher.model.edition_snapshots import current_pages, snapshot
from publisher.model.organisations import load_catalogue
from publisher.model.sources import parse_text
from publisher.model.translations import page_status
from publisher.model.wordings import PassageRef, blank_problem, expand_includes
from publisher.outputs.inputs import inputs_hash
from publisher.outputs.pdf import render_document
from publisher.outputs.site_config import BuildTarget
from publisher.pipeline.whole import build_all

MODEL = ["[[kommune]] bruker sosiale medier for å:", "",
         "- informere om det som skjer i [[sted]]",
         "- ivareta [[kommune:genitiv]] omdømme",
         "- gi raske svar", "",
         "Vi legger ut saker hver uke. Vi svarer innen to virkedager.",
         "Saker om [[sted]] prioriteres."]
REF = PassageRef("presence", "modell", "nb", None)
ADOPTED = """\
presence/modell:
  nb:
    values:
      kommune: Fjellvik kommune
      "kommune:genitiv": Fjellvik kommunes
      sted: Fjellvik
    changes:
      - replace: "ivareta [[kommune:genitiv]] omdømme"
        with: "ivareta og bygge [[kommune:genitiv]] omdømme"
      - remove: "Vi svarer innen to virkedager."
      - add_after: "gi raske svar"
        text: "rekruttere nye medarbeidere til [[sted]]"
"""


def docs(tmp_path: Path, text: str = ADOPTED) -> Path:
    (tmp_path / "docs" / "_adopted").mkdir(parents=True)
    (tmp_path / "docs" / "_adopted" / "fjellvik.yml").write_text(text, encoding="utf-8")
    return tmp_path / "docs"


def test_values_fill_the_blanks_and_changes_touch_only_their_blocks(tmp_path: Path) -> None:
    filled = fill(adopted_data(docs(tmp_path), "fjellvik"), REF, MODEL)
    assert filled.model == MODEL
    assert filled.lines == ["Fjellvik kommune bruker sosiale medier for å:", "",
                            "- informere om det som skjer i Fjellvik",
                            "- ivareta og bygge Fjellvik kommunes omdømme",
                            "- gi raske svar",
                            "- rekruttere nye medarbeidere til Fjellvik", "",
                            "Vi legger ut saker hver uke. Saker om Fjellvik prioriteres."]  # a changed paragraph
    assert filled.changed
    assert [p for p in filled.parts if p.kind != "same"] == [
        Part("replaced", "ivareta [[kommune:genitiv]] omdømme", "ivareta Fjellvik kommunes omdømme",
             "ivareta og bygge Fjellvik kommunes omdømme", 1),
        Part("added", "", "", "rekruttere nye medarbeidere til Fjellvik", 1),
        Part("removed", "Vi svarer innen to virkedager.", "Vi svarer innen to virkedager.", "", 2)]


def test_no_data_and_no_blanks_give_the_lines_unchanged(tmp_path: Path) -> None:
    plain = ["# Tittel", "", "- a", "  fortsatt", "- b", "", "En setning.  ", "To setninger."]
    filled = fill(adopted_data(tmp_path / "docs", "nobody"), REF, plain)
    assert filled.lines == plain
    assert not filled.changed


def test_expand_includes_gives_the_page_the_filled_lines(tmp_path: Path) -> None:
    docs_dir = docs(tmp_path)
    (docs_dir / "_shared" / "presence").mkdir(parents=True)
    (docs_dir / "_shared" / "presence" / "modell.nb.md").write_text("\n".join(MODEL) + "\n", encoding="utf-8")
    page = parse_text('---\ntitle: X\n---\n\n--8<-- "presence/modell.nb.md"\n')
    expanded = [item for item in expand_includes(page.body_lines, docs_dir / "_shared", filler(docs_dir, "fjellvik"))
                if not isinstance(item, str)]
    assert expanded[0].body[0] == "Fjellvik kommune bruker sosiale medier for å:"
    assert expanded[0].filled.model == MODEL


def test_a_bracket_that_is_no_blank_is_named() -> None:
    assert blank_problem("[[kommune]] og [[kommune:genitiv]]") is None
    assert blank_problem("a [[Kommune]] b").startswith("'[[Kommune]]' is no blank")
    assert blank_problem("a [[kommune] b").startswith("'[[' opens a blank that is not closed")
    assert blank_problem("a kommune]] b").startswith("']]' closes no blank")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three fictional adopters' sites, built once for this module (no PDFs: `render_document` below)."""
    root = model_text_repo(tmp_path_factory.mktemp("model-texts") / "repo")
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    return root


@pytest.mark.parametrize(("org_id", "language"), [(org, lang) for org, langs in ADOPTERS.items() for lang in langs])
def test_each_adopters_page_says_exactly_its_own_document(built: Path, org_id: str, language: str) -> None:
    """Every sentence, list item and heading of its document on its page, in order, and nothing else."""
    folder = "" if language == ADOPTERS[org_id][0] else f"{language}/"
    page = page_sentences((built / "site" / org_id / folder / "index.html").read_text(encoding="utf-8"))
    assert page == document_sentences(document(org_id, language))


def test_the_pdf_says_the_filled_text_too(built: Path) -> None:
    catalogue = load_catalogue(built / "docs")
    html = render_document(built, catalogue, "strandaa", "nb")
    assert "ivareta og bygge Strandå kommunes omdømme" in html
    assert "Vi svarer innen tre virkedager." in html
    assert "[[" not in html


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_edit_marks_exactly_the_adopters_whose_text_changes(tmp_path: Path) -> None:
    """Edition 1 of each adopter keeps its filled text from its own copies: an edit of the model text (in a
    section Haugvik did not adopt) or of one adopter's values marks those adopters only, in `make check` too."""
    root = model_text_repo(tmp_path)
    for org_id, languages in ADOPTERS.items():
        record_edition(root, org_id, languages[0])
    editions = _tree(root / "docs" / "_editions")
    assert check_all(load_catalogue(root / "docs")).unapproved == []
    model = root / "docs" / "_shared" / "strategy-and-purpose" / "felles-modell.nb.md"
    model.write_text(model.read_text(encoding="utf-8").replace("saker hver uke", "saker hver dag"), encoding="utf-8")
    haugvik = root / "docs" / "_adopted" / "haugvik.yml"
    haugvik.write_text(haugvik.read_text(encoding="utf-8").replace("place: Haugvik", "place: Haugvik town"),
                       encoding="utf-8")
    catalogue = load_catalogue(root / "docs")
    printed: list[str] = []
    print_report(check_all(catalogue), "Checked.", printed.append, environ={})
    at = printed.index("\nChanges after the latest edition (of a model text, an adopter's values or the pages "
                       "themselves):")
    assert printed[at + 1:at + 4] == [
        "  fjellvik: changes after edition 1, not yet approved: index (nb)",
        "  strandaa: changes after edition 1, not yet approved: index (nb)",
        "  haugvik: only the translation changed after edition 1: index (en)",
    ]
    kept = snapshot(catalogue, "strandaa", 1).pages("nb")["index"].body
    assert "Vi legger ut saker hver uke." in kept and "ivareta og bygge Strandå kommunes omdømme" in kept
    assert "Vi legger ut saker hver dag." in current_pages(catalogue, "strandaa", "nb")["index"].body
    assert _tree(root / "docs" / "_editions") == editions


def test_an_edit_of_one_adopters_data_rebuilds_only_its_sites(tmp_path: Path) -> None:
    root = model_text_repo(tmp_path)
    catalogue = load_catalogue(root / "docs")
    targets = [BuildTarget(org, language) for org in catalogue.organisations.values() for language in org.languages]
    before = {t.path: inputs_hash(catalogue, t, b"") for t in targets}
    strandaa = root / "docs" / "_adopted" / "strandaa.yml"
    strandaa.write_text(strandaa.read_text(encoding="utf-8").replace("tre virkedager", "fire virkedager"),
                        encoding="utf-8")
    changed = sorted(t.path for t in targets if inputs_hash(catalogue, t, b"") != before[t.path])
    assert changed == ["strandaa", "strandaa/en"]


def test_an_edit_of_the_values_makes_the_translation_stale(tmp_path: Path) -> None:
    """The English page translates the Bokmål page as filled in: new Bokmål values need a review of it."""
    root = model_text_repo(tmp_path)
    assert page_status(load_catalogue(root / "docs"), "fjellvik", "en", "index").state == "current"
    fjellvik = root / "docs" / "_adopted" / "fjellvik.yml"
    fjellvik.write_text(fjellvik.read_text(encoding="utf-8").replace("leder: rådmannen", "leder: ordføreren"),
                        encoding="utf-8")
    assert page_status(load_catalogue(root / "docs"), "fjellvik", "en", "index").state == "stale"


def test_a_value_reaches_markdown_as_literal_text(tmp_path: Path) -> None:
    filled = fill(adopted_data(docs(tmp_path, ADOPTED.replace("sted: Fjellvik", "sted: '*Fjellvik* [x](y)'")),
                               "fjellvik"), REF, MODEL)
    assert filled.lines[2] == r"- informere om det som skjer i \*Fjellvik\* \[x\]\(y\)"
