"""What `make check` and the build say about model texts: their blanks, and each adopter's data against them.

- A wording's `[[` or `]]` that is no blank (`wordings.blank_problem`), at the wording's line.
- `docs/_adopted/<org>.yml` for no organisation, or naming a wording the organisation has not adopted
  in `docs/adoptions.yml`, or a language it does not publish or the wording lacks.
- For every wording an organisation adopted and every language it publishes: a blank of the adopted
  sections (or of a change's text) without a value, a value for a blank the wording lacks, a change
  whose target is no sentence, list item or heading of the adopted sections (also after an edit
  of the model text), and the file's own findings (a value that is empty or markup).
"""

from __future__ import annotations

from pathlib import Path

from ..files.findings import Finding, PublisherError, display_path
from ..files.yamlsource import read_text
from .adopted import ADOPTED_DIR, AdopterData, Filling, adopted_data
from .adopted_text import apply_changes, folded
from .adoptions import Adoption, Adoptions
from .organisation_types import Organisation
from .wordings import BLANK, blank_key, blank_problem, blanks_in, wording_lines


def wording_blank_findings(adoptions: Adoptions, root: Path) -> list[Finding]:
    """Every `[[` or `]]` of a wording that is no blank, at its line."""
    findings = []
    for wording in adoptions.wordings.values():
        for path in wording.files.values():
            display = display_path(path, root)
            try:
                text = read_text(path, display)
            except PublisherError:
                continue  # the adoption checks report an unreadable wording
            findings += [Finding(display, number, problem) for number, line in enumerate(text.splitlines(), 1)
                         if "[[" in line or "]]" in line if (problem := blank_problem(line))]
    return findings


def unknown_adopter_findings(docs_dir: Path, org_ids: set[str], root: Path) -> list[Finding]:
    """Files of `docs/_adopted/` that belong to no organisation."""
    folder = docs_dir / ADOPTED_DIR
    if not folder.is_dir():
        return []
    return [Finding(display_path(path, root), 1,
                    f"docs/{ADOPTED_DIR}/ holds one <organisation>.yml per organisation, and '{path.stem}' is no "
                    f"organisation of docs/organisations.yml; rename the file to its organisation's id")
            for path in sorted(folder.iterdir())
            if not path.name.startswith(".") and (path.suffix != ".yml" or path.stem not in org_ids)]


def adopter_findings(docs_dir: Path, adoptions: Adoptions, org: Organisation) -> list[Finding]:
    """The organisation's data against the wordings it adopted, in every language it publishes."""
    data = adopted_data(docs_dir, org.id)
    findings = list(data.findings)
    for (topic, wording), line in data.wording_lines.items():
        if adoptions.adoption(org.id, topic, wording) is None:
            findings.append(Finding(data.display, line, (
                f"'{org.id}' has not adopted '{topic}/{wording}' in {adoptions.display}: record the adoption "
                f"there ('{org.id}: {{where: \"<place in its document>\"}}' under {topic} → {wording}) or remove "
                f"these values")))
    for (topic, wording, language), filling in data.fillings.items():
        adoption = adoptions.adoption(org.id, topic, wording)
        texts = sorted(adoptions.wordings[(topic, wording)].files) if adoption is not None else []
        if adoption is not None and (language not in org.languages or language not in texts):
            why = (f"'{org.id}' does not publish {language} (its languages: {', '.join(org.languages)})"
                   if language not in org.languages else f"the wording has no {language} text ({', '.join(texts)})")
            findings.append(Finding(data.display, filling.line, (
                f"'{language}' under '{topic}/{wording}': {why}; values and changes are given per language of the "
                f"page that includes the wording: remove these or correct the language")))
    for adoption in adoptions.of_organisation(org.id):
        wording = adoptions.wordings[(adoption.topic, adoption.wording)]
        for language in org.languages:
            if language in wording.files:
                findings += _language_findings(adoptions, adoption, data, wording.files[language], language)
    return findings


def _adopted_lines(text: str, adoption: Adoption) -> list[str]:
    sections = adoption.sections or (None,)
    return [line for section in sections for line in (wording_lines(text, section) or []) + [""]]


def _language_findings(adoptions: Adoptions, adoption: Adoption, data: AdopterData, path: Path,
                       language: str) -> list[Finding]:
    """One adopted wording in one language: values and changes against its text."""
    root = adoptions.shared_dir.parent.parent
    display = display_path(path, root)
    try:
        text = read_text(path, display)
    except PublisherError:
        return []  # the adoption checks report it
    name = f"{adoption.topic}/{adoption.wording}"
    filling = data.fillings.get((adoption.topic, adoption.wording, language)) or Filling({}, (), 0)
    findings = []
    applied = apply_changes(_adopted_lines(text, adoption), filling.changes)
    for change in applied.unused:
        findings.append(Finding(data.display, change.line, (
            f"'{change.target}' is no sentence, list item or heading of {display}"
            f"{_sections(adoption)}: write it as the model text does now, blanks included, or remove the change")))
    changed: dict[str, int] = {}
    for change in filling.changes:
        if problem := blank_problem(change.text):
            findings.append(Finding(data.display, change.line, problem))
        first = changed.setdefault(folded(change.target), change.line) if change.kind != "add_after" else change.line
        if first != change.line:
            findings.append(Finding(data.display, change.line, (
                f"'{change.target}' is already replaced or removed by the change on line {first}; keep one of them")))
    needed = blanks_in("\n".join(applied.lines))
    missing = [key for key in needed if key not in filling.value_lines]  # a refused value has its own finding
    if missing:
        where = (data.display, filling.line) if filling.line else (adoptions.display, adoption.line)
        first = min(_first_line(text, key) for key in missing)
        findings.append(Finding(*where, (
            f"'{adoption.org_id}' has no {language} value for {', '.join(f'[[{k}]]' for k in missing)} of '{name}' "
            f"({display}:{first}): add {'it' if len(missing) == 1 else 'them'} under {name} → {language} → values "
            f"in {data.display}, "
            f"e.g. '{missing[0]}: ...'")))
    known = set(blanks_in(text)) | {key for change in filling.changes for key in blanks_in(change.text)}
    for key, line in filling.value_lines.items():
        if key not in known:
            findings.append(Finding(data.display, line, (
                f"'{name}' has no blank [[{key}]] in {display}; its blanks: "
                f"{', '.join(f'[[{k}]]' for k in blanks_in(text)) or 'none'}. Remove the value or correct its name")))
    return findings


def _sections(adoption: Adoption) -> str:
    return f" (section(s) {', '.join(adoption.sections)})" if adoption.sections else ""


def _first_line(text: str, key: str) -> int:
    return next((number for number, line in enumerate(text.splitlines(), 1)
                 if any(blank_key(m) == key for m in BLANK.finditer(line))), 1)
