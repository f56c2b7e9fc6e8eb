"""docs/adoptions.yml and the sections of wordings (publisher/model/adoptions.py): what it names must exist."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from checking import SECTIONED, findings

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
