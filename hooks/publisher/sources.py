"""Reading Markdown sources the way the build will: front matter, headings, links, includes.

Every item keeps the line it was written on (counting the front matter), so a finding can send
the author to the exact place. Fenced code blocks are skipped: their content is not markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pymdownx.slugs import slugify

from .findings import Finding, PublisherError
from .yamlsource import load_located

FRONT_MATTER_FENCE = "---"
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ATTR_ID = re.compile(r"\{[^}]*#([\w\-:.]+)[^}]*\}")
TRAILING_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")
INCLUDE = re.compile(r"^(\s*)(;?)--8<--\s+(['\"])(.+?)\3\s*$")
INCLUDE_BLOCK = re.compile(r"^\s*--8<--\s*$")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
# [text](target "title") and ![alt](target); target may be <wrapped> or empty.
INLINE_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*(\S+)")
AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
HTML_TAG = re.compile(r"<([a-zA-Z][\w-]*)(\s[^<>]*?)?/?>")
HTML_ATTR = re.compile(r"([\w:-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
HTML_ID = re.compile(r"<[a-zA-Z][^>]*\sid\s*=\s*[\"']([^\"']+)[\"']")
PAGE_NAME = re.compile(r"^(?P<base>[^.]+)\.(?P<lang>[a-z]{2})\.md$")

_slug = slugify(case="lower")


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    text: str
    is_image: bool = False
    from_html: str | None = None  # the HTML tag it came from, if any


@dataclass(frozen=True)
class Include:
    line: int
    path: str  # as written, e.g. "da/confidentiality.md" or "da/x.md:section"
    escaped: bool = False

    @property
    def file(self) -> str:
        """The snippet file, without a `:section` or `:1:3` line-range suffix."""
        return self.path.split(":", 1)[0]

    @property
    def section(self) -> str | None:
        parts = self.path.split(":")
        if len(parts) == 2 and not parts[1].isdigit():
            return parts[1]
        return None


@dataclass(frozen=True)
class HtmlTag:
    line: int
    name: str
    attributes: dict[str, str]


@dataclass
class Source:
    """One Markdown file: a page of an organisation or a shared snippet."""

    path: Path
    display: str
    text: str
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_lines: dict[tuple[str, ...], int] = field(default_factory=dict)
    body_line: int = 1  # the first line after the front matter
    findings: list[Finding] = field(default_factory=list)
    headings: list[tuple[int, int, str, str]] = field(default_factory=list)  # line, level, text, id
    anchors: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    includes: list[Include] = field(default_factory=list)
    html: list[HtmlTag] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def key_line(self, key: str) -> int:
        return self.front_matter_lines.get((key,), 1)


def strip_inline_markup(text: str) -> str:
    """Heading text as the toc extension sees it, before slugifying."""
    text = TRAILING_ATTRS.sub("", text)
    text = INLINE_LINK.sub(lambda m: m.group(2), text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*\*|__|\*|_|~~|`)", "", text)
    return text.strip()


def heading_id(text: str, used: dict[str, int]) -> str:
    """The id the toc extension gives a heading: explicit `{#id}`, else a unique slug."""
    explicit = ATTR_ID.search(text)
    if explicit and TRAILING_ATTRS.search(text):
        return explicit.group(1)
    slug = _slug(strip_inline_markup(text), "-")
    if slug in used:
        used[slug] += 1
        return f"{slug}_{used[slug]}"
    used[slug] = 0
    return slug


def _split_front_matter(source: Source) -> str | None:
    lines = source.text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in (FRONT_MATTER_FENCE, "..."):
            source.body_line = index + 2
            return "\n".join(lines[1:index])
    source.findings.append(Finding(
        source.display, 1, "front matter starts with '---' but is never closed; add a line '---' after it"
    ))
    return None


def _read_front_matter(source: Source) -> None:
    block = _split_front_matter(source)
    if block is None:
        return
    try:
        located = load_located(block, source.display, line_offset=1)
    except PublisherError as error:
        source.findings.extend(error.findings)
        return
    if located.data is None:
        return
    if not isinstance(located.data, dict):
        source.findings.append(Finding(source.display, 2, "front matter must be a mapping of keys to values"))
        return
    source.front_matter = located.data
    source.front_matter_lines = located.lines


def _scan_body(source: Source) -> None:
    lines = source.text.splitlines()
    in_fence: str | None = None
    in_include_block = False
    used_slugs: dict[str, int] = {}
    for index in range(source.body_line - 1, len(lines)):
        number = index + 1
        line = lines[index]
        fence = FENCE.match(line)
        if in_fence:
            if fence and fence.group(1)[0] == in_fence[0] and len(fence.group(1)) >= len(in_fence):
                in_fence = None
            continue
        if fence:
            in_fence = fence.group(1)
            continue
        if INCLUDE_BLOCK.match(line):
            in_include_block = not in_include_block
            continue
        if in_include_block:
            if line.strip() and not line.strip().startswith(";"):
                source.includes.append(Include(number, line.strip()))
            continue
        include = INCLUDE.match(line)
        if include:
            source.includes.append(Include(number, include.group(4), escaped=bool(include.group(2))))
            continue
        heading = HEADING.match(line)
        if heading:
            text = heading.group(2)
            anchor = heading_id(text, used_slugs)
            source.headings.append((number, len(heading.group(1)), strip_inline_markup(text), anchor))
            source.anchors.add(anchor)
        elif (explicit := ATTR_ID.search(line)) and TRAILING_ATTRS.search(line):
            source.anchors.add(explicit.group(1))
        source.anchors.update(HTML_ID.findall(line))
        code_free = INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
        for match in INLINE_LINK.finditer(code_free):
            target = match.group(3).strip("<>")
            source.links.append(Link(number, target, match.group(2), is_image=match.group(1) == "!"))
        for match in AUTOLINK.finditer(code_free):
            source.links.append(Link(number, match.group(1), match.group(1)))
        definition = REFERENCE_DEFINITION.match(code_free)
        if definition:
            source.links.append(Link(number, definition.group(2).strip("<>"), definition.group(1)))
        for match in HTML_TAG.finditer(code_free):
            attributes = {
                name.lower(): value.strip("\"'") for name, value in HTML_ATTR.findall(match.group(2) or "")
            }
            tag = HtmlTag(number, match.group(1).lower(), attributes)
            source.html.append(tag)
            for attribute in ("href", "src"):
                if attribute in attributes:
                    source.links.append(Link(
                        number, attributes[attribute], "", is_image=tag.name == "img", from_html=tag.name
                    ))


@cache
def _read_cached(path: Path, display: str, mtime_ns: int, size: int) -> Source:
    source = Source(path, display, path.read_text(encoding="utf-8"))
    _read_front_matter(source)
    _scan_body(source)
    return source


def read_source(path: Path, display: str) -> Source:
    """Parse a Markdown file (cached on its modification time, for repeated checks)."""
    stat = path.stat()
    return _read_cached(path, display, stat.st_mtime_ns, stat.st_size)


def parse_text(text: str, display: str = "page.md") -> Source:
    """Parse Markdown text that is not (yet) a file; for tests and previews."""
    source = Source(Path(display), display, text)
    _read_front_matter(source)
    _scan_body(source)
    return source


def page_name(path: Path) -> tuple[str, str] | None:
    """(`base`, `lang`) for `base.lang.md`, else None."""
    match = PAGE_NAME.match(path.name)
    return (match.group("base"), match.group("lang")) if match else None
