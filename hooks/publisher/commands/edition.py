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

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..files.findings import PublisherError, display_path, visible
from ..files.locking import source_lock
from ..files.source_transaction import SourceTransaction, work_folder
from ..files.source_writers import with_items_appended
from ..files.yamlsource import load_located
from ..model.document_facts import FACT_KEYS, Fact
from ..model.edition_snapshots import (
    SNAPSHOT_DOCUMENT,
    SNAPSHOT_PDF,
    current_pages,
    edition_folder,
    snapshot,
    snapshot_sources,
)
from ..model.editions import EDITIONS_FILE, Edition, Notices, editions_folder, parse_editions, period_text
from ..model.fields import FACT_FIELDS, note_problem
from ..model.organisation_types import Organisation
from ..model.organisations import ORGANISATIONS_FILE, Catalogue, load_catalogue
from ..outputs.pdf import EditionPrint, pdf_name, write_pdf
from ..render.about import about_html
from ..render.changes import changes_html, compare

ENV_PREFIX = "EDITION_"
HEADER = """\
# Editions of {name}'s guideline, oldest first, recorded with `make edition` (see CONTRIBUTING.md).
# Each edition's sources and PDFs are kept unchanged in the folder named by its number: never edit
# them by hand. facts: only what the approval or the document states, under its true name;
# in_force_from only when one of them states the date the edition came into force.
"""


