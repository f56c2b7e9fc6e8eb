"""render/about.py: the "about this guideline" page (and PDF appendix), rendered from the fixture catalogue
with the real overrides/about/about.html, without a build. Labels are neutral (`[key]`, units.neutral_labels)."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import make_repo, with_danish_label
from publisher.model.organisations import Catalogue, load_catalogue
from publisher.render.about import (
    about_html,
    about_markdown,
    editions_view,
    front_matter_string,
    page_titles,
    translation_notice,
)
from units import WITHOUT_FACTS, fixture_catalogue, neutral_labels, with_editions

EDITORIAL = ("changes:\n  - kind: typo\n    page: regler\n    original: Hold taet.\n    published: Hold tæt.\n"
             "  - kind: moved\n    original: Godkendt <af> Byrådet.\n")
INDEX = ("---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\ntopics: []\n---\n\n"
                         "Her er vi. Se [de nye regler](regler.md#tavshed) her.\n")


def catalogue_with_editions(tmp_path: Path) -> Catalogue:
    """Two editions; the current regler.da.md differs from the second edition's snapshot (unapproved)."""
    root = make_repo(tmp_path / "repo", {"_editorial/testby.yml": EDITORIAL}, WITHOUT_FACTS)
    snapshot = {"index.da.md": INDEX, "regler.da.md": "---\ntitle: Regler\n---\n\nGammel tekst.\n"}
    return neutral_labels(load_catalogue(with_editions(root, {1: snapshot, 2: snapshot}) / "docs"))


def test_translation_notice_only_on_translations(tmp_path: Path) -> None:
    catalogue = neutral_labels(fixture_catalogue(tmp_path / "repo"))
    assert translation_notice(catalogue, "testby", "da") is None
    assert translation_notice(catalogue, "testby", "en") == (
        f"[translation_notice] {catalogue.languages['en'].names['da']}")


def test_page_titles_in_nav_order_for_the_pages_the_language_has(tmp_path: Path) -> None:
    catalogue = fixture_catalogue(tmp_path / "repo", pages={"testby/regler.en.md": None,
                                                            "testby/index.en.md": "---\ntopics: []\n---\n\nHi.\n"})
    assert page_titles(catalogue, "testby", "da") == {"index": "Forside", "regler": "Regler"}
    assert page_titles(catalogue, "testby", "en") == {"index": "index"}  # no title: the base name


def test_about_html_without_editions(tmp_path: Path) -> None:
    catalogue = neutral_labels(fixture_catalogue(tmp_path / "repo", pages={"_editorial/testby.yml": EDITORIAL}))
    assert about_html(catalogue, "testby", "da") == """\
<div class="guide-about">
<p>[about_intro]</p>
<h2 id="document">[about_document]</h2>
<dl class="guide-about__facts">
  <dt>Testby Kommune</dt>
  <dd lang="da"><cite>Testbys retningslinjer</cite></dd>
  <dt>[fact_version]</dt>
  <dd>1.0</dd>
  <dt>[fact_approved_by]</dt>
  <dd>Byrådet</dd>
  <dt>[fact_approved_on]</dt>
  <dd><time datetime="2024-01-31">31. januar 2024</time></dd>
</dl>
<h2 id="editorial-changes">[editorial_changes]</h2>
<p>[editorial_intro]</p>
<div class="guide-table">
<table>
  <thead><tr><th scope="col">[change_page]</th><th scope="col">[change_kind]</th><th scope="col">[change_original]</th>\
<th scope="col">[change_published]</th></tr></thead>
  <tbody>
    <tr>
      <td><a href="regler.html">Regler</a></td>
      <td>[change_typo]</td>
      <td lang="da">Hold taet.</td>
      <td lang="da">Hold tæt.</td>
    </tr>
    <tr>
      <td>[whole_document]</td>
      <td>[change_moved]</td>
      <td lang="da">Godkendt &lt;af&gt; Byrådet.</td>
      <td lang="da"></td>
    </tr>
  </tbody>
</table>
</div>
</div>"""


def test_a_document_without_facts_or_changes_says_so(tmp_path: Path) -> None:
    catalogue = neutral_labels(fixture_catalogue(tmp_path / "repo", WITHOUT_FACTS))
    html = about_html(catalogue, "testby", "en", link_pages=False)
    assert ("<dd lang=\"da\"><cite>Testbys retningslinjer</cite></dd>\n</dl>\n<p>[about_facts_none]</p>\n"
            "<h2 id=\"editorial-changes\">[editorial_changes]</h2>\n<p>[editorial_none]</p>\n</div>") in html
    assert 'id="editions"' not in html


