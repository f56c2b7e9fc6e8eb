"""Front matter: required keys present, known keys only, each of the right type, topics known.

A key that is not ours is an error, not a warning: MkDocs hands every key to the engine and the
theme as `page.meta`, and some change the published page (`template:` swaps it for another
template, `hide:` drops the navigation). hooks/sanitize.py drops such keys in the build too."""

from __future__ import annotations

import datetime as dt
import difflib

from ..model.fields import front_matter_problems, wrong_type
from ..model.sources import Source
from .context import CheckContext

SOURCE_KEYS: dict[str, tuple[type, ...]] = {"title": (str,)}
TRANSLATION_KEYS: dict[str, tuple[type, ...]] = {"title": (str,)}
OPTIONAL_KEYS: dict[str, tuple[type, ...]] = {
    "owner": (str,),  # only an owner the organisation named: shown as such, never inferred
    "review_by": (dt.date,), "nav_title": (str,), "topics": (list,), "hidden": (bool,), "source_hash": (str,),
    "untranslated": (bool,),
}
TYPE_WORDS = {str: "text", dt.date: "a date written YYYY-MM-DD", list: "a list", bool: "true or false"}
# Keys that MkDocs, the theme or a plugin read from a page's front matter, and what each would do to
# the published page: each is refused by name, as it changes the output without any of our checks.
ENGINE_KEYS = {
    "template": "MkDocs shows the page with that template instead (e.g. the redirect page: none of the text "
                "is published)",
    "hide": "the theme hides its navigation, contents or footer on this page",
    "search": "the theme changes or drops the page in the site's search",
    "description": "it replaces the description the build writes from the page's opening words",
    "icon": "the theme shows an icon of its own in the navigation and the title",
    "status": "the theme marks the page (new, deprecated) in the navigation",
    "subtitle": "the theme shows a subtitle in the navigation",
    "tags": "the theme shows tags and tag pages",
    "comments": "the theme loads a comment system from another host",
    "social": "the theme makes a social card for the page",
    "robots": "it changes what search engines are told",
    "render_macros": "a macros plugin would run the page as a template",
    "i18n": "the translation plugin reads it",
    "nav_exclude": "a navigation plugin reads it",
}


def check_front_matter(ctx: CheckContext, source: Source, is_translation: bool) -> None:
    required = TRANSLATION_KEYS if is_translation else SOURCE_KEYS
    allowed = {**SOURCE_KEYS, **OPTIONAL_KEYS}
    data = source.front_matter
    if not data and source.body_line == 1 and not source.findings:
        ctx.error(source.display, 1, f"front matter is missing: start the file with '---', the keys "
                                     f"{', '.join(required)}, and '---'")
        return
    if source.findings:
        return  # the front matter did not parse: its error is reported, guesses about keys would mislead
    if not is_translation and "untranslated" in data:
        ctx.error(source.display, source.key_line("untranslated"),
                  "'untranslated' marks a translation stub; a source page is always published as written "
                  "(and checked): remove the key")
    for key, types in required.items():
        if key not in data:
            ctx.error(source.display, 1, f"front matter misses the required key '{key}' ({TYPE_WORDS[types[0]]})")
    for key, problem in front_matter_problems(data):
        ctx.error(source.display, source.key_line(key), problem)
    for key, value in data.items():
        line = source.key_line(str(key))
        if key not in allowed:
            # Only the keys defined here: any other key is read by something (MkDocs passes every key
            # to the templates as page.meta) or by nothing, and neither is what the author meant.
            if str(key) in ENGINE_KEYS:
                ctx.error(source.display, line,
                          f"front matter key '{key}' changes what is published ({ENGINE_KEYS[str(key)]}); a page "
                          f"may set only {', '.join(allowed)}: remove it")
                continue
            close = difflib.get_close_matches(str(key), list(allowed), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(allowed)}"
            ctx.error(source.display, line, f"unknown front matter key '{key}'{hint} (remove or rename it)")
            continue
        types = allowed[key]
        if value is None:
            ctx.error(source.display, line, f"front matter key '{key}' is empty; write a value")
        elif isinstance(value, bool) and bool not in types or not isinstance(value, types):
            written = source.front_matter_written.get((str(key),))
            ctx.error(source.display, line,
                      f"front matter key '{key}' {wrong_type(str(key), TYPE_WORDS[types[0]], value, written)}")
        elif key == "topics":
            _check_topics(ctx, source, line, value)
        elif isinstance(value, str) and not value.strip():
            ctx.error(source.display, line, f"front matter key '{key}' is empty; write a value")


def _check_topics(ctx: CheckContext, source: Source, line: int, value: list) -> None:
    known = ctx.catalogue.topics
    for index, topic in enumerate(value):
        if not isinstance(topic, str):
            written = source.front_matter_written.get(("topics", str(index)))
            expected = "a list of topic ids, e.g. [confidentiality, threats]"
            ctx.error(source.display, line, f"'topics' {wrong_type('topics', expected, topic, written)}")
            return
        if topic not in known:
            close = difflib.get_close_matches(str(topic), list(known), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known topics: {', '.join(known)}"
            ctx.error(source.display, line, f"unknown topic '{topic}' in 'topics'; {hint} "
                                            f"(topics are listed in docs/topics.yml)")
