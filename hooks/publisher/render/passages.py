"""The Markdown extension that shows a shared wording where a page includes it.

`PassageExtension` expands the includes of `docs/_shared/` wordings (see `publisher.model.adoptions`) for
every engine that renders our Markdown (the site, the PDF, the checks), before pymdownx.snippets. The
text reads as the organisation's document does: no box, no label. A model text that other bodies adopt
too is followed by a discreet note saying so (`PassageNote`), linked to its topic page. No MkDocs import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markupsafe import escape

from ..model.fields import markdown_text
from ..model.markdown_limits import register as register_limits
from ..model.wordings import SHARED_DIR, PassageRef, expand_includes


@dataclass(frozen=True)
class PassageNote:
    """The note under a passage that other bodies adopt too, in the page's language."""

    text: str  # e.g. "Samme modeltekst som Kalundborg Kommune og 12 andre, med lokale ændringer."
    href: str | None  # the topic page, relative to the page; None (the PDF): the note is text only


NOTE_CLASS = "passage-note"


class PassagePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, shared_dir: Path, labels: Any, fill: Any = None) -> None:
        super().__init__(md)
        self.shared_dir = shared_dir
        self.labels = labels  # callable (PassageRef, changed: bool) -> PassageNote | None
        self.fill = fill or None  # callable (PassageRef, lines) -> model.adopted.Filled: the adopter's text

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for item in expand_includes(lines, self.shared_dir, self.fill):
            if isinstance(item, str):
                out.append(item)
            else:
                changed = item.filled is not None and item.filled.changed  # the adopter's own changes
                out.extend(self._expand(item.indent, item.marker, item.body, item.ref, changed))
        return out

    def _expand(self, indent: str, marker: str | None, body: list[str], ref: PassageRef,
                changed: bool) -> list[str]:
        note = self.labels(ref, changed) if self.labels else None
        lines: list[str] = []
        if marker:  # the passage is this list item's text: keep the item, put the passage inside it
            lines += [f"{indent}{marker.rstrip()} ", ""]
            indent += " " * 4
        lines += [f"{indent}{text}" if text.strip() else "" for text in body]
        if note is not None:
            lines += ["", f"{indent}{note_markdown(note)}", f"{indent}{{: .{NOTE_CLASS} }}"]
        return [*lines, ""]


def note_markdown(note: PassageNote) -> str:
    """The note as one line of Markdown: its words as text, its link as inline HTML, which MkDocs leaves
    alone (the topic page is outside the site's pages, so a Markdown link would be reported as broken)."""
    text = markdown_text(note.text)
    return f'<a href="{escape(note.href)}">{text}</a>' if note.href else text


class PassageExtension(Extension):
    """Expands wording includes before pymdownx.snippets sees them (it would drop our notes)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "shared_dir": ["", "docs/_shared"],
            # Not None: Markdown would read a None default as a yes/no setting.
            "labels": ["", "callable(PassageRef, changed: bool) -> PassageNote | None; empty: no notes"],
            "fill": ["", "callable(PassageRef, lines) -> Filled (model.adopted.filler); empty: the model's text"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        shared_dir = Path(self.getConfig("shared_dir") or SHARED_DIR)
        preprocessor = PassagePreprocessor(md, shared_dir, self.getConfig("labels"), self.getConfig("fill"))
        md.preprocessors.register(preprocessor, "guide_passages", 40)
        register_limits(md)  # every engine that shows wordings: the check, the sites, the topic pages


def makeExtension(**kwargs: Any) -> PassageExtension:  # noqa: N802 (Markdown's API)
    return PassageExtension(**kwargs)
