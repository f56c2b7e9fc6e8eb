"""Only the repository's own files are read (publisher/files: safe_files, file_kinds, image_sizes, svg_images,
findings): no links out of it, no files of another kind than their name says, no tracebacks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from checking import CLEAN_SVG, FM_DA, TAVSHED, WITH_FIGURE
from publisher.checks import check_all
from publisher.files.findings import Finding
from publisher.model.organisations import load_catalogue
from publisher.pipeline.whole import build_all


def errors(root: Path) -> list[str]:
    return [str(f) for f in check_all(load_catalogue(root / "docs")).errors]


def test_symlink_out_of_the_repository_is_refused(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA + TAVSHED + "Se [bilaget](bilag.pdf).\n"})
    (root / "docs/testby/bilag.pdf").symlink_to("/etc/passwd")
    assert errors(root) == [
        "docs/testby/bilag.pdf:1: error: is a symbolic link to /etc/passwd, outside docs/; the build reads only the "
        "repository's own files: copy the file here instead of linking it",
    ]


@pytest.mark.parametrize("folder", ["testby", "_shared", "_editorial"])
def test_a_folder_linked_out_of_the_repository_is_refused(fixture_repo, tmp_path: Path, folder: str) -> None:
    root = fixture_repo()
    outside = tmp_path / "elsewhere"
    target = root / "docs" / folder
    if target.exists():
        target.rename(outside)
    else:
        outside.mkdir()
        (outside / "testby.yml").write_text("changes: []\n", encoding="utf-8")
    target.symlink_to(outside, target_is_directory=True)
    assert f"docs/{folder}:1: error: is a symbolic link to {outside}, outside docs/; the build reads only the " \
           f"repository's own files: copy the file here instead of linking it" in errors(root)


def hard_link_message(name: str) -> str:
    quoted, copy = (f"'{name}'", f"'{name}.copy'") if " " in name else (name, f"{name}.copy")
    return (f"is a hard link (one file with 2 names, which may lie outside the repository); the build reads only "
            f"the repository's own files: replace it with a copy (cp {quoted} {copy} && mv {copy} {quoted})")


@pytest.mark.parametrize(("name", "page"), [
    ("testby/bilag.pdf", FM_DA + TAVSHED + "Se [bilaget](bilag.pdf).\n"),
    ("testby/kort.png", FM_DA + TAVSHED + "![Kort](kort.png)\n"),
    ("testby/mit kort.png", FM_DA + TAVSHED + "![Kort](mit%20kort.png)\n"),
    ("_shared/confidentiality/testby.da.md", None),
    ("topics.yml", None),
    ("_editorial/testby.yml", None),
])
def test_a_hard_link_is_refused_like_a_symbolic_link(fixture_repo, tmp_path: Path, name: str,
                                                     page: str | None) -> None:
    # Outside the repository, on the same disk: the file a hard link in docs/ would publish.
    outside = tmp_path / "elsewhere" / "secret"
    outside.parent.mkdir()
    outside.write_bytes(b"%PDF-1.7\n" if name.endswith(".pdf") else png(10, 10) if name.endswith(".png")
                        else b"changes: []\n")
    root = fixture_repo({"testby/regler.da.md": page} if page else None)
    target = root / "docs" / name
    if target.exists():
        outside.write_bytes(target.read_bytes())
        target.unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    os.link(outside, target)
    assert errors(root) == [f"docs/{name}:1: error: {hard_link_message(target.name)}"]


def test_the_build_refuses_a_hard_link(fixture_repo, tmp_path: Path) -> None:
    from publisher.pipeline.whole import BuildFailed

    root = fixture_repo({"testby/regler.da.md": FM_DA + TAVSHED + "Se [bilaget](bilag.pdf).\n"})
    (tmp_path / "secret.pdf").write_bytes(b"%PDF-1.7\n")
    os.link(tmp_path / "secret.pdf", root / "docs/testby/bilag.pdf")
    with pytest.raises(BuildFailed) as failed:
        build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    assert f"docs/testby/bilag.pdf:1: error: {hard_link_message('bilag.pdf')}" in str(failed.value)
    assert not (root / "site").exists()


@pytest.mark.parametrize("name", ["bilag.txt", "side.html", "kode.js", "billeder/x.exe"])
def test_files_that_are_not_pages_images_or_pdfs_are_refused(fixture_repo, name: str) -> None:
    root = fixture_repo({f"testby/{name}": "<script>alert(1)</script>"})
    suffix = Path(name).suffix
    assert errors(root) == [
        f"docs/testby/{name}:1: error: files of type '{suffix}' are not published: docs/testby/ holds pages (.md), "
        f"images (.png, .jpg, .jpeg, .gif, .webp, .svg) and PDF attachments (.pdf); remove this file or convert it",
    ]


@pytest.mark.parametrize("name", ["ekstra.da.MD", "ekstra.da.Md"])
def test_a_page_whose_name_ends_in_capital_md_is_refused(fixture_repo, name: str) -> None:
    # MkDocs takes only '.md' as a page: it would publish the source (front matter, any <script>) as a file.
    root = fixture_repo({f"testby/{name}": "---\ntitle: Ekstra\n---\n\n<script>alert(1)</script>\n"})
    assert errors(root) == [
        f"docs/testby/{name}:1: error: is no page: MkDocs reads only names ending in lowercase '.md' as pages and "
        f"would publish this file's source as it is; rename it to ekstra.da.md",
    ]


@pytest.mark.parametrize(("svg", "problem"), [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "holds <script>, which can run code or load another file; an SVG image may hold only shapes, text, gradients "
     "and styles, so remove it"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><circle r="1" onload="alert(1)"/></svg>',
     "has an event attribute 'onload=' on <circle>, which runs code; remove it"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
     "holds <foreignobject>, which can run code or load another file; an SVG image may hold only shapes, text, "
     "gradients and styles, so remove it"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://t.example.com/x)"/></svg>',
     "loads 'fill: url(https://t.example.com/x)' (style= on <rect>); use only url(#id) references"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(x.css);</style></svg>',
     "has a <style> that loads another file (url(), image-set() or @import); remove that rule"),
    ('<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
     "declares a DOCTYPE or entities; save the SVG without them (e.g. 'Plain SVG' in Inkscape)"),
    # As the browser reads it: CSS escapes, comments and character references decoded.
    ('<svg xmlns="http://www.w3.org/2000/svg"><style>@\\69mport "https://t.example.com/x.css";</style></svg>',
     "has a <style> that loads another file (url(), image-set() or @import); remove that rule"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><style>rect { fill: u\\72l(https://t.example.com/x.svg#a) }</style>'
     '</svg>', "has a <style> that loads another file (url(), image-set() or @import); remove that rule"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><style><![CDATA[rect { fill: u/**/rl(#a); stroke: \\75rl(//t.exa'
     'mple.com/a) }]]></style></svg>',
     "has a <style> that loads another file (url(), image-set() or @import); remove that rule"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect fill="&#x75;rl(https://t.example.com/x.svg#a)"/></svg>',
     "loads 'url(https://t.example.com/x.svg#a)' (fill= on <rect>); use only url(#id) references"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0" marker-start="url( \'//t.example.com/m.svg#m\' )"/>'
     '</svg>', "loads 'url( \'//t.example.com/m.svg#m\' )' (marker-start= on <path>); use only url(#id) references"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect cursor="url(https://t.example.com/c.png), auto"/></svg>',
     "loads 'url(https://t.example.com/c.png), auto' (cursor= on <rect>); use only url(#id) references"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><linearGradient id="g" '
     'x:href="&#32;https://t.example.com/g.svg#g"/></svg>',
     "refers to ' https://t.example.com/g.svg#g' (href= on <lineargradient>); an SVG image may refer only to itself "
     "(#id)"),
    ('<?xml-stylesheet href="https://t.example.com/x.css"?><svg xmlns="http://www.w3.org/2000/svg"/>',
     "has '<?xml-stylesheet href=\"https://t.example.com/x.css\"?>', which loads a style sheet; remove it and style "
     "the image inside it"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xml:base="https://t.example.com/"><rect fill="url(#a)"/></svg>',
     "refers to 'https://t.example.com/' (base= on <svg>); an SVG image may refer only to itself (#id)"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:img src="#a"/></svg>',
     "holds an HTML element <img>, which loads and runs in an SVG document as in a web page; an SVG image may hold "
     "only shapes, text, gradients and styles, so remove it"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><g xmlns="http://www.w3.org/1999/xhtml" poster="x.png"/></svg>',
     "holds an HTML element <g>, which loads and runs in an SVG document as in a web page; an SVG image may hold "
     "only shapes, text, gradients and styles, so remove it"),
])
def test_svg_images_must_be_inert(fixture_repo, svg: str, problem: str) -> None:
    root = fixture_repo({"testby/figur.svg": svg, "testby/regler.da.md": FM_DA + TAVSHED + "![Figur](figur.svg)\n"})
    assert errors(root) == [f"docs/testby/figur.svg:1: error: {problem}"]


def test_an_inert_svg_image_is_published(fixture_repo) -> None:
    root = fixture_repo(WITH_FIGURE)
    assert errors(root) == []
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    assert (root / "site/testby/figur.svg").read_text(encoding="utf-8") == CLEAN_SVG


MAP_PAGE = FM_DA + TAVSHED + "![Kort over kontoret](kort.png)\n"


def page_showing(name: str) -> str:
    """A page that shows the image `name`, or links to it when it is a PDF."""
    return FM_DA + TAVSHED + (f"[Bilaget]({name})\n" if name.endswith(".pdf") else f"![Kort over kontoret]({name})\n")


PNG_START = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def png(width: int, height: int) -> bytes:
    """The first bytes of a PNG image of that size: its header is all the checks read."""
    return PNG_START + width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"


def gif(width: int, height: int, frame: tuple[int, int] | None = None) -> bytes:
    """A GIF: its logical screen, a comment, and a frame of its own size (a blank 1×1 one by default)."""
    def size(w: int, h: int) -> bytes:
        return w.to_bytes(2, "little") + h.to_bytes(2, "little")
    frame_width, frame_height = frame or (1, 1)
    return (b"GIF89a" + size(width, height) + b"\x00\x00\x00" + b"\x21\xfe\x02hi\x00"
            + b"\x2c" + size(0, 0) + size(frame_width, frame_height) + b"\x00" + b"\x02\x02\x4c\x01\x00" + b"\x3b")


def jpeg(width: int, height: int) -> bytes:
    """A JPEG's start: an Exif segment (metadata comes before the size), then the frame header."""
    exif = b"\xff\xe1" + (2 + 6 + 300).to_bytes(2, "big") + b"Exif\x00\x00" + bytes(300)
    return (b"\xff\xd8" + exif + b"\xff\xc2\x00\x11\x08" + height.to_bytes(2, "big") + width.to_bytes(2, "big")
            + b"\x03" + bytes(9))


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("kort.png", b"not an image\n",
     "kort.png is not a PNG image (it starts with 'not an'); export it again as PNG or rename it to its real type"),
    ("kort.png", b"\xff\xd8\xff\xe0\x00\x10JFIF",
     "kort.png is not a PNG image (it is a JPEG image); rename it to kort.jpg and change the links to it, or export "
     "it again as PNG"),
    ("foto.JPEG", b"\x00\x00\x00\x18ftypheic",
     "foto.JPEG is not a JPEG image (it starts with '\\x00\\x00\\x00\\x18ft'); export it again as JPEG or rename it "
     "to its real type"),
    ("figur.gif", b"",
     "figur.gif is not a GIF image (it is empty); export it again as GIF or rename it to its real type"),
    ("figur.webp", b"RIFF\x24\x00\x00\x00WAVEfmt ",
     "figur.webp is not a WebP image (it starts with 'RIFF$\\x00'); export it again as WebP or rename it to its real "
     "type"),
    ("bilag.pdf", b"<html><body>Log ind</body></html>",
     "bilag.pdf is not a PDF document (it starts with '<html>'); export it again as PDF or rename it to its real type"),
    ("billeder/logo.jpg", PNG_START,
     "logo.jpg is not a JPEG image (it is a PNG image); rename it to logo.png and change the links to it, or export "
     "it again as JPEG"),
])
def test_an_image_or_pdf_must_be_what_its_name_says(fixture_repo, name: str, content: bytes, problem: str) -> None:
    root = fixture_repo({"testby/regler.da.md": page_showing(name)})
    (root / "docs/testby" / name).parent.mkdir(exist_ok=True)
    (root / "docs/testby" / name).write_bytes(content)
    assert errors(root) == [f"docs/testby/{name}:1: error: {problem}"]


