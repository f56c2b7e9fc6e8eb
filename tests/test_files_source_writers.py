"""files/source_writers.py: tools that write sources write valid data, keep the editor's bytes, or write nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from publisher.files.findings import PublisherError
from publisher.files.source_writers import (
    confine,
    emit,
    mapping_entry,
    plain_yaml,
    read_back,
    split_front_matter,
    with_entry_appended,
    with_front_matter_key,
    with_items_appended,
)

MUST_BE_A_LIST = ("o.yml:{line}: error: 'x: nav' must be a list ([a, b], or '- a' lines) for new entries to be added "
                  "to it; write it so and run the command again. Nothing was changed")


def messages(call: Callable[..., object], *args: object) -> list[str]:
    with pytest.raises(PublisherError) as caught:
        call(*args)
    return [str(finding) for finding in caught.value.findings]


def test_a_value_used_twice_is_written_twice_without_anchors() -> None:
    day = dt.date(2024, 1, 1)
    palette = {"primary": "#1d4f7c"}
    assert plain_yaml({"a": day, "b": day}) == "a: 2024-01-01\nb: 2024-01-01\n"
    assert emit({"a": palette, "b": palette}) == "a: {primary: '#1d4f7c'}\nb: {primary: '#1d4f7c'}\n"


def test_emit_keeps_key_order_letters_and_flow_style_for_plain_values() -> None:
    assert emit({"b": [1, 2], "a": {"x": "æ"}, "c": [{"k": 1}]}) == "b: [1, 2]\na: {x: æ}\nc:\n- {k: 1}\n"


def test_mapping_entry_is_indented() -> None:
    assert mapping_entry("k", {"a": 1, "b": [1, 2]}, 4) == "    k:\n      a: 1\n      b: [1, 2]\n"


def test_read_back_refuses_invalid_yaml_at_its_line() -> None:
    """Read back through the one loader (yamlsource.py): the finding is at the line where YAML stopped."""
    assert messages(read_back, "a: [\n", "docs/x.yml") == [
        "docs/x.yml:2: error: invalid YAML: did not find expected node content; check indentation, colons and quotes"]


def test_confine_accepts_a_file_in_the_folder(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("x", encoding="utf-8")
    assert confine(tmp_path / "docs" / "a.md", tmp_path / "docs", tmp_path, "a page") == tmp_path / "docs" / "a.md"


def test_confine_refuses_a_link_and_a_file_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "other.md").write_text("x", encoding="utf-8")
    (tmp_path / "docs" / "link.md").symlink_to(tmp_path / "docs" / "other.md")
    rest = ("must be a file in docs/ of this checkout (not a link, not another checkout); nothing was changed")
    assert messages(confine, tmp_path / "docs" / "link.md", tmp_path / "docs", tmp_path, "a page") == [
        f"docs/link.md:1: error: a page {rest}"]
    assert messages(confine, tmp_path / "other.md", tmp_path / "docs", tmp_path, "a translation to mark") == [
        f"other.md:1: error: a translation to mark {rest}"]


def test_split_front_matter() -> None:
    assert split_front_matter("---\ntitle: x\nowner: y\n---\nbody\n", "p.md") == ("title: x\nowner: y", "---\nbody\n")
    assert split_front_matter("\ufeff---\n---\n", "p.md") == ("", "---\n")
    assert messages(split_front_matter, "title: x\n", "p.md") == [
        "p.md:1: error: the page has no front matter to record it in; start the file with '---', its keys and '---'"]
    assert messages(split_front_matter, "---\ntitle: x\n", "p.md") == [
        "p.md:1: error: front matter starts with '---' but is never closed; add a line '---'"]


def test_with_front_matter_key_replaces_the_key_and_its_continuation_lines_only() -> None:
    text = "---\n# a comment\ntitle: x  # keep\nsource_hash: abc\n  def\nowner: 'y'\n---\nbody\n"
    assert with_front_matter_key(text, "source_hash", "123", "p.md") == (
        "---\n# a comment\ntitle: x  # keep\nsource_hash: '123'\nowner: 'y'\n---\nbody\n")


def test_with_front_matter_key_adds_a_missing_key_at_the_end_of_the_block() -> None:
    text = "---\ntitle: x\nsource_hashes: keep\n---\nbody\n"
    assert with_front_matter_key(text, "source_hash", "ab12", "p.md") == (
        "---\ntitle: x\nsource_hashes: keep\nsource_hash: ab12\n---\nbody\n")


def test_with_front_matter_key_replaces_a_quoted_key() -> None:
    text = "---\n\"source_hash\": abc\ntitle: x\n---\nbody\n"
    assert with_front_matter_key(text, "source_hash", "new", "p.md") == "---\nsource_hash: new\ntitle: x\n---\nbody\n"


def test_with_front_matter_key_refuses_front_matter_that_is_no_mapping() -> None:
    assert messages(with_front_matter_key, "---\n- a\n---\nbody\n", "k", "1", "p.md") == [
        "p.md:2: error: front matter must be a mapping of keys to values"]


def test_with_entry_appended_keeps_existing_bytes() -> None:
    assert with_entry_appended("# c\na: 1  # one\n", "b", {"x": [1, 2]}, "d.yml") == (
        "# c\na: 1  # one\nb:\n  x: [1, 2]\n")
    assert with_entry_appended("a: 1", "b", {"x": 1}, "d.yml") == "a: 1\nb: {x: 1}\n"


def test_with_entry_appended_refuses_a_key_that_is_there_or_a_file_that_is_no_mapping() -> None:
    refused = "d.yml:1: error: cannot add 'a': the file must be a mapping without it; nothing was changed"
    assert messages(with_entry_appended, "a: 1\n", "a", 2, "d.yml") == [refused]
    assert messages(with_entry_appended, "- a\n", "a", 2, "d.yml") == [refused]


def test_with_entry_appended_adds_a_plain_value() -> None:
    assert with_entry_appended("a: 1\n", "b", 2, "d.yml") == "a: 1\nb: 2\n"


def test_with_items_appended_to_a_block_list_keeps_comments_and_what_follows() -> None:
    text = "x:\n  nav:\n    - a.md  # c\n    - b.md\n\n# end\ny: 1\n"
    assert with_items_appended(text, ("x", "nav"), ["c.md"], "o.yml") == (
        "x:\n  nav:\n    - a.md  # c\n    - b.md\n    - c.md\n\n# end\ny: 1\n")
    assert with_items_appended("x:\n  nav:\n  - a.md\n", ("x", "nav"), ["c.md"], "o.yml") == (
        "x:\n  nav:\n  - a.md\n  - c.md\n")
    assert with_items_appended("x:\n  nav:\n    - a.md", ("x", "nav"), ["c.md"], "o.yml") == (
        "x:\n  nav:\n    - a.md\n    - c.md\n")


def test_with_items_appended_to_a_flow_list_and_an_empty_value() -> None:
    assert with_items_appended("x:\n  nav: [a.md, b.md]  # c\n", ("x", "nav"), ["c.md", "d.md"], "o.yml") == (
        "x:\n  nav: [a.md, b.md, c.md, d.md]  # c\n")
    assert with_items_appended("x:\n  nav: []\n", ("x", "nav"), ["c.md"], "o.yml") == "x:\n  nav: [c.md]\n"
    assert with_items_appended("x:\n  nav:\ny: 1\n", ("x", "nav"), ["c.md"], "o.yml") == "x:\n  nav: [c.md]\ny: 1\n"


def test_with_items_appended_refuses_what_is_no_list() -> None:
    assert messages(with_items_appended, "x:\n  nav: a.md\n", ("x", "nav"), ["c.md"], "o.yml") == [
        MUST_BE_A_LIST.format(line=2)]
    assert messages(with_items_appended, "x:\n  y: 1\n", ("x", "nav"), ["c.md"], "o.yml") == [
        MUST_BE_A_LIST.format(line=1)]


def test_with_items_appended_to_an_empty_value_on_the_last_line_without_newline() -> None:
    assert with_items_appended("x:\n  nav:", ("x", "nav"), ["c.md"], "o.yml") == "x:\n  nav: [c.md]"


def test_with_items_appended_to_a_flow_list_with_a_trailing_comma() -> None:
    written = with_items_appended("x:\n  nav: [a.md, b.md,]\n", ("x", "nav"), ["c.md"], "o.yml")
    assert read_back(written, "o.yml") == {"x": {"nav": ["a.md", "b.md", "c.md"]}}
    assert written.startswith("x:\n  nav: [a.md, b.md")
