"""render/passage_labels.py: a passage only its organisation adopts has no note; one whose model text other
bodies adopt too says so, true for this adopter (who else, with local changes or not), with the labels of
docs/languages.yml, linked to the topic page from where the site's pages are."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURE_ORGANISATIONS, make_repo, with_danish_label
from htmltools import read_page
from publisher.model.organisations import Catalogue, load_catalogue
from publisher.model.wordings import PassageRef
from publisher.render.passage_labels import join_names, labeller, others_text
from publisher.render.passages import PassageNote


def neighbour(org_id: str, name: str, status: str = "ready", languages: str = "[da]") -> str:
    return (f"  {org_id}:\n    name: {name}\n    status: {status}\n    country: DK\n    languages: {languages}\n"
            "    palette: {primary: \"#1d4f7c\", accent: \"#a3461a\"}\n    contact: {unit: HR}\n"
            f"    document: {{title: Regler}}\n    nav: [index.md]\n")


PAGE = "---\ntitle: Forside\n---\n\nHej.\n"
SECTIONS = "--8<-- [start:a]\nA.\n--8<-- [end:a]\n--8<-- [start:b]\nB.\n--8<-- [end:b]\n"
NEIGHBOURS = [("nabo", "Naboby Kommune"), ("tredje", "Tredje & Co"), ("fjerde", "Fjerde Kommune")]


def catalogue_with(tmp_path: Path, adopters: str) -> Catalogue:
    """testby's confidentiality wording (sections 'a' and 'b') adopted as `adopters` says; Danish labels of
    the test's own."""
    pages = {f"{org_id}/index.da.md": PAGE for org_id, _ in NEIGHBOURS}
    wording = {f"_shared/confidentiality/testby.{code}.md": SECTIONS for code in ("da", "en")}
    root = make_repo(tmp_path / "repo", {**pages, **wording, "utkast/index.da.md": PAGE,
                                         "adoptions.yml": f"confidentiality:\n  testby:\n{adopters}"},
                     FIXTURE_ORGANISATIONS + "".join(neighbour(*n) for n in NEIGHBOURS)
                     + neighbour("utkast", "Utkast Kommune", status="draft"))
    with_danish_label(root, "model_text_shared", '"Som {others}."')
    with_danish_label(root, "model_text_shared_changed", '"Som {others}, ændret."')
    with_danish_label(root, "model_text_more", '"{name} plus {count}"')
    with_danish_label(root, "and", '"samt"')
    catalogue = load_catalogue(root / "docs")
    assert catalogue.adoptions.findings == ()
    return catalogue


@pytest.fixture
def catalogue(tmp_path: Path) -> Catalogue:
    return catalogue_with(tmp_path, "    testby: {where: a}\n    nabo: {where: b}\n    tredje: {where: c}\n"
                                    "    utkast: {where: d}\n")


REF = PassageRef("confidentiality", "testby", "da", None)
TOPIC_FROM_SOURCE_PAGE = "../topics/confidentiality.da.html"


def test_join_names() -> None:
    assert join_names(["A"], "og") == "A"
    assert join_names(["A", "B"], "og") == "A og B"
    assert join_names(["A", "B", "C"], "and") == "A, B and C"


def test_one_or_two_others_are_named_and_more_are_counted() -> None:
    labels = {"and": "og", "model_text_more": "{name} og {count} andre"}
    assert others_text(["A"], labels) == "A"
    assert others_text(["A", "B"], labels) == "A og B"
    assert others_text(["A", "B", "C", "D"], labels) == "A og 3 andre"


def test_the_other_published_adopters_are_named_in_adoption_order(catalogue: Catalogue) -> None:
    assert labeller(catalogue, "testby", "da")(REF) == PassageNote(
        "Som Naboby Kommune samt Tredje & Co.", TOPIC_FROM_SOURCE_PAGE)
    assert labeller(catalogue, "tredje", "da")(REF) == PassageNote(
        "Som Testby Kommune samt Naboby Kommune.", TOPIC_FROM_SOURCE_PAGE)


def test_three_others_name_one_and_count_the_rest(tmp_path: Path) -> None:
    catalogue = catalogue_with(tmp_path, "".join(f"    {org}: {{where: x}}\n"
                                                 for org in ("testby", "nabo", "tredje", "fjerde")))
    assert labeller(catalogue, "testby", "da")(REF).text == "Som Naboby Kommune plus 2."


