"""model/shown_facts.py: the facts a reader is shown, each under its own label, and what an editor may add."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from publisher.model.document_facts import FACT_KEYS, Fact
from publisher.model.organisation_types import Organisation
from publisher.model.organisations import load_catalogue
from publisher.model.shown_facts import ShownFact, missing_facts, shown_facts
from units import fixture_catalogue

LABELS = {f"fact_{key}": f"<{key}>" for key in FACT_KEYS}  # the labels themselves come from languages.yml
NO_APPROVAL = "no approval facts (approved_by/approved_on, or adopted_by/adopted_on)"
NO_DATE = "no date (approved_on, adopted_on or document_date)"


@pytest.fixture
def org(tmp_path: Path) -> Organisation:
    return fixture_catalogue(tmp_path / "repo").organisations["testby"]  # da, then en


def stating(org: Organisation, *facts: Fact) -> Organisation:
    return dataclasses.replace(org, document=dataclasses.replace(org.document, facts=facts))


def test_the_documents_facts_in_the_source_language(org: Organisation) -> None:
    assert shown_facts(org, LABELS, "da") == [
        ShownFact("<version>", "1.0", None, None), ShownFact("<approved_by>", "Byrådet", None, None),
        ShownFact("<approved_on>", "31. januar 2024", "2024-01-31", None)]


def test_on_a_translated_page_text_facts_are_marked_with_their_language(org: Organisation) -> None:
    assert shown_facts(org, LABELS, "en") == [
        ShownFact("<version>", "1.0", None, "da"), ShownFact("<approved_by>", "Byrådet", None, "da"),
        ShownFact("<approved_on>", "31 January 2024", "2024-01-31", None)]


def test_the_stated_facts_of_another_edition(org: Organisation) -> None:
    stated = (Fact("edition", "2."), Fact("document_date", dt.date(2019, 5, 1)))
    assert shown_facts(org, LABELS, "da", stated) == [
        ShownFact("<edition>", "2.", None, None), ShownFact("<document_date>", "1. maj 2019", "2019-05-01", None)]
    assert shown_facts(org, LABELS, "da", ()) == []


def test_a_document_that_states_nothing_shows_nothing(org: Organisation) -> None:
    assert shown_facts(stating(org), LABELS, "da") == []


def test_missing_facts(org: Organisation) -> None:
    assert missing_facts(org) == []
    assert missing_facts(stating(org)) == [NO_APPROVAL, NO_DATE]
    assert missing_facts(stating(org, Fact("adopted_by", "Byrådet"))) == [NO_DATE]
    assert missing_facts(stating(org, Fact("document_date", dt.date(2024, 1, 1)))) == [NO_APPROVAL]
    assert missing_facts(stating(org, Fact("adopted_on", dt.date(2024, 1, 1)))) == []


def test_region_nordjyllands_back_cover_is_shown_where_it_stands_not_as_a_sender() -> None:
    """Its back cover prints a unit and an address with no word for what they are: the label says where
    they stand ("På bagsiden"), never "Udgivet af", which the document does not say."""
    catalogue = load_catalogue(Path(__file__).resolve().parents[1] / "docs")
    org = catalogue.organisations["region-nordjylland"]
    for language, label, unit in (("da", "På bagsiden", "Mennesker og Organisation"),
                                  ("en", "On the back cover", "Mennesker og Organisation (People and Organisation)")):
        labels = catalogue.languages[language].labels
        back = [fact for fact in shown_facts(org, labels, language) if fact.label == label]
        assert [fact.text.split(",")[0] for fact in back] == [unit]
        assert not any(fact.label in ("Udgivet af", "Issued by") for fact in shown_facts(org, labels, language))
