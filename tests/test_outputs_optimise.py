"""What a built site leaves out of the theme, and the source-map comment stripped as the pattern says."""

from __future__ import annotations

from pathlib import Path

import pytest
from publisher.model.organisations import load_catalogue
from publisher.outputs.optimise import SOURCE_MAP_COMMENT, strip_source_maps, unused_theme_file

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("uri", "languages", "unused"), [
    ("assets/javascripts/bundle.a5f9d56c.min.js.map", ["da"], True),
    ("assets/stylesheets/main.57a0d79d.min.css.map", ["en"], True),
    ("assets/javascripts/bundle.a5f9d56c.min.js", ["da"], False),
    ("assets/javascripts/lunr/min/lunr.da.min.js", ["da"], False),
    ("assets/javascripts/lunr/min/lunr.stemmer.support.min.js", ["da"], False),
    ("assets/javascripts/lunr/min/lunr.no.min.js", ["da"], True),
    ("assets/javascripts/lunr/wordcut.js", ["da"], True),
    ("assets/javascripts/lunr/min/lunr.stemmer.support.min.js", ["en"], True),  # English needs no support
    ("assets/javascripts/lunr/min/lunr.multi.min.js", ["da", "en"], False),
    ("assets/javascripts/lunr/min/lunr.multi.min.js", ["da"], True),
    ("search/search_index.js", ["da"], False),
])
def test_a_theme_file_is_unused_when_no_page_of_the_site_loads_it(uri: str, languages: list[str],
                                                                    unused: bool) -> None:
    assert unused_theme_file(uri, languages) is unused


def test_the_real_sites_hold_no_source_map_and_only_their_own_search_language(real_site: Path) -> None:
    catalogue = load_catalogue(ROOT / "docs")
    assert list(real_site.rglob("*.map")) == [] and list(real_site.rglob("404.html")) == []
    for org in catalogue.organisations.values():
        for language in org.languages:
            base = real_site / org.id if language == org.source_language else real_site / org.id / language
            search = catalogue.languages[language].search
            lunr = sorted(p.name for p in (base / "assets/javascripts/lunr").rglob("*.js"))
            assert lunr == ([] if search == "en" else [f"lunr.{search}.min.js", "lunr.stemmer.support.min.js"])


@pytest.mark.parametrize("text", [
    b"var a=1;\n//# sourceMappingURL=bundle.js.map\n",
    b"var a=1;\n//# sourceMappingURL=bundle.js.map",
    b"a{b:c}\n/*# sourceMappingURL=main.css.map */\n\n",
    b"var s='//# sourceMappingURL=x.map';\nvar b=2;\n",  # a marker that is not the last line stays
    b"//# sourceMappingURL=a.map\nvar b=2;\n//# sourceMappingURL=b.map\n",  # only the last one goes
    b"//# sourceMappingURL=x# sourceMappingURL=y\n",
    b"no comment at all\n",
])
def test_the_source_map_comment_is_stripped_as_the_pattern_over_the_whole_file_would(tmp_path: Path,
                                                                                     text: bytes) -> None:
    (tmp_path / "a.js").write_bytes(text)
    strip_source_maps(tmp_path)
    assert (tmp_path / "a.js").read_bytes() == SOURCE_MAP_COMMENT.sub(b"\n", text)
