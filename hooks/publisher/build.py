"""Build every organisation site (and the portal) into `site/`, all or nothing.

Each organisation-language pair is an independent MkDocs build, run in a pool of worker
processes. Everything is written into a staging folder beside `site/`; only when every build
has succeeded is the old `site/` swapped for the new one, so a failure never leaves a
half-written site behind.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .dashboard import render_dashboard
from .editions import publish_archive
from .engine import engine_logger
from .findings import PublisherError
from .font_subset import WORK as FONT_WORK
from .font_subset import cache_dir
from .inputs import inputs_hash, shard, shared_digest, source_date_epoch
from .locking import build_lock
from .optimise import deduplicate, optimise_site
from .organisations import load_catalogue
from .pdf import pdf_name
from .portal import render_portal, write_portal_assets
from .site_config import LANG_ENV, ORG_ENV, BuildTarget, all_targets
from .swap import carry_over, discard, swap_folder
from .topic_pages import render_topic_pages
from .unused_css import WORK as CSS_WORK

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
    from mkdocs.config import load_config
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
        config = load_config(config_file=os.path.join(root, "mkdocs.yml"), site_dir=site_dir, strict=True)
        build(config)
        optimise_site(Path(site_dir), list(config.plugins["material/search"].config.lang or []),
                      Path(font_cache) if font_cache else cache_dir(Path(root)))
    except MkDocsException as error:
        problems = collector.messages + [str(error)]
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
    from .pdf import write_pdf

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


def _new_staging(out: Path) -> Path:
    staging = out.parent / f"{out.name}.staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    return staging


MANIFEST_SUFFIX = ".manifest.json"  # beside site/: the inputs hash of every site, for incremental builds


def _reuse(out: Path, target: BuildTarget, part: Path, pdf: Path | None) -> bool:
    """Hard-link the previous output of `target` into the staging area; False if it is incomplete."""
    previous = out / target.path
    previous_pdf = out / target.org.id / "pdf" / pdf_name(target.org.id, target.language)
    if not (previous / "index.html").is_file() or (pdf is not None and not previous_pdf.is_file()):
        return False
    nested = set(target.org.translations) | {"pdf"} if target.is_source_language else set()
    shutil.copytree(previous, part, copy_function=os.link,
                    ignore=lambda folder, names: [n for n in names if Path(folder) == previous and n in nested])
    if pdf is not None:
        pdf.parent.mkdir(parents=True, exist_ok=True)
        os.link(previous_pdf, pdf)
    return True


def build_all(
    root: Path,
    out: Path,
    org_ids: Iterable[str] | None = None,
    workers: int | None = None,
    progress: Callable[[str], None] = print,
    with_pdf: bool = True,
    shard_spec: str | None = None,
    incremental: bool = True,
    font_cache: Path | None = None,
) -> list[SiteResult]:
    """Build the chosen organisations (default: all) and the portal, then swap into `out`.

    With `incremental`, a site whose inputs did not change since the build in `out` is reused
    from there instead of being built again; the result is the same, byte for byte.
    `font_cache`: where font subsets are kept (default: the repository's, font_subset.cache_dir).
    """
    root = root.resolve()
    out = out.resolve()
    catalogue = load_catalogue(root / "docs")
    chosen = shard(list(org_ids or catalogue.ready), shard_spec)  # a draft builds only when named
    partial = bool(org_ids or shard_spec)
    targets = all_targets(catalogue, chosen)
    shared = shared_digest(root)
    hashes = {f"{t.org.id}/{t.language}": inputs_hash(catalogue, t, shared) for t in targets}
    manifest_path = out.with_name(out.name + MANIFEST_SUFFIX)
    previous = json.loads(manifest_path.read_text(encoding="utf-8")) if incremental and manifest_path.is_file() else {}
    staging = _new_staging(out)
    parts = staging / "parts"
    new_site = staging / "site"
    results: list[SiteResult] = []
    try:
        workers = workers or min(len(targets), os.cpu_count() or 1)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {}
            for t in targets:
                part = parts / t.org.id / t.language
                pdf = parts / t.org.id / "pdf" / pdf_name(t.org.id, t.language) if with_pdf else None
                key = f"{t.org.id}/{t.language}"
                if previous.get(key) == hashes[key] and _reuse(out, t, part, pdf):
                    results.append(SiteResult(t.org.id, t.language, t.path, 0.0, kind="reused"))
                    progress(f"same {t.org.id} ({t.language}): inputs unchanged, reused from {out.name}/{t.path}/")
                    continue
                epoch = source_date_epoch(catalogue, t)
                futures[pool.submit(build_site, str(root), t.org.id, t.language, str(part), epoch,
                                    str(font_cache) if font_cache else None)] = t
                if pdf is not None:
                    futures[pool.submit(build_pdf, str(root), t.org.id, t.language, str(pdf), epoch)] = t
            for future in as_completed(futures):
                target = futures[future]
                result = future.result()
                result.path = target.path
                results.append(result)
                mark = "ok  " if result.ok else "FAIL"
                where = (f"{out.name}/{target.org.id}/pdf/{pdf_name(target.org.id, target.language)}"
                         if result.kind == "pdf" else f"{out.name}/{target.path}/")
                label = "PDF " if result.kind == "pdf" else "site"
                progress(f"{mark} {label} {target.org.id} ({target.language}) -> {where} in {result.seconds:.1f} s")
        failures = [r for r in results if not r.ok]
        if failures:
            raise BuildFailed(sorted(failures, key=lambda r: (r.org_id, r.language, r.kind)))

        # Source language at <org>/, translations inside it at <org>/<lang>/.
        for target in sorted(targets, key=lambda t: (t.org.id, not t.is_source_language)):
            (new_site / target.path).parent.mkdir(parents=True, exist_ok=True)
            os.replace(parts / target.org.id / target.language, new_site / target.path)
            if with_pdf:
                name = pdf_name(target.org.id, target.language)
                (new_site / target.org.id / "pdf").mkdir(exist_ok=True)
                os.replace(parts / target.org.id / "pdf" / name, new_site / target.org.id / "pdf" / name)
        publish_archive(catalogue, new_site, {t.org.id for t in targets})  # each edition's PDFs, as archived
        pdfs = {f"{t.org.id}/{t.language}": f"{t.org.id}/pdf/{pdf_name(t.org.id, t.language)}"
                for t in all_targets(catalogue)} if with_pdf else {}
        published = catalogue.published()  # drafts are never on the portal or the topic pages
        (new_site / "index.html").write_text(render_portal(published, root / "overrides", pdfs), encoding="utf-8")
        write_portal_assets(root / "overrides", new_site)
        for name, html in render_topic_pages(published, root / "overrides").items():
            (new_site / name).parent.mkdir(exist_ok=True)
            (new_site / name).write_text(html, encoding="utf-8")
        deduplicate(new_site, "**/assets/**/*")
        (new_site / "status").mkdir()
        (new_site / "status" / "index.html").write_text(render_dashboard(catalogue, root / "overrides"),
                                                        encoding="utf-8")
        if partial and out.exists():
            carry_over(out, new_site)  # the organisations that were not rebuilt, hard-linked: one whole swap
        swap_folder(new_site, out, staging)
        # Written after the swap: a crash in between costs a rebuild, never a wrong reuse.
        manifest = {**(previous if partial else {}), **hashes}
        manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    finally:
        discard(staging, out)
    return sorted(results, key=lambda r: (r.org_id, r.language, r.kind))


def main_build(root: Path, out: Path, org_ids: list[str] | None, shard_spec: str | None = None) -> int:
    started = time.perf_counter()
    try:
        shard([], shard_spec)  # a malformed SHARD is the user's mistake: one line, no traceback
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        with build_lock(out):  # one build per checkout; removes what killed builds left behind
            results = build_all(root, out, org_ids, shard_spec=shard_spec)
    except BuildFailed as failed:
        print(f"error: {len(failed.failures)} site(s) failed; {out.name}/ was left unchanged.", file=sys.stderr)
        print(str(failed), file=sys.stderr)
        return 1
    sites = sum(1 for r in results if r.kind == "site")
    pdfs = sum(1 for r in results if r.kind == "pdf")
    reused = sum(1 for r in results if r.kind == "reused")
    print(f"Built {sites} site(s), {pdfs} PDF(s) and the portal into {out.name}/ in "
          f"{time.perf_counter() - started:.1f} s" + (f"; {reused} site(s) unchanged and reused" if reused else ""))
    return 0
