"""Reading Word (.docx, python-docx) and OpenDocument (.odt, odfpy) documents into blocks, by their styles."""

from __future__ import annotations

import re
from pathlib import Path

from .document_blocks import MAX_BLOCKS, Block, Kind, TooLong


def _heading_level(style: str) -> int | None:
    match = re.search(r"(?:heading|overskrift)\s*(\d)", style, re.IGNORECASE)
    return int(match[1]) if match else None


def read_docx(path: Path) -> list[Block]:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.table import Table

    document = docx.Document(str(path))
    blocks: list[Block] = []
    # Each paragraph's style name from one table made once: python-docx's own `paragraph.style` scans every
    # style of the document per paragraph (about 10 ms each; 200,000 paragraphs took hours).
    names = {style.style_id: style.name or "" for style in document.styles}
    default = next((style.name or "" for style in document.styles
                    if style.type == WD_STYLE_TYPE.PARAGRAPH and style.element.default), "")

    def style_name(p: object) -> str:
        properties = p._p.pPr  # type: ignore[attr-defined]
        style_id = properties.pStyle.val if properties is not None and properties.pStyle is not None else None
        return names.get(style_id, default) if style_id else default  # an unknown id reads as the default, as in Word

    def paragraph(p: object) -> None:
        if len(blocks) >= MAX_BLOCKS:  # the whole count is reported; no need to build more of them
            raise TooLong(len(document.element.body.findall(".//" + qn("w:p"))))
        style = style_name(p)
        text = "".join(_docx_inline(part) for part in p.iter_inner_content())  # type: ignore[attr-defined]
        level = _heading_level(style)
        if style.lower().startswith("toc") or style.lower().startswith("indholdsfortegnelse"):
            blocks.append(Block("toc", text))
        elif style.lower() in ("title", "titel", "tittel"):
            blocks.append(Block("title", text))
        elif level is not None:
            blocks.append(Block("heading", text, level))
        elif "list" in style.lower() or p._p.pPr is not None and p._p.pPr.numPr is not None:  # type: ignore[attr-defined]
            blocks.append(Block("item", text))
        else:
            blocks.append(Block("paragraph", text))

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        paragraph(p)
        else:
            paragraph(item)
    return blocks


def _docx_inline(part: object) -> str:
    """A run's text; a hyperlink as a Markdown link (one to nowhere as `(#)`, which the importer removes)."""
    from docx.text.hyperlink import Hyperlink

    if not isinstance(part, Hyperlink):
        return str(part.text)  # type: ignore[attr-defined]
    target = part.address + (f"#{part.fragment}" if part.fragment else "")
    return f"[{part.text}]({target if target not in ('', '#') else '#'})"


def read_odt(path: Path) -> list[Block]:
    from odf import teletype
    from odf.opendocument import load

    document = load(str(path))
    blocks: list[Block] = []

    def walk(node: object, in_list: bool) -> None:
        for child in getattr(node, "childNodes", []):
            name = getattr(child, "qname", (None, None))[1]
            if name == "h":
                level = child.getAttribute("outlinelevel")  # type: ignore[attr-defined]
                blocks.append(Block("heading", teletype.extractText(child), int(level) if level else 1))
            elif name == "p":
                style = str(child.getAttribute("stylename") or "")  # type: ignore[attr-defined]
                kind: Kind = ("toc" if style.lower().startswith(("contents", "toc")) else
                              "title" if style.lower() == "title" else "item" if in_list else "paragraph")
                blocks.append(Block(kind, teletype.extractText(child)))
            elif name in ("list", "list-item"):
                walk(child, True)
            elif name in ("table-of-content", "index-body"):
                for text in teletype.extractText(child).splitlines():
                    blocks.append(Block("toc", text))
            elif name in ("section", "table", "table-row", "table-cell"):
                walk(child, in_list)

    walk(document.text, False)
    return blocks
