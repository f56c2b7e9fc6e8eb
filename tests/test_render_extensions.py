"""Golden tests of our Markdown extensions: Markdown in, HTML out, exactly.

`publisher.render.passages` (mkdocs.yml's `markdown_extensions`) shows a shared wording where a page
includes it: as the organisation's own text, never boxed, with a note after it where the labeller gives one.
The PDF's internal-links extension (`publisher.outputs.pdf`) gives every id a per-page prefix and
points links between pages at them, so they work inside one PDF.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from publisher.outputs.pdf import _InternalLinksExtension
from publisher.render.passages import PassageNote

WORDING = "Intro.\n\n--8<-- [start:procedure]\n1. Gem beskeden.\n2. Ring til chefen.\n--8<-- [end:procedure]\n\nSlut.\n"
PROCEDURE = "<ol>\n<li>Gem beskeden.</li>\n<li>Ring til chefen.</li>\n</ol>"
NOTE = PassageNote('Samme modeltekst som <Andenby> & "*Co*".', '../topics/threats.da.html?a="b"&c')

GOLDEN = {
    "a whole wording in place of its include line": (
        'Før.\n\n--8<-- "threats/testby.da.md"\n\nEfter.', None,
        f"<p>Før.</p>\n<p>Intro.</p>\n{PROCEDURE}\n<p>Slut.</p>\n<p>Efter.</p>"),
    "a named section as a list item's text": (
        '- --8<-- "threats/testby.da.md:procedure"', None,
        f"<ul>\n<li>\n{PROCEDURE}\n</li>\n</ul>"),
    "an include inside a code fence is left as code": (
        '```\n--8<-- "threats/testby.da.md"\n```', None,
        '<pre><code>--8&lt;-- &quot;threats/testby.da.md&quot;\n</code></pre>'),
    "a passage others adopt too: its note after it, text and link never markup": (
        'Før.\n\n--8<-- "threats/testby.da.md:procedure"', NOTE,
        f"<p>Før.</p>\n{PROCEDURE}\n"
        '<p class="passage-note"><a href="../topics/threats.da.html?a=&#34;b&#34;&amp;c">Samme modeltekst som '
        '&lt;Andenby&gt; &amp; "*Co*".</a></p>'),
    "the note of a list item's passage stays in the item": (
        '1. --8<-- "threats/testby.da.md:procedure"\n2. Efter.', NOTE,
        f"<ol>\n<li>\n{PROCEDURE}\n"
        '<p class="passage-note"><a href="../topics/threats.da.html?a=&#34;b&#34;&amp;c">Samme modeltekst som '
        '&lt;Andenby&gt; &amp; "*Co*".</a></p>\n</li>\n<li>\n<p>Efter.</p>\n</li>\n</ol>'),
    "a note without a link (the PDF) is text": (
        '--8<-- "threats/testby.da.md:procedure"', PassageNote("Samme modeltekst som A og 2 andre.", None),
        f'{PROCEDURE}\n<p class="passage-note">Samme modeltekst som A og 2 andre.</p>'),
    "a missing wording is left for the checks to report": (
        '--8<-- "threats/missing.da.md"', None,
        '<p>--8&lt;-- "threats/missing.da.md"</p>'),
}


@pytest.mark.parametrize("case", list(GOLDEN))
def test_passages_extension(case: str, tmp_path: Path) -> None:
    source, note, expected = GOLDEN[case]
    (tmp_path / "threats").mkdir()
    (tmp_path / "threats" / "testby.da.md").write_text(WORDING, encoding="utf-8")
    html = markdown.markdown(source, extensions=["admonition", "attr_list", "fenced_code", "publisher.render.passages"],
                             extension_configs={"publisher.render.passages": {
                                 "shared_dir": str(tmp_path), "labels": (lambda ref, changed: note) if note else ""}})
    assert html == expected


PDF_LINKS = {
    "ids get the page's prefix": ("## Tavshed {#tavshed}", '<h2 id="regler--tavshed">Tavshed</h2>'),
    "a link to an anchor on the same page": ("[se](#tavshed)", '<p><a href="#regler--tavshed">se</a></p>'),
    "a link to another page's anchor": ("[se](gode-raad.md#trusler)", '<p><a href="#gode-raad--trusler">se</a></p>'),
    "a link to another page": ("[se](gode-raad.md)", '<p><a href="#gode-raad">se</a></p>'),
    "an outside link is left alone": ("[kk](https://kalundborg.dk/#x)", '<p><a href="https://kalundborg.dk/#x">kk</a></p>'),
    "a protocol-relative link is left alone": ('<a href="//x.dk/a.md">x</a>', '<p><a href="//x.dk/a.md">x</a></p>'),
}


@pytest.mark.parametrize("case", list(PDF_LINKS))
def test_pdf_internal_links_extension(case: str) -> None:
    source, expected = PDF_LINKS[case]
    html = markdown.markdown(source, extensions=["attr_list", _InternalLinksExtension("regler")])
    assert html == expected
