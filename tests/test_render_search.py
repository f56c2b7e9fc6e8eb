"""Search understands Danish and Norwegian words: inflections, compounds, noun/verb pairs, typos.

The query sets (tests/search_queries.yml and the held-out tests/search_queries_heldout.yml) are typed
into the real sites' search in headless Chromium by tests/test_sites_browser.py (which owns the browser);
here: the sets themselves and the word-form logic.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from htmltools import html_pages
from publisher.commands.search_bench import QUERY_SETS, load_queries
from publisher.model.organisations import load_catalogue
from publisher.render.search_forms import (
    SEPARATOR,
    WordForms,
    compact_form,
    index_data,
    load_forms,
    split_compound,
    table_path,
)
from publisher.render.search_index import read_documents

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = load_catalogue(ROOT / "docs")


@pytest.mark.parametrize("path", QUERY_SETS, ids=lambda path: path.stem)
def test_the_query_set_covers_every_site_language_and_kind(path: Path) -> None:
    queries = load_queries(path)
    assert len(queries) >= 60
    covered = {(q.site, q.lang) for q in queries}
    assert covered == {(org.id, lang) for org in CATALOGUE.organisations.values() for lang in org.languages}
    assert {"plural", "definite", "compound-head", "compound-tail", "verb-noun", "typo", "phrase"} <= {
        q.kind for q in queries}
    for query in queries:
        org_dir = ROOT / "docs" / query.site
        assert (org_dir / query.page.replace(".html", f".{query.lang}.md")).is_file(), query


def test_every_language_has_a_word_form_table() -> None:
    languages = yaml.safe_load((ROOT / "docs" / "languages.yml").read_text(encoding="utf-8"))
    missing = [code for code in languages if not table_path(code).is_file()]
    assert missing == [], f"run 'make wordforms' after adding {missing} to hooks/publisher/commands/wordforms.py"


def test_a_word_stands_for_its_lemma_its_verb_and_its_parts() -> None:
    danish, bokmal = load_forms("da"), load_forms("nb")
    assert danish is not None and bokmal is not None
    assert {"trussel"} <= danish.keys("truslerne")
    assert {"venneanmodning", "anmodning", "anmode"} <= danish.keys("venneanmodningerne")
    assert {"tavshedspligt", "pligt"} <= danish.keys("tavshedspligten")
    assert {"taushetsplikt", "plikt"} <= bokmal.keys("taushetsplikten")
    assert "atte" not in danish.keys("ansatte")  # a known word splits only into real parts
    assert danish.part_keys("anvendelse") == set()  # "-else" is an ending, not a word in a compound


def test_compounds_split_at_a_linking_letter_and_only_into_known_words() -> None:
    forms = WordForms.from_families({"sikkerhed": [], "risiko": ["risikoen"], "pligt": []}, compounds=True)
    assert split_compound("sikkerhedsrisikoen", forms.is_form) == ["sikkerhed", "risikoen"]
    assert split_compound("tavshedspligt", forms.is_form) == []  # "tavshed" is not known here
    assert WordForms.from_families({"a": []}, compounds=False).parts("sikkerhedsrisiko") == []


def test_a_site_ships_the_forms_of_its_own_words_and_what_each_lemma_finds() -> None:
    danish = load_forms("da")
    assert danish is not None
    data = index_data(danish, ["truslerne", "sikkerhedsrisiko", "venneanmodning"], "da")
    assert "trussel" in data["families"] and "truslerne" in data["own"]["trussel"].split()
    assert "venneanmodning" in data["parts"]["anmodning"].split()
    assert "venneanmodning" in data["parts"]["anmode"].split()  # the verb finds the noun's compounds


def test_forms_are_shipped_as_what_they_change_at_the_end_of_the_lemma() -> None:
    assert compact_form("regel", "regler") == "2ler"
    assert compact_form("regel", "reglen") == "2len"
    assert compact_form("trussel", "trusler") == "3ler"
    assert compact_form("pligt", "pligten") == "en"


def test_the_search_dialog_has_a_name_and_its_data_waits_for_the_first_search(real_site: Path) -> None:
    for org in CATALOGUE.organisations.values():
        base = real_site / org.id
        index = (base / "search" / "search_index.json").read_text(encoding="utf-8")
        assert '"docs":[]' in index and (base / "search" / "search_data.js").is_file()
        assert json.loads(index)["config"]["separator"] == SEPARATOR.pattern  # the tables split words as lunr does
        # The pages about the site weigh half: they do not outrank the guideline's own pages.
        boosts = {doc["location"].split("#")[0]: doc.get("boost") for doc in read_documents(base / "search")}
        assert boosts.pop("about.html") == boosts.pop("accessibility.html") == 0.5
        assert set(boosts.values()) == {None}
        page = next(iter(html_pages(base))).read_text(encoding="utf-8")
        assert 'role="dialog" aria-label="' in page
        assert "workers/guide-search.js" in page
