"""`make import ORG=x FILE=doc ADOPT=1 [TOPIC=id] [WORDING=topic/wording]`: what the match report found, adopted.

Each page the import makes is matched (`model/matching.py`) against every section of every shared wording
and every other organisation's own pages in its language. A passage that matches a wording adopts it; one
that matches another body's page (no wording yet) makes a new model text from that page's words, its
names put as blanks (`model/adopting.py`), which both bodies then include. Each body's values, and the
changes that keep its page saying exactly its own document's words, go to docs/_adopted/<org>.yml; the
adoptions to docs/adoptions.yml. A passage that matches two different wordings adopts neither: the
import stops and says how to choose. What this plans, import_document.py writes as one change.
"""

from __future__ import annotations

from pathlib import Path

from ..files.findings import Finding, PublisherError, display_path
from ..files.source_writers import with_entry_appended, with_nested_entry
from ..files.yamlsource import read_text
from ..model.adopted import ADOPTED_DIR, adopted_data, adopted_path
from ..model.adopting import Adaptation, adapt, name_blanks, page_items, span
from ..model.adoptions import ADOPTIONS_FILE
from ..model.matching import Index, Text, markdown_items, names_of
from ..model.organisation_types import Organisation
from ..model.organisations import Catalogue
from ..model.sources import page_name, read_source
from ..model.wordings import blanks_in, sections_of, wording_lines
from .import_model_text import Candidate, Found, Plan, include_line, new_model_texts
from .import_pages import Page

ADOPTED_HEADER = ("# What {org} fills into the model texts it adopts, and its own changes, per language\n"
                  "# (docs/_shared/<topic>/<wording>.<language>.md). Started by make import ADOPT=1.\n")


def _wording_candidates(catalogue: Catalogue, language: str) -> list[Candidate]:
    found = []
    for path in sorted(catalogue.shared_dir.glob(f"*/*.{language}.md")):
        text = read_text(path, display_path(path, catalogue.root))
        for section in sections_of(text) or [None]:
            lines = wording_lines(text, section) or []
            name = f"{display_path(path, catalogue.root)}" + (f":{section}" if section else "")
            found.append(Candidate(Text(name, tuple(markdown_items("\n".join(lines)))), lines, path,
                                   path.parent.name, path.name.split(".")[0], section))
    return found


def _page_candidates(catalogue: Catalogue, org: Organisation, language: str) -> list[Candidate]:
    found = []
    for other in catalogue.organisations.values():
        if other.id == org.id or other.source_language != language:
            continue
        names = names_of(other.name, other.domain, other.title_words)
        for path in sorted(catalogue.org_dir(other.id).glob(f"*.{language}.md")):
            if page_name(path) is None:
                continue
            source = read_source(path, display_path(path, catalogue.root))
            topics = source.front_matter.get("topics")
            title = str(source.front_matter.get("title", ""))
            found.append(Candidate(Text(source.display, tuple(page_items(title, source.body_lines)), names),
                                   source.body_lines, path, org=other, first_line=source.body_line,
                                   topics=tuple(str(t) for t in topics) if isinstance(topics, list) else (),
                                   title=title))
    return found


def _found(pages: list[Page], org: Organisation, candidates: list[Candidate], wording: str | None) -> list[Found]:
    """Every passage of the new pages, with the lines it takes; only WORDING= when it is given."""
    by_name = {c.text.name: c for c in candidates}
    index = Index(c.text for c in candidates)
    names = names_of(org.name, org.domain, org.title_words)
    found = []
    for page in pages:
        items = page_items(page.title, page.lines)
        text = Text(f"docs/{org.id}/{page.base}.{org.source_language}.md", tuple(items), names)
        for passage in index.match(text):
            candidate = by_name[passage.other]
            if wording and candidate.wording and f"{candidate.topic}/{candidate.wording}" != wording:
                continue
            blocks = [mine.block for mine, _ in passage.identical]
            start, end = span(page.lines, items, set(range(min(blocks), max(blocks) + 1)))
            found.append(Found(page, start, end, candidate, passage))
    return found


