"""Per-organisation branding derived from the palette: CSS variables, wordmark, favicon.

Colours are checked against WCAG 2.1 contrast (colours.py) when organisations.yml loads, so a palette
that would make text unreadable fails `make check` and the build alike instead of shipping.
"""

from __future__ import annotations

from html import escape

from ..model.colours import SLATE_BACKGROUND, WHITE, mix, readable_on
from ..model.organisation_types import Organisation


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
