"""render/branding.py: the palette's CSS variables (readable in light and dark) and the wordmark."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from publisher.model.colours import MIN_TEXT_CONTRAST, SLATE_BACKGROUND, WHITE, contrast
from publisher.model.organisation_types import Organisation
from publisher.render.branding import initials, palette_css, wordmark_svg
from units import fixture_catalogue


@pytest.fixture
def org(tmp_path: Path) -> Organisation:
    return fixture_catalogue(tmp_path / "repo").organisations["testby"]  # primary #1d4f7c, accent #a3461a


def test_palette_css(org: Organisation) -> None:
    assert palette_css(org) == """/* Generated from docs/organisations.yml for testby; do not edit. */
:root {
  --md-primary-fg-color: #1d4f7c;
  --md-primary-fg-color--light: #4a7296;
  --md-primary-fg-color--dark: #173f63;
  --md-primary-bg-color: #ffffff;
  --md-primary-bg-color--light: rgba(255, 255, 255, 0.82);
  --md-accent-fg-color: #a3461a;
  --md-accent-fg-color--transparent: #a3461a1a;
  --org-link-color: #1d4f7c;
}
[data-md-color-scheme="slate"] {
  --md-accent-fg-color: #bc7858;
  --md-accent-fg-color--transparent: #bc78581a;
  --md-typeset-a-color: #6c8daa;
  --org-link-color: #6c8daa;
}
"""


def test_a_light_accent_is_darkened_until_readable_on_white(org: Organisation) -> None:
    light = dataclasses.replace(org, palette=dataclasses.replace(org.palette, accent="#ffcc00"))
    accent = re.search(r"--md-accent-fg-color: (#[0-9a-f]{6});", palette_css(light))[1]
    assert accent != "#ffcc00"
    assert contrast(accent, WHITE) >= MIN_TEXT_CONTRAST
    dark = re.findall(r"--md-(?:accent-fg|typeset-a)-color: (#[0-9a-f]{6});", palette_css(light).split("slate")[1])
    assert all(contrast(colour, SLATE_BACKGROUND) >= MIN_TEXT_CONTRAST for colour in dark)


def test_initials() -> None:
    assert initials("Testby Kommune") == "TK"
    assert initials("Nord-Fron kommune") == "NF"
    assert initials("Øvre Eiker kommune") == "ØE"
    assert initials("3F Testby") == "T"
    assert initials("123") == "12"


def test_wordmark_names_the_organisation_escaped(org: Organisation) -> None:
    named = dataclasses.replace(org, name="Børne & Unge <HR>")
    svg = wordmark_svg(named)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img" '
                          'aria-label="Børne &amp; Unge &lt;HR&gt;">\n')
    assert 'fill="#1d4f7c"' in svg
    assert svg.endswith('font-size="20" font-weight="700" fill="#ffffff">BU</text>\n</svg>\n')


def test_a_decorative_wordmark_is_hidden_from_screen_readers(org: Organisation) -> None:
    svg = wordmark_svg(org, decorative=True)
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" aria-hidden="true" focusable="false">' in svg
    assert "aria-label" not in svg and ">TK</text>" in svg
