"""`make new-org`: everything a new organisation needs, so it builds at once.

Appends an entry to docs/organisations.yml (emitted by the YAML emitter and appended, so the
file's comments stay; read back and compared before the file is replaced), creates docs/<id>/
with a start page in each language (the folder appears whole, by one rename), and picks a
palette that passes the contrast check. On any failure nothing is left behind. The start page
says plainly that the guideline is still to be written.
"""

from __future__ import annotations

import colorsys
import hashlib
from pathlib import Path

from ..files.findings import ArgumentError, Finding, PublisherError, visible
from ..files.locking import source_lock
from ..files.source_transaction import SourceTransaction
from ..files.source_writers import emit, mapping_entry, read_back
from ..model.colours import WHITE, contrast
from ..model.fields import domain_problem, markdown_text, plain_text_problem
from ..model.organisation_entry import ORG_ID
from ..model.organisations import ORGANISATIONS_FILE, Catalogue, load_catalogue
from ..model.sources import parse_text
from ..model.translations import source_hash

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
    """Add the organisation and its start pages; on any failure the repository is left as it was."""
    with source_lock(docs_dir):  # another writer's organisations.yml is read only once it is written
        return _create(docs_dir, org_id, name, languages, country, domain)


def _create(docs_dir: Path, org_id: str, name: str, languages: list[str],
            country: str | None, domain: str | None) -> list[Path]:
    catalogue = load_catalogue(docs_dir)
    country, domain = _refuse_arguments(catalogue, docs_dir, org_id, name, languages, country, domain)
    entry = _entry(catalogue, org_id, name, languages, country, domain)
    config_path = docs_dir / ORGANISATIONS_FILE
    new_text = _config_with_entry(config_path, catalogue.config_display, org_id, entry)
    pages = _start_pages(catalogue, org_id, name, languages)
    folder = docs_dir / org_id
    _write_as_one_change(docs_dir, org_id, folder, pages, config_path, new_text)
    return [config_path, *(folder / page_name_ for page_name_ in pages)]


def _refuse_arguments(catalogue: Catalogue, docs_dir: Path, org_id: str, name: str, languages: list[str],
                      country: str | None, domain: str | None) -> tuple[str, str]:
    """Every problem with what was typed, all at once; else the country (from the first language when not
    given) and the domain ("" when not given)."""
    problems = []
    if not ORG_ID.match(org_id):
        problems.append(f"ID '{org_id}' must be lowercase letters, digits and hyphens, e.g. ID=aarhus-kommune")
    elif org_id in catalogue.organisations or (docs_dir / org_id).exists() or (docs_dir / org_id).is_symlink():
        problems.append(f"organisation '{org_id}' exists already")
    if not name.strip():
        problems.append("NAME is required, e.g. NAME=\"Aarhus Kommune\"")
    elif problem := plain_text_problem(name):
        problems.append(f"NAME={visible(name)}: {problem}")  # as typed, invisible characters shown
    unknown = [code for code in languages if code not in catalogue.languages]
    if not languages or unknown or len(set(languages)) != len(languages):
        problems.append(f"LANGUAGES must be codes from docs/languages.yml ({', '.join(catalogue.languages)}), "
                        f"the organisation's own language first, e.g. LANGUAGES=da,en")
    country = country or (COUNTRY_BY_LANGUAGE.get(languages[0]) if languages else None)
    if country not in ("DK", "NO"):
        problems.append("COUNTRY must be DK or NO (it decides the accessibility-statement service)")
    domain = domain or ""  # never guessed: readers would see it in the accessibility statement
    if domain and (problem := domain_problem(domain)):
        problems.append(f"DOMAIN {problem}")
    if problems:
        raise ArgumentError(problems)  # the command line is at fault, not docs/organisations.yml
    return country, domain


def _entry(catalogue: Catalogue, org_id: str, name: str, languages: list[str], country: str,
           domain: str) -> dict[str, object]:
    """The organisation's entry in organisations.yml."""
    primary, accent = palette_for(org_id)
    source_labels = catalogue.languages[languages[0]].labels
    # A draft until an editor marks it ready; no guessed domain or review date (readers would see them).
    return {
        "name": name,
        "status": "draft",
        "country": country,
        **({"domain": domain} if domain else {}),
        "languages": list(languages),
        "palette": {"primary": primary, "accent": accent},
        "document": {"title": source_labels["portal_title"]},
        "nav": ["index.md"],
    }


def _config_with_entry(config_path: Path, where: str, org_id: str, entry: dict[str, object]) -> str:
    """organisations.yml with the entry appended, read back to prove it adds that entry and changes nothing else."""
    original = config_path.read_bytes()
    text = original.decode("utf-8-sig")
    # Only lines are added: every existing byte stays, trailing blank lines and comments too.
    new_text = text + ("" if text.endswith("\n") else "\n") + mapping_entry(org_id, entry, indent=2)
    before = read_back(text, where)
    after = read_back(new_text, where)
    if not (isinstance(after, dict) and after.get("organisations", {}).get(org_id) == entry
            and {k: v for k, v in after["organisations"].items() if k != org_id} == before["organisations"]
            and {k: v for k, v in after.items() if k != "organisations"}
            == {k: v for k, v in before.items() if k != "organisations"}):
        raise PublisherError([Finding(where, 1, "the new entry would not read back as written (is 'organisations:' "
                                                "the last section of the file?); nothing was changed")])
    return new_text


def _write_as_one_change(docs_dir: Path, org_id: str, folder: Path, pages: dict[str, str], config_path: Path,
                         new_text: str) -> None:
    """The pages and the entry as one change: killed at any point, the next writer puts docs/ back as it was."""
    transaction = SourceTransaction(docs_dir, f"make new-org ID={org_id}")
    for page_name_, page_text in pages.items():
        transaction.write(folder / page_name_, page_text)
    transaction.write(config_path, new_text)
    transaction.commit()
    try:
        load_catalogue(docs_dir)  # the whole file still loads and validates
    except BaseException:
        transaction.undo()
        raise
    transaction.finish()


def _start_pages(catalogue: Catalogue, org_id: str, name: str, languages: list[str]) -> dict[str, str]:
    """index.<lang>.md for each language; translations record the source version they translate."""
    pages: dict[str, str] = {}
    source_page = None
    for position, code in enumerate(languages):
        labels = catalogue.languages[code].labels
        front: dict[str, object] = {"title": labels["portal_title"]}
        if position == 0:
            front |= {"topics": []}  # no owner: nobody named one
        body = "\n" + START_TEXT.get(code, START_TEXT["en"]).format(name=markdown_text(name)) + "\n"
        if position > 0 and source_page is not None:
            front["source_hash"] = source_hash(source_page, catalogue.shared_dir)
        text = f"---\n{emit(front)}---\n{body}"
        if position == 0:
            source_page = parse_text(text, f"docs/{org_id}/index.{code}.md")
        pages[f"index.{code}.md"] = text
    return pages
