"""What each data field accepts: plain text, URLs, colours, e-mail, phone, domain.

Values from `docs/organisations.yml` and from front matter reach page titles, headers, the
navigation, footers, the portal, the PDFs and the search index. Material's own templates print
some of them without escaping, so a value that could be read as markup is refused here, with
the line it is on; and what is rendered is escaped as well (hooks/sanitize.py, our templates
autoescape). README.md, "What each field accepts", states these rules for editors.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from ..files.findings import Finding
from ..files.yamlsource import Located
from .document_facts import DATE_FACTS, FACT_KEYS

# Plain text: any letters, digits, punctuation and spaces, but nothing a browser reads as
# markup: no '<' or '>', no character reference ('&amp;', '&#60;'), no control characters.
# A bare '&' followed by a space ("Børne & Unge") is text everywhere.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_REFERENCE = re.compile(r"&(?:#|[A-Za-z])")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
                   r"[A-Za-z]{2,63}$")
PHONE = re.compile(r"^\+?[0-9](?:[0-9 ()-]{0,22}[0-9])?$")
DOMAIN = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
URL_SCHEMES = ("https", "mailto", "tel")
MAX_TEXT = 300
MAX_NOTE = 1000  # an edition's change note may say more than a title
# A version or edition that reads as a file path ("../../x", "/etc"): a document never prints one.
_PATH_LIKE = re.compile(r"^[/\\]|(?:^|[/\\])\.\.?(?:[/\\]|$)")


def code_point(char: str) -> str:
    """How a message names a character an author cannot see: U+202E RIGHT-TO-LEFT OVERRIDE."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def invisible_problem(value: str, allowed: str = "") -> str | None:
    """Format characters (Unicode category Cf: zero-width spaces, direction overrides, byte-order
    marks) are invisible: they hide text from search or show it in another order than it is stored.
    `allowed`: those that are meant where they stand (a soft hyphen in body text)."""
    chars = list(dict.fromkeys(c for c in value if unicodedata.category(c) == "Cf" and c not in allowed))
    if not chars:
        return None
    named = " and ".join(code_point(c) for c in chars)
    if len(chars) == 1:
        return f"contains {named}, an invisible character that hides or reorders text; delete it (retype the text " \
               f"around it)"
    return f"contains {named}, invisible characters that hide or reorder text; delete them (retype the text " \
           f"around them)"


class _WithoutFormatCharacters(dict[int, int | None]):
    """A str.translate table that drops format characters (Cf) and keeps every other character, each
    code point's category looked up once per process: every line of every page passes through it
    (a generator calling unicodedata per character was seconds of a 100-organisation build)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)) == "Cf" else code
        self[code] = kept
        return kept


_WITHOUT_CF = _WithoutFormatCharacters()


def without_invisible(value: str) -> str:
    """`value` as a reader sees it: every format character (Cf) left out."""
    return value.translate(_WITHOUT_CF)


def markdown_text(value: str) -> str:
    """Data (a name, a topic, an address) as literal text inside generated Markdown: no markup, no HTML.

    Only what Python-Markdown (with `tables`) lets a backslash escape gets one: before any other
    character, such as '~', the backslash itself would show."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|])", r"\\\1", value)


def plain_text_problem(value: str, limit: int = MAX_TEXT) -> str | None:
    """Why `value` is not plain text, or None."""
    if "<" in value or ">" in value:
        return "contains '<' or '>', which a browser reads as markup; write the text without them"
    if _REFERENCE.search(value):
        return "contains '&' directly before a letter or '#', which a browser reads as a character reference; " \
               "write the character itself, or put a space after '&'"
    if _CONTROL.search(value) or "\n" in value or "\r" in value or "\t" in value:
        return "contains a line break or control character; write it on one line"
    if invisible := invisible_problem(value):
        return invisible
    if len(value) > limit:
        return f"is {len(value)} characters long; keep it under {limit}"
    return None


def version_problem(value: str) -> str | None:
    """A version or edition as the document prints it ("2.0", "3.0 – maj 2019"): plain text, not a path."""
    if plain := plain_text_problem(value):
        return plain
    if _PATH_LIKE.search(value):
        return "reads as a file path, not a version; write it as the document prints it, e.g. 2.0"
    return None


def note_problem(value: str) -> str | None:
    """An edition's change note: plain text on one line, longer than a title may be."""
    return plain_text_problem(value, MAX_NOTE)


def url_problem(value: str) -> str | None:
    """Why `value` is not an address a reader may follow, or None."""
    if value != value.strip() or any(c.isspace() for c in value) or _CONTROL.search(value):
        return "contains spaces or control characters; write the address without them"
    if invisible := invisible_problem(value):
        return invisible
    if "<" in value or ">" in value or '"' in value or "'" in value or "`" in value or "\\" in value:
        return "contains a character that does not belong in an address (< > \" ' ` \\)"
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if value.startswith("//"):
        return "starts with '//'; write the full address with https://"
    if scheme and scheme not in URL_SCHEMES:
        return f"uses '{scheme}:'; an address must start with https:, mailto: or tel:, or be a relative link"
    if scheme == "https" and not parts.netloc:
        return "has no host; write it like https://www.example.dk/page"
    if ":" in value.split("/", 1)[0] and not scheme:
        return "is not a valid address; write it like https://www.example.dk/page"
    return None


