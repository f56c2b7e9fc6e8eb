"""What `make edition` is asked to record, read from the environment, and the refusals of what was typed.

Apart from edition.py because the Makefile hands every value over in the environment (EDITION_ORG,
EDITION_NOTE, …), never in the shell command line: reading and refusing those values is a job of its own,
done before the sources are even read.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from ..files.findings import visible
from ..model.fields import FACT_FIELDS, note_problem

ENV_PREFIX = "EDITION_"


class EditionRefused(Exception):
    """Nothing was written; the message says why and what to do."""


@dataclass(frozen=True)
class Request:
    org_id: str
    note: str
    notes: dict[str, str]  # notes in other languages (NOTE_EN, NOTE_NB, NOTE_DA)
    version: str | None = None
    approved_by: str | None = None
    approved_on: dt.date | None = None
    in_force_from: dt.date | None = None


def _date(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise EditionRefused(f"{name}={value} is not a date: write it YYYY-MM-DD, e.g. {name}=2024-03-01. "
                             f"Nothing was recorded.") from None


def request_from_environment(environ: dict[str, str] | None = None) -> Request:
    env = dict(os.environ) if environ is None else environ

    def get(name: str) -> str | None:
        value = env.get(ENV_PREFIX + name, "").strip()
        return value or None

    org_id = get("ORG")
    if not org_id:
        raise EditionRefused('ORG is required: make edition ORG=<organisation id> NOTE="what this edition changes"')
    note = get("NOTE")
    if not note:
        raise EditionRefused('NOTE is required: a short note of what this edition changes, in the guideline\'s '
                             'own language, e.g. NOTE="Nyt afsnit om trusler". Nothing was recorded.')
    notes = {name.removeprefix(ENV_PREFIX + "NOTE_").lower(): value.strip() for name, value in env.items()
             if name.startswith(ENV_PREFIX + "NOTE_") and value.strip()}
    _refuse_text({"VERSION": get("VERSION"), "APPROVED_BY": get("APPROVED_BY"), "NOTE": note,
                  **{f"NOTE_{code.upper()}": value for code, value in notes.items()}})
    return Request(org_id, note, notes, get("VERSION"), get("APPROVED_BY"),
                   _date("APPROVED_ON", get("APPROVED_ON")), _date("IN_FORCE_FROM", get("IN_FORCE_FROM")))


def _refuse_text(values: dict[str, str | None]) -> None:
    """The field rules of editions.yml (fields.py), applied before anything is written: a value that
    `make check` would refuse in the file is refused here, as the variable it was typed in."""
    rules = {"VERSION": FACT_FIELDS["version"], "APPROVED_BY": FACT_FIELDS["approved_by"]}
    problems = [f"{name}={visible(value)}: {problem}" for name, value in values.items()
                if value is not None and (problem := rules.get(name, note_problem)(value))]
    if problems:
        raise EditionRefused("\n".join(problems) + ". Nothing was recorded.")