def _choose(found: list[Found], where: str) -> list[Found]:
    """The passages to adopt: a wording before another body's page, the most identical items first; two
    different wordings for one passage stop the import (nothing is written)."""
    chosen: list[Found] = []
    clashes: list[str] = []
    ranked = sorted(found, key=lambda f: (f.candidate.wording is None, -len(f.passage.identical)))
    for one in ranked:
        rival = next((c for c in chosen if c.overlaps(one)), None)
        if rival is None:
            chosen.append(one)
        elif one.candidate.wording and (rival.candidate.topic, rival.candidate.wording) != (
                one.candidate.topic, one.candidate.wording):
            clashes.append(f"docs/{where}/{one.page.base}: lines {one.start + 1}-{one.end} match "
                           f"'{rival.candidate.topic}/{rival.candidate.wording}' ({len(rival.passage.identical)} items "
                           f"the same) and '{one.candidate.topic}/{one.candidate.wording}' "
                           f"({len(one.passage.identical)})")
    if clashes:
        raise PublisherError([Finding("docs/adoptions.yml", 1, (
            "ADOPT=1 found a passage that matches two different wordings, so it adopted neither and nothing was "
            "changed: " + "; ".join(clashes) + ". Choose the one whose words the document says (make match "
            "FILE=... lists what differs), then run the import again with WORDING=<topic>/<wording>"))])
    return sorted(chosen, key=lambda f: (f.page.base, f.start))


def _adopt_here(plan: Plan, org: Organisation, chosen: list[Found], pages: list[Page]) -> None:
    """The new pages include what they share; their organisation's values, changes and adoptions."""
    position = {id(page): number for number, page in enumerate(pages)}  # the document's order
    forms, names = name_blanks(org), names_of(org.name, org.domain, org.title_words)
    language = org.source_language
    by_wording: dict[tuple[str, str], list[tuple[Found, Adaptation]]] = {}
    for one in chosen:
        candidate = one.candidate
        assert candidate.topic and candidate.wording
        adaptation = adapt(candidate.lines, one.page.lines[one.start:one.end], forms, names)
        if adaptation is None:
            plan.report.append(f"  not adopted: docs/{org.id}/{one.page.base} lines {one.start + 1}-{one.end} "
                               f"(its text cannot be said as changes of {candidate.text.name}); adopt it by hand")
            continue
        by_wording.setdefault((candidate.topic, candidate.wording), []).append((one, adaptation))
    for key, adopted in list(by_wording.items()):
        if _unequal_values(plan, org, key, [adaptation for _, adaptation in adopted]):
            del by_wording[key]
    for one, _ in sorted((pair for adopted in by_wording.values() for pair in adopted), key=lambda p: -p[0].start):
        one.page.lines[one.start:one.end] = [include_line(one.candidate.topic or "", one.candidate.wording or "",
                                                          language, one.candidate.section)]  # from the bottom up
        one.page.topics = list(dict.fromkeys([*one.page.topics, one.candidate.topic or ""]))
    for (topic, wording), adopted in sorted(by_wording.items()):
        adopted.sort(key=lambda pair: (position[id(pair[0].page)], pair[0].start))
        sections = list(dict.fromkeys(one.candidate.section for one, _ in adopted if one.candidate.section))
        values = {key: value for _, adaptation in adopted for key, value in adaptation.values.items()}
        changes = [change for _, adaptation in adopted for change in adaptation.changes]
        where = "; ".join(dict.fromkeys(f"«{one.page.title}»" for one, _ in adopted))
        plan.adoptions.append((topic, wording, org.id, {"where": where, **({"sections": sections} if sections
                                                                            else {})}))
        entry: dict[str, object] = {"values": values, **({"changes": changes} if changes else {})}
        by_language: dict[str, dict[str, object]] = {language: entry}
        english = _english_model(plan, adopted[0][0].candidate.path.with_name(f"{wording}.en.md"))
        if "en" in org.languages and english is not None:
            said = "\n".join(line for section in sections or [None] for line in wording_lines(english, section) or [])
            by_language["en"] = {"values": _english_values(plan, org, topic, wording, values, said)}
        plan.adopted.setdefault(org.id, {})[f"{topic}/{wording}"] = by_language
        plan.report.append(f"  adopted {topic}/{wording} ({', '.join(sections) or 'whole'}) on "
                           f"{', '.join(dict.fromkeys(one.page.base for one, _ in adopted))}: {len(values)} value(s), "
                           f"{len(changes)} change(s)")


def _unequal_values(plan: Plan, org: Organisation, wording: tuple[str, str], adaptations: list[Adaptation]) -> bool:
    """True (and reported) when the passages of one model text fill a blank with different words: one value
    could not say both, so the model text is not adopted."""
    values: dict[str, str] = {}
    for adaptation in adaptations:
        for blank, value in adaptation.values.items():
            if values.setdefault(blank, value) != value:
                plan.report.append(f"  not adopted: {'/'.join(wording)}: '{org.id}' fills [[{blank}]] with "
                                   f"'{values[blank]}' in one place and '{value}' in another; adopt it by hand")
                return True
    return False


