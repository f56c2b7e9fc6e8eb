"""Word forms for search: a typed word finds every inflected form, compound and noun/verb pair.

Material's lunr search matches a typed word only as a prefix of an indexed word. This module
gives the search worker (overrides/assets/javascripts/workers/guide-search.js) what it needs to
do better, computed at build time from the committed word-form tables in wordforms/ (made by
wordforms_build.py from Debian's Hunspell dictionaries):

- `families`: the lemmas of this site's words and of the parts of its compounds, each with all
  its inflected forms, so a typed "reglerne" is known to be a form of "regel";
- `expand`: for each such lemma, the words of this site's index that are its forms, compounds
  containing it (head or tail: "risiko" -> "sikkerhedsrisiko") or the noun or verb made from it.

Both are stored in the search index's `config` (`guide_forms`), which Material hands to the
worker as it is: no extra file to load, so it works from file:// as the index does.
"""

from __future__ import annotations

import html
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

TABLE_DIR = Path(__file__).parent / "wordforms"
# Nouns made from verbs: the noun's ending and what replaces it in the verb ("anmodning" -> "anmode").
DERIVATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "da": (("ning", "e"), ("else", "e"), ("ing", "e"), ("sel", "e")),
    "nb": (("ning", "e"), ("else", "e"), ("ing", "e"), ("sel", "e")),
    "en": (("ation", "e"), ("ing", ""), ("ment", "")),
}
MIN_PART = 3  # shortest compound part: "råd" in "rådgivning"
MIN_PART_KNOWN = 4  # in a word the dictionary knows: "ansatte" is not "ans" + "atte"
LINKS = ("s", "e")  # letters joining the parts of a compound: "tavsheds-pligt"
# Endings that the dictionaries also know as words: never a part of a compound ("anvend-else").
NOT_PARTS = frozenset({"else", "ning", "ing", "inger", "hed", "heden", "het", "heten", "sel", "lig", "lige", "elig",
                       "ende", "ene", "erne", "ere", "ers", "est", "este", "ste", "tion"})
TAG = re.compile(r"<[^>]*>")
SEPARATOR = re.compile(r"[\s\-/]+")  # as the search plugin's separator in mkdocs.yml
EDGE = re.compile(r"^[^\w]+|[^\w]+$")
WORD = re.compile(r"^[^\W\d_]+$")


def table_path(language: str) -> Path:
    return TABLE_DIR / f"{language}.txt"


@dataclass
class WordForms:
    """Lemma families of one language: form -> lemmas, lemma -> forms, noun -> verb."""

    families: dict[str, list[str]]
    compounds: bool
    bases: dict[str, str] = field(default_factory=dict)
    form_lemmas: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.form_lemmas:
            index: dict[str, set[str]] = defaultdict(set)
            for lemma, forms in self.families.items():
                index[lemma].add(lemma)
                for form in forms:
                    index[form].add(lemma)
            self.form_lemmas = dict(index)

    @classmethod
    def from_families(cls, families: dict[str, list[str]], compounds: bool) -> WordForms:
        return cls(families, compounds)

    @classmethod
    def parse(cls, text: str) -> WordForms:
        families: dict[str, list[str]] = {}
        bases: dict[str, str] = {}
        compounds = False
        for line in text.splitlines():
            if line.startswith("#"):
                compounds = compounds or "compounds: yes" in line
                continue
            words = line.split()
            if not words:
                continue
            lemma, others = words[0], words[1:]
            if others and others[-1].startswith(">"):
                bases[lemma] = others.pop()[1:]
            families[lemma] = others
        return cls(families, compounds, bases)

    def is_form(self, word: str) -> bool:
        return word in self.form_lemmas

    def lemmas(self, word: str) -> set[str]:
        return set(self.form_lemmas.get(word, ()))

    def keys(self, word: str) -> set[str]:
        """What a word stands for in search: its own lemmas and verbs, and its parts' (own_keys, part_keys)."""
        return self.own_keys(word) | self.part_keys(word)

    def own_keys(self, word: str) -> set[str]:
        """The word's lemmas (itself if unknown) and the verbs its nouns are made from."""
        keys = self.lemmas(word) or {word}
        return keys | {self.bases[key] for key in keys if key in self.bases}

    def part_keys(self, word: str) -> set[str]:
        """The lemmas of the parts of a compound, and their verbs."""
        keys = {lemma for part in self.parts(word) for lemma in self.lemmas(part)}
        return keys | {self.bases[key] for key in keys if key in self.bases}

    def parts(self, word: str) -> list[str]:
        """The parts of a compound ([] if it is none, or the language does not write them as one word)."""
        if not self.compounds:
            return []
        return split_compound(word, self.is_form, MIN_PART_KNOWN if self.is_form(word) else MIN_PART)


