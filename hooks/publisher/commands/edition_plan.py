"""Every refusal of `make edition` that needs the sources, made before anything is written: the plan.

Apart from edition.py so that what is checked (organisation, notes, version, dates, failing sources, the
git state, leftovers of an interrupted run) reads in one place, and the writing (edition_writing.py) can
take a plan it knows is sound.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..files.findings import PublisherError, display_path
from ..files.yamlsource import load_located
from ..model.document_facts import FACT_KEYS, Fact
from ..model.edition_snapshots import edition_folder
from ..model.editions import EDITIONS_FILE, Edition, editions_folder
from ..model.organisations import (
    ORGANISATIONS_FILE,
    Catalogue,
    Organisation,
    load_catalogue,
)
from .edition_request import EditionRefused, Request


def run_git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60, check=False)


def git_state(root: Path, tag: str) -> str | None:
    """None when the edition can be committed and tagged; else why not."""
    try:
        inside = run_git(root, "rev-parse", "--show-toplevel")
    except (OSError, subprocess.SubprocessError):
        return "git is not available"
    if inside.returncode != 0 or Path(inside.stdout.strip()).resolve() != root.resolve():
        return f"{root} is not a git checkout"
    status = run_git(root, "status", "--porcelain")
    if status.stdout.strip():
        changed = [line[3:] for line in status.stdout.splitlines()][:3]
        return (f"the working tree has uncommitted changes ({', '.join(changed)}"
                f"{', …' if len(status.stdout.splitlines()) > 3 else ''}), so no commit holds exactly this edition")
    if run_git(root, "rev-parse", "-q", "--verify", f"refs/tags/{tag}").returncode == 0:
        return f"the tag {tag} exists already"
    return None


def _facts(org: Organisation, request: Request) -> tuple[Fact, ...]:
    """The new edition's facts: those given; for a first edition also those the document data states."""
    facts = {fact.key: fact.value for fact in (org.document.facts if not org.editions else ())}
    given = {"version": request.version, "approved_by": request.approved_by, "approved_on": request.approved_on}
    facts.update({key: value for key, value in given.items() if value is not None})
    return tuple(Fact(key, facts[key]) for key in FACT_KEYS if key in facts)  # type: ignore[arg-type]


def _refuse_dates(org: Organisation, request: Request, start: dt.date) -> None:
    previous = org.editions[-1] if org.editions else None
    if previous is None:
        return
    before = previous.starts
    began = "came into force" if previous.in_force_from else "was recorded on this site"
    for name, value in (("APPROVED_ON", request.approved_on), ("IN_FORCE_FROM", request.in_force_from)):
        if value is not None and value < before:
            raise EditionRefused(f"{name}={value.isoformat()} is before edition {previous.number} of '{org.id}' "
                                 f"{began} ({before.isoformat()}): a new edition cannot come before the one "
                                 f"it replaces. Check the date. Nothing was recorded.")
    if start < before:
        raise EditionRefused(f"the new edition would begin on {start.isoformat()}, before edition "
                             f"{previous.number} of '{org.id}' ({before.isoformat()}); give IN_FORCE_FROM=YYYY-MM-DD. "
                             f"Nothing was recorded.")


def _refuse_version(org: Organisation, request: Request) -> None:
    if request.version is None:
        return
    for edition in org.editions:
        if edition.fact("version") == request.version:
            raise EditionRefused(f"VERSION={request.version} exists already: edition {edition.number} of "
                                 f"'{org.id}' is version {request.version}. Give the new edition its own version. "
                                 f"Nothing was recorded.")


def _refuse_failing_sources(catalogue: Catalogue) -> None:
    from ..checks import check_all

    report = check_all(catalogue)
    if report.errors:
        shown = "\n".join(f"  {finding}" for finding in report.errors[:10])
        more = f"\n  … and {len(report.errors) - 10} more" if len(report.errors) > 10 else ""
        raise EditionRefused(f"the sources fail 'make check' ({len(report.errors)} error(s)); an edition records "
                             f"only sources that pass. Fix these, then run 'make edition' again. Nothing was "
                             f"recorded.\n{shown}{more}")


