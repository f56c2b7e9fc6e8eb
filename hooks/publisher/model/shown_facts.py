"""The facts a reader is shown about a guideline, each under its true name and only when stated.

One list serves the page facts, the footer, the "about this guideline" page and the PDF cover,
so they cannot disagree. A fact the document does not state is not shown; `make check` and the
status page list it for editors instead (see `missing_facts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .dates import long_date
from .document_facts import APPROVAL_FACTS, Fact
from .organisation_types import Organisation


@dataclass(frozen=True)
class ShownFact:
    label: str
    text: str  # as the reader reads it: a localised date, or the document's own words
    iso_date: str | None  # for <time datetime>
    lang: str | None  # the language of `text` when it differs from the page's (a body's name on an English page)


def shown_facts(org: Organisation, labels: dict[str, str], language: str,
                stated: Sequence[Fact] | None = None, translated: dict[str, dict[str, str]] | None = None,
                ) -> list[ShownFact]:
    """The document's facts (those of its latest edition), or the `stated` facts of another edition (and its
    `translated` words); a text fact recorded in `language`'s words is shown in them."""
    facts = []
    words = (org.document.fact_translations if stated is None else translated or {}).get(language, {})
    for fact in org.document.facts if stated is None else stated:
        if fact.is_date:
            facts.append(ShownFact(labels[f"fact_{fact.key}"], long_date(fact.value, language),
                                   fact.value.isoformat(), None))
        elif fact.key in words:
            facts.append(ShownFact(labels[f"fact_{fact.key}"], words[fact.key], None, None))
        else:
            other = org.source_language if language != org.source_language else None
            facts.append(ShownFact(labels[f"fact_{fact.key}"], str(fact.value), None, other))
    return facts


def missing_facts(org: Organisation) -> list[str]:
    """What an editor may still have to add: sentences for `make check` and the status page."""
    keys = {fact.key for fact in org.document.facts}
    missing = []
    if not keys & set(APPROVAL_FACTS):
        missing.append("no approval facts (approved_by/approved_on, or adopted_by/adopted_on)")
    if not keys & {"approved_on", "adopted_on", "document_date"}:
        missing.append("no date (approved_on, adopted_on or document_date)")
    return missing