@cache
def load_forms(language: str) -> WordForms | None:
    """The committed table of `language`, or None: a language without one searches by prefix only."""
    path = table_path(language)
    return WordForms.parse(path.read_text(encoding="utf-8")) if path.is_file() else None


def split_compound(word: str, is_form: Callable[[str], bool], shortest: int = MIN_PART, depth: int = 3) -> list[str]:
    """The parts of a compound, each a known form, fewest parts first ([] if it is not one)."""
    if depth == 0 or len(word) < 2 * shortest:
        return []
    best: list[str] = []
    for cut in range(len(word) - shortest, shortest - 1, -1):  # longest tail first
        tail = word[cut:]
        if tail in NOT_PARTS or not is_form(tail):
            continue
        head = word[:cut]
        heads = [head] + [head[:-1] for link in LINKS if head.endswith(link) and len(head) > shortest]
        for candidate in heads:
            if candidate in NOT_PARTS:
                continue
            if is_form(candidate):
                return [candidate, tail]
            if not best:
                inner = split_compound(candidate, is_form, shortest, depth - 1)
                if inner:
                    best = [*inner, tail]
    return best


def tokens(text: str) -> list[str]:
    """The words lunr indexes from a title or text (lower case, letters only)."""
    words = []
    for raw in SEPARATOR.split(html.unescape(TAG.sub(" ", text)).lower()):
        word = EDGE.sub("", raw)
        if word and WORD.match(word):
            words.append(word)
    return words


def content_words(docs_dir: Path, language: str) -> set[str]:
    """Every word of the pages and shared passages in `language`, and of its interface labels."""
    words: set[str] = set()
    for path in sorted(docs_dir.rglob(f"*.{language}.md")):
        words.update(tokens(path.read_text(encoding="utf-8")))
    languages = docs_dir / "languages.yml"
    if languages.is_file():
        labels = yaml.safe_load(languages.read_text(encoding="utf-8")).get(language, {})
        words.update(tokens(" ".join(str(value) for value in labels.values())))
    return words


def compact_form(lemma: str, form: str) -> str:
    """A form as the letters it drops from the end of its lemma and what it adds: regel -> "2ler"."""
    common = len(os.path.commonprefix([lemma, form]))
    cut = len(lemma) - common
    return f"{cut}{form[common:]}" if cut else form[common:]


def index_data(forms: WordForms, index_words: Iterable[str], language: str) -> dict[str, object]:
    """The word forms one site's search needs: its lemma families, and which words each lemma finds."""
    own: dict[str, set[str]] = defaultdict(set)  # lemma -> its forms and the nouns/verbs made from it
    parts: dict[str, set[str]] = defaultdict(set)  # lemma -> the compounds containing it
    words = set(index_words)
    for word in words:
        for key in forms.own_keys(word) - {word}:
            own[key].add(word)
        for key in forms.part_keys(word) - {word}:
            parts[key].add(word)
    lemmas = {key for key in (*own, *parts) if key in forms.families} | {
        lemma for word in words for lemma in forms.lemmas(word)}
    families = []
    for lemma in sorted(lemmas):
        # A form that is another form plus "s" (genitive, passive) is left out: typed, it is one
        # letter from that form, and the typo rule finds it. Halves what readers download.
        family = set(forms.families[lemma]) | {lemma}
        shipped = [form for form in forms.families[lemma] if not (form.endswith("s") and form[:-1] in family)]
        entry = " ".join([lemma, *(compact_form(lemma, form) for form in shipped)])
        if lemma in forms.bases:
            entry += f" >{forms.bases[lemma]}"
        families.append(entry)
    return {
        "compounds": forms.compounds,
        "families": "|".join(families),
        "own": {key: " ".join(sorted(found)) for key, found in sorted(own.items())},
        "parts": {key: " ".join(sorted(found)) for key, found in sorted(parts.items())},
        "derivations": [list(pair) for pair in DERIVATIONS.get(language, ())],
        "not_parts": sorted(NOT_PARTS),
        "min_part": MIN_PART,
    }
