"""Helpers shared by the tests of the checks: the fixture's page parts, the findings of one check run, a time limit.

A helper module, not a test file: tests import it (`from checking import findings`), never another test file.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from publisher.checks import check_all
from publisher.model.organisations import load_catalogue

FM_DA = "---\ntitle: Regler\nowner: HR\nreview_by: 2027-01-01\ntopics: [confidentiality]\n---\n\n"
FM_EN = "---\ntitle: Rules\ntopics: [confidentiality]\n---\n\n"
TAVSHED = "## Tavshedspligt {#tavshed}\n\n"  # lines 8-9 of a page with FM_DA; new text starts at line 10

# A wording in two named sections.
SECTIONED = "--8<-- [start:regel]\nRegel.\n--8<-- [end:regel]\n\n--8<-- [start:grund]\nGrund.\n--8<-- [end:grund]\n"
# What the sanitizer says of a tag it removes.
REMOVED = ("<{tag}> can run code, load another site or submit data, and is removed from the page; remove it (write "
           "Markdown, and save images and files beside the page)")

# A page showing an inert SVG figure.
FIGURE_PAGE = FM_DA + "## Tavshedspligt {#tavshed}\n\n![Figur](figur.svg)\n"
CLEAN_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g">'
             '<stop offset="0" stop-color="#123456"/></linearGradient></defs>'
             '<circle cx="5" cy="5" r="4" fill="url(#g)"/></svg>')
WITH_FIGURE = {"testby/figur.svg": CLEAN_SVG, "testby/regler.da.md": FIGURE_PAGE}


def regler(body: str) -> dict[str, str]:
    return {"testby/regler.da.md": FM_DA + TAVSHED + body}


def all_findings(root: Path) -> list[str]:
    report = check_all(load_catalogue(root / "docs"))
    return [str(f) for f in report.errors + report.warnings]


def findings(root: Path) -> list[str]:
    """All findings but the warning that a fixture page no longer shows its adopted wording: most
    fixtures replace that page (the warning has its own test, with `all_findings`)."""
    return [f for f in all_findings(root) if "but none of its pages includes it" not in f]


def errors(root: Path) -> list[str]:
    return [finding for finding in findings(root) if ": error: " in finding]


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail, instead of hanging the suite, when the body takes longer than `seconds`."""
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
