"""The text of each file `make import` writes besides the document's own: a page's Markdown, an untranslated
page, organisations.yml with the new nav, the editorial record; each read back before it is written.

Apart from import_document.py so that the files' formats are read in one place, away from the order
the import writes them in.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..files.findings import display_path
from ..files.yamlsource import load_located_file
from .import_pages import Page, Removal

HEADER = ("# Editorial changes made when {name}'s document became these pages (shown on each site's\n"
          "# \"about this guideline\" page and in the PDF appendix). Started by make import.\n")


def page_markdown(page: Page) -> str:
    front = {"title": page.title, "topics": page.topics}  # no owner: a document names none by being imported
    lines = page.lines[:-1] if page.lines and page.lines[-1] == "" else page.lines
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + \
        "\n".join(lines) + "\n"


def untranslated_markdown(page: Page) -> str:
    return "---\n" + yaml.safe_dump({"title": page.title, "untranslated": True}, allow_unicode=True,
                                    sort_keys=False, width=1000) + "---\n"


def organisations_with_nav(text: str, org_id: str, nav: list[str]) -> str:
    """organisations.yml with only `nav:` of `org_id` replaced (comments stay), read back to prove it."""
    root = yaml.compose(text)
    entry = _mapping_value(_mapping_value(root, "organisations"), org_id)
    key, value = next((k, v) for k, v in entry.value if k.value == "nav")
    emitted = yaml.safe_dump({"nav": nav}, default_flow_style=True, width=10000, allow_unicode=True).strip()
    new = text[:key.start_mark.index] + emitted.removeprefix("{").removesuffix("}") + text[value.end_mark.index:]
    expected = yaml.safe_load(text)
    expected["organisations"][org_id]["nav"] = nav
    if yaml.safe_load(new) != expected:
        raise ValueError("the new nav did not read back as written")
    return new


def _mapping_value(node: yaml.Node, key: str) -> yaml.Node:
    return next(v for k, v in node.value if k.value == key)


def editorial_yaml(existing: Path, name: str, removals: list[Removal]) -> str:
    changes: list[object] = []
    if existing.is_file():  # read as the checks read it: a tag or a foreign encoding is a finding with its line
        data = load_located_file(existing, display_path(existing, existing.parents[2])).data
        changes = (data.get("changes") if isinstance(data, dict) else None) or []
    for removal in removals:
        change = {"kind": removal.kind, **({"page": removal.page} if removal.page else {}),
                  "original": removal.original, "published": removal.published}
        if change not in changes:
            changes.append(change)
    text = HEADER.format(name=name) + yaml.safe_dump({"changes": changes}, allow_unicode=True, sort_keys=False,
                                                     width=100)
    if yaml.safe_load(text) != {"changes": changes}:
        raise ValueError("the editorial record did not read back as written")
    return text
