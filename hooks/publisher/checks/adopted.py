"""Model texts: blanks in the wordings, and what each adopter fills in and changes (`model/adopted_checks.py`)."""

from __future__ import annotations

from ..model.adopted_checks import adopter_findings, unknown_adopter_findings, wording_blank_findings
from ..model.organisation_types import Organisation
from .context import CheckContext


def check_model_texts(ctx: CheckContext) -> None:
    catalogue = ctx.catalogue
    ctx.report.findings.extend(wording_blank_findings(catalogue.adoptions, catalogue.root))
    ctx.report.findings.extend(unknown_adopter_findings(catalogue.docs_dir, set(catalogue.organisations),
                                                        catalogue.root))


def check_adopter(ctx: CheckContext, org: Organisation) -> None:
    ctx.report.findings.extend(adopter_findings(ctx.catalogue.docs_dir, ctx.catalogue.adoptions, org))
