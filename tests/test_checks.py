"""Every finding class of the checks, triggered by a tiny fixture, with message, file and line."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_ORGANISATIONS, FIXTURE_PAGES, make_repo
from publisher.checks import check_all
from publisher.checks.report import print_report
from publisher.files.findings import PublisherError
from publisher.model.organisations import load_catalogue
from publisher.pipeline.whole import BuildFailed, build_all

TOPICS = list(yaml.safe_load((Path(__file__).resolve().parents[1] / "docs/topics.yml").read_text(encoding="utf-8")))
FM_DA = "---\ntitle: Regler\nowner: HR\nreview_by: 2027-01-01\ntopics: [confidentiality]\n---\n\n"
FM_EN = "---\ntitle: Rules\ntopics: [confidentiality]\n---\n\n"


def all_findings(root: Path) -> list[str]:
    report = check_all(load_catalogue(root / "docs"))
    return [str(f) for f in report.errors + report.warnings]


def findings(root: Path) -> list[str]:
    """All findings but the warning that a fixture page no longer shows its adopted wording: most
    fixtures replace that page (the warning has its own test, with `all_findings`)."""
    return [f for f in all_findings(root) if "but none of its pages includes it" not in f]


def test_fixture_is_clean(fixture_repo) -> None:
    assert findings(fixture_repo()) == []


def test_missing_wording(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA + "## Tavshedspligt {#tavshed}\n\n"
                                                        "--8<-- \"confidentiality/tavshed.da.md\"\n"})
    assert all_findings(root) == [
        "docs/testby/regler.da.md:10: error: shared wording 'confidentiality/tavshed.da.md' does not exist in "
        "docs/_shared/; available for 'confidentiality' in da: confidentiality/testby.da.md",
        "docs/adoptions.yml:3: warning: 'testby' adopted 'confidentiality/testby' (Regler, afsnit 2), but none of "
        "its pages includes it: include it where its document says it, or remove the adoption",
    ]


def test_a_wording_cannot_include_another_file(fixture_repo) -> None:
    root = fixture_repo({"_shared/confidentiality/testby.da.md": "A\n\n--8<-- \"confidentiality/testby.da.md\"\n"})
    assert findings(root) == [
        "docs/_shared/confidentiality/testby.da.md:3: error: a shared wording cannot include another file: write "
        "its text here, or include both from the page",
    ]


def test_wording_in_another_language(fixture_repo) -> None:
    root = fixture_repo({
        "testby/regler.en.md": FM_EN + "## Confidentiality {#tavshed}\n\n--8<-- \"confidentiality/testby.da.md\"\n",
    })
    assert findings(root) == [
        "docs/testby/regler.en.md:9: error: 'confidentiality/testby.da.md' is not in this page's language "
        "(English (en)): include 'confidentiality/testby.en.md' instead",
    ]


def test_include_of_a_wording_the_organisation_has_not_adopted(fixture_repo) -> None:
    root = fixture_repo({
        "_shared/threats/andenby.da.md": "Andenbys regel om trusler.\n",
        "_shared/threats/andenby.en.md": "Andenby's rule on threats.\n",
        "testby/regler.da.md": FM_DA + "## Tavshedspligt {#tavshed}\n\n--8<-- \"confidentiality/testby.da.md\"\n\n"
                                       "1. Vær venlig.\n2. --8<-- \"threats/andenby.da.md\"\n",
    })
    assert findings(root) == [
        "docs/testby/regler.da.md:13: error: 'testby' has not adopted wording 'threats/andenby': a site shows only "
        "what its organisation's own document says. Write the organisation's own words here, or, if its document "
        "says exactly these words, add 'testby: {where: \"<place in its document>\"}' under threats → andenby in "
        "docs/adoptions.yml",
        "docs/_shared/threats/andenby.da.md:1: warning: wording 'threats/andenby' is adopted by no organisation, so "
        "no site shows it: add its adopters to docs/adoptions.yml or delete it",
    ]


SECTIONED = "--8<-- [start:regel]\nRegel.\n--8<-- [end:regel]\n\n--8<-- [start:grund]\nGrund.\n--8<-- [end:grund]\n"


def test_include_of_a_section_the_organisation_has_not_adopted(fixture_repo) -> None:
    root = fixture_repo({
        "_shared/confidentiality/testby.da.md": SECTIONED,
        "_shared/confidentiality/testby.en.md": SECTIONED.replace("Regel", "Rule").replace("Grund", "Reason"),
        "adoptions.yml": "confidentiality:\n  testby:\n    testby: {where: \"afsnit 2\", sections: [regel]}\n",
        "testby/regler.da.md": FM_DA + "## Tavshedspligt {#tavshed}\n\n--8<-- \"confidentiality/testby.da.md:grund\"\n",
        "testby/regler.en.md": FM_EN + "## Confidentiality {#tavshed}\n\n"
                                       "--8<-- \"confidentiality/testby.en.md:regel\"\n",
    })
    assert findings(root) == [
        "docs/testby/regler.da.md:10: error: 'testby' adopted only section(s) regel of 'confidentiality/testby', not "
        "section 'grund' (docs/adoptions.yml:3); include an adopted section or record the adoption",
    ]


def test_a_wording_whose_languages_differ_in_sections(fixture_repo) -> None:
    root = fixture_repo({
        "_shared/confidentiality/testby.da.md": SECTIONED,
        "_shared/confidentiality/testby.en.md": "--8<-- [start:regel]\nRule.\n--8<-- [end:regel]\n",
    })
    assert findings(root) == [
        "docs/_shared/confidentiality/testby.en.md:1: error: sections differ between languages of "
        "'confidentiality/testby': en has [regel], da has [regel, grund]; every language needs the same named "
        "sections in the same order",
    ]


@pytest.mark.parametrize(("adoptions", "expected"), [
    ("confidentialty:\n  testby:\n    testby: {where: x}\n",
     "docs/adoptions.yml:1: error: unknown topic 'confidentialty'; add it to docs/topics.yml or use one of: "
     + ", ".join(TOPICS)),  # the fixture copies the real docs/topics.yml
    ("confidentiality:\n  andenby:\n    testby: {where: x}\n",
     "docs/adoptions.yml:2: error: wording 'andenby' of topic 'confidentiality' does not exist: create "
     "docs/_shared/confidentiality/andenby.<language>.md"),
    ("confidentiality:\n  testby:\n    andenby: {where: x}\n",
     "docs/adoptions.yml:3: error: unknown organisation 'andenby' adopts 'confidentiality/testby'; known "
     "organisations: testby"),
    ("confidentiality:\n  testby:\n    testby: {where: x, sections: [intro]}\n",
     "docs/adoptions.yml:3: error: wording 'confidentiality/testby' has no section 'intro'; its sections: none "
     "(adopt the whole wording: leave out sections)"),
    ("confidentiality:\n  testby:\n    testby: {}\n",
     "docs/adoptions.yml:3: error: 'testby' under 'confidentiality/testby' needs 'where': the place in its own "
     "document that says these words, e.g. {where: \"punkt 4\"}"),
])
def test_adoption_data_naming_what_does_not_exist(fixture_repo, adoptions: str, expected: str) -> None:
    errors = [f for f in findings(fixture_repo({"adoptions.yml": adoptions})) if ": error: " in f]
    assert errors[:1] == [expected]


def test_adopting_a_wording_word_for_word_is_one_line(fixture_repo) -> None:
    """A second organisation adopts Testby's wording: one line of data and an include, and both
    sites say with whom the wording is shared."""
    organisations = FIXTURE_ORGANISATIONS + """\
  andenby:
    name: Andenby Kommune
    country: DK
    domain: andenby.dk
    languages: [da, en]
    palette: {primary: "#1d4f7c", accent: "#a3461a"}
    contact: {unit: Personale}
    document: {title: Andenbys regler}
    nav: [index.md]
    status: ready
