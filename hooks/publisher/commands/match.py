"""`make match FILE=doc [ORG=x | NAME="…" DOMAIN=…]`: the passages a document shares with the shared
wordings and with every other organisation's pages, written nowhere (see `publisher.model.matching`).

`make import` prints the same report before it writes an organisation's pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..files.document_readers import FORMATS, read_document
from ..files.findings import Finding, PublisherError, display_path
from ..model.matching import (
    Index,
    Passage,
    Text,
    document_items,
    markdown_items,
    names_of,
    report,
)
from ..model.organisation_types import Organisation
from ..model.organisations import Catalogue
from ..model.sources import page_name, read_source


def organisation_texts(catalogue: Catalogue, skip: str | None = None) -> Iterable[Text]:
    """Every page of every other organisation, its organisation's names as blanks."""
    for org_id, org in catalogue.organisations.items():
        if org_id == skip:
            continue
        names = names_of(org.name, org.domain, org.title_words)
        for path in sorted(catalogue.org_dir(org_id).glob("*.md")):
            if page_name(path) is None:
                continue
            source = read_source(path, display_path(path, catalogue.root))
            yield Text(source.display, tuple(markdown_items(source.body, source.body_line)), names)


def wording_texts(catalogue: Catalogue) -> Iterable[Text]:
    """Every shared wording file, named with the organisations that adopted it (docs/adoptions.yml)."""
    adoptions = catalogue.adoptions
    for path in sorted(catalogue.shared_dir.glob("*/*.md")):
        source = read_source(path, display_path(path, catalogue.root))
        adopters = adoptions.adopters(path.parent.name, path.name.split(".")[0])
        name = f"{source.display} (adopted by {', '.join(adopters)})" if adopters else source.display
        yield Text(name, tuple(markdown_items(source.body, source.body_line)))


def _not_a_document(path: Path, display: str) -> PublisherError | None:
    """Why `path` is no document make match reads, or None."""
    readable = ", ".join([*FORMATS, ".md"])
    if path.is_dir():
        return PublisherError([Finding(display, 1, f"this is a folder, not a document: give FILE=<the document>, a "
                                                   f"{readable} file")])
    if path.suffix.lower() not in (*FORMATS, ".md"):
        kind = f"a '{path.suffix}' file" if path.suffix else "a file without a type (.docx, .txt, ...)"
        return PublisherError([Finding(display, 1, f"this is {kind}, not a document make match reads: give "
                                                   f"FILE=<the document> as a {readable} file (save it in one of "
                                                   f"these formats)")])
    return None


def document_text(path: Path, display: str, names: tuple[str, ...]) -> Text:
    """A document to match: a Markdown page by its lines, any other document by its paragraphs."""
    if (problem := _not_a_document(path, display)) is not None:
        raise problem
    if path.suffix == ".md":
        source = read_source(path, display)
        return Text(display, tuple(markdown_items(source.body, source.body_line)), names)
    blocks = read_document(path, display)
    return Text(display, tuple(document_items((b.kind, b.text) for b in blocks)), names, "paragraph")


def match_document(catalogue: Catalogue, path: Path, org: Organisation | None = None, name: str | None = None,
                   domain: str | None = None) -> tuple[Text, list[Passage]]:
    """The document and its shared passages; the body's own names from `org`, or `name` and `domain`."""
    names = names_of(org.name, org.domain, org.title_words) if org else names_of(name, domain) if name else ()
    document = document_text(path, display_path(path, catalogue.root), names)
    index = Index([*wording_texts(catalogue), *organisation_texts(catalogue, skip=org.id if org else None)])
    return document, index.match(document)


def print_match(catalogue: Catalogue, path: Path, org: Organisation | None, name: str | None, domain: str | None,
                out: Callable[[str], None] = print) -> int:
    document, passages = match_document(catalogue, path, org, name, domain)
    if not document.items:
        raise PublisherError([Finding(document.name, 1, "the document holds no text to match (no heading, paragraph "
                                                        "or list item): give FILE=<the organisation's document>")])
    if not document.names:
        out("Note: no ORG= or NAME= given, so the document's own name is compared as a word, not as a blank.")
    for line in report(document, passages):
        out(line)
    return 0
