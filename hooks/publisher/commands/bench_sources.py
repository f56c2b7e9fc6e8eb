"""The repositories `make bench` builds in: a copy of the real sources, and synthetic organisations made from them.

Apart from the timing (bench.py) and the figures (bench_measures.py) because making a repository of a
hundred or a thousand organisations is its own job, with its own rules for languages and adoptions.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ..files.source_writers import plain_yaml, with_front_matter_key
from ..model.section_topics import SECTION_TOPICS
from . import bench_model_texts


def copy_sources(root: Path, into: Path) -> Path:
    """A repository to build in: the real configuration, code and templates, a copy of docs/."""
    into.mkdir(parents=True)
    for name in ("mkdocs.yml", "requirements.txt"):
        shutil.copy(root / name, into / name)
    for name in ("hooks", "overrides"):
        (into / name).symlink_to(root / name, target_is_directory=True)
    shutil.copytree(root / "docs", into / "docs")
    return into


NATIONAL = ("nb", "nn", "en")  # a Norwegian body publishing in both written standards and English


def synthesise(root: Path, into: Path, count: int, languages: tuple[str, ...] | None = None) -> Path:
    """`count` organisations made from the real ones (round robin), each in two languages.

    With `languages` = NATIONAL, made from the Bokmål organisations (in a repository without one, from
    any, its pages relabelled as Bokmål), each in Bokmål, Nynorsk and English: a missing page (every
    Nynorsk one) and shared wording is its Bokmål text, recorded as a current translation. Every such
    body also adopts the three model texts of `bench_model_texts` with its own values.
    """
    repo = copy_sources(root, into)
    docs = repo / "docs"
    real = yaml.safe_load((root / "docs/organisations.yml").read_text(encoding="utf-8"))["organisations"]
    names = list(real)
    for name in names:
        shutil.rmtree(docs / name)
    if languages:
        # Bodies that write in the first language; in a repository without one (a test's fixture), any
        # body, its pages then relabelled into that language.
        names = [name for name in names if real[name]["languages"][0] == languages[0]] or names
        for model_language in sorted({real[name]["languages"][0] for name in names}):
            for wording in sorted((docs / "_shared").rglob(f"*.{model_language}.md")):
                for language in languages:
                    copy = wording.with_name(wording.name.replace(f".{model_language}.md", f".{language}.md"))
                    if not copy.exists():
                        shutil.copy(wording, copy)
        bench_model_texts.write_model_texts(docs, languages)
    entries = {}
    for index in range(count):
        model = names[index % len(names)]
        org_id = f"synthetic-{index:03d}"
        shutil.copytree(root / "docs" / model, docs / org_id)
        entry = dict(real[model])
        entry["name"] = f"Synthetic organisation {index:03d}"
        entry["languages"] = list(languages) if languages else entry["languages"][:2]
        if languages:
            _relabel(docs / org_id, real[model]["languages"][0], languages[0])
            bench_model_texts.adopt(docs, org_id, entry["name"], index, languages)
            _translations_from_source(docs, docs / org_id, languages)
        entries[org_id] = entry
    # Copies share their model's palette and contact objects: written out in full, never as aliases.
    (docs / "organisations.yml").write_text(plain_yaml({"organisations": entries}, allow_unicode=True),
                                            encoding="utf-8")
    # A copy adopts the shared wordings its model adopted (the real organisations are gone).
    adoptions_file = docs / "adoptions.yml"
    adoptions = yaml.safe_load(adoptions_file.read_text(encoding="utf-8")) or {}
    model_of = {org_id: names[index % len(names)] for index, org_id in enumerate(entries)}
    adoptions = {topic: kept for topic, wordings in adoptions.items() if (kept := {
        wording: _copies_adopting(adopters, model_of)
        for wording, adopters in wordings.items() if set(model_of.values()) & set(adopters)})}
    adoptions_file.write_text(plain_yaml(adoptions, allow_unicode=True), encoding="utf-8")
    if languages:
        bench_model_texts.record_adoptions(docs, list(entries))
    (docs / "addresses.yml").unlink(missing_ok=True)  # the real organisations' addresses went with them
    return repo


def _copies_adopting(adopters: dict, model_of: dict[str, str]) -> dict:
    """A wording's adopters in adoptions.yml, the real organisations replaced by their copies; the topics of its
    sections (`section_topics`, not an organisation) kept as they are."""
    kept = {SECTION_TOPICS: adopters[SECTION_TOPICS]} if SECTION_TOPICS in adopters else {}
    return kept | {org_id: adopters[model] for org_id, model in model_of.items() if model in adopters}


def _relabel(folder: Path, language: str, into: str) -> None:
    """Make the pages in `language` the pages in `into` (their includes too); drop the other languages'."""
    if language == into:
        return
    for page in sorted(folder.glob("*.md")):
        if page.name.endswith(f".{language}.md"):
            text = page.read_text(encoding="utf-8").replace(f".{language}.md", f".{into}.md")
            page.with_name(page.name.replace(f".{language}.md", f".{into}.md")).write_text(text, encoding="utf-8")
        page.unlink()


def _translations_from_source(docs: Path, folder: Path, languages: tuple[str, ...]) -> None:
    """A page in each of `languages[1:]` that has none: its source page's text, marked as a current translation."""
    from ..model.sources import read_source
    from ..model.translations import source_hash

    source_language = languages[0]
    for page in sorted(folder.glob(f"*.{source_language}.md")):
        source = read_source(page, page.name)
        front = {"title": source.front_matter.get("title", ""), "topics": source.front_matter.get("topics", []),
                 "source_hash": source_hash(source, docs / "_shared")}
        body = "\n".join(source.lines[source.body_line - 1:])
        for language in languages[1:]:
            translation = page.with_name(page.name.replace(f".{source_language}.md", f".{language}.md"))
            if not translation.exists():
                text = body.replace(f".{source_language}.md", f".{language}.md")  # its includes, in its language
                translation.write_text(f"---\n{plain_yaml(front, allow_unicode=True)}---\n{text}\n", encoding="utf-8")
            else:  # the model's own translation, now with the model texts too: current as the bench made it
                text = translation.read_text(encoding="utf-8")
                translation.write_text(with_front_matter_key(text, "source_hash", front["source_hash"],
                                                             translation.name), encoding="utf-8")
