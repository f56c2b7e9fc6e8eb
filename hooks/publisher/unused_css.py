"""Drop the theme's style rules that no page of a site can use.

mkdocs-material ships one stylesheet for every feature it has (135 KB); a guideline site uses
few of them. A rule is kept when every class its selector names occurs in the site's HTML or
as a word in its JavaScript (the theme adds classes at run time, and they appear there as
strings), so only rules for classes that nothing can ever produce are removed. Rules without
classes (elements, attributes, at-rules other than @media/@supports) are kept as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
JS_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
THEME_STYLESHEETS = "assets/stylesheets/main.*.min.css"


def class_vocabulary(site: Path) -> set[str]:
    words: set[str] = set()
    for page in site.rglob("*.html"):
        for match in CLASS_ATTRIBUTE.finditer(page.read_text(encoding="utf-8", errors="replace")):
            words.update(match.group(1).split())
    for script in site.rglob("*.js"):
        words.update(JS_WORD.findall(script.read_text(encoding="utf-8", errors="replace")))
    return words


def _usable(selector: str, words: set[str]) -> bool:
    return all(name in words for name in SELECTOR_CLASS.findall(selector))


def _kept_rules(rules: list, words: set[str]) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in tinycss2.serialize(rule.prelude).split(",") if _usable(s, words)]
            if selectors:
                kept.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _kept_rules(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True),
                                words)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type != "error":
            kept.append(tinycss2.serialize([rule]))
    return kept


def drop_unused_rules(css: str, words: set[str]) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return "".join(_kept_rules(rules, words))


def drop_unused_theme_css(site: Path) -> int:
    """Rewrite the site's theme stylesheet without unusable rules; the bytes saved."""
    words = class_vocabulary(site)
    saved = 0
    for path in site.glob(THEME_STYLESHEETS):
        css = path.read_text(encoding="utf-8")
        smaller = drop_unused_rules(css, words)
        saved += len(css.encode()) - len(smaller.encode())
        path.write_text(smaller, encoding="utf-8")
    return saved
