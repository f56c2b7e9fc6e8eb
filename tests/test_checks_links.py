"""Links, anchors, addresses and images of a page (publisher/checks/links.py)."""

from __future__ import annotations

import pytest
from checking import FM_DA, errors, findings, regler
from publisher.checks import check_all
from publisher.model.organisations import load_catalogue


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


def test_external_links_are_listed_not_fetched(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA + "## Tavshedspligt {#tavshed}\n\n"
                                                        "Se [loven](https://www.retsinformation.dk/x).\n"})
    report = check_all(load_catalogue(root / "docs"))
    assert report.errors == []
    assert report.external_links == [("https://www.retsinformation.dk/x", "docs/testby/regler.da.md", 10)]


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


def test_an_address_with_a_tab_in_raw_html_is_checked_on_its_line(fixture_repo) -> None:
    # Markdown turns the tab into spaces, so the rendered address is not written so in the source.
    root = fixture_repo({"testby/regler.da.md": FM_DA + '## Tavshedspligt {#tavshed}\n\n'
                                                        '<img alt="x" src="ht\ttps://evil.example/p.png">\n'})
    assert findings(root) == [
        "docs/testby/regler.da.md:10: error: link 'ht    tps://evil.example/p.png' points to docs/testby/ht    "
        "tps:/evil.example/p.png, which does not exist (the address holds white space; remove it)"]


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


@pytest.mark.parametrize("html", ['Se <a href="index.md">forsiden</a>.',
                                  '<table><tr><td><a href=\'index.md\'>forsiden</a></td></tr></table>'])
def test_a_page_linked_in_html_is_refused(fixture_repo, html: str) -> None:
    assert findings(fixture_repo(regler(f"{html}\n"))) == [
        "docs/testby/regler.da.md:10: error: <a href=\"index.md\"> would be published as written and lead nowhere "
        "(the page is published as .html); write the link in Markdown, [forsiden](index.md), so it is checked and "
        "rewritten"]
