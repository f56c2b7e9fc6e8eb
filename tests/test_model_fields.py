"""model/fields.py: what each data field accepts, and the exact reason when it does not."""

from __future__ import annotations

import datetime as dt

import pytest
from publisher.files.findings import visible
from publisher.files.yamlsource import load_located
from publisher.model.fields import (
    code_point,
    colour_problem,
    domain_problem,
    email_problem,
    front_matter_problems,
    invisible_problem,
    markdown_text,
    note_problem,
    organisation_findings,
    phone_problem,
    plain_text_problem,
    quoted,
    reads_as,
    url_problem,
    version_problem,
    without_invisible,
    wrong_type,
)

MARKUP = "contains '<' or '>', which a browser reads as markup; write the text without them"
REFERENCE = ("contains '&' directly before a letter or '#', which a browser reads as a character reference; "
             "write the character itself, or put a space after '&'")
ONE_LINE = "contains a line break or control character; write it on one line"
NOT_A_PATH = "reads as a file path, not a version; write it as the document prints it, e.g. 2.0"
NOT_A_URL_SCHEME = "an address must start with https:, mailto: or tel:, or be a relative link"


def test_code_point_names_a_character() -> None:
    assert code_point("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert code_point("\U000e0001") == "U+E0001 LANGUAGE TAG"
    assert code_point("\ue000") == "U+E000"  # a private-use character has no name


def test_invisible_characters_are_named_once_each() -> None:
    assert invisible_problem("synlig") is None
    assert invisible_problem("a\u00adb", allowed="\u00ad") is None
    assert invisible_problem("a\u00adb") == ("contains U+00AD SOFT HYPHEN, an invisible character that hides or "
                                             "reorders text; delete it (retype the text around it)")
    assert invisible_problem("a\u200bb\u202ec\u200b") == (
        "contains U+200B ZERO WIDTH SPACE and U+202E RIGHT-TO-LEFT OVERRIDE, invisible characters that hide or "
        "reorder text; delete them (retype the text around them)")
    assert without_invisible("a\u200bb\u202ec\ufeff") == "abc"


def test_markdown_text_escapes_markup_and_only_what_a_backslash_escapes() -> None:
    assert markdown_text("a<b & *c* [x](y) ~ #1 a_b! |") == r"a&lt;b &amp; \*c\* \[x\]\(y\) ~ \#1 a\_b\! \|"


def test_visible_escapes_what_a_terminal_would_hide() -> None:
    assert visible("a\nb\r\tc\u202ed\x00e\U000e0001 æ") == r"a\nb\r\tc\u202ed\u0000e\U000e0001 æ"


@pytest.mark.parametrize(("value", "problem"), [
    ("Børne & Unge", None),
    ("Testby <b>", MARKUP),
    ("a > b", MARKUP),
    ("B &amp; U", REFERENCE),
    ("&#60;", REFERENCE),
    ("a\nb", ONE_LINE),
    ("a\tb", ONE_LINE),
    ("a\x85b", ONE_LINE),
    ("a\u2028b", ONE_LINE),
    ("x" * 300, None),
    ("x" * 301, "is 301 characters long; keep it under 300"),
    ("a\u200bb", "contains U+200B ZERO WIDTH SPACE, an invisible character that hides or reorders text; "
                 "delete it (retype the text around it)"),
])
def test_plain_text(value: str, problem: str | None) -> None:
    assert plain_text_problem(value) == problem


def test_a_change_note_may_be_longer_than_a_title() -> None:
    assert note_problem("x" * 1000) is None
    assert note_problem("x" * 1001) == "is 1001 characters long; keep it under 1000"
    assert note_problem("a<b") == MARKUP


@pytest.mark.parametrize(("value", "problem"), [
    ("2.0", None), ("3.0 – maj 2019", None), ("v2/2024", None),
    ("../x", NOT_A_PATH), ("/etc", NOT_A_PATH), ("a/./b", NOT_A_PATH), ("..", NOT_A_PATH), ("x\\..\\y", NOT_A_PATH),
    ("<2.0>", MARKUP),
])
def test_version(value: str, problem: str | None) -> None:
    assert version_problem(value) == problem


@pytest.mark.parametrize(("value", "problem"), [
    ("https://testby.dk/a?b=1#c", None), ("mailto:hr@testby.dk", None), ("tel:+4512345678", None),
    ("side.html", None), ("../pdf/a.pdf", None),
    (" https://testby.dk", "contains spaces or control characters; write the address without them"),
    ("https://testby.dk/a b", "contains spaces or control characters; write the address without them"),
    ("https://testby.dk/\u200b", "contains U+200B ZERO WIDTH SPACE, an invisible character that hides or reorders "
                                 "text; delete it (retype the text around it)"),
    ("https://testby.dk/'a", "contains a character that does not belong in an address (< > \" ' ` \\)"),
    ("https://testby.dk/\\a", "contains a character that does not belong in an address (< > \" ' ` \\)"),
    ("//testby.dk", "starts with '//'; write the full address with https://"),
    ("javascript:alert(1)", f"uses 'javascript:'; {NOT_A_URL_SCHEME}"),
    ("HTTP://testby.dk", f"uses 'http:'; {NOT_A_URL_SCHEME}"),
    ("https:///side", "has no host; write it like https://www.example.dk/page"),
    ("1:2/x", "is not a valid address; write it like https://www.example.dk/page"),
])
def test_url(value: str, problem: str | None) -> None:
    assert url_problem(value) == problem


def test_formats() -> None:
    assert colour_problem("#1d4f7c") is None
    assert colour_problem("#1D4F7C") is None
    assert colour_problem("1d4f7c") == 'is not a valid value; write it like "#1d4f7c" (quoted, # and six hexadecimal ' \
                                       'digits)'
    assert colour_problem("#1d4f7") is not None
    assert email_problem("hr.team+x@testby.dk") is None
    assert email_problem("hr@testby") == "is not a valid value; write it like hr@kommune.dk"
    assert email_problem("<hr@testby.dk>") == MARKUP
    assert phone_problem("+45 12 34 56 78") is None
    assert phone_problem("+47 (22) 33-44") is None
    assert phone_problem("(+47) 22-33-44") is not None  # it starts with '+' or a digit
    assert phone_problem("tlf. 12") == ('is not a valid value; write it like "+45 12 34 56 78" (digits, spaces, +, -, '
                                        'parentheses)')
    assert domain_problem("testby.dk") is None
    assert domain_problem("Testby.dk") == ("is not a valid value; write it like kalundborg.dk (lowercase, no "
                                           "https:// and no path)")
    assert domain_problem("testby.dk/hr") is not None


def test_reads_as_in_an_authors_words() -> None:
    assert [reads_as(value) for value in (True, dt.date(2024, 1, 1), 1, 1.5, [1], {}, "x", None)] == [
        "true or false", "a date", "a number", "a number", "a list", "a mapping of keys to values", "text", "nothing"]


def test_quoted_reads_back_as_the_same_text() -> None:
    assert quoted("yes") == '"yes"'
    assert quoted('a "b"') == "'a \"b\"'"
    assert quoted("it's \\") == "'it''s \\'"


def test_wrong_type_quotes_what_was_written() -> None:
    assert wrong_type("version", "text", 1.0, "1.0") == ("must be text, but 1.0 reads as a number; put it in quotes "
                                                         "to keep it as text: version: \"1.0\"")
    assert wrong_type("nav", "a list", "x", None) == "must be a list, but it reads as text"
    assert wrong_type("name", "text", True, None) == "must be text, but it reads as true or false"


def test_organisation_findings_name_the_field_at_its_line() -> None:
    text = ("organisations:\n  testby:\n    name: \"Testby <b>\"\n    domain: https://testby.dk\n"
            "    palette: {primary: \"1d4f7c\", accent: \"#a3461a\"}\n    contact:\n      email: hr@testby\n"
            "      phone: 12345678\n    document:\n      title: Ok\n      version: ../x\n"
            "      title_translations:\n        en: \"A &amp; B\"\n        nb: Fine\n")
    located = load_located(text, "docs/organisations.yml")
    found = organisation_findings("testby", located.data["organisations"]["testby"], located)
    prefix = "docs/organisations.yml:{}: error: organisation 'testby': "
    assert [str(finding) for finding in found] == [
        prefix.format(3) + f"'name' {MARKUP}",
        prefix.format(4) + "'domain' is not a valid value; write it like kalundborg.dk (lowercase, no https:// and "
                           "no path)",
        prefix.format(5) + "'palette.primary' is not a valid value; write it like \"#1d4f7c\" (quoted, # and six "
                           "hexadecimal digits)",
        prefix.format(7) + "'contact.email' is not a valid value; write it like hr@kommune.dk",
        prefix.format(13) + f"'document.title_translations.en' {REFERENCE}",
        prefix.format(11) + f"'document.version' {NOT_A_PATH}",
    ]
    assert organisation_findings("testby", None, located) == []


def test_front_matter_problems_cover_the_text_fields_only() -> None:
    assert front_matter_problems({"title": "a<b", "owner": 3, "nav_title": "Kort", "topics": "<"}) == [
        ("title", f"front matter 'title' {MARKUP}")]
    assert front_matter_problems({"owner": "HR &amp; Løn", "nav_title": "a\nb"}) == [
        ("owner", f"front matter 'owner' {REFERENCE}"), ("nav_title", f"front matter 'nav_title' {ONE_LINE}")]
