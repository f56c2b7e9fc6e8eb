"""A failed build leaves every output alone and says why in one line (publisher/pipeline/whole.py,
publisher/commands/build.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from publisher.commands.build import main_build
from publisher.pipeline.whole import build_all


def test_bad_shard_is_one_line_not_a_traceback(fixture_repo, capsys) -> None:
    assert main_build(fixture_repo(), Path("unused"), None, "5/4") == 2
    assert capsys.readouterr().err == "error: SHARD 5/4: the shard number must be between 1 and 4\n"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_failed_org_build_leaves_the_portal_and_every_site_alone(fixture_repo) -> None:
    from publisher.commands.new_org import new_organisation
    from publisher.pipeline.whole import BuildFailed

    root = fixture_repo()
    new_organisation(root / "docs", "nyby", "Nyby kommune", ["nb"])
    site = root / "site"
    build_all(root, site, progress=lambda line: None, with_pdf=False)
    before = _tree(site)
    page = root / "docs/nyby/index.nb.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[brutt](finnes-ikke.md)\n", encoding="utf-8")
    with pytest.raises(BuildFailed):
        build_all(root, site, ["nyby"], progress=lambda line: None, with_pdf=False)
    assert _tree(site) == before
