"""Every deviation from the source document, on record: `docs/_editorial/<organisation>.yml`.

The pages carry the organisation's own words. Where an editor had to change something when the
document became pages (a typo, a placeholder link, a line moved to the facts, an editorial page
title), the change is recorded here, shown to readers on the "about this guideline" page of each
site and printed as an appendix of the PDF.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files.findings import Finding, PublisherError, display_path
from ..files.yamlsource import load_located_file
from .languages import CHANGE_KINDS
from .organisations import Catalogue
from .page_names import PAGE_BASE

EDITORIAL_DIR = "_editorial"


@dataclass(frozen=True)
class EditorialChange:
    kind: str
    page: str | None  # page base name; None: the document as a whole
    original: str  # as the source document has it ("" where something was added)
    published: str  # as the site has it ("" where something was removed)
    line: int
    # What the editor did, in words, per language (`explain: {da: …, en: …}`): "bagside, der gentager
    # forsiden", never an English aside inside the document's quoted words.
    explain: dict[str, str] = field(default_factory=dict)

    def explained_in(self, language: str) -> str | None:
        return self.explain.get(language)

    @property
    def label_key(self) -> str:
        return f"change_{self.kind}"


@dataclass(frozen=True)
class SiteRecord:
    """Something the site's editors did that changed no word of the document (`records:`), such as
    recording its first edition again: told to readers, in each language, on the date it was done."""
    date: dt.date
    text: dict[str, str]  # every language of the organisation
    line: int


@dataclass(frozen=True)
class EditorialRecord:
    org_id: str
    display: str
    changes: tuple[EditorialChange, ...]
    findings: tuple[Finding, ...] = ()
    records: tuple[SiteRecord, ...] = ()


def _site_records(located: Any, display: str, languages: tuple[str, ...], org_id: str,
                  findings: list[Finding]) -> tuple[SiteRecord, ...]:
    """The record's `records:` (optional): each with `date` and `text` in every language."""
    entries = located.data.get("records", [])
    if not isinstance(entries, list):
        findings.append(Finding(display, located.line("records"), "'records' must be a list of {date: YYYY-MM-DD, "
                                                                  "text: {<language>: ...}}"))
        return ()
    records = []
    for index, entry in enumerate(entries):
        line = located.line("records", str(index))
        text = entry.get("text") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(entry.get("date"), dt.date) or set(entry) != {"date", "text"} \
                or not isinstance(text, dict):
            findings.append(Finding(display, line, "a record is {date: YYYY-MM-DD, text: {<language>: ...}}: the "
                                                   "date the editors did it and what they did, in every language"))
            continue
        missing = [code for code in languages if not (_text(text.get(code)) or "").strip()]
        if missing:
            findings.append(Finding(display, located.line("records", str(index), "text"),
                                    f"'text' must say what the editors did in every language of '{org_id}' "
                                    f"({', '.join(languages)}); missing: {', '.join(missing)}"))
            continue
        records.append(SiteRecord(entry["date"], {code: " ".join(text[code].split()) for code in languages}, line))
    return tuple(records)


def editorial_path(catalogue: Catalogue, org_id: str) -> Path:
    return catalogue.docs_dir / EDITORIAL_DIR / f"{org_id}.yml"


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def load_editorial(catalogue: Catalogue, org_id: str) -> EditorialRecord:
    """The organisation's recorded changes; a missing file means none were made."""
    path = editorial_path(catalogue, org_id)
    display = display_path(path, catalogue.root)
    if not path.is_file():
        return EditorialRecord(org_id, display, ())
    try:
        located = load_located_file(path, display)
    except PublisherError as error:
        return EditorialRecord(org_id, display, (), tuple(error.findings))
    findings: list[Finding] = []
    entries = located.data.get("changes") if isinstance(located.data, dict) else None
    if not isinstance(entries, list):
        return EditorialRecord(org_id, display, (), (Finding(display, 1, "expected 'changes:' with a list of "
                                                             "changes (kind, page, original, published)"),))
    org = catalogue.organisation(org_id)
    folder = catalogue.org_dir(org_id)
    changes = []
    for index, entry in enumerate(entries):
        line = located.line("changes", str(index))
        if not isinstance(entry, dict):
            findings.append(Finding(display, line, "each change is a mapping with kind, page, original, published"))
            continue
        kind = entry.get("kind")
        if kind not in CHANGE_KINDS:
            findings.append(Finding(display, located.line("changes", str(index), "kind"),
                                    f"'kind' must be one of {', '.join(CHANGE_KINDS)}, not {kind!r}"))
            continue
        page = entry.get("page")
        # A base name only (no folder, no '..'): the about page links to it as <page>.html beside itself.
        if page is not None and (not isinstance(page, str) or not PAGE_BASE.match(page)
                                 or not (folder / f"{page}.{org.source_language}.md").is_file()):
            findings.append(Finding(display, located.line("changes", str(index), "page"),
                                    f"'page' must be the base name of a page of '{org_id}' (e.g. 'index'), "
                                    f"not {page!r}; leave it out for a change to the whole document"))
            continue
        original, published = _text(entry.get("original", "")), _text(entry.get("published", ""))
        if original is None or published is None or not (original.strip() or published.strip()):
            findings.append(Finding(display, line, "a change needs 'original' (the source's words) and/or "
                                                   "'published' (the site's words), as quoted text"))
            continue
        unknown = sorted(set(entry) - {"kind", "page", "original", "published", "explain"})
        if unknown:
            findings.append(Finding(display, line, f"unknown key(s) {', '.join(unknown)}; a change has kind, page, "
                                                   f"original, published and explain"))
        explain = entry.get("explain") or {}
        missing = [code for code in org.languages if not isinstance(explain, dict)
                   or not _text(explain.get(code)) or not explain[code].strip()]
        if explain and missing:
            findings.append(Finding(display, located.line("changes", str(index), "explain"),
                                    f"'explain' must say what the editor did in every language of '{org_id}' "
                                    f"({', '.join(org.languages)}); missing: {', '.join(missing)}"))
            explain = {}
        changes.append(EditorialChange(kind, page, original.strip(), published.strip(), line,
                                       {str(k): str(v).strip() for k, v in explain.items()}))
    records = _site_records(located, display, org.languages, org_id, findings)
    return EditorialRecord(org_id, display, tuple(changes), tuple(findings), records)
