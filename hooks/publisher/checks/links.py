"""Links: every link leads to a page, heading or file of the same site, in the same language."""

from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from ..files.browser_urls import browser_address, scheme_of
from ..files.file_kinds import IMAGE_SUFFIXES, PAGE_SUFFIX
from ..model.sources import Source, page_name
from ..render.rendered import Link
from .context import CheckContext, OrgPages

LOADING_TAGS = {"img", "link", "source", "video", "audio", "track", "picture", "input"}
PLACEHOLDER_TARGETS = {"", "#"}
EXTERNAL_SCHEMES = {"http", "https"}


PHONE = re.compile(r"\+?[0-9][0-9 ().-]*")


def _address_problem(target: str, scheme: str, host: str, path: str) -> str | None:
    """An address that leads nowhere, which the sanitizer would pass or drop without a word."""
    if target.startswith("//"):
        return (f"has no scheme: it follows the page's own (and leads nowhere when the site is opened from disk); "
                f"write 'https:{target}'")
    if scheme in EXTERNAL_SCHEMES and not host:
        return "has no host name; write the whole address, e.g. https://www.example.dk/side"
    if scheme == "mailto" and "@" not in path:
        return "has no e-mail address; write mailto:name@example.dk"
    if scheme == "tel" and not PHONE.fullmatch(unquote(path)):
        return "is not a phone number; write tel: and the digits, e.g. tel:+4512345678"
    return None


def check_link(ctx: CheckContext, link: Link, where: Source, page: Source, org_pages: OrgPages,
           language: str) -> None:
    """Report what is wrong with one link of `where` (shown on `page`'s site in `language`), step by step:
    its address as the browser reads it, then the page or file it leads to, then the anchor there."""
    target = browser_address(link.target.strip())  # as the browser reads it: '\x01//host' is '//host'
    if _is_placeholder(ctx, link, where, target) or _loads_from_elsewhere(link, target):
        return
    parts = urlsplit(target)
    if _is_not_relative(ctx, link, where, target, parts):
        return
    path = unquote(parts.path)
    fragment = unquote(parts.fragment)
    if _is_no_image(ctx, link, where, target, path):
        return
    if not path:
        target_page: Source | None = page
        shown = page.display
    else:
        linked = _linked_page(ctx, link, where, target, path, org_pages, language)
        if linked is None:
            return
        target_page, shown = linked
    if target_page is not None and target_page.front_matter.get("untranslated") is True:
        # An untranslated page shows its source page, so the source's anchors are the ones there.
        base = page_name(target_page.path)[0] if page_name(target_page.path) else ""
        target_page = org_pages.page(org_pages.org.source_language, base) or target_page
    if fragment and target_page is not None and target_page.renderable:  # else its own finding comes first
        _check_anchor(ctx, link, where, fragment, target_page, shown)


def _is_placeholder(ctx: CheckContext, link: Link, where: Source, target: str) -> bool:
    """A link written to be filled in later ('#', '', 'todo…'), reported."""
    if target in PLACEHOLDER_TARGETS or target.lower().startswith("todo"):
        ctx.error(where.display, link.line,
                   f"placeholder link '[{link.text}]({target})': link to a real page or heading, "
                   f"or write the words as plain text")
        return True
    return False


def _loads_from_elsewhere(link: Link, target: str) -> bool:
    """An image or other loaded file from another host, as the browser reads the address: the
    sanitizer's finding says so."""
    return (link.is_image or link.from_html in LOADING_TAGS) and bool(
        scheme_of(target) or target[:2].replace("\\", "/") == "//")


def _is_not_relative(ctx: CheckContext, link: Link, where: Source, target: str, parts: SplitResult) -> bool:
    """A link with a scheme, a host or an absolute path: reported when it leads nowhere or breaks when
    the site moves, an external link remembered; True when nothing more is to be checked."""
    scheme = parts.scheme.lower()
    if problem := _address_problem(target, scheme, parts.netloc, parts.path):
        ctx.error(where.display, link.line, f"link '{target}' {problem}")
        return True
    if scheme or target.startswith("//"):
        # Schemes and hosts that may not be used (javascript:, file:, images from elsewhere) are
        # the sanitizer's findings (check_content): one rule for the check and the build.
        if (scheme in EXTERNAL_SCHEMES or target.startswith("//")) and not (
                link.is_image or link.from_html in LOADING_TAGS):
            ctx.report.external_links.append((target, where.display, link.line))
        return True
    if target.startswith("/"):
        ctx.error(where.display, link.line,
                   f"absolute link '{target}' breaks when the site is copied elsewhere; "
                   f"use a relative link such as 'page.md'")
        return True
    return False