@pytest.mark.parametrize(("name", "content"), [
    ("kort.png", png(4000, 300)), ("kort.jpg", jpeg(1, 4000)), ("kort.jpeg", jpeg(2000, 1500)),
    ("kort.gif", gif(1, 1)), ("kort.GIF", gif(4000, 4000)),
    ("kort.webp", b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x63\xc0\x18\x00"),
    ("bilag.pdf", b"%PDF-1.7\n"),
])
def test_images_and_pdfs_of_their_named_type_pass(fixture_repo, name: str, content: bytes) -> None:
    root = fixture_repo({"testby/regler.da.md": page_showing(name)})
    (root / "docs/testby" / name).write_bytes(content)
    assert errors(root) == []


def test_an_image_heavier_than_a_page_may_be_is_refused(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": page_showing("kort.png")})
    (root / "docs/testby/kort.png").write_bytes(png(2000, 1000) + bytes(300 * 1024))
    assert errors(root) == [
        "docs/testby/kort.png:1: error: kort.png is 300 KB; a page that shows it would weigh more than the 300 KB a "
        "whole page may on a phone: save it smaller (fewer pixels, JPEG quality 80 for a photo, fewer colours for a "
        "drawing)"]
    (root / "docs/testby/kort.png").write_bytes(png(2000, 1000) + bytes(300 * 1024 - 40))
    assert errors(root) == []


def too_large(name: str, width: int, height: int) -> str:
    return (f"{name} is {width}×{height} pixels; an image may be at most 4000 pixels wide and high (the site shows "
            f"it at most about 2,000 pixels wide on a sharp screen, the PDF on A4): scale it down, e.g. to 2000 "
            f"pixels on its longer side, and save it again")


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("kort.png", png(40000, 40000), too_large("kort.png", 40000, 40000)),
    ("kort.png", png(4001, 10), too_large("kort.png", 4001, 10)),
    ("kort.jpg", jpeg(300, 4001), too_large("kort.jpg", 300, 4001)),
    ("kort.gif", gif(65535, 1), too_large("kort.gif", 65535, 1)),
    # A decoder allocates what a frame says, whatever the logical screen says.
    ("kort.gif", gif(1, 1, frame=(40000, 40000)), too_large("kort.gif", 40000, 40000)),
    ("kort.webp", b"RIFF\x1a\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00\x3f\x9c\x00\x0f\x00\x00",
     too_large("kort.webp", 40000, 16)),
    ("kort.webp", b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\xa0\x0f\x00\x00",
     too_large("kort.webp", 4001, 1)),
    ("kort.png", PNG_START + b"\x00\x00", "kort.png is damaged: its header does not say how large it is; export it "
                                          "again"),
    ("kort.jpg", b"\xff\xd8\xff\xda\x00\x02", "kort.jpg is damaged: its header does not say how large it is; "
                                                "export it again"),
])
def test_an_image_too_large_in_pixels_is_refused(fixture_repo, name: str, content: bytes, problem: str) -> None:
    # A 40000×40000 PNG is a few bytes of header and 1.6 gigapixels in a reader's browser and the PDF.
    root = fixture_repo({"testby/regler.da.md": page_showing(name)})
    (root / "docs/testby" / name).write_bytes(content)
    assert errors(root) == [f"docs/testby/{name}:1: error: {problem}"]


