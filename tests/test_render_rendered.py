"""What the Markdown engine makes of a page, not what a line scanner guesses (publisher/render/rendered.py and
line_locator.py)."""

from __future__ import annotations

import pytest
from checking import FM_DA, TAVSHED, errors, findings, regler


@pytest.mark.parametrize("body", [
    "## Brug af e_mail\n\nSe [her](#brug-af-e_mail).\n",  # underscores stay in the slug
    "Setext overskrift\n-----------------\n\nSe [her](#setext-overskrift).\n",
    '!!! note "Boks"\n\n    ## Inde i boks\n\nSe [her](#inde-i-boks).\n',  # a heading inside a box
    "## Tavshedspligt\n\nSe [her](#tavshedspligt_1).\n\n--8<-- \"confidentiality/testby.da.md\"\n",  # ids numbered
    '--8<-- "confidentiality/testby.da.md" \n',  # trailing spaces, as the GitHub editor leaves them
    "Tekst.[^1]\n\n[^1]: Note.\n\nSe [noten](#fn:1).\n",
    "<!-- TODO: [x](mangler.md) og <script>x</script> -->\n",  # a comment is never published
    "Se [læs mere om\ntavshedspligt](regler.md#tavshed).\n",  # link text over two lines
])
def test_valid_markdown_is_accepted(fixture_repo, body: str) -> None:
    root = fixture_repo({**regler(body), "_shared/confidentiality/testby.da.md": "## Tavshedspligt\n\nX\n"})
    assert findings(root) == []


@pytest.mark.parametrize(("body", "expected"), [
    ("Se [læs mere om\ntavshedspligt](mangler.md).\n",
     "docs/testby/regler.da.md:11: error: link 'mangler.md' points to a page that does not exist in 'testby' "
     "(Dansk (da)): no docs/testby/mangler.da.md; pages: index.md, regler.md"),
    ('<a\n  href="mangler.md">x</a>\n',
     "docs/testby/regler.da.md:11: error: <a href=\"mangler.md\"> would be published as written and lead nowhere "
     "(the page is published as .html); write the link in Markdown, [x](mangler.md), so it is checked and "
     "rewritten"),
    ("Se [x][mangler] her.\n",
     "docs/testby/regler.da.md:10: error: '[x][mangler]' would be published as text: the reference link has no "
     "definition; add a line '[label]: address' or write the link as [text](address)"),
    ('--8<-- "confidentiality/testby.da.md" her\n',
     "docs/testby/regler.da.md:10: error: this include is not recognised and would be published as text: "
     "write it on a line of its own as --8<-- \"<topic>/<wording>.<language>.md\""),
    ('Tekst.\n    --8<-- "confidentiality/testby.da.md"\n',
     "docs/testby/regler.da.md:11: error: this include is indented under no list item or box, so Markdown would "
     "read the passage as part of the text above it (or as code); start it at the beginning of its line, or "
     "indent it under a list item or box"),
    ("```\nkode\n\n<script>alert(1)</script>\n",  # a fence never closed is no code block
     "docs/testby/regler.da.md:13: error: <script> runs code in the reader's browser and is removed from the page; "
     "remove it"),
    ('```\n--8<-- "da/mangler.md"\n```\n',  # the snippets extension includes inside code blocks too
     "docs/testby/regler.da.md:11: error: 'da/mangler.md' is not a shared wording: include one as "
     "--8<-- \"<topic>/<wording>.da.md\" (files in docs/_shared/)"),
])
def test_what_the_engine_publishes_is_checked_at_its_line(fixture_repo, body: str, expected: str) -> None:
    assert findings(fixture_repo(regler(body))) == [expected]


def test_placing_rendered_items_on_lines_is_linear(fixture_repo, monkeypatch) -> None:
    """The locator once rescanned the page for every item (10,000 headings: 151 s); now each line is read a
    bounded number of times however many items the page has."""
    from publisher.render.line_locator import LineLocator

    scanned = 0
    original = LineLocator._scan

    def counting(self, needle, pattern, start, stop):  # noqa: ANN001, ANN202 (a test probe)
        nonlocal scanned
        found = original(self, needle, pattern, start, stop)
        scanned += (found + 1 if found is not None else stop) - start
        return found

    monkeypatch.setattr(LineLocator, "_scan", counting)
    count = 3000
    body = "".join(f"## Afsnit {i} {{#a{i}}}\n\nSe [afsnit {i}](#a{i}) og <span>{i}</span>.\n\n" for i in range(count))
    root = fixture_repo({"testby/regler.da.md": FM_DA + TAVSHED + body})
    assert errors(root) == []
    lines = len(body.splitlines())
    assert scanned < 20 * lines, f"{scanned} line reads for {lines} lines"
