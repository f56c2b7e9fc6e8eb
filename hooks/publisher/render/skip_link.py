"""A "skip to content" link on every page that lands where the page's content begins.

The theme renders its skip link only when a page has a second-level heading, and points it at
that heading: pages without one get no skip link (WCAG 2.4.1), and on the others a keyboard
user jumps past the title and the introduction. Works on the built HTML, so it does not depend
on the theme's templates.
"""

from __future__ import annotations

import re
from html import escape

TARGET_ID = "guide-content"
SKIP_BLOCK = re.compile(r'(<div data-md-component="skip">).*?(</div>)', re.DOTALL)
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')


def add_skip_link(html: str, label: str) -> str:
    """`html` with one skip link, to the start of the article; unchanged if it has no article."""
    if not ARTICLE.search(html) or not SKIP_BLOCK.search(html):
        return html
    link = f'<a href="#{TARGET_ID}" class="md-skip">{escape(label)}</a>'
    html = SKIP_BLOCK.sub(lambda m: f"{m.group(1)}{link}{m.group(2)}", html, count=1)
    return ARTICLE.sub(f'<article id="{TARGET_ID}" class="md-content__inner md-typeset"', html, count=1)
