"""A new model text from the passages a new document shares with another body's own pages (`make import ...
ADOPT=1`, `import_adopt.py`): that body's words with its names put as blanks, one section per page of it, which
its pages then include in place of their text, filled with its own values (so they read as before).

English: where that body's English page of a section is translated, its text becomes the section's English
model text with the same blanks; where any is missing, the report says what the editor must add.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..files.findings import Finding, PublisherError, display_path
from ..files.source_writers import with_front_matter_key
from ..files.yamlsource import read_text
from ..model.adopting import blanked, name_blanks, shows, span, values_for
from ..model.matching import Passage, Text, markdown_items
from ..model.organisation_types import Organisation
from ..model.organisations import TOPICS_FILE, Catalogue
from ..model.sources import page_name, read_source
from .import_pages import Page


@dataclass(frozen=True)
class Candidate:
    """A text a page may share: one section of a shared wording, or one page of another organisation."""

    text: Text
    lines: list[str]  # the section's lines, or the page's body lines
    path: Path
    topic: str | None = None  # a wording's
    wording: str | None = None
    section: str | None = None
    org: Organisation | None = None  # a page's
    first_line: int = 1  # a page's first body line in its file
    topics: tuple[str, ...] = ()  # a page's front matter topics
    title: str = ""


@dataclass
class Found:
    """One passage of one of the new pages, and what it is shared with."""

    page: Page
    start: int  # the lines of the page it takes (0-based, end exclusive)
    end: int
    candidate: Candidate
    passage: Passage

    def overlaps(self, other: Found) -> bool:
        return self.page is other.page and self.start < other.end and other.start < self.end


@dataclass
class Plan:
    """Every file ADOPT=1 writes besides the new pages (whose lines it changes), and what it reports."""

    files: dict[Path, str] = field(default_factory=dict)  # a new wording, another body's page
    adoptions: list[tuple[str, str, str, dict[str, object]]] = field(default_factory=list)  # topic, wording, org
    adopted: dict[str, dict[str, dict[str, dict[str, object]]]] = field(default_factory=dict)  # org -> key -> lang
    report: list[str] = field(default_factory=list)
    # What each adopter of a wording fills in already: (topic, wording) -> org -> language -> values.
    adopted_before: dict[tuple[str, str], dict[str, dict[str, dict[str, str]]]] = field(default_factory=dict)



def include_line(topic: str, wording: str, language: str, section: str | None) -> str:
    """A page's line that includes a wording (or one section of it)."""
    return f'--8<-- "{topic}/{wording}.{language}.md' + (f":{section}" if section else "") + '"'


def _sectioned(sections: list[tuple[str, list[str]]]) -> str:
    return "\n\n".join(f"--8<-- [start:{name}]\n" + "\n".join(lines) + f"\n--8<-- [end:{name}]"
                       for name, lines in sections) + "\n"


def _topic(catalogue: Catalogue, given: str | None, found: list[Found], other: Organisation) -> str:
    """TOPIC= when given, else the one topic the other body's matched pages name; else the import stops."""
    named = {topic for one in found for topic in one.candidate.topics}
    topic = given or (named.pop() if len(named) == 1 else None)
    if topic is None or topic not in catalogue.topics:
        why = f"TOPIC={given} is not a topic" if given else (
            f"the pages of '{other.id}' it shares name {'no topic' if not named else 'several topics'}")
        raise PublisherError([Finding(f"docs/{TOPICS_FILE}", 1, (
            f"ADOPT=1 makes a new model text of what the document shares with '{other.id}', and {why}, so nothing "
            f"was changed: run the import again with TOPIC=<id>, one of {', '.join(catalogue.topics)}"))])
    return topic


def _wording_id(catalogue: Catalogue, topic: str, other: Organisation) -> str:
    taken = {path.name.split(".")[0] for path in (catalogue.shared_dir / topic).glob("*.md")}
    wording, number = f"{other.id}-model", 2
    while wording in taken:
        wording, number = f"{other.id}-model-{number}", number + 1
    return wording


def _english(catalogue: Catalogue, other: Organisation, kept: list[tuple[Found, int, int]],
             forms: dict[str, str]) -> list[tuple[str, list[str], Path, int]] | None:
    """Each section's English model text from the other body's translated English page, when every section has
    one and covers its whole page: (section, lines, page, first body line); else None."""
    found = []
    for one, start, end in kept:
        path = one.candidate.path.with_name(one.candidate.path.name.replace(f".{other.source_language}.md", ".en.md"))
        body = [line for line in one.candidate.lines if line.strip()]
        if "en" not in other.languages or not path.is_file() or body[:1] != [one.candidate.lines[start]] \
                or body[-1:] != [one.candidate.lines[end - 1]]:
            return None
        source = read_source(path, display_path(path, catalogue.root))
        if source.front_matter.get("untranslated") or not "".join(source.body_lines).strip():
            return None
        lines = list(source.body_lines)
        while lines and not lines[-1].strip():
            lines.pop()
        found.append((_base(path), [blanked(line, forms) for line in lines], path, source.body_line))
    return found


