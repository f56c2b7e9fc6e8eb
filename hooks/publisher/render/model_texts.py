"""A model text on its topic page: shown once with its blanks visible, then what each adopter makes of it.

Several bodies adopt one model text (`docs/adoptions.yml`), each with its own values in the blanks and
its own changes (`docs/_adopted/<org>.yml`, read by `model/adopted.py`). The topic page shows the model
text with each blank marked as `[[name]]` in a styled span, then per adopter the values it fills in
and each sentence or list item it replaced, removed or added, in its own language where the page's
language is not one it publishes. A text only one body uses is shown as that body says it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from markupsafe import Markup, escape

from ..files.findings import display_path
from ..files.yamlsource import read_text
from ..model.adopted import Filled, adopted_data, fill
from ..model.organisations import Catalogue
from ..model.wordings import BLANK, PassageRef, blank_key, wording_lines
from .sanitize import sanitize

BLANK_CLASS = "blank"
HEADING = re.compile(r"^#{1,5}\s")


@dataclass(frozen=True)
class ChangeView:
    kind: str  # "replaced", "removed" or "added"
    was: Markup  # the model's words with this adopter's values, as HTML; "" for an added sentence or item
    text: Markup  # this adopter's words, as HTML; "" for a removed one


@dataclass(frozen=True)
class AdopterText:
    """One adopter's values and changes of a model text, in `lang`."""

    lang: str
    values: list[tuple[str, str]]  # (blank, value), as its data lists them
    changes: list[ChangeView]


def blank_html(key: str) -> str:
    """A blank as the topic page shows it: its name in a marked span, written as the model text writes it
    (brackets as character references, so Markdown reads them as text)."""
    return f'<span class="{BLANK_CLASS}">&#91;&#91;{escape(key)}&#93;&#93;</span>'


def blanks_shown(lines: list[str]) -> list[str]:
    """The model text's lines for Markdown, every blank as a marked span and every heading one level down:
    on the topic page the model text stands under a heading of its own."""
    return [BLANK.sub(lambda m: blank_html(blank_key(m)), "#" + line if HEADING.match(line) else line)
            for line in lines]


def model_lines(catalogue: Catalogue, topic: str, wording: str, lang: str, section: str | None = None) -> list[str]:
    """The model text in `lang` (every section, without markers, or only `section`), blanks as written."""
    path = catalogue.shared_dir / topic / f"{wording}.{lang}.md"
    return wording_lines(read_text(path, display_path(path, catalogue.root)), section) or []


def filled_text(catalogue: Catalogue, org_id: str, topic: str, wording: str, lang: str,
                section: str | None = None) -> Filled:
    """The model text in `lang` (or its `section`) as `org_id` says it: its values put in, its changes applied
    (a change to a sentence of another section finds no target here, and changes nothing)."""
    ref = PassageRef(topic, wording, lang, section)
    return fill(adopted_data(catalogue.docs_dir, org_id), ref, model_lines(catalogue, topic, wording, lang, section))


def adopter_language(catalogue: Catalogue, org_id: str, files: dict[str, Path], shown: str) -> str | None:
    """The language an adopter's values and changes are shown in: the page's, where the adopter publishes
    it, else the one its own document is in; None where the model text has neither."""
    org = catalogue.organisation(org_id)
    for lang in (shown, org.source_language):
        if lang in files and lang in org.languages:
            return lang
    return None


def inline_html(engine: markdown.Markdown, text: str) -> Markup:
    """One sentence, list item or heading (Markdown, as `model.adopted.Part` gives it) as HTML to stand
    inside <del> or <ins>: allow-listed like every page, without the paragraph Markdown puts it in."""
    if not text:
        return Markup("")
    engine.reset()
    html = sanitize(engine.convert(text)).html
    inner = html.removeprefix("<p>").removesuffix("</p>")
    return Markup(inner if "<p>" not in inner else html)  # allow-listed above: safe to mark as HTML


def adopter_text(catalogue: Catalogue, engine: markdown.Markdown, org_id: str, topic: str, wording: str,
                 lang: str, section: str | None = None) -> AdopterText:
    """Its values and its changes, of the whole model text or only of `section`."""
    data = adopted_data(catalogue.docs_dir, org_id)
    filling = data.filling(PassageRef(topic, wording, lang, section))
    filled = filled_text(catalogue, org_id, topic, wording, lang, section)
    blanks = {blank_key(match) for line in filled.model for match in BLANK.finditer(line)}
    changes = [ChangeView(part.kind, inline_html(engine, part.was), inline_html(engine, part.text))
               for part in filled.parts if part.kind != "same"]
    values = [(key, value) for key, value in (filling.values.items() if filling else ())
              if section is None or key in blanks]
    return AdopterText(lang, values, changes)
