"""model/wordings.py: the one include expander, as the editions' snapshots and the pages use it."""

from __future__ import annotations

from pathlib import Path

from publisher.model.edition_snapshots import expand
from publisher.model.sources import parse_text
from publisher.model.wordings import Expanded, PassageRef, expand_includes

PAGE = ('---\ntitle: Regler\n---\n\n# Regler\n\n3. --8<-- "threats/testby.da.md:procedure"\n\n'
        '```\n--8<-- "threats/testby.da.md"\n```\n')


def shared(tmp_path: Path) -> Path:
    (tmp_path / "threats").mkdir()
    (tmp_path / "threats" / "testby.da.md").write_text(
        "Intro.\n--8<-- [start:procedure]\nGem beskeden.\n\nRing til chefen.\n--8<-- [end:procedure]\n",
        encoding="utf-8")
    return tmp_path


def test_expand_includes_yields_lines_and_wordings(tmp_path: Path) -> None:
    items = list(expand_includes(parse_text(PAGE).body_lines, shared(tmp_path)))
    assert items == ["", "# Regler", "",
                     Expanded("", "3. ", PassageRef("threats", "testby", "da", "procedure"),
                              ["Gem beskeden.", "", "Ring til chefen."]),
                     "", "```", '--8<-- "threats/testby.da.md"', "```"]


def test_a_snapshot_expands_like_the_page_and_leaves_code_alone(tmp_path: Path) -> None:
    """The snapshot text used to expand an include inside a code fence, which the page shows as code."""
    title, body = expand(parse_text(PAGE), shared(tmp_path))
    assert title == "Regler"
    assert body == ('# Regler\n\n3. Gem beskeden.\n\n   Ring til chefen.\n\n'
                    '```\n--8<-- "threats/testby.da.md"\n```\n')
