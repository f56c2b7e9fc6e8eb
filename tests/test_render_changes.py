"""render/changes.py: what changed between two editions, block by block and word by word."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT, make_repo, with_danish_label
from publisher.files.findings import PublisherError
from publisher.model.edition_snapshots import PageText
from publisher.model.organisations import load_catalogue
from publisher.render.changes import (
    BlockChange,
    PageChange,
    Segment,
    blocks,
    changes_html,
    changes_markdown,
    changes_title,
    compare,
    compare_blocks,
    edition_changes,
    plain,
    similarity,
    word_diff,
)
from units import EDITIONS, WITHOUT_FACTS, with_editions

LABELS = {key: f"<{key}>" for key in ("changes_intro", "diff_page_added", "diff_page_removed", "diff_unchanged",
                                      "diff_added", "diff_removed", "diff_changed", "diff_words_added",
                                      "diff_words_removed")}


def test_plain_drops_markup_a_reader_does_not_see() -> None:
    assert plain("## Overskrift {#tavshed}") == "Overskrift"
    assert plain("Se [siden](regler.md#x) og **fed** og _kursiv_ tekst\n  linje to") == (
        "Se siden og fed og kursiv tekst linje to")
    assert plain("![kort over byen](kort.png)") == "kort over byen"
    assert plain("2 * 3 * 4") == "2 * 3 * 4"  # a '*' with spaces is no emphasis
    assert plain(r"via fjellvik\.kommune\.no og \*stjerne\*") == "via fjellvik.kommune.no og *stjerne*"


def test_plain_keeps_underscores_inside_a_word() -> None:
    assert plain("Skriv til hr_post_kasse@testby.dk") == "Skriv til hr_post_kasse@testby.dk"


def test_blocks_are_headings_paragraphs_and_list_items() -> None:
    body = ("# Titel\n\nFørste afsnit\nfortsat.\n\n- punkt et\n- punkt to\n1. tal\n\n!!! note\n\n"
            "--8<-- \"x.md\"\n\n## Under {#u}\nTekst.\n")
    assert blocks(body) == ["Titel", "Første afsnit fortsat.", "- punkt et", "- punkt to", "1. tal", "Under",
                            "Tekst."]


def test_word_diff_and_similarity() -> None:
    assert word_diff("a b c d", "a x c d e") == [
        Segment("equal", "a"), Segment("delete", "b"), Segment("insert", "x"), Segment("equal", "c d"),
        Segment("insert", "e")]
    assert similarity("a b c d", "a x c d") == 0.75
    assert similarity("a b", "c d") == 0.0


def test_a_replaced_block_is_changed_when_similar_else_removed_and_added() -> None:
    assert compare_blocks(["T", "a b c d", "gammel helt anden", "fjernet"], ["T", "a b x d", "ny"]) == [
        BlockChange("changed", [Segment("equal", "a b"), Segment("delete", "c"), Segment("insert", "x"),
                                Segment("equal", "d")]),
        BlockChange("removed", [Segment("delete", "gammel helt anden")]),
        BlockChange("removed", [Segment("delete", "fjernet")]),
        BlockChange("added", [Segment("insert", "ny")])]
    assert compare_blocks(["a"], ["a"]) == []


def test_compare_follows_the_newer_nav_then_the_removed_pages() -> None:
    old = {"index": PageText("index", "Forside", "Hej verden.\n"), "gone": PageText("gone", "Væk", "Tekst.\n")}
    new = {"index": PageText("index", "Start", "Hej verden.\n"),
           "regler": PageText("regler", "Regler", "Ny regel.\n\n- Punkt\n")}
    assert compare(old, new, ("regler.md", "index.md", "missing.md")) == [
        PageChange("regler", "Regler", "added", [BlockChange("added", [Segment("insert", "Ny regel.")]),
                                                 BlockChange("added", [Segment("insert", "- Punkt")])]),
        PageChange("index", "Start", "changed", [BlockChange("removed", [Segment("delete", "Forside")]),
                                                 BlockChange("added", [Segment("insert", "Start")])]),
        PageChange("gone", "Væk", "removed", [BlockChange("removed", [Segment("delete", "Tekst.")])])]


def test_changes_html_marks_words_with_text_labels_and_escapes() -> None:
    pages = compare({"a": PageText("a", "A & B", "x y z")}, {"a": PageText("a", "A & B", "x <q> z")}, ("a.md",))
    assert changes_html(ROOT / "overrides", LABELS, pages, "da", link_pages=True) == """\
