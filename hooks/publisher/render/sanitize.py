"""One allow-list sanitizer for the rendered HTML of every page (nh3, the binding to ammonia).

The build publishes only what `sanitize()` returns (hooks/sanitize.py); `make check` reports
every change it makes, placed on the source line (sanitize_findings.py), so the two cannot
disagree. What is kept is allow_list.py's; this module names what was removed, and why.

Finding the changes: the original is first normalised by the same parser with everything
allowed, so both sides are serialised alike; then one linear walk over the two token
streams names each element or attribute the sanitizer removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from ..files.browser_urls import URL_ATTRIBUTES, fetches_elsewhere, scheme_of
from ..files.findings import visible
from .allow_list import (
    DIAGRAM_CLASSES,
    TAG_ATTRIBUTES,
    TEMPLATE_IDS,
    URL_SCHEMES,
    attribute_css_load,
    cleaner,
    is_theme_id,
    normalise,
)


@dataclass(frozen=True)
class Change:
    """One thing the sanitizer removed: an element, or an attribute of an element."""

    tag: str
    attribute: str | None = None
    value: str = ""

    def message(self) -> str:
        tag, name, value = self.tag, self.attribute, self.value
        shown = visible(value if len(value) <= 80 else value[:77] + "...")
        if name is None:
            if ":" in tag or "." in tag or "@" in tag:
                return (f"'<{tag}…>' looks like an address in angle brackets, which Markdown makes a link only "
                        f"for https:, http: and e-mail addresses: the text would vanish from the page. Write a "
                        f"link, e.g. [text](https://…) or [+45 12 34 56 78](tel:+4512345678), or drop the brackets")
            if tag in ("script", "noscript", "template"):
                return f"<{tag}> runs code in the reader's browser and is removed from the page; remove it"
            if tag in ("iframe", "object", "embed", "frame", "frameset", "link", "base", "meta", "form", "input",
                       "button", "style", "audio", "video", "source", "track", "image", "use", "foreignobject",
                       "textarea", "select"):
                return (f"<{tag}> can run code, load another site or submit data, and is removed from the page; "
                        f"remove it (write Markdown, and save images and files beside the page)")
            return (f"<{tag}> is not among the elements a guideline may use, and is removed from the page; "
                    f"remove it or write the same with Markdown")
        if is_theme_id(name, value):
            if value.strip() in TEMPLATE_IDS:
                return (f"id=\"{shown}\" on <{tag}> is removed: the site's template gives this id to its own "
                        f"element (the skip link and the contents lead there); choose another id, e.g. "
                        f"{{#{value.strip()}-1}} after a heading")
            return (f"id=\"{shown}\" on <{tag}> is removed: ids that start with '__' belong to the site's theme "
                    f"(its settings and controls); choose an id without the leading underscores")
        if name.startswith("on"):
            return f"event handler '{name}=' on <{tag}> runs code in the reader's browser; remove the attribute"
        if name == "class" and any(token.lower() in DIAGRAM_CLASSES for token in value.split()):
            return ("a diagram block (mermaid) would make readers' browsers load a diagram library from another "
                    "host; draw the diagram as an image (SVG or PNG) beside the page and show it with ![text](file)")
        if name in URL_ATTRIBUTES and fetches_elsewhere(tag, name, value):
            return (f"{name}=\"{shown}\" on <{tag}> loads a file from another host, which tells that host about "
                    f"every reader; save the file in the organisation's folder and link to it there")
        if name != "style" and (load := attribute_css_load(name, value)):
            return (f"{name}=\"{shown}\" on <{tag}> loads a file ({visible(load[:60])}), which a browser fetches "
                    f"with the page; an image may use only url(#id), a reference to its own gradients, clip paths "
                    f"and masks: draw with those or save the image as a file beside the page")
        if name == "style" and "style" not in TAG_ATTRIBUTES.get(tag, ()):
            return (f"style=\"{shown}\" on <{tag}> is removed: only a table cell may carry a style (its "
                    f"text-align); use the site's own styles")
        if name == "style":
            return (f"style=\"{shown}\" on <{tag}> is removed: a style attribute may only set text-align, and "
                    f"never load anything (url(), image-set(), @import); use the site's own styles")
        if name in URL_ATTRIBUTES and value:
            scheme = scheme_of(value)
            if scheme and scheme not in URL_SCHEMES:
                return (f"'{scheme}:' addresses are not allowed ({name}=\"{shown}\" on <{tag}>): links use https:, "
                        f"http:, mailto:, tel: or a relative address inside the site; remove or replace it")
        return f"attribute '{name}=' on <{tag}> is not allowed in a guideline and is removed; remove it"


@dataclass(frozen=True)
class Sanitized:
    html: str
    changes: list[Change]


class _Tokens(HTMLParser):
    """Start tags with attributes, end tags and text: the token stream of serialised HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple[str, str, tuple[tuple[str, str], ...] | str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("start", tag, tuple((name, value or "") for name, value in attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(("end", tag, ""))

    def handle_data(self, data: str) -> None:
        if self.tokens and self.tokens[-1][0] == "data":
            self.tokens[-1] = ("data", "", str(self.tokens[-1][2]) + data)
        else:
            self.tokens.append(("data", "", data))


def _tokens(html: str) -> list[tuple[str, str, tuple[tuple[str, str], ...] | str]]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


def _differences(before: str, after: str) -> list[Change]:
    """What was removed from `before` to give `after`; one pass over both (they share a serialiser)."""
    old, new = _tokens(before), _tokens(after)
    changes: list[Change] = []
    j = 0
    pending = ""  # the unread rest of a text token of `after` (removed elements merge texts)
    for kind, tag, value in old:
        if kind == "data":
            text = str(value)
            if not pending and j < len(new) and new[j][0] == "data":
                pending = str(new[j][2])
                j += 1
            if pending.startswith(text):
                pending = pending[len(text):]
            continue  # text inside a removed element (script, style): reported with the element
        if pending:
            pending = ""
        if j < len(new) and new[j][0] == kind and new[j][1] == tag:
            if kind == "start" and new[j][2] != value:
                kept = dict(new[j][2])  # type: ignore[arg-type]
                changes += [Change(tag, name, text) for name, text in value  # type: ignore[union-attr]
                            if kept.get(name) != text]
            j += 1
        elif kind == "start":
            changes.append(Change(tag))
    return changes


def sanitize(html: str) -> Sanitized:
    """The allow-listed `html`, and what was removed from it."""
    clean = cleaner().clean(html)
    normal = normalise(html)
    return Sanitized(clean, [] if normal == clean else _differences(normal, clean))
