"""A site shows only the wordings, and sections, its organisation adopted (publisher/checks/adoption.py)."""

from __future__ import annotations

from checking import FM_DA, FM_EN, SECTIONED, findings
from conftest import FIXTURE_ORGANISATIONS, FIXTURE_PAGES
from publisher.pipeline.whole import build_all


def test_include_of_a_wording_the_organisation_has_not_adopted(fixture_repo) -> None:
    root = fixture_repo({
        "_shared/threats/andenby.da.md": "Andenbys regel om trusler.\n",
        "_shared/threats/andenby.en.md": "Andenby's rule on threats.\n",
        "testby/regler.da.md": FM_DA + "## Tavshedspligt {#tavshed}\n\n--8<-- \"confidentiality/testby.da.md\"\n\n"
                                       "1. Vær venlig.\n2. --8<-- \"threats/andenby.da.md\"\n",
    })
    assert findings(root) == [
        "docs/testby/regler.da.md:13: error: 'testby' has not adopted wording 'threats/andenby': a site shows only "
        "what its organisation's own document says. Write the organisation's own words here, or, if its document "
        "says exactly these words, add 'testby: {where: \"<place in its document>\"}' under threats → andenby in "
        "docs/adoptions.yml",
        "docs/_shared/threats/andenby.da.md:1: warning: wording 'threats/andenby' is adopted by no organisation, so "
        "no site shows it: add its adopters to docs/adoptions.yml or delete it",
    ]


def test_include_of_a_section_the_organisation_has_not_adopted(fixture_repo) -> None:
    root = fixture_repo({
        "_shared/confidentiality/testby.da.md": SECTIONED,
        "_shared/confidentiality/testby.en.md": SECTIONED.replace("Regel", "Rule").replace("Grund", "Reason"),
        "adoptions.yml": "confidentiality:\n  testby:\n    testby: {where: \"afsnit 2\", sections: [regel]}\n",
        "testby/regler.da.md": FM_DA + "## Tavshedspligt {#tavshed}\n\n--8<-- \"confidentiality/testby.da.md:grund\"\n",
        "testby/regler.en.md": FM_EN + "## Confidentiality {#tavshed}\n\n"
                                       "--8<-- \"confidentiality/testby.en.md:regel\"\n",
    })
    assert findings(root) == [
        "docs/testby/regler.da.md:10: error: 'testby' adopted only section(s) regel of 'confidentiality/testby', not "
        "section 'grund' (docs/adoptions.yml:3); include an adopted section or record the adoption",
    ]


def test_adopting_a_wording_word_for_word_is_one_line(fixture_repo) -> None:
    """A second organisation adopts Testby's wording: one line of data and an include, and both
    sites say with whom the model text is shared, linked to its topic page."""
    organisations = FIXTURE_ORGANISATIONS + """\
  andenby:
    name: Andenby Kommune
    country: DK
    domain: andenby.dk
    languages: [da, en]
    palette: {primary: "#1d4f7c", accent: "#a3461a"}
    document: {title: Andenbys regler}
    nav: [index.md]
    status: ready
"""
    root = fixture_repo({
        "adoptions.yml": FIXTURE_PAGES["adoptions.yml"] + "    andenby: {where: \"punkt 1\"}\n",
        "andenby/index.da.md": "---\ntitle: Forside\nowner: Personale\n---\n\n"
                               "1. --8<-- \"confidentiality/testby.da.md\"\n",
        "andenby/index.en.md": "---\ntitle: Home\n---\n\n1. --8<-- \"confidentiality/testby.en.md\"\n",
    }, organisations=organisations)
    assert [f for f in findings(root) if ": error: " in f] == []
    build_all(root, root / "site", progress=lambda line: None, org_ids=["testby", "andenby"], with_pdf=False)
    andenby = (root / "site/andenby/index.html").read_text(encoding="utf-8")
    assert ('<li>\n<p>Testbys tekst om tavshed.</p>\n<p class="passage-note"><a href="../topics/confidentiality.da'
            '.html">Samme modeltekst som Testby Kommune.</a></p>\n</li>') in andenby
    assert "tekst fra" not in andenby
    testby = (root / "site/testby/en/regler.html").read_text(encoding="utf-8")
    assert ('<a href="../../topics/confidentiality.en.html">Same model text as Andenby Kommune.</a>') in testby
