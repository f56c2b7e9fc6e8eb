"""Nothing an editor types can run in a reader's browser: data fields, titles and page bodies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURE_ORGANISATIONS, with_danish_label
from htmltools import html_pages, read_page
from inert import executable_markup
from publisher.checks import check_all
from publisher.files.findings import PublisherError
from publisher.model.organisations import load_catalogue
from publisher.pipeline.whole import build_all
from publisher.render.sanitize import sanitize

FM_DA = "---\ntitle: Regler\nowner: HR\nreview_by: 2027-01-01\ntopics: [confidentiality]\n---\n\n"
PLAIN = "contains '<' or '>', which a browser reads as markup; write the text without them"
RLO = ("U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that hides or reorders text; delete it (retype the "
       "text around it)")


def findings(root: Path) -> list[str]:
    report = check_all(load_catalogue(root / "docs"))
    return [str(f) for f in report.errors]


def catalogue_errors(root: Path) -> list[str]:
    with pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    return [str(f) for f in error.value.findings]


@pytest.mark.parametrize(("old", "new", "line", "message"), [
    ("name: Testby Kommune", "name: 'Kalundborg <script>alert(1)</script> Kommune'", 3, f"'name' {PLAIN}"),
    ("unit: HR", "unit: 'HR <img src=x onerror=alert(2)>'", 10, f"'contact.unit' {PLAIN}"),
    ("approved_by: Byrådet", "approved_by: '<a href=\"javascript:alert(3)\">x</a>'", 16,
     f"'document.approved_by' {PLAIN}"),
    ("title: Testbys retningslinjer", "title: 'Testby &lt;b&gt;'", 15,
     "'document.title' contains '&' directly before a letter or '#', which a browser reads as a character "
     "reference; write the character itself, or put a space after '&'"),
    ("domain: testby.dk", "domain: testby.dk\n    statement_url: javascript:alert(3)", 6,
     "'statement_url' uses 'javascript:'; an address must start with https:, mailto: or tel:, or be a relative link"),
    ("domain: testby.dk", "domain: testby.dk\n    statement_url: 'https://x.dk/\" onmouseover=\"alert(1)'", 6,
     "'statement_url' contains spaces or control characters; write the address without them"),
    ("domain: testby.dk", "domain: 'https://testby.dk/'", 5,
     "'domain' is not a valid value; write it like kalundborg.dk (lowercase, no https:// and no path)"),
    ("email: hr@testby.dk", "email: 'hr@testby.dk?cc=x@y.dk'", 12,
     "'contact.email' is not a valid value; write it like hr@kommune.dk"),
    ("phone: \"12 34 56 78\"", "phone: '12 34 <b>'", 13, f"'contact.phone' {PLAIN}"),
    ("phone: \"12 34 56 78\"", "phone: 'ring til mig'", 13,
     "'contact.phone' is not a valid value; write it like \"+45 12 34 56 78\" (digits, spaces, +, -, parentheses)"),
    ("name: Testby Kommune", 'name: "Testby\\u202e Kommune"', 3, f"'name' contains {RLO}"),
    ("version: \"1.0\"", 'version: "1.0\\u2066"', 18,
     "'document.version' contains U+2066 LEFT-TO-RIGHT ISOLATE, an invisible character that hides or reorders text; "
     "delete it (retype the text around it)"),
    ("version: \"1.0\"", "version: ../../x", 18,
     "'document.version' reads as a file path, not a version; write it as the document prints it, e.g. 2.0"),
    ("approved_by: Byrådet", 'approved_by: "By\\ufeffrådet"', 16,
     "'document.approved_by' contains U+FEFF ZERO WIDTH NO-BREAK SPACE, an invisible character that hides or "
     "reorders text; delete it (retype the text around it)"),
    ("domain: testby.dk", 'domain: testby.dk\n    statement_url: "https://testby.dk/\\u200b"', 6,
     "'statement_url' contains U+200B ZERO WIDTH SPACE, an invisible character that hides or reorders text; delete "
     "it (retype the text around it)"),
])
def test_data_fields_are_plain_text_or_formats(fixture_repo, old: str, new: str, line: int, message: str) -> None:
    assert old in FIXTURE_ORGANISATIONS
    root = fixture_repo(organisations=FIXTURE_ORGANISATIONS.replace(old, new))
    assert catalogue_errors(root) == [f"docs/organisations.yml:{line}: error: organisation 'testby': {message}"]


def test_front_matter_title_and_owner_are_plain_text(fixture_repo) -> None:
    front = (FM_DA.replace("title: Regler", "title: 'Gode råd <script>alert(4)</script>'")
             .replace("owner: HR", "owner: 'HR &#60;b>'"))
    root = fixture_repo({"testby/regler.da.md": front + "## Tavshed {#tavshed}\n"})
    assert findings(root) == [
        f"docs/testby/regler.da.md:2: error: front matter 'title' {PLAIN}",
        f"docs/testby/regler.da.md:3: error: front matter 'owner' {PLAIN}",
    ]


def test_front_matter_text_with_invisible_characters_is_refused(fixture_repo) -> None:
    front = (FM_DA.replace("title: Regler", 'title: "Gode \\u202Eråd\\u200B om"')
             .replace("owner: HR", 'owner: "HR\\xad"'))
    root = fixture_repo({"testby/regler.da.md": front + "## Tavshed {#tavshed}\n"})
    assert findings(root) == [
        "docs/testby/regler.da.md:2: error: front matter 'title' contains U+202E RIGHT-TO-LEFT OVERRIDE and U+200B "
        "ZERO WIDTH SPACE, invisible characters that hide or reorder text; delete them (retype the text around them)",
        "docs/testby/regler.da.md:3: error: front matter 'owner' contains U+00AD SOFT HYPHEN, an invisible character "
        "that hides or reorders text; delete it (retype the text around it)",
    ]


def test_quotes_and_ampersands_in_data_are_shown_as_text(fixture_repo) -> None:
    """A value that passes as plain text can still hold quotes and '&': the theme must escape them."""
    name = 'Testby "Kommune" & Co\'s'
    title = 'Regler "nu" & da'
    quoted = name.replace("'", "''")
    organisations = (FIXTURE_ORGANISATIONS.replace("name: Testby Kommune", f"name: '{quoted}'")
                     .replace("unit: HR", "unit: 'HR \" onmouseover=\"x'"))
    root = fixture_repo({"testby/regler.da.md": f"---\ntitle: '{title}'\nowner: HR\nreview_by: 2027-01-01\n"
                                                 "topics: [confidentiality]\n---\n\n## Tavshed {#tavshed}\n"},
                        organisations=organisations)
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    page = read_page(root / "site/testby/regler.html")
    labels = [attributes["aria-label"] for tag, attributes in page.elements if tag == "a" and
              "md-logo" in attributes.get("class", "")]
    assert labels and set(labels) == {name}  # the attribute holds the whole name, nothing spills out
    assert not [a for _, attributes in page.elements for a in attributes if a.startswith("on")]
    text = (root / "site/testby/regler.html").read_text(encoding="utf-8")
    assert "<title>Regler &quot;nu&quot; &amp; da - Testby &quot;Kommune&quot; &amp; Co&#x27;s</title>" in text
    assert "<h1>Regler &quot;nu&quot; &amp; da</h1>" in text
    assert "HR &#34; onmouseover=&#34;x" in text  # the footer's contact unit, escaped by our partial
    feedback = [a["href"] for _, a in page.elements
                if a.get("href", "").startswith("mailto:kommunikation@testby.dk?subject=")]
    assert feedback == ["mailto:kommunikation@testby.dk?subject=Regler%20%22nu%22%20%26%20da%20%E2%80%93%20Testby%20"
                        "%22Kommune%22%20%26%20Co%27s"]  # the title as written, not as escaped for HTML


def test_sanitizer_keeps_what_our_markdown_writes() -> None:
    html = ('<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
            '<div class="admonition shared"><p class="admonition-title">Fælles</p><p>a &amp; b</p></div>'
            '<table><thead><tr><th style="text-align: left;">x</th></tr></thead></table>'
            '<p><img alt="x" src="billede.png"> <a href="https://x.dk">x</a> <a href="mailto:a@b.dk">m</a>'
            '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup><abbr title="t">T</abbr></p>'
            '<details class="note"><summary>S</summary><p>d</p></details>'
            '<svg viewBox="0 0 10 10" role="img"><title>t</title><circle cx="5" cy="5" r="4" fill="#123456"/></svg>')
    assert sanitize(html).changes == []


def test_built_pages_hold_only_sanitized_html(fixture_repo) -> None:
    """The build publishes what the sanitizer returns even where the checks are not asked first."""
    import sanitize as hook  # hooks/sanitize.py

    class FakeFile:
        abs_src_path = None
        src_uri = "x.md"

    class FakePage:
        file = FakeFile()
        markdown = '<p onclick="alert(1)">x</p>'

    class FakeConfig:
        config_file_path = str(fixture_repo() / "mkdocs.yml")

    published = hook.on_page_content('<p onclick="alert(1)">x</p><script>alert(2)</script>', FakePage(),
                                     FakeConfig(), None)
    assert published == "<p>x</p>"
    assert executable_markup(published) == []
    # The theme reads its settings from the first #__config: the content's would come before its own.
    settings = ('<p id="__config">{"features": ["content.tooltips"]}</p>'
                '<em title="&lt;img src=y onerror=alert(2)&gt;">t</em>')
    published = hook.on_page_content(settings, FakePage(), FakeConfig(), None)
    assert published == settings.replace(' id="__config"', "")


def test_real_sites_hold_no_executable_markup(real_site: Path) -> None:
    problems = {str(path.relative_to(real_site)): found for path in html_pages(real_site)
                if (found := executable_markup(path.read_text(encoding="utf-8")))}
    assert problems == {}


def test_each_removed_attribute_is_placed_on_its_own_line(fixture_repo) -> None:
    body = ('## Tavshed {#tavshed}\n\n<svg><a xlink:href="javascript:alert(7)"><circle r="3"/></a></svg>\n\n'
            '<a href="jav&#x61;script:alert(8)">x</a>\n\n<p onclick="alert(1)">a</p>\n\n<p onclick="alert(1)">b</p>\n')
    root = fixture_repo({"testby/regler.da.md": FM_DA + body})
    found = findings(root)
    assert [line.split(": error: ")[0] for line in found] == [
        f"docs/testby/regler.da.md:{number}" for number in (10, 12, 14, 16)]
    assert 'xlink:href="javascript:alert(7)"' in found[0] and '(href="javascript:alert(8)"' in found[1]


def test_the_ids_kept_from_editors_are_every_id_our_templates_write() -> None:
    from publisher.render.allow_list import TEMPLATE_IDS
    from publisher.render.skip_link import TARGET_ID

    root = Path(__file__).resolve().parents[1] / "overrides"
    written = {match for path in (root / "main.html", *sorted((root / "partials").glob("*.html")))
               for match in re.findall(r"""\bid=["']([A-Za-z][\w-]*)["']""", path.read_text(encoding="utf-8"))}
    assert written | {TARGET_ID} == TEMPLATE_IDS


LABEL_MARKUP = ("docs/languages.yml:24: error: label 'page_x_of_y' of language 'da' contains '<' or '>', which a "
                "browser reads as markup; write the text without them")


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("page_x_of_y", "\"Side {page} af {pages}</style><h1 style='color:red'>INJICERET</h1>"
                    "<a href='https://evil.example/'>klik</a><style>\"", LABEL_MARKUP),
    ("contents", "\"Ind\\u2028hold\"", "docs/languages.yml:22: error: label 'contents' of language 'da' contains a "
                                       "line break or control character; write it on one line"),
    ("contents", "\"Ind\\u200bhold\"", "docs/languages.yml:22: error: label 'contents' of language 'da' contains "
                                       "U+200B ZERO WIDTH SPACE, an invisible character that hides or reorders text; "
                                       "delete it (retype the text around it)"),
    ("language_names", "{da: dansk, nb: norsk, nn: nynorsk, en: \"<b>engelsk</b>\"}",
     "docs/languages.yml:19: error: label 'language_names.en' of language 'da' contains '<' or '>', which a browser "
     "reads as markup; write the text without them"),
])
def test_a_label_that_is_not_plain_text_is_refused_on_its_line(fixture_repo, key: str, value: str,
                                                               expected: str) -> None:
    root = with_danish_label(fixture_repo(), key, value)
    with pytest.raises(PublisherError) as error:  # `make check` and the build both load the catalogue first
        load_catalogue(root / "docs")
    assert [str(f) for f in error.value.findings] == [expected]


