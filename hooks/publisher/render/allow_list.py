"""The allow-list: which elements, attributes, URL schemes and styles a page's HTML may keep.

It holds the tags, attributes and URL schemes our Markdown extensions produce, an inert subset of
SVG, and nothing that runs code or loads from another host: no script, no event attributes, no
`srcset`, `src` or CSS `url()` pointing elsewhere, no diagram blocks whose library would come from
a CDN. Addresses and CSS values are judged as the reader's browser reads them (browser_urls.py).
`normalise` parses with everything allowed, so sanitize.py can compare both sides serialised alike.
"""

from __future__ import annotations

import html as htmllib
import re
from functools import cache

import nh3

from ..files.browser_urls import URL_ATTRIBUTES, css_load, fetches_elsewhere

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


def attribute_css_load(name: str, value: str) -> str | None:
    """What the value of attribute `name` would load as CSS: every attribute but plain text and
    addresses (judged as addresses: a link to '…/image(1).png' is no CSS) is judged, as SVG reads its
    presentation attributes (fill, stroke, marker-*, clip-path, mask, filter, cursor …) as CSS, and
    an attribute added to the allow-list later is covered from the start."""
    return None if name in TEXT_ATTRIBUTES or name in URL_ATTRIBUTES else css_load(value)


# The ids our own templates give elements around the content: the skip link's target
# (skip_link.TARGET_ID) and the front door's contents heading (partials/guide-front-door.html).
TEMPLATE_IDS = {"guide-content", "guide-contents"}


def is_theme_id(name: str, value: str) -> bool:
    """An id the theme keeps for itself. Material reads its settings from the first `#__config` in
    the page (the content comes before its own), and `__search`, `__drawer`, `__palette_0`… are
    its controls: an editor's element with such an id could switch on features or take them over.
    Our templates' own ids would be given twice: the skip link and the contents' label would lead
    to the editor's element."""
    return name == "id" and (value.strip().startswith("__") or value.strip() in TEMPLATE_IDS)


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    if is_theme_id(name, value):
        return None
    if name in URL_ATTRIBUTES and fetches_elsewhere(tag, name, value):
        return None
    if attribute_css_load(name, value):
        return None
    if name == "style" and not ALLOWED_STYLE.match(value):
        return None
    if name == "class":
        kept = [token for token in value.split() if token.lower() not in DIAGRAM_CLASSES]
        return " ".join(kept) if kept else None
    return value


@cache
def cleaner() -> nh3.Cleaner:
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


def normalise(html: str) -> str:
    """The same parse and serialisation as `sanitize`, with every tag, attribute and scheme kept."""
    decoded = htmllib.unescape(html).replace("\t", "").replace("\n", "").replace("\r", "")
    schemes = {match.lower() for match in _SCHEME.findall(decoded)}
    # A tag name as the HTML tokenizer reads it (up to a space, '/' or '>'), so '<tel:+45…>' and
    # '<www.example.dk/x>' are elements here too, and their removal is reported, not silent.
    tags = {match.lower() for match in re.findall(r"<\s*([A-Za-z][^\s/>]*)", html)}
    return nh3.clean(html, tags=tags | TEXT_TAGS | SVG_TAGS, clean_content_tags=set(),
                     generic_attribute_prefixes={""}, url_schemes=schemes | URL_SCHEMES, link_rel=None,
                     strip_comments=True)
