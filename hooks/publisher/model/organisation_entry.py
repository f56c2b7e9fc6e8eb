"""Reading and validating one entry of `docs/organisations.yml` into an `Organisation`.

Its own module because the entry has the most rules of any file an editor writes: each part of
it (identity, languages, palette, contacts, document, navigation, addresses) is read by a named
step that reports every problem with its line, in the order the parts are written here, so an
editor fixes them all in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..files.findings import Finding
from ..files.yamlsource import Located
from .colours import primary_problem
from .document_facts import parse_facts
from .fields import organisation_findings
from .languages import LANGUAGES_FILE, Language, text_or_none
from .organisation_types import Contact, Document, Organisation, Palette

ORG_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SITE_URL = re.compile(r"^https://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~%/-]*)?/$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
SITE_URL_ENV = "GUIDE_SITE_URL"  # at deploy time: the address under which every <org>/ site is published
COUNTRIES = ("DK", "NO")
# An organisation is a draft until an editor marks it ready: a draft builds only when named
# (make site ORG=<id>, make serve), with a banner and noindex, and is never on the portal.
STATUSES = ("draft", "ready")
# A title's role and each of its forms name a blank of a model text: [[role]] is its plain form, [[role:form]]
# another (docs/_adopted/<org>.yml fills them the same way).
BLANK_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
PLAIN_FORM = "plain"

# Reports one problem of the entry: the message and the keys below the entry that locate its line.
Report = Callable[..., None]


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


def _identity(entry: dict[str, Any], error: Report) -> Any:
    """Check the name, domain, status and country; return the status as written (draft when absent)."""
    if not text_or_none(entry.get("name")):
        error("'name' is required and must be text", "name")
    if entry.get("domain") is not None and not text_or_none(entry.get("domain")):
        error("'domain' must be text, e.g. birkenes.kommune.no (or leave it out until it is known)", "domain")
    status = entry.get("status", "draft")
    if status not in STATUSES:
        error("'status' must be draft or ready (an organisation is a draft until an editor marks it ready)",
              "status")
    if entry.get("country") not in COUNTRIES:
        error(f"'country' must be one of {', '.join(COUNTRIES)} (quote NO: bare NO is YAML false)", "country")
    return status


def _languages(entry: dict[str, Any], languages: dict[str, Language], error: Report) -> list[str]:
    """The entry's language codes, the source language first, each defined in languages.yml and listed once."""
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
    return langs


def _palette(entry: dict[str, Any], error: Report) -> dict[str, Any]:
    """The palette's primary and accent colours, each a quoted hex colour; the primary one readable."""
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
    return palette


def _contacts(entry: dict[str, Any], error: Report) -> tuple[Contact | None, Contact | None]:
    """The document's contact and the accessibility contact, each None when absent or malformed."""
    contact = entry.get("contact")
    if contact is not None and (not isinstance(contact, dict) or not text_or_none(contact.get("unit"))):
        error("'contact' must be a mapping with at least 'unit' (or leave it out: only a contact the document "
              "itself gives is shown)", "contact")
        contact = None
    accessible = entry.get("accessibility_contact")
    if accessible is not None and (not isinstance(accessible, dict)
                                   or not any(text_or_none(accessible.get(key))
                                              for key in ("email", "phone", "address"))):
        error("'accessibility_contact' must be a mapping with 'email', 'phone' or 'address' (and optionally "
              "'unit' and 'name'): the contact the organisation gave for the site's accessibility",
              "accessibility_contact")
        accessible = None
    return _contact(contact), _contact(accessible)


def _document(entry: dict[str, Any], error: Report) -> Document:
    """The document's title, facts and title translations."""
    document = entry.get("document")
    if not isinstance(document, dict) or not text_or_none(document.get("title")):
        error("'document' must be a mapping with at least 'title'", "document")
        document = {"title": ""}
    facts = parse_facts(document, lambda message, *keys: error(message, "document", *keys),
                        ignore=("title", "title_translations"))
    translations = document.get("title_translations") or {}
    if not isinstance(translations, dict) or not all(isinstance(v, str) for v in translations.values()):
        error("'title_translations' must map language codes to titles, e.g. {en: \"...\"}",
              "document", "title_translations")
        translations = {}
    return Document(title=document["title"], facts=facts,
                    title_translations={str(k): v for k, v in translations.items()})


