"""model/matching.py: a model text found in a document, with each body's names as blanks.

Fixtures are fictional (tests/fixtures/model-texts/README.md): three municipalities publish one
model text, each with its own name and domain put in and local changes; near misses are on the
same topic in other words, or share only two generic sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from publisher.files.document_readers import read_document
from publisher.model.matching import (
    BLANK,
    Index,
    Text,
    document_items,
    markdown_items,
    names_of,
    normalise,
    report,
)

FIXTURES = Path(__file__).parent / "fixtures" / "model-texts"
BODIES = {"fjellvik": ("Fjellvik kommune", "fjellvik.kommune.no"),
          "strandaa": ("Strandå kommune", "stranda.kommune.no")}


def page_text(body: str) -> Text:
    name, domain = BODIES[body]
    markdown = (FIXTURES / f"{body}.nb.md").read_text(encoding="utf-8")
    return Text(f"docs/{body} (nb)", tuple(markdown_items(markdown)), names_of(name, domain))


def document(file: str, name: str, domain: str | None = None) -> Text:
    blocks = read_document(FIXTURES / file, file)
    return Text(file, tuple(document_items((b.kind, b.text) for b in blocks)), names_of(name, domain), "paragraph")


def test_names_of_a_body_with_its_kind_genitives_and_domain() -> None:
    assert names_of("Randaberg kommune", "randaberg.kommune.no") == (
        "randaberg.kommune.no", "Randaberg kommunes", "Randaberg kommune", "Randabergs", "Randaberg")


def test_normalise_folds_case_punctuation_and_puts_names_as_blanks() -> None:
    names = names_of("Fjellvik kommune", "fjellvik.kommune.no")
    assert normalise("Ivareta  Fjellviks omdømme!", names) == f"ivareta {BLANK} omdømme"
    assert normalise("Søknaden sendes via hjemmesiden (fjellvik.kommune.no).", names) == \
        f"søknaden sendes via hjemmesiden {BLANK}"
    assert normalise("Fjellvikvegen 3", names) == "fjellvikvegen 3"  # a name inside a word is no name


def test_a_fourth_body_reusing_the_model_text_is_found_with_its_changes() -> None:
    lyngmo = document("lyngmo.txt", "Lyngmo kommune", "lyngmo.kommune.no")
    passages = Index([page_text("fjellvik"), page_text("strandaa")]).match(lyngmo)
    assert [p.other for p in passages] == ["docs/fjellvik (nb)", "docs/strandaa (nb)"]
    fjellvik = passages[0]
    shared = {mine.text for mine, _ in fjellvik.identical}
    model = {"Formål med kommunens bruk av sosiale medier", "Lyngmo kommune bruker sosiale medier for å:",
             "informere innbyggerne om det som skjer i Lyngmo", "gjøre tjenestene og tiltakene Lyngmo tilbyr kjent",
             "ivareta Lyngmos omdømme", "gi raske svar på spørsmål fra innbyggerne", "Facebook",
             "Facebook er kommunens viktigste kanal for nyheter.", "Vi legger ut saker hver uke.",
             "Innbyggerne kan sende oss meldinger.", "Hvem kan opprette en offisiell konto",
             "Bare kommunikasjonsenheten kan opprette offisielle kontoer.",
             "Enheter som ønsker en egen konto, må søke om det.",
             "Søknaden sendes via hjemmesiden (lyngmo.kommune.no)."}
    assert len(shared & model) >= 0.9 * len(model)
    assert "Vi svarer innen fem virkedager." in {item.text for item in fjellvik.document_only}
    assert "Vi svarer innen to virkedager." in {item.text for item in fjellvik.other_only}
    assert not shared & {"Ansattes private bruk", "Som ansatt i Lyngmo kommune har du ytringsfrihet."}


def test_local_changes_of_two_adopters_are_told_apart() -> None:
    strandaa = page_text("strandaa")
    (passage, *_) = Index([page_text("fjellvik")]).match(strandaa)
    assert {item.text for item in passage.document_only} >= {"ivareta og bygge Strandås omdømme",
                                                               "rekruttere nye medarbeidere"}
    assert "ivareta Fjellviks omdømme" in {item.text for item in passage.other_only}


def test_lists_with_different_lead_ins_sharing_items_never_three_in_a_row() -> None:
    """Three lists, 10 items, 6 shared, never more than two in a row: one shared passage."""
    mine = ("Vi vil:\n\n- a1\n- s1\n- s2\n- a2\n\nOg videre:\n\n- s3\n- a3\n- s4\n\nTil slutt:\n\n- s5\n- a4\n- s6\n")
    theirs = ("Kommunen skal:\n\n- b1\n- s1\n- s2\n- b2\n\nDessuten:\n\n- s3\n- b3\n- s4\n\n"
              "Sist:\n\n- s5\n- b4\n- s6\n")
    words = {f"{k}{n}": f"setning {k} nummer {n} om noe" for k in "asb" for n in range(1, 7)}

    def text(name: str, source: str) -> Text:
        for key, value in words.items():
            source = source.replace(f"- {key}\n", f"- {value}\n")
        return Text(name, tuple(markdown_items(source)))

    passages = Index([text("theirs", theirs)]).match(text("mine", mine))
    assert [len(p.identical) for p in passages] == [6]


@pytest.mark.parametrize("file", ["near-miss-same-topic.txt", "near-miss-generic.txt"])
def test_near_misses_are_no_match(file: str) -> None:
    index = Index([page_text("fjellvik"), page_text("strandaa"),
                   document("lyngmo.txt", "Lyngmo kommune", "lyngmo.kommune.no")])
    near = document(file, "Kvernes kommune")
    assert index.match(near) == []
    assert report(near, []) == [f"{file}: no shared passage with any wording or other organisation's pages."]


def test_the_report_names_the_passage_its_lines_and_both_sides_changes() -> None:
    strandaa = page_text("strandaa")
    lines = report(strandaa, Index([page_text("fjellvik")]).match(strandaa))
    assert lines[0] == "docs/strandaa (nb): 1 shared passage(s)."
    assert lines[1].startswith("\ndocs/strandaa (nb) (lines 1-")
    assert "  only here: rekruttere nye medarbeidere" in lines
    assert any(line.startswith("  only there (docs/fjellvik (nb):") and line.endswith("ivareta Fjellviks omdømme")
               for line in lines)


def test_a_file_that_is_no_document_is_refused_with_what_to_give(tmp_path: Path) -> None:
    from publisher.commands.match import document_text
    from publisher.files.findings import PublisherError

    picture = tmp_path / "kort.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(PublisherError) as refused:
        document_text(picture, "kort.png", ())
    assert str(refused.value) == ("kort.png:1: error: this is a '.png' file, not a document make match reads: give "
                                  "FILE=<the document> as a .docx, .odt, .pdf, .txt, .md file (save it in one of these "
                                  "formats)")


def test_the_titles_an_organisation_lists_are_blanks_like_its_names() -> None:
    names = names_of("Fjellvik kommune", None, ("rådmann", "rådmannen"))
    assert {"rådmann", "rådmanns", "rådmannen", "rådmannens"} <= set(names)
    rules = ("Kontoer opprettes etter avtale med {0}.\n\n- {0} godkjenner nye kontoer\n- {1} fører oversikt\n"
             "- {1} kan stenge kontoer\n")
    bokmaal = Text("a", tuple(markdown_items(rules.format("rådmannen", "Rådmannens stab"))),
                   names_of("Fjellvik kommune", None, ("rådmann", "rådmannen")))
    other = Text("b", tuple(markdown_items(rules.format("kommunedirektøren", "Kommunedirektørens stab"))),
                 names_of("Lyngmo kommune", None, ("kommunedirektør", "kommunedirektøren")))
    assert [len(p.identical) for p in Index([other]).match(bokmaal)] == [4]
    without_titles = Text("b", other.items, names_of("Lyngmo kommune"))
    assert Index([without_titles]).match(bokmaal) == []
