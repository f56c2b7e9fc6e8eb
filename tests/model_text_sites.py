"""The model-text fixture (tests/fixtures/model-texts/repository/): three fictional bodies adopting one model text.

A helper module, not a test file: `model_text_repo(root)` writes the fixture repository (the real
mkdocs.yml, hooks and overrides, the fixture's docs/) at `root`; `document(org, language)` is what
that body's own document says, as Markdown; `page_sentences` and `document_sentences` compare the two;
`record_edition` keeps an adopter's edition 1 as `make edition` would (without building its PDFs).
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

from conftest import FIXTURE_PAGES, make_repo
from publisher.model.edition_snapshots import snapshot_sources
from publisher.model.matching import markdown_items, sentences
from publisher.model.organisations import load_catalogue

FIXTURE = Path(__file__).parent / "fixtures" / "model-texts" / "repository"
ADOPTERS = {"fjellvik": ("nb", "en"), "strandaa": ("nb", "en"), "haugvik": ("nn", "en")}


def model_text_repo(root: Path, changed: dict[str, str | None] | None = None) -> Path:
    """The fixture repository at `root`, with `changed` files of docs/ (None: left out) over the fixture's."""
    docs = FIXTURE / "docs"
    pages: dict[str, str | None] = dict.fromkeys(FIXTURE_PAGES)  # none of the usual fixture's Testby
    pages |= {str(path.relative_to(docs)): path.read_text(encoding="utf-8")
              for path in sorted(docs.rglob("*")) if path.is_file() and path.name != "organisations.yml"}
    pages |= changed or {}
    return make_repo(root, pages, (docs / "organisations.yml").read_text(encoding="utf-8"))


def document(org_id: str, language: str) -> str:
    return (FIXTURE / "documents" / f"{org_id}.{language}.md").read_text(encoding="utf-8")


class _PageText(HTMLParser):
    """The text blocks (headings, paragraphs, list items) of a page's content, without the labels around a
    passage (its box title, the note on who else uses it), the heading links or a translation's notice."""

    SKIPPED = {"admonition-title", "passage-shared", "passage-note", "headerlink", "guide-translation-notice"}
    BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li"}

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.inside = self.done = False
        self.skipping = 0  # depth inside a skipped element
        self.current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "article":
            self.inside = True
        elif tag in ("nav", "aside") and self.inside:
            self.done = True  # the page facts and the PDF link come after the content
        if not self.inside or self.done:
            return
        if self.skipping or classes & self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self._close()
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCKS:
            self._close()

    def handle_data(self, data: str) -> None:
        if self.current is not None and not self.skipping and not self.done:
            self.current.append(data)

    def _close(self) -> None:
        if self.current is not None and "".join(self.current).strip():
            self.blocks.append(" ".join("".join(self.current).split()))
        self.current = None


def page_sentences(html: str) -> list[str]:
    """Every sentence, list item and heading of a built page's content, in order."""
    parser = _PageText()
    parser.feed(html)
    return [sentence for block in parser.blocks for sentence in sentences(block)]


def document_sentences(markdown: str) -> list[str]:
    """Every sentence, list item and heading of a document written as Markdown, in order."""
    return [" ".join(item.text.split()) for item in markdown_items(markdown)]


def record_edition(root: Path, org_id: str, language: str) -> Path:
    """Edition 1 of `org_id` kept as `make edition` keeps it (the snapshot's files; placeholder PDFs, which
    only the archive copies): its folder."""
    catalogue = load_catalogue(root / "docs")
    org = catalogue.organisation(org_id)
    folder = root / "docs" / "_editions" / org_id
    for relative, source in snapshot_sources(catalogue, org).items():
        (folder / "1" / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / "1" / relative)
    (folder / "1" / "document.yml").write_text(f"title: {org.document.title}\nnav: [index.md]\n", encoding="utf-8")
    (folder / "1" / "pdf").mkdir()
    for code in org.languages:
        (folder / "1" / "pdf" / f"{org_id}-{code}.pdf").write_bytes(b"%PDF-1.7\n% a placeholder\n")
    (folder / "editions.yml").write_text(
        f"editions:\n- number: 1\n  recorded_on: 2026-01-15\n  note: {{{language}: Første utgåve}}\n", encoding="utf-8")
    return folder
