"""Editions: every approved (or recorded) version of an organisation's guideline, kept as it was.

An edition is data in `docs/_editions/<org>/editions.yml` (numbered 1, 2, 3 …, with the facts the
approval states, the date it came into force and a change note per language) and a folder
`docs/_editions/<org>/<n>/` that `make edition` wrote once and nothing rewrites: the Markdown
sources of every page with the shared wordings they include (`pages/`, `shared/`, `document.yml`)
and the PDFs as approved (`pdf/`). The editions page, the change view and the archive are built
from these files alone: no git history, no old code.

The latest edition's facts are the facts readers are shown (`Organisation.document.facts`); when
the organisation's own-language text differs from the latest edition's snapshot, pages and the
current PDF say that the changes are not approved yet.

This module holds the periods in force or recorded, the names of editions in a page's language
and those notices; the snapshot folder itself (page texts, the archive, its check) is read by
edition_snapshots.py, the recorded data by edition_records.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup, escape

from .dates import long_date
from .edition_records import (  # noqa: F401 (re-exported for the modules above)
    EDITIONS_DIR,
    EDITIONS_FILE,
    Edition,
    editions_folder,
    editions_stamps,
    parse_editions,
    with_editions,
)
from .edition_snapshots import current_pages, differing, snapshot
from .organisation_types import Organisation
from .organisations import Catalogue

EDITIONS_ANCHOR = "editions"


def latest(org: Organisation) -> Edition | None:
    return org.editions[-1] if org.editions else None


def periods(org: Organisation) -> list[tuple[Edition, dt.date, dt.date | None]]:
    """Each edition with the first and the last day of its period (None: the current one). The period begins
    on the stated in-force date, else on the day it was recorded on this site (`period_text` says which)."""
    result = []
    for index, edition in enumerate(org.editions):
        following = org.editions[index + 1] if index + 1 < len(org.editions) else None
        end = following.starts - dt.timedelta(days=1) if following else None
        result.append((edition, edition.starts, end))
    return result


def in_force_on(org: Organisation, day: dt.date) -> Edition | None:
    """The edition that applied on `day` (by its stated in-force date, else its recording date); None before
    the first one."""
    for edition, start, end in periods(org):
        if start <= day and (end is None or day <= end):
            return edition
    return None


def named(label: str, language: str, source_language: str, /, translated: tuple[str, ...] = (),
          **names: str) -> Markup:
    """`label` (plain text) with its parts filled in, as HTML: an edition's `name` (or `previous`) in words is
    marked with the language it is written in (a Danish "3.0 – maj 2019" on an English page), unless it is
    among the `translated` parts (editions.yml `facts_translated`: "3.0 – May 2019")."""
    parts: dict[str, str] = {}
    for key, value in names.items():
        in_words = (key in ("name", "previous") and key not in translated and language != source_language
                    and any(char.isalpha() for char in value))
        parts[key] = Markup('<span lang="{}">{}</span>').format(source_language, value) if in_words else value
    return escape(label).format(**parts)


def period_text(labels: dict[str, str], language: str, edition: Edition, start: dt.date, end: dt.date | None) -> str:
    """"In force from …" only for a date the document or its approval states; else "Recorded on this site from …"."""
    kind = "edition_period" if edition.in_force_from else "edition_recorded_period"
    if end is None or end < start:  # an edition replaced on the day it began
        return labels[f"{kind}_open"].format(start=long_date(start, language))
    return labels[kind].format(start=long_date(start, language), end=long_date(end, language))


@dataclass(frozen=True)
class Drift:
    """How the sources now differ from the latest edition."""

    edition: Edition
    own_pages: tuple[str, ...]  # own-language pages changed, added or removed since the edition
    title_changed: bool
    translated_pages: dict[str, tuple[str, ...]]  # translation language -> its changed pages

    @property
    def unapproved(self) -> bool:
        return bool(self.own_pages or self.title_changed)


def drift(catalogue: Catalogue, org_id: str) -> Drift | None:
    """None when the organisation has no edition yet."""
    org = catalogue.organisation(org_id)
    edition = latest(org)
    if edition is None:
        return None
    kept = snapshot(catalogue, org_id, edition.number)
    own = differing(kept.pages(org.source_language), current_pages(catalogue, org_id, org.source_language))
    title_changed = (kept.title, kept.title_translations) != (org.document.title, org.document.title_translations)
    translated = {language: tuple(differing(kept.pages(language), current_pages(catalogue, org_id, language)))
                  for language in org.translations}
    return Drift(edition, tuple(own), title_changed, translated)


@dataclass(frozen=True)
class Notices:
    """What a site in one language says about its edition (page facts, footer, PDF cover)."""

    edition: Edition | None
    period: str | None
    unapproved: Markup | None  # "Ændringer efter udgave 3.0, ikke godkendt endnu" (HTML)
    translation_changed: Markup | None  # only on translated pages, when only the translation changed (HTML)
    changed_pages: tuple[str, ...] = ()


def notices(catalogue: Catalogue, org_id: str, language: str, state: Drift | None = None) -> Notices:
    org = catalogue.organisation(org_id)
    state = state if state is not None else drift(catalogue, org_id)
    if state is None:
        return Notices(None, None, None, None)
    labels = catalogue.languages[language].labels
    start, end = next((s, e) for ed, s, e in periods(org) if ed.number == state.edition.number)
    name, translated_name = state.edition.name_in(language)
    own = ("name",) if translated_name else ()
    unapproved = (named(labels["unapproved_notice"], language, org.source_language, own, name=name)
                  if state.unapproved else None)
    translated = state.translated_pages.get(language, ())
    translation_changed = None
    if language != org.source_language and translated and not state.unapproved:
        source = catalogue.languages[language].names.get(org.source_language, org.source_language)
        translation_changed = named(labels["translation_changed_notice"], language, org.source_language, own,
                                    name=name, source=source)
    return Notices(state.edition, period_text(labels, language, state.edition, start, end), unapproved,
                   translation_changed, state.own_pages)
