"""Drafts and readiness: what an organisation lacks (warnings), and a `ready` mark that is not true (errors)."""

from __future__ import annotations

from ..model.readiness import placeholder_findings
from .context import CheckContext


def check_readiness(ctx: CheckContext) -> None:
    """What a draft lacks that readers would see (a domain), and a `ready` mark on placeholder pages."""
    for org in ctx.catalogue.organisations.values():
        if not org.domain:
            ctx.warning(ctx.catalogue.config_display, org.line,
                        f"organisation '{org.id}' has no 'domain': add it as the organisation states it (e.g. "
                        f"birkenes.kommune.no); its accessibility statement names no domain until then")
        ctx.report.findings.extend(placeholder_findings(ctx.catalogue, org))
