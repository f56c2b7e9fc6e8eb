"""What a reader sees about a guideline page: approval, when the web page last changed, review date,
owner, feedback.

Computed from the organisation's data, the page's front matter (a translation inherits the
owner and review date of its source page) and git history. An owner is shown only where the page's
front matter names one (`owner:`, as the organisation gave it); it is never inferred from a contact.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..files.findings import display_path
from ..model.fields import markdown_text
from ..model.organisations import Catalogue
from ..model.sources import page_name, read_source
from ..model.translations import content_changed_on
from .template_cache import shared_environment


def page_info(catalogue: Catalogue, org_id: str, language: str, src_uri: str, title: str) -> dict[str, Any] | None:
    """The facts shown under a page's title; None for pages that are not guideline pages."""
    org = catalogue.organisation(org_id)
    name = page_name(Path(src_uri))
    if name is None:
        return None
    base = name[0]
    folder = catalogue.org_dir(org_id)
    path = folder / src_uri
    source_path = folder / f"{base}.{org.source_language}.md"
    if not source_path.is_file():
        return None
    source = read_source(source_path, display_path(source_path, catalogue.root))
    review_by = source.front_matter.get("review_by")
    feedback = None
    if org.feedback_email:  # a functional mailbox, never a named person's address
        subject = quote(f"{title} – {org.name}")
        feedback = f"mailto:{org.feedback_email}?subject={subject}"
    updated = content_changed_on(path, catalogue.shared_dir) if path.is_file() else None
    return {
        "owner": str(source.front_matter["owner"]) if source.front_matter.get("owner") else None,
        "review_by": review_by.isoformat() if isinstance(review_by, dt.date) else None,
        "last_updated": updated.isoformat() if updated else None,
        "feedback": feedback,
    }


def statement_url(country: str, domain: str | None, configured: str | None) -> str:
    """The organisation's page at the national accessibility-statement service (its front page without a domain)."""
    if configured:
        return configured
    if country == "DK" and not domain:
        return "https://www.was.digst.dk/"
    if country == "DK":
        return f"https://www.was.digst.dk/{domain.replace('.', '-')}"
    return "https://uustatus.no/nb/erklaringer"


SERVICES = {"DK": "was.digst.dk", "NO": "uustatus.no"}


def statement_markdown(catalogue: Catalogue, org_id: str, language: str) -> str:
    """The accessibility statement page (Markdown with front matter) in `language`."""
    import jinja2

    org = catalogue.organisation(org_id)
    # organisations.yml holds plain text: it shows as typed, never as Markdown (the "md" filter)
    env = shared_environment(catalogue.root / "overrides", (("md", markdown_text),),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.get_template("statement/accessibility.md").render(
        org=org,
        labels=catalogue.languages[language].labels,
        service=SERVICES.get(org.country, "uustatus.no"),
        statement_url=statement_url(org.country, org.domain, org.statement_url),
    ).lstrip()
