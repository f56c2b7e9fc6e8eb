"""The portal page `site/index.html` that lists every organisation site."""

from __future__ import annotations

from pathlib import Path

import jinja2

from .organisations import Catalogue
from .site_config import all_targets
from .topic_pages import collect_topics, topic_page_name

PORTAL_TEMPLATE = "portal/index.html"
COUNTRY_NAMES = {"DK": "Denmark", "NO": "Norway"}


def render_portal(catalogue: Catalogue, overrides_dir: Path, pdf_paths: dict[str, str] | None = None) -> str:
    """HTML for the portal; `pdf_paths` maps `<org>/<lang>` to the PDF's path below site/."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(overrides_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    entries = []
    for org in catalogue.organisations.values():
        sites = []
        for target in all_targets(catalogue, [org.id]):
            sites.append({
                "code": target.language,
                "name": catalogue.languages[target.language].name,
                "href": f"{target.path}/index.html",
                "pdf": (pdf_paths or {}).get(f"{org.id}/{target.language}"),
                "title": org.document.title_in(target.language),
            })
        entries.append({
            "id": org.id,
            "name": org.name,
            "country": COUNTRY_NAMES.get(org.country, org.country),
            "document_title": org.document.title,
            "source_language": org.source_language,
            "sites": sites,
        })
    topics = [(view.id, view.name, [topic_page_name(view.id, code) for code in ("da", "nb", "en")])
              for view in collect_topics(catalogue, "en")]
    return env.get_template(PORTAL_TEMPLATE).render(organisations=entries, topics=topics)
