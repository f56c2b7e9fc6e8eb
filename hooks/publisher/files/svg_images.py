"""SVG images that cannot run code or load anything.

An SVG is accepted only when it holds shapes, text, gradients and styles: opened on its own it is
still a document a reader can open, where scripts would run and references would be loaded.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path

from .browser_urls import URL_ATTRIBUTES, browser_address, css_load
from .findings import visible

SVG_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "object", "embed", "image", "use", "feimage",
                          "animate", "set", "animatemotion", "animatetransform", "a", "handler", "listener"}
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"


def _local_reference(value: str) -> bool:
    """A reference to the image itself (#id), as the browser reads the address."""
    return browser_address(value).startswith("#")


def _parse_svg(data: bytes) -> tuple[etree.Element, list[str]]:
    """The SVG's root element, and its processing instructions (before the root too, where
    `<?xml-stylesheet?>` loads a style sheet and a plain parse drops them)."""
    parser = etree.XMLPullParser(events=("start", "pi"))
    parser.feed(data)
    parser.close()
    root, instructions = None, []
    for event, item in parser.read_events():
        if event == "pi":
            instructions.append(str(item.text or ""))
        elif root is None:
            root = item
    if root is None:
        raise etree.ParseError("no element found")
    return root, instructions


def svg_problem(path: Path) -> str | None:
    """Why an SVG image could run code or load something, or None.

    Opened on its own, an SVG is a document: what it refers to is loaded. Addresses and CSS are
    read as the browser reads them (browser_urls.py): the XML parser has decoded character
    references, and CSS escapes and comments are decoded before looking for url() or @import."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"cannot be read ({error.strerror}); save it again"
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return "declares a DOCTYPE or entities; save the SVG without them (e.g. 'Plain SVG' in Inkscape)"
    try:
        root, instructions = _parse_svg(data)
    except etree.ParseError as error:
        return f"is not well-formed SVG ({error}); export it again"
    for instruction in instructions:
        if instruction.strip().lower().startswith("xml-stylesheet"):
            return (f"has '<?{visible(instruction[:60])}?>', which loads a style sheet; remove it and style the "
                    f"image inside it")
    for element in root.iter():
        namespace, _, local = str(element.tag).rpartition("}")
        name = local.lower()
        if namespace.lstrip("{") == XHTML_NAMESPACE:
            return (f"holds an HTML element <{name}>, which loads and runs in an SVG document as in a web page; "
                    f"an SVG image may hold only shapes, text, gradients and styles, so remove it")
        if name in SVG_FORBIDDEN_ELEMENTS:
            return (f"holds <{name}>, which can run code or load another file; an SVG image may hold only "
                    f"shapes, text, gradients and styles, so remove it")
        if name == "style" and css_load("".join(element.itertext())):
            return "has a <style> that loads another file (url(), image-set() or @import); remove that rule"
        for attribute, value in element.attrib.items():
            attribute = attribute.rsplit("}", 1)[-1].lower()
            if attribute.startswith("on"):
                return f"has an event attribute '{attribute}=' on <{name}>, which runs code; remove it"
            if (attribute in URL_ATTRIBUTES or attribute == "base") and not _local_reference(value):  # xml:base
                return (f"refers to '{visible(value[:60])}' ({attribute}= on <{name}>); an SVG image may refer only "
                        f"to itself (#id)")
            if css_load(value):
                return f"loads '{visible(value[:60])}' ({attribute}= on <{name}>); use only url(#id) references"
    return None
