"""Organisation data an editor may still have to add: contact, facts, and the editorial record."""

from __future__ import annotations

import re

from ..model.coverage import EXTRACTED, SOURCES_DIR, sources_dir
from ..model.edition_records import EDITIONS_DIR, EDITIONS_FILE
from ..model.editorial import load_editorial
from ..model.organisation_types import Organisation
from ..model.shown_facts import missing_facts
from .context import CheckContext


def check_contact(ctx: CheckContext, org: Organisation) -> None:
    """What the accessibility statement and the feedback links need (WCAG statement rules)."""
    where = ctx.catalogue.config_display
    accessible = org.accessibility_contact
    if accessible is None:
        ctx.warning(where, org.line, f"organisation '{org.id}' has no 'accessibility_contact': its accessibility "
                                     f"statement says that none has been given yet; add the contact the "
                                     f"organisation gives for accessibility (never the document's contact for "
                                     f"other questions)")
    elif not accessible.email and not accessible.address:
        ctx.warning(where, org.line, f"organisation '{org.id}' has no written accessibility contact: its "
                                     f"statement needs one; add 'email' or 'address' under 'accessibility_contact'")
    elif not accessible.phone:
        ctx.warning(where, org.line, f"organisation '{org.id}' has no accessibility contact phone: add 'phone' "
                                     f"under 'accessibility_contact' if the organisation gives one")
    if not org.feedback_email:
        ctx.warning(where, org.line, f"organisation '{org.id}' has no 'feedback_email': its pages show no feedback "
                                     f"link until a functional mailbox (not a person's address) is entered")
    if org.country == "NO" and not org.statement_url:
        ctx.warning(where, org.line, f"organisation '{org.id}' has no 'statement_url': link its published "
                                     f"statement at uustatus.no (the service's front page is shown until then)")


def _words(text: str) -> str:
    """The words and numbers of `text`, casefolded, one space apart: line breaks and punctuation aside."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def _unsaid(ctx: CheckContext, org: Organisation) -> None:
    """A fact shown to readers from organisations.yml without the document's words it rests on is refused, for
    an organisation whose document is kept (docs/_sources/<org>/extracted.txt, as `make import` keeps it)."""
    if not (sources_dir(ctx.catalogue, org.id) / EXTRACTED).is_file():
        return
    where = ctx.catalogue.config_display
    if org.contact and not org.contact.said:
        ctx.error(where, org.contact.line, f"the contact of '{org.id}' is shown in the footer and on the PDF cover, "
                                           f"but no 'said:' gives the document's words that name it: add them "
                                           f"(as docs/{SOURCES_DIR}/{org.id}/{EXTRACTED} has them), or remove the "
                                           f"contact if the document gives none")
    if org.editions:  # the facts shown are those of the latest edition, with their own `said`
        return
    for fact in org.document.facts:
        if fact.key not in org.document.said:
            ctx.error(where, org.document.fact_lines.get(fact.key, org.line),
                      f"'{fact.key}' of '{org.id}' is shown to readers, but 'said:' under 'document' gives no words "
                      f"of the document it rests on: add them (e.g. said: {{{fact.key}: \"…\"}}, as "
                      f"docs/{SOURCES_DIR}/{org.id}/{EXTRACTED} has them), or remove the fact")


def check_fact_words(ctx: CheckContext, org: Organisation) -> None:
    """Every fact shown about a document rests on its words: each edition's `said`, the contact's `said` and
    the `said` of the facts under `document:` are found in the document's extracted text
    (docs/_sources/<org>/extracted.txt), or it is an error; a contact or `document:` fact without them too."""
    _unsaid(ctx, org)
    extracted = sources_dir(ctx.catalogue, org.id) / EXTRACTED
    where = ctx.catalogue.config_display
    stated = [(f"docs/{EDITIONS_DIR}/{org.id}/{EDITIONS_FILE}", line, f"'{key}' of edition {edition.number}", words)
              for edition in org.editions for key, (words, line) in edition.said.items()]
    if not org.editions:
        stated += [(where, line, f"'{key}' of '{org.id}'", words) for key, (words, line) in org.document.said.items()]
    if org.contact and org.contact.said:
        stated.append((where, org.contact.said_line, f"the contact of '{org.id}'", org.contact.said))
    if not stated:
        return
    if not extracted.is_file():
        where, line, what, _ = stated[0]
        ctx.error(where, line, f"{what} rests on the document's words, but docs/{SOURCES_DIR}/{org.id}/{EXTRACTED} "
                               f"(the document's extracted text) is missing: commit it (make import keeps it)")
        return
    text = f" {_words(extracted.read_text(encoding='utf-8'))} "
    for where, line, what, words in stated:
        if f" {_words(words)} " not in text:
            ctx.error(where, line, f"{what} rests on words not found in docs/{SOURCES_DIR}/{org.id}/{EXTRACTED}: "
                                   f"{words!r}; quote the document exactly, or remove the fact")


def check_facts(ctx: CheckContext, org: Organisation) -> None:
    """Facts the document may state but the data lacks: shown to editors, never guessed for readers."""
    for gap in missing_facts(org):
        if org.editions:  # the facts are those of its latest edition
            ctx.warning(ctx.catalogue.config_display, org.line,
                        f"organisation '{org.id}' has {gap} in its latest edition "
                        f"(docs/_editions/{org.id}/editions.yml): record them with its next edition if its approval "
                        f"states them (readers are shown nothing until then)")
            continue
        ctx.warning(ctx.catalogue.config_display, org.line,
                    f"organisation '{org.id}' has {gap} under 'document': add them if its document states them "
                    f"(readers are shown nothing until then)")


def check_editorial_record(ctx: CheckContext, org: Organisation) -> None:
    ctx.report.findings.extend(load_editorial(ctx.catalogue, org.id).findings)
