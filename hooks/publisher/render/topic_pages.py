"""Portal pages per topic: what each organisation's guideline says about it, side by side.

For an editor drafting a new guideline: every wording of the topic (docs/_shared/), in each
organisation's own words, with who adopted it and where its document says it, linked to the page
that shows it; and the organisations that only mention the topic (front-matter `topics:`).
One page per topic and language an organisation publishes in: a wording is shown in that language where
it exists, else in the language its organisation wrote it in, marked with `lang`. A section of another
topic's model text that is about this topic (`section_topics` in docs/adoptions.yml) shows here too, alone,
with the adopters of that section, under a link to the model text's own topic page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import markdown

from ..model.adoptions import Adoption, Wording
from ..model.organisations import Catalogue
from ..model.sources import page_name, read_source
from ..model.wordings import PassageRef
from .markdown_extensions import markdown_settings
from .model_texts import AdopterText, adopter_language, adopter_text, blanks_shown, filled_text, model_lines
from .sanitize import sanitize

TOPIC_TEMPLATE = "portal/topic.html"
TOPICS_DIR = "topics"


@dataclass
class Adopter:
    org_id: str
    name: str
    where: str
    where_lang: str
    pages: list[tuple[str, str]]  # (title, href from the topic page)
    # Its other pages on the topic (front matter `topics:`), where its own words on it stand outside the
    # shared wording: Moskenes' "taushetsbelagte temaer" beside its paragraph on the duty of confidentiality.
    also: list[tuple[str, str]] = field(default_factory=list)
    text: AdopterText | None = None  # its values and changes, where the model text is shared


@dataclass
class WordingView:
    id: str
    lang: str
    html: str  # a shared model text with its blanks shown; a text one body uses, as it says it
    adopters: list[Adopter]
    anchor: str  # its id on the page: the wording's, or its topic's, wording's and section's
    part_of: tuple[str, str] | None = None  # a section's: (its model text's topic name, href of that topic page)

    @property
    def shared(self) -> bool:
        return len(self.adopters) > 1


@dataclass
class TopicView:
    id: str
    name: str
    wordings: list[WordingView] = field(default_factory=list)
    mentions: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # org name, pages


def topic_page_name(topic: str, language: str) -> str:
    return f"{TOPICS_DIR}/{topic}.{language}.html"


def _site_href(catalogue: Catalogue, org_id: str, language: str, base: str) -> str:
    org = catalogue.organisation(org_id)
    shown = language if language in org.languages else org.source_language
    folder = org_id if shown == org.source_language else f"{org_id}/{shown}"
    return f"../{folder}/{base}.html"


def pages_on_topic(catalogue: Catalogue, org_id: str, topic: str, wording: str | None = None,
                   tagged: bool = False) -> list[str]:
    """Base names, in nav order, of the organisation's pages that include a wording of `topic`
    (only `wording`, if given) or, with `tagged`, list the topic in their front matter."""
    org = catalogue.organisation(org_id)
    found = []
    for entry in org.nav:
        base = entry.removesuffix(".md")
        path = catalogue.org_dir(org_id) / f"{base}.{org.source_language}.md"
        if not path.is_file() or page_name(path) is None:
            continue
        source = read_source(path, path.name)
        refs = [ref for include in source.includes if (ref := PassageRef.parse(include.path)) is not None]
        if any(ref.topic == topic and wording in (None, ref.wording) for ref in refs) or (
                tagged and topic in (source.front_matter.get("topics") or [])):
            found.append(base)
    return found


def _linked_pages(catalogue: Catalogue, org_id: str, bases: list[str], language: str) -> list[tuple[str, str]]:
    """(title, href) of each page, titled in `language` where the site has it."""
    org = catalogue.organisation(org_id)
    shown = language if language in org.languages else org.source_language
    found = []
    for base in bases:
        path = catalogue.org_dir(org_id) / f"{base}.{shown}.md"
        if not path.is_file():
            path = catalogue.org_dir(org_id) / f"{base}.{org.source_language}.md"
        title = str(read_source(path, path.name).front_matter.get("title", base))
        found.append((title, _site_href(catalogue, org_id, language, base)))
    return found


def _adopter(catalogue: Catalogue, org_id: str, where: str, topic: str, wording_id: str, language: str) -> Adopter:
    org = catalogue.organisation(org_id)
    shown = pages_on_topic(catalogue, org_id, topic, wording_id)
    also = [base for base in pages_on_topic(catalogue, org_id, topic, tagged=True) if base not in shown]
    return Adopter(org_id, org.name, where, org.source_language, _linked_pages(catalogue, org_id, shown, language),
                   _linked_pages(catalogue, org_id, also, language))


def _wording_view(catalogue: Catalogue, engine: markdown.Markdown, wording: Wording, adopters: list[Adoption],
                  language: str, section: str | None = None) -> WordingView | None:
    """One wording of a topic (or its `section`) in `language` (else in its first adopter's language), with its
    adopters."""
    first_org = catalogue.organisation(adopters[0].org_id)
    lang = language if language in wording.files else first_org.source_language
    if lang not in wording.files:
        return None
    views = [_adopter(catalogue, a.org_id, a.where, wording.topic, wording.id, language) for a in adopters]
    if section is not None:  # its pages on the model text's own topic: that topic's page lists them
        for view in views:
            view.also = []
    if len(adopters) > 1:
        lines = blanks_shown(model_lines(catalogue, wording.topic, wording.id, lang, section))
        for view in views:
            if (own := adopter_language(catalogue, view.org_id, wording.files, lang)) is not None:
                view.text = adopter_text(catalogue, engine, view.org_id, wording.topic, wording.id, own, section)
    else:  # the one body's own text, its values put in
        lines = filled_text(catalogue, adopters[0].org_id, wording.topic, wording.id, lang, section).lines
    engine.reset()
    # Allow-listed like every page: a wording in a language no page includes (or adopted but
    # not shown yet) reaches the portal without having been checked as part of a page.
    anchor = wording.id if section is None else f"{wording.topic}-{wording.id}-{section}"
    part_of = None if section is None else (catalogue.topics[wording.topic].get(language, wording.topic),
                                            topic_page_name(wording.topic, language).removeprefix(f"{TOPICS_DIR}/"))
    return WordingView(wording.id, lang, sanitize(engine.convert("\n".join(lines))).html, views, anchor, part_of)


def collect_topics(catalogue: Catalogue, language: str) -> list[TopicView]:
    adoptions = catalogue.adoptions
    extensions, configs = markdown_settings(catalogue.root, catalogue.shared_dir)
    engine = markdown.Markdown(extensions=extensions, extension_configs=configs)
    views = []
    for topic, names in catalogue.topics.items():
        view = TopicView(topic, names.get(language, topic))
        adopted_orgs = set()
        for (wording_topic, wording_id), wording in sorted(adoptions.wordings.items()):
            adopters = [a for a in adoptions.adoptions if (a.topic, a.wording) == (topic, wording_id)]
            if wording_topic != topic or not adopters:
                continue
            if (shown := _wording_view(catalogue, engine, wording, adopters, language)) is not None:
                view.wordings.append(shown)
                adopted_orgs |= {a.org_id for a in adopters}
        for wording_topic, wording_id, section in adoptions.sections_about(topic):
            adopters = [a for a in adoptions.adoptions
                        if (a.topic, a.wording) == (wording_topic, wording_id) and a.covers(section)]
            wording = adoptions.wordings[(wording_topic, wording_id)]
            if adopters and (shown := _wording_view(catalogue, engine, wording, adopters, language, section)):
                view.wordings.append(shown)  # its adopters' own pages on this topic stay under mentions
        for org in catalogue.organisations.values():
            if org.id in adopted_orgs:
                continue
            pages = _linked_pages(catalogue, org.id, pages_on_topic(catalogue, org.id, topic, tagged=True), language)
            if pages:
                view.mentions.append((org.name, pages))
        if view.wordings or view.mentions:
            views.append(view)
    return views


def topic_languages(catalogue: Catalogue) -> tuple[str, ...]:
    """The languages the topic pages are written in: every language an organisation of the catalogue
    publishes, in docs/languages.yml's order (a language added as data gets its topic pages)."""
    published = {code for org in catalogue.organisations.values() for code in org.languages}
    return tuple(code for code in catalogue.languages if code in published)


def render_topic_pages(catalogue: Catalogue, overrides_dir: Path) -> dict[str, str]:
    """Every topic page: {relative path below site/: HTML}."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(overrides_dir), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    template = env.get_template(TOPIC_TEMPLATE)
    pages = {}
    languages = topic_languages(catalogue)
    for language in languages:
        topics = collect_topics(catalogue, language)
        for topic in topics:
            pages[topic_page_name(topic.id, language)] = template.render(
                topic=topic, topics=topics, language=language, labels=catalogue.languages[language].labels,
                alternates=[(code, catalogue.languages[code].name, f"{topic.id}.{code}.html") for code in languages],
            )
    return pages