def test_an_adopter_with_changes_says_so(catalogue: Catalogue) -> None:
    note = labeller(catalogue, "testby", "da")(REF, True)
    assert note == PassageNote("Som Naboby Kommune samt Tredje & Co, ændret.", TOPIC_FROM_SOURCE_PAGE)


def test_a_wording_no_one_else_adopted_has_no_note(tmp_path: Path) -> None:
    catalogue = catalogue_with(tmp_path, "    testby: {where: a}\n    utkast: {where: d}\n")  # a draft is no one
    assert labeller(catalogue, "testby", "da")(REF) is None


def test_a_section_counts_only_the_adopters_that_have_it(tmp_path: Path) -> None:
    catalogue = catalogue_with(tmp_path, "    testby: {where: a}\n    nabo: {where: b, sections: [b]}\n")
    section_a, section_b = (PassageRef("confidentiality", "testby", "da", name) for name in "ab")
    assert labeller(catalogue, "testby", "da")(section_a) is None
    assert labeller(catalogue, "testby", "da")(section_b).text == "Som Naboby Kommune."
    assert labeller(catalogue, "nabo", "da")(section_b).text == "Som Testby Kommune."


def test_the_link_leads_from_a_translated_site_and_the_pdf_has_none(catalogue: Catalogue) -> None:
    assert labeller(catalogue, "testby", "en")(REF).href == "../../topics/confidentiality.en.html"
    assert labeller(catalogue, "testby", "da", link=False)(REF).href is None


def test_a_built_site_notes_a_model_text_others_adopt_and_links_its_topic_page(tmp_path: Path) -> None:
    """Two bodies adopt testby's wording: each site's page notes the other, linked to the topic page that
    exists in the built output; the PDF says the same without the link."""
    from publisher.outputs.pdf import render_document
    from publisher.pipeline.whole import build_all

    include = '---\ntitle: Forside\n---\n\nHej.\n\n--8<-- "confidentiality/testby.da.md"\n'
    root = make_repo(tmp_path / "repo", {
        "nabo/index.da.md": include,
        "adoptions.yml": "confidentiality:\n  testby:\n    testby: {where: a}\n    nabo: {where: b}\n"},
        FIXTURE_ORGANISATIONS + neighbour("nabo", "Naboby Kommune"))
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    site = root / "site"
    pages = {
        "testby/regler.html": ('<p>Testbys tekst om tavshed.</p>\n<p class="passage-note"><a href="../topics/'
                               'confidentiality.da.html">Samme modeltekst som Naboby Kommune.</a></p>'),
        "testby/en/regler.html": ('<p>Testby\'s text on silence.</p>\n<p class="passage-note"><a href="../../topics/'
                                  'confidentiality.en.html">Same model text as Naboby Kommune.</a></p>'),
        "nabo/index.html": ('<p>Testbys tekst om tavshed.</p>\n<p class="passage-note"><a href="../topics/'
                            'confidentiality.da.html">Samme modeltekst som Testby Kommune.</a></p>'),
    }
    for page, expected in pages.items():
        html = (site / page).read_text(encoding="utf-8")
        assert expected in html, page
        assert "admonition" not in html, page
        href = read_page(site / page).links
        target = next(link["href"] for link in href if link["href"].endswith("confidentiality.da.html")
                      or link["href"].endswith("confidentiality.en.html"))
        assert ((site / page).parent / target).resolve().is_file(), (page, target)
    catalogue = load_catalogue(root / "docs")
    pdf_html = render_document(root, catalogue, "testby", "da")
    assert '<p class="passage-note">Samme modeltekst som Naboby Kommune.</p>' in pdf_html
    assert "topics/" not in pdf_html


def test_a_built_site_shows_its_own_wording_as_its_text(fixture_repo) -> None:
    """The only adopter: the words in place, no box, no label, no note."""
    from publisher.pipeline.whole import build_all

    root = fixture_repo()
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    html = (root / "site/testby/regler.html").read_text(encoding="utf-8")
    assert '<p>Hold tæt.</p>\n<p>Testbys tekst om tavshed.</p>' in html
    assert not {"admonition", "passage", "passage-note"} & set(read_page(root / "site/testby/regler.html").classes)
    assert "tekst fra" not in html and "Testby Kommune</p>" not in html