def test_statement_shows_plain_text_fields_as_typed_and_a_label_with_a_colon_as_its_title(fixture_repo) -> None:
    organisations = FIXTURE_ORGANISATIONS.replace("name: Testby Kommune", "name: Testby *Kommune*").replace(
        '      phone: "87 65 43 21"\n',
        '      phone: "87 65 43 21"\n      address: "[Skriv til os](https://evil.example/phish) eller **ring**"\n')
    root = fixture_repo(organisations=organisations)
    languages = root / "docs/languages.yml"
    languages.write_text(languages.read_text(encoding="utf-8").replace(
        "  accessibility_statement: Tilgængelighedserklæring\n",
        '  accessibility_statement: "Erklæring: tilgængelighed"\n', 1), encoding="utf-8")
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    statement = (root / "site/testby/accessibility.html").read_text(encoding="utf-8")
    assert "<title>Erklæring: tilgængelighed - Testby *Kommune*</title>" in statement
    assert "<h1>Erklæring: tilgængelighed</h1>" in statement
    assert "<p>Testby *Kommune* ønsker, at alle kan bruge dette websted." in statement
    assert ('<li>Skriftligt: <a href="mailto:web@testby.dk">web@testby.dk</a>, '
            "[Skriv til os](https://evil.example/phish) eller **ring**</li>") in statement
    assert 'href="https://evil.example' not in statement and "<strong>ring</strong>" not in statement
    assert "search:" not in statement


