"""Coverage of the source document: a sentence an edit dropped without a recorded editorial change."""

from __future__ import annotations

from ..model.coverage import measure
from ..model.organisation_types import Organisation
from .context import CheckContext


def check_coverage(ctx: CheckContext, org: Organisation) -> None:
    coverage = measure(ctx.catalogue, org)
    if coverage is None:
        return
    ctx.report.coverage.append(coverage.summary())
    for line, sentence in coverage.dropped:
        ctx.warning(coverage.source, line, (
            f"a sentence of the source document is on no page of '{org.id}' and in no recorded editorial change: "
            f"{sentence!r}; restore it, or record the change in docs/_editorial/{org.id}.yml"))
