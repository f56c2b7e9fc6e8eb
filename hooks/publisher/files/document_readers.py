"""Reading an organisation's document into blocks: headings, paragraphs and list items, in order.

One small reader per format, each with a maintained library: python-docx (Word), odfpy (ODT),
pypdf (PDF, with font sizes) and plain text. A reader keeps the words exactly as the document has
them; deciding what is an artefact (page numbers, a printed table of contents) is the importer's
job (publisher/commands/import_document.py), so every format is cleaned the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .findings import Finding, PublisherError

Kind = Literal["title", "heading", "paragraph", "item", "toc"]
FORMATS = (".docx", ".odt", ".pdf", ".txt")
NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$")
BULLET = re.compile(r"^\s*(?:[-*•–·▪o]\s+)+")
PAGE_NUMBER = re.compile(r"^\s*(?:(?:side|page|s\.)\s*)?\d{1,3}(?:\s*(?:af|av|of|/)\s*\d{1,3})?\s*$", re.IGNORECASE)
HEADING_SIZE_RATIO = 1.15  # a PDF line this much larger than the body text is a heading
# What an author can do about a document without text, by format: an empty .txt is the wrong file, a
# Word or ODT file may hold its text as pictures, and a PDF without a text layer is a scan.
NO_TEXT = {
    ".txt": "the document holds no text (the file is empty or blank), so nothing was changed; give the file "
            "that holds the guidelines' text",
    ".docx": "the document holds no text, so nothing was changed; open it in Word, check that it holds the "
             "guidelines as text (not as pictures of text) and save it again",
    ".odt": "the document holds no text, so nothing was changed; open it in LibreOffice, check that it holds the "
            "guidelines as text (not as pictures of text) and save it again",
    ".pdf": "the PDF holds no text (a scan without a text layer?), so nothing was changed; run text recognition "
            "(OCR) on it first, or import the Word document instead",
}


# A guideline holds a few hundred paragraphs. Beyond this many, reading, cleaning and measuring the coverage
# of a document would take minutes (each sentence is looked up in the pages): it is refused, with its count.
MAX_BLOCKS = 5000


class TooLong(Exception):
    """The document holds more paragraphs than MAX_BLOCKS (how many, where a reader can count them)."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


def too_long(display: str, count: int) -> PublisherError:
    return PublisherError([Finding(display, 1, (
        f"the document holds {count} paragraphs; a guideline holds a few hundred, and make import reads at most "
        f"{MAX_BLOCKS}, so nothing was changed: import only the guideline (save that part as a document of its own)"))])


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str
    level: int = 0  # headings: 1 is a top-level heading (a page of its own)


def read_document(path: Path, display: str) -> list[Block]:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise PublisherError([Finding(display, 1, f"cannot read '{path.suffix}' documents: give a "
                                                  f"{', '.join(FORMATS)} file (save it in one of these formats)")])
    if not path.is_file():
        raise PublisherError([Finding(display, 1, "no such file: give the path of the organisation's document")])
    reader = {".docx": read_docx, ".odt": read_odt, ".pdf": read_pdf, ".txt": read_txt}[suffix]
    try:
        blocks = reader(path)
    except TooLong as error:
        raise too_long(display, error.count) from None
    except UnicodeDecodeError as error:  # a .txt in another encoding: the line of its first foreign byte
        line = error.object[:error.start].count(b"\n") + 1
        raise PublisherError([Finding(display, line, (
            f"the document is not UTF-8 text (byte 0x{error.object[error.start]:02x} on this line), so nothing was "
            f"changed: open it in a text editor and save it with UTF-8 encoding"))]) from None
    except Exception as error:  # a damaged or mislabelled file: say so, with the library's reason
        raise PublisherError([Finding(display, 1, f"could not read the document ({type(error).__name__}: {error}); "
                                                  f"open it in its program and save it again")]) from None
    blocks = [block for block in blocks if block.text.strip()]
    if len(blocks) > MAX_BLOCKS:  # the other readers are linear: their whole count is known
        raise too_long(display, len(blocks))
    if not any(has_words(block.text) for block in blocks):  # else the import replaces the start page with nothing
        raise PublisherError([Finding(display, 1, NO_TEXT[suffix])])
    return blocks


