"""Translation tracking: which version of its source each translation translates.

A translation records `source_hash` in its front matter: a hash of the source page's title and
body, written by `make translations MARK=…` after an editor has reviewed the translation.
When the source changes, the hash no longer matches and the translation is stale: it still
builds, with a notice. A translation stub with `untranslated: true` shows the source page with
a notice until it is translated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..files.findings import Finding, PublisherError, display_path
from ..files.history import last_changed
from ..files.safe_files import inside
from ..files.yamlsource import read_text
from .adopted import adopted_data
from .dates import long_date
from .organisations import Catalogue
from .sources import Source, page_name, read_source
from .wordings import PassageRef

State = Literal["current", "stale", "unreviewed", "untranslated", "missing"]
HASH_LENGTH = 12


@dataclass(frozen=True)
class TranslationStatus:
    org_id: str
    language: str
    base: str
    state: State
    source: Path
    translation: Path
    source_changed_on: dt.date | None

    def describe(self, root: Path) -> str:
        return f"{display_path(self.translation, root)}: {self.state}"


def included_snippets(source: Source, shared_dir: Path) -> list[Path]:
    """The snippet files `source` includes, recursively, in reading order, each once.

    Missing files and cycles are skipped here: the checks report them with their line.
    """
    found: list[Path] = []

    def walk(page: Source) -> None:
        for include in page.includes:
            path = (shared_dir / include.file).resolve()
            if path in found or not path.is_file() or not inside(path, shared_dir):  # the checks report it
                continue
            found.append(path)
            walk(read_source(path, include.file))

    walk(source)
    return found


def source_hash(source: Source, shared_dir: Path) -> str:
    """What a translation translates: the source page's title and body, not its metadata.

    The shared snippets the page includes count as its body: when the Danish text of a common
    passage changes, every translation that shows it needs review, not only the snippet's own. So do
    the values and changes its organisation fills into a model text it includes (`model/adopted.py`).
    """
    title = str(source.front_matter.get("title", ""))
    parts = [title, source.body.strip()]
    for path in included_snippets(source, shared_dir):
        parts += [f"--8<-- {path.relative_to(shared_dir.resolve()).as_posix()}",
                  read_source(path, path.name).text.strip()]  # parsed once already: cached
    adopted = adopted_data(shared_dir.parent, source.path.parent.name)  # the page's organisation's data
    refs = {ref for include in source.includes if (ref := PassageRef.parse(include.path)) is not None}
    for ref in sorted(refs, key=lambda r: r.file):
        if (filling := adopted.filling(ref)) is not None:  # none: the hash stays what it was without data
            changes = [(c.kind, c.target, c.text) for c in filling.changes]  # not their lines: moving one is no edit
            parts.append(f"{ref.file} {sorted(filling.values.items())} {changes}")
    digest = hashlib.sha256("\n".join(parts).replace("\r\n", "\n").encode("utf-8")).hexdigest()
    return digest[:HASH_LENGTH]


def content_changed_on(page_path: Path, shared_dir: Path) -> dt.date:
    """When what a reader sees of a page last changed: the page or a snippet it includes."""
    page = read_source(page_path, page_path.name)
    return max(last_changed(path) for path in [page_path, *included_snippets(page, shared_dir)])


def page_status(catalogue: Catalogue, org_id: str, language: str, base: str) -> TranslationStatus:
    org = catalogue.organisation(org_id)
    folder = catalogue.org_dir(org_id)
    source_path = folder / f"{base}.{org.source_language}.md"
    translation_path = folder / f"{base}.{language}.md"
    source = read_source(source_path, display_path(source_path, catalogue.root))
    if not translation_path.is_file():
        state: State = "missing"
    else:
        translation = read_source(translation_path, display_path(translation_path, catalogue.root))
        recorded = translation.front_matter.get("source_hash")
        if translation.front_matter.get("untranslated") is True:
            state = "untranslated"
        elif not recorded:
            state = "unreviewed"
        elif str(recorded) != source_hash(source, catalogue.shared_dir):
            state = "stale"
        else:
            state = "current"
    changed = content_changed_on(source_path, catalogue.shared_dir) if state in ("stale", "unreviewed") else None
    return TranslationStatus(org_id, language, base, state, source_path, translation_path, changed)


def organisation_status(catalogue: Catalogue, org_id: str) -> list[TranslationStatus]:
    org = catalogue.organisation(org_id)
    folder = catalogue.org_dir(org_id)
    bases = sorted(
        name[0] for path in folder.glob(f"*.{org.source_language}.md")
        if (name := page_name(path)) is not None
    )
    return [page_status(catalogue, org_id, language, base) for language in org.translations for base in bases]


def all_status(catalogue: Catalogue) -> list[TranslationStatus]:
    return [status for org_id in catalogue.organisations for status in organisation_status(catalogue, org_id)]


def mark_current(catalogue: Catalogue, translation_path: Path) -> str:
    """Record that `translation_path` translates the current source; returns the new hash.

    Only a translation page of this checkout is written (confined to docs/<organisation>/), its
    front matter re-emitted by the YAML emitter and replaced atomically.
    """
    from ..files.locking import source_lock
    from ..files.source_transaction import write_sources
    from ..files.source_writers import confine, with_front_matter_key

    display = display_path(translation_path, catalogue.root)
    org_id = translation_path.parent.name
    folder = catalogue.org_dir(org_id) if org_id in catalogue.organisations else catalogue.docs_dir
    translation_path = confine(translation_path, folder, catalogue.root, "a translation to mark")
    name = page_name(translation_path)
    if name is None or org_id not in catalogue.organisations or not translation_path.is_file():
        raise PublisherError([Finding(display, 1, "not a translation page: give a file like "
                                                  "docs/<organisation>/<page>.<language>.md")])
    base, language = name
    org = catalogue.organisation(org_id)
    if language == org.source_language:
        raise PublisherError([Finding(display, 1, f"this is the {org.source_language} source page; "
                                                  f"mark its translation instead, e.g. {base}.en.md")])
    source_path = catalogue.org_dir(org_id) / f"{base}.{org.source_language}.md"
    with source_lock(catalogue.docs_dir):  # the page and its source as they are once no other writer runs
        new_hash = source_hash(read_source(source_path, display_path(source_path, catalogue.root)),
                               catalogue.shared_dir)
        text = read_text(translation_path, display)
        write_sources(catalogue.docs_dir, f"make translations MARK={display}",
                      {translation_path: with_front_matter_key(text, "source_hash", new_hash, display)})
    return new_hash


def notice_text(catalogue: Catalogue, status: TranslationStatus) -> str | None:
    """The notice a reader sees on a stale or untranslated page, in the page's language."""
    language = catalogue.languages[status.language]
    org = catalogue.organisation(status.org_id)
    source_name = language.names.get(org.source_language, org.source_language)
    target_name = language.names.get(status.language, status.language)
    if status.state in ("stale", "unreviewed"):
        changed = long_date(status.source_changed_on or dt.date.today(), status.language)
        return language.labels["stale_notice"].format(source=source_name, date=changed)
    if status.state == "untranslated":
        return language.labels["untranslated_notice"].format(source=source_name, target=target_name)
    return None
