"""Printing check results for people (terminal) and for GitHub (workflow annotations).

What an editor sees last is what an editor acts on: warnings come first, grouped by kind with a
count per kind; the errors come last, with their count, so a long list of warnings never scrolls
them away. Readability hints are advice: counted, and listed only when asked (`make check HINTS=1`);
the status page always shows them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from ..files.findings import Finding
from . import CheckReport

HINTS_ENV = "GUIDE_ARG_HINTS"  # make check HINTS=1, through the Makefile
READABILITY = "readability hints"
# The kind of a warning, from the words its check writes (first match wins; the rest are "other").
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (READABILITY, re.compile(r"^readability: ")),
    ("translations", re.compile(r"^(stale translation|translation has no source_hash)")),
    ("coverage of the source document",
     re.compile(r"^(source coverage|a sentence (of the source document|on this page))")),
    ("contact, domain and accessibility statement",
     re.compile(r"has no (contact|'statement_url'|'domain'|'accessibility_contact'|'feedback_email'|"
                r"written accessibility contact|accessibility contact phone)")),
    ("facts the document may state", re.compile(r"under 'document'|has no (approval facts|date) ")),
    ("glossary", re.compile(r"^glossary: ")),
    ("shared wordings", re.compile(r"^wording '|adopt")),
    ("addresses", re.compile(r"make addresses")),
    ("front matter", re.compile(r"front matter")),
)
OTHER = "other"


def kind_of(finding: Finding) -> str:
    return next((kind for kind, pattern in KINDS if pattern.search(finding.message)), OTHER)


def hints_wanted(environ: dict[str, str]) -> bool:
    return environ.get(HINTS_ENV, "").strip().lower() not in ("", "0", "no", "false")


def print_report(report: CheckReport, summary: str, out: Callable[[str], None] = print,
                 environ: dict[str, str] | None = None) -> None:
    environ = dict(os.environ) if environ is None else environ
    show_hints = hints_wanted(environ)
    errors, warnings = report.errors, report.warnings
    out(summary)
    groups: dict[str, list[Finding]] = {}
    for finding in warnings:
        groups.setdefault(kind_of(finding), []).append(finding)
    hints = groups.pop(READABILITY, []) if not show_hints else []
    if groups:
        shown = sum(len(group) for group in groups.values())
        out(f"\nWarnings ({shown}), by kind:")
        for kind in sorted(groups, key=lambda k: [k2 for k2, _ in KINDS].index(k) if k != OTHER else len(KINDS)):
            out(f"  {kind} ({len(groups[kind])}):")
            for finding in groups[kind]:
                out(f"    {finding}")
    if hints:
        out(f"\nReadability hints: {len(hints)}, not listed (make check HINTS=1 lists them; so does the status page).")
    if report.coverage:
        out("\nCoverage of the source documents (docs/_sources/):")
        for line in report.coverage:
            out(f"  {line}")
    if report.unapproved:
        out("\nChanges after the latest edition (of a model text, an adopter's values or the pages themselves):")
        for line in report.unapproved:
            out(f"  {line}")
    if report.external_links:
        out(f"\nExternal links, not fetched ({len(report.external_links)}):")
        for url, path, line in sorted(set(report.external_links)):
            out(f"  {url}  ({path}:{line})")
    if environ.get("GITHUB_ACTIONS") == "true":
        for finding in errors + [w for w in warnings if w not in hints]:
            out(finding.github_annotation())
    if errors:
        out(f"\nErrors ({len(errors)}):")
        for finding in errors:
            out(f"  {finding}")
        out(f"\n{len(errors)} error(s): fix them before publishing (each line says file:line and how).")
    else:
        out("\nNo errors.")