def test_the_build_refuses_an_image_that_is_not_one(fixture_repo) -> None:
    from publisher.pipeline.whole import BuildFailed

    root = fixture_repo({"testby/regler.da.md": MAP_PAGE})
    (root / "docs/testby/kort.png").write_text("not an image\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    assert ("docs/testby/kort.png:1: error: kort.png is not a PNG image (it starts with 'not an'); export it again "
            "as PNG or rename it to its real type") in str(failed.value)
    assert not (root / "site").exists()


def test_wording_symlinked_out_of_the_repository_is_refused(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA + TAVSHED + '--8<-- "confidentiality/hemmelig.da.md"\n'})
    (root / "docs/_shared/confidentiality/hemmelig.da.md").symlink_to("/etc/passwd")
    assert errors(root) == [
        "docs/_shared/confidentiality/hemmelig.da.md:1: error: is a symbolic link to /etc/passwd, outside docs/; the "
        "build reads only the repository's own files: copy the file here instead of linking it",
        "docs/testby/regler.da.md:10: error: shared wording 'confidentiality/hemmelig.da.md' is a symbolic link to "
        "/etc/passwd, outside docs/_shared/; copy the text into the wording file instead",
    ]


def test_include_outside_the_shared_folder_is_a_finding_not_a_traceback(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA + TAVSHED + '--8<-- "da/../../testby/index.da.md"\n'})
    assert errors(root) == [
        "docs/testby/regler.da.md:10: error: 'da/../../testby/index.da.md' is not a shared wording: include one as "
        "--8<-- \"<topic>/<wording>.da.md\" (files in docs/_shared/)",
    ]


