"""render/front_door.py: each page's own opening words, ending where a sentence, paragraph or list item ends."""

from __future__ import annotations

import pytest
from publisher.render.front_door import opening_words


@pytest.mark.parametrize(("html", "words"), [
    ("<h1>Titel</h1><p>Første sætning her. Anden sætning.</p>", "Første sætning her."),
    ('<div class="admonition note"><p class="admonition-title">Bemærk</p><p>Teksten står her! Mere.</p></div>',
     "Teksten står her!"),
    ("<p>Ingen punktum</p><p>næste afsnit</p>", "Ingen punktum"),  # a paragraph ends the summary
    ("<table><tr><td>Celle.</td></tr></table><pre>kode.</pre><p>Efter &amp; tabel? Ja.</p>", "Efter & tabel?"),
    ('<h2 id="x">Over<a class="headerlink" href="#x">¶</a></h2><p>A<br>b.</p>', "A"),  # a line break ends a block
    ("<nav><nav>inde</nav>stadig inde</nav><aside>ved siden.</aside><p>Ude.</p>", "Ude."),
    ("<script>var a = 1.</script><style>p {}</style><figure>Figur.</figure><p>Tekst.</p>", "Tekst."),
    ("<p>Version 2.0 gælder fra i dag. Mere.</p>", "Version 2.0 gælder fra i dag."),
    ("<ul><li>Et</li><li>To.</li></ul>", "Et"),  # never two list items run together
    ("<p>Vi vil:</p><ul><li>Et</li><li>To.</li></ul>", "Vi vil: Et …"),  # an introduction takes its first item
    ("<h1>Kun en overskrift</h1>", ""),
    ("", ""),
])
def test_opening_words(html: str, words: str) -> None:
    assert opening_words(html) == words


def test_an_abbreviation_does_not_end_the_sentence() -> None:
    assert opening_words("<p>Du må f.eks. ikke dele billeder af kolleger. Spørg først.</p>") == (
        "Du må f.eks. ikke dele billeder af kolleger.")


def test_an_initial_inside_a_citation_does_not_end_the_sentence() -> None:
    assert opening_words("<p>Se Christensen, H-C &amp; Rose, G. (2017) om emnet. Mere her.</p>") == (
        "Se Christensen, H-C & Rose, G. (2017) om emnet.")
