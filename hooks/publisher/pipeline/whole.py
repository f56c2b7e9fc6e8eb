"""Build every organisation site (and the portal) into `site/`, all or nothing: `WHOLE_BUILD`.

Each organisation-language pair is an independent engine build, run in a pool of worker
processes. Everything is written into a staging folder beside `site/`; only when every build
has succeeded is the old `site/` swapped for the new one, so a failure never leaves a
half-written site behind. `build_all` runs the steps that `publisher.pipeline.WHOLE_BUILD`
names, in its order.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files.swap import carry_over, discard, swap_folder
from ..model.edition_snapshots import publish_archive
from ..model.organisations import Catalogue, load_catalogue
from ..outputs.inputs import inputs_hash, shard, shared_digest, source_date_epoch
from ..outputs.optimise import deduplicate
from ..outputs.pdf import pdf_name
from ..outputs.portal import write_portal_assets
from ..outputs.site_config import BuildTarget, all_targets
from . import WHOLE_BUILD
from .workers import BuildFailed, SiteResult, build_pdf, build_site, render_site_wide

__all__ = ["BuildFailed", "SiteResult", "build_all"]

MANIFEST_SUFFIX = ".manifest.json"  # beside site/: the inputs hash of every site, for incremental builds


@dataclass
class WholeBuild:
    """What the steps share: the arguments of `build_all`, then what each step found."""

    root: Path
    out: Path
    org_ids: list[str] | None
    workers: int | None
    progress: Callable[[str], None]
    with_pdf: bool
    shard_spec: str | None
    incremental: bool
    staging: Path
    font_cache: Path | None = None  # where font subsets are kept (default: the repository's, font_subset.cache_dir)
    catalogue: Catalogue = field(init=False)
    targets: list[BuildTarget] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)
    previous: dict[str, Any] = field(default_factory=dict)
    results: list[SiteResult] = field(default_factory=list)
    site_wide: Future[dict[str, str]] | None = None  # the portal, topic and status pages by their path in site/

    @property
    def parts(self) -> Path:
        return self.staging / "parts"

    @property
    def new_site(self) -> Path:
        return self.staging / "site"

    @property
    def partial(self) -> bool:
        return bool(self.org_ids or self.shard_spec)

    @property
    def manifest_path(self) -> Path:
        return self.out.with_name(self.out.name + MANIFEST_SUFFIX)


def _new_staging(out: Path) -> Path:
    staging = out.parent / f"{out.name}.staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    return staging


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


def plan(run: WholeBuild) -> None:
    """The chosen sites (a draft builds only when named) and the inputs hash of each."""
    run.catalogue = load_catalogue(run.root / "docs")
    chosen = shard(list(run.org_ids or run.catalogue.ready), run.shard_spec)
    run.targets = all_targets(run.catalogue, chosen)
    shared = shared_digest(run.root)
    run.hashes = {f"{t.org.id}/{t.language}": inputs_hash(run.catalogue, t, shared) for t in run.targets}
    if run.incremental and run.manifest_path.is_file():
        run.previous = json.loads(run.manifest_path.read_text(encoding="utf-8"))


def _report(run: WholeBuild, target: BuildTarget, result: SiteResult) -> None:
    mark = "ok  " if result.ok else "FAIL"
    where = (f"{run.out.name}/{target.org.id}/pdf/{pdf_name(target.org.id, target.language)}"
             if result.kind == "pdf" else f"{run.out.name}/{target.path}/")
    label = "PDF " if result.kind == "pdf" else "site"
    run.progress(f"{mark} {label} {target.org.id} ({target.language}) -> {where} in {result.seconds:.1f} s")


def build_sites(run: WholeBuild) -> None:
    """Every site and PDF in worker processes, or reused unchanged; BuildFailed lists every failure."""
    with ProcessPoolExecutor(max_workers=run.workers or min(len(run.targets), os.cpu_count() or 1)) as pool:
        # First, as they are made from the sources alone: not left to the main process after the sites.
        pdfs = {f"{t.org.id}/{t.language}": f"{t.org.id}/pdf/{pdf_name(t.org.id, t.language)}"
                for t in all_targets(run.catalogue)} if run.with_pdf else {}
        run.site_wide = pool.submit(render_site_wide, str(run.root), pdfs)
        futures = {}
        for t in run.targets:
            part = run.parts / t.org.id / t.language
            pdf = run.parts / t.org.id / "pdf" / pdf_name(t.org.id, t.language) if run.with_pdf else None
            key = f"{t.org.id}/{t.language}"
            if run.previous.get(key) == run.hashes[key] and _reuse(run.out, t, part, pdf):
                run.results.append(SiteResult(t.org.id, t.language, t.path, 0.0, kind="reused"))
                run.progress(f"same {t.org.id} ({t.language}): inputs unchanged, reused from {run.out.name}/{t.path}/")
                continue
            epoch = source_date_epoch(run.catalogue, t)
            futures[pool.submit(build_site, str(run.root), t.org.id, t.language, str(part), epoch,
                                str(run.font_cache) if run.font_cache else None)] = t
            if pdf is not None:
                futures[pool.submit(build_pdf, str(run.root), t.org.id, t.language, str(pdf), epoch)] = t
        for future in as_completed(futures):
            target = futures[future]
            result = future.result()
            result.path = target.path
            run.results.append(result)
            _report(run, target, result)
    failures = [r for r in run.results if not r.ok]
    if failures:
        raise BuildFailed(sorted(failures, key=lambda r: (r.org_id, r.language, r.kind)))


def place(run: WholeBuild) -> None:
    """Source language at <org>/, translations inside it at <org>/<lang>/, PDFs at <org>/pdf/."""
    for target in sorted(run.targets, key=lambda t: (t.org.id, not t.is_source_language)):
        (run.new_site / target.path).parent.mkdir(parents=True, exist_ok=True)
        os.replace(run.parts / target.org.id / target.language, run.new_site / target.path)
        if run.with_pdf:
            name = pdf_name(target.org.id, target.language)
            (run.new_site / target.org.id / "pdf").mkdir(exist_ok=True)
            os.replace(run.parts / target.org.id / "pdf" / name, run.new_site / target.org.id / "pdf" / name)


def archive(run: WholeBuild) -> None:
    """Each edition's PDFs, as archived."""
    publish_archive(run.catalogue, run.new_site, {t.org.id for t in run.targets})


