"""What a page name may hold: one rule for file names, nav entries, recorded addresses and moves.

A page's base name becomes its address (`<base>.html`) in every language site, a redirect's file
name, a search result's link, a PDF link and an entry of `docs/addresses.yml`. A space or a
non-ASCII letter passed some of those and broke others (`make addresses` wrote a name that
`make check` then refused); an uppercase letter lets two pages differ only in case, and one
replaces the other on a case-insensitive disk or web server. So a name holds only what every one
of them keeps as written, and is none of the names a site makes itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PAGE_BASE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_LENGTH = 80
# What every site writes beside the pages (hooks/page_meta.py, the theme, the offline search, the PDFs):
# a page or a moved address of this name would be replaced by it, or replace it.
SITE_NAMES = frozenset({"about", "accessibility", "assets", "search", "editions", "pdf", "sitemap", "404"})
RULE = "lowercase letters a-z, digits and single hyphens between them (e.g. sociale-medier)"
_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "é": "e"})


def suggestion(base: str) -> str:
    """A name that follows the rule, for the message: 'Gode råd' -> 'gode-rad'."""
    words = re.findall(r"[a-z0-9]+", base.lower().translate(_TRANSLITERATE))
    return "-".join(words)[:MAX_LENGTH] or "side"


def page_name_problem(base: str, languages: Iterable[str]) -> str | None:
    """Why `base` cannot be a page's name (or a recorded address), or None."""
    if not PAGE_BASE.match(base) or len(base) > MAX_LENGTH:
        shown = base if len(base) <= 60 else base[:57] + "..."
        return (f"the page name '{shown}' may hold only {RULE}, at most {MAX_LENGTH} characters: it becomes the page's "
                f"address in URLs, redirects, search and PDF links; rename it, e.g. to '{suggestion(base)}'")
    if base in set(languages):
        return (f"'{base}' is the folder of a language site ({base}/): a page or moved address of that name would "
                f"hide it; choose another name")
    if base in SITE_NAMES:
        return (f"'{base}' is a name every site uses itself ({', '.join(sorted(SITE_NAMES))}); choose another name, "
                f"e.g. '{base}-side'")
    return None


def case_clashes(names: Iterable[str]) -> list[tuple[str, str]]:
    """(name, the name written before it) for each name that differs from an earlier one only in case:
    on a case-insensitive disk or web server (Windows, macOS, many hosts) one would replace the other."""
    first: dict[str, str] = {}
    clashes = []
    for name in sorted(names):
        earlier = first.setdefault(name.casefold(), name)
        if earlier != name:
            clashes.append((name, earlier))
    return clashes
