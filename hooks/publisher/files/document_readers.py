"""Reading an organisation's document into blocks: headings, paragraphs and list items, in order.

One small reader per format family, each with a maintained library: office_readers.py (Word with
python-docx, ODT with odfpy), pdf_reader.py (pypdf, with font sizes) and text_reader.py (plain text),
all giving the blocks of document_blocks.py. A reader keeps the words exactly as the document has
them; deciding what is an artefact (page numbers, a printed table of contents) is the importer's
job (publisher/commands/import_document.py), so every format is cleaned the same way.
"""

from __future__ import annotations

from pathlib import Path

from .document_blocks import MAX_BLOCKS, Block, TooLong
from .findings import Finding, PublisherError
from .office_readers import read_docx, read_odt
from .pdf_reader import read_pdf
from .text_reader import read_txt

FORMATS = (".docx", ".odt", ".pdf", ".txt")
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


def too_long(display: str, count: int) -> PublisherError:
    return PublisherError([Finding(display, 1, (
        f"the document holds {count} paragraphs; a guideline holds a few hundred, and make import reads at most "
        f"{MAX_BLOCKS}, so nothing was changed: import only the guideline (save that part as a document of its own)"))])


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