def _format(pattern: re.Pattern[str], example: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if plain := plain_text_problem(value):
            return plain
        return None if pattern.match(value) else f"is not a valid value; write it like {example}"
    return check


colour_problem = _format(COLOUR, '"#1d4f7c" (quoted, # and six hexadecimal digits)')
email_problem = _format(EMAIL, "hr@kommune.dk")
phone_problem = _format(PHONE, '"+45 12 34 56 78" (digits, spaces, +, -, parentheses)')
domain_problem = _format(DOMAIN, "kalundborg.dk (lowercase, no https:// and no path)")

# The facts a document states about itself (document_facts.py) that are text, and the rule of each:
# the same under `document:` in organisations.yml, in editions.yml and on make edition's command line.
FACT_FIELDS: dict[str, Callable[[str], str | None]] = {
    key: version_problem if key in ("version", "edition") else plain_text_problem
    for key in FACT_KEYS if key not in DATE_FACTS
}

# Field path (below one organisation) -> the rule it follows.
ORGANISATION_FIELDS: dict[tuple[str, ...], Callable[[str], str | None]] = {
    ("name",): plain_text_problem,
    ("domain",): domain_problem,
    ("statement_url",): url_problem,
    ("palette", "primary"): colour_problem,
    ("palette", "accent"): colour_problem,
    ("contact", "unit"): plain_text_problem,
    ("contact", "name"): plain_text_problem,
    ("contact", "email"): email_problem,
    ("contact", "phone"): phone_problem,
    ("contact", "address"): plain_text_problem,
    ("contact", "said"): plain_text_problem,
    ("contact", "unit_translations", "*"): plain_text_problem,
    ("accessibility_contact", "unit"): plain_text_problem,
    ("accessibility_contact", "name"): plain_text_problem,
    ("accessibility_contact", "email"): email_problem,
    ("accessibility_contact", "phone"): phone_problem,
    ("accessibility_contact", "address"): plain_text_problem,
    ("document", "title"): plain_text_problem,
    ("titles", "*", "*"): plain_text_problem,
    ("document", "title_translations", "*"): plain_text_problem,
    **{("document", key): rule for key, rule in FACT_FIELDS.items()},
}
FRONT_MATTER_FIELDS: dict[str, Callable[[str], str | None]] = {
    "title": plain_text_problem, "owner": plain_text_problem, "nav_title": plain_text_problem,
}


def reads_as(value: Any) -> str:
    """What YAML made of a value, in an author's words: `yes` is true or false, 2024-01-01 a date."""
    if isinstance(value, bool):
        return "true or false"
    for kind, words in ((dt.date, "a date"), (int, "a number"), (float, "a number"), (list, "a list"),
                        (dict, "a mapping of keys to values"), (str, "text")):
        if isinstance(value, kind):
            return words
    return "nothing"


def quoted(text: str) -> str:
    """`text` as a YAML string that reads back as exactly this text."""
    return f'"{text}"' if '"' not in text and "\\" not in text else "'" + text.replace("'", "''") + "'"


def wrong_type(key: str, expected: str, value: Any, written: str | None) -> str:
    """Why `value` is not `expected` (e.g. "text"), quoting what the author wrote, never a Python repr;
    for text, how to keep what was written as text."""
    what = f"{written} reads as" if written else "it reads as"
    message = f"must be {expected}, but {what} {reads_as(value)}"
    if expected == "text" and written:
        message += f"; put it in quotes to keep it as text: {key}: {quoted(written)}"
    return message


def _values(entry: Any, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], Any]]:
    """The values at `path` in `entry` ('*' is every key of a mapping), with their full key paths."""
    found: list[tuple[tuple[str, ...], Any]] = [((), entry)]
    for key in path:
        step: list[tuple[tuple[str, ...], Any]] = []
        for keys, value in found:
            if isinstance(value, dict):
                items = list(value.items()) if key == "*" else ([(key, value[key])] if key in value else [])
                step += [((*keys, str(name)), item) for name, item in items]
        found = step
    return found


def organisation_findings(org_id: str, entry: Any, located: Located) -> list[Finding]:
    """Every field of one organisation entry that breaks its rule, at its line."""
    findings = []
    for path, rule in ORGANISATION_FIELDS.items():
        for keys, value in _values(entry, path):
            if value is None or not isinstance(value, str):
                continue  # missing or not text: the loader reports what is required
            problem = rule(value)
            if problem:
                field = ".".join(keys)
                findings.append(Finding(located.path, located.line("organisations", org_id, *keys),
                                        f"organisation '{org_id}': '{field}' {problem}"))
    return findings


def front_matter_problems(front_matter: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, message) for each text field of a page's front matter that is not plain text."""
    problems = []
    for key, rule in FRONT_MATTER_FIELDS.items():
        value = front_matter.get(key)
        if isinstance(value, str) and (problem := rule(value)):
            problems.append((key, f"front matter '{key}' {problem}"))
    return problems