"""
    root = fixture_repo({
        "adoptions.yml": FIXTURE_PAGES["adoptions.yml"] + "    andenby: {where: \"punkt 1\"}\n",
        "andenby/index.da.md": "---\ntitle: Forside\nowner: Personale\n---\n\n"
                               "1. --8<-- \"confidentiality/testby.da.md\"\n",
        "andenby/index.en.md": "---\ntitle: Home\n---\n\n1. --8<-- \"confidentiality/testby.en.md\"\n",
    }, organisations=organisations)
    assert [f for f in findings(root) if ": error: " in f] == []
    build_all(root, root / "site", progress=lambda line: None, org_ids=["testby", "andenby"], with_pdf=False)
    andenby = (root / "site/andenby/index.html").read_text(encoding="utf-8")
    assert "Tavshedspligt · tekst fra Andenby Kommune" in andenby
    assert "Samme ordlyd bruges også af Testby Kommune." in andenby
    assert "Testbys tekst om tavshed." in andenby
    testby = (root / "site/testby/en/regler.html").read_text(encoding="utf-8")
    assert "The same wording is also used by Andenby Kommune." in testby


def test_link_to_missing_page(fixture_repo) -> None:
    root = fixture_repo({"testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\n"
                                               "Se [regler](regel.md).\n"})
    assert findings(root) == [
        "docs/testby/index.da.md:7: error: link 'regel.md' points to a page that does not exist in 'testby' "
        "(Dansk (da)): no docs/testby/regel.da.md; pages: index.md, regler.md",
    ]


def test_link_into_another_organisation(fixture_repo) -> None:
    root = fixture_repo({"testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\n"
                                               "Se [Kalundborg](../kalundborg/gode-raad.md).\n"})
    assert findings(root) == [
        "docs/testby/index.da.md:7: error: link '../kalundborg/gode-raad.md' points outside this organisation's "
        "pages; a site can only link to its own pages (link another organisation's site with its full address "
        "instead)",
    ]


def test_missing_anchor_with_suggestion(fixture_repo) -> None:
    root = fixture_repo({"testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\n"
                                               "Læs [reglerne](regler.md#tavshd).\n"})
    assert findings(root) == [
        "docs/testby/index.da.md:7: error: anchor '#tavshd' does not exist in docs/testby/regler.da.md; "
        "did you mean '#tavshed'?",
    ]


def test_anchor_in_an_included_wording_counts(fixture_repo) -> None:
    root = fixture_repo({
        "_shared/confidentiality/testby.da.md": "## Fælles tavshed {#faelles}\n\nTekst.\n",
        "testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\n"
                              "Læs [det fælles](regler.md#faelles) og [slug](regler.md#fælles-tavshed).\n",
    })
    assert findings(root) == [
        "docs/testby/index.da.md:7: error: anchor '#fælles-tavshed' does not exist in docs/testby/regler.da.md; "
        "did you mean '#tavshed'?",
    ]


def test_link_inside_a_wording_reported_at_the_wording_line(fixture_repo) -> None:
    root = fixture_repo({"_shared/confidentiality/testby.da.md": "Tekst.\n\nSe [her](findes-ikke.md).\n"})
    assert findings(root) == [
        "docs/_shared/confidentiality/testby.da.md:3: error: link 'findes-ikke.md' points to a page that does not "
        "exist in 'testby' (Dansk (da)): no docs/testby/findes-ikke.da.md; pages: index.md, regler.md",
    ]


@pytest.mark.parametrize("target", ["#", "", "TODO", "todo-link"])
def test_placeholder_links(fixture_repo, target: str) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA + f"## Tavshedspligt {{#tavshed}}\n\nSe [her]({target}).\n"})
    assert findings(root) == [
        f"docs/testby/regler.da.md:10: error: placeholder link '[her]({target})': link to a real page or heading, "
        "or write the words as plain text",
    ]


def test_nav_entry_without_page_and_page_in_no_nav(fixture_repo) -> None:
    organisations = FIXTURE_ORGANISATIONS.replace("nav: [index.md, regler.md]", "nav: [index.md, reglr.md]")
    root = fixture_repo(organisations=organisations)
    assert findings(root) == [
        "docs/organisations.yml:19: error: nav entry 'reglr.md' of 'testby' has no page: create "
        "docs/testby/reglr.da.md or remove the entry",
        "docs/testby/regler.da.md:1: error: page 'regler.md' is in no nav: add it to 'nav' of 'testby' in "
        "docs/organisations.yml, or set 'hidden: true' in its front matter",
    ]


def test_hidden_page_needs_no_nav(fixture_repo) -> None:
    root = fixture_repo({
        "testby/skjult.da.md": "---\ntitle: Skjult\nowner: HR\nreview_by: 2027-01-01\nhidden: true\n---\n\nX\n",
        "testby/skjult.en.md": "---\ntitle: Hidden\nhidden: true\n---\n\nX\n",
    })
    assert findings(root) == []
    build_all(root, root / "site", progress=lambda line: None)  # what the check allows must build
    assert (root / "site/testby/skjult.html").is_file() and (root / "site/testby/en/skjult.html").is_file()
    assert "skjult.html" not in (root / "site/testby/index.html").read_text(encoding="utf-8")


def test_missing_translation(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.en.md": None})
    assert findings(root) == [
        "docs/testby/index.en.md:7: error: link 'regler.md#tavshed' points to a page that does not exist in "
        "'testby' (English (en)): no docs/testby/regler.en.md; pages: index.md",
        "docs/testby/regler.da.md:1: error: no English (en) translation: create docs/testby/regler.en.md, or "
        "create it with 'untranslated: true' in its front matter to show this page with a notice until it is "
        "translated",
    ]


def test_invalid_front_matter_yaml(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": "---\ntitle: Regler\nowner: [HR\nreview_by: 2027-01-01\n---\n\n"
                                                "## Tavshedspligt {#tavshed}\n"})
    # Only the syntax error: guessing that the keys it hides are missing would mislead.
    assert findings(root) == [
        "docs/testby/regler.da.md:4: error: invalid YAML: did not find expected ',' or ']'; "
        "check indentation, colons and quotes",
    ]


def test_missing_and_mistyped_keys(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": "---\ntitel: Regler\nowner: HR\nreview_by: snart\n---\n\n"
                                                "## Tavshedspligt {#tavshed}\n"})
    assert findings(root) == [
        "docs/testby/regler.da.md:1: error: front matter misses the required key 'title' (text)",
        "docs/testby/regler.da.md:2: error: unknown front matter key 'titel'; did you mean 'title'? (remove or "
        "rename it)",
        "docs/testby/regler.da.md:4: error: front matter key 'review_by' must be a date written YYYY-MM-DD, "
        "but snart reads as text",
    ]


PAGE_KEYS = "title, owner, review_by, nav_title, topics, hidden, source_hash, untranslated"


@pytest.mark.parametrize(("written", "effect"), [
    ("template: redirect.html", "MkDocs shows the page with that template instead (e.g. the redirect page: none of "
                                "the text is published)"),
    ("hide: [navigation, toc]", "the theme hides its navigation, contents or footer on this page"),
    ("search: {exclude: true}", "the theme changes or drops the page in the site's search"),
    ("description: Noget andet", "it replaces the description the build writes from the page's opening words"),
])
def test_a_front_matter_key_that_changes_the_output_is_refused(fixture_repo, written: str, effect: str) -> None:
    front = FM_DA.replace("topics:", f"{written}\ntopics:")  # line 5, before the topics
    root = fixture_repo({"testby/regler.da.md": front + "## Tavshedspligt {#tavshed}\n"})
    key = written.split(":")[0]
    assert findings(root) == [f"docs/testby/regler.da.md:5: error: front matter key '{key}' changes what is "
                              f"published ({effect}); a page may set only {PAGE_KEYS}: remove it"]


def test_the_build_passes_only_our_front_matter_keys_to_the_engine(fixture_repo) -> None:
    """Where the checks do not stop the build (make serve), the engine still never sees `template:`."""
    import sanitize as hook  # hooks/sanitize.py

    class FakeFile:
        generated_by: str | None = None

    class FakePage:
        def __init__(self, file: FakeFile) -> None:
            self.file = file
            self.meta = {"title": "Regler", "template": "redirect.html", "hide": ["navigation"], "topics": []}

    page = FakePage(FakeFile())
    hook.on_page_markdown("text", page, None, None)
    assert page.meta == {"title": "Regler", "topics": []}
    generated = FakeFile()  # a redirect or the statement the build writes: its template is meant
    generated.generated_by = "hooks/page_meta.py"
    page = FakePage(generated)
    hook.on_page_markdown("text", page, None, None)
    assert page.meta["template"] == "redirect.html"


def test_unknown_topic(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA.replace("[confidentiality]", "[confidentality, privacy]")
                         + "## Tavshedspligt {#tavshed}\n"})
    assert findings(root) == [
        "docs/testby/regler.da.md:5: error: unknown topic 'confidentality' in 'topics'; did you mean "
        "'confidentiality'? (topics are listed in docs/topics.yml)",
        "docs/testby/regler.da.md:5: error: unknown topic 'privacy' in 'topics'; known topics: confidentiality, "
        "friend-requests, threats, private-and-work-role, official-accounts, conduct-and-tone, crisis-communication, "
        "strategy-and-purpose, personal-data, channels (topics are listed in docs/topics.yml)",
    ]


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
REMOVED = ("<{tag}> can run code, load another site or submit data, and is removed from the page; remove it (write "
           "Markdown, and save images and files beside the page)")


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


def test_external_links_are_listed_not_fetched(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA + "## Tavshedspligt {#tavshed}\n\n"
                                                        "Se [loven](https://www.retsinformation.dk/x).\n"})
    report = check_all(load_catalogue(root / "docs"))
    assert report.errors == []
    assert report.external_links == [("https://www.retsinformation.dk/x", "docs/testby/regler.da.md", 10)]


def test_several_errors_in_several_files_reported_in_one_run(fixture_repo) -> None:
    root = fixture_repo({
        "testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\nSe [x](#).\n",
        "testby/regler.da.md": FM_DA + "## Tavshedspligt {#tavshed}\n\n--8<-- \"confidentiality/nope.da.md\"\n",
        "testby/regler.en.md": FM_EN + "## Confidentiality {#tavshed}\n\n[a](regler.md#nowhere)\n",
    })
    report = check_all(load_catalogue(root / "docs"))
    assert [(f.path, f.line) for f in report.errors] == [
        ("docs/testby/index.da.md", 7),
        ("docs/testby/regler.da.md", 10),
        ("docs/testby/regler.en.md", 9),  # line 5 is the recorded source_hash
    ]
    lines: list[str] = []
    print_report(report, "summary", lines.append, environ={"GITHUB_ACTIONS": "true"})
    annotations = [line for line in lines if line.startswith("::")]
    assert annotations[0] == ("::error file=docs/testby/index.da.md,line=7::placeholder link '[x](#)': link to a "
                              "real page or heading, or write the words as plain text")
    assert len(annotations) == 4  # and the warning that the adopted wording is shown nowhere (yet)


def test_unknown_organisation_folder(fixture_repo) -> None:
    root = fixture_repo({"gammel/index.da.md": "x"})
    assert findings(root) == [
        "docs/gammel:1: error: folder docs/gammel/ belongs to no organisation: add 'gammel' to "
        "docs/organisations.yml or move the folder out of docs/",
    ]


def test_bad_page_file_names(fixture_repo) -> None:
    root = fixture_repo({"testby/noter.md": "x", "testby/noter.fr.md": "x"})
    assert findings(root) == [
        "docs/testby/noter.fr.md:1: error: 'testby' is published in da, en, not 'fr'; rename the file or add the "
        "language to 'testby' in docs/organisations.yml",
        "docs/testby/noter.md:1: error: a page file is named <page>.<language>.md, e.g. noter.da.md; rename it",
    ]


def test_build_fails_with_the_same_messages(fixture_repo) -> None:
    root = fixture_repo({"testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\n"
                                               "Se [x](#) og [y](regler.md#nej).\n"})
    with pytest.raises(BuildFailed) as failed:
        build_all(root, root / "site", progress=lambda line: None)
    problems = "\n".join(failed.value.failures[0].problems)
    assert failed.value.failures[0].language == "da"
    assert ("docs/testby/index.da.md:7: error: placeholder link '[x](#)': link to a real page or heading, "
            "or write the words as plain text") in problems
    assert "docs/testby/index.da.md:7: error: anchor '#nej' does not exist in docs/testby/regler.da.md" in problems


IMAGE_NOT_PICTURE = ("docs/testby/index.da.md:7: error: an image must be a picture file (.png, .jpg, .jpeg, .gif, "
                     ".webp or .svg), not '{name}'; link the {kind} with [text]({name}) instead")


@pytest.mark.parametrize(("body", "name", "kind"), [
    ("![kort](regler.md)", "regler.md", "page"),
    ("![kort2](index.da.md)", "index.da.md", "page"),
    ("![kort](REGLER.MD#tavshed)", "REGLER.MD", "file"),
    ('<img alt="kort" src="regler.md">', "regler.md", "page"),
    ("![bilag](bilag.pdf)", "bilag.pdf", "file"),
])
def test_an_image_must_be_a_picture_file(fixture_repo, body: str, name: str, kind: str) -> None:
    # The site would show a broken image, and the PDF build stops on it.
    root = fixture_repo({"testby/index.da.md": f"---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\n"
                                               f"Se kortet: {body}\n"})
    assert errors(root) == [IMAGE_NOT_PICTURE.format(name=name, kind=kind)]


def test_an_image_may_be_a_picture_file_with_a_capital_extension(fixture_repo) -> None:
    root = fixture_repo({"testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\n"
                                               "Se kortet: ![kort](kort.PNG)\n"})
    (root / "docs/testby/kort.PNG").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x40\x00\x00\x00\xc8"
                                                + bytes(5))  # a PNG header: 320×200 pixels
    assert errors(root) == []


def test_missing_accessibility_contact_is_a_warning_and_the_statement_says_none_was_given(fixture_repo,
                                                                                        tmp_path) -> None:
    """The document's own contact (HR, for questions about the rules) never stands in for it."""
    without = FIXTURE_ORGANISATIONS.split("    accessibility_contact:\n")[0]
    root = fixture_repo(organisations=without)
    assert findings(root) == [
        "docs/organisations.yml:2: warning: organisation 'testby' has no 'accessibility_contact': its accessibility "
        "statement says that none has been given yet; add the contact the organisation gives for accessibility "
        "(never the document's contact for other questions)",
    ]
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    statement = (root / "site/testby/accessibility.html").read_text(encoding="utf-8")
    assert ("<p>Testby Kommune har endnu ikke oplyst en kontakt for spørgsmål om tilgængeligheden af dette "
            "websted.</p>") in statement
    assert "hr@testby.dk" not in statement and "Hanne Hansen" not in statement and "12 34 56 78" not in statement
    english = (root / "site/testby/en/accessibility.html").read_text(encoding="utf-8")
    assert "<p>Testby Kommune has not yet given a contact for questions about the accessibility of this site.</p>" \
        in english
    phone_only = make_repo(tmp_path / "phone", organisations=FIXTURE_ORGANISATIONS.replace(
        "      email: web@testby.dk\n", ""))
    assert findings(phone_only) == [
        "docs/organisations.yml:2: warning: organisation 'testby' has no written accessibility contact: its "
        "statement needs one; add 'email' or 'address' under 'accessibility_contact'",
    ]


