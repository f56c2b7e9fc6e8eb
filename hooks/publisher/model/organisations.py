"""Organisation and language data: `docs/organisations.yml` and `docs/languages.yml`.

One place for everything that differs between organisation sites. Loading validates the
whole file and reports every problem with its line, so an editor fixes them in one pass.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from ..files.findings import Finding, PublisherError, display_path
from ..files.yamlsource import Located, load_located_file
from .adoptions import Adoptions, adoptions_for
from .colours import primary_problem
from .document_facts import APPROVAL_FACTS, DATE_FACTS, FACT_KEYS, Fact, parse_facts  # noqa: F401 (re-exported)
from .edition_records import Edition, editions_stamps, with_editions
from .fields import organisation_findings
from .label_rules import label_problem
from .wordings import SHARED_DIR

ORGANISATIONS_FILE = "organisations.yml"
LANGUAGES_FILE = "languages.yml"
TOPICS_FILE = "topics.yml"
ORG_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SITE_URL = re.compile(r"^https://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~%/-]*)?/$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
SITE_URL_ENV = "GUIDE_SITE_URL"  # at deploy time: the address under which every <org>/ site is published
COUNTRIES = ("DK", "NO")
# An organisation is a draft until an editor marks it ready: a draft builds only when named
# (make site ORG=<id>, make serve), with a banner and noindex, and is never on the portal.
STATUSES = ("draft", "ready")


# Labels of the editions page, the change view and the notices about unapproved changes (editions.py).
EDITION_LABELS = (
    "editions_title", "editions_intro", "edition_name", "edition_in_force", "edition_current", "edition_period",
    "edition_period_open", "edition_recorded_period", "edition_recorded_period_open", "edition_recorded",
    "edition_note", "edition_pdf", "edition_compare",
    "unapproved_notice", "unapproved_pages", "translation_changed_notice", "changes_title", "changes_intro",
    "diff_added", "diff_removed", "diff_changed", "diff_page_added", "diff_page_removed", "diff_unchanged",
    "diff_words_added", "diff_words_removed", "changes_appendix",
)
# Kinds of editorial change recorded in docs/_editorial/<org>.yml; labels `change_<kind>`.
CHANGE_KINDS = ("typo", "grammar", "placeholder_link", "moved", "title", "artefact", "summary", "heading")
LANGUAGE_LABELS = (
    "name", "theme", "search", "download_pdf", "accessibility_statement",
    "contact", "owner", "last_updated", "review_by",
    "feedback", "portal_title", "languages", "country", "stale_notice", "untranslated_notice",
    "contents", "page_x_of_y", "statement_intro", "statement_service", "statement_contact", "statement_contact_missing",
    "phone", "written",
    "skip_to_content", "passage_title", "passage_shared", "and", "about_title", "about_intro", "about_document",
    "about_facts_none", "editorial_changes", "editorial_intro", "editorial_none", "change_page", "change_kind",
    "change_original", "change_published", "translation_notice", "whole_document", "topics_title", "topic_intro",
    "topic_text_from", "topic_where", "topic_shown_on", "topic_also", "topic_mentions", "all_organisations",
    "draft", "draft_notice", "statement_service_no_domain",
    "palette_dark", "palette_light", "permalink", "theme_header", "theme_footer", "theme_consent_reject",
    *EDITION_LABELS,
    *(f"fact_{key}" for key in FACT_KEYS), *(f"change_{kind}" for kind in CHANGE_KINDS),
)


@dataclass(frozen=True)
class Language:
    code: str
    labels: dict[str, str]
    names: dict[str, str]  # every language's name in this language, e.g. {"da": "Danish"}

    @property
    def name(self) -> str:
        return self.labels["name"]

    @property
    def search(self) -> str:
        return self.labels["search"]

    @property
    def theme(self) -> str:
        return self.labels["theme"]


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
    line: int = 1
    # Every recorded edition, oldest first (docs/_editions/<id>/editions.yml); the latest edition's
    # facts are `document.facts` (see editions.py).
    editions: tuple[Edition, ...] = ()
    nav_lines: tuple[int, ...] = field(default=(), compare=False)
    status: str = "draft"
    status_line: int = 1

    @property
    def is_draft(self) -> bool:
        return self.status != "ready"

    @property
    def source_language(self) -> str:
        return self.languages[0]

    @property
    def translations(self) -> tuple[str, ...]:
        return self.languages[1:]


@dataclass(frozen=True)
class Catalogue:
    """Everything the publisher knows about organisations and languages."""

    root: Path  # the repository root
    docs_dir: Path
    organisations: dict[str, Organisation]
    languages: dict[str, Language]
    topics: dict[str, dict[str, str]] = field(default_factory=dict)  # topic id -> name per language
    config_display: str = f"docs/{ORGANISATIONS_FILE}"

    @property
    def shared_dir(self) -> Path:
        return self.docs_dir / SHARED_DIR

    @property
    def adoptions(self) -> Adoptions:
        """Which organisation adopted which shared wording (docs/adoptions.yml), with its findings."""
        return adoptions_for(self.docs_dir, self.topics, set(self.organisations))

    @property
    def ready(self) -> dict[str, Organisation]:
        """The published organisations: every one marked `status: ready` (drafts build only when named)."""
        return {org_id: org for org_id, org in self.organisations.items() if not org.is_draft}

    def published(self) -> Catalogue:
        """This catalogue without its drafts: what the portal, the topic pages and a full build show."""
        return replace(self, organisations=self.ready)

    def organisation(self, org_id: str) -> Organisation:
        if org_id not in self.organisations:
            known = ", ".join(self.organisations)
            raise PublisherError([Finding(
                self.config_display, 1,
                f"unknown organisation '{org_id}'; known organisations: {known}. "
                f"Add it to docs/{ORGANISATIONS_FILE} or pick one of those.",
            )])
        return self.organisations[org_id]

    def org_dir(self, org_id: str) -> Path:
        return self.docs_dir / org_id


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _contact(entry: dict[str, Any] | None) -> Contact | None:
    if entry is None:
        return None
    translations = entry.get("unit_translations")
    return Contact(**{k: str(v) for k, v in entry.items() if v is not None and k in Contact.__dataclass_fields__
                      and k != "unit_translations"},
                   unit_translations={str(k): str(v) for k, v in translations.items()}
                   if isinstance(translations, dict) else {})


def _repeated(items: list[str]) -> dict[int, int]:
    """The position of every item written again, with the position where it was first written."""
    first: dict[str, int] = {}
    return {index: first[item] for index, item in enumerate(items) if first.setdefault(item, index) != index}


def _load_languages(path: Path, root: Path) -> dict[str, Language]:
    located = load_located_file(path, display_path(path, root))
    findings: list[Finding] = []
    languages: dict[str, Language] = {}
    if not isinstance(located.data, dict):
        raise PublisherError([Finding(located.path, 1, "expected a mapping of language codes")])
    for code, labels in located.data.items():
        if not isinstance(labels, dict):
            findings.append(Finding(located.path, located.line(code), f"language '{code}' must be a mapping of labels"))
            continue
        missing = [key for key in LANGUAGE_LABELS if not _str(labels.get(key))]
        if missing:
            findings.append(Finding(
                located.path, located.line(code),
                f"language '{code}' is missing the label(s) {', '.join(missing)}; add them as text",
            ))
            continue
        names = labels.get("language_names")
        if not isinstance(names, dict):
            findings.append(Finding(located.path, located.line(code, "language_names") or located.line(code),
                                    f"language '{code}' needs 'language_names', e.g. {{da: Danish, en: English}}"))
            continue
        bad = [Finding(located.path, located.line(code, *keys), f"label '{'.'.join(keys)}' of language '{code}' "
                                                                 f"{problem}")
               for keys, value in _label_texts(labels) if (problem := label_problem(keys[-1], value))]
        if bad:
            findings.extend(bad)
            continue
        texts = {k: str(v) for k, v in labels.items() if k != "language_names"}
        languages[str(code)] = Language(str(code), texts, {str(k): str(v) for k, v in names.items()})
    if findings:
        raise PublisherError(findings)
    return languages


def _label_texts(labels: dict[str, Any]) -> list[tuple[tuple[str, ...], str]]:
    """Every text of one language's labels, by key path: the labels and the names under `language_names`."""
    texts: list[tuple[tuple[str, ...], str]] = []
    for key, value in labels.items():
        if key == "language_names" and isinstance(value, dict):
            texts.extend((("language_names", str(k)), v) for k, v in value.items() if isinstance(v, str))
        elif isinstance(value, str):
            texts.append(((str(key),), value))
    return texts


