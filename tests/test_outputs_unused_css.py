"""The post-build CSS pruning keeps every rule a page can use and drops the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from publisher.files.findings import PublisherError
from publisher.outputs.site_config import site_stylesheet
from publisher.outputs.unused_css import class_vocabulary, drop_unused_rules

PALETTE = ("@media screen{[data-md-color-scheme=slate]{color-scheme:dark}"
           "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}"
           "[data-md-color-scheme=slate][data-md-color-primary=\"red\"]{--md-typeset-a-color:red}"
           "[data-md-color-accent=custom]{--x:1}[data-md-color-switching] *{transition-duration:0s}}")


def site_with(tmp_path: Path, html: str, script: str = "") -> Path:
    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    (tmp_path / "bundle.js").write_text(script, encoding="utf-8")
    return tmp_path


def test_palette_rules_for_colours_no_page_names_are_dropped(tmp_path: Path) -> None:
    words = class_vocabulary(site_with(tmp_path, '<input data-md-color-scheme="slate" '
                                                 'data-md-color-primary="custom" data-md-color-accent="custom">'))
    assert drop_unused_rules(PALETTE, words) == (
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}[data-md-color-accent=custom]{--x:1}"
        "[data-md-color-switching] *{transition-duration:0s}}")


def test_a_palette_colour_a_page_names_keeps_its_rules(tmp_path: Path) -> None:
    words = class_vocabulary(site_with(tmp_path, '<form><input data-md-color-scheme="slate" '
                                                 'data-md-color-primary="red"><input data-md-color-primary="indigo">'))
    kept = drop_unused_rules(PALETTE, words)
    assert "[data-md-color-primary=indigo]" in kept
    assert '[data-md-color-scheme=slate][data-md-color-primary="red"]' in kept
    assert "[data-md-color-accent=custom]" not in kept


def test_classes_from_pages_or_scripts_keep_their_rules(tmp_path: Path) -> None:
    words = class_vocabulary(site_with(tmp_path, '<p class="md-typeset">', 'e.classList.add("md-dialog--active")'))
    css = ".md-typeset p{margin:0}.md-dialog--active{opacity:1}.md-tooltip{opacity:0}p{color:red}"
    assert drop_unused_rules(css, words) == ".md-typeset p{margin:0}.md-dialog--active{opacity:1}p{color:red}"


def test_the_site_stylesheet_is_the_extra_stylesheets_then_the_palette(tmp_path: Path) -> None:
    ours, theme = tmp_path / "overrides", tmp_path / "material"
    for folder, name, text in ((ours, "fonts.css", "@font-face{}"), (theme, "fonts.css", "theirs"),
                               (theme, "look.css", "p{}")):
        (folder / "assets/stylesheets").mkdir(parents=True, exist_ok=True)
        (folder / "assets/stylesheets" / name).write_text(text, encoding="utf-8")
    css = site_stylesheet([str(ours), str(theme)], ["assets/stylesheets/fonts.css", "assets/stylesheets/look.css"],
                          ":root{--org:#000}")
    assert css.index("@font-face{}") < css.index("p{}") < css.index(":root{--org:#000}")
    assert "theirs" not in css
    with pytest.raises(PublisherError, match="missing.css"):
        site_stylesheet([str(ours)], ["assets/stylesheets/missing.css"], "")
