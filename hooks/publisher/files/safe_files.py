"""Only the repository's own files, and only the kinds a guideline needs.

Every file a build reads or copies from `docs/` is resolved to its real path: a symbolic link
that leaves `docs/`, a hard link (its other names may be anywhere), or an include that climbs
out of `docs/_shared/`, is refused with the file and line. An organisation's folder holds pages
(`.md`), images and PDF attachments; an SVG image is accepted only when it cannot run code or
load anything (it is still a document a reader can open on its own, where scripts would run).
An image or PDF must be what its name says: a file that only bears the extension shows as a
broken image on the site and as bare alt text in the PDF, and no other check would notice. An
image's size in pixels is read from its header and held to what the page and the PDF can show.
"""

from __future__ import annotations

import os
import shlex
import stat
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .browser_urls import URL_ATTRIBUTES, browser_address, css_load
from .findings import Finding, display_path, visible

# The most a page may weigh on a phone: the budget the Lighthouse tests hold every page to
# (commands/lighthouse.py takes it from here); no image may weigh more.
MAX_PAGE_BYTES = 300 * 1024
PAGE_SUFFIX = ".md"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
ATTACHMENT_SUFFIXES = (".pdf",)
ALLOWED_SUFFIXES = (PAGE_SUFFIX, *IMAGE_SUFFIXES, *ATTACHMENT_SUFFIXES)
SVG_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "object", "embed", "image", "use", "feimage",
                          "animate", "set", "animatemotion", "animatetransform", "a", "handler", "listener"}
# What each binary type is called (its format, then what it is) and the bytes its files begin with
# (None: four bytes of any value).
SIGNATURES: dict[str, tuple[str, str, tuple[tuple[bytes | None, ...], ...]]] = {
    "png": ("PNG", "PNG image", ((b"\x89PNG\r\n\x1a\n",),)),
    "jpeg": ("JPEG", "JPEG image", ((b"\xff\xd8\xff",),)),
    "gif": ("GIF", "GIF image", ((b"GIF87a",), (b"GIF89a",))),
    "webp": ("WebP", "WebP image", ((b"RIFF", None, b"WEBP"),)),
    "pdf": ("PDF", "PDF document", ((b"%PDF-",),)),
}
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
KIND_OF_SUFFIX = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp", ".pdf": "pdf"}
SUFFIX_OF_KIND = {"png": ".png", "jpeg": ".jpg", "gif": ".gif", "webp": ".webp", "pdf": ".pdf"}
SIGNATURE_LENGTH = 12  # the longest signature: RIFF, four bytes of size, WEBP
ALLOWED_LIST = "pages (.md), images (.png, .jpg, .jpeg, .gif, .webp, .svg) and PDF attachments (.pdf)"


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, with every symbolic link followed, lies in `folder`."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):  # outside, unreadable, or a link loop
        return False
    return True


def _walk(folder: Path) -> list[Path]:
    """Every entry below `folder`, not following links to folders (they are judged, not entered)."""
    entries = []
    for current, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        base = Path(current)
        entries += [base / name for name in folders if (base / name).is_symlink()]
        entries += [base / name for name in sorted(files) if not name.startswith(".")]
    return entries


def hard_link_problem(path: Path) -> str | None:
    """Why a file with more than one name (a hard link) may not be read, or None.

    A hard link is the same file as its other names, wherever they are: nothing in it tells
    whether the other name lies inside the repository or is /etc/passwd or another user's file.
    Git never makes one (it cannot carry them), but a working tree can hold one."""
    try:
        status = path.lstat()
    except OSError:
        return None  # gone or unreadable: the reader that needs it says so
    if stat.S_ISREG(status.st_mode) and status.st_nlink > 1:
        name, copy = shlex.quote(path.name), shlex.quote(path.name + ".copy")  # a name may hold spaces
        return (f"is a hard link (one file with {status.st_nlink} names, which may lie outside the repository); the "
                f"build reads only the repository's own files: replace it with a copy "
                f"(cp {name} {copy} && mv {copy} {name})")
    return None


def link_problem(path: Path, docs_dir: Path) -> str | None:
    """Why a symbolic or hard link may not be read, or None."""
    if not path.is_symlink():
        return hard_link_problem(path)
    target = os.readlink(path)
    if not inside(path, docs_dir):
        return (f"is a symbolic link to {target}, outside docs/; the build reads only the repository's own "
                f"files: copy the file here instead of linking it")
    if not path.exists():
        return f"is a symbolic link to {target}, which does not exist; remove it or copy the file here"
    return hard_link_problem(path.resolve())


def _local_reference(value: str) -> bool:
    """A reference to the image itself (#id), as the browser reads the address."""
    return browser_address(value).startswith("#")


