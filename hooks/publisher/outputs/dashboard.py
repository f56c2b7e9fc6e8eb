"""The editors' status page (`site/status/index.html`), built from the sources.

Per organisation and language: pages, translation status and review dates; the adoption matrix
of shared wordings, front-matter topics and missing facts; readability (LIX) of every Danish and Norwegian page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..files.findings import display_path
from ..model.coverage import measure as measure_coverage
from ..model.editions import Drift, drift
from ..model.organisations import Catalogue
from ..model.readability import LANGUAGES as READABILITY_LANGUAGES
from ..model.readability import LONG_SENTENCE_WORDS, VERY_HARD, measure
from ..model.readiness import lacks
from ..model.shown_facts import missing_facts
from ..model.sources import page_name, read_source
from ..model.translations import organisation_status

REVIEW_WARNING_DAYS = 90


@dataclass
class PageRow:
    path: str
    title: str
    review_by: dt.date | None
    review_state: str  # "ok", "soon", "overdue", "missing"
    lix: float | None
    band: str | None
    long_sentences: list[tuple[int, int]] = field(default_factory=list)
    hard: bool = False


@dataclass
class SiteRow:
    org_id: str
    name: str
    language: str
    pages: int
    stale: list[str]
    missing: list[str]
    untranslated: list[str]


@dataclass
class Dashboard:
    today: dt.date
    sites: list[SiteRow]
    pages: dict[str, list[PageRow]]  # org id -> its source-language pages
    wordings: list[tuple[str, str]]  # (topic, wording) of every shared wording
    adoption_matrix: dict[str, dict[tuple[str, str], str]]  # org id -> (topic, wording) -> where in its document
    topics: dict[str, dict[str, str]]
    topic_matrix: dict[str, set[str]]  # org id -> front-matter topics
    missing_facts: dict[str, list[str]]  # org id -> facts an editor may still have to add
    lacks: dict[str, list[str]] = field(default_factory=dict)  # org id -> contact, domain, translations, facts
    coverage: dict[str, str] = field(default_factory=dict)  # org id -> how much of its kept document it carries
    editions: dict[str, Drift | None] = field(default_factory=dict)  # org id -> changes since its latest edition


def review_state(review_by: dt.date | None, today: dt.date) -> str:
    if review_by is None:
        return "missing"
    if review_by < today:
        return "overdue"
    if review_by <= today + dt.timedelta(days=REVIEW_WARNING_DAYS):
        return "soon"
    return "ok"


def collect(catalogue: Catalogue, today: dt.date | None = None) -> Dashboard:
    today = today or dt.date.today()
    sites: list[SiteRow] = []
    pages: dict[str, list[PageRow]] = {}
    topic_matrix: dict[str, set[str]] = {}
    adoptions = catalogue.adoptions
    adoption_matrix = {org_id: {(a.topic, a.wording): a.where for a in adoptions.of_organisation(org_id)}
                       for org_id in catalogue.organisations}
    for org in catalogue.organisations.values():
        folder = catalogue.org_dir(org.id)
        rows = []
        topic_matrix[org.id] = set()
        for path in sorted(folder.glob(f"*.{org.source_language}.md")):
            if page_name(path) is None:
                continue
            source = read_source(path, display_path(path, catalogue.root))
            review = source.front_matter.get("review_by")
            review = review if isinstance(review, dt.date) else None
            figures = measure(source) if org.source_language in READABILITY_LANGUAGES else None
            rows.append(PageRow(
                path=source.display,
                title=str(source.front_matter.get("title", path.stem)),
                review_by=review,
                review_state=review_state(review, today),
                lix=round(figures.lix, 1) if figures else None,
                band=figures.band if figures else None,
                long_sentences=figures.long_sentences if figures else [],
                hard=bool(figures and figures.very_hard),
            ))
            topics = source.front_matter.get("topics") or []
            topic_matrix[org.id] |= {str(t) for t in topics if isinstance(t, str)}
        pages[org.id] = rows
        statuses = organisation_status(catalogue, org.id)
        sites.append(SiteRow(org.id, org.name, org.source_language, len(rows), [], [], []))
        for language in org.translations:
            mine = [s for s in statuses if s.language == language]
            sites.append(SiteRow(
                org.id, org.name, language, sum(1 for s in mine if s.state != "missing"),
                stale=[display_path(s.translation, catalogue.root) for s in mine if s.state in ("stale", "unreviewed")],
                missing=[display_path(s.translation, catalogue.root) for s in mine if s.state == "missing"],
                untranslated=[display_path(s.translation, catalogue.root) for s in mine if s.state == "untranslated"],
            ))
    return Dashboard(today, sites, pages, sorted(adoptions.wordings), adoption_matrix, catalogue.topics,
                     topic_matrix, {org.id: missing_facts(org) for org in catalogue.organisations.values()},
                     lacks={org.id: lacks(catalogue, org) for org in catalogue.organisations.values()},
                     coverage={org.id: found.summary() for org in catalogue.organisations.values()
                               if (found := measure_coverage(catalogue, org)) is not None},
                     editions={org_id: drift(catalogue, org_id) for org_id in catalogue.organisations})


def render_dashboard(catalogue: Catalogue, overrides_dir: Path, today: dt.date | None = None) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(overrides_dir), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template("status/index.html").render(
        d=collect(catalogue, today), catalogue=catalogue, very_hard=VERY_HARD, long_words=LONG_SENTENCE_WORDS,
        review_days=REVIEW_WARNING_DAYS,
    )
