"""Per-organisation branding derived from the palette: CSS variables, wordmark, favicon.

Colours are checked against WCAG 2.1 contrast here, so a palette that would make text
unreadable in the light or the dark scheme fails the build instead of shipping.
"""

from __future__ import annotations

from html import escape

from .organisations import Organisation

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


def palette_problems(org: Organisation) -> list[str]:
    """Why the palette cannot be used as it is (empty when it can)."""
    problems = []
    ratio = contrast(org.palette.primary, WHITE)
    if ratio < MIN_TEXT_CONTRAST:
        problems.append(
            f"primary colour {org.palette.primary} gives white header text a contrast of "
            f"{ratio:.2f}:1 (WCAG AA needs {MIN_TEXT_CONTRAST}:1); choose a darker colour"
        )
    return problems


def palette_css(org: Organisation) -> str:
    """CSS custom properties for mkdocs-material's `primary: custom` / `accent: custom`."""
    primary = org.palette.primary
    accent = readable_on(org.palette.accent, WHITE, "#000000")
    dark_link = readable_on(primary, SLATE_BACKGROUND, WHITE)
    dark_accent = readable_on(org.palette.accent, SLATE_BACKGROUND, WHITE)
    return f"""/* Generated from docs/organisations.yml for {org.id}; do not edit. */
:root {{
  --md-primary-fg-color: {primary};
  --md-primary-fg-color--light: {mix(primary, WHITE, 0.2)};
  --md-primary-fg-color--dark: {mix(primary, "#000000", 0.2)};
  --md-primary-bg-color: #ffffff;
  --md-primary-bg-color--light: rgba(255, 255, 255, 0.82);
  --md-accent-fg-color: {accent};
  --md-accent-fg-color--transparent: {accent}1a;
  --org-link-color: {primary};
}}
[data-md-color-scheme="slate"] {{
  --md-accent-fg-color: {dark_accent};
  --md-accent-fg-color--transparent: {dark_accent}1a;
  --md-typeset-a-color: {dark_link};
  --org-link-color: {dark_link};
}}
"""


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    return "".join(w[0].upper() for w in words[:2]) or name[:2].upper()


def wordmark_svg(org: Organisation, decorative: bool = False) -> str:
    """A simple text wordmark drawn for this project: initials in a rounded square.

    `decorative` for a wordmark beside the organisation's written name (hidden from screen readers).
    """
    letters = escape(initials(org.name))
    name = escape(org.name)
    role = 'aria-hidden="true" focusable="false"' if decorative else f'role="img" aria-label="{name}"'
    return f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" {role}>
  <rect x="1.5" y="1.5" width="45" height="45" rx="9" fill="{org.palette.primary}"
        stroke="#ffffff" stroke-width="3"/>
  <text x="24" y="31" text-anchor="middle" font-family="'Source Sans 3', Arial, sans-serif"
        font-size="20" font-weight="700" fill="#ffffff">{letters}</text>
</svg>
"""
