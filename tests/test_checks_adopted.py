"""Model texts: blanks in a wording, and each adopter's values and changes (publisher/checks/adopted.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from checking import errors
from model_text_sites import FIXTURE, model_text_repo
from publisher.pipeline.whole import BuildFailed, build_all

MODEL_NB = "_shared/strategy-and-purpose/felles-modell.nb.md"
FJELLVIK = "_adopted/fjellvik.yml"
STRANDAA = "_adopted/strandaa.yml"


def fixture(name: str) -> str:
    return (FIXTURE / "docs" / name).read_text(encoding="utf-8")


def edited(name: str, old: str, new: str) -> dict[str, str]:
    text = fixture(name)
    assert old in text
    return {name: text.replace(old, new, 1)}


def test_the_fixture_has_no_errors(tmp_path: Path) -> None:
    assert errors(model_text_repo(tmp_path)) == []


@pytest.mark.parametrize(("written", "message"), [
    ("[[Kommune]]", "'[[Kommune]]' is no blank: a blank is [[name]] or [[name:form]], name and form in lowercase "
                    "letters, digits and '-', starting with a letter, e.g. [[kommune:genitiv]]"),
    ("[[kommune:]]", "'[[kommune:]]' is no blank: a blank is [[name]] or [[name:form]], name and form in lowercase "
                     "letters, digits and '-', starting with a letter, e.g. [[kommune:genitiv]]"),
    ("[[kommune]", "'[[' opens a blank that is not closed with ']]'; a blank is written [[name]] or [[name:form]], "
                   "e.g. [[kommune:genitiv]]"),
])
def test_a_bracket_in_a_wording_that_is_no_blank(tmp_path: Path, written: str, message: str) -> None:
    root = model_text_repo(tmp_path, edited(MODEL_NB, "[[kommune]] bruker", f"{written} bruker"))
    assert f"docs/{MODEL_NB}:2: error: {message}" in errors(root)


NOT_A_SENTENCE = ("is no sentence, list item or heading of docs/_shared/strategy-and-purpose/felles-modell.{lang}.md"
                  "{sections}: write it as the model text does now, blanks included, or remove the change")


def not_a_sentence(lang: str, sections: str = "") -> str:
    return NOT_A_SENTENCE.format(lang=lang, sections=sections)


CASES = {
    "a value that is markup": (
        edited(FJELLVIK, "kommune: Fjellvik kommune", "kommune: <b>Fjellvik</b> kommune"),
        ["docs/_adopted/fjellvik.yml:5: error: the value of [[kommune]] contains '<' or '>', which a browser reads as "
         "markup; write the text without them; a value is plain text, e.g. Fjellvik kommune"]),
    "an empty value": (
        edited(FJELLVIK, "sted: Fjellvik", 'sted: ""'),
        ["docs/_adopted/fjellvik.yml:7: error: the value of [[sted]] is empty; a value is plain text, e.g. Fjellvik "
         "kommune"]),
    "a blank of an adopted section without a value": (
        edited(FJELLVIK, "      leder:genitiv: rådmannens\n", ""),
        ["docs/_adopted/fjellvik.yml:3: error: 'fjellvik' has no nb value for [[leder:genitiv]] of "
         "'strategy-and-purpose/felles-modell' (docs/_shared/strategy-and-purpose/felles-modell.nb.md:21): add it "
         "under strategy-and-purpose/felles-modell → nb → values in docs/_adopted/fjellvik.yml, e.g. "
         "'leder:genitiv: ...'"]),
    "an adopter of a text with blanks that has no data at all": (
        {"_adopted/haugvik.yml": None},
        ["docs/adoptions.yml:5: error: 'haugvik' has no en value for [[municipality]], [[place]], "
         "[[municipality:genitive]], [[officer]], [[domain]], [[officer:genitive]] of "
         "'strategy-and-purpose/felles-modell' (docs/_shared/strategy-and-purpose/felles-modell.en.md:2): add them "
         "under strategy-and-purpose/felles-modell → en → values in docs/_adopted/haugvik.yml, e.g. "
         "'municipality: ...'",
         "docs/adoptions.yml:5: error: 'haugvik' has no nn value for [[kommune]], [[sted]], [[leder]], [[domene]] of "
         "'strategy-and-purpose/felles-modell' (docs/_shared/strategy-and-purpose/felles-modell.nn.md:2): add them "
         "under strategy-and-purpose/felles-modell → nn → values in docs/_adopted/haugvik.yml, e.g. 'kommune: ...'"]),
    "a value for a blank the wording lacks": (
        edited(FJELLVIK, "      sted: Fjellvik\n", "      sted: Fjellvik\n      fylke: Nordland\n"),
        ["docs/_adopted/fjellvik.yml:8: error: 'strategy-and-purpose/felles-modell' has no blank [[fylke]] in "
         "docs/_shared/strategy-and-purpose/felles-modell.nb.md; its blanks: [[kommune]], [[sted]], "
         "[[kommune:genitiv]], [[leder]], [[domene]], [[leder:genitiv]]. Remove the value or correct its name"]),
    "a change whose target the model text lacks": (
        edited(STRANDAA, "[[kommune:genitiv]] omdømme\"\n", "[[kommune:genitiv]] rykte\"\n"),
        [f"docs/_adopted/strandaa.yml:12: error: 'ivareta [[kommune:genitiv]] rykte' {not_a_sentence('nb')}"]),
    "changes whose target the model text no longer has, after an edit of it": (
        edited(MODEL_NB, "Vi svarer innen to virkedager.", "Vi svarer innen to arbeidsdager."),
        [f"docs/_adopted/fjellvik.yml:12: error: 'Vi svarer innen to virkedager.' {not_a_sentence('nb')}",
         f"docs/_adopted/strandaa.yml:16: error: 'Vi svarer innen to virkedager.' {not_a_sentence('nb')}"]),
    "a change of a section the organisation did not adopt": (
        edited("_adopted/haugvik.yml", '- replace: "Søknaden blir send via heimesida ([[domene]])."',
               '- replace: "Vi legg ut saker kvar veke."'),
        ["docs/_adopted/haugvik.yml:12: error: 'Vi legg ut saker kvar veke.' "
         + not_a_sentence("nn", " (section(s) formal, kontoer)")]),
    "two changes of one sentence": (
        edited(FJELLVIK, '- remove: "Vi svarer innen to virkedager."', '- remove: "Vi svarer innen to virkedager."\n'
                                                                          '      - replace: "Vi svarer innen to '
                                                                          'virkedager."\n        with: "Vi svarer."'),
        ["docs/_adopted/fjellvik.yml:13: error: 'Vi svarer innen to virkedager.' is already replaced or removed by "
         "the change on line 12; keep one of them"]),
    "a change's text with a bracket that is no blank": (
        edited(STRANDAA, 'text: "rekruttere nye medarbeidere"', 'text: "rekruttere nye [[Folk]]"'),
        ["docs/_adopted/strandaa.yml:14: error: '[[Folk]]' is no blank: a blank is [[name]] or [[name:form]], name "
         "and form in lowercase letters, digits and '-', starting with a letter, e.g. [[kommune:genitiv]]"]),
    "a change that is neither replace, remove nor add_after": (
        edited(FJELLVIK, '- remove: "Vi svarer innen to virkedager."', '- remove: "Vi svarer innen to virkedager."\n'
                                                                          '        with: "x"'),
        ["docs/_adopted/fjellvik.yml:12: error: a change is '- replace: <sentence> with: <new text>', '- remove: "
         "<sentence>' or '- add_after: <sentence> text: <new sentence>', one per item of the list"]),
    "values for a wording the organisation has not adopted": (
        edited(FJELLVIK, "strategy-and-purpose/felles-modell:\n",
               "threats/felles-modell:\n  nb: {values: {kommune: x}}\nstrategy-and-purpose/felles-modell:\n"),
        ["docs/_adopted/fjellvik.yml:2: error: 'fjellvik' has not adopted 'threats/felles-modell' in "
         "docs/adoptions.yml: record the adoption there ('fjellvik: {where: \"<place in its document>\"}' under "
         "threats → felles-modell) or remove these values"]),
    "values in a language the organisation does not publish": (
        edited(FJELLVIK, "  en:\n", "  nn:\n    values: {kommune: Fjellvik kommune}\n  en:\n"),
        ["docs/_adopted/fjellvik.yml:13: error: 'nn' under 'strategy-and-purpose/felles-modell': 'fjellvik' does not "
         "publish nn (its languages: nb, en); values and changes are given per language of the page that includes "
         "the wording: remove these or correct the language"]),
    "the data of no organisation": (
        {"_adopted/bjorkdal.yml": "strategy-and-purpose/felles-modell:\n  nb: {values: {kommune: Bjørkdal}}\n"},
        ["docs/_adopted/bjorkdal.yml:1: error: docs/_adopted/ holds one <organisation>.yml per organisation, and "
         "'bjorkdal' is no organisation of docs/organisations.yml; rename the file to its organisation's id"]),
}


@pytest.mark.parametrize("case", CASES)
def test_an_adopters_data_that_does_not_fit_its_model_text(tmp_path: Path, case: str) -> None:
    changed, expected = CASES[case]
    assert errors(model_text_repo(tmp_path, changed)) == expected


def test_the_build_fails_at_the_same_error_and_publishes_nothing(tmp_path: Path) -> None:
    changed, expected = CASES["a blank of an adopted section without a value"]
    root = model_text_repo(tmp_path, changed)
    with pytest.raises(BuildFailed) as failed:
        build_all(root, root / "site", ["fjellvik"], progress=lambda line: None, with_pdf=False)
    assert f"1 error(s) in the sources of fjellvik (nb):\n  {expected[0]}\n" in str(failed.value)
    assert not (root / "site").exists()
