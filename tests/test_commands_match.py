"""`make match FILE=...`: a file that is no document is refused with what to give (commands/match.py)."""

from __future__ import annotations

import pytest
from publisher.commands.match import print_match
from publisher.files.findings import PublisherError
from publisher.model.organisations import load_catalogue


@pytest.mark.parametrize(("name", "content", "message"), [
    ("organisations.yml", "a: 1\n", "this is a '.yml' file, not a document make match reads: give FILE=<the "
     "document> as a .docx, .odt, .pdf, .txt, .md file (save it in one of these formats)"),
    ("folder", None, "this is a folder, not a document: give FILE=<the document>, a .docx, .odt, .pdf, .txt, .md "
     "file"),
    ("blank.md", "---\ntitle: x\n---\n\n", "the document holds no text to match (no heading, paragraph or list "
     "item): give FILE=<the organisation's document>"),
])
def test_make_match_on_a_file_that_is_no_document(fixture_repo, name: str, content: str | None, message: str) -> None:
    root = fixture_repo()
    path = root / name
    if content is None:
        path.mkdir()
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(PublisherError) as error:
        print_match(load_catalogue(root / "docs"), path, None, None, None, out=lambda line: None)
    assert str(error.value) == f"{name}:1: error: {message}"
