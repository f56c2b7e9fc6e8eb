"""What each kind of file in docs/ is called, and whether an image or PDF is what its name says.

A file that only bears an image's or PDF's extension shows as a broken image on the site and as
bare alt text in the PDF, and no other check would notice: its first bytes are compared with the
signature its type begins with, and a renamed file is told what to be renamed to.
"""

from __future__ import annotations

from pathlib import Path

PAGE_SUFFIX = ".md"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
ATTACHMENT_SUFFIXES = (".pdf",)
ALLOWED_SUFFIXES = (PAGE_SUFFIX, *IMAGE_SUFFIXES, *ATTACHMENT_SUFFIXES)
# What each binary type is called (its format, then what it is) and the bytes its files begin with
# (None: four bytes of any value).
SIGNATURES: dict[str, tuple[str, str, tuple[tuple[bytes | None, ...], ...]]] = {
    "png": ("PNG", "PNG image", ((b"\x89PNG\r\n\x1a\n",),)),
    "jpeg": ("JPEG", "JPEG image", ((b"\xff\xd8\xff",),)),
    "gif": ("GIF", "GIF image", ((b"GIF87a",), (b"GIF89a",))),
    "webp": ("WebP", "WebP image", ((b"RIFF", None, b"WEBP"),)),
    "pdf": ("PDF", "PDF document", ((b"%PDF-",),)),
}
KIND_OF_SUFFIX = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp", ".pdf": "pdf"}
SUFFIX_OF_KIND = {"png": ".png", "jpeg": ".jpg", "gif": ".gif", "webp": ".webp", "pdf": ".pdf"}
SIGNATURE_LENGTH = 12  # the longest signature: RIFF, four bytes of size, WEBP
ALLOWED_LIST = "pages (.md), images (.png, .jpg, .jpeg, .gif, .webp, .svg) and PDF attachments (.pdf)"


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
