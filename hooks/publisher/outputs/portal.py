"""The portal page `site/index.html` that lists every organisation site."""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..model.organisations import Catalogue
from ..render import branding
from ..render.topic_pages import collect_topics, topic_languages, topic_page_name
from .site_config import all_targets

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
    for org in sorted(catalogue.organisations.values(), key=lambda o: o.name.casefold()):
        sites = []
        for target in all_targets(catalogue, [org.id]):
            sites.append({
                "code": target.language,
                "name": catalogue.languages[target.language].name,
                # The portal speaks English: a label read aloud names the language in English ("Danish").
                "name_en": catalogue.languages["en"].names.get(target.language, target.language),
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
            "wordmark": branding.wordmark_svg(org, decorative=True),
        })
    topics = [(view.id, view.name, [(code, catalogue.languages[code].name, topic_page_name(view.id, code))
                                    for code in topic_languages(catalogue)])
              for view in collect_topics(catalogue, "en")]
    return env.get_template(PORTAL_TEMPLATE).render(organisations=entries, topics=topics)


PORTAL_FONTS = ("source-sans-3-latin-400-normal.woff2", "source-sans-3-latin-700-normal.woff2")
FAVICON = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">
  <rect x="1.5" y="1.5" width="45" height="45" rx="9" fill="#1d4f7c"/>
  <path d="M12 16h24M12 24h24M12 32h16" stroke="#ffffff" stroke-width="4" stroke-linecap="round"/>
</svg>
"""


def write_portal_assets(overrides_dir: Path, site: Path) -> None:
    """The portal's own fonts and favicon, served from the site (no font service, no 404)."""
    fonts = site / "assets" / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    for name in (*PORTAL_FONTS, "OFL.txt"):
        (fonts / name).write_bytes((overrides_dir / "assets" / "fonts" / name).read_bytes())
    images = site / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "favicon.svg").write_text(FAVICON, encoding="utf-8")
