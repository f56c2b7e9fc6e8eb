"""render/front_door.py: each page's own opening words, and links to the most-asked topics it covers."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from publisher.render.front_door import SUMMARY_CHARACTERS, most_asked, opening_words
from units import fixture_catalogue


@pytest.mark.parametrize(("html", "words"), [
    ("<h1>Titel</h1><p>Første sætning her. Anden sætning.</p>", "Første sætning her."),
    ('<div class="admonition note"><p class="admonition-title">Bemærk</p><p>Teksten står her! Mere.</p></div>',
     "Teksten står her!"),
    ("<p>Ingen punktum</p><p>næste afsnit</p>", "Ingen punktum næste afsnit"),
    ("<table><tr><td>Celle.</td></tr></table><pre>kode.</pre><p>Efter &amp; tabel? Ja.</p>", "Efter & tabel?"),
    ('<h2 id="x">Over<a class="headerlink" href="#x">¶</a></h2><p>A<br>b.</p>', "A b."),
    ("<nav><nav>inde</nav>stadig inde</nav><aside>ved siden.</aside><p>Ude.</p>", "Ude."),
    ("<script>var a = 1.</script><style>p {}</style><figure>Figur.</figure><p>Tekst.</p>", "Tekst."),
    ("<p>Version 2.0 gælder fra i dag. Mere.</p>", "Version 2.0 gælder fra i dag."),
    ("<ul><li>Et</li><li>To.</li></ul>", "Et To."),
    ("<h1>Kun en overskrift</h1>", ""),
    ("", ""),
])
def test_opening_words(html: str, words: str) -> None:
    assert opening_words(html) == words


def test_a_long_sentence_is_cut_at_a_word_with_an_ellipsis() -> None:
    assert opening_words("<p>Ét to tre fire fem.</p>", limit=10) == "Ét to tre …"
    assert opening_words("<p>Ét to, tre fire fem.</p>", limit=8) == "Ét to …"  # no comma before the ellipsis
    long = opening_words("<p>" + "ord " * 50 + "slut.</p>")
    assert long == " ".join(["ord"] * 40) + " …"
    assert len(long) <= SUMMARY_CHARACTERS + 2


@pytest.mark.xfail(strict=True, reason="opening_words ends the first sentence at any '.' followed by a space, so "
                                       "an abbreviation common in Danish and Norwegian guidelines (f.eks., ca., "
                                       "jf., bl.a.) cuts the summary and meta description short")
def test_an_abbreviation_does_not_end_the_sentence() -> None:
    assert opening_words("<p>Du må f.eks. ikke dele billeder af kolleger. Spørg først.</p>") == (
        "Du må f.eks. ikke dele billeder af kolleger.")


def test_most_asked_topics_in_their_order_with_the_first_page_that_covers_each(tmp_path: Path) -> None:
    catalogue = fixture_catalogue(tmp_path / "repo", pages={
        "testby/index.da.md": "---\ntitle: Forside\nowner: HR\ntopics: [threats, friend-requests]\n---\n\nHej.\n"})
    topics = {"confidentiality": {"da": "Tavshed", "en": "Silence"}, "friend-requests": {"en": "Friends"},
              "threats": {"da": "Trusler"}}
    catalogue = dataclasses.replace(catalogue, topics=topics)
    # regler.da.md lists confidentiality and includes its wording; index.da.md lists the other two.
    assert most_asked(catalogue, "testby", "en") == [
        ("Silence", "regler.html"), ("Friends", "index.html"), ("threats", "index.html")]
    assert most_asked(catalogue, "testby", "da") == [
        ("Tavshed", "regler.html"), ("friend-requests", "index.html"), ("Trusler", "index.html")]


def test_a_guideline_that_covers_none_of_them(tmp_path: Path) -> None:
    catalogue = fixture_catalogue(tmp_path / "repo", pages={
        "testby/regler.da.md": "---\ntitle: Regler\nowner: HR\ntopics: []\n---\n\nHold tæt.\n"})
    assert most_asked(catalogue, "testby", "da") == []
