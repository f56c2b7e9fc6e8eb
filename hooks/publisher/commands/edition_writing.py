"""The recording steps of `make edition`: the snapshot of the sources, its PDFs, the new entry of
editions.yml, all staged beside docs/ and written as one change.

Apart from edition.py and edition_plan.py because it writes, and only what a checked plan says.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import yaml

from ..files.findings import display_path
from ..files.source_transaction import SourceTransaction, work_folder
from ..files.source_writers import with_items_appended
from ..files.yamlsource import load_located
from ..model.edition_snapshots import SNAPSHOT_DOCUMENT, SNAPSHOT_PDF, snapshot_sources
from ..model.editions import (
    EDITIONS_FILE,
    Edition,
    Notices,
    current_pages,
    parse_editions,
    period_text,
    snapshot,
)
from ..model.organisations import ORGANISATIONS_FILE, Organisation
from ..outputs.pdf import EditionPrint, pdf_name, write_pdf
from ..render.about import about_html
from ..render.changes import changes_html, compare
from .edition_plan import EditionPlan
from .edition_request import EditionRefused

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


def _stage_sources(plan: EditionPlan, staging: Path) -> None:
    """The snapshot: every source the sites are built from, and the document's title and nav."""
    org = plan.org
    for relative, source in snapshot_sources(plan.catalogue, org).items():
        (staging / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, staging / relative)
    document = {"title": org.document.title, "title_translations": dict(org.document.title_translations),
                "nav": list(org.nav)}
    (staging / SNAPSHOT_DOCUMENT).write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True),
                                             encoding="utf-8")


def _stage_pdfs(plan: EditionPlan, staging: Path, progress: Callable[[str], None]) -> None:
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


def _editions_text(plan: EditionPlan, editions_path: Path) -> str:
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


def write_edition(plan: EditionPlan, progress: Callable[[str], None]) -> None:
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
