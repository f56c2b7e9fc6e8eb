"""model/document_facts.py: the facts a document states, checked and put in the readers' order."""

from __future__ import annotations

import datetime as dt
from typing import Any

from publisher.model.document_facts import FACT_KEYS, Fact, parse_facts


def parse(mapping: dict[Any, Any], ignore: tuple[str, ...] = ()) -> tuple[tuple[Fact, ...], list[tuple[str, str]]]:
    errors: list[tuple[str, str]] = []
    facts = parse_facts(mapping, lambda message, key: errors.append((message, key)), ignore)
    return facts, errors


def test_facts_are_sorted_in_the_readers_order_and_text_is_stripped() -> None:
    facts, errors = parse({"approved_on": dt.date(2024, 1, 31), "version": " 1.0 ", "approved_by": "Byrådet",
                           "edition": "2."})
    assert errors == []
    assert facts == (Fact("edition", "2."), Fact("version", "1.0"), Fact("approved_by", "Byrådet"),
                     Fact("approved_on", dt.date(2024, 1, 31)))
    assert [fact.is_date for fact in facts] == [False, False, False, True]


def test_empty_and_ignored_keys_are_left_out() -> None:
    facts, errors = parse({"title": "Retningslinjer", "version": None, "agenda_item": "12"}, ignore=("title",))
    assert errors == []
    assert facts == (Fact("agenda_item", "12"),)


def test_an_unknown_fact_is_reported_at_its_key() -> None:
    facts, errors = parse({"approval": "Byrådet"})
    assert facts == ()
    assert errors == [(f"unknown document fact 'approval'; facts are {', '.join(FACT_KEYS)} (each optional, "
                       "written only when the document states it)", "approval")]
    assert errors[0][0].startswith("unknown document fact 'approval'; facts are edition, version, print_number, ")


def test_a_date_fact_must_be_a_date() -> None:
    facts, errors = parse({"document_date": "januar 2024", "approved_by": "Byrådet"})
    assert facts == (Fact("approved_by", "Byrådet"),)
    assert errors == [("'document_date' must be a date written YYYY-MM-DD", "document_date")]


def test_a_text_fact_must_be_text_that_is_not_blank() -> None:
    facts, errors = parse({"version": 2, "print_number": "  ", "adopted_by": dt.date(2024, 1, 1)})
    assert facts == ()
    assert errors == [("'version' must be text as the document prints it", "version"),
                      ("'print_number' must be text as the document prints it", "print_number"),
                      ("'adopted_by' must be text as the document prints it", "adopted_by")]


def test_a_key_that_is_no_string_is_reported_as_text() -> None:
    _, errors = parse({2024: "x"})
    assert errors[0][1] == "2024"
