"""render/passage_labels.py: the box around a shared passage names the topic, the organisation and the
other bodies that adopted the same words, with the labels of docs/languages.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURE_ORGANISATIONS, make_repo, with_danish_label
from publisher.model.organisations import Catalogue, load_catalogue
from publisher.model.wordings import PassageRef
from publisher.render.passage_labels import join_names, labeller
from publisher.render.passages import PassageLabels


def neighbour(org_id: str, name: str) -> str:
    return (f"  {org_id}:\n    name: {name}\n    country: DK\n    languages: [da]\n"
            "    palette: {primary: \"#1d4f7c\", accent: \"#a3461a\"}\n    contact: {unit: HR}\n"
            f"    document: {{title: Regler}}\n    nav: [index.md]\n")


@pytest.fixture
def catalogue(tmp_path: Path) -> Catalogue:
    """testby's confidentiality wording adopted by two more bodies; Danish labels of the test's own."""
    root = make_repo(tmp_path / "repo", {
        "nabo/index.da.md": "---\ntitle: Forside\n---\n\nHej.\n",
        "tredje/index.da.md": "---\ntitle: Forside\n---\n\nHej.\n",
        "adoptions.yml": "confidentiality:\n  testby:\n    testby: {where: a}\n    nabo: {where: b}\n"
                         "    tredje: {where: c}\n"},
        FIXTURE_ORGANISATIONS + neighbour("nabo", "Naboby Kommune") + neighbour("tredje", "Tredje & Co"))
    with_danish_label(root, "passage_title", '"[{topic}] af {organisation}"')
    with_danish_label(root, "passage_shared", '"Også: {others}."')
    with_danish_label(root, "and", '"samt"')
    return load_catalogue(root / "docs")


def test_join_names() -> None:
    assert join_names(["A"], "og") == "A"
    assert join_names(["A", "B"], "og") == "A og B"
    assert join_names(["A", "B", "C"], "and") == "A, B and C"


def test_the_other_adopters_are_named_in_adoption_order(catalogue: Catalogue) -> None:
    topic = catalogue.topics["confidentiality"]["da"]
    ref = PassageRef("confidentiality", "testby", "da", None)
    assert labeller(catalogue, "testby", "da")(ref) == PassageLabels(
        f"[{topic}] af Testby Kommune", "Også: Naboby Kommune samt Tredje & Co.")
    assert labeller(catalogue, "tredje", "da")(ref) == PassageLabels(
        f"[{topic}] af Tredje & Co", "Også: Testby Kommune samt Naboby Kommune.")


def test_a_wording_no_one_else_adopted_names_no_others(catalogue: Catalogue) -> None:
    ref = PassageRef("confidentiality", "egen", "da", "procedure")
    assert labeller(catalogue, "testby", "da")(ref) == PassageLabels(
        f"[{catalogue.topics['confidentiality']['da']}] af Testby Kommune", None)


def test_a_topic_without_a_name_is_shown_by_its_id(catalogue: Catalogue) -> None:
    label = labeller(catalogue, "testby", "da")(PassageRef("ukendt", "x", "da", None))
    assert label.title == "[ukendt] af Testby Kommune"
