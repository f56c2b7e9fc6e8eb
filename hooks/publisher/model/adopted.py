"""A model text as each adopter says it: its values in the blanks, its own changes applied.

A model text is a shared wording (`docs/_shared/<topic>/<wording>.<lang>.md`, `model/wordings.py`)
with blanks, `[[name]]` or `[[name:form]]`. What an adopter fills in and what it changes is its own
data, one file per organisation, per wording and per language of the page that includes it:

    # docs/_adopted/fjellvik.yml
    presence/fjellvik-model:
      nb:
        values: {kommune: Fjellvik kommune, "kommune:genitiv": Fjellvik kommunes}
        changes:
          - replace: "Ivareta [[kommune:genitiv]] omdømme."
            with: "Ivareta og bygge [[kommune:genitiv]] omdømme."
          - remove: "Vi svarer innen to virkedager."
          - add_after: "Facebook brukes til informasjon."
            text: "Instagram brukes til bilder fra kommunen."

API (plain data and functions; no MkDocs):

- `adopted_data(docs_dir, org_id) -> AdopterData`: `docs/_adopted/<org>.yml` read (cached while the
  file is unchanged); an organisation without the file has no data. `data.findings`: what is wrong
  in the file itself (shape, a value that is empty or markup); `model/adopted_checks.py` checks it
  against the wordings and `docs/adoptions.yml`.
- `fill(data, ref, model) -> Filled`: one include (`PassageRef`, whose language is the page's) of a
  wording's lines (`wordings.wording_lines`):
  - `filled.model`: the model's lines, blanks visible (`[[kommune]]`);
  - `filled.lines`: the Markdown the page gets: changes applied, then each blank filled with its value
    as literal text (`fjellvik\\.kommune\\.no`: a value is text, never Markdown);
  - `filled.parts`: each sentence, list item and heading in order, a `Part` with `kind` ("same",
    "replaced", "removed", "added"), `model` (the model's words, blanks visible), `was` (the model's
    words with this adopter's values), `text` (this adopter's words) and `block` (which heading,
    paragraph or list of the include); each is the Markdown of one sentence or item, for `<del>`/`<ins>`;
  - `filled.changed`: some part is not "same" (the adopter has local changes here).
- `filler(docs_dir, org_id, file=None)`: the function `wordings.expand_includes` takes to fill every
  include of that organisation's pages from `docs/_adopted/<org>.yml`, or from `file`: an edition's
  snapshot fills from its own copy (`adopted.yml` there), so an archived edition never depends on
  today's data. Each `wordings.Expanded` it yields then carries its `Filled` as `.filled`.

A wording without blanks, included by an organisation without data, gives its lines unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..files.findings import Finding, PublisherError, display_path
from ..files.yamlsource import Located, load_located_file
from .adopted_text import Change, Part, apply_changes
from .fields import markdown_text, plain_text_problem
from .wordings import BLANK, PassageRef, fill_blanks

ADOPTED_DIR = "_adopted"
SNAPSHOT_ADOPTED = "adopted.yml"  # in an edition's snapshot folder: the data as it was approved
CHANGE_KEYS = {"replace": "with", "remove": None, "add_after": "text"}


@dataclass(frozen=True)
class Filling:
    """What one organisation fills into one wording in one language, and changes in it."""

    values: dict[str, str]
    changes: tuple[Change, ...]
    line: int  # of the language key
    value_lines: dict[str, int] = field(default_factory=dict)  # every value written, also one refused


@dataclass(frozen=True)
class AdopterData:
    org_id: str
    display: str  # docs/_adopted/<org>.yml
    fillings: dict[tuple[str, str, str], Filling]  # (topic, wording, language)
    wording_lines: dict[tuple[str, str], int]  # (topic, wording) -> its line
    findings: tuple[Finding, ...] = ()

    def filling(self, ref: PassageRef) -> Filling | None:
        return self.fillings.get((ref.topic, ref.wording, ref.language))


@dataclass(frozen=True)
class Filled:
    """One include as an adopter's page says it (see the module's API)."""

    ref: PassageRef
    model: list[str]
    lines: list[str]
    parts: tuple[Part, ...]

    @property
    def changed(self) -> bool:
        return any(part.kind != "same" for part in self.parts)


def fill(data: AdopterData | None, ref: PassageRef, model: list[str]) -> Filled:
    filling = data.filling(ref) if data is not None else None
    values = filling.values if filling else {}
    applied = apply_changes(model, filling.changes if filling else ())
    literal = {key: markdown_text(value) for key, value in values.items()}  # a value is text, never Markdown
    parts = tuple(Part(kind, text, fill_blanks(text, literal), fill_blanks(new, literal), block)
                  for kind, text, new, block in applied.parts)
    return Filled(ref, list(model), [fill_blanks(line, literal) for line in applied.lines], parts)


def adopted_path(docs_dir: Path, org_id: str) -> Path:
    return docs_dir / ADOPTED_DIR / f"{org_id}.yml"


def filler(docs_dir: Path, org_id: str, file: Path | None = None) -> Callable[[PassageRef, list[str]], Filled]:
    """Fills each include of `org_id`'s pages from `file` (default `docs/_adopted/<org>.yml`)."""
    path = file or adopted_path(docs_dir, org_id)
    return lambda ref, model: fill(adopted_file(path, docs_dir.parent, org_id), ref, model)


