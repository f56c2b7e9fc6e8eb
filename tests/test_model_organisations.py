"""docs/organisations.yml as loaded (publisher/model/organisations.py): the nav, and a header colour white text
can be read on."""

from __future__ import annotations

import pytest
from conftest import FIXTURE_ORGANISATIONS
from publisher.files.findings import PublisherError
from publisher.model.organisations import load_catalogue
from publisher.pipeline.whole import BuildFailed, build_all


def test_a_page_listed_twice_in_nav(fixture_repo) -> None:
    organisations = FIXTURE_ORGANISATIONS.replace("nav: [index.md, regler.md]",
                                                  "nav:\n      - index.md\n      - regler.md\n      - regler.md")
    with pytest.raises(PublisherError) as error:
        load_catalogue(fixture_repo(organisations=organisations) / "docs")
    assert str(error.value) == (
        "docs/organisations.yml:22: error: organisation 'testby': 'nav' lists 'regler.md' twice (first as entry 2); a "
        "page has one place in the navigation, the front page and the PDF: remove this entry")


def test_a_primary_colour_too_light_for_white_text_is_refused_by_the_check_at_its_line(fixture_repo) -> None:
    root = fixture_repo(organisations=FIXTURE_ORGANISATIONS.replace(
        '    palette: {primary: "#1d4f7c", accent: "#a3461a"}\n',
        '    palette:\n      accent: "#a3461a"\n      primary: "#777777"\n'))
    expected = ["docs/organisations.yml:9: error: organisation 'testby': primary colour #777777 gives white header "
                "text a contrast of 4.48:1 (WCAG AA needs 4.5:1); choose a darker colour"]
    with pytest.raises(PublisherError) as error:  # `make check` loads the catalogue first
        load_catalogue(root / "docs")
    assert [str(f) for f in error.value.findings] == expected
    with pytest.raises((BuildFailed, PublisherError)) as failed:  # and so does the build, with the same message
        build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    assert expected[0] in str(failed.value)


def test_a_topic_without_a_name_in_a_published_language_is_refused_at_its_line(fixture_repo) -> None:
    root = fixture_repo()
    topics = root / "docs/topics.yml"
    lines = topics.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith("threats:"))
    lines[number - 1] = "threats: {nb: Trusler, nn: Truslar}"
    topics.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert [str(f) for f in error.value.findings] == [
        f"docs/topics.yml:{number}: error: topic 'threats' has no name in da, en; add one for every language a site "
        "is published in, e.g. da: <the topic's name>"]


TITLES = ("    status: ready\n    titles:\n      leder:\n        plain: rådmann\n        bestemt: rådmannen\n"
          "        genitiv: rådmannens\n")


def test_titles_are_read_by_role_and_form(fixture_repo) -> None:
    root = fixture_repo(organisations=FIXTURE_ORGANISATIONS.replace("    status: ready\n", TITLES))
    org = load_catalogue(root / "docs").organisation("testby")
    assert org.titles == {"leder": {"plain": "rådmann", "bestemt": "rådmannen", "genitiv": "rådmannens"}}
    assert org.title_words == ("rådmann", "rådmannen", "rådmannens")


@pytest.mark.parametrize(("titles", "expected"), [
    ("    titles: [rådmann]\n", "docs/organisations.yml:21: error: organisation 'testby': 'titles' must map each "
     "officer's role to the forms of its title, e.g. titles: {leder: {plain: rådmann, bestemt: rådmannen, genitiv: "
     "rådmannens}}"),
    ("    titles:\n      Leder: {plain: rådmann}\n", "docs/organisations.yml:22: error: organisation 'testby': title "
     "role 'Leder' must be lowercase letters, digits and hyphens, starting with a letter (it names the blank "
     "[[Leder]] in model texts)"),
    ("    titles:\n      leder: {bestemt: rådmannen}\n", "docs/organisations.yml:22: error: organisation 'testby': "
     "title 'leder' must map its forms to text, at least 'plain' (the title as the document writes it alone), e.g. "
     "titles: {leder: {plain: rådmann, bestemt: rådmannen, genitiv: rådmannens}}"),
    ("    titles:\n      leder:\n        plain: rådmann\n        best emt: rådmannen\n",
     "docs/organisations.yml:24: error: organisation 'testby': title 'leder' form 'best emt' must be named with "
     "lowercase letters, digits and hyphens and be written as text (as the document writes it)"),
    ("    titles:\n      leder:\n        plain: rådmann\n        bestemt: 2024\n",
     "docs/organisations.yml:24: error: organisation 'testby': title 'leder' form 'bestemt' must be named with "
     "lowercase letters, digits and hyphens and be written as text (as the document writes it)"),
    ("    titles:\n      leder:\n        plain: <b>rådmann</b>\n",
     "docs/organisations.yml:23: error: organisation 'testby': 'titles.leder.plain' contains '<' or '>', which a "
     "browser reads as markup; write the text without them"),
])
def test_a_malformed_title_is_refused_at_its_line(fixture_repo, titles: str, expected: str) -> None:
    status = "    status: ready\n"
    root = fixture_repo(organisations=FIXTURE_ORGANISATIONS.replace(status, status + titles))
    with pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert [str(f) for f in error.value.findings] == [expected]
