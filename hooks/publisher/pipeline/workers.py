"""One site's build, one PDF and the site-wide pages, each in a worker process (step "build sites" of
`WHOLE_BUILD`).

A site is one engine build (MkDocs, strict) of one organisation in one language, optimised
afterwards; a PDF is rendered from the same sources. Each returns what went wrong, never raises:
the whole build reports every failed site at once.
"""

from __future__ import annotations

import logging
import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..files.findings import PublisherError, io_advice, io_problem
from ..model.organisations import load_catalogue
from ..outputs.engine import engine_logger, load_site_config
from ..outputs.font_subset import WORK as FONT_WORK
from ..outputs.font_subset import cache_dir
from ..outputs.optimise import NOT_FOUND_PAGE, optimise_site
from ..outputs.site_config import LANG_ENV, ORG_ENV
from ..outputs.unused_css import WORK as CSS_WORK

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@dataclass
class SiteResult:
    org_id: str
    language: str
    path: str
    seconds: float
    problems: list[str] = field(default_factory=list)
    kind: str = "site"  # "site", "pdf", or "reused" (site and PDF taken unchanged from the last build)
    # Work done for this site that other sites can share: font subsets made (not read from the cache),
    # theme stylesheets parsed and pruned; and the worker process it was done in.
    work: dict[str, int] = field(default_factory=dict)
    worker: int = 0
    peak_rss_kb: int = 0  # the worker's peak resident memory so far (make bench reports it)
    cpu_seconds: float = 0.0  # the worker's CPU time for this site: unlike `seconds`, not inflated by a busy machine

    @property
    def ok(self) -> bool:
        return not self.problems


class BuildFailed(Exception):
    """One or more sites failed; `site/` was left as it was."""

    def __init__(self, failures: list[SiteResult]) -> None:
        self.failures = failures
        lines = []
        for failure in failures:
            lines.append(f"{failure.org_id} ({failure.language}) failed:")
            lines.extend(f"  {problem}" for problem in failure.problems)
        super().__init__("\n".join(lines))


class _Collector(logging.Handler):
    """Keeps the warnings and errors MkDocs logs, to report them with the site's name."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _set_epoch(epoch: int | None) -> None:
    if epoch is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)


def build_site(root: str, org_id: str, language: str, site_dir: str, epoch: int | None = None,
               font_cache: str | None = None) -> SiteResult:
    """Build one site with MkDocs in strict mode (runs in a worker process).

    `font_cache`: where font subsets are kept (default: the repository's, font_subset.cache_dir).
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    started, started_cpu = time.perf_counter(), time.process_time()
    _set_epoch(epoch)  # MkDocs dates the sitemap with it: same inputs, same bytes
    os.environ[ORG_ENV] = org_id
    os.environ[LANG_ENV] = language
    collector = _Collector()
    logger = engine_logger()
    logger.addHandler(collector)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    problems: list[str] = []
    work_before = FONT_WORK + CSS_WORK
    try:
        config = load_site_config(os.path.join(root, "mkdocs.yml"), site_dir=site_dir, strict=True)
        # The theme's not-found page is never published (optimise.optimise_site says why): not rendered either.
        # `make serve` keeps it, for its own server's missing pages.
        config.theme.static_templates.discard(NOT_FOUND_PAGE)
        build(config)
        optimise_site(Path(site_dir), list(config.plugins["material/search"].config.lang or []),
                      Path(font_cache) if font_cache else cache_dir(Path(root)))
    except MkDocsException as error:
        problems = collector.messages + [str(error)]
    except OSError as error:  # a full disk, a file of another owner: which file, and what to do
        problems = collector.messages + [f"{io_problem(error, Path(root))}; {io_advice(error)}"]
    except Exception as error:  # an unexpected fault must still name its site
        problems = collector.messages + [f"{type(error).__name__}: {error}"]
    finally:
        logger.removeHandler(collector)
    work = dict((FONT_WORK + CSS_WORK) - work_before)
    return SiteResult(org_id, language, "", time.perf_counter() - started, problems, work=work, worker=os.getpid(),
                      peak_rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,  # KB on Linux
                      cpu_seconds=time.process_time() - started_cpu)


def build_pdf(root: str, org_id: str, language: str, target: str, epoch: int | None = None) -> SiteResult:
    """Write one organisation's PDF in one language (runs in a worker process)."""
    from ..outputs.pdf import write_pdf

    started = time.perf_counter()
    _set_epoch(epoch)
    problems: list[str] = []
    try:
        write_pdf(Path(root), load_catalogue(Path(root) / "docs"), org_id, language, Path(target))
    except PublisherError as error:
        problems = [f"PDF: {finding.message}" for finding in error.findings]
    except Exception as error:  # report which PDF failed and why, whatever failed
        problems = [f"PDF: {type(error).__name__}: {error}"]
    return SiteResult(org_id, language, "", time.perf_counter() - started, problems, kind="pdf")


def render_site_wide(root: str, pdfs: dict[str, str]) -> dict[str, str]:
    """The portal, the topic pages and the editors' status page, by their path in site/ (runs in a worker
    process, beside the sites: made from the sources alone). Drafts are never on the portal or topic pages.
    `pdfs`: each site's PDF ("org/lang" -> its path in site/), for the portal to link."""
    from ..outputs.dashboard import render_dashboard
    from ..outputs.portal import render_portal
    from ..render.topic_pages import render_topic_pages

    catalogue = load_catalogue(Path(root) / "docs")
    overrides = Path(root) / "overrides"
    published = catalogue.published()
    return {"index.html": render_portal(published, overrides, pdfs),
            **render_topic_pages(published, overrides),
            "status/index.html": render_dashboard(catalogue, overrides)}
