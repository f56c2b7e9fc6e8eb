"""Organisation data an editor may still have to add: contact, facts, and the editorial record."""

from __future__ import annotations

from ..model.editorial import load_editorial
from ..model.organisations import Organisation
from ..model.shown_facts import missing_facts
from .context import CheckContext


def check_contact(ctx: CheckContext, org: Organisation) -> None:
    """What the accessibility statement and the feedback links need (WCAG statement rules)."""
    where = ctx.catalogue.config_display
    if not org.contact.phone:
        ctx.warning(where, org.line, f"organisation '{org.id}' has no contact phone: its accessibility "
                                     f"statement must give one; add 'phone' under its 'contact'")
    if not org.contact.email and not org.contact.address:
        ctx.warning(where, org.line, f"organisation '{org.id}' has no written contact: its accessibility "
                                     f"statement needs one; add 'email' or 'address' under its 'contact'")
    if not org.feedback_email:
        ctx.warning(where, org.line, f"organisation '{org.id}' has no 'feedback_email': its pages show no feedback "
                                     f"link until a functional mailbox (not a person's address) is entered")
    if org.country == "NO" and not org.statement_url:
        ctx.warning(where, org.line, f"organisation '{org.id}' has no 'statement_url': link its published "
                                     f"statement at uustatus.no (the service's front page is shown until then)")


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
