"""Incremental builds rebuild exactly what changed, and give the bytes of a clean build; shards add up."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from publisher.commands.new_org import new_organisation
from publisher.outputs.inputs import shard
from publisher.pipeline.whole import build_all


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def rebuilt(results) -> list[tuple[str, str]]:
    return sorted({(r.org_id, r.language) for r in results if r.kind != "reused"})


@pytest.fixture
def two_organisations(fixture_repo) -> Path:
    root = fixture_repo()
    new_organisation(root / "docs", "nyby", "Nyby kommune", ["nb", "en"])
    config = root / "docs/organisations.yml"  # a new organisation is a draft: published once marked ready
    config.write_text(config.read_text(encoding="utf-8").replace("status: draft", "status: ready"), encoding="utf-8")
    return root


def test_snippet_edit_rebuilds_exactly_the_sites_that_include_it(two_organisations: Path) -> None:
    root = two_organisations
    site = root / "site"
    quiet = {"progress": lambda line: None}
    assert rebuilt(build_all(root, site, **quiet)) == [("nyby", "en"), ("nyby", "nb"), ("testby", "da"),
                                                        ("testby", "en")]
    assert rebuilt(build_all(root, site, **quiet)) == []

    snippet = root / "docs/_shared/confidentiality/testby.da.md"
    snippet.write_text(snippet.read_text(encoding="utf-8") + "\nEn ny sætning.\n", encoding="utf-8")
    # The English site too: its page that shows the passage is now a stale translation.
    assert rebuilt(build_all(root, site, **quiet)) == [("testby", "da"), ("testby", "en")]
    assert "En ny sætning." in (site / "testby/regler.html").read_text(encoding="utf-8")

    page = root / "docs/nyby/index.nb.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEn ny setning.\n", encoding="utf-8")
    assert rebuilt(build_all(root, site, **quiet)) == [("nyby", "en"), ("nyby", "nb")]

    clean = root / "clean"
    build_all(root, clean, incremental=False, **quiet)
    assert tree(site) == tree(clean)


def test_shards_together_equal_a_full_build(two_organisations: Path) -> None:
    root = two_organisations
    quiet = {"progress": lambda line: None}
    full = root / "full"
    build_all(root, full, incremental=False, **quiet)
    sharded = root / "sharded"
    for spec in ("1/2", "2/2"):
        out = root / f"shard-{spec.replace('/', '-')}"
        results = build_all(root, out, shard_spec=spec, incremental=False, **quiet)
        assert len({r.org_id for r in results}) == 1
        shutil.copytree(out, sharded, dirs_exist_ok=True)
    merged, whole = tree(sharded), tree(full)
    assert merged.keys() == whole.keys()
    assert {name for name in whole if merged[name] != whole[name]} == set()


def test_shard_spec() -> None:
    items = ["e", "a", "d", "c", "b"]
    assert shard(items, "1/2") == ["a", "c", "e"]
    assert shard(items, "2/2") == ["b", "d"]
    assert sorted(shard(items, "1/3") + shard(items, "2/3") + shard(items, "3/3")) == sorted(items)
    with pytest.raises(ValueError, match="SHARD must look like 2/4"):
        shard(items, "two")
    with pytest.raises(ValueError, match="between 1 and 3"):
        shard(items, "4/3")
