"""files/document_readers.py: an organisation's document read into blocks, one reader per format.

Each document is made here, a few lines long, with the locked python-docx, odfpy and pikepdf."""

from __future__ import annotations

from pathlib import Path

import docx
import pikepdf
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, List, ListItem, P
from publisher.files.document_blocks import Block
from publisher.files.document_readers import has_words, read_document
from publisher.files.findings import PublisherError

SHOWN = "docs/_sources/testby/retningslinjer"
A_SENTENCE = "Vi bruger sociale medier til at fortælle om kommunens arbejde og til at svare borgerne hurtigt."


def refused(path: Path, shown: str) -> list[str]:
    with pytest.raises(PublisherError) as caught:
        read_document(path, shown)
    return [str(finding) for finding in caught.value.findings]


def _hyperlink(paragraph: docx.text.paragraph.Paragraph, text: str, url: str | None = None,
               anchor: str | None = None) -> None:
    """python-docx reads hyperlinks but cannot write them: the element is built by hand."""
    link = OxmlElement("w:hyperlink")
    if url is not None:
        link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    if anchor is not None:
        link.set(qn("w:anchor"), anchor)
    run, words = OxmlElement("w:r"), OxmlElement("w:t")
    words.text = text
    run.append(words)
    link.append(run)
    paragraph._p.append(link)


