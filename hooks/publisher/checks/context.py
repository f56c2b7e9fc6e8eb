"""What every check shares: the catalogue, the report it adds findings to, and per-run caches."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files.findings import Finding, PublisherError, display_path
from ..files.yamlsource import read_text
from ..model.markdown_limits import LIMITS_WHERE
from ..model.organisation_types import Organisation
from ..model.organisations import Catalogue
from ..model.page_names import page_name_problem
from ..model.sources import Source, page_name, read_source
from ..model.wordings import INCLUDE_MARK
from ..render.rendered import RenderedPage, rendered_page

# What the engine made of a text that includes nothing, by its path, text, and the repository: read-only.
_RENDERED_ALONE: dict[tuple[Any, ...], RenderedPage] = {}


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    external_links: list[tuple[str, str, int]] = field(default_factory=list)  # url, file, line
    coverage: list[str] = field(default_factory=list)  # per organisation with a kept source document
    unapproved: list[str] = field(default_factory=list)  # per organisation whose text changed after its edition

    @property
    def errors(self) -> list[Finding]:
        return sorted({f for f in self.findings if f.severity == "error"})

    @property
    def warnings(self) -> list[Finding]:
        return sorted({f for f in self.findings if f.severity == "warning"})

    def extend(self, other: CheckReport) -> None:
        self.findings.extend(other.findings)
        self.external_links.extend(other.external_links)
        self.coverage.extend(other.coverage)
        self.unapproved.extend(other.unapproved)


@dataclass
class OrgPages:
    """An organisation's pages by language and base name, as read from its folder."""

    org: Organisation
    pages: dict[str, dict[str, Source]]  # language -> base -> source

    def page(self, language: str, base: str) -> Source | None:
        return self.pages.get(language, {}).get(base)


class CheckContext:
    """One run of checks: findings go to `report`; rendered pages and includes are computed once."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.report = CheckReport()
        self.includes: dict[tuple[Path, str], list[Source]] = {}
        self._rendered: dict[Path, RenderedPage] = {}

    def display(self, path: Path) -> str:
        return display_path(path, self.catalogue.root)

    def error(self, where: str, line: int, message: str) -> None:
        self.report.findings.append(Finding(where, line, message, "error"))

    def warning(self, where: str, line: int, message: str) -> None:
        self.report.findings.append(Finding(where, line, message, "warning"))

    def language_name(self, code: str) -> str:
        language = self.catalogue.languages.get(code)
        return f"{language.labels['name']} ({code})" if language else code

    def rendered(self, source: Source) -> RenderedPage:
        """What the engine makes of `source`, once per file and run; a text that includes nothing (a shared
        wording: every site that adopted it checks it) once per process."""
        key = source.path.resolve()
        alone = None if re.search(INCLUDE_MARK, source.text) else (key, source.text, source.body_line,
                                                                     self.catalogue.root, self.catalogue.shared_dir)
        if alone in _RENDERED_ALONE:
            self._rendered[key] = _RENDERED_ALONE[alone]
        if key not in self._rendered:
            if not source.renderable:
                self._rendered[key] = RenderedPage(set(), [], [], [])  # refused before rendering: it would take minutes
                return self._rendered[key]
            try:
                self._rendered[key] = rendered_page(source, self.catalogue.root, self.catalogue.shared_dir)
            except PublisherError as error:  # an included wording that cannot be read or rendered fast
                self.report.findings += [finding if finding.path != LIMITS_WHERE else
                                         Finding(source.display, 1, f"with its included wordings: {finding.message}")
                                         for finding in error.findings]
                self._rendered[key] = RenderedPage(set(), [], [], [])
            except UnicodeDecodeError:  # the snippets extension read an included file that is not UTF-8
                self.report.findings += self._undecodable_includes(source)
                self._rendered[key] = RenderedPage(set(), [], [], [])
            except Exception as error:  # noqa: BLE001 (the engine failed on this page: a finding, not a traceback)
                self.error(source.display, 1, f"the Markdown engine could not read this page ({type(error).__name__}: "
                                              f"{error}); simplify the text around what was changed last, and "
                                              f"please report this")
                self._rendered[key] = RenderedPage(set(), [], [], [])
            if alone is not None and self._rendered[key].html:  # rendered without findings: the same for every run
                if len(_RENDERED_ALONE) >= 256:
                    del _RENDERED_ALONE[next(iter(_RENDERED_ALONE))]
                _RENDERED_ALONE[alone] = self._rendered[key]
        return self._rendered[key]

    def _undecodable_includes(self, source: Source) -> list[Finding]:
        findings = []
        for include in source.includes:
            path = self.catalogue.shared_dir / include.file
            try:
                read_text(path, self.display(path))
            except PublisherError as error:
                findings += [Finding(source.display, include.line, f"the included {finding.path} cannot be read "
                                                                   f"(see {finding.path}:{finding.line}); fix it there")
                             for finding in error.findings]
        return findings or [Finding(source.display, 1, "an included file is not UTF-8 text; save it with UTF-8 "
                                                       "encoding")]

    def read(self, path: Path) -> Source:
        source = read_source(path, self.display(path))
        self.report.findings.extend(source.findings)
        return source

    def load_pages(self, org: Organisation) -> OrgPages:
        folder = self.catalogue.org_dir(org.id)
        pages: dict[str, dict[str, Source]] = {code: {} for code in org.languages}
        for path in sorted(folder.rglob("*.md")):
            display = self.display(path)
            if path.parent != folder:
                self.error(display, 1, f"pages live directly in docs/{org.id}/; move this file there")
                continue
            name = page_name(path)
            if name is None:
                self.error(display, 1, f"a page file is named <page>.<language>.md, e.g. "
                           f"{path.stem}.{org.source_language}.md; rename it")
                continue
            base, language = name
            if problem := page_name_problem(base, self.catalogue.languages):
                self.error(display, 1, problem)
                continue
            if language not in org.languages:
                self.error(display, 1, f"'{org.id}' is published in {', '.join(org.languages)}, not '{language}'; "
                           f"rename the file or add the language to '{org.id}' in docs/organisations.yml")
                continue
            pages[language][base] = self.read(path)
        return OrgPages(org, pages)
