"""files/yamlsource.py: YAML that remembers where each value was written, and refuses what we never use."""

from __future__ import annotations

from pathlib import Path

import pytest
from publisher.files.findings import Finding, PublisherError
from publisher.files.yamlsource import (
    MAX_DEPTH,
    Located,
    load_located,
    load_located_file,
    read_text,
)

SHOWN = "docs/organisations.yml"


def findings(text: str, line_offset: int = 0) -> list[str]:
    with pytest.raises(PublisherError) as caught:
        load_located(text, SHOWN, line_offset)
    return [str(finding) for finding in caught.value.findings]


def test_lines_and_written_text_of_every_key() -> None:
    located = load_located("a: 1\nb:\n  c: yes\n  d: [x, y]\n", SHOWN)
    assert located.data == {"a": 1, "b": {"c": True, "d": ["x", "y"]}}
    assert located.path == SHOWN
    assert located.lines == {("a",): 1, ("b",): 2, ("b", "c"): 3, ("b", "d"): 4, ("b", "d", "0"): 4,
                             ("b", "d", "1"): 4}
    assert located.written == {("a",): "1", ("b", "c"): "yes", ("b", "d"): "[x, y]", ("b", "d", "0"): "x",
                               ("b", "d", "1"): "y"}


def test_a_line_offset_moves_every_line() -> None:
    located = load_located("a:\n  - x\n  - y\n", SHOWN, line_offset=4)
    assert located.lines == {("a",): 5, ("a", "0"): 6, ("a", "1"): 7}


def test_line_falls_back_to_the_deepest_key_that_exists() -> None:
    located = Located({}, {("a",): 3, ("a", "b"): 7}, SHOWN)
    assert located.line("a", "b", "c", "d") == 7
    assert located.line("a", "x") == 3
    assert located.line("z") == 1


def test_an_empty_document_is_none() -> None:
    located = load_located("", SHOWN)
    assert (located.data, located.lines, located.written) == (None, {}, {})


def test_a_key_written_twice_is_reported_at_the_second_with_the_first() -> None:
    assert findings("a: 1\nb: 2\na: 3\nb: 4\n") == [
        f"{SHOWN}:3: error: 'a' is written twice (first on line 1); keep one and remove the other",
        f"{SHOWN}:4: error: 'b' is written twice (first on line 2); keep one and remove the other"]
    assert findings("a: 1\na: 2\n", line_offset=10) == [
        f"{SHOWN}:12: error: 'a' is written twice (first on line 11); keep one and remove the other"]


def test_anchors_and_aliases_are_refused_where_they_are() -> None:
    rest = "; anchors and aliases are not used in these files: write the value out in full where it is needed"
    assert findings("a: &x 1\nb: *x\n") == [
        f"{SHOWN}:1: error: '&x' marks a value to repeat elsewhere (a YAML anchor){rest}",
        f"{SHOWN}:2: error: '*x' repeats a value marked elsewhere (a YAML alias){rest}"]


def test_runaway_nesting_is_refused_before_it_is_built() -> None:
    assert findings("[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)) == [
        f"{SHOWN}:1: error: values are nested more than 20 levels deep here; no field needs that: "
        "check the brackets and the indentation"]
    deep = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert load_located(deep, SHOWN).lines[("0",) * (MAX_DEPTH - 1)] == 1


def test_a_syntax_error_names_the_line_where_yaml_gave_up() -> None:
    assert findings("a: [1, 2\nb: 3\n") == [
        f"{SHOWN}:2: error: invalid YAML: did not find expected ',' or ']'; check indentation, colons and quotes"]
    assert findings("a: b: c\n") == [
        f"{SHOWN}:1: error: invalid YAML: mapping values are not allowed in this context; "
        "check indentation, colons and quotes"]


def test_a_hash_after_a_colon_is_explained_as_a_comment() -> None:
    assert findings("palette: {primary: #1d4f7c, accent: x}\n", line_offset=3) == [
        f"{SHOWN}:5: error: invalid YAML: did not find expected node content; on line 4 a '#' after ':' starts "
        "a comment, so the value is lost: quote it, e.g. \"#1d4f7c\""]


def test_an_impossible_date_is_reported_at_its_line() -> None:
    assert findings("a: 1\nb:\n  c: 2027-02-30\n", line_offset=5) == [
        f"{SHOWN}:8: error: invalid value: day is out of range for month; write a real date as YYYY-MM-DD"]


def test_read_text_drops_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_bytes("\ufeffa: æ\n".encode())
    assert read_text(path, "docs/a.yml") == "a: æ\n"
    assert load_located_file(path, "docs/a.yml").data == {"a": "æ"}


def test_read_text_names_the_line_of_the_first_foreign_byte(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_bytes("a: 1\nb: ø\nc: ".encode() + "æ\n".encode("latin-1"))
    with pytest.raises(PublisherError) as caught:
        read_text(path, "docs/a.yml")
    assert caught.value.findings == [Finding("docs/a.yml", 3, "the file is not UTF-8 text (byte 0xe6 on this line); "
                                                              "save it with UTF-8 encoding")]
