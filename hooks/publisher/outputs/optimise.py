"""Smaller output: no source maps, only the search language used, only the theme CSS rules and font
glyphs a site can use, identical files stored once.

Also no theme "not found" page, which cannot work in a copied site (see optimise_site).

Each organisation site stays self-contained (it can be copied on its own), but identical theme
files across sites and languages are hard links to one file, so an additional organisation adds
only its own pages, search index, PDFs and branding to the disk.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from .font_subset import subset_fonts
from .unused_css import drop_unused_theme_css

SOURCE_MAP_COMMENT = re.compile(rb"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")
LUNR_DIR = Path("assets/javascripts/lunr")
LUNR_SUPPORT = "lunr.stemmer.support.min.js"
NOT_FOUND_PAGE = "404.html"  # the theme's; see optimise_site


def strip_source_maps(site: Path) -> None:
    for path in site.rglob("*.map"):
        path.unlink()
    for path in [*site.rglob("*.js"), *site.rglob("*.css")]:
        data = path.read_bytes()
        # The comment can only be the last one in the file (its address holds no space, and only white space
        # follows it): the pattern is tried from there, not at every byte of a 100 KB script.
        marker = data.rfind(b"# sourceMappingURL=")
        found = SOURCE_MAP_COMMENT.search(data, max(marker - 3, 0)) if marker >= 0 else None
        if found:
            path.write_bytes(data[:found.start()] + b"\n" + data[found.end():])


def unused_theme_file(uri: str, search_languages: list[str]) -> bool:
    """A file of the theme no page of a site with `search_languages` loads: a source map, or lunr's
    support for another language (English needs none). The build leaves these out before copying
    (hooks/organisation.py); `optimise_site` removes any left."""
    if uri.endswith(".map"):
        return True
    if not uri.startswith(f"{LUNR_DIR.as_posix()}/") or not uri.endswith(".js"):
        return False
    keep = {f"lunr.{code}.min.js" for code in search_languages if code != "en"}
    if keep:
        keep.add(LUNR_SUPPORT)
    if len(search_languages) > 1:
        keep.add("lunr.multi.min.js")
    return uri.rsplit("/", 1)[-1] not in keep


def prune_search_languages(site: Path, search_languages: list[str]) -> None:
    """Keep only the lunr language files the site's search loads."""
    lunr = site / LUNR_DIR
    if not lunr.is_dir():
        return
    for path in lunr.rglob("*.js"):
        if unused_theme_file(path.relative_to(site).as_posix(), search_languages):
            path.unlink()
    for folder in sorted((p for p in lunr.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def optimise_site(site: Path, search_languages: list[str], font_cache: Path) -> None:
    """`font_cache`: where font subsets are kept for every site and build (font_subset.cache_dir)."""
    prune_search_languages(site, search_languages)  # first: no need to read what goes
    strip_source_maps(site)
    drop_unused_theme_css(site)
    subset_fonts(site, font_cache)
    # The theme's "not found" page addresses everything from the server root ("/assets/…"), as it
    # cannot know where it is served from: under /intranet/guides/<org>/ or from file:// it shows
    # unstyled and its links lead nowhere. A static copy has no use for it; the host's own
    # not-found page serves readers better than a broken one.
    # A build leaves it out before rendering it (pipeline/workers.py); a site built otherwise loses it here.
    (site / NOT_FOUND_PAGE).unlink(missing_ok=True)


def deduplicate(root: Path, pattern: str = "*/assets/**/*") -> int:
    """Hard-link identical files under every `<site>/assets/`; returns the bytes saved."""
    seen: dict[tuple[int, str], Path] = {}
    saved = 0
    for path in sorted(root.glob(pattern)):
        if not path.is_file() or path.is_symlink():
            continue
        size = path.stat().st_size
        key = (size, hashlib.sha256(path.read_bytes()).hexdigest())
        first = seen.setdefault(key, path)
        if first == path or os.path.samefile(first, path):
            continue
        temporary = path.with_name(path.name + ".link")
        os.link(first, temporary)
        os.replace(temporary, path)
        saved += size
    return saved


def disk_usage(root: Path) -> int:
    """Bytes on disk under `root`, counting each hard-linked file once."""
    inodes: dict[tuple[int, int], int] = {}
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            stat = path.stat()
            inodes[(stat.st_dev, stat.st_ino)] = stat.st_size
    return sum(inodes.values())
