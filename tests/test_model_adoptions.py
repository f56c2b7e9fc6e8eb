"""docs/adoptions.yml and the sections of wordings (publisher/model/adoptions.py): what it names must exist."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from checking import SECTIONED, findings
from publisher.model.organisations import load_catalogue

TOPICS = list(yaml.safe_load((Path(__file__).resolve().parents[1] / "docs/topics.yml").read_text(encoding="utf-8")))


def test_a_wording_whose_languages_differ_in_sections(fixture_repo) -> None:
    root = fixture_repo({
        "_shared/confidentiality/testby.da.md": SECTIONED,
        "_shared/confidentiality/testby.en.md": "--8<-- [start:regel]\nRule.\n--8<-- [end:regel]\n",
    })
    assert findings(root) == [
        "docs/_shared/confidentiality/testby.en.md:1: error: sections differ between languages of "
        "'confidentiality/testby': en has [regel], da has [regel, grund]; every language needs the same named "
        "sections in the same order",
    ]


@pytest.mark.parametrize(("adoptions", "expected"), [
    ("confidentialty:\n  testby:\n    testby: {where: x}\n",
     "docs/adoptions.yml:1: error: unknown topic 'confidentialty'; add it to docs/topics.yml or use one of: "
     + ", ".join(TOPICS)),  # the fixture copies the real docs/topics.yml
    ("confidentiality:\n  andenby:\n    testby: {where: x}\n",
     "docs/adoptions.yml:2: error: wording 'andenby' of topic 'confidentiality' does not exist: create "
     "docs/_shared/confidentiality/andenby.<language>.md"),
    ("confidentiality:\n  testby:\n    andenby: {where: x}\n",
     "docs/adoptions.yml:3: error: unknown organisation 'andenby' adopts 'confidentiality/testby'; known "
     "organisations: testby"),
    ("confidentiality:\n  testby:\n    testby: {where: x, sections: [intro]}\n",
     "docs/adoptions.yml:3: error: wording 'confidentiality/testby' has no section 'intro'; its sections: none "
     "(adopt the whole wording: leave out sections)"),
    ("confidentiality:\n  testby:\n    testby: {}\n",
     "docs/adoptions.yml:3: error: 'testby' under 'confidentiality/testby' needs 'where': the place in its own "
     "document that says these words, e.g. {where: \"punkt 4\"}"),
])
def test_adoption_data_naming_what_does_not_exist(fixture_repo, adoptions: str, expected: str) -> None:
    errors = [f for f in findings(fixture_repo({"adoptions.yml": adoptions})) if ": error: " in f]
    assert errors[:1] == [expected]


SECTIONED_WORDING = {f"_shared/confidentiality/testby.{language}.md": SECTIONED for language in ("da", "en")}


def _with_section_topics(entries: str) -> str:
    return f"confidentiality:\n  testby:\n    section_topics:{entries}\n    testby: {{where: x}}\n"


@pytest.mark.parametrize(("adoptions", "expected"), [
    (_with_section_topics(" [grund]"),
     "docs/adoptions.yml:3: error: 'section_topics' of 'confidentiality/testby' maps each section to the topic it "
     "is about, e.g. 'section_topics: {facebook: channels}'"),
    (_with_section_topics("\n      intro: threats"),
     "docs/adoptions.yml:4: error: wording 'confidentiality/testby' has no section 'intro'; its sections: regel, "
     "grund"),
    (_with_section_topics("\n      grund: threatz"),
     "docs/adoptions.yml:4: error: unknown topic 'threatz' for section 'grund' of 'confidentiality/testby'; add it "
     "to docs/topics.yml or use one of: " + ", ".join(TOPICS)),
    (_with_section_topics("\n      regel: threats\n      grund: confidentiality"),
     "docs/adoptions.yml:5: error: section 'grund' of 'confidentiality/testby' is about 'confidentiality' already, "
     "the wording's own topic; leave it out of 'section_topics'"),
    ("confidentiality:\n  testby:\n    section_topics: {grund: threats}\n",
     "docs/adoptions.yml:2: error: wording 'confidentiality/testby' must list the organisations that adopted it, "
     "e.g. 'kalundborg: {where: \"punkt 4\"}'"),
])
def test_section_topics_naming_what_does_not_fit(fixture_repo, adoptions: str, expected: str) -> None:
    errors = [f for f in findings(fixture_repo({**SECTIONED_WORDING, "adoptions.yml": adoptions})) if ": error: " in f]
    # Nothing else wrong in the data: no adopter named 'section_topics'.
    assert [error for error in errors if error.startswith("docs/adoptions.yml")] == [expected]


def test_section_topics_name_the_topic_a_section_is_about_and_no_adopter(fixture_repo) -> None:
    root = fixture_repo({**SECTIONED_WORDING, "adoptions.yml": _with_section_topics(" {grund: threats}")})
    assert [f for f in findings(root) if ": error: " in f] == []
    adoptions = load_catalogue(root / "docs").adoptions
    assert adoptions.sections_about("threats") == [("confidentiality", "testby", "grund")]
    assert adoptions.sections_about("confidentiality") == []
    assert adoptions.adopters("confidentiality", "testby") == ["testby"]


def test_section_topics_of_a_wording_without_sections(fixture_repo) -> None:
    errors = findings(fixture_repo({"adoptions.yml": _with_section_topics(" {regel: threats}")}))
    assert [error for error in errors if error.startswith("docs/adoptions.yml")] == [
        "docs/adoptions.yml:3: error: wording 'confidentiality/testby' has no section 'regel'; its sections: none (a "
        "wording without sections is about its own topic)"]
