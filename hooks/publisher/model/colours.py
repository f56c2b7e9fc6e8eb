"""Colour arithmetic and the WCAG 2.1 contrast rule of a palette.

Used where organisations.yml is loaded, so `make check` and the build refuse the same palette at its line,
and by branding.py, which derives the site's colours from it.
"""

from __future__ import annotations

WHITE = "#ffffff"
# mkdocs-material's slate background, hsl(232 15% 14%), the darkest surface links sit on.
SLATE_BACKGROUND = "#1e1f29"
MIN_TEXT_CONTRAST = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    r, g, b = (_channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(colour: str, other: str, weight: float) -> str:
    """`colour` moved towards `other` by `weight` (0..1)."""
    pairs = zip(_rgb(colour), _rgb(other), strict=True)
    return "#" + "".join(f"{round(a + (b - a) * weight):02x}" for a, b in pairs)


def readable_on(colour: str, background: str, towards: str) -> str:
    """The nearest shade of `colour` (moving towards `towards`) readable on `background`."""
    for step in range(0, 101):
        shade = mix(colour, towards, step / 100)
        if contrast(shade, background) >= MIN_TEXT_CONTRAST + 0.1:
            return shade
    return towards


def primary_problem(primary: str) -> str | None:
    """Why `primary` cannot carry the white header text, or None."""
    ratio = contrast(primary, WHITE)
    if ratio < MIN_TEXT_CONTRAST:
        return (f"primary colour {primary} gives white header text a contrast of "
                f"{ratio:.2f}:1 (WCAG AA needs {MIN_TEXT_CONTRAST}:1); choose a darker colour")
    return None
