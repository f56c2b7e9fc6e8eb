"""One English term per source term: `docs/glossary.yml`, per language pair.

    da-en:
      - {source: [pårørende], en: [relatives]}

An entry lists the forms of a source term (whole words, any case) and the English forms that
translate it. A translation whose source uses one of the source forms but which contains none of
the English forms has drifted from the glossary: `make check` warns (checks/glossary.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..files.findings import Finding, PublisherError, display_path
from ..files.yamlsource import load_located_file

GLOSSARY_FILE = "glossary.yml"
PAIR = re.compile(r"^(?P<source>[a-z]{2})-(?P<target>[a-z]{2})$")


@dataclass(frozen=True)
class GlossaryEntry:
    source: tuple[str, ...]  # forms of the source term, as written in the glossary
    target: tuple[str, ...]  # the translation's forms, any one of which will do
    line: int

    def found_in(self, text: str) -> str | None:
        """The first source form that occurs in `text` (whole word, any case)."""
        return next((form for form in self.source if _pattern(form).search(text)), None)

    def translated_in(self, text: str) -> bool:
        return any(_pattern(form).search(text) for form in self.target)


@dataclass(frozen=True)
class Glossary:
    display: str
    pairs: dict[tuple[str, str], tuple[GlossaryEntry, ...]]  # (source, target language) -> entries
    findings: tuple[Finding, ...] = ()

    def entries(self, source: str, target: str) -> tuple[GlossaryEntry, ...]:
        return self.pairs.get((source, target), ())


@cache
def _pattern(form: str) -> re.Pattern[str]:
    """`form` as a whole word (or words, across a line break), case-insensitive."""
    words = r"\s+".join(re.escape(word) for word in form.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def untranslated(entries: tuple[GlossaryEntry, ...], source_text: str,
                 translation_text: str) -> list[tuple[GlossaryEntry, str]]:
    """The entries whose source term occurs in `source_text` but none of whose translations occurs
    in `translation_text`, each with the source form found."""
    return [(entry, form) for entry in entries
            if (form := entry.found_in(source_text)) is not None and not entry.translated_in(translation_text)]


def _forms(value: object) -> tuple[str, ...] | None:
    """A list of non-empty strings (or one string); None if it is anything else."""
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values:
        return None
    if not all(isinstance(item, str) and item.strip() for item in values):
        return None
    return tuple(item.strip() for item in values)


_READ: dict[tuple[str, bytes, frozenset[str]], Glossary] = {}  # the last glossaries read, by path and bytes


def load_glossary(docs_dir: Path, languages: set[str]) -> Glossary:
    """`docs/glossary.yml`; a missing file is an empty glossary. Bad entries become findings
    (file:line) and are left out; the rest still apply. Read once per content and process: every
    translated site a build worker checks reads it."""
    path = docs_dir / GLOSSARY_FILE
    try:
        key = (str(path.absolute()), path.read_bytes(), frozenset(languages))
    except OSError:  # missing or unreadable: _load_glossary says which
        return _load_glossary(docs_dir, languages)
    if key not in _READ:
        if len(_READ) >= 4:
            del _READ[next(iter(_READ))]
        _READ[key] = _load_glossary(docs_dir, languages)
    return _READ[key]


def _load_glossary(docs_dir: Path, languages: set[str]) -> Glossary:
    path = docs_dir / GLOSSARY_FILE
    display = display_path(path, docs_dir.parent)
    if not path.is_file():
        return Glossary(display, {})
    try:
        located = load_located_file(path, display)
    except PublisherError as error:
        return Glossary(display, {}, tuple(error.findings))
    if located.data is None:
        return Glossary(display, {})
    if not isinstance(located.data, dict):
        return Glossary(display, {}, (Finding(display, 1, "expected language pairs, e.g. 'da-en:', each with a "
                                                          "list of {source: [...], en: [...]}"),))
    findings: list[Finding] = []
    pairs: dict[tuple[str, str], tuple[GlossaryEntry, ...]] = {}
    for key, items in located.data.items():
        key = str(key)
        match = PAIR.match(key)
        if match is None or not {match["source"], match["target"]} <= languages or match["source"] == match["target"]:
            findings.append(Finding(display, located.line(key),
                                    f"'{key}' is not a language pair: write <source>-<target> with two different "
                                    f"languages of docs/languages.yml ({', '.join(sorted(languages))}), e.g. 'da-en'"))
            continue
        target = match["target"]
        if not isinstance(items, list):
            findings.append(Finding(display, located.line(key), f"'{key}' needs a list of entries, each "
                                                                f"{{source: [...], {target}: [...]}}"))
            continue
        entries: list[GlossaryEntry] = []
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            line = located.line(key, str(index))
            if not isinstance(item, dict) or set(item) != {"source", target}:
                findings.append(Finding(display, line, f"an entry of '{key}' has exactly two keys, 'source' and "
                                                       f"'{target}': {{source: [...], {target}: [...]}}"))
                continue
            source, translations = _forms(item["source"]), _forms(item[target])
            if source is None or translations is None:
                which = "source" if source is None else target
                findings.append(Finding(display, located.line(key, str(index), which),
                                        f"'{which}' must list one or more words, e.g. [borger, borgere]"))
                continue
            repeated = [form for form in source if form.lower() in seen]
            if repeated:
                findings.append(Finding(display, line, f"'{repeated[0]}' is already an entry of '{key}' (line "
                                                       f"{seen[repeated[0].lower()]}): a source term has one "
                                                       f"translation; merge the two entries"))
                continue
            seen.update({form.lower(): line for form in source})
            entries.append(GlossaryEntry(source, translations, line))
        pairs[(match["source"], target)] = tuple(entries)
    return Glossary(display, pairs, tuple(findings))
