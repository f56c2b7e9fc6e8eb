"""What the sanitizer removes from a page (publisher/render/sanitize.py), and markup that would be published as
text (publisher/checks/content.py), each at its line."""

from __future__ import annotations

import pytest
from checking import FM_DA, REMOVED, findings, regler


def test_attr_list_handler_is_found_on_its_line(fixture_repo) -> None:
    # attr_list puts the handler on the paragraph above it.
    body = '## Tavshedspligt {#tavshed}\n\nEt afsnit.\n{: onclick="alert(6)" }\n'
    root = fixture_repo({"testby/regler.da.md": FM_DA + body})
    assert findings(root) == ["docs/testby/regler.da.md:11: error: event handler 'onclick=' on <p> runs code in the "
                              "reader's browser; remove the attribute"]


HOST_LOAD = ("{attr}=\"{value}\" on <{tag}> loads a file from another host, which tells that host about every reader; "
             "save the file in the organisation's folder and link to it there")
SCHEME = ("'{scheme}:' addresses are not allowed ({attr}=\"{value}\" on <{tag}>): links use https:, http:, mailto:, "
          "tel: or a relative address inside the site; remove or replace it")


@pytest.mark.parametrize(("markdown", "message"), [
    ("<script>alert(1)</script>", "<script> runs code in the reader's browser and is removed from the page; remove it"),
    # An HTML comment that closes at once: the browser runs the script after it.
    ("<!--><script>alert(5)</script>-->",
     "<script> runs code in the reader's browser and is removed from the page; remove it"),
    ('<iframe src="https://evil.example.com"></iframe>', REMOVED.format(tag="iframe")),
    ('<span onclick="steal()">x</span>',
     "event handler 'onclick=' on <span> runs code in the reader's browser; remove the attribute"),
    ("[klik](javascript:alert(1))",
     SCHEME.format(scheme="javascript", attr="href", value="javascript:alert(1)", tag="a")),
    # Entity-encoded scheme: the browser decodes it, so does the sanitizer.
    ('<a href="jav&#x61;script:alert(3)">x</a>',
     SCHEME.format(scheme="javascript", attr="href", value="javascript:alert(3)", tag="a")),
    ('<svg><a xlink:href="javascript:alert(1)"><circle r="4"/></a></svg>',
     SCHEME.format(scheme="javascript", attr="xlink:href", value="javascript:alert(1)", tag="a")),
    ('<svg><image href="https://t.example.com/p.png"/></svg>', REMOVED.format(tag="image")),
    # rel="attachment" would embed the file in the PDF.
    ('<a href="file:///etc/passwd">bilag</a>',
     SCHEME.format(scheme="file", attr="href", value="file:///etc/passwd", tag="a")),
    ('<a rel="attachment" href="#tavshed">bilag</a>',
     "attribute 'rel=' on <a> is not allowed in a guideline and is removed; remove it"),
    ("![logo](https://cdn.example.com/logo.png)",
     HOST_LOAD.format(attr="src", value="https://cdn.example.com/logo.png", tag="img")),
    ('<img alt="x" srcset="https://t.example.com/a.png 2x">',
     HOST_LOAD.format(attr="srcset", value="https://t.example.com/a.png 2x", tag="img")),
    ('<link rel="stylesheet" href="https://fonts.example.com/css">', REMOVED.format(tag="link")),
    ('<p style="text-align: left">x</p>',
     "style=\"text-align: left\" on <p> is removed: only a table cell may carry a style (its text-align); use the "
     "site's own styles"),
    ('<table><tr><td style="background: url(https://t.example.com/p.gif)">x</td></tr></table>',
     "style=\"background: url(https://t.example.com/p.gif)\" on <td> is removed: a style attribute may only set "
     "text-align, and never load anything (url(), image-set(), @import); use the site's own styles"),
    ('<table><tr><th style="background-image: image-set(\'https://t.example.com/p.gif\' 1x)">x</th></tr></table>',
     "style=\"background-image: image-set('https://t.example.com/p.gif' 1x)\" on <th> is removed: a style "
     "attribute may only set text-align, and never load anything (url(), image-set(), @import); use the site's own "
     "styles"),
    ("<style>@import url(https://fonts.example.com/x.css);</style>", REMOVED.format(tag="style")),
    # Material reads its settings from the first #__config in the page: an editor's would come first.
    ("### Indstillinger {: #__config }",
     "id=\"__config\" on <h3> is removed: ids that start with '__' belong to the site's theme (its settings and "
     "controls); choose an id without the leading underscores"),
    ('<p id=" __search">x</p>',
     "id=\" __search\" on <p> is removed: ids that start with '__' belong to the site's theme (its settings and "
     "controls); choose an id without the leading underscores"),
    ("### Indhold {#guide-contents}",
     "id=\"guide-contents\" on <h3> is removed: the site's template gives this id to its own element (the skip "
     "link and the contents lead there); choose another id, e.g. {#guide-contents-1} after a heading"),
    ('<p formaction="https://evil.example">x</p>',
     "attribute 'formaction=' on <p> is not allowed in a guideline and is removed; remove it"),
    ("Ring på <tel:+4559535353>.",
     "'<tel:+4559535353…>' looks like an address in angle brackets, which Markdown makes a link only for https:, "
     "http: and e-mail addresses: the text would vanish from the page. Write a link, e.g. [text](https://…) or "
     "[+45 12 34 56 78](tel:+4512345678), or drop the brackets"),
    ("Se <www.kalundborg.dk/hr>.",
     "'<www.kalundborg.dk…>' looks like an address in angle brackets, which Markdown makes a link only for https:, "
     "http: and e-mail addresses: the text would vanish from the page. Write a link, e.g. [text](https://…) or "
     "[+45 12 34 56 78](tel:+4512345678), or drop the brackets"),
    ('<pre class="mermaid">graph TD; A-->B</pre>',
     "a diagram block (mermaid) would make readers' browsers load a diagram library from another host; draw the "
     "diagram as an image (SVG or PNG) beside the page and show it with ![text](file)"),
])
def test_unsafe_content(fixture_repo, markdown: str, message: str) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA + f"## Tavshedspligt {{#tavshed}}\n\n{markdown}\n"})
    assert findings(root) == [f"docs/testby/regler.da.md:10: error: {message}"]


def test_an_id_given_to_two_elements_is_an_error_at_the_second(fixture_repo) -> None:
    assert findings(fixture_repo(regler("## Samme {#same}\n\nTekst.\n{: #same }\n"))) == [
        "docs/testby/regler.da.md:13: error: id 'same' is given to two elements of this page (also on line 10); a "
        "link leads to one place: rename one of them"]


def test_a_box_without_a_type_is_named(fixture_repo) -> None:
    assert findings(fixture_repo(regler('!!! "Kun titel"\n    Uden type.\n'))) == [
        'docs/testby/regler.da.md:10: error: \'!!! "Kun titel"\' would be published as text: a box needs its type '
        'before the title, e.g. !!! note "Title" or !!! warning "Title"']


def test_a_contents_label_with_markup_is_refused(fixture_repo) -> None:
    assert findings(fixture_repo(regler('## Etiket {data-toc-label="<img src=x onerror=alert(2)>"}\n'))) == [
        'docs/testby/regler.da.md:10: error: data-toc-label="<img src=x onerror=alert(2)>" holds markup, which the '
        'contents list drops (it would show an empty entry); write the label as plain text']
