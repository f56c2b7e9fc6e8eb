"""The checks authors rely on: every reference, every page, every front matter, no unsafe content.

Plain functions over the Markdown sources and the data files; they never build a site, so
`make check` runs in well under a second and reports every finding in one run. The MkDocs hook
`hooks/checks.py` runs the same functions for the site being built. Each kind of finding has its
own module here; this one walks the organisations and calls them.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..files.locking import alive
from ..files.safe_files import (
    data_file_findings,
    org_file_findings,
    snippet_file_findings,
)
from ..files.source_transaction import interrupted
from ..model.addresses import address_findings
from ..model.edition_snapshots import edition_findings
from ..model.organisation_types import Organisation
from ..model.organisations import Catalogue
from ..model.readability import LANGUAGES as READABILITY_LANGUAGES
from ..model.sources import Source
from ..model.wordings import PassageRef
from ..render.sanitize_findings import unsafe_findings
from .adopted import check_adopter, check_model_texts, note_unapproved
from .adoption import check_adoption_data, check_adoptions_shown
from .content import check_content
from .context import CheckContext, CheckReport, OrgPages
from .coverage import check_coverage
from .front_matter import check_front_matter
from .glossary import check_glossary
from .includes import includes_of
from .links import check_link
from .organisation_data import (
    check_contact,
    check_editorial_record,
    check_fact_words,
    check_facts,
)
from .plain_language import check_readability
from .readiness import check_readiness
from .structure import check_case_clashes, check_folders, check_structure

__all__ = ["CheckReport", "check_all", "check_site"]


def _check_page(ctx: CheckContext, page: Source, org_pages: OrgPages, language: str) -> None:
    org = org_pages.org
    check_front_matter(ctx, page, is_translation=language != org.source_language)
    if not page.renderable:  # its own finding says why; every reader of its text would take minutes too
        return
    if language in READABILITY_LANGUAGES:
        check_readability(ctx, page)
    for where in (page, *includes_of(ctx, page, org, language)):
        if not where.renderable:
            continue
        check_content(ctx, where)
        for link in ctx.rendered(where).links:
            check_link(ctx, link, where, page, org_pages, language)


def _check_organisation(ctx: CheckContext, org: Organisation, languages: Iterable[str] | None = None) -> None:
    languages = list(languages or org.languages)
    ctx.report.findings.extend(org_file_findings(ctx.catalogue.org_dir(org.id), ctx.catalogue.docs_dir,
                                                 ctx.catalogue.root))  # links out of docs/, file types
    check_case_clashes(ctx, ctx.catalogue.org_dir(org.id))
    org_pages = ctx.load_pages(org)
    check_structure(ctx, org_pages, languages)
    included: set[tuple[str, str]] = set()
    for language in languages:
        for page in org_pages.pages[language].values():
            if page.front_matter.get("untranslated") is True and language != org.source_language:
                check_front_matter(ctx, page, is_translation=True)
                continue
            _check_page(ctx, page, org_pages, language)
            if language == org.source_language:  # the organisation's document is its own-language text
                included |= {(ref.topic, ref.wording) for include in page.includes
                             if (ref := PassageRef.parse(include.path)) is not None}
        if language != org.source_language:
            check_glossary(ctx, org_pages, language)
    if org.source_language in languages:
        check_adoptions_shown(ctx, org, included)


def _check_shared_files(ctx: CheckContext) -> None:
    ctx.report.findings.extend(snippet_file_findings(ctx.catalogue.shared_dir, ctx.catalogue.docs_dir,
                                                     ctx.catalogue.root))
    check_case_clashes(ctx, ctx.catalogue.shared_dir)
    ctx.report.findings.extend(data_file_findings(ctx.catalogue.docs_dir, ctx.catalogue.root))


def _check_wordings_on_the_portal(ctx: CheckContext) -> None:
    """Every adopted wording in every language is shown on the portal's topic pages, also where no
    page includes it (a language its organisation does not publish): what the sanitizer would
    remove from it is reported on its own line, as for a page."""
    for wording in ctx.catalogue.adoptions.wordings.values():
        for path in wording.files.values():
            source = ctx.read(path)
            for line, message in unsafe_findings(source, ctx.rendered(source).html):
                ctx.error(source.display, line, message)


def check_all(catalogue: Catalogue) -> CheckReport:
    """Every check over every organisation, language and shared wording."""
    ctx = CheckContext(catalogue)
    check_folders(ctx)
    ctx.report.findings.extend(interrupted(catalogue.docs_dir, catalogue.root, alive))  # a killed make import
    _check_shared_files(ctx)
    _check_wordings_on_the_portal(ctx)
    check_adoption_data(ctx)
    check_model_texts(ctx)
    ctx.report.findings.extend(address_findings(catalogue))
    for org in catalogue.organisations.values():
        check_contact(ctx, org)
        check_facts(ctx, org)
        check_fact_words(ctx, org)
        check_editorial_record(ctx, org)
        check_adopter(ctx, org)
        ctx.report.findings.extend(edition_findings(catalogue, org))
        note_unapproved(ctx, org)
        _check_organisation(ctx, org)
        check_coverage(ctx, org)
    check_readiness(ctx)
    return ctx.report


def check_site(catalogue: Catalogue, org_id: str, language: str) -> CheckReport:
    """The checks for one site (one organisation in one language), as the build hook runs them."""
    ctx = CheckContext(catalogue)
    _check_shared_files(ctx)
    check_adoption_data(ctx)
    check_model_texts(ctx)  # the build publishes no model text half filled in
    check_editorial_record(ctx, catalogue.organisation(org_id))
    check_adopter(ctx, catalogue.organisation(org_id))
    _check_organisation(ctx, catalogue.organisation(org_id), [language])
    return ctx.report