def has_words(text: str) -> bool:
    """Whether text holds a letter or digit: blank lines, bullets and rules alone are no text."""
    return any(character.isalnum() for character in text)


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


@dataclass
class _Line:
    text: str
    size: float
    x: float
    y: float
    page: int


def _pdf_lines(path: Path) -> list[_Line]:
    import pypdf

    lines: list[_Line] = []
    for number, page in enumerate(pypdf.PdfReader(str(path)).pages):
        parts: list[tuple[float, float, float, str]] = []
        top = float(page.mediabox.top)

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float, top: float = top,
                  parts: list[tuple[float, float, float, str]] = parts) -> None:
            # Where the text starts on the page (its text matrix through the CTM), as a distance from the
            # page's top edge: whether the PDF's y grows upwards (the default: Word, LibreOffice) or
            # downwards (a flipped CTM, as WeasyPrint writes), a smaller distance is higher on the page.
            if text.strip():
                scale = abs(tm[3] * cm[3]) or 1.0
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                parts.append((round(top - y, 1), x, size * scale, text))

        page.extract_text(visitor_text=visit)
        rows: dict[float, list[tuple[float, float, str]]] = {}
        for y, x, size, text in parts:
            rows.setdefault(y, []).append((x, size, text))
        for y in sorted(rows):
            row = sorted(rows[y])
            text = " ".join(t.strip() for _, _, t in row if t.strip())
            lines.append(_Line(text, max(size for _, size, t in row if t.strip() and t.strip() not in "•·▪-–"),
                               row[0][0], y, number))
    return lines


def read_pdf(path: Path) -> list[Block]:
    """Lines grouped into blocks; headings by font size where the PDF has them, else by their shape."""
    lines = _pdf_lines(path)
    if not lines:
        return []  # a scan without a text layer: read_document says so, with the file as the author gave it
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0]
    merged: list[_Line] = []  # a heading wrapped over several lines is one heading
    for line in lines:
        last = merged[-1] if merged else None
        if (last is not None and line.size >= body * HEADING_SIZE_RATIO and round(line.size, 1) == round(last.size, 1)
                and line.page == last.page and 0 < line.y - last.y < 2 * line.size
                and not _is_page_number(line.text) and not _is_page_number(last.text)):
            last.text = f"{last.text} {line.text}"
            last.y = line.y
        else:
            merged.append(line)
    lines = merged
    larger = sorted({round(line.size, 1) for line in lines
                     if line.size >= body * HEADING_SIZE_RATIO and not _is_page_number(line.text)}, reverse=True)
    title_size = None
    if (larger and sum(1 for line in lines if round(line.size, 1) == larger[0]) == 1
            and round(lines[0].size, 1) == larger[0]):
        title_size = larger.pop(0)  # a single largest line on the front page: the document's title
    blocks: list[Block] = []
    previous: _Line | None = None
    for line in lines:
        size = round(line.size, 1)
        if _is_page_number(line.text):
            blocks.append(Block("paragraph", line.text))
        elif size == title_size:
            blocks.append(Block("title", line.text))
        elif size in larger:
            blocks.append(Block("heading", line.text, larger.index(size) + 1))
        elif not larger and (shaped := _shaped_heading(line.text)) is not None:
            blocks.append(shaped)
        elif BULLET.match(line.text):
            blocks.append(Block("item", line.text))
        elif (previous is not None and blocks and blocks[-1].kind in ("paragraph", "item")
              and previous.page == line.page and line.y - previous.y < 1.6 * line.size
              and not _is_page_number(line.text)
              and not _is_page_number(previous.text)):
            last = blocks.pop()
            joiner = "" if last.text.endswith("-") and line.text[:1].islower() else " "
            blocks.append(Block(last.kind, (last.text[:-1] if joiner == "" else last.text) + joiner + line.text))
        else:
            blocks.append(Block("paragraph", line.text))
        previous = line
    return blocks


