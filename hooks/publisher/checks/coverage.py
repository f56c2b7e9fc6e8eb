"""Coverage of the source document, both ways: a sentence an edit dropped without a recorded editorial change, and
a sentence a page says that the document does not (or says more often than the document)."""

from __future__ import annotations

from ..model.coverage import measure
from ..model.organisation_types import Organisation
from .context import CheckContext


def check_coverage(ctx: CheckContext, org: Organisation) -> None:
    coverage = measure(ctx.catalogue, org)
    if coverage is None:
        return
    ctx.report.coverage.append(coverage.summary())
    record = f"docs/_editorial/{org.id}.yml"
    for line, sentence in coverage.dropped:
        ctx.error(coverage.source, line, (
            f"a sentence of the source document is on no page of '{org.id}' and in no recorded editorial change: "
            f"{sentence!r}; restore it, or record the change in {record}"))
    for display, line, sentence, times in coverage.unsourced:
        if times:
            ctx.error(display, line, (
                f"a sentence on this page is said {times + 1} or more times on the pages of '{org.id}' but only "
                f"{times} time(s) in its source document ({coverage.source}): {sentence!r}; remove the repeat (a "
                f"change applied twice?)"))
        else:
            ctx.error(display, line, (
                f"a sentence on this page is not in the source document of '{org.id}' ({coverage.source}) nor in a "
                f"recorded editorial change: {sentence!r}; write it as the document does, or record the change in "
                f"{record}"))
