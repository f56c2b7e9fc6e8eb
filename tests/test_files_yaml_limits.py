"""YAML as read by publisher/files/yamlsource.py: syntax errors, impossible dates and keys written twice at their
line, and YAML that would hang or crash the loader refused before anything is built from it."""

from __future__ import annotations

import pytest
from checking import FM_DA, TAVSHED, errors, findings, within
from conftest import FIXTURE_ORGANISATIONS
from publisher.files.findings import PublisherError
from publisher.model.organisations import load_catalogue


def test_invalid_front_matter_yaml(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": "---\ntitle: Regler\nowner: [HR\nreview_by: 2027-01-01\n---\n\n"
                                                "## Tavshedspligt {#tavshed}\n"})
    # Only the syntax error: guessing that the keys it hides are missing would mislead.
    assert findings(root) == [
        "docs/testby/regler.da.md:4: error: invalid YAML: did not find expected ',' or ']'; "
        "check indentation, colons and quotes",
    ]


def test_broken_organisations_yaml(fixture_repo) -> None:
    root = fixture_repo(organisations="organisations:\n  testby:\n    name: [Testby\n")
    with pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert str(error.value).startswith("docs/organisations.yml:4: error: invalid YAML:")


def test_impossible_date(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA.replace("2027-01-01", "2027-02-30") + TAVSHED})
    assert findings(root) == [
        "docs/testby/regler.da.md:4: error: invalid value: day is out of range for month; write a real date as "
        "YYYY-MM-DD",
    ]


def test_key_written_twice(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA.replace("title: Regler\n", "title: Regler\ntitle: Regl\n")
                         + TAVSHED})
    assert findings(root) == [
        "docs/testby/regler.da.md:3: error: 'title' is written twice (first on line 2); keep one and remove the other",
    ]


def test_organisation_written_twice(fixture_repo) -> None:
    organisations = FIXTURE_ORGANISATIONS + "\n".join(FIXTURE_ORGANISATIONS.splitlines()[1:]) + "\n"
    with pytest.raises(PublisherError) as error:
        load_catalogue(fixture_repo(organisations=organisations) / "docs")
    assert [str(f) for f in error.value.findings][0].startswith(
        "docs/organisations.yml:26: error: 'testby' is written twice (first on line 2)")


# -- YAML that would hang or crash the loader: refused before anything is built from it --------

LAUGHS = "".join(f"x{level}: &l{level} [{', '.join([f'*l{level - 1}' if level else 'lol'] * 9)}]\n"
                 for level in range(9))  # nine lines standing for 9**9 strings ("billion laughs")
ANCHOR = ("'&l{level}' marks a value to repeat elsewhere (a YAML anchor); anchors and aliases are not used in "
          "these files: write the value out in full where it is needed")
TOO_DEEP = ("values are nested more than 20 levels deep here; no field needs that: check the brackets and the "
            "indentation")


def test_anchors_and_aliases_in_organisations_are_refused_at_once(fixture_repo) -> None:
    root = fixture_repo()  # written after the fixture is made: making it reads the file too
    (root / "docs/organisations.yml").write_text(LAUGHS + FIXTURE_ORGANISATIONS, encoding="utf-8")
    with within(10), pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert str(error.value).splitlines() == [
        f"docs/organisations.yml:{level + 1}: error: {ANCHOR.format(level=level)}" for level in range(9)]


def test_anchors_and_aliases_in_front_matter_are_refused_at_once(fixture_repo) -> None:
    alias = "title: Regler\nowner: &who HR\nnav_title: *who\n"
    root = fixture_repo()
    (root / "docs/testby/regler.da.md").write_text(FM_DA.replace("title: Regler\n", LAUGHS).replace("owner: HR\n", "")
                                                   .replace("---\n\n", alias + "---\n\n") + TAVSHED, encoding="utf-8")
    with within(10):
        found = errors(root)  # the edited page makes its translation stale: a warning, not asserted here
    laughs = [f"docs/testby/regler.da.md:{level + 2}: error: {ANCHOR.format(level=level)}" for level in range(9)]
    assert found == [*laughs,
                     "docs/testby/regler.da.md:14: error: '&who' marks a value to repeat elsewhere (a YAML anchor); "
                     "anchors and aliases are not used in these files: write the value out in full where it is needed",
                     "docs/testby/regler.da.md:15: error: '*who' repeats a value marked elsewhere (a YAML alias); "
                     "anchors and aliases are not used in these files: write the value out in full where it is needed"]


@pytest.mark.parametrize("levels", [21, 3000, 100_000])
def test_runaway_nesting_is_refused_with_its_line(fixture_repo, levels: int) -> None:
    nested = "extra: " + "[" * levels + "]" * levels + "\n"
    root = fixture_repo()
    (root / "docs/testby/regler.da.md").write_text(FM_DA.replace("---\n\n", nested + "---\n\n") + TAVSHED,
                                                   encoding="utf-8")
    with within(10):
        assert errors(root) == [f"docs/testby/regler.da.md:6: error: {TOO_DEEP}"]
    (root / "docs/organisations.yml").write_text("# organisations\n" + nested + FIXTURE_ORGANISATIONS, encoding="utf-8")
    with within(10), pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert str(error.value) == f"docs/organisations.yml:2: error: {TOO_DEEP}"


def test_nesting_as_deep_as_allowed_still_loads(fixture_repo) -> None:
    nested = "extra: " + "[" * 19 + "]" * 19 + "\n"  # with the top-level mapping: 20 levels
    root = fixture_repo({"testby/regler.da.md": FM_DA.replace("---\n\n", nested + "---\n\n") + TAVSHED})
    assert findings(root) == ["docs/testby/regler.da.md:6: error: unknown front matter key 'extra'; known keys: "
                              "title, owner, review_by, nav_title, topics, hidden, source_hash, untranslated (remove "
                              "or rename it)"]
