"""One allow-list sanitizer for the rendered HTML of every page (nh3, the binding to ammonia).

The build publishes only what `sanitize()` returns (hooks/sanitize.py); `make check` reports
every change it makes, placed on the source line (`unsafe_findings`), so the two cannot
disagree. The allow-list holds the tags, attributes and URL schemes our Markdown extensions
produce, an inert subset of SVG, and nothing that runs code or loads from another host:
no script, no event attributes, no `srcset`, `src` or CSS `url()` pointing elsewhere, no
diagram blocks whose library would come from a CDN. Addresses and CSS values are judged as the
reader's browser reads them (browser_urls.py): after its trimming and its entity and escape
decoding, in every attribute that can hold an address and every value that can hold CSS.

Finding the changes: the original is first normalised by the same parser with everything
allowed, so both sides are serialised alike; then one linear walk over the two token
streams names each element or attribute the sanitizer removed.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from functools import cache
from html.entities import html5 as named_references
from html.parser import HTMLParser
from pathlib import Path

import nh3

from ..files.browser_urls import URL_ATTRIBUTES, css_load, fetches_elsewhere, scheme_of
from ..files.findings import visible
from ..model.sources import Source

TEXT_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark",
    "small", "sub", "sup", "code", "pre", "kbd", "samp", "var", "q", "cite", "blockquote", "abbr", "dfn", "br",
    "hr", "span", "div", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th",
    "td", "caption", "colgroup", "col", "img", "figure", "figcaption", "details", "summary", "section",
    "aside", "time", "wbr",
}
# Inert SVG: shapes, text and gradients. No <a>, <image>, <use>, <foreignObject>, <script>,
# <style>, <animate>/<set> (they can set href), and no attribute that holds an address.
SVG_TAGS = {
    "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "title",
    "desc", "defs", "lineargradient", "radialgradient", "stop", "clippath", "mask",
}
SVG_ATTRIBUTES = {
    "viewbox", "width", "height", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
    "stroke-linecap", "stroke-linejoin", "stroke-opacity", "stroke-dasharray", "opacity", "d", "cx", "cy", "r",
    "rx", "ry", "x", "y", "x1", "y1", "x2", "y2", "dx", "dy", "points", "transform", "xmlns", "offset",
    "stop-color", "stop-opacity", "font-size", "font-weight", "text-anchor", "preserveaspectratio",
    "gradientunits", "clip-rule", "role", "aria-label", "aria-hidden", "focusable",
}
SVG_ATTRIBUTES |= {"viewBox", "preserveAspectRatio", "gradientUnits"}  # the parser keeps SVG's camelCase
SVG_TAGS |= {"linearGradient", "radialGradient", "clipPath"}
GENERIC_ATTRIBUTES = {"id", "class", "title", "lang", "dir", "aria-label", "aria-labelledby", "aria-hidden", "role"}
TAG_ATTRIBUTES = {
    "a": {"href", "hreflang", "type"},  # a link to a PDF says its type and language (our editions page)
    "img": {"src", "alt", "width", "height", "loading", "srcset"},
    "th": {"style", "align", "colspan", "rowspan", "scope"},
    "td": {"style", "align", "colspan", "rowspan"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# The only style our Markdown writes: table column alignment.
ALLOWED_STYLE = re.compile(r"^\s*text-align\s*:\s*(?:left|right|center|justify)\s*;?\s*$", re.IGNORECASE)
DIAGRAM_CLASSES = {"mermaid"}
# Attributes that hold words for the reader, never CSS: "url(" in an image's description is text.
TEXT_ATTRIBUTES = {"alt", "title", "aria-label"}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def _css_load(name: str, value: str) -> str | None:
    """What the value of attribute `name` would load as CSS: every attribute but plain text and
    addresses (judged as addresses: a link to '…/image(1).png' is no CSS) is judged, as SVG reads its
    presentation attributes (fill, stroke, marker-*, clip-path, mask, filter, cursor …) as CSS, and
    an attribute added to the allow-list later is covered from the start."""
    return None if name in TEXT_ATTRIBUTES or name in URL_ATTRIBUTES else css_load(value)


# The ids our own templates give elements around the content: the skip link's target
# (skip_link.TARGET_ID) and the front door's contents heading (partials/guide-front-door.html).
TEMPLATE_IDS = {"guide-content", "guide-contents"}


def _theme_id(name: str, value: str) -> bool:
    """An id the theme keeps for itself. Material reads its settings from the first `#__config` in
    the page (the content comes before its own), and `__search`, `__drawer`, `__palette_0`… are
    its controls: an editor's element with such an id could switch on features or take them over.
    Our templates' own ids would be given twice: the skip link and the contents' label would lead
    to the editor's element."""
    return name == "id" and (value.strip().startswith("__") or value.strip() in TEMPLATE_IDS)


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    if _theme_id(name, value):
        return None
    if name in URL_ATTRIBUTES and fetches_elsewhere(tag, name, value):
        return None
    if _css_load(name, value):
        return None
    if name == "style" and not ALLOWED_STYLE.match(value):
        return None
    if name == "class":
        kept = [token for token in value.split() if token.lower() not in DIAGRAM_CLASSES]
        return " ".join(kept) if kept else None
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    attributes = {tag: set(names) for tag, names in TAG_ATTRIBUTES.items()}
    attributes["*"] = set(GENERIC_ATTRIBUTES)
    for tag in SVG_TAGS:
        attributes[tag] = attributes.get(tag, set()) | SVG_ATTRIBUTES
    return nh3.Cleaner(
        tags=TEXT_TAGS | SVG_TAGS,
        clean_content_tags={"script", "style", "template", "noscript", "iframe", "object", "embed",
                            "textarea", "select", "xmp"},
        attributes=attributes,
        attribute_filter=_attribute_filter,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def _normalise(html: str) -> str:
    """The same parse and serialisation as `sanitize`, with every tag, attribute and scheme kept."""
    decoded = htmllib.unescape(html).replace("\t", "").replace("\n", "").replace("\r", "")
    schemes = {match.lower() for match in _SCHEME.findall(decoded)}
    # A tag name as the HTML tokenizer reads it (up to a space, '/' or '>'), so '<tel:+45…>' and
    # '<www.example.dk/x>' are elements here too, and their removal is reported, not silent.
    tags = {match.lower() for match in re.findall(r"<\s*([A-Za-z][^\s/>]*)", html)}
    return nh3.clean(html, tags=tags | TEXT_TAGS | SVG_TAGS, clean_content_tags=set(),
                     generic_attribute_prefixes={""}, url_schemes=schemes | URL_SCHEMES, link_rel=None,
                     strip_comments=True)


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
        if _theme_id(name, value):
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
        if name != "style" and (load := _css_load(name, value)):
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
    clean = _cleaner().clean(html)
    normal = _normalise(html)
    return Sanitized(clean, [] if normal == clean else _differences(normal, clean))


@cache
def _references() -> dict[str, list[str]]:
    """Each character's named character references ('&apos;', '&colon;'), to find a value as written."""
    names: dict[str, list[str]] = {}
    for name, char in named_references.items():
        if len(char) == 1 and name.endswith(";"):
            names.setdefault(char, []).append(re.escape("&" + name))
    return names


def _as_written(value: str) -> str:
    """A pattern for `value` as the source may spell it: each character itself or as a character
    reference ('&#1;//host/x.png' is the src '\\x01//host/x.png'), so a value that the parser decoded
    is still found on its own line."""
    parts = []
    for char in value:
        hexadecimal = "".join(f"[{d}{d.upper()}]" if d.isalpha() else d for d in f"{ord(char):x}")
        spellings = [re.escape(char), f"&#0*{ord(char)};?", f"&#[xX]0*{hexadecimal};?", *_references().get(char, [])]
        parts.append(f"(?:{'|'.join(spellings)})")
    return "".join(parts)


def _patterns(change: Change) -> list[re.Pattern[str]]:
    """How a change may have been written in the source, most telling first."""
    tag = re.escape(change.tag)
    if change.attribute is None:
        return [re.compile(rf"<\s*{tag}\b", re.IGNORECASE), re.compile(re.escape(change.tag), re.IGNORECASE)]
    name = re.escape(change.attribute)
    forms = [re.compile(_as_written(change.value[:60]))] if change.value.strip() else []
    return [*forms,
            re.compile(rf"<\s*{tag}\b[^>]*(?<![\w:-]){name}\s*=", re.IGNORECASE),  # on its own element
            re.compile(rf"(?<![\w:-]){name}\s*=", re.IGNORECASE),  # attr_list: {: name="..." }
            re.compile(name, re.IGNORECASE)]


def unsafe_findings(source: Source, html: str, snippet_texts: list[str] | None = None) -> list[tuple[int, str]]:
    """(line, message) for each change sanitizing makes to `source`'s rendered `html`.

    A change that comes from an included snippet is the snippet's finding (its text holds it);
    one that cannot be placed goes on the first line of the body.
    """
    from .rendered import (
        _Locator,  # the same placing as every other finding: linear, in order
    )

    locate = _Locator(source)
    results: list[tuple[int, str]] = []
    for change in sanitize(html).changes:
        line = None
        for pattern in _patterns(change):
            line = locate.line_of(pattern.pattern, pattern)
            if line is not None:
                break
            if snippet_texts and any(pattern.search(text) for text in snippet_texts):
                line = -1
                break
        if line == -1:
            continue
        item = (line or source.body_line, change.message())
        if item not in results:
            results.append(item)
    return results


def snippet_texts(source: Source, snippets_dir: Path) -> list[str]:
    """The texts of the snippets `source` includes (directly), for telling their findings apart."""
    texts = []
    for include in source.includes:
        path = snippets_dir / include.file
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts
