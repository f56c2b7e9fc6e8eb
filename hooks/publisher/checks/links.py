"""Links: every link leads to a page, heading or file of the same site, in the same language."""

from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

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
    target = browser_address(link.target.strip())  # as the browser reads it: '\x01//host' is '//host'
    if target in PLACEHOLDER_TARGETS or target.lower().startswith("todo"):
        ctx.error(where.display, link.line,
                   f"placeholder link '[{link.text}]({target})': link to a real page or heading, "
                   f"or write the words as plain text")
        return
    if (link.is_image or link.from_html in LOADING_TAGS) and (
            scheme_of(target) or target[:2].replace("\\", "/") == "//"):
        return  # loaded from another host, as the browser reads the address: the sanitizer's finding says so
    parts = urlsplit(target)
    scheme = parts.scheme.lower()
    if problem := _address_problem(target, scheme, parts.netloc, parts.path):
        ctx.error(where.display, link.line, f"link '{target}' {problem}")
        return
    if scheme or target.startswith("//"):
        # Schemes and hosts that may not be used (javascript:, file:, images from elsewhere) are
        # the sanitizer's findings (check_content): one rule for the check and the build.
        if (scheme in EXTERNAL_SCHEMES or target.startswith("//")) and not (
                link.is_image or link.from_html in LOADING_TAGS):
            ctx.report.external_links.append((target, where.display, link.line))
        return
    if target.startswith("/"):
        ctx.error(where.display, link.line,
                   f"absolute link '{target}' breaks when the site is copied elsewhere; "
                   f"use a relative link such as 'page.md'")
        return
    path = unquote(parts.path)
    fragment = unquote(parts.fragment)
    if link.is_image and not path.lower().endswith(IMAGE_SUFFIXES):
        # A page or PDF as an image: a broken image on the site, and the PDF build stops on it.
        shown_path = path or target
        kind = "page" if path.endswith(PAGE_SUFFIX) else "file"
        ctx.error(where.display, link.line,
                  f"an image must be a picture file ({', '.join(IMAGE_SUFFIXES[:-1])} or {IMAGE_SUFFIXES[-1]}), "
                  f"not '{shown_path}'; link the {kind} with [text]({shown_path}) instead")
        return
    org = org_pages.org
    if not path:
        target_page: Source | None = page
        shown = page.display
    else:
        resolved = posixpath.normpath(posixpath.join(org.id, path))
        top = resolved.split("/", 1)[0]
        if top != org.id:
            other = top if top in ctx.catalogue.organisations else None
            reason = (f"points into organisation '{other}'" if other
                      else "points outside this organisation's pages")
            ctx.error(where.display, link.line,
                       f"link '{target}' {reason}; a site can only link to its own pages "
                       f"(link another organisation's site with its full address instead)")
            return
        relative = resolved.split("/", 1)[1] if "/" in resolved else ""
        if link.from_html == "a" and relative.lower().endswith(".md"):
            # MkDocs rewrites Markdown links to the published page; an HTML <a href> stays as written.
            ctx.error(where.display, link.line,
                      f"<a href=\"{target}\"> would be published as written and lead nowhere (the page is published "
                      f"as .html); write the link in Markdown, [{link.text or 'text'}]({target}), so it is checked "
                      f"and rewritten")
            return
        if not relative.endswith(".md"):
            if not (ctx.catalogue.docs_dir / resolved).is_file():
                spaced = " (the address holds white space; remove it)" if any(c.isspace() for c in target) else ""
                ctx.error(where.display, link.line,
                           f"link '{target}' points to docs/{resolved}, which does not exist{spaced}")
            return
        named = page_name(Path(relative))
        base = relative.removesuffix(".md")
        if named is not None and named[1] in ctx.catalogue.languages:
            base, link_language = named
            if link_language != language:
                ctx.error(where.display, link.line,
                           f"link '{target}' goes to the {ctx.language_name(link_language)} page from a "
                           f"{ctx.language_name(language)} page; write '{base}.md' to stay in this language")
                return
        target_page = org_pages.page(language, base)
        shown = f"docs/{org.id}/{base}.{language}.md"
        if target_page is None:
            known = ", ".join(f"{b}.md" for b in sorted(org_pages.pages.get(language, {})))
            ctx.error(where.display, link.line,
                       f"link '{target}' points to a page that does not exist in '{org.id}' "
                       f"({ctx.language_name(language)}): no {shown}; pages: {known}")
            return
    if target_page is not None and target_page.front_matter.get("untranslated") is True:
        # An untranslated page shows its source page, so the source's anchors are the ones there.
        base = page_name(target_page.path)[0] if page_name(target_page.path) else ""
        target_page = org_pages.page(org.source_language, base) or target_page
    if fragment and target_page is not None and target_page.renderable:  # else its own finding comes first
        anchors = ctx.rendered(target_page).ids
        if fragment not in anchors:
            close = difflib.get_close_matches(fragment, sorted(anchors), n=1)
            hint = f"; did you mean '#{close[0]}'?" if close else (
                f"; its anchors: {', '.join('#' + a for a in sorted(anchors))}" if anchors else
                "; it has no headings")
            ctx.error(where.display, link.line,
                       f"anchor '#{fragment}' does not exist in {shown}{hint}")