def test_docx_styles_become_kinds_of_block(tmp_path: Path) -> None:
    document = docx.Document()
    document.styles.add_style("Overskrift 3", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Retningslinjer", style="Title")
    document.add_paragraph("Formål 1", style="TOC Heading")
    document.add_heading("Formål", level=1)
    document.add_paragraph("Vi bruger sociale medier.")
    document.add_paragraph("Vær venlig", style="List Bullet")
    document.add_paragraph("Dansk overskrift", style="Overskrift 3")
    document.add_paragraph("   ")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Celle et"
    table.cell(0, 1).text = "Celle to"
    document.save(tmp_path / "a.docx")
    assert read_document(tmp_path / "a.docx", f"{SHOWN}.docx") == [
        Block("title", "Retningslinjer"), Block("toc", "Formål 1"), Block("heading", "Formål", 1),
        Block("paragraph", "Vi bruger sociale medier."), Block("item", "Vær venlig"),
        Block("heading", "Dansk overskrift", 3), Block("paragraph", "Celle et"), Block("paragraph", "Celle to")]


def test_docx_hyperlinks_become_markdown_links(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Se ")
    _hyperlink(paragraph, "siden", url="https://testby.dk/a")
    paragraph.add_run(" og ")
    _hyperlink(paragraph, "afsnittet", anchor="regler")
    paragraph.add_run(" men ikke ")
    _hyperlink(paragraph, "intet")
    document.save(tmp_path / "a.docx")
    assert read_document(tmp_path / "a.docx", f"{SHOWN}.docx") == [
        Block("paragraph", "Se [siden](https://testby.dk/a) og [afsnittet](#regler) men ikke [intet](#)")]


def test_odt_headings_lists_and_tables(tmp_path: Path) -> None:
    document = OpenDocumentText()
    document.text.addElement(P(stylename="Title", text="Retningslinjer"))
    document.text.addElement(P(stylename="Contents 1", text="Formål"))
    document.text.addElement(H(outlinelevel=2, text="Formål"))
    document.text.addElement(H(outlinelevel="", text="Uden niveau"))
    document.text.addElement(P(text="Vi bruger."))
    listed, item = List(), ListItem()
    item.addElement(P(text="Punkt"))
    listed.addElement(item)
    document.text.addElement(listed)
    table, row, cell = Table(), TableRow(), TableCell()
    table.addElement(TableColumn())
    cell.addElement(P(text="Celle"))
    row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    document.save(str(tmp_path / "a.odt"))
    assert read_document(tmp_path / "a.odt", f"{SHOWN}.odt") == [
        Block("title", "Retningslinjer"), Block("toc", "Formål"), Block("heading", "Formål", 2),
        Block("heading", "Uden niveau", 1), Block("paragraph", "Vi bruger."), Block("item", "Punkt"),
        Block("paragraph", "Celle")]


def test_txt_title_headings_items_and_paragraphs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        f"\ufeff# Retningslinjer\n\nFORMÅL\n\n{A_SENTENCE}\n\n- Vær venlig\n  og høflig\n"
        "1. Tænk dig om, før du skriver noget.\n\n2. Regler\n\nTekst her.\n## Under\nMere.\n\nKort linje\n",
        encoding="utf-8")
    assert read_document(tmp_path / "a.txt", f"{SHOWN}.txt") == [
        Block("title", "Retningslinjer"), Block("heading", "FORMÅL", 1), Block("paragraph", A_SENTENCE),
        Block("item", "- Vær venlig og høflig"), Block("item", "1. Tænk dig om, før du skriver noget."),
        Block("heading", "2. Regler", 1), Block("paragraph", "Tekst her."), Block("heading", "Under", 2),
        Block("paragraph", "Mere."), Block("heading", "Kort linje", 9)]


def test_txt_short_lines_before_the_first_paragraph_are_the_cover(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Testby Kommune\n\nVersion 2\n\nMaj 2024\n\nFormål\n\n{A_SENTENCE}\n",
                                    encoding="utf-8")
    assert read_document(tmp_path / "a.txt", f"{SHOWN}.txt") == [
        Block("title", "Testby Kommune"), Block("paragraph", "Version 2"), Block("paragraph", "Maj 2024"),
        Block("heading", "Formål", 9), Block("paragraph", A_SENTENCE)]


def _pdf(path: Path, lines: list[tuple[float, float, str]], flipped: bool) -> Path:
    """A one-page A4 PDF with Helvetica lines (size, distance from the top, text). `flipped`: y grows
    downwards, as in WeasyPrint's PDFs; otherwise y grows upwards, the PDF default (Word, LibreOffice)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    matrix = "1 0 0 -1 72 {top}" if flipped else "1 0 0 1 72 {bottom}"
    content = "1 0 0 -1 0 842 cm\n" if flipped else ""
    for size, top, text in lines:
        content += f"BT /F1 {size} Tf {matrix.format(top=top, bottom=842 - top)} Tm ({text}) Tj ET\n"
    page.Contents = pdf.make_stream(content.encode("cp1252"))
    pdf.save(path)
    return path


PDF_LINES = [(24, 62, "Retningslinjer"), (16, 102, "1. Formål"), (11, 122, "Vi bruger sociale medier til at for-"),
             (11, 135, "tælle om arbejdet."), (11, 160, "- Et punkt"), (16, 190, "2. Regler"),
             (11, 210, "Tekst her og mere tekst her."), (11, 800, "Side 1 af 2")]
PDF_BLOCKS = [Block("title", "Retningslinjer"), Block("heading", "1. Formål", 1),
              Block("paragraph", "Vi bruger sociale medier til at fortælle om arbejdet."), Block("item", "- Et punkt"),
              Block("heading", "2. Regler", 1), Block("paragraph", "Tekst her og mere tekst her."),
              Block("paragraph", "Side 1 af 2")]


def test_pdf_font_sizes_make_title_and_headings(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "a.pdf", PDF_LINES, flipped=True)
    assert read_document(path, f"{SHOWN}.pdf") == PDF_BLOCKS


def test_pdf_with_upward_y_is_read_top_to_bottom(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "a.pdf", PDF_LINES, flipped=False)
    assert read_document(path, f"{SHOWN}.pdf") == PDF_BLOCKS


def test_a_pdf_without_text_is_a_scan(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "scan.pdf", [], flipped=True)
    assert refused(path, "scan.pdf") == [
        "scan.pdf:1: error: the PDF holds no text (a scan without a text layer?), so nothing was changed; run text "
        "recognition (OCR) on it first, or import the Word document instead"]


def test_a_document_without_words_is_refused_per_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\n - \n\n---\n", encoding="utf-8")
    assert refused(tmp_path / "a.txt", "a.txt") == [
        "a.txt:1: error: the document holds no text (the file is empty or blank), so nothing was changed; give "
        "the file that holds the guidelines' text"]
    document = docx.Document()
    document.add_paragraph("•")
    document.save(tmp_path / "a.docx")
    assert refused(tmp_path / "a.docx", "a.docx") == [
        "a.docx:1: error: the document holds no text, so nothing was changed; open it in Word, check that it holds "
        "the guidelines as text (not as pictures of text) and save it again"]
    OpenDocumentText().save(str(tmp_path / "a.odt"))
    assert refused(tmp_path / "a.odt", "a.odt") == [
        "a.odt:1: error: the document holds no text, so nothing was changed; open it in LibreOffice, check that "
        "it holds the guidelines as text (not as pictures of text) and save it again"]


def test_an_unknown_format_a_missing_file_and_a_damaged_file(tmp_path: Path) -> None:
    assert refused(tmp_path / "a.RTF", "a.RTF") == [
        "a.RTF:1: error: cannot read '.RTF' documents: give a .docx, .odt, .pdf, .txt file (save it in one of "
        "these formats)"]
    assert refused(tmp_path / "none.docx", "none.docx") == [
        "none.docx:1: error: no such file: give the path of the organisation's document"]
    (tmp_path / "bad.docx").write_text("not a zip", encoding="utf-8")
    assert refused(tmp_path / "bad.docx", "bad.docx") == [
        f"bad.docx:1: error: could not read the document (PackageNotFoundError: Package not found at "
        f"'{tmp_path / 'bad.docx'}'); open it in its program and save it again"]


def test_has_words() -> None:
    assert has_words("§ 3")
    assert not has_words(" - • — ")
