"""The archival PDFs: structure, text, links, metadata, PDF/A identification, reproducibility."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from publisher.model.organisations import load_catalogue
from publisher.outputs.pdf import render_document, write_pdf
from pypdf import PdfReader
from pypdf.generic import IndirectObject

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = load_catalogue(ROOT / "docs")
TARGETS = [(org.id, lang) for org in CATALOGUE.organisations.values() for lang in org.languages]


def nav_titles(org_id: str, language: str) -> list[str]:
    import yaml

    titles = []
    for entry in CATALOGUE.organisation(org_id).nav:
        text = (ROOT / "docs" / org_id / f"{entry.removesuffix('.md')}.{language}.md").read_text(encoding="utf-8")
        titles.append(str(yaml.safe_load(text.split("---")[1])["title"]))
    return [*titles, CATALOGUE.languages[language].labels["about_title"]]  # the appendix


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def pdfs(real_site: Path) -> dict[tuple[str, str], PdfReader]:
    return {(o, lang): PdfReader(real_site / o / "pdf" / f"{o}-{lang}.pdf") for o, lang in TARGETS}


@pytest.mark.parametrize(("org_id", "language"), TARGETS)
def test_every_nav_page_title_in_order_after_cover_and_contents(pdfs, org_id: str, language: str) -> None:
    reader = pdfs[(org_id, language)]
    pages = [squash(page.extract_text()) for page in reader.pages]
    org = CATALOGUE.organisation(org_id)
    assert org.document.title_in(language) in pages[0]  # the cover
    contents = CATALOGUE.languages[language].labels["contents"]
    assert pages[1].startswith(contents)
    position = 2
    titles = nav_titles(org_id, language)
    if 'id="index"' not in render_document(ROOT, CATALOGUE, org_id, language):
        titles = titles[1:]  # a start page that only listed the pages: the contents page (pages[1]) lists them
        assert org_id == "moskenes", org_id
    for title in titles:
        while position < len(pages) and not pages[position].startswith(squash(title)):
            position += 1
        assert position < len(pages), f"{title!r} not found in order"
    footer = CATALOGUE.languages[language].labels["page_x_of_y"].format(page=2, pages=len(pages))
    assert footer in pages[1]


def test_danish_and_norwegian_letters_extract_as_text(pdfs) -> None:
    danish = squash(" ".join(p.extract_text() for p in pdfs[("region-midtjylland", "da")].pages))
    assert "Få hjælp til de sociale medier" in danish
    assert "Sørg altid for at der ikke kan opstå tvivl" in danish
    norwegian = squash(" ".join(p.extract_text() for p in pdfs[("moskenes", "nb")].pages))
    assert "Vær bevisst formål, ansvar og funksjon" in norwegian
    assert "«It's learning»" in norwegian
    assert "–" in danish


def _page_index(reader: PdfReader, destination) -> int:
    target = destination[0] if isinstance(destination, list) else destination
    if isinstance(target, IndirectObject):
        target = target.get_object()
    for index, page in enumerate(reader.pages):
        if page.get_object() == target or page.indirect_reference == getattr(target, "indirect_reference", None):
            return index
    raise AssertionError("destination page not found")


@pytest.mark.parametrize(("org_id", "language"), [("kalundborg", "da"), ("region-nordjylland", "en")])
def test_contents_entries_link_to_their_pages(pdfs, org_id: str, language: str) -> None:
    reader = pdfs[(org_id, language)]
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    targets = []
    for link in links:
        destination = link.get("/Dest")
        if destination is None and "/A" in link:
            destination = link["/A"].get("/D")
        if isinstance(destination, str | bytes) or hasattr(destination, "decode"):
            destination = reader.named_destinations[str(destination)]
            destination = [destination.page]
        index = _page_index(reader, destination)
        if not targets or targets[-1] != index or len(targets) == 0:
            targets.append(index)  # a line's text, leader and page number are separate link boxes
    titles = nav_titles(org_id, language)
    assert len(targets) == len(titles)
    for title, index in zip(titles, targets, strict=True):
        text = squash(reader.pages[index].extract_text())
        assert squash(title) in text, (title, index)
    assert targets == sorted(targets)


@pytest.mark.parametrize(("org_id", "language"), TARGETS)
def test_metadata_language_title_pdfa_and_embedded_fonts(pdfs, org_id: str, language: str) -> None:
    reader = pdfs[(org_id, language)]
    root = reader.trailer["/Root"]
    org = CATALOGUE.organisation(org_id)
    assert root["/Lang"] == language
    assert reader.metadata.title == f"{org.document.title_in(language)} – {org.name}"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert "/StructTreeRoot" in root  # tagged
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")2", xmp) and re.search(r"pdfaid:conformance(>|=\")A", xmp)
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            if descriptor is None:
                continue
            descriptor = descriptor.get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font


def test_external_links_stay_clickable_with_their_address(pdfs) -> None:
    reader = pdfs[("region-midtjylland", "da")]
    text = squash(" ".join(p.extract_text() for p in reader.pages))
    assert "kasper.kolind@stab.rm.dk (mailto:kasper.kolind@stab.rm.dk)" in text
    uris = [a.get_object()["/A"].get("/URI") for p in reader.pages for a in p.get("/Annots", [])
            if "/A" in a.get_object()]
    assert "mailto:kasper.kolind@stab.rm.dk" in uris


def test_two_builds_give_identical_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = write_pdf(ROOT, CATALOGUE, "sunndal", "nb", tmp_path / "a.pdf").read_bytes()
    second = write_pdf(ROOT, CATALOGUE, "sunndal", "nb", tmp_path / "b.pdf").read_bytes()
    assert first == second
    created = PdfReader(tmp_path / "a.pdf").metadata.creation_date
    assert created.timestamp() == 1700000000  # the creation date is SOURCE_DATE_EPOCH


def test_links_between_pages_jump_inside_the_pdf(fixture_repo) -> None:
    # The fixture's front page links '[de nye regler](regler.md#tavshed)'.
    root = fixture_repo()
    reader = PdfReader(write_pdf(root, load_catalogue(root / "docs"), "testby", "da", root / "out.pdf"))
    pages = [squash(page.extract_text()) for page in reader.pages]
    contents_end = 2
    jumps = []
    for index, page in enumerate(reader.pages[contents_end:], start=contents_end):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            destination = annotation.get("/Dest")
            if destination is None and "/A" in annotation:
                destination = annotation["/A"].get("/D")
            if destination is None:
                continue
            if not isinstance(destination, list):
                destination = [reader.named_destinations[str(destination)].page]
            jumps.append((index, _page_index(reader, destination)))
    assert [(source, target) for source, target in jumps if "Her er vi" in pages[source]]
    assert all("Tavshedspligt Hold tæt" in pages[target] for source, target in jumps if "Her er vi" in pages[source])


# A 1×1 PNG, as an author would save a picture next to the pages.
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                      "1f15c4890000000d49444154789c6360f8cf000000030101001854a2f10000000049454e44ae426082")


def test_an_image_beside_the_pages_is_in_the_pdf(fixture_repo) -> None:
    root = fixture_repo({"testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\n"
                                               "![Testbys logo](logo.png)\n"})
    (root / "docs/testby/logo.png").write_bytes(PIXEL)
    def images(pdf: Path) -> int:
        return sum(len(page.images) for page in PdfReader(pdf).pages)

    with_image = images(write_pdf(root, load_catalogue(root / "docs"), "testby", "da", root / "with.pdf"))
    page = root / "docs/testby/index.da.md"
    page.write_text(page.read_text(encoding="utf-8").replace("![Testbys logo](logo.png)", "Ingen billeder."),
                    encoding="utf-8")
    without = images(write_pdf(root, load_catalogue(root / "docs"), "testby", "da", root / "without.pdf"))
    assert without == 0 < with_image  # WeasyPrint shares one resource list between pages


def test_a_missing_image_is_a_clean_error_not_a_traceback(fixture_repo) -> None:
    from publisher.files.findings import PublisherError

    root = fixture_repo({"testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\n"
                                               "![Testbys logo](mangler.png)\n"})
    with pytest.raises(PublisherError) as error:
        write_pdf(root, load_catalogue(root / "docs"), "testby", "da", root / "out.pdf")
    message = str(error.value.findings[0])
    assert message.startswith("docs/testby:1: error: a file the PDF shows could not be read (")
    assert "mangler.png" in message and message.endswith("'make check' names the page and line that link it")
    assert not (root / "out.pdf").exists() and not (root / "out.pdf.part").exists()


def _structure_elements(reader) -> list:
    found = []
    stack = [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if "/S" in node:
                found.append(node)
            kids = node.get("/K")
            if kids is not None:
                stack.extend(kids if isinstance(kids, list) else [kids])
        elif isinstance(node, list):
            stack.extend(node)
    return found


@pytest.mark.parametrize(("org_id", "language"), TARGETS)
def test_every_figure_has_alternative_text(pdfs, org_id: str, language: str) -> None:
    figures = [node for node in _structure_elements(pdfs[(org_id, language)]) if node["/S"] == "/Figure"]
    assert figures, "the cover's wordmark is a figure"
    assert all(str(node.get("/Alt", "")).strip() for node in figures), figures


@pytest.mark.parametrize(("org_id", "language"), TARGETS)
def test_running_header_and_footer_are_artifacts_and_the_tree_reaches_all_else(real_site: Path, org_id: str,
                                                                            language: str) -> None:
    import pikepdf

    with pikepdf.open(real_site / org_id / "pdf" / f"{org_id}-{language}.pdf") as pdf:
        root = pdf.Root.StructTreeRoot
        reachable, stack = set(), [root.K]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend(node)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node and node.objgen not in reachable:
                reachable.add(node.objgen)
                stack.append(node.get("/K"))
        parents = {int(root.ParentTree.Nums[i]): root.ParentTree.Nums[i + 1]
                   for i in range(0, len(root.ParentTree.Nums), 2)}
        for number, page in enumerate(pdf.pages[1:], start=2):
            artifacts = 0
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) != "BDC":
                    continue
                if operands[0] == pikepdf.Name.Artifact:
                    artifacts += 1
                    continue
                mcid = int(operands[1].MCID)
                element = parents[int(page.obj.StructParents)][mcid]
                assert element.objgen in reachable, (org_id, language, number, mcid)
            assert artifacts >= 3, (org_id, language, number)  # title, organisation, page x of y


def _tiny_pdf(tmp_path: Path, body: str) -> Path:
    from publisher.outputs.pdf import PDF_VARIANT
    from weasyprint import HTML

    html = ("<html lang='en'><head><title>t</title><style>@page { size: A6; margin: 10mm }"
            " body { font: 10pt/1.4 serif } .page { break-before: page }</style></head>"
            f"<body>{body}</body></html>")
    target = tmp_path / "tiny.pdf"
    HTML(string=html).write_pdf(target, pdf_variant=PDF_VARIANT)
    return target


def test_layout_reader_counts_baselines_not_extracted_lines(tmp_path: Path) -> None:
    from pdf_layout import layout_faults, page_layouts

    pdf = _tiny_pdf(tmp_path, "<p>cover</p><section class='page'><h1>Rules</h1><ol><li>one</li><li>two</li>"
                              "<li>three</li></ol></section>")
    cover, section = page_layouts(pdf)
    assert (section.lines, section.opens_section) == (4, True)  # the heading and three items, markers inline
    assert layout_faults([cover, section]) == []  # a whole short section may have a page of its own


def test_layout_reader_finds_short_and_half_empty_pages_and_a_heading_at_the_foot(tmp_path: Path) -> None:
    from pdf_layout import layout_faults, page_layouts

    pdf = _tiny_pdf(tmp_path, "<p>cover</p><section class='page'><h1>Rules</h1><p>start</p>"
                              "<p class='page'>one</p><h2>Next</h2><p class='page'>more</p></section>")
    faults = [re.sub(r"\(\d+% used\)", "(…)", fault) for fault in layout_faults(page_layouts(pdf))]
    assert faults == [
        "page 2: half empty (…) inside a section",
        "page 3: 2 line(s) carried over from the page before",
        "page 3: half empty (…) inside a section",
        "page 3: ends with a heading (H2) whose text is overleaf",
        "page 4: 1 line(s) carried over from the page before",
    ]


@pytest.mark.parametrize(("org_id", "language"), TARGETS)
def test_no_short_or_half_empty_page_and_no_heading_at_a_foot(real_site: Path, org_id: str, language: str) -> None:
    from pdf_layout import layout_faults, page_layouts

    assert layout_faults(page_layouts(real_site / org_id / "pdf" / f"{org_id}-{language}.pdf")) == []


def test_split_reader_finds_a_single_line_at_the_foot_or_the_head_of_a_page() -> None:
    from pdf_layout import split_faults
    from weasyprint import HTML

    def render(orphans_and_widows: int):
        rule = f"orphans: {orphans_and_widows}; widows: {orphans_and_widows}"
        return HTML(string=f"<html lang='en'><head><style>@page {{ size: A6; margin: 10mm }} body {{ font: 10pt/1.4 "
                           f"serif; margin: 0 }} p {{ margin: 0; {rule} }}</style></head><body>"
                           "<div style='height: 340pt'></div><p>a<br>b<br>c<br>d</p>"
                           "<div style='height: 286pt'></div><p>e<br>f<br>g</p></body></html>").render()

    assert split_faults(render(1)) == ["page 1: a p breaks with 1 line(s) here and 3 overleaf",
                                       "page 2: a p breaks with 2 line(s) here and 1 overleaf"]
    assert split_faults(render(2)) == []


@pytest.mark.parametrize(("org_id", "language"), TARGETS)
def test_no_paragraph_leaves_a_single_line_at_a_page_break(org_id: str, language: str) -> None:
    from pdf_layout import split_faults
    from publisher.outputs.pdf import confined_fetcher, render_document
    from weasyprint import HTML

    html = render_document(ROOT, CATALOGUE, org_id, language)  # what write_pdf lays out
    fetcher = confined_fetcher([CATALOGUE.org_dir(org_id), ROOT / "overrides" / "assets" / "fonts"])
    document = HTML(string=html, base_url=CATALOGUE.org_dir(org_id).as_uri() + "/", url_fetcher=fetcher).render()
    assert split_faults(document) == []


def test_the_page_counter_label_cannot_end_the_style_element() -> None:
    from publisher.outputs.pdf import css_counter_text

    label = "Side {page} af {pages}</style><h1 style='color:red'>X</h1>\"\\\n"
    assert css_counter_text(label) == (
        '"Side " counter(page) " af " counter(pages) '
        "\"\\3c /style\\3e \\3c h1 style\\3d 'color:red'\\3e X\\3c /h1\\3e \\22 \\5c \\a \"")


def test_an_image_larger_than_the_page_is_scaled_to_fit_it(fixture_repo) -> None:
    from pdf_layout import drawn_images
    from PIL import Image

    root = fixture_repo({"testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\n"
                                               "![Bredt kort](bred.png)\n\n![Højt kort](hoej.png)\n"})
    Image.new("RGB", (3000, 400), "white").save(root / "docs/testby/bred.png")  # 79 cm wide at its own size
    Image.new("RGB", (400, 4000), "white").save(root / "docs/testby/hoej.png")  # 106 cm high
    sizes = drawn_images(write_pdf(root, load_catalogue(root / "docs"), "testby", "da", root / "out.pdf"))
    text_width, page_height = 170 / 25.4 * 72, 251 / 25.4 * 72  # A4 less its margins, in points
    assert len(sizes) == 2 and all(width <= text_width and height <= page_height for width, height in sizes), sizes
    assert sizes[0][0] > 0.9 * text_width and sizes[1][1] > 0.8 * page_height  # as large as fits, in proportion
    assert abs(sizes[0][0] / sizes[0][1] - 7.5) < 0.1 and abs(sizes[1][1] / sizes[1][0] - 10) < 0.1
