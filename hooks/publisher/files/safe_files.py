"""Only the repository's own files, and only the kinds a guideline needs.

Every file a build reads or copies from `docs/` is resolved to its real path: a symbolic link
that leaves `docs/`, a hard link (its other names may be anywhere), or an include that climbs
out of `docs/_shared/`, is refused with the file and line. An organisation's folder holds pages
(`.md`), images and PDF attachments, each judged here: an SVG image only when it cannot run code
or load anything (svg_images.py), an image or PDF only when it is what its name says
(file_kinds.py) and not too large to show (image_sizes.py).
"""

from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .file_kinds import ALLOWED_LIST, ALLOWED_SUFFIXES, PAGE_SUFFIX, signature_problem
from .findings import Finding, display_path
from .image_sizes import byte_problem, pixel_problem
from .svg_images import svg_problem


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, with every symbolic link followed, lies in `folder`."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):  # outside, unreadable, or a link loop
        return False
    return True


def _walk(folder: Path) -> list[Path]:
    """Every entry below `folder`, not following links to folders (they are judged, not entered)."""
    entries = []
    for current, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        base = Path(current)
        entries += [base / name for name in folders if (base / name).is_symlink()]
        entries += [base / name for name in sorted(files) if not name.startswith(".")]
    return entries


def hard_link_problem(path: Path) -> str | None:
    """Why a file with more than one name (a hard link) may not be read, or None.

    A hard link is the same file as its other names, wherever they are: nothing in it tells
    whether the other name lies inside the repository or is /etc/passwd or another user's file.
    Git never makes one (it cannot carry them), but a working tree can hold one."""
    try:
        status = path.lstat()
    except OSError:
        return None  # gone or unreadable: the reader that needs it says so
    if stat.S_ISREG(status.st_mode) and status.st_nlink > 1:
        name, copy = shlex.quote(path.name), shlex.quote(path.name + ".copy")  # a name may hold spaces
        return (f"is a hard link (one file with {status.st_nlink} names, which may lie outside the repository); the "
                f"build reads only the repository's own files: replace it with a copy "
                f"(cp {name} {copy} && mv {copy} {name})")
    return None


def link_problem(path: Path, docs_dir: Path) -> str | None:
    """Why a symbolic or hard link may not be read, or None."""
    if not path.is_symlink():
        return hard_link_problem(path)
    target = os.readlink(path)
    if not inside(path, docs_dir):
        return (f"is a symbolic link to {target}, outside docs/; the build reads only the repository's own "
                f"files: copy the file here instead of linking it")
    if not path.exists():
        return f"is a symbolic link to {target}, which does not exist; remove it or copy the file here"
    return hard_link_problem(path.resolve())


def _folder_findings(folder: Path, docs_dir: Path, root: Path, suffixes: tuple[str, ...], wrong_type: str,
                     ) -> list[Finding]:
    if problem := link_problem(folder, docs_dir):  # the folder itself a link out: its files are not ours
        return [Finding(display_path(folder, root), 1, problem)]
    findings = []
    for path in _walk(folder):
        problem = link_problem(path, docs_dir)
        if problem is None and path.suffix.lower() not in suffixes and not path.is_dir():
            problem = wrong_type.format(suffix=path.suffix or path.name)
        if problem is None and path.suffix.lower() == PAGE_SUFFIX and path.suffix != PAGE_SUFFIX:
            problem = (f"is no page: MkDocs reads only names ending in lowercase '{PAGE_SUFFIX}' as pages and would "
                       f"publish this file's source as it is; rename it to {path.stem}{PAGE_SUFFIX}")
        if problem is None and path.suffix.lower() == ".svg":
            problem = svg_problem(path)
        if problem is None and not path.is_dir():
            problem = signature_problem(path) or byte_problem(path) or pixel_problem(path)
        if problem:
            findings.append(Finding(display_path(path, root), 1, problem))
    return findings


def org_file_findings(org_dir: Path, docs_dir: Path, root: Path) -> list[Finding]:
    """Every file of an organisation's folder that may not be published, with why and how to fix it."""
    return _folder_findings(org_dir, docs_dir, root, ALLOWED_SUFFIXES,
                            f"files of type '{{suffix}}' are not published: docs/{org_dir.name}/ holds "
                            f"{ALLOWED_LIST}; remove this file or convert it")


def snippet_file_findings(snippets_dir: Path, docs_dir: Path, root: Path) -> list[Finding]:
    """Shared wordings are Markdown files inside docs/_shared/, never links out of docs/."""
    return _folder_findings(snippets_dir, docs_dir, root, (PAGE_SUFFIX,),
                            "docs/_shared/ holds shared wordings as Markdown (.md) only; remove this file")


# The folders of docs/ whose files reach the sites besides the organisations' and the shared
# wordings (checked with their pages): the editorial record, what adopters fill into model texts and
# the kept editions (their PDFs are copied into the site as they are). docs/_sources/ is never published.
DATA_FOLDERS = ("_editorial", "_editions", "_adopted")


def data_file_findings(docs_dir: Path, root: Path) -> list[Finding]:
    """The data files of docs/ (organisations.yml, languages.yml, …, the editorial record and the
    kept editions) that are links: the build reads only the repository's own files."""
    paths = sorted(path for path in docs_dir.iterdir() if not path.name.startswith(".") and not path.is_dir())
    for name in DATA_FOLDERS:
        folder = docs_dir / name
        if folder.is_symlink():
            paths.append(folder)  # judged itself, never entered
        elif folder.is_dir():
            paths += _walk(folder)
    return [Finding(display_path(path, root), 1, problem) for path in paths
            if (problem := link_problem(path, docs_dir))]


def include_problem(path: Path, snippets_dir: Path, written: str) -> str | None:
    """Why the snippet file `path` (included as `written`) may not be read, or None."""
    if not inside(path.parent, snippets_dir) or ".." in Path(written).parts or Path(written).is_absolute():
        return (f"'{written}' points outside docs/_shared/; include a shared wording by its path there, "
                f"like 'threats/kalundborg.da.md'")
    if path.is_symlink() and not inside(path, snippets_dir):
        return (f"shared wording '{written}' is a symbolic link to {os.readlink(path)}, outside docs/_shared/; "
                f"copy the text into the wording file instead")
    return None


def confined_fetcher(folders: list[Path]) -> Any:
    """A WeasyPrint URL fetcher that reads `data:` and the files inside `folders`, nothing else."""
    from urllib.request import url2pathname

    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class _Confined(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.lower().startswith("file:"):
                path = Path(url2pathname(urlsplit(url).path))
                if not any(inside(path, folder) for folder in folders):
                    raise FatalURLFetchingError(f"'{path}' is outside the organisation's folder")
            return super().fetch(url, headers)

    return _Confined(allowed_protocols=("file", "data"), fail_on_errors=True)
