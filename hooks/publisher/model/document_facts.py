"""The facts a document states about itself (version, approving body, dates …), each under its true name.

The lowest floor of the publisher's data: organisation_entry.py (the document's facts until its first
edition) and edition_records.py (each edition's facts) both read facts with `parse_facts`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

# The facts a document can state about itself, in the order readers see them. Each is optional and
# shown under its own name (a leaflet's print number is not a version; "vedtatt" is not "godkjent").
# `back_cover`: a unit or address a document prints on its back cover without saying what it is (not a
# sender, publisher or contact: the document does not say so), shown as "on the back cover".
# Keys ending in `_on` and `document_date` are dates. Labels: `fact_<key>` in languages.yml.
FACT_KEYS = ("edition", "version", "print_number", "back_cover", "adopted_by", "adopted_on", "approved_by",
             "approved_on", "agenda_item", "document_date")
DATE_FACTS = ("adopted_on", "approved_on", "document_date")
APPROVAL_FACTS = ("adopted_by", "adopted_on", "approved_by", "approved_on")


@dataclass(frozen=True)
class Fact:
    key: str
    value: str | dt.date

    @property
    def is_date(self) -> bool:
        return isinstance(self.value, dt.date)


def parse_facts(mapping: dict[Any, Any], error: Any, ignore: tuple[str, ...] = ()) -> tuple[Fact, ...]:
    """The facts in `mapping`, each checked; `error(message, key)` reports a bad one at its key."""
    facts: list[Fact] = []
    for key, value in mapping.items():
        if key in ignore or value is None:
            continue
        if key not in FACT_KEYS:
            error(f"unknown document fact '{key}'; facts are {', '.join(FACT_KEYS)} (each optional, "
                  f"written only when the document states it)", str(key))
        elif key in DATE_FACTS and not isinstance(value, dt.date):
            error(f"'{key}' must be a date written YYYY-MM-DD", key)
        elif key not in DATE_FACTS and not (isinstance(value, str) and value.strip()):
            error(f"'{key}' must be text as the document prints it", key)
        else:
            facts.append(Fact(key, value if key in DATE_FACTS else str(value).strip()))
    facts.sort(key=lambda fact: FACT_KEYS.index(fact.key))
    return tuple(facts)
