"""The catalogue: every organisation and language, loaded from `docs/organisations.yml`, `docs/languages.yml`
and `docs/topics.yml`.

One place for everything that differs between organisation sites. Loading validates the
whole file and reports every problem with its line, so an editor fixes them in one pass; one
entry is read by organisation_entry.py, the languages by languages.py.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from ..files.findings import Finding, PublisherError, display_path
from ..files.yamlsource import load_located_file
from .adoptions import Adoptions, adoptions_for
from .edition_records import editions_stamps, with_editions
from .languages import LANGUAGES_FILE, Language, load_languages
from .organisation_entry import read_organisation
from .organisation_types import Organisation
from .wordings import SHARED_DIR

ORGANISATIONS_FILE = "organisations.yml"
TOPICS_FILE = "topics.yml"


@dataclass(frozen=True)
class Catalogue:
    """Everything the publisher knows about organisations and languages."""

    root: Path  # the repository root
    docs_dir: Path
    organisations: dict[str, Organisation]
    languages: dict[str, Language]
    topics: dict[str, dict[str, str]] = field(default_factory=dict)  # topic id -> name per language
    config_display: str = f"docs/{ORGANISATIONS_FILE}"

    @property
    def shared_dir(self) -> Path:
        return self.docs_dir / SHARED_DIR

    @property
    def adoptions(self) -> Adoptions:
        """Which organisation adopted which shared wording (docs/adoptions.yml), with its findings."""
        return adoptions_for(self.docs_dir, self.topics, set(self.organisations))

    @property
    def ready(self) -> dict[str, Organisation]:
        """The published organisations: every one marked `status: ready` (drafts build only when named)."""
        return {org_id: org for org_id, org in self.organisations.items() if not org.is_draft}

    def published(self) -> Catalogue:
        """This catalogue without its drafts: what the portal, the topic pages and a full build show."""
        return replace(self, organisations=self.ready)

    def organisation(self, org_id: str) -> Organisation:
        if org_id not in self.organisations:
            known = ", ".join(self.organisations)
            raise PublisherError([Finding(
                self.config_display, 1,
                f"unknown organisation '{org_id}'; known organisations: {known}. "
                f"Add it to docs/{ORGANISATIONS_FILE} or pick one of those.",
            )])
        return self.organisations[org_id]

    def org_dir(self, org_id: str) -> Path:
        return self.docs_dir / org_id


def load_catalogue(docs_dir: Path) -> Catalogue:
    """Load and validate `organisations.yml`, `languages.yml` and `topics.yml` in `docs_dir`.

    Cached per process while the files are unchanged: every hook of every page asks for it.
    """
    docs_dir = docs_dir.resolve()
    stamps = []
    for name in (ORGANISATIONS_FILE, LANGUAGES_FILE, TOPICS_FILE):
        try:
            stat = (docs_dir / name).stat()
            stamps.append((stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            stamps.append(None)
    # Every hook of every page calls this, and docs/ holds a folder per organisation: a directory
    # listing's own file types (scandir), not a stat per folder, at 1,000 organisations.
    folders = tuple(sorted(entry.name for entry in os.scandir(docs_dir) if entry.is_dir())) if docs_dir.is_dir() else ()
    return _load_catalogue_cached(docs_dir, (*stamps, *editions_stamps(docs_dir)), folders)


@cache
def _load_catalogue_cached(docs_dir: Path, stamps: tuple, folders: tuple[str, ...]) -> Catalogue:
    root = docs_dir.parent
    languages = load_languages(docs_dir / LANGUAGES_FILE, root)
    path = docs_dir / ORGANISATIONS_FILE
    located = load_located_file(path, display_path(path, root))
    entries = located.data.get("organisations") if isinstance(located.data, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise PublisherError([Finding(located.path, 1, "expected 'organisations:' with one entry per organisation")])
    findings: list[Finding] = []
    organisations: dict[str, Organisation] = {}
    for org_id, entry in entries.items():
        org = read_organisation(str(org_id), entry, located, languages, findings)
        if org is not None:
            organisations[org.id] = org
            if not (docs_dir / org.id).is_dir():
                findings.append(Finding(
                    located.path, org.line,
                    f"organisation '{org.id}' has no folder docs/{org.id}/; create it with its pages",
                ))
    if not findings:
        organisations = {org_id: with_editions(docs_dir, org, findings) for org_id, org in organisations.items()}
    if findings:
        raise PublisherError(findings)
    published = {language for org in organisations.values() for language in org.languages}
    return Catalogue(root, docs_dir, organisations, languages,
                     _load_topics(docs_dir / TOPICS_FILE, root, published), located.path)


def _load_topics(path: Path, root: Path, published: set[str]) -> dict[str, dict[str, str]]:
    """Each topic's name in every language a site is published in: a reader sees it in box titles and on
    topic pages, so a missing name is refused here rather than shown as the topic's id."""
    if not path.is_file():
        return {}
    located = load_located_file(path, display_path(path, root))
    if not isinstance(located.data, dict) or not all(isinstance(v, dict) for v in located.data.values()):
        raise PublisherError([Finding(located.path, 1, "expected 'topic-id: {da: name, nb: name, en: name}' lines")])
    topics = {str(k): {str(lang): str(name) for lang, name in v.items()} for k, v in located.data.items()}
    missing = [Finding(located.path, located.line(topic), f"topic '{topic}' has no name in "
                       f"{', '.join(sorted(published - set(names)))}; add one for every language a site is "
                       f"published in, e.g. {sorted(published - set(names))[0]}: <the topic's name>")
               for topic, names in topics.items() if published - set(names)]
    if missing:
        raise PublisherError(missing)
    return topics
