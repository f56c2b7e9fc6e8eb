"""Each site's fonts cut down to the characters the site itself shows.

The Latin fonts carry some 400 glyphs; a Danish or Norwegian guideline site uses about a
hundred. The set is read from the site's own HTML (text and the theme's interface strings),
with printable ASCII always kept, so text added later at run time in these languages still
renders; anything else falls back to the system font, as CSS intends.
"""

from __future__ import annotations

import html
import re
from io import BytesIO
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = "assets/fonts/*.woff2"
TAG = re.compile(r"<[^>]+>")
ALWAYS = {chr(code) for code in range(0x20, 0x7F)} | set("æøåÆØÅéÉüÜöÖäÄ–—‘’“”«»…•·§€")


def characters_shown(site: Path) -> set[str]:
    found = set(ALWAYS)
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        found.update(html.unescape(TAG.sub(" ", text)))
        found.update(html.unescape(text))  # attribute values: titles, labels, the theme's strings
    return {c for c in found if c.isprintable()}


def subset_fonts(site: Path) -> int:
    """Rewrite every woff2 under the site's assets/fonts; the bytes saved."""
    characters = characters_shown(site)
    saved = 0
    for path in site.glob(FONTS):
        original = path.read_bytes()
        font = TTFont(BytesIO(original), recalcTimestamp=False)  # reproducible output
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]  # keep kerning and ligatures
        options.name_IDs = ["*"]  # the licence and names stay in the file (SIL OFL)
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(text="".join(sorted(characters)))
        subsetter.subset(font)
        out = BytesIO()
        font.flavor = "woff2"
        font.save(out)
        smaller = out.getvalue()
        if len(smaller) < len(original):
            path.write_bytes(smaller)
            saved += len(original) - len(smaller)
    return saved
