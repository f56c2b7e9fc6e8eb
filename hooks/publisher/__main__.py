"""Command line: `python -m publisher build|serve|...` (run with hooks/ on PYTHONPATH).

The Makefile is the front door; this is what it calls.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .findings import PublisherError

ROOT = Path(__file__).resolve().parents[2]


def _orgs(value: str | None) -> list[str] | None:
    return [v for v in (value or "").replace(",", " ").split() if v] or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="publisher", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build all sites and the portal into site/")
    build.add_argument("--org", help="only these organisations (comma-separated ids)")
    build.add_argument("--out", default=str(ROOT / "site"), help="output folder (default: site/)")
    serve = commands.add_parser("serve", help="preview one organisation with live reload")
    serve.add_argument("--org", help="organisation id (default: the first in docs/organisations.yml)")
    serve.add_argument("--lang", help="language (default: the organisation's own)")
    serve.add_argument("--addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        if args.command == "build":
            from .build import main_build

            return main_build(ROOT, Path(args.out), _orgs(args.org))
        if args.command == "serve":
            from .serve import serve

            return serve(ROOT, args.org, args.lang, args.addr)
    except PublisherError as error:
        print(error, file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
