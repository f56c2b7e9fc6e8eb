"""outputs/font_subset.py: a site's fonts cut down to the characters its own pages show (plus ASCII
and the Nordic letters), reproducibly. Runs on a copy of one of the real fonts in overrides/."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT
from fontTools.ttLib import TTFont
from publisher.outputs.font_subset import ALWAYS, characters_shown, subset_fonts

FONT = ROOT / "overrides/assets/fonts/source-sans-3-latin-400-normal.woff2"


def site_with(tmp_path: Path, pages: dict[str, str], name: str = "site") -> Path:
    site = tmp_path / name
    (site / "assets" / "fonts").mkdir(parents=True)
    shutil.copy(FONT, site / "assets" / "fonts" / FONT.name)
    for page, text in pages.items():
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(text, encoding="utf-8")
    return site


def covered(path: Path) -> set[str]:
    return {chr(code) for code in TTFont(path).getBestCmap()}


PAGES = {"index.html": '<p title="Ĳ">Hej &amp; ŋ &#x0153;</p>\n\t', "a/b.html": "<b>ž</b>",
         "notes.txt": "Ω"}


def test_characters_shown_are_text_attributes_and_references_of_every_page(tmp_path: Path) -> None:
    shown = characters_shown(site_with(tmp_path, PAGES))
    assert shown - ALWAYS == {"Ĳ", "ŋ", "œ", "ž"}  # not Ω: only .html pages count
    assert shown >= ALWAYS
    assert "\n" not in shown and "\t" not in shown  # only printable characters


def test_subset_keeps_exactly_the_shown_characters_the_font_has_reproducibly(tmp_path: Path) -> None:
    site, again = site_with(tmp_path, PAGES), site_with(tmp_path, PAGES, "again")
    shown = characters_shown(site)
    font = site / "assets" / "fonts" / FONT.name
    cache = tmp_path / "cache"  # subsets are kept by font and character set, for the next site
    saved = subset_fonts(site, cache)
    assert saved == FONT.stat().st_size - font.stat().st_size > 0
    assert covered(font) == shown & covered(FONT)
    assert "œ" in covered(font) and "ÿ" in covered(FONT) and "ÿ" not in covered(font)
    subset_fonts(again, cache)
    assert (again / "assets" / "fonts" / FONT.name).read_bytes() == font.read_bytes()
    assert subset_fonts(site, cache) == 0  # a font that would not get smaller is left as it is