def _organisation(org_id: str, entry: Any, located: Located, languages: dict[str, Language],
                  findings: list[Finding]) -> Organisation | None:
    where = ("organisations", org_id)

    def error(message: str, *keys: str) -> None:
        findings.append(Finding(located.path, located.line(*where, *keys), f"organisation '{org_id}': {message}"))

    if not ORG_ID.match(org_id):
        error("the id must be lowercase letters, digits and hyphens (it becomes a folder and a URL)")
    if not isinstance(entry, dict):
        error("expected a mapping with name, country, domain, languages, palette, contact, document, nav")
        return None
    before = len(findings)
    findings.extend(organisation_findings(org_id, entry, located))  # plain text, URL, colour, e-mail, ...
    if not _str(entry.get("name")):
        error("'name' is required and must be text", "name")
    if entry.get("domain") is not None and not _str(entry.get("domain")):
        error("'domain' must be text, e.g. birkenes.kommune.no (or leave it out until it is known)", "domain")
    status = entry.get("status", "draft")
    if status not in STATUSES:
        error("'status' must be draft or ready (an organisation is a draft until an editor marks it ready)",
              "status")
    if entry.get("country") not in COUNTRIES:
        error(f"'country' must be one of {', '.join(COUNTRIES)} (quote NO: bare NO is YAML false)", "country")
    langs = entry.get("languages")
    if not isinstance(langs, list) or not langs or not all(isinstance(x, str) for x in langs):
        error("'languages' must be a list of language codes, the source language first", "languages")
        langs = []
    for index, code in enumerate(langs):
        if code not in languages:
            error(f"language '{code}' is not defined in docs/{LANGUAGES_FILE} (known: {', '.join(languages)})",
                  "languages", str(index))
    if len(set(langs)) != len(langs):
        error("'languages' lists a language twice", "languages")
    palette = entry.get("palette")
    if not isinstance(palette, dict):
        error("'palette' must be a mapping with primary and accent colours", "palette")
        palette = {}
    for key in ("primary", "accent"):
        if not isinstance(palette.get(key), str) or not HEX_COLOUR.match(palette[key]):
            error(f"palette '{key}' must be a colour like \"#1d4f7c\" (quoted)", "palette", key)
    if isinstance(palette.get("primary"), str) and HEX_COLOUR.match(palette["primary"]) \
            and (problem := primary_problem(palette["primary"])):
        error(problem, "palette", "primary")
    contact = entry.get("contact")
    if contact is not None and (not isinstance(contact, dict) or not _str(contact.get("unit"))):
        error("'contact' must be a mapping with at least 'unit' (or leave it out: only a contact the document "
              "itself gives is shown)", "contact")
        contact = None
    accessible = entry.get("accessibility_contact")
    if accessible is not None and (not isinstance(accessible, dict)
                                   or not any(_str(accessible.get(key)) for key in ("email", "phone", "address"))):
        error("'accessibility_contact' must be a mapping with 'email', 'phone' or 'address' (and optionally "
              "'unit' and 'name'): the contact the organisation gave for the site's accessibility",
              "accessibility_contact")
        accessible = None
    document = entry.get("document")
    if not isinstance(document, dict) or not _str(document.get("title")):
        error("'document' must be a mapping with at least 'title'", "document")
        document = {"title": ""}
    facts = parse_facts(document, lambda message, *keys: error(message, "document", *keys),
                        ignore=("title", "title_translations"))
    translations = document.get("title_translations") or {}
    if not isinstance(translations, dict) or not all(isinstance(v, str) for v in translations.values()):
        error("'title_translations' must map language codes to titles, e.g. {en: \"...\"}",
              "document", "title_translations")
        translations = {}
    nav = entry.get("nav")
    if not isinstance(nav, list) or not nav or not all(isinstance(x, str) for x in nav):
        error("'nav' must be a list of page base names, starting with index.md", "nav")
        nav = []
    elif nav[0] != "index.md":
        error("the first nav entry must be the start page index.md", "nav", "0")
    for index, first in _repeated(nav).items():
        error(f"'nav' lists '{nav[index]}' twice (first as entry {first + 1}); a page has one place in the "
              f"navigation, the front page and the PDF: remove this entry", "nav", str(index))
    site_url = _str(entry.get("site_url"))
    if site_url is not None and not SITE_URL.match(site_url):
        error("'site_url' must be the site's published address, https://… ending in '/'", "site_url")
    feedback_email = _str(entry.get("feedback_email"))
    if feedback_email is not None and not EMAIL.match(feedback_email):
        error("'feedback_email' must be an e-mail address like kommunikation@example.dk", "feedback_email")
    if len(findings) > before:
        return None
    return Organisation(
        id=org_id,
        name=entry["name"],
        country=entry["country"],
        domain=_str(entry.get("domain")),
        languages=tuple(langs),
        palette=Palette(palette["primary"], palette["accent"]),
        contact=_contact(contact),
        accessibility_contact=_contact(accessible),
        document=Document(
            title=document["title"],
            facts=facts,
            title_translations={str(k): v for k, v in translations.items()},
        ),
        nav=tuple(nav),
        statement_url=_str(entry.get("statement_url")),
        site_url=site_url,
        feedback_email=feedback_email,
        line=located.line(*where),
        nav_lines=tuple(located.line(*where, "nav", str(i)) for i in range(len(nav))),
        status=str(status),
        status_line=located.line(*where, "status"),
    )


