"""What `make edition` keeps of each edition, and what is done with it: the snapshot folder.

`docs/_editions/<org>/<n>/` holds the Markdown sources of every page with the shared wordings they
include (`pages/`, `shared/`, `document.yml`), what the organisation filled into them and changed
(`adopted.yml`, a copy of `docs/_adopted/<org>.yml`), and the PDFs as approved (`pdf/`). A page's
text, now or in an edition, is its filled text: the edition's from its own copies alone. This module reads a
snapshot back as page texts, compares them with the sources as they are now, lists what a new
snapshot holds, checks that each kept edition has its files and publishes the archived PDFs.
Its own module because none of this is about periods or notices (editions.py), which only compare.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files.findings import Finding, PublisherError, display_path
from ..files.yamlsource import load_located_file
from .adopted import SNAPSHOT_ADOPTED, adopted_path, filler
from .edition_records import EDITIONS_FILE, editions_folder
from .organisation_types import Organisation
from .organisations import Catalogue
from .sources import Source, page_name, read_source
from .wordings import PassageRef, expand_includes

SNAPSHOT_PAGES = "pages"
SNAPSHOT_SHARED = "shared"
SNAPSHOT_DOCUMENT = "document.yml"
SNAPSHOT_PDF = "pdf"
SITE_ARCHIVE = "pdf/editions"  # below site/<org>/: the archived PDFs, copied unchanged


def edition_folder(docs_dir: Path, org_id: str, number: int) -> Path:
    return editions_folder(docs_dir, org_id) / str(number)


def archived_pdf(docs_dir: Path, org_id: str, number: int, language: str) -> Path:
    return edition_folder(docs_dir, org_id, number) / SNAPSHOT_PDF / f"{org_id}-{language}.pdf"


def site_archive_path(org_id: str, number: int, language: str) -> str:
    """Where the archived PDF is published, relative to the organisation's site root."""
    return f"{SITE_ARCHIVE}/{number}/{org_id}-{language}.pdf"


# --- The text of pages, as a snapshot keeps it and as the sources have it now ---------------------------------

@dataclass(frozen=True)
class PageText:
    base: str
    title: str
    body: str  # Markdown with every shared wording expanded in place


Fill = Callable[[PassageRef, list[str]], Any]  # model.adopted.filler


def expand(source: Source, shared_dir: Path, fill: Fill | None = None) -> tuple[str, str]:
    """(title, body) of a page: front matter dropped, each shared wording put (filled) where it is included."""
    out: list[str] = []
    for item in expand_includes(source.body_lines, shared_dir, fill):
        if isinstance(item, str):
            out.append(item)
            continue
        marker = item.marker or ""
        for number, text in enumerate(item.body):
            prefix = item.indent + marker if number == 0 else item.indent + " " * len(marker)
            out.append(prefix + text if text.strip() else "")
    return str(source.front_matter.get("title", "")), "\n".join(out).strip() + "\n"


def pages_in(folder: Path, shared_dir: Path, language: str, fill: Fill | None = None) -> dict[str, PageText]:
    """Every page `<base>.<language>.md` in `folder`, expanded (files are read once per process while unchanged)."""
    pages = {}
    for path in sorted(folder.glob(f"*.{language}.md")):
        name = page_name(path)
        if name is None:
            continue
        title, body = expand(read_source(path, path.name), shared_dir, fill)
        pages[name[0]] = PageText(name[0], title or name[0], body)
    return pages


@dataclass(frozen=True)
class Snapshot:
    number: int
    folder: Path
    title: str
    title_translations: dict[str, str]
    nav: tuple[str, ...]
    org_id: str = ""

    def pages(self, language: str) -> dict[str, PageText]:
        fill = filler(self.folder, self.org_id, self.folder / SNAPSHOT_ADOPTED)  # its own copy, if it has one
        return pages_in(self.folder / SNAPSHOT_PAGES, self.folder / SNAPSHOT_SHARED, language, fill)


def snapshot(catalogue: Catalogue, org_id: str, number: int) -> Snapshot:
    folder = edition_folder(catalogue.docs_dir, org_id, number)
    path = folder / SNAPSHOT_DOCUMENT
    if not path.is_file():
        raise PublisherError([Finding(display_path(path, catalogue.root), 1,
                                      f"edition {number} of '{org_id}' has no snapshot here; an edition is "
                                      f"recorded with 'make edition ORG={org_id}' and never edited by hand")])
    data = load_located_file(path, display_path(path, catalogue.root)).data or {}
    return Snapshot(number, folder, str(data.get("title", "")), dict(data.get("title_translations") or {}),
                    tuple(str(x) for x in data.get("nav") or ()), org_id)


def current_pages(catalogue: Catalogue, org_id: str, language: str) -> dict[str, PageText]:
    return pages_in(catalogue.org_dir(org_id), catalogue.shared_dir, language, filler(catalogue.docs_dir, org_id))


def differing(old: dict[str, PageText], new: dict[str, PageText]) -> list[str]:
    """Page base names whose title or text differ, or that exist on one side only."""
    return sorted(base for base in set(old) | set(new)
                  if base not in old or base not in new or (old[base].title, old[base].body)
                  != (new[base].title, new[base].body))


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
    if (adopted := adopted_path(catalogue.docs_dir, org.id)).is_file():
        files[SNAPSHOT_ADOPTED] = adopted
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