def _parse_svg(data: bytes) -> tuple[etree.Element, list[str]]:
    """The SVG's root element, and its processing instructions (before the root too, where
    `<?xml-stylesheet?>` loads a style sheet and a plain parse drops them)."""
    parser = etree.XMLPullParser(events=("start", "pi"))
    parser.feed(data)
    parser.close()
    root, instructions = None, []
    for event, item in parser.read_events():
        if event == "pi":
            instructions.append(str(item.text or ""))
        elif root is None:
            root = item
    if root is None:
        raise etree.ParseError("no element found")
    return root, instructions


def svg_problem(path: Path) -> str | None:
    """Why an SVG image could run code or load something, or None.

    Opened on its own, an SVG is a document: what it refers to is loaded. Addresses and CSS are
    read as the browser reads them (browser_urls.py): the XML parser has decoded character
    references, and CSS escapes and comments are decoded before looking for url() or @import."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"cannot be read ({error.strerror}); save it again"
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return "declares a DOCTYPE or entities; save the SVG without them (e.g. 'Plain SVG' in Inkscape)"
    try:
        root, instructions = _parse_svg(data)
    except etree.ParseError as error:
        return f"is not well-formed SVG ({error}); export it again"
    for instruction in instructions:
        if instruction.strip().lower().startswith("xml-stylesheet"):
            return (f"has '<?{visible(instruction[:60])}?>', which loads a style sheet; remove it and style the "
                    f"image inside it")
    for element in root.iter():
        namespace, _, local = str(element.tag).rpartition("}")
        name = local.lower()
        if namespace.lstrip("{") == XHTML_NAMESPACE:
            return (f"holds an HTML element <{name}>, which loads and runs in an SVG document as in a web page; "
                    f"an SVG image may hold only shapes, text, gradients and styles, so remove it")
        if name in SVG_FORBIDDEN_ELEMENTS:
            return (f"holds <{name}>, which can run code or load another file; an SVG image may hold only "
                    f"shapes, text, gradients and styles, so remove it")
        if name == "style" and css_load("".join(element.itertext())):
            return "has a <style> that loads another file (url(), image-set() or @import); remove that rule"
        for attribute, value in element.attrib.items():
            attribute = attribute.rsplit("}", 1)[-1].lower()
            if attribute.startswith("on"):
                return f"has an event attribute '{attribute}=' on <{name}>, which runs code; remove it"
            if (attribute in URL_ATTRIBUTES or attribute == "base") and not _local_reference(value):  # xml:base
                return (f"refers to '{visible(value[:60])}' ({attribute}= on <{name}>); an SVG image may refer only "
                        f"to itself (#id)")
            if css_load(value):
                return f"loads '{visible(value[:60])}' ({attribute}= on <{name}>); use only url(#id) references"
    return None


def _matches(start: bytes, signature: tuple[bytes | None, ...]) -> bool:
    """Whether `start` begins with `signature`, whose None parts stand for four bytes of any value."""
    offset = 0
    for part in signature:
        if part is not None and start[offset:offset + len(part)] != part:
            return False
        offset += 4 if part is None else len(part)
    return True


def _kind_of(start: bytes) -> str | None:
    """Which of our binary types a file beginning with `start` is, or None."""
    return next((kind for kind, (_, _, signatures) in SIGNATURES.items()
                 if any(_matches(start, signature) for signature in signatures)), None)


def _shown(start: bytes) -> str:
    """The first bytes of a file as an author can read them: printable ASCII as it is, the rest escaped."""
    return "".join(chr(byte) if 32 <= byte < 127 and byte != 39 else f"\\x{byte:02x}" for byte in start)


def signature_problem(path: Path) -> str | None:
    """Why an image or PDF is not of the type its extension names (a renamed or damaged file), or None."""
    kind = KIND_OF_SUFFIX.get(path.suffix.lower())
    if kind is None:
        return None
    try:
        with path.open("rb") as file:
            start = file.read(SIGNATURE_LENGTH)
    except OSError as error:
        return f"cannot be read ({error.strerror}); save it again"
    form, name, signatures = SIGNATURES[kind]
    if any(_matches(start, signature) for signature in signatures):
        return None
    real = _kind_of(start)
    if real is not None:  # a JPEG saved as .png: the server names the type by the extension, so say what to rename
        return (f"{path.name} is not a {name} (it is a {SIGNATURES[real][1]}); rename it to "
                f"{path.stem}{SUFFIX_OF_KIND[real]} and change the links to it, or export it again as {form}")
    seen = "it is empty" if not start else f"it starts with '{_shown(start[:6])}'"
    return f"{path.name} is not a {name} ({seen}); export it again as {form} or rename it to its real type"


# The largest image, in pixels on its longer side. The site shows an image at most as wide as the
# text column (about 1,000 CSS pixels, 2,000 on a sharp screen) and the PDF at most as wide as an A4
# page's text (17 cm: 2,000 pixels at 300 dpi); 4,000 leaves room for a tall figure or for cropping
# and still decodes to 64 MB at most on a reader's phone. Larger images only cost readers.
MAX_IMAGE_SIDE = 4000
MAX_IMAGE_BYTES = MAX_PAGE_BYTES
# A JPEG's size comes after its metadata segments (Exif, colour profile): how far to read for it.
JPEG_HEADER_LIMIT = 1 << 20
_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(head: bytes) -> tuple[int, int] | None:
    """Width and height from a JPEG's frame header, walking its segments (no pixel is decoded)."""
    position = 2
    while position + 4 <= len(head):
        if head[position] != 0xFF:
            return None
        marker = head[position + 1]
        if marker == 0xFF:  # fill byte before a marker
            position += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # markers without a length
            position += 2
            continue
        length = int.from_bytes(head[position + 2:position + 4], "big")
        if marker in _JPEG_FRAMES:
            frame = head[position + 5:position + 9]
            if len(frame) < 4:
                return None
            return int.from_bytes(frame[2:4], "big"), int.from_bytes(frame[0:2], "big")
        if marker == 0xDA or length < 2:  # the image data starts, or a broken segment: no frame header found
            return None
        position += 2 + length
    return None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8X" and len(head) >= 30:
        return int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1
    if chunk == b"VP8L" and len(head) >= 25 and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 " and len(head) >= 30 and head[23:26] == b"\x9d\x01\x2a":
        return int.from_bytes(head[26:28], "little") & 0x3FFF, int.from_bytes(head[28:30], "little") & 0x3FFF
    return None