ELSEWHERE = ("loads a file from another host, which tells that host about every reader; save the file in the "
             "organisation's folder and link to it there")
CSS_LOAD = ("which a browser fetches with the page; an image may use only url(#id), a reference to its own gradients, "
            "clip paths and masks: draw with those or save the image as a file beside the page")


@pytest.mark.parametrize(("written", "message"), [
    # The browser drops leading C0 controls and spaces, which str.strip() keeps (U+0001).
    ('<img alt="a" srcset="&#1;//evil.example/a.png 1x">',
     f'srcset="\\u0001//evil.example/a.png 1x" on <img> {ELSEWHERE}'),
    ('<img alt="a" srcset="a.png 1x,&#x1F;//evil.example/a.png 2x">',
     f'srcset="a.png 1x,\\u001f//evil.example/a.png 2x" on <img> {ELSEWHERE}'),
    ('<img alt="b" src="&#x1F;//evil.example/b.png">', f'src="\\u001f//evil.example/b.png" on <img> {ELSEWHERE}'),
    ("![c](&#1;//evil.example/c.png)", f'src="\\u0001//evil.example/c.png" on <img> {ELSEWHERE}'),
    # Tabs and line breaks inside are removed, and a backslash is a slash.
    ('<img alt="d" src=" &#9;/\\evil.example/d.png">', f'src=" \\t/\\evil.example/d.png" on <img> {ELSEWHERE}'),
    # SVG paint and presentation attributes take url() as CSS does: escapes and references decoded.
    ('<svg role="img"><title>e</title><circle r="3" fill="url(https://evil.example/e.svg#p)"/></svg>',
     f'fill="url(https://evil.example/e.svg#p)" on <circle> loads a file (url(https://evil.example/e.svg#p)), '
     f"{CSS_LOAD}"),
    ('<svg role="img"><title>f</title><circle r="3" stroke="u\\72l(//evil.example/f.svg#p)"/></svg>',
     f'stroke="u\\72l(//evil.example/f.svg#p)" on <circle> loads a file (url(//evil.example/f.svg#p)), {CSS_LOAD}'),
    ('<svg role="img"><title>g</title><path d="M0 0" fill="&#x75;rl(&apos;https://evil.example/g.svg#p&apos;)"/></svg>',
     f"fill=\"url('https://evil.example/g.svg#p')\" on <path> loads a file (url('https://evil.example/g.svg#p')), "
     f"{CSS_LOAD}"),
    ('<svg role="img"><title>h</title><rect width="3" height="3" fill="url(/**/#p) , image-set(\'x.png\' 1x)"/></svg>',
     f"fill=\"url(/**/#p) , image-set('x.png' 1x)\" on <rect> loads a file (image-set('x.png' 1x)), {CSS_LOAD}"),
])
def test_an_address_that_a_browser_reads_as_elsewhere_is_refused_on_its_line(
        fixture_repo, written: str, message: str) -> None:
    body = f"## Tavshed {{#tavshed}}\n\n<p>Før.</p>\n\n{written}\n\n<p>Efter.</p>\n"
    root = fixture_repo({"testby/regler.da.md": FM_DA + body})
    assert findings(root) == [f"docs/testby/regler.da.md:12: error: {message}"]