def _nav(entry: dict[str, Any], error: Report) -> list[str]:
    """The pages in navigation order, the start page index.md first, each listed once."""
    nav = entry.get("nav")
    if not isinstance(nav, list) or not nav or not all(isinstance(x, str) for x in nav):
        error("'nav' must be a list of page base names, starting with index.md", "nav")
        nav = []
    elif nav[0] != "index.md":
        error("the first nav entry must be the start page index.md", "nav", "0")
    for index, first in _repeated(nav).items():
        error(f"'nav' lists '{nav[index]}' twice (first as entry {first + 1}); a page has one place in the "
              f"navigation, the front page and the PDF: remove this entry", "nav", str(index))
    return nav


def _addresses(entry: dict[str, Any], error: Report) -> tuple[str | None, str | None]:
    """The site's published address and the feedback mailbox, each None when not given."""
    site_url = text_or_none(entry.get("site_url"))
    if site_url is not None and not SITE_URL.match(site_url):
        error("'site_url' must be the site's published address, https://… ending in '/'", "site_url")
    feedback_email = text_or_none(entry.get("feedback_email"))
    if feedback_email is not None and not EMAIL.match(feedback_email):
        error("'feedback_email' must be an e-mail address like kommunikation@example.dk", "feedback_email")
    return site_url, feedback_email


def _titles(entry: dict[str, Any], error: Report) -> dict[str, dict[str, str]]:
    """The titles the document uses for its officers: role -> form -> text, each role with its plain form."""
    titles = entry.get("titles")
    if titles is None:
        return {}
    example = "e.g. titles: {leder: {plain: rådmann, bestemt: rådmannen, genitiv: rådmannens}}"
    if not isinstance(titles, dict) or not titles:
        error(f"'titles' must map each officer's role to the forms of its title, {example}", "titles")
        return {}
    found: dict[str, dict[str, str]] = {}
    for role, forms in titles.items():
        if not BLANK_NAME.match(str(role)):
            error(f"title role '{role}' must be lowercase letters, digits and hyphens, starting with a letter (it "
                  f"names the blank [[{role}]] in model texts)", "titles", str(role))
        elif not isinstance(forms, dict) or not isinstance(forms.get(PLAIN_FORM), str):
            error(f"title '{role}' must map its forms to text, at least '{PLAIN_FORM}' (the title as the document "
                  f"writes it alone), {example}", "titles", str(role))
        elif bad := [str(form) for form, text in forms.items()
                     if not BLANK_NAME.match(str(form)) or not isinstance(text, str) or not text.strip()]:
            error(f"title '{role}' form '{bad[0]}' must be named with lowercase letters, digits and hyphens and be "
                  f"written as text (as the document writes it)", "titles", str(role), bad[0])
        else:
            found[str(role)] = {str(form): text.strip() for form, text in forms.items()}
    return found


def read_organisation(org_id: str, entry: Any, located: Located, languages: dict[str, Language],
                      findings: list[Finding]) -> Organisation | None:
    """The organisation `entry` describes, or None when it has a problem (each one added to `findings`)."""
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
    status = _identity(entry, error)
    langs = _languages(entry, languages, error)
    palette = _palette(entry, error)
    contact, accessibility_contact = _contacts(entry, error)
    document = _document(entry, error)
    nav = _nav(entry, error)
    site_url, feedback_email = _addresses(entry, error)
    titles = _titles(entry, error)
    if len(findings) > before:
        return None
    return Organisation(
        id=org_id,
        name=entry["name"],
        country=entry["country"],
        domain=text_or_none(entry.get("domain")),
        languages=tuple(langs),
        palette=Palette(palette["primary"], palette["accent"]),
        contact=contact,
        accessibility_contact=accessibility_contact,
        document=document,
        nav=tuple(nav),
        statement_url=text_or_none(entry.get("statement_url")),
        site_url=site_url,
        feedback_email=feedback_email,
        titles=titles,
        line=located.line(*where),
        nav_lines=tuple(located.line(*where, "nav", str(i)) for i in range(len(nav))),
        status=str(status),
        status_line=located.line(*where, "status"),
    )
