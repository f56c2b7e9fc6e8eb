"""Model texts: blanks in the wordings, and what each adopter fills in and changes (`model/adopted_checks.py`)."""

from __future__ import annotations

from ..files.findings import PublisherError
from ..model.adopted_checks import adopter_findings, unknown_adopter_findings, wording_blank_findings
from ..model.editions import drift
from ..model.organisation_types import Organisation
from .context import CheckContext


def check_model_texts(ctx: CheckContext) -> None:
    catalogue = ctx.catalogue
    ctx.report.findings.extend(wording_blank_findings(catalogue.adoptions, catalogue.root))
    ctx.report.findings.extend(unknown_adopter_findings(catalogue.docs_dir, set(catalogue.organisations),
                                                        catalogue.root))


def check_adopter(ctx: CheckContext, org: Organisation) -> None:
    ctx.report.findings.extend(adopter_findings(ctx.catalogue.docs_dir, ctx.catalogue.adoptions, org))


def note_unapproved(ctx: CheckContext, org: Organisation) -> None:
    """The organisation's pages that differ from its latest edition: after an edit of a model text, exactly
    the adopters whose filled text it changed (their edition snapshots keep the text as approved)."""
    try:
        state = drift(ctx.catalogue, org.id) if org.editions else None
    except PublisherError:
        return  # a kept edition without its snapshot: `edition_findings` says so
    if state is None:
        return
    own = [f"{page} ({org.source_language})" for page in state.own_pages]
    translated = [f"{page} ({language})" for language, pages in state.translated_pages.items() for page in pages]
    if state.unapproved:
        what = ", ".join(own + translated + (["the document's title"] if state.title_changed else []))
        ctx.report.unapproved.append(f"{org.id}: changes after edition {state.edition.name}, not yet approved: {what}")
    elif translated:  # the pages say so too: the translation changed, the approved text did not
        ctx.report.unapproved.append(f"{org.id}: only the translation changed after edition {state.edition.name}: "
                                     f"{', '.join(translated)}")
