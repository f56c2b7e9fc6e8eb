"""Adoption: an organisation shows a shared wording only where its own document says these words.

Reports the problems of docs/adoptions.yml and docs/_shared/ (unknown topic, wording, section or
organisation; sections that differ between languages; a missing language), a page that includes a
wording or section its organisation has not adopted, and an adoption that no page shows.
"""

from __future__ import annotations

from ..model.organisation_types import Organisation
from ..model.sources import Source
from ..model.wordings import PassageRef
from .context import CheckContext


def check_adoption_data(ctx: CheckContext) -> None:
    adoptions = ctx.catalogue.adoptions
    ctx.report.findings.extend(adoptions.findings)
    for adoption in adoptions.adoptions:
        org = ctx.catalogue.organisations[adoption.org_id]
        wording = adoptions.wordings[(adoption.topic, adoption.wording)]
        for language in org.languages:
            if language not in wording.files:
                ctx.error(adoptions.display, adoption.line,
                          f"'{org.id}' is published in {ctx.language_name(language)}, but wording "
                          f"'{adoption.topic}/{adoption.wording}' has no text in it: create docs/_shared/"
                          f"{adoption.topic}/{adoption.wording}.{language}.md")
    for (topic, wording_id), wording in sorted(adoptions.wordings.items()):
        if not adoptions.adopters(topic, wording_id):
            first = wording.files[sorted(wording.files)[0]]
            ctx.warning(ctx.display(first), 1, f"wording '{topic}/{wording_id}' is adopted by no organisation, so "
                                               f"no site shows it: add its adopters to docs/adoptions.yml or "
                                               f"delete it")


def check_included_passage(ctx: CheckContext, org: Organisation, page: Source, line: int, ref: PassageRef) -> None:
    adoptions = ctx.catalogue.adoptions
    adoption = adoptions.adoption(org.id, ref.topic, ref.wording)
    where = f"{ref.topic}/{ref.wording}"
    if adoption is None:
        adopters = adoptions.adopters(ref.topic, ref.wording)
        by = f" (adopted by {', '.join(adopters)})" if adopters else ""
        ctx.error(page.display, line,
                  f"'{org.id}' has not adopted wording '{where}'{by}: a site shows only what its organisation's "
                  f"own document says. Write the organisation's own words here, or, if its document says exactly "
                  f"these words, add '{org.id}: {{where: \"<place in its document>\"}}' under "
                  f"{ref.topic} → {ref.wording} in {adoptions.display}")
    elif not adoption.covers(ref.section):
        what = f"section '{ref.section}'" if ref.section else "the whole wording"
        ctx.error(page.display, line,
                  f"'{org.id}' adopted only section(s) {', '.join(adoption.sections or ())} of '{where}', not {what} "
                  f"({adoptions.display}:{adoption.line}); include an adopted section or record the adoption")


def check_adoptions_shown(ctx: CheckContext, org: Organisation, included: set[tuple[str, str]]) -> None:
    """An adoption whose wording no page of the organisation includes: the data and the site disagree."""
    adoptions = ctx.catalogue.adoptions
    for adoption in adoptions.of_organisation(org.id):
        if (adoption.topic, adoption.wording) not in included:
            ctx.warning(adoptions.display, adoption.line,
                        f"'{org.id}' adopted '{adoption.topic}/{adoption.wording}' ({adoption.where}), but none of "
                        f"its pages includes it: include it where its document says it, or remove the adoption")
