"""model/adopting.py: a body's names put as blanks, and the values and changes that make a model text its words."""

from __future__ import annotations

from publisher.model.adopting import adapt, blanked, name_blanks, said_values
from publisher.model.matching import names_of
from publisher.model.organisation_types import Document, Organisation, Palette


def body(name: str, domain: str, titles: dict[str, dict[str, str]] | None = None) -> Organisation:
    return Organisation(name.split()[0].lower(), name, "NO", domain, ("nb",), Palette("#1d4f7c", "#a3461a"), None,
                        Document("Retningslinjer"), ("index.md",), titles=titles or {})


FJELLVIK = body("Fjellvik kommune", "fjellvik.kommune.no", {"leder": {"plain": "rådmann", "bestemt": "rådmannen"}})
LYNGMO = body("Lyngmo kommune", "lyngmo.kommune.no", {"leder": {"plain": "kommunedirektør",
                                                                 "bestemt": "kommunedirektøren"}})
MODEL = ["[[navn]] bruker sosiale medier for å:", "", "- informere om det som skjer i [[navn:kort]]",
         "- ivareta [[navn:kort-genitiv]] omdømme", "- gi raske svar", "",
         "Kontoer godkjennes av [[leder:bestemt]]. Søk via [[domene]]."]


def test_a_bodys_names_and_titles_are_put_as_blanks_case_and_all() -> None:
    assert name_blanks(FJELLVIK) == {"Fjellvik kommune": "navn", "Fjellvik kommunes": "navn:genitiv",
                                     "Fjellvik": "navn:kort", "Fjellviks": "navn:kort-genitiv",
                                     "fjellvik.kommune.no": "domene", "rådmann": "leder", "rådmannen": "leder:bestemt"}
    assert blanked("Fjellviks rådmannen og Rådmannen i Fjellvikvegen", name_blanks(FJELLVIK)) == \
        "[[navn:kort-genitiv]] [[leder:bestemt]] og Rådmannen i Fjellvikvegen"


def test_the_changes_that_make_the_model_text_a_bodys_own_words() -> None:
    own = ["Lyngmo kommune bruker sosiale medier for å:", "", "- informere om det som skjer i Lyngmo",
           "- ivareta og bygge Lyngmos omdømme", "- gi raske svar", "- rekruttere", "",
           "Kontoer godkjennes av kommunedirektøren. Søk via lyngmo.kommune.no."]
    adapted = adapt(MODEL, own, name_blanks(LYNGMO), names_of(LYNGMO.name, LYNGMO.domain, LYNGMO.title_words))
    assert adapted is not None
    assert adapted.values == {"navn": "Lyngmo kommune", "navn:kort": "Lyngmo", "navn:kort-genitiv": "Lyngmos",
                              "domene": "lyngmo.kommune.no", "leder:bestemt": "kommunedirektøren"}
    assert adapted.changes == [
        {"replace": "ivareta [[navn:kort-genitiv]] omdømme", "with": "ivareta og bygge [[navn:kort-genitiv]] omdømme"},
        {"add_after": "gi raske svar", "text": "rekruttere"}]


def test_text_before_the_model_texts_first_sentence_is_not_adopted() -> None:
    own = ["Innledning.", "", *[line.replace("[[navn]]", "Lyngmo kommune") for line in MODEL[:2]]]
    assert adapt(MODEL[:1], own, name_blanks(LYNGMO), names_of(LYNGMO.name)) is None


def test_values_are_read_from_the_sentences_both_say_and_must_agree() -> None:
    units = ["[[kommune]] bruker medier.", "Vi er [[kommune]]."]
    same = [("equal", 0, 2, 0, 2)]
    assert said_values(units, ["Lyngmo kommune bruker medier.", "Vi er Lyngmo kommune."], same) == {
        "kommune": "Lyngmo kommune"}
    assert said_values(units, ["Lyngmo kommune bruker medier.", "Vi er Lyngmo."], same) is None