def test_feedback_goes_to_a_functional_mailbox_and_no_person_is_named_in_page_chrome(fixture_repo, tmp_path) -> None:
    root = fixture_repo()
    build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    html = (root / "site/testby/regler.html").read_text(encoding="utf-8")
    assert 'href="mailto:kommunikation@testby.dk?subject=Regler%20%E2%80%93%20Testby%20Kommune"' in html
    assert "Hanne Hansen" not in html and "hr@testby.dk" not in html and "12 34 56 78" not in html
    statement = (root / "site/testby/accessibility.html").read_text(encoding="utf-8")
    assert "web@testby.dk" in statement and "87 65 43 21" in statement  # the contact given for accessibility
    assert "hr@testby.dk" not in statement and "12 34 56 78" not in statement  # not the document's contact
    root = make_repo(tmp_path / "without", organisations=FIXTURE_ORGANISATIONS.replace(
        "    feedback_email: kommunikation@testby.dk\n", ""))
    assert ("docs/organisations.yml:2: warning: organisation 'testby' has no 'feedback_email': its pages show no "
            "feedback link until a functional mailbox (not a person's address) is entered") in findings(root)


def test_real_content_has_no_error() -> None:
    root = Path(__file__).resolve().parents[1]
    report = check_all(load_catalogue(root / "docs"))
    assert [str(f) for f in report.errors] == []