def _english_values(plan: Plan, org: Organisation, topic: str, wording: str, values: dict[str, str],
                    english: str) -> dict[str, str]:
    """The English model text's blanks filled with the body's names: a blank named as in its own language, or one
    another adopter fills with the same words in both languages (a name is no translation); the report says
    which the editor must add."""
    same_words: dict[str, str] = {}  # English blank -> the blank of the body's language it equals
    for by_key in plan.adopted_before.get((topic, wording), {}).values():
        mine, theirs = by_key.get(org.source_language, {}), by_key.get("en", {})
        same_words |= {en: key for en, text in theirs.items() for key, value in mine.items() if value == text}
    found = {blank: values[same_words.get(blank, blank)] for blank in blanks_in(english)
             if same_words.get(blank, blank) in values}
    if missing := [blank for blank in blanks_in(english) if blank not in found]:
        plan.report.append(f"  English: add '{org.id}''s English values for {', '.join(f'[[{b}]]' for b in missing)} "
                           f"under {topic}/{wording} → en → values in docs/_adopted/{org.id}.yml (make check reports "
                           f"them until then)")
    return found


def _english_model(plan: Plan, path: Path) -> str | None:
    """The English model text: made by this import, or there already."""
    if path in plan.files:
        return plan.files[path]
    return read_text(path, path.name) if path.is_file() else None


def plan_adoption(catalogue: Catalogue, org: Organisation, pages: list[Page], topic: str | None = None,
                  wording: str | None = None) -> Plan:
    """What ADOPT=1 adopts for the new pages of `org` (their lines changed in place), and the files it writes."""
    plan = Plan()
    language = org.source_language
    candidates = [*_wording_candidates(catalogue, language), *_page_candidates(catalogue, org, language)]
    for adopter in catalogue.organisations:  # what the adopters of each wording fill in, by language
        for (topic_id, wording_id, code), filling in adopted_data(catalogue.docs_dir, adopter).fillings.items():
            plan.adopted_before.setdefault((topic_id, wording_id), {}).setdefault(adopter, {})[code] = filling.values
    chosen = _choose(_found(pages, org, candidates, wording), org.id)
    chosen = new_model_texts(catalogue, chosen, topic, plan)
    _adopt_here(plan, org, chosen, pages)
    for topic_id, wording_id in dict.fromkeys((t, w) for t, w, adopter, _ in plan.adoptions if adopter == org.id):
        english = catalogue.shared_dir / topic_id / f"{wording_id}.en.md"
        if "en" in org.languages and not english.is_file() and english not in plan.files:
            plan.report.append(f"  English: docs/_shared/{topic_id}/{wording_id}.en.md does not exist: the editor must "
                               f"add it (the same sections and blanks) before '{org.id}' can show it in English")
    if not plan.adoptions:
        plan.report.append("  nothing adopted: the document shares no passage with a wording or another "
                           "organisation's pages")
    return plan


def adoption_files(docs_dir: Path, plan: Plan, root: Path) -> dict[Path, str]:
    """docs/adoptions.yml and each docs/_adopted/<org>.yml with the plan's entries added (read back as written)."""
    files: dict[Path, str] = {}
    adoptions = docs_dir / ADOPTIONS_FILE
    text = read_text(adoptions, display_path(adoptions, root)) if adoptions.is_file() else ""
    for topic, wording, org_id, entry in plan.adoptions:
        text = with_nested_entry(text, (topic, wording), org_id, entry, display_path(adoptions, root))
    files[adoptions] = text
    for org_id, entries in sorted(plan.adopted.items()):
        path = adopted_path(docs_dir, org_id)
        display = display_path(path, root)
        text = read_text(path, display) if path.is_file() else ADOPTED_HEADER.format(org=org_id)
        for key, by_language in entries.items():
            text = with_entry_appended(text, key, by_language, display, width=100)
        files[path] = text
    return files


def refuse_invalid_adoption(catalogue: Catalogue, written: dict[Path, str]) -> None:
    """After the files are in place (before the change counts as made): the adoptions and each body's data
    must read without a finding, or the import is undone."""
    if not written:
        return
    findings = list(catalogue.adoptions.findings)
    for path in written:
        if path.parent.name == ADOPTED_DIR:
            findings += adopted_data(catalogue.docs_dir, path.stem).findings
    if findings:
        raise PublisherError(findings)
