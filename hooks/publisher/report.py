"""Printing check results for people (terminal) and for GitHub (workflow annotations)."""

from __future__ import annotations

import os
from collections.abc import Callable

from .checks import CheckReport
from .findings import Finding


def print_report(report: CheckReport, summary: str, out: Callable[[str], None] = print,
                 environ: dict[str, str] | None = None) -> None:
    environ = dict(os.environ) if environ is None else environ
    out(summary)
    sections: list[tuple[str, list[Finding]]] = [("Errors", report.errors), ("Warnings", report.warnings)]
    for title, findings in sections:
        if findings:
            out(f"\n{title} ({len(findings)}):")
            for finding in findings:
                out(f"  {finding}")
    if report.external_links:
        out(f"\nExternal links, not fetched ({len(report.external_links)}):")
        for url, path, line in sorted(set(report.external_links)):
            out(f"  {url}  ({path}:{line})")
    if environ.get("GITHUB_ACTIONS") == "true":
        for finding in report.errors + report.warnings:
            out(finding.github_annotation())
    if not report.errors:
        out("\nNo errors.")
