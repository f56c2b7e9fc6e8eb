"""`make import`: a Word, ODT, PDF and text document become pages split at their headings, with
artefacts removed on record, at least 95% of their sentences carried, and a report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from publisher.checks import check_all
from publisher.commands import import_document as importer
from publisher.commands.import_document import import_organisation
from publisher.commands.new_org import new_organisation
from publisher.files.findings import PublisherError
from publisher.model.coverage import measure, sentences
from publisher.model.organisations import load_catalogue
from publisher.outputs.dashboard import render_dashboard

TITLE = "Retningslinjer for sosiale medium i Nyby kommune"
INTRO = "Vedteke av kommunestyret 12. mars 2024. Retningslinjene gjeld for alle tilsette."
SECTIONS: list[tuple[str, list[tuple[str, str]]]] = [
    ("1. Formål", [
        ("p", "Sosiale medium er ein viktig kanal for kommunen. Vi vil at dei tilsette skal bruke dei med omtanke."),
        ("p", "Retningslinjene skal hjelpe deg når du skriv om arbeidet ditt. Dei gjeld både i og utanfor "
              "arbeidstida."),
    ]),
    ("2. Bruk i arbeidet", [
        ("p", "Når du skriv på vegner av kommunen, er du kommunen si stemme. Les meir på intranettet."),
        ("h2", "Teieplikt"),
        ("li", "Du skal aldri dele opplysningar om brukarar."),
        ("li", "Spør leiaren din når du er i tvil."),
        ("p", "Teieplikta gjeld også etter at du har slutta i kommunen."),
    ]),
    ("3. Tryggleik", [
        ("p", "Ta skjermbilete av truslar og meld dei til leiaren din. Kommunen følgjer opp saka saman med deg."),
    ]),
]
PAGES = ["index.md", "formal.md", "bruk-i-arbeidet.md", "tryggleik.md"]


def sentences_in_fixture() -> int:
    texts = [TITLE, INTRO] + [h for h, _ in SECTIONS] + [t for _, blocks in SECTIONS for _, t in blocks]
    return len(sentences("\n".join(texts)))


def make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph(INTRO)
    document.add_paragraph("Innhald")
    for number, (heading, _) in enumerate(SECTIONS, start=2):
        document.add_paragraph(f"{heading} ........ {number}")
    for heading, blocks in SECTIONS:
        document.add_heading(heading, level=1)
        for kind, text in blocks:
            if kind == "h2":
                document.add_heading(text, level=2)
            elif kind == "li":
                document.add_paragraph(text, style="List Bullet")
            else:
                document.add_paragraph(text.replace("Les meir på intranettet.", "Les meir på [intranettet](#)."))
        document.add_paragraph("Side 2 av 4")
    document.add_paragraph(TITLE)  # the back cover repeats the front
    document.save(str(path))
    return path


def make_odt(path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, P

    document = OpenDocumentText()
    document.text.addElement(P(text=TITLE))
    document.text.addElement(P(text=INTRO))
    for heading, blocks in SECTIONS:
        document.text.addElement(H(outlinelevel=1, text=heading))
        items = None
        for kind, text in blocks:
            if kind == "li":
                if items is None:
                    items = List()
                    document.text.addElement(items)
                item = ListItem()
                item.addElement(P(text=("- * " if "aldri" in text else "") + text))  # a broken list marker
                items.addElement(item)
                continue
            items = None
            document.text.addElement(H(outlinelevel=2, text=text) if kind == "h2" else P(text=text))
    document.save(str(path))
    return path


def make_pdf(path: Path) -> Path:
    import html

    from weasyprint import HTML

    body = [f'<p class="title">{html.escape(TITLE)}</p>', f"<p>{html.escape(INTRO)}</p>"]
    for heading, blocks in SECTIONS:
        body.append(f"<h1>{html.escape(heading)}</h1>")
        for kind, text in blocks:
            tag = {"h2": "h2", "li": "ul><li", "p": "p"}[kind]
            close = {"h2": "h2", "li": "li></ul", "p": "p"}[kind]
            body.append(f"<{tag}>{html.escape(text)}</{close}>")
    style = ("@page { size: A5; margin: 2cm; @bottom-center { content: counter(page) } } "
             "body { font: 10pt sans-serif } .title { font-size: 26pt } h1 { font-size: 18pt; "
             "break-before: page } h2 { font-size: 13pt }")
    HTML(string=f'<html lang="nn"><head><style>{style}</style></head><body>{"".join(body)}</body></html>'
         ).write_pdf(str(path))
    return path


def make_txt(path: Path) -> Path:
    lines = [TITLE, "", INTRO, ""]
    for heading, blocks in SECTIONS:
        lines += [heading.upper() if heading.startswith("3") else heading, ""]
        for kind, text in blocks:
            lines += ["2.1 " + text if kind == "h2" else ("- " + text if kind == "li" else text), ""]
        lines += ["- 2 -", "", "12", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def nyby(fixture_repo) -> Path:
    root = fixture_repo()
    new_organisation(root / "docs", "nyby", "Nyby kommune", ["nn", "en"])
    return root


@pytest.mark.parametrize("make", [make_docx, make_odt, make_pdf, make_txt])
def test_import_splits_at_headings_and_carries_the_sentences(nyby: Path, tmp_path: Path, make) -> None:
    document = make(tmp_path / f"nyby{ {make_docx: '.docx', make_odt: '.odt', make_pdf: '.pdf'}.get(make, '.txt')}")
    lines: list[str] = []
    coverage = import_organisation(nyby / "docs", "nyby", document, out=lines.append)
    docs = nyby / "docs"
    catalogue = load_catalogue(docs)
    org = catalogue.organisation("nyby")
    assert list(org.nav) == PAGES, lines
    assert coverage.share >= 0.95, "\n".join(lines)
    assert coverage.content >= sentences_in_fixture() == 18
    # First what the document shares with others (make match's report), before anything was written.
    assert lines[0] == f"../{document.name}: no shared passage with any wording or other organisation's pages."
    lines = lines[1:]
    assert lines[0] == ("Imported 4 page(s) into docs/nyby/ (index, formal, bruk-i-arbeidet, tryggleik); nav "
                        "written to docs/organisations.yml.")
    assert lines[1].startswith(f"Coverage: nyby: the pages carry {len(coverage.carried)} of the document's ")
    assert org.is_draft
    formal = (docs / "nyby/formal.nn.md").read_text(encoding="utf-8")
    assert formal.startswith("---\ntitle: 1. Formål\ntopics: []\n---\n\n"), formal  # no owner: nobody gave one
    assert "review_by" not in formal
    assert "Sosiale medium er ein viktig kanal for kommunen. Vi vil at dei tilsette skal bruke dei med omtanke." \
        in formal
    work = (docs / "nyby/bruk-i-arbeidet.nn.md").read_text(encoding="utf-8")
    assert "- Du skal aldri dele opplysningar om brukarar.\n- Spør leiaren din når du er i tvil.\n" in work
    assert "Teieplikt\n" in work and "(#)" not in work
    assert "Side 2" not in work and "........" not in work
    assert (docs / "nyby/formal.en.md").read_text(encoding="utf-8") == \
        "---\ntitle: 1. Formål\nuntranslated: true\n---\n"
    assert (docs / "_sources/nyby" / document.name).read_bytes() == document.read_bytes()
    assert "Sosiale medium er ein viktig kanal" in (docs / "_sources/nyby/extracted.txt").read_text(encoding="utf-8")
    report = check_all(catalogue)
    assert [str(f) for f in report.errors] == []
    assert not [f for f in report.warnings if "source document" in f.message]
    assert "Source document: nyby: the pages carry " in render_dashboard(catalogue, nyby / "overrides")


def test_removals_are_on_record_and_reported(nyby: Path, tmp_path: Path) -> None:
    lines: list[str] = []
    import_organisation(nyby / "docs", "nyby", make_docx(tmp_path / "nyby.docx"), out=lines.append)
    record = yaml.safe_load((nyby / "docs/_editorial/nyby.yml").read_text(encoding="utf-8"))["changes"]
    assert record == [
        {"kind": "artefact", "original": "Innhald … 1. Formål ........ 2 … 2. Bruk i arbeidet ........ 3 … "
                                         "3. Tryggleik ........ 4", "published": ""},
        {"kind": "artefact", "original": "Side 2 av 4 … Side 2 av 4 … Side 2 av 4", "published": ""},
        {"kind": "artefact", "original": TITLE, "published": ""},
        {"kind": "placeholder_link", "page": "bruk-i-arbeidet", "original": "[intranettet](#)",
         "published": "intranettet"},
    ]
    lines = "\n".join(lines).splitlines()
    assert lines[3:9] == [  # after the match report, the import and coverage lines
        "",
        "Removed as artefacts, each recorded in docs/_editorial/nyby.yml (4):",
        "  printed table of contents: 'Innhald … 1. Formål ........ 2 … 2. Bruk i arbeidet ........ 3 … 3....'",
        "  page numbers: 'Side 2 av 4 … Side 2 av 4 … Side 2 av 4'",
        f"  back cover repeating the front page: '{TITLE}'",
        "  placeholder link (#): '[intranettet](#)'",
    ]
    assert "docs/_sources/nyby/extracted.txt:3: 'Innhald': removed on record (artefact)" in "\n".join(lines)
    assert lines[-1] == ("Next: make check, then make serve ORG=nyby; set 'status: ready' in docs/organisations.yml "
                         "when it shows no errors.")


def test_an_edit_that_drops_a_sentence_is_an_error(nyby: Path, tmp_path: Path) -> None:
    import_organisation(nyby / "docs", "nyby", make_odt(tmp_path / "nyby.odt"), out=lambda line: None)
    imported = check_all(load_catalogue(nyby / "docs"))
    assert [str(f) for f in imported.errors if "source document" in f.message] == []  # an import says it all
    page = nyby / "docs/nyby/tryggleik.nn.md"
    page.write_text(page.read_text(encoding="utf-8").replace(" Kommunen følgjer opp saka saman med deg.", ""),
                    encoding="utf-8")
    report = check_all(load_catalogue(nyby / "docs"))
    dropped = [str(f) for f in report.errors if "source document" in f.message]
    assert dropped == [
        "docs/_sources/nyby/extracted.txt:13: error: a sentence of the source document is on no page of 'nyby' and "
        "in no recorded editorial change: 'Kommunen følgjer opp saka saman med deg.'; restore it, or record the "
        "change in docs/_editorial/nyby.yml",
    ]
    assert [line for line in report.coverage if line.startswith("nyby: the pages carry ")]
    record = nyby / "docs/_editorial/nyby.yml"
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    data["changes"].append({"kind": "summary", "page": "tryggleik",
                            "original": "Kommunen følgjer opp saka saman med deg.", "published": ""})
    record.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert measure(load_catalogue(nyby / "docs"), load_catalogue(nyby / "docs").organisation("nyby")).dropped == []


def test_a_failed_import_leaves_the_repository_as_it_was(nyby: Path, tmp_path: Path, monkeypatch) -> None:
    before = {p: p.read_bytes() for p in (nyby / "docs").rglob("*") if p.is_file()}
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a word document")
    with pytest.raises(PublisherError) as error:
        import_organisation(nyby / "docs", "nyby", broken, out=lambda line: None)
    assert str(error.value).startswith("../broken.docx:1: error: could not read the document (PackageNotFoundError")
    assert {p: p.read_bytes() for p in (nyby / "docs").rglob("*") if p.is_file()} == before
    monkeypatch.setattr(importer, "organisations_with_nav", lambda *args: 1 / 0)  # fails after pages were written
    with pytest.raises(PublisherError) as error:
        import_organisation(nyby / "docs", "nyby", make_txt(tmp_path / "x.txt"), out=lambda line: None)
    assert str(error.value) == ("../x.txt:1: error: the import failed and nothing was changed (ZeroDivisionError: "
                                "division by zero)")
    assert {p: p.read_bytes() for p in (nyby / "docs").rglob("*") if p.is_file()} == before
    assert not (nyby / "docs/_sources/nyby").exists()
    monkeypatch.undo()
    with pytest.raises(PublisherError) as error:
        import_organisation(nyby / "docs", "testby", make_txt(tmp_path / "x.txt"), out=lambda line: None)
    assert "'testby' already has pages of its own" in str(error.value)
    with pytest.raises(PublisherError) as error:
        import_organisation(nyby / "docs", "nyby", make_txt(tmp_path / "x.txt"), language="nb", out=lambda line: None)
    assert str(error.value) == (
        "docs/organisations.yml:26: error: LANG=nb, but 'nyby' is written in nn (its first language): import the "
        "document in that language (leave LANG out); translations are made from the imported pages")
    assert {p: p.read_bytes() for p in (nyby / "docs").rglob("*") if p.is_file()} == before


def test_text_with_markdown_headings_numbered_items_and_a_back_cover(nyby: Path, tmp_path: Path) -> None:
    document = tmp_path / "veileder.txt"
    document.write_text(
        "# VEILEDER FOR BRUK AV SOSIALE MEDIUM\n\nNyby kommune\n\n"
        "## 1. Felles grunnlag\n\n"
        "Dette er teksten i det første kapitlet, og han er lang nok til å vere eit avsnitt.\n\n"
        "1. Ver medviten om kva du skriv.\n"
        "2. Gjer dette når du får truslar:\n - * Ta skjermbilete.\n - * Meld frå til leiaren.\n"
        "3. Bruk sunn fornuft.\n\n"
        "## 2. Privat bruk\n\nDu kan bruke sosiale medium privat, men hugs at du også då er tilsett i kommunen.\n\n"
        "Nyby kommune\n", encoding="utf-8")
    import_organisation(nyby / "docs", "nyby", document, out=lambda line: None)
    assert load_catalogue(nyby / "docs").organisation("nyby").nav == ("index.md", "felles-grunnlag.md",
                                                                      "privat-bruk.md")
    assert (nyby / "docs/nyby/index.nn.md").read_text(encoding="utf-8") == (
        "---\ntitle: VEILEDER FOR BRUK AV SOSIALE MEDIUM\ntopics: []\n---\n\nNyby kommune\n")
    assert (nyby / "docs/nyby/felles-grunnlag.nn.md").read_text(encoding="utf-8") == (
        "---\ntitle: 1. Felles grunnlag\ntopics: []\n---\n\n"
        "Dette er teksten i det første kapitlet, og han er lang nok til å vere eit avsnitt.\n\n"
        "1. Ver medviten om kva du skriv.\n2. Gjer dette når du får truslar:\n    - Ta skjermbilete.\n"
        "    - Meld frå til leiaren.\n3. Bruk sunn fornuft.\n")
    record = yaml.safe_load((nyby / "docs/_editorial/nyby.yml").read_text(encoding="utf-8"))["changes"]
    assert {"kind": "artefact", "original": "Nyby kommune", "published": ""} in record  # the back cover


def test_word_hyperlinks_stay_links_and_a_link_to_nowhere_is_removed_on_record(nyby: Path, tmp_path: Path) -> None:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def link(paragraph, text: str, url: str) -> None:
        element = OxmlElement("w:hyperlink")
        if url:
            element.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
        else:
            element.set(qn("w:anchor"), "")
        run = OxmlElement("w:r")
        run_text = OxmlElement("w:t")
        run_text.text = text
        run.append(run_text)
        element.append(run)
        paragraph._p.append(element)

    document = docx.Document()
    document.add_heading("Bruk", level=1)
    paragraph = document.add_paragraph("Les ")
    link(paragraph, "lova", "https://lovdata.no/lov")
    paragraph.add_run(" og ")
    link(paragraph, "retningslinjene våre", "")
    paragraph.add_run(" før du skriv noko på sosiale medium om arbeidet ditt i kommunen.")
    path = tmp_path / "lenkjer.docx"
    document.save(str(path))
    coverage = import_organisation(nyby / "docs", "nyby", path, out=lambda line: None)
    assert coverage.share == 1.0
    page = (nyby / "docs/nyby/index.nn.md").read_text(encoding="utf-8")
    assert ("Les [lova](https://lovdata.no/lov) og retningslinjene våre før du skriv noko på sosiale medium om "
            "arbeidet ditt i kommunen.\n") in page
    record = yaml.safe_load((nyby / "docs/_editorial/nyby.yml").read_text(encoding="utf-8"))["changes"]
    assert record == [{"kind": "placeholder_link", "page": "index", "original": "[retningslinjene våre](#)",
                       "published": "retningslinjene våre"}]


def _empty_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("   \t")
    document.save(str(path))
    return path


def _empty_odt(path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    document.text.addElement(P(text="  "))
    document.save(str(path))
    return path


def _scanned_pdf(path: Path) -> Path:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=420, height=595)  # a page as a scan leaves it: no text layer
    with path.open("wb") as out:
        writer.write(out)
    return path


def _text(content: str) -> Callable[[Path], Path]:
    def write(path: Path) -> Path:
        path.write_text(content, encoding="utf-8")
        return path
    return write


NO_TEXT_WORD = ("the document holds no text, so nothing was changed; open it in Word, check that it holds the "
                "guidelines as text (not as pictures of text) and save it again")
NO_TEXT_TXT = ("the document holds no text (the file is empty or blank), so nothing was changed; give the file that "
               "holds the guidelines' text")


@pytest.mark.parametrize(("name", "make", "message"), [
    ("empty.txt", _text(""), NO_TEXT_TXT),
    ("blank.txt", _text("\ufeff \n\n\t\n   \n"), NO_TEXT_TXT),
    ("rules.txt", _text("-\n\n• •\n\n----\n"), NO_TEXT_TXT),
    ("empty.docx", _empty_docx, NO_TEXT_WORD),
    ("empty.odt", _empty_odt,
     "the document holds no text, so nothing was changed; open it in LibreOffice, check that it holds the guidelines "
     "as text (not as pictures of text) and save it again"),
    ("scan.pdf", _scanned_pdf,
     "the PDF holds no text (a scan without a text layer?), so nothing was changed; run text recognition (OCR) on it "
     "first, or import the Word document instead"),
])
def test_a_document_without_text_is_refused_and_nothing_changes(nyby: Path, tmp_path: Path, name: str,
                                                                 make: Callable[[Path], Path], message: str) -> None:
    before = {p: p.read_bytes() for p in (nyby / "docs").rglob("*") if p.is_file()}
    lines: list[str] = []
    with pytest.raises(PublisherError) as error:
        import_organisation(nyby / "docs", "nyby", make(tmp_path / name), out=lines.append)
    assert str(error.value) == f"../{name}:1: error: {message}"
    assert lines == []
    assert {p: p.read_bytes() for p in (nyby / "docs").rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("content", [
    "Retningslinjer for sosiale medium\n",
    "Retningslinjer for sosiale medium\n\n# 1. Formål\n\n## Teieplikt\n\n# 2. Bruk i arbeidet\n",
    "Innhald\n\n1. Formål ........ 2\n\n2. Bruk ........ 3\n\nSide 1 av 3\n",
])
def test_a_document_of_headings_alone_is_refused_and_nothing_changes(nyby: Path, tmp_path: Path, content: str) -> None:
    before = {p: p.read_bytes() for p in (nyby / "docs").rglob("*") if p.is_file()}
    with pytest.raises(PublisherError) as error:
        import_organisation(nyby / "docs", "nyby", _text(content)(tmp_path / "overskrifter.txt"), out=lambda line: None)
    assert str(error.value) == (
        "../overskrifter.txt:1: error: the document holds no text besides its title, headings, page numbers or table "
        "of contents, so nothing was changed; give the document with the guidelines' own text")
    assert {p: p.read_bytes() for p in (nyby / "docs").rglob("*") if p.is_file()} == before
