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
"""

from __future__ import annotations

import re
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
        words.update(JS_WORD.findall(script.read_text(encoding="utf-8", errors="replace")))
    return words


def _usable(selector: str, words: set[str]) -> bool:
    return (all(name in words for name in SELECTOR_CLASS.findall(selector))
            and all(f"{name}={value}" in words for name, value in PALETTE_SELECTOR.findall(selector)))


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
    """Rewrite the site's theme stylesheets without unusable rules; the bytes saved."""
    words = class_vocabulary(site)
    saved = 0
    for path in (path for pattern in THEME_STYLESHEETS for path in site.glob(pattern)):
        css = path.read_text(encoding="utf-8")
        smaller = drop_unused_rules(css, words)
        saved += len(css.encode()) - len(smaller.encode())
        path.write_text(smaller, encoding="utf-8")
    return saved