def adopted_data(docs_dir: Path, org_id: str) -> AdopterData:
    return adopted_file(adopted_path(docs_dir, org_id), docs_dir.parent, org_id)


def adopted_file(path: Path, root: Path, org_id: str) -> AdopterData:
    """`path` read as an adopter's data (cached while unchanged); no file: no data."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return AdopterData(org_id, display_path(path, root), {}, {})
    return _load(path.resolve(), root.resolve(), org_id, (stat.st_mtime_ns, stat.st_size))


@cache
def _load(path: Path, root: Path, org_id: str, stamp: tuple[int, int]) -> AdopterData:
    display = display_path(path, root)
    try:
        located = load_located_file(path, display)
    except PublisherError as error:
        return AdopterData(org_id, display, {}, {}, tuple(error.findings))
    reading = _Reading(located, [])
    fillings: dict[tuple[str, str, str], Filling] = {}
    lines: dict[tuple[str, str], int] = {}
    data = located.data if located.data is not None else {}
    if not isinstance(data, dict):
        reading.error((), "expected '<topic>/<wording>: {<language>: {values: {...}, changes: [...]}}'")
        data = {}
    for name, by_language in data.items():
        topic, _, wording = str(name).partition("/")
        lines[(topic, wording)] = located.line(str(name))
        if not (topic and wording) or not isinstance(by_language, dict):
            reading.error((str(name),), f"'{name}' must be '<topic>/<wording>' mapping each language to its "
                                        f"values and changes, e.g. 'presence/fjellvik-model: {{nb: {{values: ...}}}}'")
            continue
        for language, entry in by_language.items():
            keys = (str(name), str(language))
            filling = reading.filling(keys, entry)
            if filling is not None:
                fillings[(topic, wording, str(language))] = filling
    return AdopterData(org_id, display, fillings, lines, tuple(reading.findings))


@dataclass
class _Reading:
    located: Located
    findings: list[Finding]

    def error(self, keys: tuple[str, ...], message: str) -> None:
        self.findings.append(Finding(self.located.path, self.located.line(*keys), message))

    def filling(self, keys: tuple[str, ...], entry: Any) -> Filling | None:
        if not isinstance(entry, dict) or set(entry) - {"values", "changes"}:
            self.error(keys, f"'{keys[1]}' under '{keys[0]}' holds 'values:' (blank: value) and 'changes:' (a list), "
                             f"nothing else")
            return None
        values = entry.get("values") or {}
        if not isinstance(values, dict):
            self.error((*keys, "values"), "'values' maps each blank to its text, e.g. 'kommune: Fjellvik kommune'")
            values = {}
        good = {str(k): v for k, v in values.items() if self.value_ok((*keys, "values", str(k)), v)}
        changes = entry.get("changes") or []
        if not isinstance(changes, list):
            self.error((*keys, "changes"), "'changes' is a list of '- replace: ... with: ...', '- remove: ...' "
                                           "or '- add_after: ... text: ...'")
            changes = []
        found = [c for i, raw in enumerate(changes) if (c := self.change((*keys, "changes", str(i)), raw))]
        return Filling({k: str(v).strip() for k, v in good.items()}, tuple(found), self.located.line(*keys),
                       {str(k): self.located.line(*keys, "values", str(k)) for k in values})

    def value_ok(self, keys: tuple[str, ...], value: Any) -> bool:
        blank = keys[-1]
        if not BLANK.fullmatch(f"[[{blank}]]"):
            self.error(keys, f"'{blank}' names no blank: write the blank's name, or name:form, as the wording "
                             f"does (e.g. 'kommune:genitiv' for [[kommune:genitiv]])")
            return False
        text = "" if value is None else str(value)
        problem = "is empty" if not text.strip() else plain_text_problem(text)
        if problem is None and ("[[" in text or "]]" in text):
            problem = "contains '[[' or ']]'; a value is the text itself"
        if problem:
            self.error(keys, f"the value of [[{blank}]] {problem}; a value is plain text, e.g. Fjellvik kommune")
        return problem is None

    def change(self, keys: tuple[str, ...], raw: Any) -> Change | None:
        kinds = [k for k in CHANGE_KEYS if isinstance(raw, dict) and k in raw]
        with_key = CHANGE_KEYS[kinds[0]] if len(kinds) == 1 else None
        allowed = {kinds[0], with_key} - {None} if len(kinds) == 1 else set()
        if len(kinds) != 1 or set(raw) != allowed:
            self.error(keys, "a change is '- replace: <sentence> with: <new text>', '- remove: <sentence>' or "
                             "'- add_after: <sentence> text: <new sentence>', one per item of the list")
            return None
        texts = [raw[kinds[0]]] + ([raw[with_key]] if with_key else [])
        for text in texts:
            problem = "is empty" if not isinstance(text, str) or not text.strip() else plain_text_problem(text)
            if problem:
                self.error(keys, f"the change's text {problem}; write the sentence or list item as plain text")
                return None
        return Change(kinds[0], texts[0].strip(), texts[1].strip() if with_key else "", self.located.line(*keys))