def test_broken_organisations_yaml(fixture_repo) -> None:
    root = fixture_repo(organisations="organisations:\n  testby:\n    name: [Testby\n")
    with pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert str(error.value).startswith("docs/organisations.yml:4: error: invalid YAML:")


# -- what the Markdown engine makes of a page, not what a line scanner guesses ---------------

TAVSHED = "## Tavshedspligt {#tavshed}\n\n"  # lines 8-9 of a page with FM_DA; new text starts at line 10


def regler(body: str) -> dict[str, str]:
    return {"testby/regler.da.md": FM_DA + TAVSHED + body}


@pytest.mark.parametrize("body", [
    "## Brug af e_mail\n\nSe [her](#brug-af-e_mail).\n",  # underscores stay in the slug
    "Setext overskrift\n-----------------\n\nSe [her](#setext-overskrift).\n",
    '!!! note "Boks"\n\n    ## Inde i boks\n\nSe [her](#inde-i-boks).\n',  # a heading inside a box
    "## Tavshedspligt\n\nSe [her](#tavshedspligt_1).\n\n--8<-- \"confidentiality/testby.da.md\"\n",  # ids numbered
    '--8<-- "confidentiality/testby.da.md" \n',  # trailing spaces, as the GitHub editor leaves them
    "Tekst.[^1]\n\n[^1]: Note.\n\nSe [noten](#fn:1).\n",
    "<!-- TODO: [x](mangler.md) og <script>x</script> -->\n",  # a comment is never published
    "Se [læs mere om\ntavshedspligt](regler.md#tavshed).\n",  # link text over two lines
])
def test_valid_markdown_is_accepted(fixture_repo, body: str) -> None:
    root = fixture_repo({**regler(body), "_shared/confidentiality/testby.da.md": "## Tavshedspligt\n\nX\n"})
    assert findings(root) == []


