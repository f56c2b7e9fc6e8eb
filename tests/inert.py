"""Is built output inert? Executable markup a hostile input could have smuggled into a page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background",
                  "ping", "imagesrcset", "lowsrc", "codebase", "cite"}
MARKER = "alert("  # every hostile input in the tests calls alert(...)
C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
# SVG presentation attributes that take url(): anything but url(#id) loads a file.
PAINT_ATTRIBUTES = {"fill", "stroke", "marker-start", "marker-mid", "marker-end", "clip-path", "mask", "filter",
                    "cursor"}


class _Inert(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._script = tag == "script"
        for name, value in attrs:
            # As the browser's URL parser reads it: C0 controls and spaces trimmed (str.strip() keeps U+0001).
            value = (value or "").strip(C0_OR_SPACE).lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and value.replace("\t", "").replace("\n", "").startswith(
                    ("javascript:", "vbscript:", "data:text/html", "file:")):
                self.problems.append(f"<{tag} {name}={value[:40]}>")
            if name == "style" and ("url(" in value or "image-set" in value):
                self.problems.append(f"<{tag} style={value[:40]}>")
            if name in PAINT_ATTRIBUTES and ("\\" in value or re.search(r"url\(\s*['\"]?\s*[^#\s'\"]", value)):
                self.problems.append(f"<{tag} {name}={value[:40]}>")  # SVG reads it as CSS: url() loads, \ escapes
            if tag == "script" and name == "src" and MARKER in value:
                self.problems.append(f"<script src={value[:40]}>")
        if tag in ("iframe", "object", "embed", "foreignobject", "base"):
            self.problems.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script and MARKER in data:
            self.problems.append(f"<script>{data.strip()[:40]}</script>")


def executable_markup(html: str) -> list[str]:
    """Each piece of markup in `html` that could run code or leak a local file."""
    parser = _Inert()
    parser.feed(html)
    parser.close()
    return parser.problems
