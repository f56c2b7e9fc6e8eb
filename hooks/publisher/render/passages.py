"""The Markdown extension that shows a shared wording where a page includes it.

`PassageExtension` expands the includes of `docs/_shared/` wordings (see `publisher.model.adoptions`) for
every engine that renders our Markdown (the site, the PDF, the checks), before pymdownx.snippets, and
marks each as what it is. No MkDocs import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ..model.fields import markdown_text
from ..model.markdown_limits import register as register_limits
from ..model.wordings import SHARED_DIR, PassageRef, expand_includes


@dataclass(frozen=True)
class PassageLabels:
    """What the box around a passage says, in the page's language; None renders the bare text."""

    title: str  # e.g. "Trusler · tekst fra Kalundborg Kommune"
    shared: str | None  # e.g. "Samme ordlyd bruges også af Moskenes kommune."


class PassagePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, shared_dir: Path, labels: Any, fill: Any = None) -> None:
        super().__init__(md)
        self.shared_dir = shared_dir
        self.labels = labels  # callable (PassageRef) -> PassageLabels | None
        self.fill = fill or None  # callable (PassageRef, lines) -> model.adopted.Filled: the adopter's text

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for item in expand_includes(lines, self.shared_dir, self.fill):
            if isinstance(item, str):
                out.append(item)
            else:
                out.extend(self._expand(item.indent, item.marker, item.body, item.ref))
        return out

    def _expand(self, indent: str, marker: str | None, body: list[str], ref: PassageRef) -> list[str]:
        labels = self.labels(ref) if self.labels else None
        lines: list[str] = []
        if marker:  # the passage is this list item's text: keep the item, put the passage inside it
            lines += [f"{indent}{marker.rstrip()} ", ""]
            indent += " " * 4
        if labels is None:
            return lines + [f"{indent}{text}" if text.strip() else "" for text in body] + [""]
        inner = indent + " " * 4
        title = markdown_text(labels.title).replace('"', "&quot;")  # inside the admonition's quoted title
        lines += [f'{indent}!!! passage "{title}"', ""]
        lines += [f"{inner}{text}" if text.strip() else "" for text in body]
        if labels.shared:
            lines += ["", f"{inner}{markdown_text(labels.shared)}", f"{inner}{{: .passage-shared }}"]
        return [*lines, ""]


class PassageExtension(Extension):
    """Expands wording includes before pymdownx.snippets sees them (it would drop our labels)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "shared_dir": ["", "docs/_shared"],
            # Not None: Markdown would read a None default as a yes/no setting.
            "labels": ["", "callable(PassageRef) -> PassageLabels | None; empty: the bare text"],
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
