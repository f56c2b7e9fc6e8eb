"""`make check` output an editor can act on: warnings grouped by kind, hints on request, errors last."""

from __future__ import annotations

from publisher.checks import CheckReport
from publisher.checks.report import print_report
from publisher.files.findings import Finding

REPORT = CheckReport(findings=[
    Finding("docs/a/x.da.md", 4, "link to 'nope.md': no such page; link to one of its pages", "error"),
    Finding("docs/a/x.da.md", 9, "readability: a sentence of 30 words (over 25); consider splitting it", "warning"),
    Finding("docs/a/x.en.md", 1, "stale translation: docs/a/x.da.md changed since this was translated", "warning"),
    Finding("docs/organisations.yml", 2, "organisation 'a' has no contact phone: add 'phone'", "warning"),
    Finding("docs/organisations.yml", 2, "organisation 'a' has no 'domain': add it", "warning"),
])


def lines(environ: dict[str, str]) -> list[str]:
    out: list[str] = []
    print_report(REPORT, "Checked 1 organisations", out.append, environ=environ)
    return "\n".join(out).splitlines()


def test_errors_come_last_with_their_count_and_hints_only_on_request() -> None:
    assert lines({}) == [
        "Checked 1 organisations",
        "",
        "Warnings (3), by kind:",
        "  translations (1):",
        "    docs/a/x.en.md:1: warning: stale translation: docs/a/x.da.md changed since this was translated",
        "  contact, domain and accessibility statement (2):",
        "    docs/organisations.yml:2: warning: organisation 'a' has no 'domain': add it",
        "    docs/organisations.yml:2: warning: organisation 'a' has no contact phone: add 'phone'",
        "",
        "Readability hints: 1, not listed (make check HINTS=1 lists them; so does the status page).",
        "",
        "Errors (1):",
        "  docs/a/x.da.md:4: error: link to 'nope.md': no such page; link to one of its pages",
        "",
        "1 error(s): fix them before publishing (each line says file:line and how).",
    ]


def test_hints_listed_with_hints_1() -> None:
    shown = lines({"GUIDE_ARG_HINTS": "1"})
    assert shown[2:5] == [
        "Warnings (4), by kind:",
        "  readability hints (1):",
        "    docs/a/x.da.md:9: warning: readability: a sentence of 30 words (over 25); consider splitting it",
    ]
    assert not any(line.startswith("Readability hints:") for line in shown)
    assert shown[-1] == "1 error(s): fix them before publishing (each line says file:line and how)."


def test_no_errors_says_so_last() -> None:
    out: list[str] = []
    print_report(CheckReport(), "Checked", out.append, environ={})
    assert out == ["Checked", "\nNo errors."]
