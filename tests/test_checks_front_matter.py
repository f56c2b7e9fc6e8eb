"""A page's front matter (publisher/checks/front_matter.py): known keys with values of the right type, and none
that changes what is published."""

from __future__ import annotations

import pytest
from checking import FM_DA, REMOVED, TAVSHED, errors, findings


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


def test_untranslated_is_refused_on_a_source_page(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA.replace("---\n\n", "untranslated: true\n---\n\n", 1)
                         + TAVSHED + "<iframe></iframe>\n"})
    assert findings(root) == [
        "docs/testby/regler.da.md:6: error: 'untranslated' marks a translation stub; a source page is always "
        "published as written (and checked): remove the key",
        "docs/testby/regler.da.md:11: error: " + REMOVED.format(tag="iframe"),
    ]


def test_nested_topics(fixture_repo) -> None:
    root = fixture_repo({"testby/regler.da.md": FM_DA.replace("[confidentiality]", "[[confidentiality]]") + TAVSHED})
    assert findings(root) == [
        "docs/testby/regler.da.md:5: error: 'topics' must be a list of topic ids, e.g. [confidentiality, threats], "
        "but [confidentiality] reads as a list",
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