def test_wording_with_a_byte_order_mark_is_included(fixture_repo) -> None:
    root = fixture_repo()
    wording = root / "docs/_shared/confidentiality/testby.da.md"
    wording.write_bytes(b"\xef\xbb\xbf" + wording.read_bytes())
    assert errors(root) == []
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    page = (root / "site/testby/regler.html").read_text(encoding="utf-8")
    assert "<p>Testbys tekst om tavshed.</p>" in page and "\ufeff" not in page


def test_pdf_reads_no_file_outside_the_organisation(tmp_path: Path) -> None:
    from publisher.files.safe_files import confined_fetcher
    from weasyprint.urls import FatalURLFetchingError

    (tmp_path / "org").mkdir()
    (tmp_path / "org/a.png").write_bytes(b"x")
    fetcher = confined_fetcher([tmp_path / "org"])
    assert fetcher.fetch((tmp_path / "org/a.png").as_uri()).read() == b"x"
    with pytest.raises(FatalURLFetchingError, match="outside the organisation's folder"):
        fetcher.fetch("file:///etc/passwd")
    (tmp_path / "org/b.png").symlink_to("/etc/passwd")
    with pytest.raises(FatalURLFetchingError):
        fetcher.fetch((tmp_path / "org/b.png").as_uri())


def test_shared_folder_holds_only_markdown(fixture_repo) -> None:
    root = fixture_repo({"_shared/confidentiality/kode.js": "alert(1)\n"})
    assert errors(root) == [
        "docs/_shared/confidentiality/kode.js:1: error: docs/_shared/ holds shared wordings as Markdown (.md) only; "
        "remove this file",
    ]


def test_github_annotations_cannot_be_forged_by_a_file_name() -> None:
    finding = Finding("docs/x\n::error file=a.md,line=1::forged,y:z.md", 3, "50% done\r\n::warning::x")
    assert finding.github_annotation() == (
        "::error file=docs/x%0A%3A%3Aerror file=a.md%2Cline=1%3A%3Aforged%2Cy%3Az.md,line=3::"
        "50%25 done%0D%0A::warning::x"
    )
    assert "\n" not in finding.github_annotation()
