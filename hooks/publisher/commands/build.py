"""`make site`: build every organisation site (and the portal) into `site/`, all or nothing.

The steps are `publisher.pipeline.WHOLE_BUILD`, run by `publisher.pipeline.whole.build_all`; this
command adds the lock, the argument check and the summary line.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ..files.locking import build_lock
from ..outputs.inputs import shard
from ..pipeline.whole import BuildFailed, build_all


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