def _without_document_facts(root: Path, org: Organisation) -> str | None:
    """organisations.yml with the organisation's facts under `document` removed (they move into the first
    edition), comments and everything else kept; None when there is nothing to remove."""
    path = root / "docs" / ORGANISATIONS_FILE
    text = path.read_text(encoding="utf-8")
    located = load_located(text, display_path(path, root))
    document = located.data["organisations"][org.id]["document"]
    lines = text.splitlines(keepends=True)
    drop = set()
    for key in document:
        if key in ("title", "title_translations"):
            continue
        number = located.lines[("organisations", org.id, "document", str(key))]
        line = lines[number - 1]
        following = lines[number] if number < len(lines) else ""
        indent = len(line) - len(line.lstrip())
        if not line.lstrip().startswith(f"{key}:") or (following.strip() and
                                                        len(following) - len(following.lstrip()) > indent):
            raise EditionRefused(f"docs/{ORGANISATIONS_FILE}:{number}: '{key}' of '{org.id}' spans several lines; "
                                 f"write it on one line, then run 'make edition' again. Nothing was recorded.")
        drop.add(number - 1)
    if not drop:
        return None
    return "".join(line for index, line in enumerate(lines) if index not in drop)


@dataclass(frozen=True)
class EditionPlan:
    """What `make edition` will record, checked before anything is written."""

    root: Path
    request: Request
    catalogue: Catalogue
    org: Organisation
    edition: Edition
    staged: Catalogue  # the catalogue as it reads with the new edition
    final: Path  # the snapshot folder docs/_editions/<org>/<n>
    tag: str
    why_no_tag: str | None
    organisations_text: str | None  # organisations.yml without the document facts (first edition only)

    @property
    def folder(self) -> Path:
        return editions_folder(self.catalogue.docs_dir, self.org.id)


def plan_edition(root: Path, request: Request, today: dt.date) -> EditionPlan:
    """Every refusal before anything is written: organisation, notes, version, dates, sources, leftovers."""
    try:
        catalogue = load_catalogue(root / "docs")
        org = catalogue.organisation(request.org_id)
    except PublisherError as error:
        raise EditionRefused(f"{error}\nNothing was recorded.") from None
    number = len(org.editions) + 1
    unknown = sorted(set(request.notes) - set(org.languages))
    if unknown:
        raise EditionRefused(f"NOTE_{unknown[0].upper()} is not a language of '{org.id}' "
                             f"({', '.join(org.languages)}). Nothing was recorded.")
    _refuse_version(org, request)
    facts = _facts(org, request)
    start = request.in_force_from or today
    _refuse_dates(org, request, start)
    _refuse_failing_sources(catalogue)
    final = edition_folder(catalogue.docs_dir, org.id, number)
    if final.exists():
        raise EditionRefused(f"{display_path(final, root)} exists, but edition {number} is not in "
                             f"{EDITIONS_FILE}: it is left over from an interrupted run; remove it and run "
                             f"'make edition' again. Nothing was recorded.")
    tag = f"{org.id}/edition-{number}"
    # No in-force date unless one is given: none is derived from the approval (issue 23).
    # A first edition takes the document's words its facts rest on from organisations.yml with the facts.
    said = {key: words for key, words in org.document.said.items() if not org.editions and key in
            {fact.key for fact in facts}}
    edition = Edition(number, today, request.in_force_from, facts,
                      {org.source_language: request.note, **request.notes}, said=said)
    staged_org = dataclasses.replace(org, editions=(*org.editions, edition),
                                     document=dataclasses.replace(org.document, facts=facts))
    staged = dataclasses.replace(catalogue, organisations={**catalogue.organisations, org.id: staged_org})
    return EditionPlan(root, request, catalogue, org, edition, staged, final, tag, git_state(root, tag),
                 _without_document_facts(root, org) if not org.editions else None)