@pytest.mark.parametrize(("body", "expected"), [
    ("Se [læs mere om\ntavshedspligt](mangler.md).\n",
     "docs/testby/regler.da.md:11: error: link 'mangler.md' points to a page that does not exist in 'testby' "
     "(Dansk (da)): no docs/testby/mangler.da.md; pages: index.md, regler.md"),
    ('<a\n  href="mangler.md">x</a>\n',
     "docs/testby/regler.da.md:11: error: <a href=\"mangler.md\"> would be published as written and lead nowhere "
     "(the page is published as .html); write the link in Markdown, [x](mangler.md), so it is checked and "
     "rewritten"),
    ("Se [x][mangler] her.\n",
     "docs/testby/regler.da.md:10: error: '[x][mangler]' would be published as text: the reference link has no "
     "definition; add a line '[label]: address' or write the link as [text](address)"),
    ('--8<-- "confidentiality/testby.da.md" her\n',
     "docs/testby/regler.da.md:10: error: this include is not recognised and would be published as text: "
     "write it on a line of its own as --8<-- \"<topic>/<wording>.<language>.md\""),
    ('Tekst.\n    --8<-- "confidentiality/testby.da.md"\n',
     "docs/testby/regler.da.md:11: error: '!!! passage \"passage\"' would be "
     "published as text, not as markup: an include or a box ('!!!') must start at the beginning of its line, "
     "or be indented under a list item or box"),
    ("```\nkode\n\n<script>alert(1)</script>\n",  # a fence never closed is no code block
     "docs/testby/regler.da.md:13: error: <script> runs code in the reader's browser and is removed from the page; "
     "remove it"),
    ('```\n--8<-- "da/mangler.md"\n```\n',  # the snippets extension includes inside code blocks too
     "docs/testby/regler.da.md:11: error: 'da/mangler.md' is not a shared wording: include one as "
     "--8<-- \"<topic>/<wording>.da.md\" (files in docs/_shared/)"),
])
def test_what_the_engine_publishes_is_checked_at_its_line(fixture_repo, body: str, expected: str) -> None:
    assert findings(fixture_repo(regler(body))) == [expected]


