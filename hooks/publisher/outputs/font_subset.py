"""Each site's fonts cut down to the characters the site itself shows.

The Latin fonts carry some 400 glyphs; a Danish or Norwegian guideline site uses about a
hundred. The set is read from the site's own HTML (text and the theme's interface strings),
with printable ASCII always kept, so text added later at run time in these languages still
renders; anything else falls back to the system font, as CSS intends.

Subsetting and re-compressing a face costs about 0.2 s, and nearly every site asks for the same
subsets: the same three faces and, in practice, the same characters. So each subset is made once
and kept in a cache on disk (`<repository>/.cache/font-subsets/`, see `cache_dir`), one file per

    <sha256 of the face's bytes>-<sha256 of the sorted characters>-<sha256 of SETTINGS>.woff2

The key holds everything the output depends on, so an entry is never stale: a changed font file,
character set, fontTools release or option is a new key, and old entries are merely unused. Every
worker process of a build, and every later build, reads the same folder. An entry is written
whole (atomic rename), under a lock per key, so two workers that need the same subset at once make
it once: the second waits and reads it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.ttLib import TTFont

from ..files.atomic import write_atomic_bytes

FONTS = "assets/fonts/*.woff2"
TAG = re.compile(r"<[^>]+>")
ALWAYS = {chr(code) for code in range(0x20, 0x7F)} | set("æøåÆØÅéÉüÜöÖäÄ–—‘’“”«»…•·§€")
CACHE = Path(".cache/font-subsets")  # below the repository root; `make clean` removes it
# What else decides a subset's bytes: change it with the options in _subset, and every key changes.
SETTINGS = f"fonttools {fontTools.version}; woff2; layout *; names *; notdef outline; no timestamp"
# Subsets made by this process (not read from the cache): what the tests count.
WORK: Counter[str] = Counter()


def cache_dir(root: Path) -> Path:
    """Where the subsets of the repository at `root` are kept."""
    return root / CACHE


def characters_shown(site: Path) -> set[str]:
    found = set(ALWAYS)
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        found.update(html.unescape(TAG.sub(" ", text)))
        found.update(html.unescape(text))  # attribute values: titles, labels, the theme's strings
    return {c for c in found if c.isprintable()}


def _subset(original: bytes, text: str) -> bytes:
    font = TTFont(BytesIO(original), recalcTimestamp=False)  # reproducible output
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep kerning and ligatures
    options.name_IDs = ["*"]  # the licence and names stay in the file (SIL OFL)
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = BytesIO()
    font.flavor = "woff2"
    font.save(out)
    WORK["font_subsets"] += 1
    return out.getvalue()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@contextlib.contextmanager
def _locked(path: Path, wait: bool = True) -> Iterator[bool]:
    """Hold an exclusive lock on `path` (created if missing) while the block runs; with `wait` False, yield
    False at once when another process holds it."""
    with open(path, "a+b") as handle:
        try:  # released when the file is closed, also if this process dies
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True


def cached_subset(original: bytes, text: str, cache: Path, wait: bool = True) -> bytes | None:
    """The subset of the face `original` to the characters of `text`, made once per key (see above).
    With `wait` False: None when another worker is making it right now."""
    key = f"{_digest(original)}-{_digest(text.encode('utf-8'))}-{_digest(SETTINGS.encode())[:16]}"
    entry = cache / f"{key}.woff2"
    with contextlib.suppress(FileNotFoundError):
        return entry.read_bytes()
    try:
        cache.mkdir(parents=True, exist_ok=True)
        with _locked(cache / f".{key}.lock", wait) as held:
            if not held:
                return None
            with contextlib.suppress(FileNotFoundError):
                return entry.read_bytes()  # another worker made it while this one waited
            smaller = _subset(original, text)
            write_atomic_bytes(entry, smaller)
            return smaller
    except OSError as error:
        raise OSError(f"font subset cache {cache}: {error.strerror or error}; make it writable, or delete it "
                      f"(it is rebuilt on the next build)") from error


def subset_fonts(site: Path, cache: Path) -> int:
    """Rewrite every woff2 under the site's assets/fonts; the bytes saved.

    Two passes: first every face no other worker is making (so two workers starting together share
    the faces between them instead of one waiting while the other makes all three), then the rest,
    waiting for them."""
    text = "".join(sorted(characters_shown(site)))
    saved = 0
    faces = [(path, path.read_bytes()) for path in sorted(site.glob(FONTS))]
    made = {path: cached_subset(original, text, cache, wait=False) for path, original in faces}
    for path, original in faces:
        smaller = made[path] if made[path] is not None else cached_subset(original, text, cache)
        assert smaller is not None  # a waiting call always returns the subset
        if len(smaller) < len(original):
            path.write_bytes(smaller)
            saved += len(original) - len(smaller)
    return saved