class _Dumper(yaml.SafeDumper):
    """Plain YAML an editor can read: a date written twice stays written twice (no &anchors)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


class EditionRefused(Exception):
    """Nothing was written; the message says why and what to do."""


@dataclass(frozen=True)
class Request:
    org_id: str
    note: str
    notes: dict[str, str]  # notes in other languages (NOTE_EN, NOTE_NB, NOTE_DA)
    version: str | None = None
    approved_by: str | None = None
    approved_on: dt.date | None = None
    in_force_from: dt.date | None = None


def _date(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise EditionRefused(f"{name}={value} is not a date: write it YYYY-MM-DD, e.g. {name}=2024-03-01. "
                             f"Nothing was recorded.") from None


def request_from_environment(environ: dict[str, str] | None = None) -> Request:
    env = dict(os.environ) if environ is None else environ

    def get(name: str) -> str | None:
        value = env.get(ENV_PREFIX + name, "").strip()
        return value or None

    org_id = get("ORG")
    if not org_id:
        raise EditionRefused('ORG is required: make edition ORG=<organisation id> NOTE="what this edition changes"')
    note = get("NOTE")
    if not note:
        raise EditionRefused('NOTE is required: a short note of what this edition changes, in the guideline\'s '
                             'own language, e.g. NOTE="Nyt afsnit om trusler". Nothing was recorded.')
    notes = {name.removeprefix(ENV_PREFIX + "NOTE_").lower(): value.strip() for name, value in env.items()
             if name.startswith(ENV_PREFIX + "NOTE_") and value.strip()}
    _refuse_text({"VERSION": get("VERSION"), "APPROVED_BY": get("APPROVED_BY"), "NOTE": note,
                  **{f"NOTE_{code.upper()}": value for code, value in notes.items()}})
    return Request(org_id, note, notes, get("VERSION"), get("APPROVED_BY"),
                   _date("APPROVED_ON", get("APPROVED_ON")), _date("IN_FORCE_FROM", get("IN_FORCE_FROM")))


def _refuse_text(values: dict[str, str | None]) -> None:
    """The field rules of editions.yml (fields.py), applied before anything is written: a value that
    `make check` would refuse in the file is refused here, as the variable it was typed in."""
    rules = {"VERSION": FACT_FIELDS["version"], "APPROVED_BY": FACT_FIELDS["approved_by"]}
    problems = [f"{name}={visible(value)}: {problem}" for name, value in values.items()
                if value is not None and (problem := rules.get(name, note_problem)(value))]
    if problems:
        raise EditionRefused("\n".join(problems) + ". Nothing was recorded.")


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60, check=False)


def git_state(root: Path, tag: str) -> str | None:
    """None when the edition can be committed and tagged; else why not."""
    try:
        inside = _git(root, "rev-parse", "--show-toplevel")
    except (OSError, subprocess.SubprocessError):
        return "git is not available"
    if inside.returncode != 0 or Path(inside.stdout.strip()).resolve() != root.resolve():
        return f"{root} is not a git checkout"
    status = _git(root, "status", "--porcelain")
    if status.stdout.strip():
        changed = [line[3:] for line in status.stdout.splitlines()][:3]
        return (f"the working tree has uncommitted changes ({', '.join(changed)}"
                f"{', …' if len(status.stdout.splitlines()) > 3 else ''}), so no commit holds exactly this edition")
    if _git(root, "rev-parse", "-q", "--verify", f"refs/tags/{tag}").returncode == 0:
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


def _entry(edition: Edition) -> dict[str, object]:
    entry: dict[str, object] = {"number": edition.number, "recorded_on": edition.recorded_on}
    if edition.in_force_from:  # only a date the approval states (IN_FORCE_FROM), never derived
        entry["in_force_from"] = edition.in_force_from
    if edition.facts:
        entry["facts"] = {fact.key: fact.value for fact in edition.facts}
    if edition.translated:  # the facts in a translation's words, as an editor recorded them
        entry["facts_translated"] = {language: dict(words) for language, words in edition.translated.items()}
    if edition.said:  # the document's words each fact rests on
        entry["said"] = {key: words for key, (words, _line) in edition.said.items()}
    entry["note"] = dict(edition.notes)
    return entry


def editions_yaml(org: Organisation, editions: list[Edition]) -> str:
    body = yaml.dump({"editions": [_entry(e) for e in editions]}, Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True, default_flow_style=False, width=100)
    return HEADER.format(name=org.name) + body


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


def record_edition(root: Path, request: Request, today: dt.date | None = None,
                   progress: Callable[[str], None] = print) -> Edition:
    """Record the next edition of `request.org_id`; raises EditionRefused (nothing written) when it cannot."""
    root = root.resolve()
    with source_lock(root / "docs"):  # the sources and editions as another writer left them
        return _record(root, request, today or dt.date.today(), progress)


@dataclass(frozen=True)
class _Plan:
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


def _plan(root: Path, request: Request, today: dt.date) -> _Plan:
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
    edition = Edition(number, today, request.in_force_from, facts,
                      {org.source_language: request.note, **request.notes})
    staged_org = dataclasses.replace(org, editions=(*org.editions, edition),
                                     document=dataclasses.replace(org.document, facts=facts))
    staged = dataclasses.replace(catalogue, organisations={**catalogue.organisations, org.id: staged_org})
    return _Plan(root, request, catalogue, org, edition, staged, final, tag, git_state(root, tag),
                 _without_document_facts(root, org) if not org.editions else None)


def _stage_sources(plan: _Plan, staging: Path) -> None:
    """The snapshot: every source the sites are built from, and the document's title and nav."""
    org = plan.org
    for relative, source in snapshot_sources(plan.catalogue, org).items():
        (staging / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, staging / relative)
    document = {"title": org.document.title, "title_translations": dict(org.document.title_translations),
                "nav": list(org.nav)}
    (staging / SNAPSHOT_DOCUMENT).write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True),
                                             encoding="utf-8")


