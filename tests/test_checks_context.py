"""The page files the checks read (publisher/checks/context.py): their names and their encoding."""

from __future__ import annotations

from checking import findings


def test_bad_page_file_names(fixture_repo) -> None:
    root = fixture_repo({"testby/noter.md": "x", "testby/noter.fr.md": "x"})
    assert findings(root) == [
        "docs/testby/noter.fr.md:1: error: 'testby' is published in da, en, not 'fr'; rename the file or add the "
        "language to 'testby' in docs/organisations.yml",
        "docs/testby/noter.md:1: error: a page file is named <page>.<language>.md, e.g. noter.da.md; rename it",
    ]


def test_files_that_are_not_utf8_or_start_with_a_bom(fixture_repo) -> None:
    root = fixture_repo()
    page = root / "docs/testby/regler.da.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())  # a byte-order mark, as some editors write
    assert findings(root) == []
    page.write_bytes(page.read_bytes()[3:].replace("Hold tæt.".encode(), "Hold tæt.".encode("latin-1")))
    assert ("docs/testby/regler.da.md:10: error: the file is not UTF-8 text (byte 0xe6 on this line); save it with "
            "UTF-8 encoding") in findings(root)