def _gif_size(data: bytes) -> tuple[int, int] | None:
    """A GIF's size: its logical screen, grown to hold every frame (a decoder allocates what a frame
    says, whatever the screen says), walking its blocks without decoding them."""
    if len(data) < 13:
        return None
    width, height = int.from_bytes(data[6:8], "little"), int.from_bytes(data[8:10], "little")
    position = 13 + (3 << ((data[10] & 7) + 1) if data[10] & 0x80 else 0)  # after the global colour table
    while position < len(data) and data[position] != 0x3B:  # up to the trailer
        if data[position] == 0x21:  # an extension: its label, then data sub-blocks
            position += 2
        elif data[position] == 0x2C and position + 10 <= len(data):  # a frame: where and how large, then its data
            left, top, frame_width, frame_height = (int.from_bytes(data[position + at:position + at + 2], "little")
                                                    for at in (1, 3, 5, 7))
            width, height = max(width, left + frame_width), max(height, top + frame_height)
            flags = data[position + 9]
            position += 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0) + 1  # local colour table, LZW size
        else:
            break  # damaged after the header: the sizes read so far stand
        while position < len(data) and data[position]:  # data sub-blocks, each led by its length
            position += data[position] + 1
        position += 1
    return width, height


def image_size(path: Path) -> tuple[int, int] | None:
    """An image's width and height in pixels as its header states them (what a browser allocates and
    a PDF embeds), read without decoding it; None when the header ends before it says."""
    kind = KIND_OF_SUFFIX.get(path.suffix.lower())
    with path.open("rb") as file:  # a GIF's frames may lie anywhere in it (its bytes are limited first)
        head = file.read(JPEG_HEADER_LIMIT if kind in ("jpeg", "gif") else 32)
    if kind == "png" and len(head) >= 24 and head[12:16] == b"IHDR":
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if kind == "gif":
        return _gif_size(head)
    if kind == "jpeg":
        return _jpeg_size(head)
    if kind == "webp":
        return _webp_size(head)
    return None


def byte_problem(path: Path) -> str | None:
    """Why an image is too large in bytes for a page to carry it, or None: a page that shows it would
    weigh more than a whole page may on a phone (the page budget the tests hold, lighthouse.py)."""
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    try:
        size = path.stat().st_size
    except OSError as error:
        return f"cannot be read ({error.strerror}); save it again"
    if size > MAX_IMAGE_BYTES:
        return (f"{path.name} is {size // 1024} KB; a page that shows it would weigh more than the "
                f"{MAX_IMAGE_BYTES // 1024} KB a whole page may on a phone: save it smaller (fewer pixels, JPEG "
                f"quality 80 for a photo, fewer colours for a drawing)")
    return None


