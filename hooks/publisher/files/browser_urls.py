"""Addresses and CSS as a browser reads them, for deciding what a page or image would fetch.

A check that reads an address the way Python does misses what a browser does with it: the URL
parser drops leading and trailing C0 control characters and spaces (`str.strip()` keeps U+0001)
and removes tabs and line breaks anywhere; the HTML parser has already decoded character
references; the CSS parser decodes escapes (`u\\72l(` is `url(`, `@\\69mport` is `@import`) and
skips comments. Everything here works on the value after those steps (the HTML parser's
decoding is done by the caller's parser), so the sanitizer and the SVG check judge the address
the reader's browser would request.
"""

from __future__ import annotations

import re

# Every attribute that can hold an address (HTML, SVG, MathML and legacy ones), by the name the
# parser gives it. The sanitizer allows few of them; screening them all keeps that true if the
# allow-list grows.
URL_ATTRIBUTES = frozenset({
    "href", "xlink:href", "src", "srcset", "imagesrcset", "poster", "action", "formaction", "background",
    "data", "ping", "cite", "longdesc", "lowsrc", "dynsrc", "codebase", "classid", "archive", "usemap",
    "manifest", "profile", "icon", "itemtype", "itemid", "xml:base", "xmlns:xlink", "attributionsrc",
})
# Those a browser requests by itself, without a reader's click: only files of the site.
FETCHED_ATTRIBUTES = URL_ATTRIBUTES - {"href", "xlink:href", "cite", "longdesc", "usemap", "itemtype", "itemid",
                                       "xmlns:xlink", "action", "formaction"}
# Attributes whose address lists candidates (an address, then a width or density).
CANDIDATE_LISTS = frozenset({"srcset", "imagesrcset", "ping", "archive"})

_C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_ASCII_WHITESPACE_OR_COMMA = re.compile(r"[\t\n\f\r ,]+")


def browser_address(value: str) -> str:
    """`value` as the URL parser reads it: C0 controls and spaces trimmed, tabs and line breaks removed."""
    return _TAB_OR_NEWLINE.sub("", value.strip(_C0_OR_SPACE))


def scheme_of(value: str) -> str:
    """The scheme a browser finds in `value` ('' for a relative address), lowercased."""
    match = _SCHEME.match(browser_address(value))
    return match.group(0)[:-1].lower() if match else ""


def is_local(value: str) -> bool:
    """A relative address inside the site: no scheme, no host ('//'), not from the server root.

    A browser reads a backslash as a slash in web addresses, so '\\\\host' and '/\\host' lead to another
    host as well."""
    address = browser_address(value)
    return not (scheme_of(address) or address.startswith(("/", "\\")))


def candidates(value: str) -> list[str]:
    """Every address a candidate list (srcset, ping) may hold.

    Each piece between white space and commas counts: descriptors ('2x', '300w') are local
    anyway, and a piece the browser would read as part of another address is judged too, so no
    split the browser makes can yield an address this one did not judge."""
    return [piece for piece in _ASCII_WHITESPACE_OR_COMMA.split(value) if piece]


def fetches_elsewhere(tag: str, name: str, value: str) -> bool:
    """Whether a browser would fetch something outside the site for attribute `name` of `<tag>`.

    A link (`href` of <a> and <area>) is followed only when the reader chooses to; on any other
    element (SVG's <use>, <image>, <feImage>, HTML's <link>) the address is loaded with the page."""
    if name in CANDIDATE_LISTS:
        return not all(is_local(piece) for piece in candidates(value))
    fetched = name in FETCHED_ATTRIBUTES or (name in ("href", "xlink:href") and tag.lower() not in ("a", "area"))
    return fetched and not is_local(value)


def _without_comments(css: str) -> str:
    """`css` with its comments left out; text inside strings is kept as it is (a '/*' there is text)."""
    kept: list[str] = []
    position, length = 0, len(css)
    while position < length:
        char = css[position]
        if char in "\"'":
            end = position + 1
            while end < length and css[end] != char:
                end += 2 if css[end] == "\\" else 1
            kept.append(css[position:end + 1])
            position = end + 1
        elif css.startswith("/*", position):
            end = css.find("*/", position + 2)
            position = length if end < 0 else end + 2
        else:
            kept.append(char)
            position += 1
    return "".join(kept)


_CSS_ESCAPE = re.compile(r"\\(?:([0-9A-Fa-f]{1,6})(?:\r\n|[ \t\n\r\f])?|(.)|$)", re.DOTALL)


def _unescape(match: re.Match[str]) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return "\ufffd" if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF else chr(code)
    escaped = match.group(2)
    if escaped is None:
        return "\ufffd"  # a backslash at the very end
    return "" if escaped in "\n\r\f" else escaped  # an escaped line break continues a string


def css_text(css: str) -> str:
    """`css` as the CSS parser reads it: comments skipped, escapes decoded."""
    return _CSS_ESCAPE.sub(_unescape, _without_comments(css))


# Functions that load a file from their argument. `url()` of a fragment (#id) refers to the same
# document (an SVG gradient, clip path or mask) and is the one use an image needs.
_LOADING_FUNCTION = re.compile(r"(?<![\w-])(?:-[a-z]+-)?(url|src|image-set|image|cross-fade)\s*\(", re.IGNORECASE)


def css_load(css: str) -> str | None:
    """What in `css` (a style sheet, a style attribute or an SVG presentation attribute) would make a
    browser load a file, as written after decoding (e.g. 'url(https://x.dk/a.svg)'), or None."""
    text = css_text(css)
    at_import = re.search(r"@import\b", text, re.IGNORECASE)
    if at_import:
        return text[at_import.start():at_import.start() + 60].strip()
    for match in _LOADING_FUNCTION.finditer(text):
        closing = text.find(")", match.end())
        shown = text[match.start():closing + 1 if closing >= 0 else match.start() + 60]
        if match.group(1).lower() != "url":
            return shown
        argument = text[match.end():closing if closing >= 0 else len(text)].strip(" \t\n\r\f")
        if argument[:1] in "\"'":
            argument = argument[1:-1] if argument.endswith(argument[0]) and len(argument) > 1 else argument[1:]
        if not browser_address(argument).startswith("#"):
            return shown
    return None