def test_untranslated_is_refused_on_a_source_page(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA.replace("---\n\n", "untranslated: true\n---\n\n", 1)
                         + TAVSHED + "<iframe></iframe>\n"})
    assert findings(root) == [
        "docs/testby/regler.da.md:6: error: 'untranslated' marks a translation stub; a source page is always "
        "published as written (and checked): remove the key",
        "docs/testby/regler.da.md:11: error: " + REMOVED.format(tag="iframe"),
    ]


def test_files_that_are_not_utf8_or_start_with_a_bom(fixture_repo) -> None:
    root = fixture_repo()
    page = root / "docs/testby/regler.da.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())  # a byte-order mark, as some editors write
    assert findings(root) == []
    page.write_bytes(page.read_bytes()[3:].replace("Hold tæt.".encode(), "Hold tæt.".encode("latin-1")))
    assert ("docs/testby/regler.da.md:10: error: the file is not UTF-8 text (byte 0xe6 on this line); save it with "
            "UTF-8 encoding") in findings(root)


def test_impossible_date(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA.replace("2027-01-01", "2027-02-30") + TAVSHED})
    assert findings(root) == [
        "docs/testby/regler.da.md:4: error: invalid value: day is out of range for month; write a real date as "
        "YYYY-MM-DD",
    ]


def test_key_written_twice(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA.replace("title: Regler\n", "title: Regler\ntitle: Regl\n")
                         + TAVSHED})
    assert findings(root) == [
        "docs/testby/regler.da.md:3: error: 'title' is written twice (first on line 2); keep one and remove the other",
    ]


def test_nested_topics(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA.replace("[confidentiality]", "[[confidentiality]]") + TAVSHED})
    assert findings(root) == [
        "docs/testby/regler.da.md:5: error: 'topics' must be a list of topic ids, e.g. [confidentiality, threats], "
        "but [confidentiality] reads as a list",
    ]


def test_organisation_written_twice(fixture_repo) -> None:
    organisations = FIXTURE_ORGANISATIONS + "\n".join(FIXTURE_ORGANISATIONS.splitlines()[1:]) + "\n"
    with pytest.raises(PublisherError) as error:
        load_catalogue(fixture_repo(organisations=organisations) / "docs")
    assert [str(f) for f in error.value.findings][0].startswith(
        "docs/organisations.yml:24: error: 'testby' is written twice (first on line 2)")


def test_an_address_with_a_tab_in_raw_html_is_checked_on_its_line(fixture_repo) -> None:
    # Markdown turns the tab into spaces, so the rendered address is not written so in the source.
    root = fixture_repo({"testby/regler.da.md": FM_DA + '## Tavshedspligt {#tavshed}\n\n'
                                                        '<img alt="x" src="ht\ttps://evil.example/p.png">\n'})
    assert findings(root) == [
        "docs/testby/regler.da.md:10: error: link 'ht    tps://evil.example/p.png' points to docs/testby/ht    "
        "tps:/evil.example/p.png, which does not exist (the address holds white space; remove it)"]


# -- YAML that would hang or crash the loader: refused before anything is built from it --------

LAUGHS = "".join(f"x{level}: &l{level} [{', '.join([f'*l{level - 1}' if level else 'lol'] * 9)}]\n"
                 for level in range(9))  # nine lines standing for 9**9 strings ("billion laughs")
ANCHOR = ("'&l{level}' marks a value to repeat elsewhere (a YAML anchor); anchors and aliases are not used in "
          "these files: write the value out in full where it is needed")
TOO_DEEP = ("values are nested more than 20 levels deep here; no field needs that: check the brackets and the "
            "indentation")


