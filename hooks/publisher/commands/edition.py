"""`make edition ORG=<id> [VERSION=…] [APPROVED_BY=…] [APPROVED_ON=…] [IN_FORCE_FROM=…] NOTE="…"`.

Records the organisation's current sources as its next edition: a snapshot of the Markdown (every
page in every language, with the shared wordings they include), the PDFs as approved (own language
and each translation, marked as one) and an entry in `docs/_editions/<org>/editions.yml`. Nothing is
written unless everything is right: the sources pass `make check`, the version is new, no date lies
before the previous edition's. Everything is prepared beside its final place and renamed into it.
In a clean git checkout the edition is committed and tagged `<org>/edition-<n>`.

The Makefile hands the values over in the environment (EDITION_ORG, EDITION_NOTE, …), never in the
shell command line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ..files.findings import PublisherError, display_path
from ..files.locking import source_lock
from ..model.editions import Edition
from ..model.organisations import ORGANISATIONS_FILE, load_catalogue
from .edition_plan import EditionPlan, plan_edition, run_git
from .edition_request import EditionRefused, Request, request_from_environment
from .edition_writing import write_edition


def record_edition(root: Path, request: Request, today: dt.date | None = None,
                   progress: Callable[[str], None] = print) -> Edition:
    """Record the next edition of `request.org_id`; raises EditionRefused (nothing written) when it cannot."""
    root = root.resolve()
    with source_lock(root / "docs"):  # the sources and editions as another writer left them
        return _record(root, request, today or dt.date.today(), progress)


def _commit_and_tag(plan: EditionPlan, progress: Callable[[str], None]) -> None:
    if plan.why_no_tag is not None:
        progress(f"not committed or tagged: {plan.why_no_tag}. Commit the edition, then tag it: git tag {plan.tag}")
        return
    paths = [display_path(plan.folder, plan.root)] + ([f"docs/{ORGANISATIONS_FILE}"] if plan.organisations_text
                                                       else [])
    message = f"Edition {plan.edition.number} of {plan.org.name}: {plan.request.note}"
    for args in (["add", "--", *paths], ["commit", "-q", "-m", message, "--", *paths], ["tag", plan.tag]):
        result = run_git(plan.root, *args)
        if result.returncode != 0:
            progress(f"recorded, but 'git {args[0]}' failed: {result.stderr.strip()}; commit and tag it yourself: "
                     f"git tag {plan.tag}")
            return
    progress(f"committed and tagged {plan.tag}")


def _record(root: Path, request: Request, today: dt.date, progress: Callable[[str], None]) -> Edition:
    plan = plan_edition(root, request, today)
    write_edition(plan, progress)
    load_catalogue(root / "docs")  # the repository reads as it should, or this says why
    progress(f"recorded edition {plan.edition.number} of {plan.org.id} in {display_path(plan.folder, root)}/")
    _commit_and_tag(plan, progress)
    return plan.edition


def main(root: Path) -> int:
    import sys

    try:
        record_edition(root, request_from_environment())
    except EditionRefused as refused:
        print(f"error: {refused}", file=sys.stderr)
        return 1
    except PublisherError as error:
        print(f"{error}\nThe edition was not recorded.", file=sys.stderr)
        return 1
    return 0
