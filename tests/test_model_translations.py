"""Translations: counterparts, switcher links, stale and untranslated pages, per-language search."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import with_danish_label
from htmltools import html_pages, read_page
from publisher.checks import check_all
from publisher.files.findings import PublisherError
from publisher.model.organisations import load_catalogue
from publisher.model.sources import parse_text
from publisher.model.translations import mark_current, organisation_status
from publisher.pipeline.whole import BuildFailed, build_all
from publisher.render.search_index import read_documents

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = load_catalogue(ROOT / "docs")


def site_base(site: Path, org_id: str, language: str) -> Path:
    org = CATALOGUE.organisation(org_id)
    return site / org_id if language == org.source_language else site / org_id / language


@pytest.mark.parametrize("org_id", list(CATALOGUE.organisations))
def test_every_page_has_its_counterpart_and_the_switcher_points_at_it(real_site: Path, org_id: str) -> None:
    org = CATALOGUE.organisation(org_id)
    for language in org.languages:
        base = site_base(real_site, org_id, language)
        pages = [p for p in html_pages(base) if p.parent == base]
        assert sorted(p.name for p in pages) == sorted([e.replace(".md", ".html") for e in org.nav]
                                                       + ["about.html", "accessibility.html"])
        for page in pages:
            switcher = {
                link["hreflang"]: link["href"] for link in read_page(page).links
                if "md-select__link" in link.get("class", "")
            }
            assert set(switcher) == set(org.languages), page
            for other, href in switcher.items():
                target = (page.parent / href).resolve()
                assert target == (site_base(real_site, org_id, other) / page.name).resolve(), (page, other)
                assert target.is_file()


def test_real_translations_are_all_current() -> None:
    statuses = [s for org in CATALOGUE.organisations for s in organisation_status(CATALOGUE, org)]
    assert [s.describe(ROOT) for s in statuses if s.state != "current"] == []


def english_page(root: Path) -> str:
    return (root / "site/testby/en/regler.html").read_text(encoding="utf-8")


def test_changing_the_source_makes_the_translation_stale(fixture_repo) -> None:
    root = fixture_repo()
    translation = root / "docs/testby/regler.en.md"
    recorded = parse_text(translation.read_text(encoding="utf-8")).front_matter["source_hash"]
    assert isinstance(recorded, str) and len(recorded) == 12  # text even when all digits: the emitter quotes it
    build_all(root, root / "site", progress=lambda line: None)
    assert "may be out of date" not in english_page(root)

    source = root / "docs/testby/regler.da.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Hold tæt.", "Hold altid tæt."), encoding="utf-8")
    catalogue = load_catalogue(root / "docs")
    assert [(s.base, s.state) for s in organisation_status(catalogue, "testby")] == [
        ("index", "current"), ("regler", "stale"),
    ]
    warnings = [str(f) for f in check_all(catalogue).warnings]
    assert ("docs/testby/regler.en.md:1: warning: stale translation: docs/testby/regler.da.md changed since this "
            "was translated; update it, then run 'make translations MARK=docs/testby/regler.en.md'") in warnings
    build_all(root, root / "site", progress=lambda line: None)
    assert "This translation may be out of date; the Danish original was changed on " in english_page(root)

    mark_current(catalogue, translation)
    build_all(root, root / "site", progress=lambda line: None)
    assert "may be out of date" not in english_page(root)


def test_changing_a_shared_wording_makes_the_translations_that_show_it_stale(fixture_repo) -> None:
    root = fixture_repo()
    snippet = root / "docs/_shared/confidentiality/testby.da.md"
    snippet.write_text(snippet.read_text(encoding="utf-8").replace("om tavshed.", "om tavshed og loyalitet."),
                       encoding="utf-8")
    catalogue = load_catalogue(root / "docs")
    # index includes no snippet and stays current; regler shows the changed passage.
    assert [(s.base, s.state) for s in organisation_status(catalogue, "testby")] == [
        ("index", "current"), ("regler", "stale"),
    ]
    build_all(root, root / "site", progress=lambda line: None)
    assert "This translation may be out of date; the Danish original was changed on " in english_page(root)

    mark_current(catalogue, root / "docs/testby/regler.en.md")
    assert [s.state for s in organisation_status(catalogue, "testby")] == ["current", "current"]


def test_deleting_a_translation_fails_the_build_naming_the_file(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.en.md": None})
    with pytest.raises(BuildFailed) as failed:
        build_all(root, root / "site", progress=lambda line: None)
    assert [(f.org_id, f.language, f.kind) for f in failed.value.failures] == [
        ("testby", "en", "pdf"), ("testby", "en", "site"),
    ]
    assert ("docs/testby/regler.da.md:1: error: no English (en) translation: create docs/testby/regler.en.md"
            in str(failed.value))
    assert "PDF: docs/testby/regler.en.md does not exist" in str(failed.value)


def test_untranslated_page_shows_the_source_with_a_notice(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.en.md": "---\ntitle: Rules\nuntranslated: true\n---\n"})
    build_all(root, root / "site", progress=lambda line: None)
    html = english_page(root)
    assert "This page has not been translated into English yet; it is shown in Danish." in html
    assert "Hold tæt." in html
    page = read_page(root / "site/testby/en/regler.html")
    assert page.html_lang == "en"
    assert ("div", {"lang": "da"}) in page.elements


def test_mark_keeps_every_other_front_matter_line_as_the_editor_wrote_it(fixture_repo) -> None:
    root = fixture_repo()
    translation = root / "docs/testby/regler.en.md"
    front = ("---\n# Reviewed by the HR adviser; ask before changing the title.\ntitle: 'Rules'  # short\n"
             "source_hash: 0000\n  0000\ndescription: >\n  Folded\n  text\n---\n")
    body = translation.read_text(encoding="utf-8").split("---\n", 2)[2]
    translation.write_text(front + body, encoding="utf-8")
    new_hash = mark_current(load_catalogue(root / "docs"), translation)
    assert translation.read_text(encoding="utf-8") == front.replace("source_hash: 0000\n  0000\n",
                                                                    f"source_hash: {new_hash}\n") + body
    translation.write_text(front.replace("source_hash: 0000\n  0000\n", "") + body, encoding="utf-8")
    new_hash = mark_current(load_catalogue(root / "docs"), translation)
    assert translation.read_text(encoding="utf-8") == front.replace("source_hash: 0000\n  0000\n", "").replace(
        "  text\n---", f"  text\nsource_hash: {new_hash}\n---") + body


def test_mark_refuses_a_source_page(fixture_repo) -> None:
    from publisher.files.findings import PublisherError

    root = fixture_repo()
    with pytest.raises(PublisherError, match="this is the da source page; mark its translation instead"):
        mark_current(load_catalogue(root / "docs"), root / "docs/testby/regler.da.md")


KNOWN_WORDS = {"da": "sociale", "nb": "sosiale", "en": "media"}  # on every site
# Words our templates add in one language only: they must not reach another language's index.
OWN_LABELS = {code: CATALOGUE.languages[code].labels["about_title"] for code in ("da", "en")}


def test_search_indexes_are_per_language(real_site: Path) -> None:
    for org in CATALOGUE.organisations.values():
        for language in org.languages:
            base = site_base(real_site, org.id, language)
            docs = read_documents(base / "search")  # loaded when search is first used
            text = " ".join(doc["text"] + " " + doc["title"] for doc in docs).lower()
            assert KNOWN_WORDS[language] in text, (org.id, language)
            for label in OWN_LABELS.values():
                if label != CATALOGUE.languages[language].labels["about_title"]:
                    assert label.lower() not in text, (org.id, language, label)
            locations = {doc["location"].split("#")[0] for doc in docs}
            assert locations == ({entry.replace(".md", ".html") for entry in org.nav}
                                 | {"about.html", "accessibility.html"})



PASSAGE = "docs/languages.yml:50: error: label 'model_text_more' of language 'da' has "
MAY_USE = "it may use {name}, {count}"


@pytest.mark.parametrize(("value", "expected"), [
    ('"{name} og {count} {orgname}"',
     f"the placeholder '{{orgname}}', which is never filled in; {MAY_USE}"),
    ('"{name.__class__.__mro__} og {count}"',
     f"the placeholder '{{name.__class__.__mro__}}'; write a placeholder as a bare name, {MAY_USE}"),
    ('"{name[0]} og {count}"',
     f"the placeholder '{{name[0]}}'; write a placeholder as a bare name, {MAY_USE}"),
    ('"{} og {count}"', f"the placeholder '{{}}' without a name; {MAY_USE}"),
    ('"{0} og {count}"', f"the placeholder '{{0}}' without a name; {MAY_USE}"),
    ('"{name!r} og {count}"',
     f"the placeholder '{{name!r}}'; write a placeholder as a bare name, {MAY_USE}"),
    ('"{name:40} og {count}"',
     f"the placeholder '{{name:40}}'; write a placeholder as a bare name, {MAY_USE}"),
    ('"{name} og {count"',
     f"a '{{' or '}}' that is not part of a placeholder; {MAY_USE}, and braces are not text here"),
    ('"{name} og } {count}"',
     f"a '{{' or '}}' that is not part of a placeholder; {MAY_USE}, and braces are not text here"),
    ('"{{name}} og {count}"',
     f"a '{{' or '}}' that is not part of a placeholder; {MAY_USE}, and braces are not text here"),
])
def test_a_label_placeholder_the_code_does_not_fill_in_is_refused_on_its_line(fixture_repo, value: str,
                                                                             expected: str) -> None:
    root = with_danish_label(fixture_repo(), "model_text_more", value)
    with pytest.raises(PublisherError) as error:  # `make check` and the build both load the catalogue first
        load_catalogue(root / "docs")
    assert [str(f) for f in error.value.findings] == [PASSAGE + expected]


def test_a_label_without_placeholders_takes_none(fixture_repo) -> None:
    root = with_danish_label(fixture_repo(), "contents", '"Indhold {page}"')
    with pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert [str(f) for f in error.value.findings] == [
        "docs/languages.yml:22: error: label 'contents' of language 'da' has the placeholder '{page}', which is never "
        "filled in; it takes no placeholders"]


def test_every_real_label_uses_only_the_placeholders_its_code_fills_in() -> None:
    import string

    import yaml
    from publisher.model.label_rules import LABEL_PLACEHOLDERS, label_problem
    from publisher.model.languages import LANGUAGE_LABELS

    assert set(LABEL_PLACEHOLDERS) <= set(LANGUAGE_LABELS)
    languages = yaml.safe_load((ROOT / "docs/languages.yml").read_text(encoding="utf-8"))
    for code, labels in languages.items():
        for key, value in labels.items():
            if key == "language_names":
                continue
            names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
            assert names <= set(LABEL_PLACEHOLDERS.get(key, ())), (code, key, names)
            assert label_problem(key, value) is None, (code, key)