def load_catalogue(docs_dir: Path) -> Catalogue:
    """Load and validate `organisations.yml`, `languages.yml` and `topics.yml` in `docs_dir`.

    Cached per process while the files are unchanged: every hook of every page asks for it.
    """
    docs_dir = docs_dir.resolve()
    stamps = []
    for name in (ORGANISATIONS_FILE, LANGUAGES_FILE, TOPICS_FILE):
        try:
            stat = (docs_dir / name).stat()
            stamps.append((stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            stamps.append(None)
    # Every hook of every page calls this, and docs/ holds a folder per organisation: a directory
    # listing's own file types (scandir), not a stat per folder, at 1,000 organisations.
    folders = tuple(sorted(entry.name for entry in os.scandir(docs_dir) if entry.is_dir())) if docs_dir.is_dir() else ()
    return _load_catalogue_cached(docs_dir, (*stamps, *editions_stamps(docs_dir)), folders)


@cache
def _load_catalogue_cached(docs_dir: Path, stamps: tuple, folders: tuple[str, ...]) -> Catalogue:
    root = docs_dir.parent
    languages = _load_languages(docs_dir / LANGUAGES_FILE, root)
    path = docs_dir / ORGANISATIONS_FILE
    located = load_located_file(path, display_path(path, root))
    entries = located.data.get("organisations") if isinstance(located.data, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise PublisherError([Finding(located.path, 1, "expected 'organisations:' with one entry per organisation")])
    findings: list[Finding] = []
    organisations: dict[str, Organisation] = {}
    for org_id, entry in entries.items():
        org = _organisation(str(org_id), entry, located, languages, findings)
        if org is not None:
            organisations[org.id] = org
            if not (docs_dir / org.id).is_dir():
                findings.append(Finding(
                    located.path, org.line,
                    f"organisation '{org.id}' has no folder docs/{org.id}/; create it with its pages",
                ))
    if not findings:
        organisations = {org_id: with_editions(docs_dir, org, findings) for org_id, org in organisations.items()}
    if findings:
        raise PublisherError(findings)
    return Catalogue(root, docs_dir, organisations, languages, _load_topics(docs_dir / TOPICS_FILE, root),
                     located.path)


def _load_topics(path: Path, root: Path) -> dict[str, dict[str, str]]:
    if not path.is_file():
        return {}
    located = load_located_file(path, display_path(path, root))
    if not isinstance(located.data, dict) or not all(isinstance(v, dict) for v in located.data.values()):
        raise PublisherError([Finding(located.path, 1, "expected 'topic-id: {da: name, nb: name, en: name}' lines")])
    return {str(k): {str(lang): str(name) for lang, name in v.items()} for k, v in located.data.items()}
