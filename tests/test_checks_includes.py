"""Includes of shared wordings (publisher/checks/includes.py): a wording that is missing, in another language,
or includes a file itself."""

from __future__ import annotations

import pytest
from checking import FM_DA, FM_EN, TAVSHED, all_findings, findings


def test_missing_wording(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA + "## Tavshedspligt {#tavshed}\n\n"
                                                        "--8<-- \"confidentiality/tavshed.da.md\"\n"})
    assert all_findings(root) == [
        "docs/testby/regler.da.md:10: error: shared wording 'confidentiality/tavshed.da.md' does not exist in "
        "docs/_shared/; available for 'confidentiality' in da: confidentiality/testby.da.md",
        "docs/adoptions.yml:3: warning: 'testby' adopted 'confidentiality/testby' (Regler, afsnit 2), but none of "
        "its pages includes it: include it where its document says it, or remove the adoption",
    ]


def test_a_wording_cannot_include_another_file(fixture_repo) -> None:
    root = fixture_repo({"_shared/confidentiality/testby.da.md": "A\n\n--8<-- \"confidentiality/testby.da.md\"\n"})
    assert findings(root) == [
        "docs/_shared/confidentiality/testby.da.md:3: error: a shared wording cannot include another file: write "
        "its text here, or include both from the page",
    ]


def test_wording_in_another_language(fixture_repo) -> None:
    root = fixture_repo({
        "testby/regler.en.md": FM_EN + "## Confidentiality {#tavshed}\n\n--8<-- \"confidentiality/testby.da.md\"\n",
    })
    assert findings(root) == [
        "docs/testby/regler.en.md:9: error: 'confidentiality/testby.da.md' is not in this page's language "
        "(English (en)): include 'confidentiality/testby.en.md' instead",
    ]


INDENTED = '    --8<-- "confidentiality/testby.da.md"\n'


@pytest.mark.parametrize("holder", ["- Punkt\n\n", "1. Punkt\n    Mere.\n\n", '!!! note "Boks"\n\n',
                                    "Ord\n:   Forklaring\n\n", "Tekst.[^1]\n\n[^1]: Note.\n\n"])
def test_an_include_indented_under_a_list_item_box_definition_or_footnote_is_held(fixture_repo, holder: str) -> None:
    assert findings(fixture_repo({"testby/regler.da.md": FM_DA + TAVSHED + holder + INDENTED})) == []


@pytest.mark.parametrize("before", ["Tekst.\n", "Tekst.\n\n", ""])
def test_an_include_indented_under_nothing_is_reported_at_its_line(fixture_repo, before: str) -> None:
    """Without a holder Markdown reads the passage into the paragraph above, or as code: no box shows it now."""
    root = fixture_repo({"testby/regler.da.md": FM_DA + TAVSHED + before + INDENTED})
    assert findings(root) == [
        f"docs/testby/regler.da.md:{10 + before.count(chr(10))}: error: this include is indented under no list item "
        "or box, so Markdown would read the passage as part of the text above it (or as code); start it at the "
        "beginning of its line, or indent it under a list item or box"]
