"""Published addresses are permanent: `docs/addresses.yml` records every page address a site has
published, and every move (a page renamed, merged or split).

    kalundborg:
      published: [index, anvendelse-i-arbejdet, gode-raad]
      moved: {gode-raad-om-brug: gode-raad}      # old base name: new base name (optionally #anchor)

A moved address keeps working as a small redirect page in every language of the site, and
`make check` fails when a published address has neither a page nor a recorded move.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from ..files.findings import Finding, PublisherError, display_path
from ..files.locking import source_lock
from ..files.source_transaction import write_sources
from ..files.source_writers import with_entry_appended, with_items_appended
from ..files.yamlsource import load_located_file
from .organisation_entry import ORG_ID
from .organisations import Catalogue, load_catalogue
from .page_names import page_name_problem

ADDRESSES_FILE = "addresses.yml"
REDIRECT_TEMPLATE = "redirect.html"
HEADER = """\
# Every page address each site has published: links to them sit in e-mails, intranet news and
# printed material, so an address never disappears. When a page is renamed, merged or split,
# record the move under `moved` (old base name: new base name, optionally with #anchor); the old
# address then keeps working as a redirect page in every language. `make addresses` adds the
# addresses of new pages to `published`; `make check` fails when one disappears unrecorded.
"""


@dataclass
class SiteAddresses:
    published: list[str] = field(default_factory=list)
    moved: dict[str, str] = field(default_factory=dict)
    line: int = 1
    moved_lines: dict[str, int] = field(default_factory=dict)


@dataclass
class Addresses:
    display: str
    sites: dict[str, SiteAddresses]
    findings: list[Finding]


def addresses_path(catalogue: Catalogue) -> Path:
    return catalogue.docs_dir / ADDRESSES_FILE


def load_addresses(catalogue: Catalogue) -> Addresses:
    path = addresses_path(catalogue)
    display = display_path(path, catalogue.root)
    if not path.is_file():
        return Addresses(display, {}, [])
    try:
        located = load_located_file(path, display)
    except PublisherError as error:
        return Addresses(display, {}, list(error.findings))
    findings: list[Finding] = []
    sites: dict[str, SiteAddresses] = {}
    data = located.data or {}
    if not isinstance(data, dict):
        return Addresses(display, {}, [Finding(display, 1, "expected 'organisation: {published: [...], moved: {}}'")])
    for org_id, entry in data.items():
        org_id = str(org_id)
        line = located.line(org_id)
        if org_id not in catalogue.organisations:
            findings.append(Finding(display, line, f"unknown organisation '{org_id}'; if it was removed, its "
                                                   f"addresses go with it: delete this entry"))
            continue
        if not isinstance(entry, dict):
            findings.append(Finding(display, line, f"'{org_id}' needs 'published: [...]' and 'moved: {{}}'"))
            continue
        published = entry.get("published") or []
        moved = entry.get("moved") or {}
        if not isinstance(published, list) or not all(isinstance(p, str) and ORG_ID.match(p) for p in published):
            findings.append(Finding(display, located.line(org_id, "published"),
                                    "'published' must be a list of page base names like 'gode-raad'"))
            published = []
        if not isinstance(moved, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in moved.items()):
            findings.append(Finding(display, located.line(org_id, "moved"),
                                    "'moved' must map old base names to new ones, e.g. {gammel-side: ny-side}"))
            moved = {}
        moved_lines = {old: located.line(org_id, "moved", old) for old in moved}
        for old, new in list(moved.items()):  # each side becomes an address: the page name rule holds for both
            problem = page_name_problem(old, catalogue.languages) or page_name_problem(new.split("#", 1)[0],
                                                                                        catalogue.languages)
            if problem:
                findings.append(Finding(display, moved_lines[old], f"moved '{old}: {new}' of '{org_id}': {problem}"))
                del moved[old]
        sites[org_id] = SiteAddresses(list(published), dict(moved), line, moved_lines)
    return Addresses(display, sites, findings)


def page_bases(catalogue: Catalogue, org_id: str) -> set[str]:
    org = catalogue.organisation(org_id)
    suffix = f".{org.source_language}.md"
    return {p.name.removesuffix(suffix) for p in catalogue.org_dir(org_id).glob(f"*{suffix}")}


def address_findings(catalogue: Catalogue) -> list[Finding]:
    """Published addresses without a page or a move; moves that lead nowhere; pages not yet recorded."""
    if not addresses_path(catalogue).is_file():
        return []  # a repository that records no addresses yet: `make addresses` starts the record
    addresses = load_addresses(catalogue)
    findings = list(addresses.findings)
    display = addresses.display
    for org_id, site in addresses.sites.items():
        pages = page_bases(catalogue, org_id)
        for old, new in site.moved.items():
            line = site.moved_lines.get(old, site.line)
            target = new.split("#", 1)[0]
            if old in pages:
                findings.append(Finding(display, line, f"'{old}' of '{org_id}' is recorded as moved, but the page "
                                                       f"exists again: remove the move, or rename the page"))
            if target not in pages:
                findings.append(Finding(display, line, f"'{old}' of '{org_id}' moved to '{new}', which is no page: "
                                                       f"point the move at an existing page"))
        for base in site.published:
            if base not in pages and base not in site.moved:
                findings.append(Finding(
                    display, site.line,
                    f"the published address '{base}.html' of '{org_id}' has no page any more: links to it in "
                    f"e-mails and print would break. Record where it went under 'moved' (e.g. '{base}: "
                    f"new-page'), or restore docs/{org_id}/{base}.<language>.md"))
    for org_id in catalogue.ready:  # a draft is not published: its addresses are recorded once it is ready
        site = addresses.sites.get(org_id)
        recorded = set(site.published) if site else set()
        new = sorted(page_bases(catalogue, org_id) - recorded)
        if new:
            findings.append(Finding(display, site.line if site else 1,
                                    f"'{org_id}' has pages whose addresses are not recorded as published: "
                                    f"{', '.join(new)}; run 'make addresses'", "warning"))
    return findings


def redirect_pages(catalogue: Catalogue, org_id: str, language: str) -> dict[str, str]:
    """{'old.html': HTML} for every recorded move of the organisation, for its site in `language`."""
    template = (catalogue.root / "overrides" / REDIRECT_TEMPLATE).read_text(encoding="utf-8")
    site = load_addresses(catalogue).sites.get(org_id)
    pages = {}
    for old, new in (site.moved.items() if site else ()):
        base, _, anchor = new.partition("#")
        href = f"{base}.html" + (f"#{anchor}" if anchor else "")
        pages[f"{old}.html"] = template.replace("{href}", html.escape(href, quote=True)).replace("{lang}", language)
    return pages


def record_addresses(catalogue: Catalogue) -> list[str]:
    """Add every current page to `published` (atomically, with a YAML emitter); the added names."""
    with source_lock(catalogue.docs_dir):  # pages and records as another writer left them
        return _record(load_catalogue(catalogue.docs_dir))


def _record(catalogue: Catalogue) -> list[str]:
    """Only lines are added (names to a `published` list, an entry for a site not yet recorded): the
    editor's comments and layout stay byte for byte, and the result must read back as meant."""
    addresses = load_addresses(catalogue)
    if addresses.findings:
        raise PublisherError(addresses.findings)
    path = addresses_path(catalogue)
    original = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    text = original
    added = []
    for org_id in catalogue.ready:  # a draft is not published yet
        site = addresses.sites.get(org_id)
        fresh = sorted(page_bases(catalogue, org_id) - set(site.published if site else ()))
        refused = [Finding(display_path(page, catalogue.root), 1, problem) for base in fresh
                   for page in sorted(catalogue.org_dir(org_id).glob(f"{base}.*.md"))[:1]
                   if (problem := page_name_problem(base, catalogue.languages))]
        if refused:  # an address once recorded is permanent: only a name that works everywhere is recorded
            raise PublisherError(refused)
        added += [f"{org_id}/{base}" for base in fresh]
        if site is None:
            text = with_entry_appended(text, org_id, {"published": fresh, "moved": {}}, addresses.display, width=100)
        elif fresh:
            text = with_items_appended(text, (org_id, "published"), fresh, addresses.display)
    if text != original or not path.is_file():
        write_sources(catalogue.docs_dir, "make addresses", {path: text})
    return added
