"""What one build (one organisation in one language) changes in the shared configuration.

Computed as plain data from the catalogue, so the MkDocs hook only copies values across and
another engine could use the same settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..files.findings import Finding, PublisherError
from ..model.editions import EDITIONS_ANCHOR, named, notices
from ..model.organisation_entry import SITE_URL, SITE_URL_ENV
from ..model.organisation_types import Organisation
from ..model.organisations import Catalogue
from ..model.shown_facts import shown_facts
from ..model.sources import page_name, read_source
from ..render.about import ABOUT_PAGE, translation_notice
from ..render.page_info import statement_url

ORG_ENV = "GUIDE_ORG"
LANG_ENV = "GUIDE_LANG"
REPO_ENV = "GUIDE_REPO_URL"  # e.g. https://github.com/<owner>/<repo>; unset: no edit link at all
EDIT_ENV = "GUIDE_EDIT_URI"  # the path from the repository to docs/ in the host's editor
# The site's one stylesheet besides the theme's: mkdocs.yml's extra_css and the organisation's
# palette in one file (see site_stylesheet).
PALETTE_CSS = "assets/stylesheets/organisation.css"
STATEMENT_PAGE = "accessibility.md"  # generated in every language site
LOGO = "assets/images/wordmark.svg"


@dataclass(frozen=True)
class BuildTarget:
    """One site: an organisation in one of its languages."""

    org: Organisation
    language: str

    @property
    def is_source_language(self) -> bool:
        return self.language == self.org.source_language

    @property
    def path(self) -> str:
        """Where the site lives below `site/`: `<org>/` or `<org>/<lang>/`."""
        return self.org.id if self.is_source_language else f"{self.org.id}/{self.language}"

    def __str__(self) -> str:
        return f"{self.org.id} ({self.language})"


def all_targets(catalogue: Catalogue, org_ids: list[str] | None = None) -> list[BuildTarget]:
    """The sites of the named organisations (drafts too), or of every organisation that is ready."""
    # Each organisation once, in order: a name given twice must not build (and swap in) its site twice.
    orgs = [catalogue.organisation(i) for i in dict.fromkeys(org_ids)] if org_ids else list(catalogue.ready.values())
    return [BuildTarget(org, lang) for org in orgs for lang in org.languages]


def target_from_environment(catalogue: Catalogue, environ: dict[str, str] | None = None) -> BuildTarget:
    """The site chosen by GUIDE_ORG / GUIDE_LANG; by default the first organisation, source language."""
    environ = dict(os.environ) if environ is None else environ
    org_id = environ.get(ORG_ENV) or next(iter(catalogue.organisations))
    org = catalogue.organisation(org_id)
    language = environ.get(LANG_ENV) or org.source_language
    if language not in org.languages:
        raise PublisherError([Finding(
            catalogue.config_display, org.line,
            f"{LANG_ENV}={language} but organisation '{org.id}' is published in "
            f"{', '.join(org.languages)}; pick one of those or add the language to its entry",
        )])
    return BuildTarget(org, language)


def edit_settings(org_id: str, environ: dict[str, str] | None = None) -> tuple[str, str] | None:
    """(repo_url, edit_uri) for "edit this page", or None without a configured repository.

    GitHub and Gitea-style hosts edit at `edit/main/docs/`, GitLab at `-/edit/main/docs/`; Gitea
    itself uses `_edit/main/docs/` (set GUIDE_EDIT_URI). Pages live in docs/<org>/.
    """
    environ = dict(os.environ) if environ is None else environ
    repo_url = environ.get(REPO_ENV, "").strip().rstrip("/")
    if not repo_url:
        return None
    default = "-/edit/main/docs/" if "gitlab" in urlsplit(repo_url).netloc else "edit/main/docs/"
    edit_uri = environ.get(EDIT_ENV, "").strip() or default
    return repo_url, edit_uri.rstrip("/") + f"/{org_id}/"


def i18n_languages(catalogue: Catalogue, target: BuildTarget) -> list[dict[str, Any]]:
    """mkdocs-static-i18n `languages`: only the target language is built, as the default.

    Every page file carries its language suffix (`page.da.md`, `page.en.md`), so making the
    built language the default never mistakes one language's file for another's.
    """
    return [
        {
            "locale": code,
            "name": catalogue.languages[code].name,
            "default": code == target.language,
            "build": code == target.language,
        }
        for code in target.org.languages
    ]


def extra_context(catalogue: Catalogue, target: BuildTarget) -> dict[str, Any]:
    """What our templates read from `config.extra.guide`."""
    org = target.org
    labels = catalogue.languages[target.language].labels
    return {
        "org_id": org.id,
        "name": org.name,
        "country": org.country,
        "domain": org.domain,
        "language": target.language,
        "source_language": org.source_language,
        "languages": [
            {"code": code, "name": catalogue.languages[code].name} for code in org.languages
        ],
        "labels": labels,
        "draft": org.is_draft,  # a banner and noindex on every page
        # Site-root relative, as mkdocs' `url` filter expects: PDFs live in <org>/pdf/.
        "pdf_href": ("" if target.is_source_language else "../") + f"pdf/{org.id}-{target.language}.pdf",
        # Only a contact the document gives; its unit as this language's readers are told it.
        "contact": {**vars(org.contact), "unit": org.contact.unit_in(target.language)} if org.contact else None,
        "statement_url": statement_url(org.country, org.domain, org.statement_url),
        "statement_page": STATEMENT_PAGE.replace(".md", ".html"),
        "document": {"title": org.document.title_in(target.language)},
        "facts": [vars(fact) for fact in shown_facts(org, labels, target.language)],
        "about_page": ABOUT_PAGE.replace(".md", ".html"),
        "translation_notice": translation_notice(catalogue, org.id, target.language),
        "edition": edition_context(catalogue, target),
    }


def edition_context(catalogue: Catalogue, target: BuildTarget) -> dict[str, Any] | None:
    """The edition in force and what is not approved yet; None before the first edition is recorded."""
    said = notices(catalogue, target.org.id, target.language)
    if said.edition is None:
        return None
    labels = catalogue.languages[target.language].labels
    name, translated = said.edition.name_in(target.language)
    own = ("name",) if translated else ()
    return {
        "name": named("{name}", target.language, target.org.source_language, own, name=name),
        "title": named(labels["edition_name"], target.language, target.org.source_language, own, name=name),
        "href": ABOUT_PAGE.replace(".md", ".html") + f"#{said.edition.anchor}",
        "editions_href": ABOUT_PAGE.replace(".md", ".html") + f"#{EDITIONS_ANCHOR}",
        "period": said.period,
        "unapproved": said.unapproved,
        "translation_changed": said.translation_changed,
    }


def palette_in(palette: list[dict[str, Any]], labels: dict[str, str]) -> list[dict[str, Any]]:
    """mkdocs.yml's palette with each toggle named in the site's language (light scheme first, then dark)."""
    names = {"default": labels["palette_dark"], "slate": labels["palette_light"]}  # what the toggle switches to
    return [{**option, "toggle": {**option["toggle"], "name": names[option["scheme"]]}} if option.get("toggle")
            else option for option in palette]


def site_url(target: BuildTarget, environ: dict[str, str] | None = None) -> str | None:
    """The site's published address: the organisation's `site_url`, else GUIDE_SITE_URL + <org>/.

    None when neither is set: then pages carry no canonical or hreflang links (relative ones
    are invalid), while the language switcher stays relative and works from disk.
    """
    environ = dict(os.environ) if environ is None else environ
    base = target.org.site_url
    if base is None and environ.get(SITE_URL_ENV, "").strip():
        base = environ[SITE_URL_ENV].strip().rstrip("/") + f"/{target.org.id}/"
    if base is None:
        return None
    if not SITE_URL.match(base):
        raise PublisherError([Finding("(environment)", 1, f"{SITE_URL_ENV}={environ.get(SITE_URL_ENV)!r} must be an "
                                                          f"https:// address, e.g. https://intranet.example.dk/guides")])
    return base if target.is_source_language else f"{base}{target.language}/"


def nav_entries(catalogue: Catalogue, target: BuildTarget) -> list[str | dict[str, str]]:
    """The site's nav: each page by file, or `{short title: file}` where its front matter gives an
    editorial `nav_title` (the page in this language, else its source page)."""
    entries: list[str | dict[str, str]] = []
    folder = catalogue.org_dir(target.org.id)
    for entry in target.org.nav:
        base = entry.removesuffix(".md")
        short = None
        for language in (target.language, target.org.source_language):
            path = folder / f"{base}.{language}.md"
            if path.is_file():
                value = read_source(path, path.name).front_matter.get("nav_title")
                if isinstance(value, str) and value.strip():
                    short = value.strip()
                    break
        entries.append({short: entry} if short else entry)
    return entries


def docs_dir(catalogue: Catalogue, target: BuildTarget) -> Path:
    return catalogue.org_dir(target.org.id)


def hidden_pages(catalogue: Catalogue, org_id: str) -> set[str]:
    """Page base names whose source page says `hidden: true`: built and linkable, not in the nav.

    A translation follows its source page, so every language hides the same pages.
    """
    org = catalogue.organisation(org_id)
    hidden = set()
    for path in catalogue.org_dir(org_id).glob(f"*.{org.source_language}.md"):
        name = page_name(path)
        if name and read_source(path, path.name).front_matter.get("hidden") is True:
            hidden.add(name[0])
    return hidden


def site_stylesheet(theme_dirs: list[str], stylesheets: list[str], palette: str) -> str:
    """The extra stylesheets (found in the theme's folders, ours first) followed by the palette.

    Each stylesheet in <head> holds up the first paint until it has arrived, and on a slow mobile
    connection every further file costs a round trip: one file instead of three. They all sit in
    assets/stylesheets/, so their relative url()s (the fonts) stay valid.
    """
    parts = []
    for name in stylesheets:
        found = next((Path(folder) / name for folder in theme_dirs if (Path(folder) / name).is_file()), None)
        if found is None:
            raise PublisherError([Finding("mkdocs.yml", 1, f"extra_css: {name} is in none of the theme's folders "
                                                           f"({', '.join(theme_dirs)})")])
        parts.append(f"/* {name} */\n" + found.read_text(encoding="utf-8"))
    return "\n".join([*parts, palette])