def site_wide_pages(run: WholeBuild) -> None:
    """The portal, the topic pages and the status page, rendered by a worker beside the sites (build_sites);
    the portal's assets; then identical theme files across the sites stored once."""
    assert run.site_wide is not None, "build_sites renders the site-wide pages"
    for name, html in run.site_wide.result().items():
        (run.new_site / name).parent.mkdir(parents=True, exist_ok=True)
        (run.new_site / name).write_text(html, encoding="utf-8")
    write_portal_assets(run.root / "overrides", run.new_site)
    deduplicate(run.new_site, "**/assets/**/*")


def swap(run: WholeBuild) -> None:
    """The new site replaces the old in one move; the manifest is written after it."""
    if run.partial and run.out.exists():
        carry_over(run.out, run.new_site)  # the organisations that were not rebuilt, hard-linked: one whole swap
    swap_folder(run.new_site, run.out, run.staging)
    # Written after the swap: a crash in between costs a rebuild, never a wrong reuse.
    manifest = {**(run.previous if run.partial else {}), **run.hashes}
    run.manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")


STEPS: dict[str, Callable[[WholeBuild], None]] = {
    "plan": plan, "build sites": build_sites, "place": place, "archive": archive,
    "site-wide pages": site_wide_pages, "swap": swap,
}


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
    out = out.resolve()
    run = WholeBuild(root.resolve(), out, list(org_ids) if org_ids else None, workers, progress, with_pdf,
                     shard_spec, incremental, staging=_new_staging(out), font_cache=font_cache)
    try:
        for name in WHOLE_BUILD:
            STEPS[name](run)
    finally:
        discard(run.staging, out)
    return sorted(run.results, key=lambda r: (r.org_id, r.language, r.kind))