def new_model_texts(catalogue: Catalogue, chosen: list[Found], topic: str | None, plan: Plan) -> list[Found]:
    """Every passage to adopt, each shared with another body's page turned into a section of a new model text of
    that body (written into `plan` with that body's includes, values and adoption)."""
    result = [one for one in chosen if one.candidate.wording]
    by_other: dict[str, list[Found]] = {}
    for one in chosen:
        if one.candidate.org is not None:
            by_other.setdefault(one.candidate.org.id, []).append(one)
    for other_id, found in sorted(by_other.items()):
        result += _model_text(catalogue, catalogue.organisations[other_id], found, topic, plan)
    return result


def _kept(found: list[Found], forms: dict[str, str], plan: Plan) -> list[tuple[Found, int, int]]:
    """The other body's passages that become sections, with their lines: one a page, each read back exactly."""
    kept: list[tuple[Found, int, int]] = []
    for one in sorted(found, key=lambda f: -len(f.passage.identical)):
        candidate = one.candidate
        blocks = [theirs.block for _, theirs in one.passage.identical]
        start, end = span(candidate.lines, list(candidate.text.items), set(range(min(blocks), max(blocks) + 1)))
        model = [blanked(line, forms) for line in candidate.lines[start:end]]
        if any(k[0].candidate.path == candidate.path for k in kept) \
                or shows(model, values_for(forms, "\n".join(model)), []) != candidate.lines[start:end]:
            plan.report.append(f"  not adopted: {candidate.text.name} lines {candidate.first_line + start}-"
                               f"{candidate.first_line + end - 1} (another passage of that page is adopted, or its "
                               f"names cannot be put as blanks); adopt it by hand")
            continue
        kept.append((one, start, end))
    order = {base: number for number, base in enumerate(found[0].candidate.org.nav)} if found[0].candidate.org else {}
    return sorted(kept, key=lambda k: order.get(f"{_base(k[0].candidate.path)}.md", len(order)))


def _base(path: Path) -> str:
    name = page_name(path)
    assert name is not None
    return name[0]


def _with_body(path: Path, first_line: int, body: list[str], root: Path) -> str:
    """The page's text with its body (after the front matter) replaced."""
    lines = read_text(path, display_path(path, root)).split("\n")
    return "\n".join([*lines[:first_line - 1], *body]).rstrip("\n") + "\n"


def _with_topic(text: str, candidate: Candidate, topic: str, root: Path) -> str:
    """The page's front matter naming the model text's topic too (the topic pages list it)."""
    topics = list(dict.fromkeys([*candidate.topics, topic]))
    return text if list(candidate.topics) == topics else \
        with_front_matter_key(text, "topics", topics, display_path(candidate.path, root))


def _model_text(catalogue: Catalogue, other: Organisation, found: list[Found], given: str | None,
                plan: Plan) -> list[Found]:
    forms, language = name_blanks(other), other.source_language
    kept = _kept(found, forms, plan)
    if not kept:
        return []
    topic = _topic(catalogue, given, [one for one, _, _ in kept], other)
    wording = _wording_id(catalogue, topic, other)
    sections = [(_base(one.candidate.path), [blanked(line, forms) for line in one.candidate.lines[start:end]])
                for one, start, end in kept]
    path = catalogue.shared_dir / topic / f"{wording}.{language}.md"
    plan.files[path] = _sectioned(sections)
    adopted: list[Found] = []
    for (section, lines), (one, start, end) in zip(sections, kept, strict=True):
        body = list(one.candidate.lines)
        body[start:end] = [include_line(topic, wording, language, section)]
        plan.files[one.candidate.path] = _with_topic(_with_body(one.candidate.path, one.candidate.first_line, body,
                                                                catalogue.root), one.candidate, topic, catalogue.root)
        name = f"{display_path(path, catalogue.root)}:{section}"
        adopted.append(Found(one.page, one.start, one.end, Candidate(Text(name, tuple(markdown_items(
            "\n".join(lines)))), lines, path, topic, wording, section), one.passage))
    entry: dict[str, dict[str, object]] = {language: {"values": values_for(forms, plan.files[path])}}
    english = _english(catalogue, other, kept, forms)
    if english:
        en_path = path.with_name(f"{wording}.en.md")
        plan.files[en_path] = _sectioned([(section, lines) for section, lines, _, _ in english])
        for section, _, page, first_line in english:
            plan.files[page] = _with_body(page, first_line, [include_line(topic, wording, "en", section)],
                                          catalogue.root)
        entry["en"] = {"values": values_for(forms, plan.files[en_path])}
    elif "en" in other.languages:
        plan.report.append(f"  English: '{other.id}' has no translated English page for every section, so the "
                           f"editor must add docs/_shared/{topic}/{wording}.en.md (the same sections and blanks), "
                           f"its English values under 'en:' in docs/_adopted/{other.id}.yml, and the includes on "
                           f"its English pages; make check reports it until then")
    where = "; ".join(dict.fromkeys(f"«{one.candidate.title}»" for one, _, _ in kept))
    plan.adoptions.append((topic, wording, other.id, {"where": where}))
    plan.adopted.setdefault(other.id, {})[f"{topic}/{wording}"] = entry
    plan.report.append(f"  new model text docs/_shared/{topic}/{wording}.{language}.md from '{other.id}' "
                       f"({', '.join(section for section, _ in sections)}), included on its pages in place of "
                       f"their text: {len(entry[language]['values'])} value(s)")
    return adopted
