"""The glossary: a translation uses the English term docs/glossary.yml gives for its source's term."""

from __future__ import annotations

from pathlib import Path

from publisher.checks import check_all
from publisher.model.glossary import GlossaryEntry, untranslated
from publisher.model.organisations import load_catalogue

FM_DA = "---\ntitle: Regler\nowner: HR\nreview_by: 2027-01-01\ntopics: [confidentiality]\n---\n\n"
FM_EN = "---\ntitle: Rules\ntopics: [confidentiality]\n---\n\n"
GLOSSARY = ("da-en:\n  - {source: [pårørende], en: [relatives]}\n"
            "  - {source: [borger, borgere], en: [citizen, citizens]}\n")
PAGES = {
    # No shared wordings: these tests are about the glossary alone.
    "_shared/confidentiality/testby.da.md": None,
    "_shared/confidentiality/testby.en.md": None,
    "adoptions.yml": None,
    "glossary.yml": GLOSSARY,
    "testby/regler.da.md": FM_DA + "## Tavshedspligt {#tavshed}\n\nHold tæt over for borgere\nog deres pårørende.\n",
}


def glossary_findings(root: Path) -> list[str]:
    report = check_all(load_catalogue(root / "docs"))
    return [str(f) for f in report.errors + report.warnings if "glossary" in f.message or "glossary" in f.path]


def test_a_term_translated_otherwise_is_a_warning_at_the_translation(fixture_repo) -> None:
    root = fixture_repo({**PAGES, "testby/regler.en.md": FM_EN + "## Confidentiality {#tavshed}\n\n"
                                                                "Keep quiet towards citizens and their next of kin.\n"})
    assert glossary_findings(root) == [
        "docs/testby/regler.en.md:1: warning: glossary: 'pårørende' (docs/testby/regler.da.md:11) is translated "
        "as 'relatives'; use it here, or change docs/glossary.yml:2",
    ]


def test_a_consistent_translation_gives_no_warning(fixture_repo) -> None:
    root = fixture_repo({**PAGES, "testby/regler.en.md": FM_EN + "## Confidentiality {#tavshed}\n\n"
                                                                "Keep quiet towards Citizens and their relatives.\n"})
    assert glossary_findings(root) == []


def test_a_bad_entry_is_reported_with_its_line(fixture_repo) -> None:
    root = fixture_repo({**PAGES, "glossary.yml": GLOSSARY + "  - {source: [pårørende], en: [family]}\n"
                                                             "  - {source: [], en: [x]}\nxx-en: []\n",
                         "testby/regler.en.md": FM_EN + "## Confidentiality {#tavshed}\n\n"
                                                        "Keep quiet towards citizens and their relatives.\n"})
    assert glossary_findings(root) == [
        "docs/glossary.yml:4: error: 'pårørende' is already an entry of 'da-en' (line 2): a source term has one "
        "translation; merge the two entries",
        "docs/glossary.yml:5: error: 'source' must list one or more words, e.g. [borger, borgere]",
        "docs/glossary.yml:6: error: 'xx-en' is not a language pair: write <source>-<target> with two different "
        "languages of docs/languages.yml (da, en, nb, nn), e.g. 'da-en'",
    ]


def test_whole_words_only_any_case_across_lines() -> None:
    entry = GlossaryEntry(("duty of confidentiality",), ("tavshedspligt",), 1)
    assert untranslated((entry,), "Your Duty of\nconfidentiality applies", "") == [(entry, "duty of confidentiality")]
    assert untranslated((entry,), "the duty of confidentiality applies", "tavshedspligten") == [
        (entry, "duty of confidentiality")]  # 'tavshedspligten' is another word
    assert untranslated((entry,), "dutyof confidentiality", "") == []


def test_a_shared_wording_counts_and_the_warning_lands_on_its_translation(fixture_repo) -> None:
    root = fixture_repo({
        **PAGES,
        "adoptions.yml": 'confidentiality:\n  testby:\n    testby: {where: "§ 1"}\n',
        "_shared/confidentiality/testby.da.md": "Tal aldrig om borgere.\n\nHeller ikke om pårørende.\n",
        "_shared/confidentiality/testby.en.md": "Never talk about citizens.\n\nNor about their family.\n",
        "testby/regler.da.md": FM_DA + "## Tavshedspligt {#tavshed}\n\n--8<-- \"confidentiality/testby.da.md\"\n",
        "testby/regler.en.md": FM_EN + "## Confidentiality {#tavshed}\n\n--8<-- \"confidentiality/testby.en.md\"\n",
    })
    assert glossary_findings(root) == [
        "docs/_shared/confidentiality/testby.en.md:1: warning: glossary: 'pårørende' "
        "(docs/_shared/confidentiality/testby.da.md:3) is translated as 'relatives'; use it here, "
        "or change docs/glossary.yml:2",
    ]
