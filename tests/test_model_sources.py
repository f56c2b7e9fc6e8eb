"""Reading Markdown sources (publisher/model/sources.py): includes, invisible characters, and a large page read
in a few passes."""

from __future__ import annotations

import pytest
from checking import FM_DA, TAVSHED, errors, findings, regler

ZWSP_INCLUDE = ("this include is not recognised because it contains U+200B ZERO WIDTH SPACE, an invisible character "
                "that hides or reorders text; delete it (retype the text around it)")


@pytest.mark.parametrize("line", [
    '1. --8<-- "confidentiality/test\u200bby.da.md"',  # in the file name, as a list item's text
    '--8<-- "confidentiality/test\u200bby.da.md"',
    '--8<--\u200b "confidentiality/testby.da.md"',
    '\u200b--8<-- "confidentiality/testby.da.md"',
    '--8\u200b<-- "confidentiality/testby.da.md"',  # no longer looks like an include at all
])
def test_an_invisible_character_in_an_include_is_named(fixture_repo, line: str) -> None:
    assert findings(fixture_repo(regler(line + "\n"))) == [f"docs/testby/regler.da.md:10: error: {ZWSP_INCLUDE}"]


def test_invisible_characters_in_body_text_are_a_warning(fixture_repo) -> None:
    body = ("Ret\u00adnings\u00adlinjer for 👩\u200d💻.\n\n"  # soft hyphens and an emoji's joiner are meant
            "Ring til 12\u202e34 56 78.\n\nHold\u200b tæt.\n\n--8<-- \"confidentiality/testby.da.md\"\n")
    assert findings(fixture_repo(regler(body))) == [
        "docs/testby/regler.da.md:12: warning: this line contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible "
        "character that hides or reorders text; delete it (retype the text around it)",
        "docs/testby/regler.da.md:14: warning: this line contains U+200B ZERO WIDTH SPACE, an invisible character "
        "that hides or reorders text; delete it (retype the text around it)",
    ]


def test_a_block_of_includes_is_refused(fixture_repo) -> None:
    assert findings(fixture_repo(regler('--8<--\nconfidentiality/testby.da.md\n--8<--\n'))) == [
        "docs/testby/regler.da.md:10: error: a block of includes (--8<-- on a line of its own) shows a wording "
        "past the checks of who adopted it and without its note; write each include on one line: --8<-- "
        "\"<topic>/<wording>.<language>.md\""]


def test_a_large_page_is_split_into_lines_a_few_times_not_once_a_line(fixture_repo, monkeypatch) -> None:
    """Work, not seconds (timing belongs in make bench): splitting the whole text once a line is
    quadratic; two checks did that and took a 1.2 MB page minutes."""
    from publisher.model import sources

    splits = 0
    original = sources.split_lines

    def counting(text: str) -> list[str]:
        nonlocal splits
        splits += 1
        return original(text)

    paragraph = "Hold tæt om det, du hører. Se [reglerne](index.md) og [mere](https://x.dk/{i}). Kort sætning.\n\n"
    body = "".join(paragraph.format(i=i) for i in range(12_000))  # 1.2 MB
    root = fixture_repo({"testby/regler.da.md": FM_DA + TAVSHED + body})
    monkeypatch.setattr(sources, "split_lines", counting)
    assert errors(root) == []
    assert splits < 200, f"{splits} splits of the page's text for 12,000 paragraphs"