def test_references_to_the_image_itself_and_local_files_are_kept() -> None:
    html = ('<p><img alt="x" src=" billede.png" srcset="billede.png 1x, billede-2x.png 2x"> '
            '<a href="https://da.wikipedia.org/wiki/url(1)">a link is no CSS</a></p>'
            '<svg viewBox="0 0 4 4" role="img"><title>t</title><defs><linearGradient id="p"><stop offset="0"/>'
            '</linearGradient></defs><rect width="4" height="4" fill="url(#p)" stroke="url( \'#p\' )"/></svg>')
    assert sanitize(html).changes == []


def test_every_attribute_that_can_hold_an_address_is_judged_as_the_browser_reads_it() -> None:
    from publisher.files.browser_urls import css_load, fetches_elsewhere, is_local

    assert not is_local("\x01//evil.example/x") and not is_local("\x00 \\\\evil.example") and not is_local("ja\tva:x")
    assert is_local("\u00a0//x") and is_local("billede.png#top") and is_local("%2F%2Fevil.example")
    for name in ("src", "poster", "data", "background", "lowsrc", "codebase", "manifest", "icon"):
        assert fetches_elsewhere("video", name, "\x1f//evil.example/x"), name
    for name in ("srcset", "imagesrcset", "ping"):
        assert fetches_elsewhere("img", name, "a.png 1x, \x01https://evil.example/x 2x"), name
    assert fetches_elsewhere("use", "xlink:href", " https://evil.example/s.svg#a")
    assert not fetches_elsewhere("a", "href", "https://evil.example/")  # a link the reader chooses to follow
    assert css_load("@\\69mport 'x.css';") == "@import 'x.css';"
    assert css_load("fill: \\75 \\72 \\6c (https://evil.example/x)") == "url(https://evil.example/x)"
    assert css_load("fill: url('/*x*/#a')") == "url('/*x*/#a')"  # inside a string a comment is text
    assert css_load("fill: url(#a); stroke: url(\"\\23 a\")") is None


