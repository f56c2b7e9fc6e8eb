"""Is an organisation ready to publish? What it still lacks, and what blocks marking it ready.

An organisation is a draft (`status: draft`, the default) until an editor marks it `ready` in
docs/organisations.yml. Only errors block that: placeholder pages left by `make new-org`, and any
error `make check` finds in the organisation's files. What the data lacks (contact, domain,
translations, approval facts) is listed for editors and never blocks: a document that states no
approval date has none to add.
"""

from __future__ import annotations

import re

from ..files.findings import Finding
from .organisation_types import Organisation
from .organisations import Catalogue
from .shown_facts import missing_facts
from .sources import page_name, read_source
from .translations import organisation_status

# The start pages `make new-org` writes (hooks/publisher/commands/new_org.py START_TEXT): text nobody adopted.
PLACEHOLDER = re.compile(
    r"^\s*(?:Her kommer .+ retningslinjer for sociale medier\."
    r"|Her kjem retningslinjene for sosiale medium for .+\."
    r"|Her kommer retningslinjene for sosiale medier for .+\."
    r"|The social media guidelines of .+ will be published here\.)\s*$",
    re.DOTALL,
)


def lacks(catalogue: Catalogue, org: Organisation) -> list[str]:
    """What an editor may still have to add, in words for the status page (never a reason to block)."""
    gaps = []
    if not org.domain:
        gaps.append("no domain (the accessibility statement names none)")
    if org.accessibility_contact is None:
        gaps.append("no accessibility contact (the accessibility statement says none has been given yet)")
    statuses = organisation_status(catalogue, org.id)
    for language in org.translations:
        todo = sum(1 for s in statuses if s.language == language and s.state in ("missing", "untranslated"))
        if todo:
            gaps.append(f"{todo} page(s) not translated into {language}")
    return gaps + missing_facts(org)


def placeholder_pages(catalogue: Catalogue, org: Organisation) -> list[str]:
    """The organisation's pages that still hold nothing but a `make new-org` start text."""
    found = []
    for path in sorted(catalogue.org_dir(org.id).glob("*.md")):
        if page_name(path) is None:
            continue
        source = read_source(path, path.name)
        if PLACEHOLDER.match(source.body):
            found.append(path.name)
    return found


def placeholder_findings(catalogue: Catalogue, org: Organisation) -> list[Finding]:
    """An error when an organisation marked ready still has a page holding only a `make new-org` start text."""
    placeholders = placeholder_pages(catalogue, org) if not org.is_draft else []
    if not placeholders:
        return []
    return [Finding(catalogue.config_display, org.status_line, (
        f"organisation '{org.id}' is marked 'status: ready' but {', '.join(placeholders)} in docs/{org.id}/ still "
        f"hold(s) only the start text of make new-org: import or write its guideline (make import), or set "
        f"'status: draft' until it is done"))]


def ready_with_errors(catalogue: Catalogue, errors: list[Finding]) -> list[Finding]:
    """For `make check`: one error per organisation marked ready while its own files have errors."""
    findings = []
    for org in catalogue.ready.values():
        own = [f for f in errors if f.path.startswith(f"docs/{org.id}/")
               or f.path in (f"docs/_editorial/{org.id}.yml", f"docs/_adopted/{org.id}.yml")]
        if own:
            findings.append(Finding(catalogue.config_display, org.status_line, (
                f"organisation '{org.id}' is marked 'status: ready' but has {len(own)} error(s) in its pages: fix "
                f"them, or set 'status: draft' until they are fixed")))
    return findings
