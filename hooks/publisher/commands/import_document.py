"""`make import ORG=<id> FILE=<document>`: an organisation's pages from its own document.

Reads the document (publisher/files/document_readers.py), removes what extraction leaves behind (page
numbers, a printed table of contents, broken list markers, a back cover that repeats the front,
`(#)` placeholder links) and records each removal in docs/_editorial/<org>.yml, splits the rest
into pages at the document's top-level headings, keeping its words exactly, and writes:

- docs/<org>/<page>.<lang>.md with front matter (title and topics; no owner or review date: nobody gave them),
  and an `untranslated: true` page in each other language of the organisation;
- the nav order into docs/organisations.yml (the one entry's `nav:`, written with a YAML emitter and
  read back before the file is replaced);
- docs/_sources/<org>/: the original document and its extracted text (never published);

all or nothing: on any failure every file is left as it was. It ends with a report of how many of
the document's sentences the pages carry and each one left out, with its reason.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..files.findings import Finding, PublisherError, display_path, io_advice
from ..files.locking import source_lock
from ..files.source_transaction import SourceTransaction
from ..model.coverage import EXTRACTED, SOURCES_DIR, Coverage, measure
from ..model.editorial import EDITORIAL_DIR
from ..model.matching import report as match_report
from ..model.organisation_types import Organisation
from ..model.organisations import (
    ORGANISATIONS_FILE,
    Catalogue,
    load_catalogue,
)
from ..model.readiness import placeholder_pages
from .import_adopt import adoption_files, plan_adoption, refuse_invalid_adoption
from .import_pages import Imported, import_document
from .import_texts import (
    editorial_yaml,
    organisations_with_nav,
    page_markdown,
    untranslated_markdown,
)
from .match import match_document


@dataclass(frozen=True)
class Adopt:
    """ADOPT=1: adopt what the match report found; TOPIC= for a new model text, WORDING= to choose one."""

    topic: str | None = None
    wording: str | None = None


def import_organisation(docs_dir: Path, org_id: str, document: Path, language: str | None = None,
                        out: Callable[[str], None] = print, adopt: Adopt | None = None) -> Coverage:
    """Import `document` as the pages of `org_id`; returns the coverage the report printed."""
    with source_lock(docs_dir):  # organisations.yml and the folder as another writer left them
        return _import(docs_dir, org_id, document, language, out, adopt)


def _import(docs_dir: Path, org_id: str, document: Path, language: str | None,
            out: Callable[[str], None], adopt: Adopt | None) -> Coverage:
    catalogue = load_catalogue(docs_dir)
    org, placeholders = _refuse_import(catalogue, org_id, language)
    sources = docs_dir / SOURCES_DIR / org_id
    _refuse_own_sources(document, docs_dir, sources, catalogue.root)
    result = import_document(document, catalogue, org)
    # What the document shares with the shared wordings and other bodies' pages, before anything is written;
    # nothing becomes shared by this (make match prints the same).
    matched, passages = match_document(catalogue, document, org)
    for line in match_report(matched, passages):
        out(line)
    adopted: dict[Path, str] = {}
    if adopt is not None:  # nothing becomes shared without ADOPT=1
        plan = plan_adoption(catalogue, org, result.pages, adopt.topic, adopt.wording)
        adopted = {**plan.files, **adoption_files(docs_dir, plan, catalogue.root)} if plan.adoptions else {}
        for line in ["", "ADOPT=1:", *plan.report]:
            out(line)
    catalogue, coverage = _write_import(docs_dir, catalogue, org, document, result, placeholders, adopted)
    report(result, coverage, org, catalogue, out)
    return coverage


def _refuse_import(catalogue: Catalogue, org_id: str, language: str | None) -> tuple[Organisation, set[str]]:
    """The organisation to import into and its start pages to replace; refused when it does not exist, is
    written in another language, or has pages of its own."""
    where = catalogue.config_display
    if org_id not in catalogue.organisations:
        raise PublisherError([Finding(where, 1, (
            f"no organisation '{org_id}' yet: create it first with make new-org ID={org_id} NAME=\"...\" "
            f"LANGUAGES=<its language>,en, then import its document"))])
    org = catalogue.organisation(org_id)
    if language and language != org.source_language:
        raise PublisherError([Finding(where, org.line, (
            f"LANG={language}, but '{org_id}' is written in {org.source_language} (its first language): import "
            f"the document in that language (leave LANG out); translations are made from the imported pages"))])
    folder = catalogue.org_dir(org_id)
    placeholders = set(placeholder_pages(catalogue, org))
    own = [p for p in sorted(folder.glob("*.md")) if p.name not in placeholders]
    if own:
        raise PublisherError([Finding(display_path(own[0], catalogue.root), 1, (
            f"'{org_id}' already has pages of its own ({', '.join(p.name for p in own)}): make import writes a new "
            f"organisation's pages only; move them out of docs/{org_id}/ first, or edit them by hand"))])
    return org, placeholders


def _stage_import(transaction: SourceTransaction, docs_dir: Path, catalogue: Catalogue, org: Organisation,
                  document: Path, result: Imported, placeholders: set[str], adopted: dict[Path, str]) -> None:
    """Every file the import writes, into the transaction: pages, the document and its text, records, nav, and
    what ADOPT=1 adopted (a model text, other bodies' pages, adoptions, values and changes)."""
    for path, text in adopted.items():
        transaction.write(path, text)
    folder = catalogue.org_dir(org.id)
    sources = docs_dir / SOURCES_DIR / org.id
    for name in sorted(placeholders):
        transaction.remove(folder / name)
    for page in result.pages:
        transaction.write(folder / f"{page.base}.{org.source_language}.md", page_markdown(page))
        for other in org.translations:
            transaction.write(folder / f"{page.base}.{other}.md", untranslated_markdown(page))
    transaction.write(sources / document.name, document.read_bytes())
    transaction.write(sources / EXTRACTED, result.extracted)
    if result.removals:
        record = docs_dir / EDITORIAL_DIR / f"{org.id}.yml"
        transaction.write(record, editorial_yaml(record, org.name, result.removals))
    config = docs_dir / ORGANISATIONS_FILE
    transaction.write(config, organisations_with_nav(config.read_text(encoding="utf-8"), org.id,
                                                     [f"{page.base}.md" for page in result.pages]))


def _write_import(docs_dir: Path, catalogue: Catalogue, org: Organisation, document: Path, result: Imported,
                  placeholders: set[str], adopted: dict[Path, str]) -> tuple[Catalogue, Coverage]:
    """All the files at once, or none: the catalogue as it reads afterwards and the document's coverage."""
    shown = display_path(document, catalogue.root)
    transaction = SourceTransaction(docs_dir, f"make import ORG={org.id} FILE={shown}")
    committed = False
    try:
        _stage_import(transaction, docs_dir, catalogue, org, document, result, placeholders, adopted)
        transaction.commit()  # every file at once; killed from here on, the next writer puts them all back
        committed = True
        catalogue = load_catalogue(docs_dir)  # the whole catalogue must still load
        refuse_invalid_adoption(catalogue, adopted)
        coverage = measure(catalogue, catalogue.organisation(org.id))
        assert coverage is not None
    except BaseException as error:
        if committed:
            transaction.undo()
        if isinstance(error, PublisherError):
            raise
        raise _import_failure(error, catalogue.root, shown) from None
    transaction.finish()  # the import counts as made: the report follows
    return catalogue, coverage


def _import_failure(error: BaseException, root: Path, shown: str) -> PublisherError:
    """Why the import failed, nothing changed: the file it could not write or read, or the error itself."""
    if isinstance(error, OSError):
        return PublisherError([Finding(display_path(Path(os.fsdecode(error.filename)), root)
                                       if error.filename else shown, 1, (
            f"the import could not write or read this file ({error.strerror or error}) and nothing was "
            f"changed; {io_advice(error)}"))])
    return PublisherError([Finding(shown, 1, (
        f"the import failed and nothing was changed ({type(error).__name__}: {error})"))])


def _refuse_own_sources(document: Path, docs_dir: Path, sources: Path, root: Path) -> None:
    """make import keeps the document and its extracted text in docs/_sources/<org>/: a document read from
    there (or named like the extracted text) would be overwritten by what is made from it."""
    shown = display_path(document, root)
    if document.resolve().is_relative_to((docs_dir / SOURCES_DIR).resolve()):
        raise PublisherError([Finding(shown, 1, (
            f"this is a file make import keeps in docs/{SOURCES_DIR}/, and importing it would overwrite it with what "
            f"is made from it, so nothing was changed: copy the document out of docs/ first (e.g. cp {shown} "
            f"/tmp/) and import the copy"))])
    if document.name == EXTRACTED:
        raise PublisherError([Finding(shown, 1, (
            f"the document is named {EXTRACTED}, the name of the text make import extracts beside it in "
            f"{display_path(sources, root)}/, where one would replace the other, so nothing was changed: rename the "
            f"document (e.g. original.txt) and import it again"))])


def report(result: Imported, coverage: Coverage, org: Organisation, catalogue: Catalogue,
           out: Callable[[str], None]) -> None:
    out(f"Imported {len(result.pages)} page(s) into docs/{org.id}/ "
        f"({', '.join(page.base for page in result.pages)}); nav written to docs/{ORGANISATIONS_FILE}.")
    out(f"Coverage: {coverage.summary()}.")
    if result.removals:
        out(f"\nRemoved as artefacts, each recorded in docs/{EDITORIAL_DIR}/{org.id}.yml ({len(result.removals)}):")
        for removal in result.removals:
            shown = removal.original if len(removal.original) <= 70 else removal.original[:67] + "..."
            out(f"  {removal.reason}: {shown!r}")
    left_out = [(line, sentence, f"removed on record ({kind})") for line, sentence, kind in coverage.recorded]
    left_out += [(line, sentence, "on no page and in no recorded change: check the extraction")
                 for line, sentence in coverage.dropped]
    out(f"\nSentences left out ({len(left_out)}):" if left_out else "\nNo sentence of the document was left out.")
    for line, sentence, reason in sorted(left_out):
        out(f"  {coverage.source}:{line}: {sentence!r}: {reason}")
    out(f"\nNext: make check, then make serve ORG={org.id}; set 'status: ready' in docs/{ORGANISATIONS_FILE} "
        f"when it shows no errors.")
