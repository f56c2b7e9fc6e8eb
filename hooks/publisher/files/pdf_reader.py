"""Reading a PDF (pypdf) into blocks: lines in reading order, headings by font size, else by their shape."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .document_blocks import BULLET, PAGE_NUMBER, Block, shaped_heading

HEADING_SIZE_RATIO = 1.15  # a PDF line this much larger than the body text is a heading


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
        elif not larger and (shaped := shaped_heading(line.text)) is not None:
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
