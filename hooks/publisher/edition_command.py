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

from .about import about_html
from .changes import changes_html, compare
from .editions import (
    EDITIONS_FILE,
    SNAPSHOT_DOCUMENT,
    SNAPSHOT_PDF,
    Edition,
    Notices,
    current_pages,
    edition_folder,
    editions_folder,
    parse_editions,
    period_text,
    snapshot,
    snapshot_sources,
)
from .fields import FACT_FIELDS, note_problem, visible
from .findings import PublisherError, display_path
from .locking import source_lock
from .organisations import FACT_KEYS, ORGANISATIONS_FILE, Catalogue, Fact, Organisation, load_catalogue
from .pdf import EditionPrint, pdf_name, write_pdf
from .source_writers import with_items_appended
from .yamlsource import load_located

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
    from .checks import check_all

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


def _write_atomically(path: Path, text: str) -> Path:
    """Write `text` beside `path`; the caller renames it into place."""
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    partial.write_text(text, encoding="utf-8")
    return partial


def record_edition(root: Path, request: Request, today: dt.date | None = None,
                   progress: Callable[[str], None] = print) -> Edition:
    """Record the next edition of `request.org_id`; raises EditionRefused (nothing written) when it cannot."""
    root = root.resolve()
    with source_lock(root / "docs"):  # the sources and editions as another writer left them
        return _record(root, request, today or dt.date.today(), progress)


def _record(root: Path, request: Request, today: dt.date, progress: Callable[[str], None]) -> Edition:
    try:
        catalogue = load_catalogue(root / "docs")
        org = catalogue.organisation(request.org_id)
    except PublisherError as error:
        raise EditionRefused(f"{error}\nNothing was recorded.") from None
    number = len(org.editions) + 1
    tag = f"{org.id}/edition-{number}"
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
    why_no_tag = git_state(root, tag)

    notes = {org.source_language: request.note, **request.notes}
    edition = Edition(number, today, request.in_force_from, facts, notes)
    organisations_text = _without_document_facts(root, org) if not org.editions else None
    staged_org = dataclasses.replace(org, editions=(*org.editions, edition),
                                     document=dataclasses.replace(org.document, facts=facts))
    staged = dataclasses.replace(catalogue, organisations={**catalogue.organisations, org.id: staged_org})

    folder = editions_folder(catalogue.docs_dir, org.id)
    folder.mkdir(parents=True, exist_ok=True)
    staging = folder / f".{number}.partial-{os.getpid()}"
    written: list[Path] = []
    try:
        shutil.rmtree(staging, ignore_errors=True)
        for relative, source in snapshot_sources(catalogue, org).items():
            (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, staging / relative)
        document = {"title": org.document.title, "title_translations": dict(org.document.title_translations),
                    "nav": list(org.nav)}
        (staging / SNAPSHOT_DOCUMENT).write_text(
            yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
        date = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
        for language in org.languages:
            labels = catalogue.languages[language].labels
            said = Notices(edition, period_text(labels, language, edition, start, None), None, None)
            appendix = None
            if number > 1:
                changes = compare(snapshot(catalogue, org.id, number - 1).pages(language),
                                  current_pages(catalogue, org.id, language), org.nav)
                title = labels["changes_title"].format(previous=org.editions[-1].name_in(language)[0],
                                                       name=edition.name_in(language)[0])
                appendix = (title, changes_html(root / "overrides", labels, changes, None, link_pages=False))
            view = EditionPrint(appendix=appendix, date=date,
                                about=about_html(staged, org.id, language, link_pages=False, state=said))
            target = staging / SNAPSHOT_PDF / pdf_name(org.id, language)
            write_pdf(root, staged, org.id, language, target, view)
            progress(f"ok   PDF {org.id} ({language}) edition {number} -> {display_path(final, root)}/"
                     f"{SNAPSHOT_PDF}/{target.name} ({target.stat().st_size // 1024} KB)")

        editions_path = folder / EDITIONS_FILE
        if editions_path.is_file():  # only the new entry is added: comments and corrections stay as written
            text = with_items_appended(editions_path.read_text(encoding="utf-8"), ("editions",), [_entry(edition)],
                                       display_path(editions_path, root))
        else:
            text = editions_yaml(org, [edition])
        located = load_located(text, display_path(editions_path, root))  # read back what was written
        again, problems = parse_editions(located.data, org, located.path, located.line)
        if problems or again != [*org.editions, edition]:
            why = "; ".join(str(p) for p in problems) or "different values"
            raise EditionRefused(f"internal error: {EDITIONS_FILE} did not read back as written ({why}). "
                                 f"Nothing was recorded.")
        partial_editions = _write_atomically(editions_path, text)
        written.append(partial_editions)
        partial_orgs = None
        if organisations_text is not None:
            partial_orgs = _write_atomically(root / "docs" / ORGANISATIONS_FILE, organisations_text)
            written.append(partial_orgs)
        os.replace(staging, final)
        os.replace(partial_editions, editions_path)
        if partial_orgs is not None:
            os.replace(partial_orgs, root / "docs" / ORGANISATIONS_FILE)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        for path in written:
            path.unlink(missing_ok=True)
        raise
    load_catalogue(root / "docs")  # the repository reads as it should, or this says why
    progress(f"recorded edition {number} of {org.id} in {display_path(folder, root)}/")
    if why_no_tag is not None:
        progress(f"not committed or tagged: {why_no_tag}. Commit the edition, then tag it: git tag {tag}")
        return edition
    paths = [display_path(folder, root)] + ([f"docs/{ORGANISATIONS_FILE}"] if organisations_text else [])
    for args in (["add", "--", *paths],
                 ["commit", "-q", "-m", f"Edition {number} of {org.name}: {request.note}", "--", *paths],
                 ["tag", tag]):
        result = _git(root, *args)
        if result.returncode != 0:
            progress(f"recorded, but 'git {args[0]}' failed: {result.stderr.strip()}; commit and tag it yourself: "
                     f"git tag {tag}")
            return edition
    progress(f"committed and tagged {tag}")
    return edition


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