def test_editions_newest_first_with_period_pdfs_and_comparison(tmp_path: Path) -> None:
    catalogue = catalogue_with_editions(tmp_path)
    html = about_html(catalogue, "testby", "en")
    assert """\
<h2 id="editions">[editions_title]</h2>
<p>[editions_intro]</p>
<div class="guide-unapproved" role="note">
<p><strong>[unapproved_notice] 2.0</strong></p>
<p>[unapproved_pages]</p>
<ul>
  <li><a href="regler.html">Rules</a></li>
</ul>
</div>
<section class="guide-edition" aria-labelledby="edition-2">
<h3 id="edition-2">[edition_name] 2.0 <span class="guide-edition__current">([edition_current])</span></h3>
<p class="guide-edition__period">[edition_period_open] 1 March 2025</p>""" in html
    assert """\
  <dt>[edition_note]</dt>
  <dd>Second edition</dd>
</dl>
<ul class="guide-edition__links">
  <li><a href="../pdf/editions/2/testby-da.pdf" type="application/pdf" hreflang="da">[edition_pdf] 2.0 \
{da}</a></li>
  <li><a href="../pdf/editions/2/testby-en.pdf" type="application/pdf" hreflang="en">[edition_pdf] 2.0 \
{en}</a></li>
  <li><a href="editions/2-changes.html">[edition_compare] 1.0</a></li>
</ul>
</section>
<section class="guide-edition" aria-labelledby="edition-1">
<h3 id="edition-1">[edition_name] 1.0</h3>
<p class="guide-edition__period">[edition_recorded_period] 1 February 2024 28 February 2025</p>""".format(
        **catalogue.languages["en"].names) in html
    assert "<dt>[edition_note]</dt>\n  <dd lang=\"da\">Første udgave</dd>" in html  # no English note: the Danish one


def test_editions_view_for_the_pdf_links_nothing(tmp_path: Path) -> None:
    view = editions_view(catalogue_with_editions(tmp_path), "testby", "da", link_pages=False)
    assert [(edition["number"], edition["current"], edition["period"], edition["note"], edition["pdfs"],
             edition["compare_href"], str(edition["compare"])) for edition in view] == [
        (2, True, "[edition_period_open] 1. marts 2025", "Anden udgave", [], None, "[edition_compare] 1.0"),
        (1, False, "[edition_recorded_period] 1. februar 2024 28. februar 2025", "Første udgave", [], None, "None")]


def test_about_markdown_is_front_matter_and_the_html(tmp_path: Path) -> None:
    catalogue = neutral_labels(fixture_catalogue(tmp_path / "repo"))
    page = about_markdown(catalogue, "testby", "en")
    front, body = page.removeprefix("---\n").split("---\n\n", 1)
    assert yaml.safe_load(front) == {"title": "[about_title]", "search": {"boost": 0.5}}
    assert body == about_html(catalogue, "testby", "en") + "\n"


def test_the_about_page_title_reads_back_for_any_label(tmp_path: Path) -> None:
    """A character beyond U+FFFF is written as YAML's \\U escape, not JSON's surrogate pair, which YAML
    reads as two lone surrogates (PyYAML) or refuses (libyaml, as MkDocs reads a page)."""
    root = with_danish_label(make_repo(tmp_path / "repo", None, WITHOUT_FACTS), "about_title", '"Om 🌍 & \'os\'"')
    catalogue = load_catalogue(root / "docs")
    front = about_markdown(catalogue, "testby", "da").removeprefix("---\n").split("---\n\n", 1)[0]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert yaml.load(front, Loader=loader)["title"] == "Om 🌍 & 'os'"  # noqa: S506 (a safe loader)


def test_front_matter_string_is_json_but_for_characters_beyond_u_ffff() -> None:
    assert front_matter_string("Æble <b> & 'c'") == '"\\u00c6ble \\u003cb\\u003e \\u0026 \\u0027c\\u0027"'
    assert front_matter_string("2.0 🌍🌍") == '"2.0 \\U0001f30d\\U0001f30d"'
    for text in ("🌍", "\\ud83c\\udf0d", "\\🌍", "a\\\\ud83c\\udf0d"):  # a backslash written in the text stays
        assert yaml.safe_load(front_matter_string(text)) == text


def test_the_editors_records_follow_the_changes_in_the_pages_language(tmp_path: Path) -> None:
    records = ("records:\n  - date: 2026-12-06\n    text: {da: 'Udgave 1 registreret <på> ny.', "
               "en: 'Edition 1 recorded again.'}\n")
    pages = {"_editorial/testby.yml": EDITORIAL + records}
    catalogue = neutral_labels(fixture_catalogue(tmp_path / "repo", pages=pages))
    assert about_html(catalogue, "testby", "da").endswith("""\
</table>
</div>
<h3 id="site-records">[editorial_records]</h3>
<ul class="guide-about__records">
  <li><time datetime="2026-12-06">6. december 2026</time>: Udgave 1 registreret &lt;på&gt; ny.</li>
</ul>
</div>""")
    assert '<time datetime="2026-12-06">6 December 2026</time>: Edition 1 recorded again.</li>' in about_html(
        catalogue, "testby", "en")


def test_each_first_editions_re_recording_is_in_its_bodys_record_in_every_language() -> None:
    """The five first editions were recorded again once with the corrected chrome: each about page (and
    PDF appendix) says so in its own language, not only the edition's note."""
    catalogue = load_catalogue(Path(__file__).resolve().parents[1] / "docs")
    said = {"da": "Udgave 1 registreret på ny, én gang.", "nb": "Utgave 1 registrert på nytt, én gang.",
            "en": "Edition 1 recorded again, once."}
    for org in catalogue.organisations.values():
        assert org.editions and org.editions[0].number == 1
        for language in org.languages:
            html = about_html(catalogue, org.id, language)
            records = html[html.index('<h3 id="site-records">'):]
            assert f': {said[language]} ' in records, (org.id, language)
            assert org.name in records
