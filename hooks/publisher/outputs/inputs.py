"""What each site is built from, as a hash: the basis of incremental builds and sharding.

A site (one organisation in one language) depends on its language's pages, for a translation
also the source pages (stale notices, untranslated fallbacks), the snippets its pages include,
its organisation's entry, the shared configuration, templates and code, and the git dates shown
on its pages. When none of these changed, the previous output can be reused as it is.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from ..files.findings import display_path
from ..files.history import git_dates
from ..files.safe_files import inside
from ..model.adopted import adopted_path
from ..model.edition_snapshots import edition_files
from ..model.organisations import Catalogue
from ..model.sources import read_source
from .site_config import BuildTarget

# adoptions.yml: a passage's label names every organisation that adopted the same words.
SHARED_INPUTS = ("mkdocs.yml", "requirements.txt", "requirements.lock", "requirements-properdocs.lock",
                 "docs/languages.yml", "docs/topics.yml", "docs/adoptions.yml", "docs/addresses.yml")
SHARED_TREES = ("hooks", "overrides", "docs/_editorial")
# GUIDE_ARG_ENGINE: the engine names itself in every page's generator tag.
ENVIRONMENT = ("GUIDE_REPO_URL", "GUIDE_EDIT_URI", "GUIDE_SITE_URL", "GUIDE_ARG_ENGINE")


def _snippet_closure(catalogue: Catalogue, sources: Iterable[Path]) -> set[Path]:
    found: set[Path] = set()
    queue = list(sources)
    while queue:
        path = queue.pop()
        if not path.is_file():
            continue
        for include in read_source(path, display_path(path, catalogue.root)).includes:
            snippet = (catalogue.shared_dir / include.file).resolve()
            if snippet not in found and inside(snippet, catalogue.shared_dir):  # the checks report others
                found.add(snippet)
                queue.append(snippet)
    return found


def target_files(catalogue: Catalogue, target: BuildTarget) -> list[Path]:
    """The content files a site is built from (besides the shared configuration)."""
    org = target.org
    folder = catalogue.org_dir(org.id)
    pages = sorted(folder.glob(f"*.{target.language}.md"))
    sources = sorted(folder.glob(f"*.{org.source_language}.md")) if not target.is_source_language else []
    # A translation depends on its source pages with their snippets: they decide whether it is
    # stale, and an untranslated page shows them.
    # A missing snippet is left out here (the checks report it); when it appears, the hash changes.
    # Images and attachments beside the pages reach the site and the PDF too.
    assets = [p for p in folder.rglob("*") if p.suffix != ".md" and not p.name.startswith(".")]
    # What it fills into the model texts it includes: its own file, so an edit rebuilds only its sites.
    adopted = adopted_path(catalogue.docs_dir, org.id)
    return sorted(p for p in {*pages, *sources, *assets, adopted, *_snippet_closure(catalogue, [*pages, *sources])}
                  if p.is_file())


def _tree_files(root: Path) -> list[Path]:
    files = []
    for name in SHARED_TREES:
        files.extend(p for p in (root / name).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return sorted(files)


def shared_digest(root: Path) -> bytes:
    """What every site is built from: configuration, code, templates, assets (hashed once per build)."""
    digest = hashlib.sha256()
    for name in SHARED_INPUTS:
        path = root / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b""))
    for path in _tree_files(root):
        digest.update(display_path(path, root).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


def inputs_hash(catalogue: Catalogue, target: BuildTarget, shared: bytes | None = None) -> str:
    root = catalogue.root
    digest = hashlib.sha256(shared if shared is not None else shared_digest(root))
    dates = git_dates(root)

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode() + b"\0" + hashlib.sha256(data).digest())

    for path in target_files(catalogue, target):
        shown = display_path(path, root)
        add(shown, path.read_bytes())
        add(f"git:{shown}", str(dates.get(shown, 0)).encode())
    for path in edition_files(catalogue, target.org.id):  # a new edition changes every page's facts
        add(display_path(path, root), path.read_bytes())
    add("organisation", repr(target.org).encode())
    add("language", target.language.encode())
    for name in (*ENVIRONMENT, "SOURCE_DATE_EPOCH"):
        add(f"env:{name}", os.environ.get(name, "").encode())
    return digest.hexdigest()


def source_date_epoch(catalogue: Catalogue, target: BuildTarget) -> int:
    """A build time that only moves when the site's content does: its newest commit (or file)."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    dates = git_dates(catalogue.root)
    files = target_files(catalogue, target)
    committed = [dates[display_path(p, catalogue.root)] for p in files if display_path(p, catalogue.root) in dates]
    if committed:
        return max(committed)
    return max((int(p.stat().st_mtime) for p in files), default=0)


def shard(items: list[str], spec: str | None) -> list[str]:
    """The deterministic share `i/n` (1-based) of `items`, taken round-robin in sorted order."""
    if not spec:
        return items
    try:
        index, count = (int(part) for part in spec.split("/"))
    except ValueError:
        raise ValueError(f"SHARD must look like 2/4 (this shard / number of shards), not '{spec}'") from None
    if count < 1:
        raise ValueError(f"SHARD {spec}: the number of shards (after the '/') must be at least 1, e.g. SHARD=1/4")
    if not 1 <= index <= count:
        raise ValueError(f"SHARD {spec}: the shard number must be between 1 and {count}")
    return [item for position, item in enumerate(sorted(items)) if position % count == index - 1]