def _stage_pdfs(plan: _Plan, staging: Path, progress: Callable[[str], None]) -> None:
    """The edition's PDFs, one per language, with its facts and (from the second) its change appendix."""
    catalogue, org, edition, number = plan.catalogue, plan.org, plan.edition, plan.edition.number
    today = edition.recorded_on
    date = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    for language in org.languages:
        labels = catalogue.languages[language].labels
        said = Notices(edition, period_text(labels, language, edition, edition.in_force_from or today, None),
                       None, None)
        appendix = None
        if number > 1:
            changes = compare(snapshot(catalogue, org.id, number - 1).pages(language),
                              current_pages(catalogue, org.id, language), org.nav)
            title = labels["changes_title"].format(previous=org.editions[-1].name_in(language)[0],
                                                   name=edition.name_in(language)[0])
            appendix = (title, changes_html(plan.root / "overrides", labels, changes, None, link_pages=False))
        view = EditionPrint(appendix=appendix, date=date,
                            about=about_html(plan.staged, org.id, language, link_pages=False, state=said))
        target = staging / SNAPSHOT_PDF / pdf_name(org.id, language)
        write_pdf(plan.root, plan.staged, org.id, language, target, view)
        progress(f"ok   PDF {org.id} ({language}) edition {number} -> {display_path(plan.final, plan.root)}/"
                 f"{SNAPSHOT_PDF}/{target.name} ({target.stat().st_size // 1024} KB)")


def _editions_text(plan: _Plan, editions_path: Path) -> str:
    """editions.yml with the new entry, read back to be sure it says what was meant."""
    display = display_path(editions_path, plan.root)
    if editions_path.is_file():  # only the new entry is added: comments and corrections stay as written
        text = with_items_appended(editions_path.read_text(encoding="utf-8"), ("editions",), [_entry(plan.edition)],
                                   display)
    else:
        text = editions_yaml(plan.org, [plan.edition])
    located = load_located(text, display)
    again, problems = parse_editions(located.data, plan.org, located.path, located.line)
    if problems or again != [*plan.org.editions, plan.edition]:
        why = "; ".join(str(p) for p in problems) or "different values"
        raise EditionRefused(f"internal error: {EDITIONS_FILE} did not read back as written ({why}). "
                             f"Nothing was recorded.")
    return text


def _write_edition(plan: _Plan, progress: Callable[[str], None]) -> None:
    """The snapshot and its PDFs are made beside docs/ (a kill leaves nothing in docs/; the next writer removes
    the folder), then written with editions.yml and organisations.yml as one change (source_transaction.py)."""
    staging = work_folder(plan.catalogue.docs_dir, "edition")
    transaction = SourceTransaction(plan.catalogue.docs_dir, f"make edition ORG={plan.org.id}")
    editions_path = plan.folder / EDITIONS_FILE
    try:
        _stage_sources(plan, staging)
        _stage_pdfs(plan, staging, progress)
        text = _editions_text(plan, editions_path)
        for made in sorted(path for path in staging.rglob("*") if path.is_file()):
            transaction.write(plan.final / made.relative_to(staging), made.read_bytes())
        transaction.write(editions_path, text)
        if plan.organisations_text is not None:
            transaction.write(plan.root / "docs" / ORGANISATIONS_FILE, plan.organisations_text)
        transaction.commit()
        transaction.finish()
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _commit_and_tag(plan: _Plan, progress: Callable[[str], None]) -> None:
    if plan.why_no_tag is not None:
        progress(f"not committed or tagged: {plan.why_no_tag}. Commit the edition, then tag it: git tag {plan.tag}")
        return
    paths = [display_path(plan.folder, plan.root)] + ([f"docs/{ORGANISATIONS_FILE}"] if plan.organisations_text
                                                       else [])
    message = f"Edition {plan.edition.number} of {plan.org.name}: {plan.request.note}"
    for args in (["add", "--", *paths], ["commit", "-q", "-m", message, "--", *paths], ["tag", plan.tag]):
        result = _git(plan.root, *args)
        if result.returncode != 0:
            progress(f"recorded, but 'git {args[0]}' failed: {result.stderr.strip()}; commit and tag it yourself: "
                     f"git tag {plan.tag}")
            return
    progress(f"committed and tagged {plan.tag}")


def _record(root: Path, request: Request, today: dt.date, progress: Callable[[str], None]) -> Edition:
    plan = _plan(root, request, today)
    _write_edition(plan, progress)
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