def _is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER.match(text))


def _shaped_heading(text: str) -> Block | None:
    """A heading in a document without styles: numbered ("2. Formål", "2.1 Bruk") or ALL CAPS, short."""
    stripped = text.strip()
    if len(stripped) > 80 or stripped[-1:] in ".!?:;,":
        return None
    match = NUMBERED_HEADING.match(stripped)
    if match and len(match[2].split()) <= 10 and match[2][:1].isupper():
        return Block("heading", stripped, match[1].count(".") + 1)
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters) and len(stripped.split()) <= 10:
        return Block("heading", stripped, 1)
    return None


MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
NUMBERED_ITEM = re.compile(r"^\d+[.)]\s+\S")
PLAIN_HEADING_LEVEL = 9  # a short line standing alone: below numbered, ALL CAPS and Markdown headings
FIRST_PARAGRAPH_WORDS = 12  # before the first paragraph this long, short lines are the cover, not headings


def _heading_text(text: str) -> str:
    return BULLET.sub("", text.replace("**", "").strip().strip("*_").strip()).strip("*_ ")


def _line_block(line: str, in_body: bool) -> Block | None:
    """A line that stands alone as a heading, or None."""
    if (match := MARKDOWN_HEADING.match(line)) is not None:
        return Block("heading", _heading_text(match[2]), len(match[1]))
    shaped = _shaped_heading(line)
    if shaped is not None and (in_body or NUMBERED_HEADING.match(line)):
        return shaped
    if in_body and len(line.split()) <= 10 and line[-1:] not in ".!?:;,)" and line[:1].isupper():
        return Block("heading", line, PLAIN_HEADING_LEVEL)
    return None


def read_txt(path: Path) -> list[Block]:
    """Paragraphs are separated by blank lines. A line standing alone is a heading when it is a
    Markdown heading, numbered, in ALL CAPS or short without a full stop; the first is the title.
    Lines starting with a bullet or a number and a full sentence are list items."""
    groups: list[list[str]] = [[]]
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        if raw.strip():
            groups[-1].append(raw.rstrip())
        elif groups[-1]:
            groups.append([])
    groups = [g for g in groups if g]
    body_from = next((i for i, g in enumerate(groups) if len(" ".join(g).split()) >= FIRST_PARAGRAPH_WORDS),
                     len(groups))
    blocks: list[Block] = []
    for index, group in enumerate(groups):
        if len(group) == 1 and index == 0 and len(group[0].split()) <= 15:
            blocks.append(Block("title", _heading_text(MARKDOWN_HEADING.sub(r"\2", group[0].strip()))))
            continue
        in_body = index >= body_from - 1  # the line just before the first paragraph may be its heading
        if len(group) == 1 and (heading := _line_block(group[0].strip(), in_body)) is not None:
            blocks.append(heading)
            continue
        paragraph: list[str] = []

        def flush(paragraph: list[str] = paragraph) -> None:
            if paragraph:
                blocks.append(Block("paragraph", " ".join(paragraph)))
                paragraph.clear()

        for raw in group:
            line = raw.strip()
            if (match := MARKDOWN_HEADING.match(line)) is not None:
                flush()
                blocks.append(Block("heading", _heading_text(match[2]), len(match[1])))
            elif BULLET.match(line) or (NUMBERED_ITEM.match(line) and NUMBERED_HEADING.match(line) is not None
                                        and _shaped_heading(line) is None):
                flush()
                blocks.append(Block("item", line))
            elif blocks and blocks[-1].kind == "item" and not paragraph and raw[:1].isspace():
                blocks[-1] = Block("item", f"{blocks[-1].text} {line}")  # an item's continuation line
            else:
                paragraph.append(line)
        flush()
    return blocks
