"""How large an image may be: in bytes for a page to carry it, in pixels for a reader to decode it.

An image's size in pixels is read from its header (PNG, JPEG, GIF, WebP), without decoding it,
and held to what the page and the PDF can show.
"""

from __future__ import annotations

from pathlib import Path

from .file_kinds import IMAGE_SUFFIXES, KIND_OF_SUFFIX

# The most a page may weigh on a phone: the budget the Lighthouse tests hold every page to
# (commands/lighthouse.py takes it from here); no image may weigh more.
MAX_PAGE_BYTES = 300 * 1024
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
