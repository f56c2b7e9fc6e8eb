"""Live preview of one organisation site in one language."""

from __future__ import annotations

import os
from pathlib import Path

from .organisations import load_catalogue
from .site_config import LANG_ENV, ORG_ENV, target_from_environment


def serve(root: Path, org_id: str | None, language: str | None, addr: str) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    if org_id:
        os.environ[ORG_ENV] = org_id
    if language:
        os.environ[LANG_ENV] = language
    target = target_from_environment(load_catalogue(root / "docs"))  # fail early on a bad id
    print(f"Previewing {target}: http://{addr}/ (other languages: make serve ORG={target.org.id} LANG=<code>)")
    mkdocs_serve(config_file=str(root / "mkdocs.yml"), livereload=True, dev_addr=addr)
    return 0
