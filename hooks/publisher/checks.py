"""The checks authors rely on: every reference, every page, every front matter, no unsafe content.

Plain functions over the Markdown sources and `organisations.yml`; they never build a site, so
`make check` runs in about a second and reports every finding in one run. The MkDocs hook
`hooks/checks.py` runs the same functions for the site being built.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .fields import front_matter_problems
from .findings import Finding, display_path
from .organisations import Catalogue, Organisation
from .readability import LANGUAGES as READABILITY_LANGUAGES
from .rendered import LEFTOVER_REFERENCE, Link, PageFacts, facts
from .safe_files import include_problem, org_file_findings, snippet_file_findings
from .sanitize import snippet_texts, unsafe_findings
from .sources import INCLUDE, INCLUDE_LIKE, Include, Source, page_name, read_source

SOURCE_KEYS: dict[str, tuple[type, ...]] = {"title": (str,), "owner": (str,), "review_by": (dt.date,)}
TRANSLATION_KEYS: dict[str, tuple[type, ...]] = {"title": (str,)}
OPTIONAL_KEYS: dict[str, tuple[type, ...]] = {
    "topics": (list,), "hidden": (bool,), "source_hash": (str,), "untranslated": (bool,),
}
TYPE_WORDS = {str: "text", dt.date: "a date written YYYY-MM-DD", list: "a list", bool: "true or false"}
LOADING_TAGS = {"img", "link", "source", "video", "audio", "track", "picture", "input"}
PLACEHOLDER_TARGETS = {"", "#"}
EXTERNAL_SCHEMES = {"http", "https"}


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    external_links: list[tuple[str, str, int]] = field(default_factory=list)  # url, file, line

    @property
    def errors(self) -> list[Finding]:
        return sorted({f for f in self.findings if f.severity == "error"})

    @property
    def warnings(self) -> list[Finding]:
        return sorted({f for f in self.findings if f.severity == "warning"})

    def extend(self, other: CheckReport) -> None:
        self.findings.extend(other.findings)
        self.external_links.extend(other.external_links)


@dataclass
class OrgPages:
    """An organisation's pages by language and base name, as read from its folder."""

    org: Organisation
    pages: dict[str, dict[str, Source]]  # language -> base -> source

    def page(self, language: str, base: str) -> Source | None:
        return self.pages.get(language, {}).get(base)