<div class="guide-changes">
<p>&lt;changes_intro&gt;</p>
<section class="guide-changes__page" aria-label="A &amp; B">
<h2><a href="../a.html">A &amp; B</a></h2>
<div class="guide-change guide-change--changed">
<p><strong class="guide-change__label">&lt;diff_changed&gt;:</strong></p>
<p lang="da">x <span class="guide-change__mark">[&lt;diff_words_removed&gt;:</span> <del>y</del>\
<span class="guide-change__mark">]</span> <span class="guide-change__mark">[&lt;diff_words_added&gt;:</span> \
<ins>&lt;q&gt;</ins><span class="guide-change__mark">]</span> z</p>
</div>
</section>
</div>"""


def test_changes_html_for_the_pdf_links_no_pages() -> None:
    pages = [PageChange("a", "A", "unchanged"), PageChange("b", "B", "added"), PageChange("c", "C", "removed")]
    html = changes_html(ROOT / "overrides", LABELS, pages, None, link_pages=False)
    assert "<a " not in html and " lang=" not in html
    assert "<h2>A</h2>\n<p>&lt;diff_unchanged&gt;</p>" in html
    assert "<h2>B</h2>\n<p><strong>&lt;diff_page_added&gt;</strong></p>" in html
    assert "<h2>C</h2>\n<p><strong>&lt;diff_page_removed&gt;</strong></p>" in html


SNAPSHOTS = {
    1: {"index.da.md": "---\ntitle: Forside\n---\n\nHer er vi.\n",
        "regler.da.md": "---\ntitle: Regler\n---\n\n## Tavshed\n\nHold tæt om alt.\n\nGammel regel.\n",
        "gammel.da.md": "---\ntitle: Gammel\n---\n\nVæk.\n"},
    2: {"index.da.md": "---\ntitle: Forside\n---\n\nHer er vi.\n",
        "regler.da.md": "---\ntitle: Regler\n---\n\n## Tavshed\n\nHold altid tæt om alt.\n\nNy regel om noget.\n"},
}


def test_edition_changes_compare_the_two_snapshots(tmp_path: Path) -> None:
    catalogue = load_catalogue(with_editions(make_repo(tmp_path / "repo", None, WITHOUT_FACTS), SNAPSHOTS) / "docs")
    assert edition_changes(catalogue, "testby", "da", 2) == [
        PageChange("index", "Forside", "unchanged"),
        PageChange("regler", "Regler", "changed", [
            BlockChange("changed", [Segment("equal", "Hold"), Segment("insert", "altid"),
                                    Segment("equal", "tæt om alt.")]),
            BlockChange("removed", [Segment("delete", "Gammel regel.")]),
            BlockChange("added", [Segment("insert", "Ny regel om noget.")])]),
        PageChange("gammel", "Gammel", "removed",
                   [BlockChange("removed", [Segment("delete", "Væk.")])])]


def test_a_missing_snapshot_is_named(tmp_path: Path) -> None:
    catalogue = load_catalogue(with_editions(make_repo(tmp_path / "repo", None, WITHOUT_FACTS),
                                             {2: SNAPSHOTS[2]}) / "docs")
    with pytest.raises(PublisherError) as caught:
        edition_changes(catalogue, "testby", "da", 2)
    assert [str(finding) for finding in caught.value.findings] == [
        "docs/_editions/testby/1/document.yml:1: error: edition 1 of 'testby' has no snapshot here; an edition is "
        "recorded with 'make edition ORG=testby' and never edited by hand"]


def test_the_change_page_has_a_safe_title_a_way_back_and_the_comparison(tmp_path: Path) -> None:
    root = with_editions(make_repo(tmp_path / "repo", None, WITHOUT_FACTS), SNAPSHOTS)
    with_danish_label(root, "changes_title", "'\"{previous}\": {name} #1'")
    with_danish_label(root, "editions_title", '"Udgaver & ændringer"')
    catalogue = load_catalogue(root / "docs")
    assert changes_title(catalogue, "testby", "da", 2) == '"1.0": 2.0 #1'
    page = changes_markdown(catalogue, "testby", "da", 2)
    front, body = page.removeprefix("---\n").split("---\n\n", 1)
    assert yaml.safe_load(front) == {"title": '"1.0": 2.0 #1', "search": {"boost": 0.5}}
    labels = catalogue.languages["da"].labels
    comparison = changes_html(root / "overrides", labels, edition_changes(catalogue, "testby", "da", 2), None, True)
    assert body == f'<p><a href="../about.html#editions">Udgaver &amp; ændringer</a></p>\n\n{comparison}\n'


def test_the_change_page_title_reads_back_for_any_edition_name(tmp_path: Path) -> None:
    root = with_editions(make_repo(tmp_path / "repo", None, WITHOUT_FACTS), SNAPSHOTS,
                         EDITIONS.replace("version: '2.0'", "version: '2.0 🌍'"))
    with_danish_label(root, "changes_title", '"{previous} til {name}"')
    catalogue = load_catalogue(root / "docs")
    assert changes_title(catalogue, "testby", "da", 2) == "1.0 til 2.0 🌍"
    front = changes_markdown(catalogue, "testby", "da", 2).removeprefix("---\n").split("---\n\n", 1)[0]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # as MkDocs reads a page's front matter
    assert yaml.load(front, Loader=loader)["title"] == "1.0 til 2.0 🌍"  # noqa: S506 (a safe loader)
