"""render/model_texts.py and the topic pages: a model text several bodies adopt is shown once with its
blanks marked, then each adopter with its values, its changes marked with <del>/<ins> and text labels, and
a link to where its site says it; a text only one body uses stays a card of its own. Exact HTML pieces of
the fixture of three fictional adopters (tests/fixtures/model-texts/repository)."""

from __future__ import annotations

from pathlib import Path

import pytest
from htmltools import read_page
from model_text_sites import FIXTURE, model_text_repo
from publisher.model.organisations import load_catalogue
from publisher.render.model_texts import blank_html, blanks_shown
from publisher.render.topic_pages import render_topic_pages

SITE_DOCS = FIXTURE / "docs"
# The fixture's adoptions with the model text's Facebook section about a second topic of the fixture's.
ADOPTIONS = (SITE_DOCS / "adoptions.yml").read_text(encoding="utf-8")
SECTION_ABOUT_CHANNELS = ADOPTIONS.replace("  felles-modell:\n",
                                           "  felles-modell:\n    section_topics: {facebook: channels}\n")


@pytest.fixture(scope="module")
def topic_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = model_text_repo(tmp_path_factory.mktemp("model-text-topics") / "repo")
    return render_topic_pages(load_catalogue(root / "docs").published(), root / "overrides")


@pytest.fixture(scope="module")
def section_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = model_text_repo(tmp_path_factory.mktemp("section-topics") / "repo",
                           {"adoptions.yml": SECTION_ABOUT_CHANNELS})
    return render_topic_pages(load_catalogue(root / "docs").published(), root / "overrides")


def test_a_blank_is_shown_by_its_name_in_a_marked_span() -> None:
    assert blank_html("kommune:genitiv") == '<span class="blank">&#91;&#91;kommune:genitiv&#93;&#93;</span>'
    assert blanks_shown(["## Om [[kommune]]", "Ivareta [[kommune:genitiv]] omdømme. [ikke en blank]"]) == [
        '### Om <span class="blank">&#91;&#91;kommune&#93;&#93;</span>',
        'Ivareta <span class="blank">&#91;&#91;kommune:genitiv&#93;&#93;</span> omdømme. [ikke en blank]']


def test_the_model_text_is_shown_once_with_its_blanks(topic_pages: dict[str, str]) -> None:
    html = topic_pages["topics/strategy-and-purpose.nb.html"]
    assert html.count('<div class="model" lang="nb">') == 1
    assert html.count("bruker sosiale medier for å:") == 1
    assert ('<h2 id="w-felles-modell">Modelltekst brukt av Fjellvik kommune, Strandå kommune og Haugvik kommune'
            '</h2>') in html
    assert '<li>ivareta <span class="blank">[[kommune:genitiv]]</span> omdømme</li>' in html
    assert '<h3 id="facebook">Facebook</h3>' in html  # the model's headings stand under its own heading
    assert '<section class="wording"' not in html  # no adopter's copy beside it


def test_each_adopter_shows_its_values_and_a_link_to_its_site(topic_pages: dict[str, str]) -> None:
    html = topic_pages["topics/strategy-and-purpose.nb.html"]
    assert '<li><span class="blank">[[leder]]</span>: <span lang="nb">rådmannen</span></li>' in html
    assert '<li><span class="blank">[[leder]]</span>: <span lang="nb">kommunedirektøren</span></li>' in html
    # Haugvik publishes no bokmål: its own (nynorsk) values, marked as such, and its nynorsk page.
    assert '<li><span class="blank">[[kommune]]</span>: <span lang="nn">Haugvik kommune</span></li>' in html
    assert '<dd><a href="../haugvik/index.html">Føremål og offisielle kontoar</a></dd>' in html
    assert '<dd><a href="../fjellvik/index.html">Formål med kommunens bruk av sosiale medier</a></dd>' in html


def test_changes_are_marked_with_del_and_ins_and_text_labels(topic_pages: dict[str, str]) -> None:
    html = topic_pages["topics/strategy-and-purpose.nb.html"]
    assert ('<li><strong>Endret:</strong> <span class="mark">[fjernet:</span> <del lang="nb">ivareta Strandå '
            'kommunes omdømme</del><span class="mark">]</span> <span class="mark">[lagt til:</span> <ins lang="nb">'
            'ivareta og bygge Strandå kommunes omdømme</ins><span class="mark">]</span></li>') in html
    assert '<li><strong>Lagt til:</strong> <ins lang="nb">rekruttere nye medarbeidere</ins></li>' in html
    assert '<li><strong>Fjernet:</strong> <del lang="nb">Vi svarer innen to virkedager.</del></li>' in html
    assert '<li><strong>Lagt til:</strong> <ins lang="nn">fremje lokaldemokratiet</ins></li>' in html
    english = topic_pages["topics/strategy-and-purpose.en.html"]
    assert '<li><strong>Removed:</strong> <del lang="en">We answer within two working days.</del></li>' in english
    assert ('<li><strong>Changed:</strong> <span class="mark">[removed:</span> <del lang="en">The application is '
            'sent through the website (haugvik.kommune.no).</del><span class="mark">]</span> <span class="mark">'
            '[added:</span> <ins lang="en">The application is sent to the service desk.</ins><span class="mark">]'
            '</span></li>') in english


def test_the_nynorsk_topic_page_shows_the_nynorsk_variant(topic_pages: dict[str, str]) -> None:
    html = topic_pages["topics/strategy-and-purpose.nn.html"]
    assert '<div class="model" lang="nn">' in html
    assert "Modelltekst brukt av Fjellvik kommune, Strandå kommune og Haugvik kommune" in html
    assert '<li><span class="blank">[[leder]]</span>: <span lang="nb">rådmannen</span></li>' in html


