"""Three model texts that every synthetic body of `make bench`'s national figure adopts.

The issue asks for the build of many bodies sharing model texts: each body fills the blanks with its
own name, officer title and domain (docs/_adopted/<org>.yml), and every third body has a local change,
so the build pays for reading, filling and changing as a national repository would. The texts are
made up for the bench (no body's words) and written in Bokmål, Nynorsk and English, the national
languages (`bench_sources.NATIONAL`).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..files.source_writers import plain_yaml

WORDING = "bench-model"
TOPICS = ("official-accounts", "conduct-and-tone", "crisis-communication")
TEXTS = {
    "nb": ("[[navn]] bruker sosiale medier for å nå innbyggerne. Kontoene til [[navn:genitiv]] godkjennes av "
           "[[leder:bestemt]].\n\n- Svar høflig og saklig.\n- Vis til [[domene]] for mer informasjon.\n"
           "- Del ikke opplysninger om enkeltpersoner."),
    "nn": ("[[navn]] brukar sosiale medium for å nå innbyggjarane. Kontoane til [[navn:genitiv]] blir godkjende "
           "av [[leder:bestemt]].\n\n- Svar høfleg og sakleg.\n- Vis til [[domene]] for meir informasjon.\n"
           "- Del ikkje opplysningar om enkeltpersonar."),
    "en": ("[[navn]] uses social media to reach its residents. The accounts of [[navn:genitiv]] are approved by "
           "[[leder:bestemt]].\n\n- Answer politely and to the point.\n- Refer to [[domene]] for more "
           "information.\n- Do not share information about individuals."),
}
TITLES = {"nb": ("rådmannen", "kommunedirektøren"), "nn": ("rådmannen", "kommunedirektøren"),
          "en": ("the chief municipal executive", "the municipal director")}
CHANGE = {"nb": ("Svar høflig og saklig.", "Svar høflig, saklig og innen to dager."),
          "nn": ("Svar høfleg og sakleg.", "Svar høfleg, sakleg og innan to dagar."),
          "en": ("Answer politely and to the point.", "Answer politely, to the point and within two days.")}


def _values(name: str, org_id: str, index: int, language: str) -> dict[str, str]:
    genitive = f"{name}'s" if language == "en" else f"{name}s"
    return {"navn": name, "navn:genitiv": genitive, "leder:bestemt": TITLES[language][index % 2],
            "domene": f"{org_id}.example"}


def write_model_texts(docs: Path, languages: tuple[str, ...]) -> None:
    """The three model texts, one file per topic and language."""
    for topic in TOPICS:
        for language in languages:
            path = docs / "_shared" / topic / f"{WORDING}.{language}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(TEXTS[language] + "\n", encoding="utf-8")


def adopt(docs: Path, org_id: str, name: str, index: int, languages: tuple[str, ...]) -> None:
    """One body adopts the three model texts on its start page, in every language it has a start page in,
    with its own values (and, for every third body, one local change)."""
    data: dict[str, dict[str, dict]] = {}
    for topic in TOPICS:
        data[f"{topic}/{WORDING}"] = {language: {"values": _values(name, org_id, index, language)}
                                      for language in languages}
        if index % 3 == 0:
            for language in languages:
                target, text = CHANGE[language]
                data[f"{topic}/{WORDING}"][language]["changes"] = [{"replace": target, "with": text}]
    (docs / "_adopted").mkdir(exist_ok=True)
    (docs / "_adopted" / f"{org_id}.yml").write_text(plain_yaml(data, allow_unicode=True), encoding="utf-8")
    for page in sorted((docs / org_id).glob("index.*.md")):
        language = page.name.split(".")[1]
        includes = "".join(f'\n--8<-- "{topic}/{WORDING}.{language}.md"\n' for topic in TOPICS)
        page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + "\n" + includes, encoding="utf-8")


def record_adoptions(docs: Path, org_ids: list[str]) -> None:
    """Every body adopts the three model texts (docs/adoptions.yml)."""
    path = docs / "adoptions.yml"
    adoptions = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for topic in TOPICS:
        adoptions.setdefault(topic, {})[WORDING] = {org_id: {"where": "start page (synthetic)"} for org_id in org_ids}
    path.write_text(plain_yaml(adoptions, allow_unicode=True), encoding="utf-8")