class _Checker:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.report = CheckReport()
        self._includes: dict[tuple[Path, str], list[Source]] = {}
        self._facts: dict[Path, PageFacts] = {}

    # -- helpers ---------------------------------------------------------------------------

    def display(self, path: Path) -> str:
        return display_path(path, self.catalogue.root)

    def error(self, where: str, line: int, message: str) -> None:
        self.report.findings.append(Finding(where, line, message, "error"))

    def warning(self, where: str, line: int, message: str) -> None:
        self.report.findings.append(Finding(where, line, message, "warning"))

    def language_name(self, code: str) -> str:
        language = self.catalogue.languages.get(code)
        return f"{language.labels['name']} ({code})" if language else code

    def facts(self, source: Source) -> PageFacts:
        """What the engine makes of `source`, once per file and run."""
        key = source.path.resolve()
        if key not in self._facts:
            self._facts[key] = facts(source, self.catalogue.root, self.catalogue.snippets_dir)
        return self._facts[key]

    def read(self, path: Path) -> Source:
        source = read_source(path, self.display(path))
        self.report.findings.extend(source.findings)
        return source

    # -- organisation structure ------------------------------------------------------------

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
            if language not in org.languages:
                self.error(display, 1, f"'{org.id}' is published in {', '.join(org.languages)}, not '{language}'; "
                           f"rename the file or add the language to '{org.id}' in docs/organisations.yml")
                continue
            pages[language][base] = self.read(path)
        return OrgPages(org, pages)

    def check_structure(self, org_pages: OrgPages, languages: Iterable[str]) -> None:
        org = org_pages.org
        source_pages = org_pages.pages[org.source_language]
        nav_bases = []
        for entry, line in zip(org.nav, org.nav_lines, strict=True):
            base = entry.removesuffix(".md")
            nav_bases.append(base)
            if not entry.endswith(".md") or not base or "." in base or "/" in base:
                self.error(self.catalogue.config_display, line,
                           f"nav entry '{entry}' of '{org.id}' must be a page base name like 'tavshedspligt.md'")
            elif base not in source_pages and org.source_language in languages:
                self.error(self.catalogue.config_display, line,
                           f"nav entry '{entry}' of '{org.id}' has no page: create docs/{org.id}/{base}."
                           f"{org.source_language}.md or remove the entry")
        if org.source_language in languages:
            for base, source in source_pages.items():
                if base not in nav_bases and source.front_matter.get("hidden") is not True:
                    self.error(source.display, 1,
                               f"page '{base}.md' is in no nav: add it to 'nav' of '{org.id}' in "
                               f"docs/organisations.yml, or set 'hidden: true' in its front matter")
        for language in org.translations:
            if language not in languages:
                continue
            for base, source in source_pages.items():
                if base not in org_pages.pages[language]:
                    self.error(source.display, 1,
                               f"no {self.language_name(language)} translation: create docs/{org.id}/{base}."
                               f"{language}.md, or create it with 'untranslated: true' in its front matter to "
                               f"show this page with a notice until it is translated")
            for base in source_pages.keys() & org_pages.pages[language].keys():
                self.check_translation_current(org, language, base)
            for base, translation in org_pages.pages[language].items():
                if base not in source_pages:
                    self.error(translation.display, 1,
                               f"translation without a source page: docs/{org.id}/{base}.{org.source_language}.md "
                               f"does not exist; rename this file to match its source page or delete it")

    def check_translation_current(self, org: Organisation, language: str, base: str) -> None:
        from .translations import page_status

        status = page_status(self.catalogue, org.id, language, base)
        where = self.display(status.translation)
        source = self.display(status.source)
        if status.state == "stale":
            self.warning(where, 1, f"stale translation: {source} changed since this was translated; update it, "
                                   f"then run 'make translations MARK={where}'")
        elif status.state == "unreviewed":
            self.warning(where, 1, f"translation has no source_hash: after reviewing it against {source}, "
                                   f"run 'make translations MARK={where}'")

    # -- front matter ----------------------------------------------------------------------

    def check_front_matter(self, source: Source, is_translation: bool) -> None:
        required = TRANSLATION_KEYS if is_translation else SOURCE_KEYS
        allowed = {**SOURCE_KEYS, **OPTIONAL_KEYS}
        data = source.front_matter
        if not data and source.body_line == 1 and not source.findings:
            keys = ", ".join(required)
            self.error(source.display, 1, f"front matter is missing: start the file with '---', the keys {keys}, "
                       f"and '---'")
            return
        if source.findings:
            return  # the front matter did not parse: its error is reported, guesses about keys would mislead
        if not is_translation and "untranslated" in data:
            self.error(source.display, source.key_line("untranslated"),
                       "'untranslated' marks a translation stub; a source page is always published as written "
                       "(and checked): remove the key")
        for key, types in required.items():
            if key not in data:
                self.error(source.display, 1, f"front matter misses the required key '{key}' "
                           f"({TYPE_WORDS[types[0]]})")
        for key, problem in front_matter_problems(data):
            self.error(source.display, source.key_line(key), problem)
        for key, value in data.items():
            line = source.key_line(str(key))
            if key not in allowed:
                close = difflib.get_close_matches(str(key), list(allowed), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(allowed)}"
                self.warning(source.display, line, f"unknown front matter key '{key}'{hint}")
                continue
            types = allowed[key]
            if isinstance(value, bool) and bool not in types or not isinstance(value, types):
                self.error(source.display, line, f"front matter key '{key}' must be {TYPE_WORDS[types[0]]}, "
                           f"not {value!r}")
            elif key == "topics":
                known = self.catalogue.topics
                for topic in value:
                    if not isinstance(topic, str):
                        self.error(source.display, line, f"'topics' must be a list of topic ids, e.g. "
                                                         f"[confidentiality, threats], not {value!r}")
                        break
                    if topic not in known:
                        close = difflib.get_close_matches(str(topic), list(known), n=1)
                        hint = f"did you mean '{close[0]}'?" if close else f"known topics: {', '.join(known)}"
                        self.error(source.display, line, f"unknown topic '{topic}' in 'topics'; {hint} "
                                                         f"(topics are listed in docs/topics.yml)")
            elif isinstance(value, str) and not value.strip():
                self.error(source.display, line, f"front matter key '{key}' is empty; write a value")

    # -- snippets --------------------------------------------------------------------------

    def snippet_path(self, include: Include) -> Path:
        return self.catalogue.snippets_dir / include.file

    def walk_includes(self, source: Source, language: str, stack: tuple[Path, ...] = ()) -> list[Source]:
        """The snippets `source` includes, recursively; reports missing, cyclic, mislanguaged."""
        found: list[Source] = []
        for include in source.includes:
            path = self.snippet_path(include)
            written_language = include.file.split("/", 1)[0] if "/" in include.file else None
            if written_language != language:
                self.error(source.display, include.line,
                           f"snippet '{include.file}' is not in this page's language ({self.language_name(language)}): "
                           f"include '{language}/{include.file.split('/', 1)[-1]}' instead")
            if problem := include_problem(path, self.catalogue.snippets_dir, include.file):
                self.error(source.display, include.line, problem)
                continue
            if not path.is_file():
                available = sorted(p.relative_to(self.catalogue.snippets_dir).as_posix()
                                   for p in (self.catalogue.snippets_dir / language).glob("*.md"))
                self.error(source.display, include.line,
                           f"snippet '{include.file}' does not exist in docs/_snippets/; "
                           f"available in {language}: {', '.join(available) or 'none'}")
                continue
            if path.resolve() in stack or path.resolve() == source.path.resolve():
                chain = " -> ".join([*(self.display(p) for p in stack), source.display, self.display(path)])
                self.error(source.display, include.line,
                           f"include cycle: {chain}; remove one of these includes")
                continue
            snippet = self.read(path)
            if include.section and f"[start:{include.section}]" not in snippet.text:
                self.error(source.display, include.line,
                           f"snippet '{include.file}' has no section '{include.section}': add "
                           f"'--8<-- [start:{include.section}]' and '--8<-- [end:{include.section}]' to it")
            found.append(snippet)
            found.extend(self.walk_includes(snippet, language, (*stack, source.path.resolve())))
        return found

    # -- links and content -----------------------------------------------------------------

    def includes_of(self, page: Source, language: str) -> list[Source]:
        """`walk_includes` once per page and language: links to a page ask for its anchors often."""
        key = (page.path.resolve(), language)
        if key not in self._includes:
            self._includes[key] = self.walk_includes(page, language)
        return self._includes[key]

    def anchors_of(self, page: Source) -> set[str]:
        """The ids of the rendered page: the engine numbers them across the snippets it includes."""
        return self.facts(page).ids

    def check_link(self, link: Link, where: Source, page: Source, org_pages: OrgPages, language: str) -> None:
        target = link.target.strip()
        if target in PLACEHOLDER_TARGETS or target.lower().startswith("todo"):
            self.error(where.display, link.line,
                       f"placeholder link '[{link.text}]({target})': link to a real page or heading, "
                       f"or write the words as plain text")
            return
        parts = urlsplit(target)
        scheme = parts.scheme.lower()
        if scheme or target.startswith("//"):
            # Schemes and hosts that may not be used (javascript:, file:, images from elsewhere) are
            # the sanitizer's findings (check_content): one rule for the check and the build.
            if (scheme in EXTERNAL_SCHEMES or target.startswith("//")) and not (
                    link.is_image or link.from_html in LOADING_TAGS):
                self.report.external_links.append((target, where.display, link.line))
            return
        if target.startswith("/"):
            self.error(where.display, link.line,
                       f"absolute link '{target}' breaks when the site is copied elsewhere; "
                       f"use a relative link such as 'page.md'")
            return
        path = unquote(parts.path)
        fragment = unquote(parts.fragment)
        org = org_pages.org
        if not path:
            target_page: Source | None = page
            shown = page.display
        else:
            resolved = posixpath.normpath(posixpath.join(org.id, path))
            top = resolved.split("/", 1)[0]
            if top != org.id:
                other = top if top in self.catalogue.organisations else None
                reason = (f"points into organisation '{other}'" if other
                          else "points outside this organisation's pages")
                self.error(where.display, link.line,
                           f"link '{target}' {reason}; a site can only link to its own pages "
                           f"(link another organisation's site with its full address instead)")
                return
            relative = resolved.split("/", 1)[1] if "/" in resolved else ""
            if not relative.endswith(".md"):
                if not (self.catalogue.docs_dir / resolved).is_file():
                    self.error(where.display, link.line,
                               f"link '{target}' points to docs/{resolved}, which does not exist")
                return
            named = page_name(Path(relative))
            base = relative.removesuffix(".md")
            if named is not None and named[1] in self.catalogue.languages:
                base, link_language = named
                if link_language != language:
                    self.error(where.display, link.line,
                               f"link '{target}' goes to the {self.language_name(link_language)} page from a "
                               f"{self.language_name(language)} page; write '{base}.md' to stay in this language")
                    return
            target_page = org_pages.page(language, base)
            shown = f"docs/{org.id}/{base}.{language}.md"
            if target_page is None:
                known = ", ".join(f"{b}.md" for b in sorted(org_pages.pages.get(language, {})))
                self.error(where.display, link.line,
                           f"link '{target}' points to a page that does not exist in '{org.id}' "
                           f"({self.language_name(language)}): no {shown}; pages: {known}")
                return
        if target_page is not None and target_page.front_matter.get("untranslated") is True:
            # An untranslated page shows its source page, so the source's anchors are the ones there.
            base = page_name(target_page.path)[0] if page_name(target_page.path) else ""
            target_page = org_pages.page(org.source_language, base) or target_page
        if fragment and target_page is not None:
            anchors = self.anchors_of(target_page)
            if fragment not in anchors:
                close = difflib.get_close_matches(fragment, sorted(anchors), n=1)
                hint = f"; did you mean '#{close[0]}'?" if close else (
                    f"; its anchors: {', '.join('#' + a for a in sorted(anchors))}" if anchors else
                    "; it has no headings")
                self.error(where.display, link.line,
                           f"anchor '#{fragment}' does not exist in {shown}{hint}")

    def check_content(self, where: Source) -> None:
        for leftover in self.facts(where).leftovers:
            written = where.lines[leftover.line - 1]
            if INCLUDE_LIKE.match(written) and not INCLUDE.match(written):
                continue  # reported as an unrecognised include, with how to fix it
            if LEFTOVER_REFERENCE.fullmatch(leftover.text):
                self.error(where.display, leftover.line,
                           f"'{leftover.text}' would be published as text: the reference link has no definition; "
                           f"add a line '[label]: address' or write the link as [text](address)")
            else:
                self.error(where.display, leftover.line,
                           f"'{leftover.text[:50]}' would be published as text, not as markup: an include or a box "
                           f"('!!!') must start at the beginning of its line, or be indented under a list item "
                           f"or box")
        # What the build's sanitizer removes from the rendered page (hooks/sanitize.py), on its line.
        snippets = snippet_texts(where, self.catalogue.snippets_dir)
        for line, message in unsafe_findings(where, self.facts(where).html, snippets):
            self.error(where.display, line, message)

    def check_readability(self, page: Source) -> None:
        from .readability import LONG_SENTENCE_WORDS, measure

        figures = measure(page)
        if figures.very_hard:
            self.warning(page.display, 1, f"readability: LIX {figures.lix:.0f} ({figures.band}); shorter sentences "
                                          f"and shorter words make the page easier to read")
        for line, words in figures.long_sentences:
            self.warning(page.display, line, f"readability: a sentence of {words} words (over "
                                             f"{LONG_SENTENCE_WORDS}); consider splitting it")

    def check_page(self, page: Source, org_pages: OrgPages, language: str) -> None:
        is_translation = language != org_pages.org.source_language
        self.check_front_matter(page, is_translation)
        if language in READABILITY_LANGUAGES:
            self.check_readability(page)
        snippets = self.includes_of(page, language)
        for where in (page, *snippets):
            self.check_content(where)
            for link in self.facts(where).links:
                self.check_link(link, where, page, org_pages, language)

    def check_organisation(self, org: Organisation, languages: Iterable[str] | None = None) -> None:
        languages = list(languages or org.languages)
        self.report.findings.extend(org_file_findings(self.catalogue.org_dir(org.id), self.catalogue.docs_dir,
                                                      self.catalogue.root))  # links out of docs/, file types
        org_pages = self.load_pages(org)
        self.check_structure(org_pages, languages)
        for language in languages:
            for page in org_pages.pages[language].values():
                if page.front_matter.get("untranslated") is True and language != org.source_language:
                    self.check_front_matter(page, is_translation=True)
                    continue
                self.check_page(page, org_pages, language)

    def check_repository(self) -> None:
        for folder in sorted(p for p in self.catalogue.docs_dir.iterdir() if p.is_dir()):
            if folder.name.startswith(("_", ".")) or folder.name in self.catalogue.organisations:
                continue
            self.error(self.display(folder), 1,
                       f"folder docs/{folder.name}/ belongs to no organisation: add '{folder.name}' to "
                       f"docs/organisations.yml or move the folder out of docs/")
        self.report.findings.extend(snippet_file_findings(self.catalogue.snippets_dir, self.catalogue.docs_dir,
                                                          self.catalogue.root))
        for org in self.catalogue.organisations.values():
            self.check_contact(org)
            self.check_organisation(org)

    def check_contact(self, org: Organisation) -> None:
        """What the accessibility statement and the feedback links need (WCAG statement rules)."""
        where = self.catalogue.config_display
        if not org.contact.phone:
            self.warning(where, org.line, f"organisation '{org.id}' has no contact phone: its accessibility "
                                          f"statement must give one; add 'phone' under its 'contact'")
        if not org.contact.email:
            self.warning(where, org.line, f"organisation '{org.id}' has no contact e-mail: its accessibility "
                                          f"statement needs a written contact and its pages get no feedback link; "
                                          f"add 'email' under its 'contact'")
        if org.country == "NO" and not org.statement_url:
            self.warning(where, org.line, f"organisation '{org.id}' has no 'statement_url': link its published "
                                          f"statement at uustatus.no (the service's front page is shown until then)")


def check_all(catalogue: Catalogue) -> CheckReport:
    """Every check over every organisation, language and snippet."""
    checker = _Checker(catalogue)
    checker.check_repository()
    return checker.report


def check_site(catalogue: Catalogue, org_id: str, language: str) -> CheckReport:
    """The checks for one site (one organisation in one language), as the build hook runs them."""
    checker = _Checker(catalogue)
    checker.check_organisation(catalogue.organisation(org_id), [language])
    return checker.report
