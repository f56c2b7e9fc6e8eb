"""`make new-org`: everything a new organisation needs, so it builds at once.

Appends an entry to docs/organisations.yml (as text, so the file's comments stay), creates
docs/<id>/ with a start page in each language, and picks a palette that passes the contrast
check. The start page says plainly that the guideline is still to be written.
"""

from __future__ import annotations

import colorsys
import hashlib
from pathlib import Path

from .branding import WHITE, contrast
from .findings import Finding, PublisherError
from .organisations import ORG_ID, ORGANISATIONS_FILE, load_catalogue
from .translations import mark_current

COUNTRY_BY_LANGUAGE = {"da": "DK", "nb": "NO", "nn": "NO"}
START_TEXT = {
    "da": "Her kommer {name}s retningslinjer for sociale medier.",
    "nb": "Her kommer retningslinjene for sosiale medier for {name}.",
    "nn": "Her kjem retningslinjene for sosiale medium for {name}.",
    "en": "The social media guidelines of {name} will be published here.",
}


def palette_for(org_id: str) -> tuple[str, str]:
    """A stable primary colour dark enough for white header text, and a contrasting accent."""
    hue = int(hashlib.sha256(org_id.encode()).hexdigest()[:4], 16) % 360 / 360
    colours = []
    for shift in (0.0, 0.45):
        lightness = 0.40
        while True:
            r, g, b = colorsys.hls_to_rgb((hue + shift) % 1, lightness, 0.55)
            colour = f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
            if contrast(colour, WHITE) >= 5.0 or lightness <= 0.1:
                break
            lightness -= 0.02
        colours.append(colour)
    return colours[0], colours[1]


def new_organisation(docs_dir: Path, org_id: str, name: str, languages: list[str],
                     country: str | None = None, domain: str | None = None) -> list[Path]:
    catalogue = load_catalogue(docs_dir)
    where = catalogue.config_display
    problems = []
    if not ORG_ID.match(org_id):
        problems.append(f"ID '{org_id}' must be lowercase letters, digits and hyphens, e.g. ID=aarhus-kommune")
    if org_id in catalogue.organisations or (docs_dir / org_id).exists():
        problems.append(f"organisation '{org_id}' exists already")
    if not name.strip():
        problems.append("NAME is required, e.g. NAME=\"Aarhus Kommune\"")
    unknown = [code for code in languages if code not in catalogue.languages]
    if not languages or unknown:
        problems.append(f"LANGUAGES must be codes from docs/languages.yml ({', '.join(catalogue.languages)}), "
                        f"the organisation's own language first, e.g. LANGUAGES=da,en")
    country = country or (COUNTRY_BY_LANGUAGE.get(languages[0]) if languages else None)
    if country not in ("DK", "NO"):
        problems.append("COUNTRY must be DK or NO (it decides the accessibility-statement service)")
    if problems:
        raise PublisherError([Finding(where, 1, problem) for problem in problems])

    primary, accent = palette_for(org_id)
    source_labels = catalogue.languages[languages[0]].labels
    entry = (  # a draft until an editor marks it ready; no guessed domain or review date (readers would see them)
        f"  {org_id}:\n"
        f"    name: {name}\n"
        f"    status: draft\n"
        f"    country: \"{country}\"\n"
        + (f"    domain: {domain}\n" if domain else "") +
        f"    languages: [{', '.join(languages)}]\n"
        f"    palette: {{primary: \"{primary}\", accent: \"{accent}\"}}\n"
        f"    contact:\n"
        f"      unit: {name}\n"
        f"    document:\n"
        f"      title: {source_labels['portal_title']}\n"
        f"      approved_by: null\n"
        f"      approved_on: null\n"
        f"      version: null\n"
        f"    nav: [index.md]\n"
    )
    config_path = docs_dir / ORGANISATIONS_FILE
    text = config_path.read_text(encoding="utf-8")
    config_path.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")

    folder = docs_dir / org_id
    folder.mkdir()
    created = [config_path]
    for position, code in enumerate(languages):
        labels = catalogue.languages[code].labels
        front = f"---\ntitle: {labels['portal_title']}\n"
        if position == 0:
            front += f"owner: {name}\ntopics: []\n"
        page = folder / f"index.{code}.md"
        page.write_text(f"{front}---\n\n{START_TEXT.get(code, START_TEXT['en']).format(name=name)}\n",
                        encoding="utf-8")
        created.append(page)
    catalogue = load_catalogue(docs_dir)
    for page in created[2:]:
        mark_current(catalogue, page)
    return created
