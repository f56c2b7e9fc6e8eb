"""outputs/pdf_artifacts.py: content outside the structure tree (running headers and footers) becomes a
Pagination artifact. The tagged PDFs are made here with pikepdf, one page each."""

from __future__ import annotations

from pathlib import Path

import pikepdf
from publisher.outputs.pdf_artifacts import mark_running_content

CONTENT = (b"/P <</MCID 0>> BDC BT /F1 12 Tf 10 100 Td (Body) Tj ET EMC\n"
           b"/Span <</MCID 1>> BDC BT /F1 8 Tf 10 10 Td (Side 1) Tj ET EMC\n")


def tagged(path: Path, nested_parent_tree: bool = False) -> Path:
    """A page whose MCID 0 belongs to a <P> in the tree and MCID 1 to a <Span> hanging outside it
    (as WeasyPrint tags a page margin box); the parent tree flat or with /Kids."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(CONTENT)
    page.obj.StructParents = 0
    paragraph = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, K=0,
                                                     Pg=page.obj))
    span = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Span, K=1,
                                                Pg=page.obj))
    document = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document,
                                                    K=pikepdf.Array([paragraph])))
    nums = pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Array([paragraph, span])]))
    tree = pikepdf.Dictionary(Kids=pikepdf.Array([pdf.make_indirect(nums)])) if nested_parent_tree else nums
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=document,
                                                ParentTree=pdf.make_indirect(tree)))
    paragraph.P, document.P = document, root
    pdf.Root.StructTreeRoot = root
    pdf.save(path)
    return path


def page_content_and_parents(path: Path) -> tuple[bytes, list[str | None]]:
    with pikepdf.open(path) as pdf:
        tree = pdf.Root.StructTreeRoot.ParentTree
        nums = tree.Nums if "/Nums" in tree else tree.Kids[0].Nums
        return (pdf.pages[0].Contents.read_bytes(),
                [None if element is None else str(element.S) for element in nums[1]])


def test_content_outside_the_tree_becomes_a_pagination_artifact(tmp_path: Path) -> None:
    path = tagged(tmp_path / "a.pdf")
    assert mark_running_content(path) == 1
    content, parents = page_content_and_parents(path)
    assert content == (b"/P << /MCID 0 >> BDC\nBT\n/F1 12 Tf\n10 100 Td\n(Body) Tj\nET\nEMC\n"
                       b"/Artifact << /Type /Pagination >> BDC\nBT\n/F1 8 Tf\n10 10 Td\n(Side 1) Tj\nET\nEMC")
    assert parents == ["/P", None]
    assert mark_running_content(path) == 0  # nothing is left outside the tree


def test_a_parent_tree_with_kids_is_followed(tmp_path: Path) -> None:
    path = tagged(tmp_path / "a.pdf", nested_parent_tree=True)
    assert mark_running_content(path) == 1
    assert page_content_and_parents(path)[1] == ["/P", None]


def test_the_output_is_deterministic(tmp_path: Path) -> None:
    first, second = tagged(tmp_path / "a.pdf"), tagged(tmp_path / "b.pdf")
    mark_running_content(first)
    mark_running_content(second)
    assert first.read_bytes() == second.read_bytes()


def test_an_untagged_pdf_is_left_alone(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(tmp_path / "plain.pdf")
    before = (tmp_path / "plain.pdf").read_bytes()
    assert mark_running_content(tmp_path / "plain.pdf") == 0
    assert (tmp_path / "plain.pdf").read_bytes() == before