def test_a_section_about_another_topic_shows_alone_on_that_topics_page(section_pages: dict[str, str]) -> None:
    assert SECTION_ABOUT_CHANNELS != ADOPTIONS
    html = section_pages["topics/channels.nb.html"]
    assert ('<h2 id="w-strategy-and-purpose-felles-modell-facebook">Del av en modelltekst om <a href='
            '"strategy-and-purpose.nb.html">Strategi og formål</a></h2>') in html
    # Only the adopters of that section: Haugvik adopted the other two.
    assert "<p>Modelltekst brukt av Fjellvik kommune og Strandå kommune</p>" in html
    assert "Haugvik" not in html
    assert '<h3 id="facebook">Facebook</h3>' in html
    assert html.count("Facebook er kommunens viktigste kanal for nyheter.") == 1
    assert "bruker sosiale medier for å" not in html and "Hvem kan opprette" not in html
    # Its adopters' changes to this section, not those to the others; no values, as it has no blanks.
    assert '<li><strong>Fjernet:</strong> <del lang="nb">Vi svarer innen to virkedager.</del></li>' in html
    assert ('<li><strong>Endret:</strong> <span class="mark">[fjernet:</span> <del lang="nb">Vi svarer innen to '
            'virkedager.</del><span class="mark">]</span> <span class="mark">[lagt til:</span> <ins lang="nb">Vi '
            'svarer innen tre virkedager.</ins><span class="mark">]</span></li>') in html
    assert "rekruttere nye medarbeidere" not in html and "omdømme" not in html
    assert "<dt>Fyller inn</dt>" not in html and "rådmannen" not in html
    assert ('<h2 id="w-strategy-and-purpose-felles-modell-facebook">Part of a model text on <a href='
            '"strategy-and-purpose.en.html">Strategy and purpose</a></h2>') in section_pages["topics/channels.en.html"]


def test_the_model_texts_own_topic_page_is_unchanged_by_section_topics(
        topic_pages: dict[str, str], section_pages: dict[str, str]) -> None:
    for language in ("nb", "nn", "en"):
        page = f"topics/strategy-and-purpose.{language}.html"
        # All but the list of topics at the end, which now has Channels too.
        assert section_pages[page].rsplit("<h2>", 1)[0] == topic_pages[page].rsplit("<h2>", 1)[0]
        assert f'<a href="channels.{language}.html">' in section_pages[page]
    assert "topics/channels.nb.html" not in topic_pages


def test_a_text_one_body_uses_stays_a_card_as_it_says_it(fixture_repo) -> None:
    root = fixture_repo({"_shared/confidentiality/testby.da.md": "[[kommune]] holder tæt.\n",
                         "_adopted/testby.yml": "confidentiality/testby:\n  da:\n    values: {kommune: Testby}\n"
                                                "  en:\n    values: {kommune: Testby}\n",
                         "_shared/confidentiality/testby.en.md": "[[kommune]] keeps quiet.\n"})
    pages = render_topic_pages(load_catalogue(root / "docs").published(), root / "overrides")
    html = pages["topics/confidentiality.da.html"]
    assert '<div lang="da"><p>Testby holder tæt.</p></div>' in html
    assert 'class="model-text"' not in html and 'class="blank"' not in html


def test_built_topic_page_and_site_notes_lead_to_each_other(tmp_path: Path) -> None:
    """The note on each adopter's page leads to the topic page, and the topic page to each adopter's page; a
    section about a second topic shows on that topic's page, which leads to the model text's own."""
    from publisher.pipeline.whole import build_all

    root = model_text_repo(tmp_path / "repo", {"adoptions.yml": SECTION_ABOUT_CHANNELS})
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    site = root / "site"
    channels = (site / "topics/channels.nb.html").read_text(encoding="utf-8")
    assert '<a href="strategy-and-purpose.nb.html">Strategi og formål</a></h2>' in channels
    assert channels.count("Facebook er kommunens viktigste kanal for nyheter.") == 1
    assert "Haugvik" not in channels and "Hvem kan opprette" not in channels
    note = ('<p class="passage-note"><a href="../topics/strategy-and-purpose.nn.html">Same modelltekst som Fjellvik '
            'kommune og Strandå kommune, med lokale endringar.</a></p>')
    assert (site / "haugvik/index.html").read_text(encoding="utf-8").count(note) == 2  # after each of its sections
    english = ('<p class="passage-note"><a href="../../topics/strategy-and-purpose.en.html">Same model text as '
               'Strandå kommune and Haugvik kommune, with local changes.</a></p>')
    assert english in (site / "fjellvik/en/index.html").read_text(encoding="utf-8")
    for page in ("topics/strategy-and-purpose.nb.html", "topics/strategy-and-purpose.en.html",
                 "topics/channels.nb.html", "topics/channels.en.html"):
        for link in read_page(site / page).links:
            assert ((site / page).parent / link["href"].split("#")[0]).resolve().is_file(), (page, link["href"])


def test_a_value_is_text_in_a_change_never_markup(tmp_path: Path) -> None:
    data = (SITE_DOCS / "_adopted/strandaa.yml").read_text(encoding="utf-8")
    data = data.replace("kommune:genitiv: Strandå kommunes", 'kommune:genitiv: "Strandå *kommunes* [x](y)"')
    root = model_text_repo(tmp_path / "repo", {"_adopted/strandaa.yml": data})
    html = render_topic_pages(load_catalogue(root / "docs").published(), root / "overrides")[
        "topics/strategy-and-purpose.nb.html"]
    assert '<del lang="nb">ivareta Strandå *kommunes* [x](y) omdømme</del>' in html
    assert '<span lang="nb">Strandå *kommunes* [x](y)</span>' in html
