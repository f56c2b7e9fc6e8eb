"""render/languages.py: links between the language versions of one page (source language at the root)."""

from __future__ import annotations

from publisher.render.languages import (
    absolute_alternates,
    alternate_links,
    language_root,
)

LANGUAGES = [{"code": "da", "name": "Dansk"}, {"code": "en", "name": "English"}, {"code": "nb", "name": "Norsk"}]


def test_the_source_language_lives_at_the_root() -> None:
    assert language_root("da", "da") == ""
    assert language_root("en", "da") == "en"


def test_links_from_a_source_language_page() -> None:
    assert alternate_links("regler.html", "da", "da", LANGUAGES) == [
        {"name": "Dansk", "link": "regler.html", "lang": "da"},
        {"name": "English", "link": "en/regler.html", "lang": "en"},
        {"name": "Norsk", "link": "nb/regler.html", "lang": "nb"}]


def test_links_from_a_translation_are_relative_to_its_folder() -> None:
    assert alternate_links("regler.html", "en", "da", LANGUAGES) == [
        {"name": "Dansk", "link": "../regler.html", "lang": "da"},
        {"name": "English", "link": "regler.html", "lang": "en"},
        {"name": "Norsk", "link": "../nb/regler.html", "lang": "nb"}]
    assert [entry["link"] for entry in alternate_links("a/b.html", "nb", "da", LANGUAGES)] == [
        "../a/b.html", "../en/a/b.html", "a/b.html"]


def test_absolute_alternates_need_the_sites_address() -> None:
    assert absolute_alternates(None, "regler.html", "da", "da", LANGUAGES) == []
    assert absolute_alternates("", "regler.html", "da", "da", LANGUAGES) == []


def test_absolute_alternates_from_either_language_site() -> None:
    expected = [{"lang": "da", "href": "https://testby.dk/retningslinjer/regler.html"},
                {"lang": "en", "href": "https://testby.dk/retningslinjer/en/regler.html"},
                {"lang": "nb", "href": "https://testby.dk/retningslinjer/nb/regler.html"}]
    assert absolute_alternates("https://testby.dk/retningslinjer/", "regler.html", "da", "da", LANGUAGES) == expected
    assert absolute_alternates("https://testby.dk/retningslinjer/en/", "regler.html", "en", "da",
                               LANGUAGES) == expected
    # A translation's site address without its language folder is taken as the root.
    assert absolute_alternates("https://testby.dk/retningslinjer/", "regler.html", "en", "da", LANGUAGES) == expected
