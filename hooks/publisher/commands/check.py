"""`make check`: every reference and page of every organisation checked, without building."""

from __future__ import annotations

from pathlib import Path


def check(root: Path) -> int:
    import time

    from ..checks import check_all
    from ..checks.report import print_report
    from ..model.organisations import load_catalogue
    from ..model.readiness import ready_with_errors

    started = time.perf_counter()
    catalogue = load_catalogue(root / "docs")
    report = check_all(catalogue)
    report.findings.extend(ready_with_errors(catalogue, report.errors))  # only errors block 'status: ready'
    pages = sum(1 for org in catalogue.organisations for _ in catalogue.org_dir(org).glob("*.md"))
    summary = (f"Checked {len(catalogue.organisations)} organisations, {pages} pages in "
               f"{time.perf_counter() - started:.2f} s: {len(report.errors)} error(s), "
               f"{len(report.warnings)} warning(s).")
    print_report(report, summary)
    return 1 if report.errors else 0