def errors(root: Path) -> list[str]:
    return [finding for finding in findings(root) if ": error: " in finding]


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail, instead of hanging the suite, when the body takes longer than `seconds`."""
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_anchors_and_aliases_in_organisations_are_refused_at_once(fixture_repo) -> None:
    root = fixture_repo()  # written after the fixture is made: making it reads the file too
    (root / "docs/organisations.yml").write_text(LAUGHS + FIXTURE_ORGANISATIONS, encoding="utf-8")
    with within(10), pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert str(error.value).splitlines() == [
        f"docs/organisations.yml:{level + 1}: error: {ANCHOR.format(level=level)}" for level in range(9)]


def test_anchors_and_aliases_in_front_matter_are_refused_at_once(fixture_repo) -> None:
    alias = "title: Regler\nowner: &who HR\nnav_title: *who\n"
    root = fixture_repo()
    (root / "docs/testby/regler.da.md").write_text(FM_DA.replace("title: Regler\n", LAUGHS).replace("owner: HR\n", "")
                                                   .replace("---\n\n", alias + "---\n\n") + TAVSHED, encoding="utf-8")
    with within(10):
        found = errors(root)  # the edited page makes its translation stale: a warning, not asserted here
    laughs = [f"docs/testby/regler.da.md:{level + 2}: error: {ANCHOR.format(level=level)}" for level in range(9)]
    assert found == [*laughs,
                     "docs/testby/regler.da.md:14: error: '&who' marks a value to repeat elsewhere (a YAML anchor); "
                     "anchors and aliases are not used in these files: write the value out in full where it is needed",
                     "docs/testby/regler.da.md:15: error: '*who' repeats a value marked elsewhere (a YAML alias); "
                     "anchors and aliases are not used in these files: write the value out in full where it is needed"]


@pytest.mark.parametrize("levels", [21, 3000, 100_000])
def test_runaway_nesting_is_refused_with_its_line(fixture_repo, levels: int) -> None:
    nested = "extra: " + "[" * levels + "]" * levels + "\n"
    root = fixture_repo()
    (root / "docs/testby/regler.da.md").write_text(FM_DA.replace("---\n\n", nested + "---\n\n") + TAVSHED,
                                                   encoding="utf-8")
    with within(10):
        assert errors(root) == [f"docs/testby/regler.da.md:6: error: {TOO_DEEP}"]
    (root / "docs/organisations.yml").write_text("# organisations\n" + nested + FIXTURE_ORGANISATIONS, encoding="utf-8")
    with within(10), pytest.raises(PublisherError) as error:
        load_catalogue(root / "docs")
    assert str(error.value) == f"docs/organisations.yml:2: error: {TOO_DEEP}"


def test_nesting_as_deep_as_allowed_still_loads(fixture_repo) -> None:
    nested = "extra: " + "[" * 19 + "]" * 19 + "\n"  # with the top-level mapping: 20 levels
    root = fixture_repo({"testby/regler.da.md": FM_DA.replace("---\n\n", nested + "---\n\n") + TAVSHED})
    assert findings(root) == ["docs/testby/regler.da.md:6: error: unknown front matter key 'extra'; known keys: "
                              "title, owner, review_by, nav_title, topics, hidden, source_hash, untranslated (remove "
                              "or rename it)"]


def test_a_page_listed_twice_in_nav(fixture_repo) -> None:
    organisations = FIXTURE_ORGANISATIONS.replace("nav: [index.md, regler.md]",
                                                  "nav:\n      - index.md\n      - regler.md\n      - regler.md")
    with pytest.raises(PublisherError) as error:
        load_catalogue(fixture_repo(organisations=organisations) / "docs")
    assert str(error.value) == (
        "docs/organisations.yml:22: error: organisation 'testby': 'nav' lists 'regler.md' twice (first as entry 2); a "
        "page has one place in the navigation, the front page and the PDF: remove this entry")


ZWSP_INCLUDE = ("this include is not recognised because it contains U+200B ZERO WIDTH SPACE, an invisible character "
                "that hides or reorders text; delete it (retype the text around it)")


@pytest.mark.parametrize("line", [
    '1. --8<-- "confidentiality/test\u200bby.da.md"',  # in the file name, as a list item's text
    '--8<-- "confidentiality/test\u200bby.da.md"',
    '--8<--\u200b "confidentiality/testby.da.md"',
    '\u200b--8<-- "confidentiality/testby.da.md"',
    '--8\u200b<-- "confidentiality/testby.da.md"',  # no longer looks like an include at all
])
def test_an_invisible_character_in_an_include_is_named(fixture_repo, line: str) -> None:
    assert findings(fixture_repo(regler(line + "\n"))) == [f"docs/testby/regler.da.md:10: error: {ZWSP_INCLUDE}"]


def test_invisible_characters_in_body_text_are_a_warning(fixture_repo) -> None:
    body = ("Ret\u00adnings\u00adlinjer for 👩\u200d💻.\n\n"  # soft hyphens and an emoji's joiner are meant
            "Ring til 12\u202e34 56 78.\n\nHold\u200b tæt.\n\n--8<-- \"confidentiality/testby.da.md\"\n")
    assert findings(fixture_repo(regler(body))) == [
        "docs/testby/regler.da.md:12: warning: this line contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible "
        "character that hides or reorders text; delete it (retype the text around it)",
        "docs/testby/regler.da.md:14: warning: this line contains U+200B ZERO WIDTH SPACE, an invisible character "
        "that hides or reorders text; delete it (retype the text around it)",
    ]


@pytest.mark.parametrize(("old", "new", "line", "message"), [
    ("title: Regler", "title: 2024-01-01", 2, "front matter key 'title' must be text, but 2024-01-01 reads as a date; "
                                              "put it in quotes to keep it as text: title: \"2024-01-01\""),
    ("title: Regler", "title: yes", 2, "front matter key 'title' must be text, but yes reads as true or false; put it "
                                       "in quotes to keep it as text: title: \"yes\""),
    ("title: Regler", "title: 1.10", 2, "front matter key 'title' must be text, but 1.10 reads as a number; put it in "
                                        "quotes to keep it as text: title: \"1.10\""),
    ("title: Regler", "title: [Regler, nye]", 2, "front matter key 'title' must be text, but [Regler, nye] reads as a "
                                                 "list; put it in quotes to keep it as text: title: \"[Regler, nye]\""),
    ("title: Regler", "title:\n  - Regler", 2, "front matter key 'title' must be text, but it reads as a list"),
    ("title: Regler", "title:", 2, "front matter key 'title' is empty; write a value"),
    ("review_by: 2027-01-01", "review_by: snart", 4,
     "front matter key 'review_by' must be a date written YYYY-MM-DD, but snart reads as text"),
    ("topics: [confidentiality]", "topics: [confidentiality]\nhidden: ja", 6,
     "front matter key 'hidden' must be true or false, but ja reads as text"),
    ("topics: [confidentiality]", "topics: [2024-01-01]", 5,
     "'topics' must be a list of topic ids, e.g. [confidentiality, threats], but 2024-01-01 reads as a date"),
])
def test_a_value_of_the_wrong_type_is_quoted_as_written(fixture_repo, old: str, new: str, line: int,
                                                        message: str) -> None:
    root = fixture_repo()  # the page is replaced after the fixture is made: its translation goes stale (a warning)
    (root / "docs/testby/regler.da.md").write_text(FM_DA.replace(old, new) + TAVSHED, encoding="utf-8")
    assert errors(root) == [f"docs/testby/regler.da.md:{line}: error: {message}"]


def test_an_id_given_to_two_elements_is_an_error_at_the_second(fixture_repo) -> None:
    assert findings(fixture_repo(regler("## Samme {#same}\n\nTekst.\n{: #same }\n"))) == [
        "docs/testby/regler.da.md:13: error: id 'same' is given to two elements of this page (also on line 10); a "
        "link leads to one place: rename one of them"]


@pytest.mark.parametrize(("target", "problem"), [
    ("//evil.example/x", "has no scheme: it follows the page's own (and leads nowhere when the site is opened from "
                         "disk); write 'https://evil.example/x'"),
    ("https://", "has no host name; write the whole address, e.g. https://www.example.dk/side"),
    ("mailto:", "has no e-mail address; write mailto:name@example.dk"),
    ("tel:ring-os", "is not a phone number; write tel: and the digits, e.g. tel:+4512345678"),
])
def test_an_address_that_leads_nowhere(fixture_repo, target: str, problem: str) -> None:
    assert findings(fixture_repo(regler(f"Se [her]({target}).\n"))) == [
        f"docs/testby/regler.da.md:10: error: link '{target}' {problem}"]


def test_a_box_without_a_type_is_named(fixture_repo) -> None:
    assert findings(fixture_repo(regler('!!! "Kun titel"\n    Uden type.\n'))) == [
        'docs/testby/regler.da.md:10: error: \'!!! "Kun titel"\' would be published as text: a box needs its type '
        'before the title, e.g. !!! note "Title" or !!! warning "Title"']


def test_a_block_of_includes_is_refused(fixture_repo) -> None:
    assert findings(fixture_repo(regler('--8<--\nconfidentiality/testby.da.md\n--8<--\n'))) == [
        "docs/testby/regler.da.md:10: error: a block of includes (--8<-- on a line of its own) shows a wording "
        "without the box that says whose words it is; write each include on one line: --8<-- "
        "\"<topic>/<wording>.<language>.md\""]


def test_a_primary_colour_too_light_for_white_text_is_refused_by_the_check_at_its_line(fixture_repo) -> None:
    root = fixture_repo(organisations=FIXTURE_ORGANISATIONS.replace(
        '    palette: {primary: "#1d4f7c", accent: "#a3461a"}\n',
        '    palette:\n      accent: "#a3461a"\n      primary: "#777777"\n'))
    expected = ["docs/organisations.yml:9: error: organisation 'testby': primary colour #777777 gives white header "
                "text a contrast of 4.48:1 (WCAG AA needs 4.5:1); choose a darker colour"]
    with pytest.raises(PublisherError) as error:  # `make check` loads the catalogue first
        load_catalogue(root / "docs")
    assert [str(f) for f in error.value.findings] == expected
    with pytest.raises((BuildFailed, PublisherError)) as failed:  # and so does the build, with the same message
        build_all(root, root / "site", progress=lambda line: None, with_pdf=False)
    assert expected[0] in str(failed.value)


@pytest.mark.parametrize("html", ['Se <a href="index.md">forsiden</a>.',
                                  '<table><tr><td><a href=\'index.md\'>forsiden</a></td></tr></table>'])
def test_a_page_linked_in_html_is_refused(fixture_repo, html: str) -> None:
    assert findings(fixture_repo(regler(f"{html}\n"))) == [
        "docs/testby/regler.da.md:10: error: <a href=\"index.md\"> would be published as written and lead nowhere "
        "(the page is published as .html); write the link in Markdown, [forsiden](index.md), so it is checked and "
        "rewritten"]


def test_a_contents_label_with_markup_is_refused(fixture_repo) -> None:
    assert findings(fixture_repo(regler('## Etiket {data-toc-label="<img src=x onerror=alert(2)>"}\n'))) == [
        'docs/testby/regler.da.md:10: error: data-toc-label="<img src=x onerror=alert(2)>" holds markup, which the '
        'contents list drops (it would show an empty entry); write the label as plain text']


def test_an_editorial_explanation_must_be_in_every_language_of_the_organisation(fixture_repo) -> None:
    root = fixture_repo()
    (root / "docs/_editorial").mkdir(exist_ok=True)
    (root / "docs/_editorial/testby.yml").write_text(
        "changes:\n  - kind: artefact\n    page: regler\n    original: \"Side 2\"\n    published: \"\"\n"
        "    explain: {da: sidetal}\n", encoding="utf-8")
    assert errors(root) == [
        "docs/_editorial/testby.yml:6: error: 'explain' must say what the editor did in every language of 'testby' "
        "(da, en); missing: en"]


def test_a_contact_rests_on_words_found_in_the_documents_extracted_text(fixture_repo) -> None:
    organisations = FIXTURE_ORGANISATIONS.replace('      phone: "12 34 56 78"\n',
                                                  '      phone: "12 34 56 78"\n      said: "kontakt HR"\n')
    root = fixture_repo(organisations=organisations)
    assert errors(root) == [
        "docs/organisations.yml:2: error: the contact of 'testby' rests on the document's words, but "
        "docs/_sources/testby/extracted.txt (the document's extracted text) is missing: commit it (make import "
        "keeps it)"]
    (root / "docs/_sources/testby").mkdir(parents=True)
    (root / "docs/_sources/testby/extracted.txt").write_text("Spørgsmål? Kontakt\nHR.\n", encoding="utf-8")
    assert errors(root) == []  # line breaks, case and punctuation aside
    (root / "docs/_sources/testby/extracted.txt").write_text("Spørgsmål? Kontakt din leder.\n", encoding="utf-8")
    assert errors(root) == [
        "docs/organisations.yml:2: error: the contact of 'testby' rests on words not found in "
        "docs/_sources/testby/extracted.txt: 'kontakt HR'; quote the document exactly, or remove the fact"]
