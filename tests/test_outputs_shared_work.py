"""Work that gives the same result for many sites is done once: counted, never timed.

Each site's result says what its worker did that other sites could share (build.SiteResult.work):
font subsets made (not read from the cache) and theme stylesheets parsed. Speed figures belong in
`make bench`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from publisher.commands.new_org import new_organisation
from publisher.outputs.unused_css import THEME_STYLESHEETS
from publisher.pipeline.whole import SiteResult, build_all

FACES = sorted(p.name for p in (Path(__file__).resolve().parents[1] / "overrides/assets/fonts").glob("*.woff2"))
QUIET = {"progress": lambda line: None, "with_pdf": False}


@pytest.fixture
def three_sites(fixture_repo) -> Path:
    """testby in Danish and English, nyby in Bokmål: three sites, one character set."""
    root = fixture_repo()
    new_organisation(root / "docs", "nyby", "Nyby kommune", ["nb"])
    config = root / "docs/organisations.yml"  # a new organisation is a draft: built in a full build once ready
    config.write_text(config.read_text(encoding="utf-8").replace("status: draft", "status: ready"), encoding="utf-8")
    # A heading, as testby's pages have: its permalink (¶) is the one character beyond the ones always kept.
    page = root / "docs/nyby/index.nb.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Om oss\n\nVi er Nyby.\n", encoding="utf-8")
    return root


def made(results: list[SiteResult], kind: str = "font_subsets") -> dict[str, int]:
    return {f"{r.org_id} ({r.language})": r.work.get(kind, 0) for r in results if r.kind == "site"}


def test_three_sites_with_one_character_set_subset_each_face_once(three_sites: Path, tmp_path: Path) -> None:
    cache = tmp_path / "font-cache"
    results = build_all(three_sites, three_sites / "site", workers=2, incremental=False, font_cache=cache, **QUIET)
    sites = [three_sites / "site" / path for path in ("testby", "testby/en", "nyby")]
    assert sorted(made(results)) == ["nyby (nb)", "testby (da)", "testby (en)"]
    assert sum(made(results).values()) == len(FACES) == 3
    assert len(list(cache.glob("*.woff2"))) == len(FACES)
    for face in FACES:  # every site got the one subset of each face
        assert len({(site / "assets/fonts" / face).read_bytes() for site in sites}) == 1
    # Each worker parses each theme stylesheet at most once, however many sites it builds.
    parses: Counter[int] = Counter()
    for result in results:
        parses[result.worker] += result.work.get("css_parses", 0)
    assert len(parses) <= 2 and all(count <= len(THEME_STYLESHEETS) for count in parses.values())


def test_a_new_character_set_subsets_only_for_that_set(three_sites: Path, tmp_path: Path) -> None:
    cache = tmp_path / "font-cache"
    build_all(three_sites, three_sites / "site", workers=2, incremental=False, font_cache=cache, **QUIET)
    page = three_sites / "docs/nyby/index.nb.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nGrüße an Þórr og Ðrøbak.\n", encoding="utf-8")

    # Not incremental: all three sites are built again, and two of them find their subsets cached.
    results = build_all(three_sites, three_sites / "site", workers=2, incremental=False, font_cache=cache, **QUIET)
    assert made(results) == {"nyby (nb)": len(FACES), "testby (da)": 0, "testby (en)": 0}
    assert len(list(cache.glob("*.woff2"))) == 2 * len(FACES)
    site = three_sites / "site"
    for face in FACES:
        nyby, testby, english = ((site / path / "assets/fonts" / face).read_bytes()
                                 for path in ("nyby", "testby", "testby/en"))
        assert nyby != testby == english


def test_the_theme_listing_keeps_what_mkdocs_publishes_and_walks_the_installed_theme_once(monkeypatch) -> None:
    import fnmatch
    import os

    import jinja2
    import material
    from publisher.render import template_cache

    overrides = str(Path(__file__).resolve().parents[1] / "overrides")
    dirs = [overrides, str(Path(material.__file__).parent / "templates")]
    # What MkDocs' own filter (Files.add_files_from_theme) keeps of the plain loader's listing.
    everything = jinja2.FileSystemLoader(dirs).list_templates()
    published = [name for name in everything if not fnmatch.fnmatch(name, ".*") and not fnmatch.fnmatch(name, "*/.*")]
    walked: list[str] = []
    real_walk = os.walk
    monkeypatch.setattr(template_cache.os, "walk", lambda top, *a, **k: walked.append(top) or real_walk(top, *a, **k))
    monkeypatch.setattr(template_cache, "_LISTINGS", {})
    assert template_cache.ThemeLoader(dirs).list_templates() == published
    assert template_cache.ThemeLoader(dirs).list_templates() == published
    assert walked == [overrides, dirs[1], overrides]  # overrides/ may change under make serve; the theme may not
    assert len(published) < len(everything) / 50  # the icons, which only templates include, are left out
