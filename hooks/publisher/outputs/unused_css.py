"""Drop the theme's style rules that no page of a site can use.

mkdocs-material ships one stylesheet for every feature it has (135 KB); a guideline site uses
few of them. A rule is kept when every class its selector names occurs in the site's HTML or
as a word in its JavaScript (the theme adds classes at run time, and they appear there as
strings), so only rules for classes that nothing can ever produce are removed.

The palette stylesheet (12 KB) holds every named colour of the theme, selected by attributes
such as [data-md-color-primary=indigo]. Those attributes are only ever set from the values the
pages' palette settings carry (the theme's toggle copies them onto <body>), so a rule for a
value no page names is dropped too. Every byte here blocks the first paint.

Rules without classes or palette attributes (elements, other attributes, at-rules other than
@media/@supports) are kept as they are.

Every site of a build has the same theme stylesheets, and most sites use the same classes. So a
stylesheet is parsed once per process into its rules, each with the words it needs, and the
pruned text is kept per distinct set of those words that a site has: a further site with the same
classes costs a set intersection and a dictionary look-up.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import tinycss2

CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
# The palette's attributes, in HTML (data-md-color-primary="custom") and in selectors
# ([data-md-color-primary=indigo], quoted or not).
PALETTE_ATTRIBUTE = re.compile(r'(data-md-color-[a-z]+)="([^"]*)"')
PALETTE_SELECTOR = re.compile(r"""\[(data-md-color-[a-z]+)=["']?([^"'\]]*)["']?\]""")
JS_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
THEME_STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
# Stylesheets parsed and prunings computed by this process: what the tests count.
WORK: Counter[str] = Counter()


def class_vocabulary(site: Path) -> set[str]:
    """Every class a page or script of the site can produce, and every palette attribute value
    its pages carry, as "data-md-color-primary=custom"."""
    words: set[str] = set()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        for match in CLASS_ATTRIBUTE.finditer(text):
            words.update(match.group(1).split())
        words.update(f"{name}={value}" for name, value in PALETTE_ATTRIBUTE.findall(text))
    for script in site.rglob("*.js"):
        words |= _script_words(script.read_bytes())
    return words


_SCRIPT_WORDS: dict[str, frozenset[str]] = {}  # by the script's sha256: the theme's scripts are in every site


def _script_words(script: bytes) -> frozenset[str]:
    key = hashlib.sha256(script).hexdigest()
    words = _SCRIPT_WORDS.pop(key, None)
    if words is None:
        words = frozenset(JS_WORD.findall(script.decode("utf-8", errors="replace")))
        if len(_SCRIPT_WORDS) >= ThemeCss.KEEP:  # a site's own scripts (its search data) differ: memory stays bounded
            del _SCRIPT_WORDS[next(iter(_SCRIPT_WORDS))]  # the least recently used
    _SCRIPT_WORDS[key] = words
    return words


def _needs(selector: str) -> frozenset[str]:
    """The words a selector can only match with: its classes and its palette attribute values."""
    return frozenset([*SELECTOR_CLASS.findall(selector),
                      *(f"{name}={value}" for name, value in PALETTE_SELECTOR.findall(selector))])


@dataclass(frozen=True)
class _Rule:
    """A style rule: each selector with the words it needs, and the declarations as written."""

    selectors: tuple[tuple[str, frozenset[str]], ...]
    body: str


@dataclass(frozen=True)
class _Block:
    """@media or @supports: its head ("@media screen") and the rules inside."""

    head: str
    rules: tuple[_Rule | _Block | str, ...]


@dataclass(frozen=True)
class Stylesheet:
    """A stylesheet parsed once: rules to prune (a plain string is a rule kept as it is)."""

    rules: tuple[_Rule | _Block | str, ...]
    vocabulary: frozenset[str]  # every word any selector needs: the only words pruning looks at


def _parsed_rules(rules: list) -> tuple[_Rule | _Block | str, ...]:
    parsed: list[_Rule | _Block | str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = tinycss2.serialize(rule.prelude).split(",")
            parsed.append(_Rule(tuple((s, _needs(s)) for s in selectors), "{" + tinycss2.serialize(rule.content) + "}"))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
            parsed.append(_Block(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", _parsed_rules(inner)))
        elif rule.type != "error":
            parsed.append(tinycss2.serialize([rule]))
    return tuple(parsed)


def _vocabulary(rules: tuple[_Rule | _Block | str, ...]) -> set[str]:
    words: set[str] = set()
    for rule in rules:
        if isinstance(rule, _Rule):
            for _, needs in rule.selectors:
                words |= needs
        elif isinstance(rule, _Block):
            words |= _vocabulary(rule.rules)
    return words


def parse(css: str) -> Stylesheet:
    WORK["css_parses"] += 1
    rules = _parsed_rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))
    return Stylesheet(rules, frozenset(_vocabulary(rules)))


def _kept(rules: tuple[_Rule | _Block | str, ...], words: frozenset[str]) -> list[str]:
    kept = []
    for rule in rules:
        if isinstance(rule, _Rule):
            selectors = [selector for selector, needs in rule.selectors if needs <= words]
            if selectors:
                kept.append(",".join(selectors) + rule.body)
        elif isinstance(rule, _Block):
            inner = _kept(rule.rules, words)
            if inner:
                kept.append(f"{rule.head}{{{''.join(inner)}}}")
        else:
            kept.append(rule)
    return kept


def pruned(stylesheet: Stylesheet, words: set[str] | frozenset[str]) -> str:
    WORK["css_prunings"] += 1
    return "".join(_kept(stylesheet.rules, frozenset(words)))


def drop_unused_rules(css: str, words: set[str]) -> str:
    return pruned(parse(css), words)


class ThemeCss:
    """The theme stylesheets of every site this process builds: each parsed once, each distinct
    pruning computed once. Keyed by the stylesheet's digest, so an edited theme is parsed anew."""

    KEEP = 64  # prunings kept (some 100 KB each), oldest dropped first

    def __init__(self) -> None:
        self._parsed: dict[str, Stylesheet] = {}
        self._pruned: dict[tuple[str, frozenset[str]], str] = {}

    def drop_unused(self, css: str, words: set[str]) -> str:
        digest = hashlib.sha256(css.encode()).hexdigest()
        stylesheet = self._parsed.get(digest)
        if stylesheet is None:
            stylesheet = self._parsed[digest] = parse(css)
        key = (digest, stylesheet.vocabulary & words)  # words no selector names cannot change the result
        if key not in self._pruned:
            if len(self._pruned) >= self.KEEP:  # a worker's memory stays bounded however many sites differ
                del self._pruned[next(iter(self._pruned))]
            self._pruned[key] = pruned(stylesheet, key[1])
        return self._pruned[key]


THEME_CSS = ThemeCss()  # one per process: a build's worker builds many sites


def drop_unused_theme_css(site: Path) -> int:
    """Rewrite the site's theme stylesheets without unusable rules; the bytes saved."""
    words = class_vocabulary(site)
    saved = 0
    for path in (path for pattern in THEME_STYLESHEETS for path in site.glob(pattern)):
        css = path.read_text(encoding="utf-8")
        smaller = THEME_CSS.drop_unused(css, words)
        saved += len(css.encode()) - len(smaller.encode())
        path.write_text(smaller, encoding="utf-8")
    return saved
