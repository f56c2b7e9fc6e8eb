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
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from ..files.findings import Finding, PublisherError, display_path
from ..files.yamlsource import load_located_file
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
from .organisation_types import Organisation
from .organisations import Catalogue
from .sources import Source, page_name, read_source
from .wordings import expand_includes

SNAPSHOT_PAGES = "pages"
SNAPSHOT_SHARED = "shared"
SNAPSHOT_DOCUMENT = "document.yml"
SNAPSHOT_PDF = "pdf"
SITE_ARCHIVE = "pdf/editions"  # below site/<org>/: the archived PDFs, copied unchanged
EDITIONS_ANCHOR = "editions"


def edition_folder(docs_dir: Path, org_id: str, number: int) -> Path:
    return editions_folder(docs_dir, org_id) / str(number)


def archived_pdf(docs_dir: Path, org_id: str, number: int, language: str) -> Path:
    return edition_folder(docs_dir, org_id, number) / SNAPSHOT_PDF / f"{org_id}-{language}.pdf"


def site_archive_path(org_id: str, number: int, language: str) -> str:
    """Where the archived PDF is published, relative to the organisation's site root."""
    return f"{SITE_ARCHIVE}/{number}/{org_id}-{language}.pdf"


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


# --- The text of pages, as a snapshot keeps it and as the sources have it now ---------------------------------

@dataclass(frozen=True)
class PageText:
    base: str
    title: str
    body: str  # Markdown with every shared wording expanded in place


def expand(source: Source, shared_dir: Path) -> tuple[str, str]:
    """(title, body) of a page: front matter dropped, each shared wording put where it is included."""
    out: list[str] = []
    for item in expand_includes(source.body_lines, shared_dir):
        if isinstance(item, str):
            out.append(item)
            continue
        marker = item.marker or ""
        for number, text in enumerate(item.body):
            prefix = item.indent + marker if number == 0 else item.indent + " " * len(marker)
            out.append(prefix + text if text.strip() else "")
    return str(source.front_matter.get("title", "")), "\n".join(out).strip() + "\n"


def pages_in(folder: Path, shared_dir: Path, language: str) -> dict[str, PageText]:
    """Every page `<base>.<language>.md` in `folder`, expanded (files are read once per process while unchanged)."""
    pages = {}
    for path in sorted(folder.glob(f"*.{language}.md")):
        name = page_name(path)
        if name is None:
            continue
        title, body = expand(read_source(path, path.name), shared_dir)
        pages[name[0]] = PageText(name[0], title or name[0], body)
    return pages


@dataclass(frozen=True)
class Snapshot:
    number: int
    folder: Path
    title: str
    title_translations: dict[str, str]
    nav: tuple[str, ...]

    def pages(self, language: str) -> dict[str, PageText]:
        return pages_in(self.folder / SNAPSHOT_PAGES, self.folder / SNAPSHOT_SHARED, language)


def snapshot(catalogue: Catalogue, org_id: str, number: int) -> Snapshot:
    folder = edition_folder(catalogue.docs_dir, org_id, number)
    path = folder / SNAPSHOT_DOCUMENT
    if not path.is_file():
        raise PublisherError([Finding(display_path(path, catalogue.root), 1,
                                      f"edition {number} of '{org_id}' has no snapshot here; an edition is "
                                      f"recorded with 'make edition ORG={org_id}' and never edited by hand")])
    data = load_located_file(path, display_path(path, catalogue.root)).data or {}
    return Snapshot(number, folder, str(data.get("title", "")), dict(data.get("title_translations") or {}),
                    tuple(str(x) for x in data.get("nav") or ()))


def current_pages(catalogue: Catalogue, org_id: str, language: str) -> dict[str, PageText]:
    return pages_in(catalogue.org_dir(org_id), catalogue.shared_dir, language)


def differing(old: dict[str, PageText], new: dict[str, PageText]) -> list[str]:
    """Page base names whose title or text differ, or that exist on one side only."""
    return sorted(base for base in set(old) | set(new)
                  if base not in old or base not in new or (old[base].title, old[base].body)
                  != (new[base].title, new[base].body))


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


def edition_files(catalogue: Catalogue, org_id: str) -> list[Path]:
    """Every file of the organisation's editions except the PDFs: what its sites are built from."""
    folder = editions_folder(catalogue.docs_dir, org_id)
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".pdf") if folder.is_dir() else []


def snapshot_sources(catalogue: Catalogue, org: Organisation) -> dict[str, Path]:
    """What a snapshot of the current sources holds: relative path in the snapshot -> source file."""
    folder = catalogue.org_dir(org.id)
    files: dict[str, Path] = {}
    queue = []
    for path in sorted(folder.glob("*.md")):
        name = page_name(path)
        if name is not None and name[1] in org.languages:
            files[f"{SNAPSHOT_PAGES}/{path.name}"] = path
            queue.append(path)
    while queue:
        source = read_source(queue.pop(), "")
        for include in source.includes:
            shared = catalogue.shared_dir / include.file
            key = f"{SNAPSHOT_SHARED}/{include.file}"
            if shared.is_file() and key not in files:
                files[key] = shared
                queue.append(shared)
    return dict(sorted(files.items()))


def publish_archive(catalogue: Catalogue, site: Path, org_ids: set[str]) -> list[Path]:
    """Copy every archived edition PDF of `org_ids` into `site/<org>/pdf/editions/<n>/`, byte for byte."""
    import shutil

    written = []
    for org_id in sorted(org_ids):
        org = catalogue.organisation(org_id)
        for edition in org.editions:
            for language in org.languages:
                archived = archived_pdf(catalogue.docs_dir, org_id, edition.number, language)
                if not archived.is_file():
                    raise PublisherError([Finding(display_path(archived, catalogue.root), 1,
                                                  f"edition {edition.number} of '{org_id}' has no archived PDF in "
                                                  f"{language}; 'make check' explains what to do")])
                target = site / org_id / site_archive_path(org_id, edition.number, language)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(archived, target)
                written.append(target)
    return written


def edition_findings(catalogue: Catalogue, org: Organisation) -> list[Finding]:
    """What `make check` says about the kept editions: each needs its snapshot and its PDFs."""
    findings = []
    for edition in org.editions:
        folder = edition_folder(catalogue.docs_dir, org.id, edition.number)
        wanted = [folder / SNAPSHOT_DOCUMENT] + [archived_pdf(catalogue.docs_dir, org.id, edition.number, code)
                                                 for code in org.languages]
        missing = [display_path(path, catalogue.root) for path in wanted if not path.is_file()]
        if missing:
            editions_yml = display_path(editions_folder(catalogue.docs_dir, org.id) / EDITIONS_FILE, catalogue.root)
            findings.append(Finding(editions_yml, edition.line,
                                    f"edition {edition.number} of '{org.id}' is missing {', '.join(missing)}; an "
                                    f"edition's files are written once by 'make edition' and never rebuilt: restore "
                                    f"them from git"))
    return findings