def _is_no_image(ctx: CheckContext, link: Link, where: Source, target: str, path: str) -> bool:
    """A page or PDF as an image, reported: a broken image on the site, and the PDF build stops on it."""
    if link.is_image and not path.lower().endswith(IMAGE_SUFFIXES):
        shown_path = path or target
        kind = "page" if path.endswith(PAGE_SUFFIX) else "file"
        ctx.error(where.display, link.line,
                  f"an image must be a picture file ({', '.join(IMAGE_SUFFIXES[:-1])} or {IMAGE_SUFFIXES[-1]}), "
                  f"not '{shown_path}'; link the {kind} with [text]({shown_path}) instead")
        return True
    return False


def _linked_page(ctx: CheckContext, link: Link, where: Source, target: str, path: str, org_pages: OrgPages,
                 language: str) -> tuple[Source, str] | None:
    """The page a relative link leads to, and how to name it in a finding; None when the link is
    reported, or leads to a file (checked here)."""
    org = org_pages.org
    resolved = posixpath.normpath(posixpath.join(org.id, path))
    top = resolved.split("/", 1)[0]
    if top != org.id:
        other = top if top in ctx.catalogue.organisations else None
        reason = (f"points into organisation '{other}'" if other
                  else "points outside this organisation's pages")
        ctx.error(where.display, link.line,
                   f"link '{target}' {reason}; a site can only link to its own pages "
                   f"(link another organisation's site with its full address instead)")
        return None
    relative = resolved.split("/", 1)[1] if "/" in resolved else ""
    if link.from_html == "a" and relative.lower().endswith(".md"):
        # MkDocs rewrites Markdown links to the published page; an HTML <a href> stays as written.
        ctx.error(where.display, link.line,
                  f"<a href=\"{target}\"> would be published as written and lead nowhere (the page is published "
                  f"as .html); write the link in Markdown, [{link.text or 'text'}]({target}), so it is checked "
                  f"and rewritten")
        return None
    if not relative.endswith(".md"):
        if not (ctx.catalogue.docs_dir / resolved).is_file():
            spaced = " (the address holds white space; remove it)" if any(c.isspace() for c in target) else ""
            ctx.error(where.display, link.line,
                       f"link '{target}' points to docs/{resolved}, which does not exist{spaced}")
        return None
    base = _page_base(ctx, link, where, target, relative, language)
    if base is None:
        return None
    target_page = org_pages.page(language, base)
    shown = f"docs/{org.id}/{base}.{language}.md"
    if target_page is None:
        known = ", ".join(f"{b}.md" for b in sorted(org_pages.pages.get(language, {})))
        ctx.error(where.display, link.line,
                   f"link '{target}' points to a page that does not exist in '{org.id}' "
                   f"({ctx.language_name(language)}): no {shown}; pages: {known}")
        return None
    return target_page, shown


def _page_base(ctx: CheckContext, link: Link, where: Source, target: str, relative: str, language: str,
               ) -> str | None:
    """The page's name without its language ('rules' for rules.da.md); None, reported, when the link
    names a page in another language than the page it is on."""
    named = page_name(Path(relative))
    base = relative.removesuffix(".md")
    if named is not None and named[1] in ctx.catalogue.languages:
        base, link_language = named
        if link_language != language:
            ctx.error(where.display, link.line,
                       f"link '{target}' goes to the {ctx.language_name(link_language)} page from a "
                       f"{ctx.language_name(language)} page; write '{base}.md' to stay in this language")
            return None
    return base


def _check_anchor(ctx: CheckContext, link: Link, where: Source, fragment: str, target_page: Source,
                  shown: str) -> None:
    """The anchor '#fragment' is an id of the page the link leads to, or the closest one is suggested."""
    anchors = ctx.rendered(target_page).ids
    if fragment not in anchors:
        close = difflib.get_close_matches(fragment, sorted(anchors), n=1)
        hint = f"; did you mean '#{close[0]}'?" if close else (
            f"; its anchors: {', '.join('#' + a for a in sorted(anchors))}" if anchors else
            "; it has no headings")
        ctx.error(where.display, link.line,
                   f"anchor '#{fragment}' does not exist in {shown}{hint}")