def test_a_wording_no_page_includes_is_sanitized_on_the_topic_page(fixture_repo) -> None:
    from publisher.render.topic_pages import render_topic_pages

    root = fixture_repo({"testby/regler.da.md": FM_DA + "## Tavshed {#tavshed}\n\nIngen fælles tekst.\n",
                         "_shared/confidentiality/testby.da.md":
                             'Testbys tekst.\n\n<img alt="x" srcset="&#1;//evil.example/a.png 1x">\n'})
    pages = render_topic_pages(load_catalogue(root / "docs"), Path(__file__).resolve().parents[1] / "overrides")
    topic = pages["topics/confidentiality.da.html"]
    assert "<p>Testbys tekst.</p>" in topic and '<img alt="x">' in topic and "evil.example" not in topic
    assert findings(root) == [
        f'docs/_shared/confidentiality/testby.da.md:3: error: srcset="\\u0001//evil.example/a.png 1x" on <img> '
        f"{ELSEWHERE}"]


def test_a_link_behind_a_control_character_is_read_as_the_browser_reads_it(fixture_repo) -> None:
    # U+0001 typed as it is (Python's HTML parser drops a written &#1;): str.strip() keeps it, a browser does not.
    root = fixture_repo({"testby/regler.da.md": FM_DA + "## Tavshed {#tavshed}\n\nSe [her](\x01//evil.example/x).\n"})
    assert findings(root) == ["docs/testby/regler.da.md:10: error: link '//evil.example/x' has no scheme: it follows "
                              "the page's own (and leads nowhere when the site is opened from disk); write "
                              "'https://evil.example/x'"]
