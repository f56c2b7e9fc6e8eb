"""What one organisation is, as the publisher holds it: its palette, contacts, document and pages.

Plain frozen data, apart from reading: the checks, the pages and the outputs take these without
needing to know how `docs/organisations.yml` is read and validated (organisation_entry.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .document_facts import DATE_FACTS, Fact
from .edition_records import Edition


@dataclass(frozen=True)
class Palette:
    primary: str
    accent: str


@dataclass(frozen=True)
class Contact:
    unit: str | None = None  # required in `contact`; an accessibility contact may be a mailbox alone
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    said: str | None = None  # the document's words that give this contact (`make check` finds them)
    # The unit's name as a translation shows it: kept as the document writes it, saying what it is.
    unit_translations: dict[str, str] = field(default_factory=dict)

    def unit_in(self, language: str) -> str | None:
        return self.unit_translations.get(language, self.unit)


@dataclass(frozen=True)
class Document:
    title: str
    facts: tuple[Fact, ...] = ()
    title_translations: dict[str, str] = field(default_factory=dict)
    fact_translations: dict[str, dict[str, str]] = field(default_factory=dict)  # the latest edition's (editions.yml)

    def title_in(self, language: str) -> str:
        return self.title_translations.get(language, self.title)

    def fact(self, key: str) -> str | dt.date | None:
        return next((f.value for f in self.facts if f.key == key), None)

    @property
    def date(self) -> dt.date | None:
        """The date the document states for itself: adopted, approved or dated, in that order."""
        for key in DATE_FACTS:
            value = self.fact(key)
            if isinstance(value, dt.date):
                return value
        return None


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    country: str
    domain: str | None  # optional: never guessed; the accessibility statement then names none
    languages: tuple[str, ...]
    palette: Palette
    contact: Contact | None  # only a contact the document itself gives its readers
    document: Document
    nav: tuple[str, ...]
    statement_url: str | None = None
    site_url: str | None = None  # where the site is published (https://…/), for absolute alternates
    feedback_email: str | None = None  # a functional mailbox for the feedback link on every page
    # The contact the organisation gave for the site's accessibility (never the document's contact for other
    # questions); without one the accessibility statement says that none has been given yet.
    accessibility_contact: Contact | None = None
    # The titles its document uses for its officers, by role: role -> form -> text ("plain": the title
    # alone). The matcher puts them as blanks; a model text names them [[role]], [[role:form]].
    titles: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)
    line: int = 1
    # Every recorded edition, oldest first (docs/_editions/<id>/editions.yml); the latest edition's
    # facts are `document.facts` (see editions.py).
    editions: tuple[Edition, ...] = ()
    nav_lines: tuple[int, ...] = field(default=(), compare=False)
    status: str = "draft"
    status_line: int = 1

    @property
    def title_words(self) -> tuple[str, ...]:
        """Every form of every title, as the document writes it."""
        return tuple(text for forms in self.titles.values() for text in forms.values())

    @property
    def is_draft(self) -> bool:
        return self.status != "ready"

    @property
    def source_language(self) -> str:
        return self.languages[0]

    @property
    def translations(self) -> tuple[str, ...]:
        return self.languages[1:]

