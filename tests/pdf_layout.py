"""How full each page of a tagged PDF is, read from its content stream and structure tree.

Text extraction (pypdf) cannot count lines: it puts a list marker on a line of its own. Here a line
is a baseline: every piece of text WeasyPrint draws is placed with its own text matrix, so the
distinct baselines of a page's content (running headers and footers, marked as artifacts, left out)
are its lines, and a list marker shares its item's baseline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True)
class PageLayout:
    number: int  # 1-based
    lines: int  # distinct baselines of content text
    lowest: float  # lowest baseline, as a fraction of the page's height from its top (0 when empty)
    opens_section: bool  # the page's first content is a top-level heading (H1)
    first_block: Block | None = None  # the block (paragraph, heading, list item, cell) at the head of the page
    last_block: Block | None = None  # ... and at its foot


@dataclass(frozen=True)
class Block:
    kind: str  # e.g. /P, /H2, /LBody
    lines: int  # its baselines on this page


def _multiply(a: Matrix, b: Matrix) -> Matrix:
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


def _matrix(operands) -> Matrix:
    return tuple(float(value) for value in operands)  # type: ignore[return-value]


HEADINGS = {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}
BLOCKS = {"/P", "/LBody", "/TD", "/TH", "/Caption", "/BlockQuote", *HEADINGS}


def _ancestors(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    """The structure elements from a marked-content element up to the root."""
    chain = []
    while isinstance(element, pikepdf.Dictionary) and "/S" in element:
        chain.append(element)
        element = element.get("/P")
    return chain


def _operations(page: pikepdf.Page) -> Iterator[tuple[Matrix, list, str]]:
    """The page's content operations other than q, Q and cm, each with the matrix it draws in."""
    ctm, saved = IDENTITY, []
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name == "q":
            saved.append(ctm)
        elif name == "Q":
            ctm = saved.pop()
        elif name == "cm":
            ctm = _multiply(_matrix(operands), ctm)
        else:
            yield ctm, operands, name


def drawn_images(path: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every image drawn in the PDF, from the page content's matrices."""
    with pikepdf.open(path) as pdf:
        return [(abs(ctm[0]), abs(ctm[3])) for page in pdf.pages for ctm, operands, name in _operations(page)
                if name == "Do" and page.Resources.XObject[operands[0]].Subtype == "/Image"]


def _drawn_text(page: pikepdf.Page, parent_tree: dict) -> list[tuple[int, list[pikepdf.Dictionary]]]:
    """Each piece of content text on the page: its baseline (PDF space, growing upwards) and the
    structure elements it belongs to, innermost first. Artifacts are left out."""
    marked, baseline, drawn = [], 0.0, []
    for ctm, operands, name in _operations(page):
        if name in ("BDC", "BMC"):
            marked.append(operands)
        elif name == "EMC":
            marked.pop()
        elif name == "Tm":
            baseline = _multiply(_matrix(operands), ctm)[5]
        elif name in ("TJ", "Tj", "'", '"') and not any(mark[0] == pikepdf.Name.Artifact for mark in marked):
            mcid = next(int(mark[1].MCID) for mark in reversed(marked)
                        if len(mark) > 1 and isinstance(mark[1], pikepdf.Dictionary) and "/MCID" in mark[1])
            drawn.append((round(baseline), _ancestors(parent_tree[int(page.obj.StructParents)][mcid])))
    return drawn


def _block_at(drawn: list[tuple[int, list[pikepdf.Dictionary]]], line: int) -> Block | None:
    """The block of text on a baseline, with the number of its lines on the page."""
    for baseline, chain in drawn:
        block = next((element for element in chain if str(element.S) in BLOCKS), None)
        if baseline == line and block is not None:  # a list marker has no block: it belongs to its item
            lines = {other for other, chain in drawn if any(element.objgen == block.objgen for element in chain)}
            return Block(str(block.S), len(lines))
    return None


def page_layouts(path: Path) -> list[PageLayout]:
    layouts = []
    with pikepdf.open(path) as pdf:
        numbers = pdf.Root.StructTreeRoot.ParentTree.Nums
        parent_tree = {int(numbers[i]): numbers[i + 1] for i in range(0, len(numbers), 2)}
        for number, page in enumerate(pdf.pages, start=1):
            height = float(page.MediaBox[3]) - float(page.MediaBox[1])
            drawn = _drawn_text(page, parent_tree)
            if not drawn:
                layouts.append(PageLayout(number, 0, 0.0, False))
                continue
            baselines = {line for line, _ in drawn}
            opens_section = any(str(element.S) == "/H1" for element in drawn[0][1])
            layouts.append(PageLayout(number, len(baselines), (height - min(baselines)) / height, opens_section,
                                      _block_at(drawn, max(baselines)), _block_at(drawn, min(baselines))))
    return layouts


def layout_faults(layouts: list[PageLayout]) -> list[str]:
    """Pages that read badly: a page of one or two lines that continues a section (a whole short
    section on its own page is fine), a page left half empty inside a section, a heading at the foot
    of a page. The cover is designed, not flowed, and is left out.

    A paragraph split over two pages cannot be told from two paragraphs here (WeasyPrint tags each
    page's part as an element of its own): `split_faults` reads single lines at a break from the
    layout instead."""
    faults = []
    for page, following in zip(layouts[1:], [*layouts[2:], None], strict=True):
        ends_section = following is None or following.opens_section
        if page.lines < 3 and not page.opens_section:
            faults.append(f"page {page.number}: {page.lines} line(s) carried over from the page before")
        if page.lowest < 0.5 and not ends_section:
            faults.append(f"page {page.number}: half empty ({page.lowest:.0%} used) inside a section")
        foot = page.last_block
        if foot is not None and foot.kind in HEADINGS and following is not None:
            faults.append(f"page {page.number}: ends with a heading ({foot.kind[1:]}) whose text is overleaf")
    return faults


def _text_blocks(box, found: list[tuple[object, str, int]]) -> list[tuple[object, str, int]]:
    """(element, tag, lines) of every box that holds lines of text, in document order; page margins
    (running header and footer) left out."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.MarginBox):
        return found
    children = getattr(box, "children", [])
    lines = sum(isinstance(child, boxes.LineBox) for child in children)
    if lines:
        found.append((box.element, box.element_tag, lines))
    for child in children:
        if not isinstance(child, boxes.LineBox):
            _text_blocks(child, found)
    return found


def split_faults(document) -> list[str]:
    """Blocks of text that a page break leaves with a single line on one side (an orphan at the foot
    of a page or a widow at the head of the next), read from WeasyPrint's own layout, where both
    parts of a split block belong to the same element: the PDF's structure tree cannot tell them
    from two blocks."""
    pages = [_text_blocks(page._page_box, []) for page in document.pages]
    faults = []
    for number, (page, following) in enumerate(zip(pages, pages[1:], strict=False), start=1):
        if page and following and page[-1][0] is following[0][0] and min(page[-1][2], following[0][2]) < 2:
            faults.append(f"page {number}: a {page[-1][1]} breaks with {page[-1][2]} line(s) here and "
                          f"{following[0][2]} overleaf")
    return faults
