"""Regenerate the word-form tables in hooks/publisher/wordforms/ from Debian's Hunspell dictionaries.

    apt-get install hunspell-da hunspell-no hunspell-en-us
    make wordforms                 # or: PYTHONPATH=hooks python -m publisher.commands.wordforms

Only this script needs the system dictionaries; `make site` reads the committed tables. A table
holds, for every word of our content (all organisations, one language) and every part of its
compounds, the word's lemma and all the lemma's inflected forms, expanded from the dictionary's
affix rules. Rerun it after adding content with new words; add a language in DICTIONARIES.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..render.search_forms import (
    DERIVATIONS,
    TABLE_DIR,
    WordForms,
    content_words,
    table_path,
)

HUNSPELL_DIR = Path("/usr/share/hunspell")
# Our language code -> (Hunspell dictionary, whether the language writes compounds as one word).
DICTIONARIES: dict[str, tuple[str, bool]] = {
    "da": ("da_DK", True),
    "nn": ("nn_NO", True),
    "nb": ("nb_NO", True),
    "en": ("en_US", False),
}
# Regular endings for words the dictionary lacks ("requests" -> "request"), by language.
REGULAR_ENDINGS: dict[str, tuple[str, ...]] = {"en": ("s", "es", "ed", "ing")}
WORD = re.compile(r"^[^\W\d_]+$")


@dataclass
class Affix:
    strip: str
    add: str
    condition: re.Pattern[str]
    continuation: tuple[str, ...]


@dataclass
class Dictionary:
    suffixes: dict[str, list[Affix]] = field(default_factory=dict)
    need_affix: str | None = None
    only_in_compound: str | None = None
    forbidden: str | None = None
    flag_mode: str = "char"

    def flags(self, text: str) -> tuple[str, ...]:
        if not text:
            return ()
        if self.flag_mode == "num":
            return tuple(text.split(","))
        if self.flag_mode == "long":
            return tuple(text[i:i + 2] for i in range(0, len(text), 2))
        return tuple(text)


def _encoding(aff: Path) -> str:
    for line in aff.read_bytes().splitlines():
        if line.startswith(b"SET "):
            return line.split()[1].decode("ascii").replace("ISO8859", "ISO-8859")
    return "utf-8"


def read_affixes(aff: Path) -> tuple[Dictionary, str]:
    encoding = _encoding(aff)
    dictionary = Dictionary()
    lines = aff.read_text(encoding=encoding, errors="replace").splitlines()
    for line in lines:
        parts = line.split()
        if len(parts) == 2 and parts[0] == "FLAG":
            dictionary.flag_mode = parts[1] if parts[1] in ("num", "long") else "char"
        elif len(parts) >= 2 and parts[0] == "NEEDAFFIX":
            dictionary.need_affix = parts[1]
        elif len(parts) >= 2 and parts[0] == "ONLYINCOMPOUND":
            dictionary.only_in_compound = parts[1]
        elif len(parts) >= 2 and parts[0] == "FORBIDDENWORD":
            dictionary.forbidden = parts[1]
    for line in lines:
        parts = line.split()
        # SFX flag strip add[/flags] condition; the header line has "Y|N count" instead.
        if len(parts) < 5 or parts[0] != "SFX" or parts[2] in ("Y", "N") and parts[3].isdigit():
            continue
        flag, strip, add_spec, condition = parts[1], parts[2], parts[3], parts[4]
        add, _, continuation = add_spec.partition("/")
        dictionary.suffixes.setdefault(flag, []).append(Affix(
            strip="" if strip == "0" else strip,
            add="" if add == "0" else add,
            condition=re.compile(("" if condition == "." else condition) + "$"),
            continuation=dictionary.flags(continuation),
        ))
    return dictionary, encoding


def _apply(dictionary: Dictionary, word: str, flags: tuple[str, ...], depth: int = 0) -> set[str]:
    forms: set[str] = set()
    for flag in flags:
        for affix in dictionary.suffixes.get(flag, ()):
            if affix.strip and not word.endswith(affix.strip):
                continue
            if not affix.condition.search(word):
                continue
            form = word[: len(word) - len(affix.strip)] + affix.add
            if dictionary.only_in_compound in affix.continuation:
                continue
            forms.add(form)
            if depth == 0 and affix.continuation:
                forms |= _apply(dictionary, form, affix.continuation, 1)
    return forms


def expand(name: str) -> dict[str, set[str]]:
    """Every lemma of a Hunspell dictionary with its inflected forms (lower case, letters only)."""
    dictionary, encoding = read_affixes(HUNSPELL_DIR / f"{name}.aff")
    families: dict[str, set[str]] = defaultdict(set)
    lines = (HUNSPELL_DIR / f"{name}.dic").read_text(encoding=encoding, errors="replace").splitlines()[1:]
    for line in lines:
        entry = line.split("\t", 1)[0].strip()
        if not entry:
            continue
        word, _, flag_text = entry.partition("/")
        flags = dictionary.flags(flag_text)
        if dictionary.forbidden in flags or dictionary.only_in_compound in flags:
            continue
        lemma = word.lower()
        if not WORD.match(lemma):
            continue
        forms = {f.lower() for f in _apply(dictionary, word, flags)}
        if dictionary.need_affix not in flags:
            forms.add(lemma)
        families[lemma] |= {f for f in forms if WORD.match(f)}
    return families


def build_table(root: Path, language: str) -> str:
    name, compounds = DICTIONARIES[language]
    families = expand(name)
    lexicon = WordForms.from_families({lemma: sorted(forms) for lemma, forms in families.items()}, compounds)
    words = content_words(root / "docs", language)
    for word in sorted(words):
        endings = REGULAR_ENDINGS.get(language, ())
        if word in lexicon.form_lemmas or not endings:
            continue
        base = next((word[: -len(e)] for e in endings if word.endswith(e) and word[: -len(e)] in words), word)
        families[base] |= {base, word, *(base + e for e in endings)}
        lexicon.form_lemmas.setdefault(word, set()).add(base)
        lexicon.form_lemmas.setdefault(base, set()).add(base)
    lemmas: set[str] = set()
    for word in sorted(words):
        for key in lexicon.lemmas(word):
            lemmas.add(key)
        for part in lexicon.parts(word):
            lemmas |= lexicon.lemmas(part)
    derived: dict[str, str] = {}
    for lemma in sorted(lemmas):  # noun from verb: "anmodning" -> "anmode", "beskyttelse" -> "beskytte"
        for suffix, replacement in DERIVATIONS.get(language, ()):
            base = lemma[: -len(suffix)] + replacement if lemma.endswith(suffix) else ""
            if len(base) > 3 and base in families and base != lemma:
                derived[lemma] = base
                lemmas.add(base)
                break
    lines = [f"# {language}: word forms from Hunspell {name} ({HUNSPELL_DIR}), restricted to the words of docs/.",
             "# Regenerate: make wordforms. One lemma a line: lemma, then its other forms; '>base' links a noun",
             f"# to the verb it is made from. compounds: {'yes' if compounds else 'no'}"]
    for lemma in sorted(lemmas):
        others = sorted(families.get(lemma, set()) - {lemma})
        link = [f">{derived[lemma]}"] if lemma in derived else []
        lines.append(" ".join([lemma, *others, *link]))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("languages", nargs="*", default=list(DICTIONARIES))
    args = parser.parse_args(argv)
    for language in args.languages:
        name, _ = DICTIONARIES[language]
        if not (HUNSPELL_DIR / f"{name}.dic").is_file():
            print(f"error: {HUNSPELL_DIR / name}.dic not found: apt-get install hunspell-da hunspell-no "
                  "hunspell-en-us", file=sys.stderr)
            return 1
        text = build_table(args.root, language)
        path = table_path(language)
        TABLE_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(args.root) if path.is_relative_to(args.root) else path}: "
              f"{text.count(chr(10)) - 3} lemmas, {len(text.encode()) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
