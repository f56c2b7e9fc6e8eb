"""`make pdf`: the same checks as `make site`, then every PDF replaced together or none.

The PDFs are written into a staging folder beside `site/`; only when all of them are written
are they moved into `site/<org>/pdf/` (swap.replace_files: all, or none even if the process is
killed). A failure leaves `site/` as it was. The incremental
build's manifest forgets a site whose PDF now comes from other inputs than its pages, so the
next `make site` rebuilds both rather than pairing a new PDF with an old site (or the reverse).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

from ..checks import CheckReport, check_site
from ..files.atomic import write_atomic
from ..files.findings import PublisherError
from ..files.locking import build_lock
from ..files.swap import discard, replace_files
from ..model.organisations import Catalogue, load_catalogue
from ..outputs.pdf import pdf_name, write_pdf
from ..outputs.site_config import BuildTarget, all_targets
from ..pipeline.whole import MANIFEST_SUFFIX  # one name for the manifest beside site/, the build's


def main_pdf(root: Path, out: Path, org_ids: list[str] | None) -> int:
    catalogue = load_catalogue(root / "docs")
    targets = all_targets(catalogue, org_ids)
    report = CheckReport()
    for target in targets:
        report.extend(check_site(catalogue, target.org.id, target.language))
    if report.errors:
        print(f"error: {len(report.errors)} error(s); no PDF written, {out.name}/ left unchanged:", file=sys.stderr)
        for finding in report.errors:
            print(f"  {finding}", file=sys.stderr)
        return 1
    with build_lock(out):
        staging = out.parent / f"{out.name}.staging-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            written = []
            for target in targets:
                started = time.perf_counter()
                relative = Path(target.org.id) / "pdf" / pdf_name(target.org.id, target.language)
                write_pdf(root, catalogue, target.org.id, target.language, staging / "new" / relative)
                written.append(relative)
                print(f"ok   PDF {target} -> {out.name}/{relative.as_posix()} in {time.perf_counter() - started:.1f} s")
            _forget_changed_sites(root, out, catalogue, targets)  # before: a kill after the PDFs costs a rebuild
            replace_files(staging, staging / "new", out, written)  # all rendered: now all of them, or none
        except PublisherError as error:
            print(f"error: a PDF failed; {out.name}/ left unchanged:\n{error}", file=sys.stderr)
            return 1
        except OSError as error:  # a full disk, a file in the way: put back, said in one line
            print(f"error: could not replace the PDFs in {out.name}/ ({error}); {out.name}/ left unchanged",
                  file=sys.stderr)
            return 1
        finally:
            discard(staging, out)
    return 0


def _forget_changed_sites(root: Path, out: Path, catalogue: Catalogue, targets: list[BuildTarget]) -> None:
    """Drop from the build manifest every site whose inputs changed, so `make site` rebuilds it with its PDF."""
    from ..outputs.inputs import inputs_hash, shared_digest

    manifest_path = out.with_name(out.name + MANIFEST_SUFFIX)
    if not manifest_path.is_file():
        return
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    shared = shared_digest(root)
    for target in targets:
        key = f"{target.org.id}/{target.language}"
        if manifest.get(key) != inputs_hash(catalogue, target, shared):
            manifest.pop(key, None)
    write_atomic(manifest_path, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