def pixel_problem(path: Path) -> str | None:
    """Why an image (of the type its name says) is too large in pixels or has no readable size, or None."""
    if path.suffix.lower() not in IMAGE_SUFFIXES or path.suffix.lower() == ".svg":
        return None
    try:
        size = image_size(path)
    except OSError as error:
        return f"cannot be read ({error.strerror}); save it again"
    if size is None or 0 in size:
        return f"{path.name} is damaged: its header does not say how large it is; export it again"
    width, height = size
    if max(width, height) > MAX_IMAGE_SIDE:
        return (f"{path.name} is {width}×{height} pixels; an image may be at most {MAX_IMAGE_SIDE} pixels wide and "
                f"high (the site shows it at most about 2,000 pixels wide on a sharp screen, the PDF on A4): scale "
                f"it down, e.g. to 2000 pixels on its longer side, and save it again")
    return None


def _folder_findings(folder: Path, docs_dir: Path, root: Path, suffixes: tuple[str, ...], wrong_type: str,
                     ) -> list[Finding]:
    if problem := link_problem(folder, docs_dir):  # the folder itself a link out: its files are not ours
        return [Finding(display_path(folder, root), 1, problem)]
    findings = []
    for path in _walk(folder):
        problem = link_problem(path, docs_dir)
        if problem is None and path.suffix.lower() not in suffixes and not path.is_dir():
            problem = wrong_type.format(suffix=path.suffix or path.name)
        if problem is None and path.suffix.lower() == PAGE_SUFFIX and path.suffix != PAGE_SUFFIX:
            problem = (f"is no page: MkDocs reads only names ending in lowercase '{PAGE_SUFFIX}' as pages and would "
                       f"publish this file's source as it is; rename it to {path.stem}{PAGE_SUFFIX}")
        if problem is None and path.suffix.lower() == ".svg":
            problem = svg_problem(path)
        if problem is None and not path.is_dir():
            problem = signature_problem(path) or byte_problem(path) or pixel_problem(path)
        if problem:
            findings.append(Finding(display_path(path, root), 1, problem))
    return findings


def org_file_findings(org_dir: Path, docs_dir: Path, root: Path) -> list[Finding]:
    """Every file of an organisation's folder that may not be published, with why and how to fix it."""
    return _folder_findings(org_dir, docs_dir, root, ALLOWED_SUFFIXES,
                            f"files of type '{{suffix}}' are not published: docs/{org_dir.name}/ holds "
                            f"{ALLOWED_LIST}; remove this file or convert it")


def snippet_file_findings(snippets_dir: Path, docs_dir: Path, root: Path) -> list[Finding]:
    """Shared wordings are Markdown files inside docs/_shared/, never links out of docs/."""
    return _folder_findings(snippets_dir, docs_dir, root, (PAGE_SUFFIX,),
                            "docs/_shared/ holds shared wordings as Markdown (.md) only; remove this file")


# The folders of docs/ whose files reach the sites besides the organisations' and the shared
# wordings (checked with their pages): the editorial record and the kept editions (their PDFs
# are copied into the site as they are). docs/_sources/ is never published.
DATA_FOLDERS = ("_editorial", "_editions")


def data_file_findings(docs_dir: Path, root: Path) -> list[Finding]:
    """The data files of docs/ (organisations.yml, languages.yml, …, the editorial record and the
    kept editions) that are links: the build reads only the repository's own files."""
    paths = sorted(path for path in docs_dir.iterdir() if not path.name.startswith(".") and not path.is_dir())
    for name in DATA_FOLDERS:
        folder = docs_dir / name
        if folder.is_symlink():
            paths.append(folder)  # judged itself, never entered
        elif folder.is_dir():
            paths += _walk(folder)
    return [Finding(display_path(path, root), 1, problem) for path in paths
            if (problem := link_problem(path, docs_dir))]


def include_problem(path: Path, snippets_dir: Path, written: str) -> str | None:
    """Why the snippet file `path` (included as `written`) may not be read, or None."""
    if not inside(path.parent, snippets_dir) or ".." in Path(written).parts or Path(written).is_absolute():
        return (f"'{written}' points outside docs/_shared/; include a shared wording by its path there, "
                f"like 'threats/kalundborg.da.md'")
    if path.is_symlink() and not inside(path, snippets_dir):
        return (f"shared wording '{written}' is a symbolic link to {os.readlink(path)}, outside docs/_shared/; "
                f"copy the text into the wording file instead")
    return None


def confined_fetcher(folders: list[Path]) -> Any:
    """A WeasyPrint URL fetcher that reads `data:` and the files inside `folders`, nothing else."""
    from urllib.request import url2pathname

    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class _Confined(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.lower().startswith("file:"):
                path = Path(url2pathname(urlsplit(url).path))
                if not any(inside(path, folder) for folder in folders):
                    raise FatalURLFetchingError(f"'{path}' is outside the organisation's folder")
            return super().fetch(url, headers)

    return _Confined(allowed_protocols=("file", "data"), fail_on_errors=True)
