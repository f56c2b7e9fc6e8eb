"""Command line: `python -m publisher build|serve|...` (run with hooks/ on PYTHONPATH).

The Makefile is the front door; this is what it calls.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from .commands.make_variables import refuse_unknown
from .files.findings import ArgumentError, PublisherError, io_error_message
from .outputs.engine import EngineError, use_engine

ROOT = Path(os.path.abspath(__file__)).parents[2]  # not resolved: a fixture repository links hooks/ in
# The Makefile hands make variables over through the environment, never through a shell.
ARG_PREFIX = "GUIDE_ARG_"


def _arg(name: str) -> str | None:
    """A value typed on make's command line (NAME=...), passed unchanged in GUIDE_ARG_NAME."""
    value = os.environ.get(f"{ARG_PREFIX}{name}", "")
    return value if value.strip() else None


def _words(value: str | None) -> list[str]:
    """The comma- or space-separated values of a make variable, as typed."""
    return [v for v in (value or "").replace(",", " ").split() if v]


def _orgs(value: str | None) -> list[str] | None:
    """Organisation ids, each once, in the order typed: ORG=a,a builds a once (twice would collide)."""
    return list(dict.fromkeys(_words(value))) or None


def build_parser() -> argparse.ArgumentParser:
    """Every command and its options; a default left out on the command line comes from make (`_arg`)."""
    parser = argparse.ArgumentParser(prog="publisher", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build all sites and the portal into site/")
    build.add_argument("--org", default=_arg("ORG"), help="only these organisations (comma-separated ids)")
    build.add_argument("--out", default=str(ROOT / "site"), help="output folder (default: site/)")
    build.add_argument("--shard", default=_arg("SHARD"), help="build only shard i of n (e.g. 2/4), for a CI job matrix")
    pdf = commands.add_parser("pdf", help="write the PDFs of the named organisations into site/<org>/pdf/")
    pdf.add_argument("--org", default=_arg("ORG"), help="organisation ids (comma-separated; default: all)")
    pdf.add_argument("--out", default=str(ROOT / "site"))
    new_org = commands.add_parser("new-org", help="create a new organisation that builds at once")
    new_org.add_argument("--id", default=_arg("ID") or "")
    new_org.add_argument("--name", default=os.environ.get(f"{ARG_PREFIX}NAME", ""))
    new_org.add_argument("--languages", default=_arg("LANGUAGES") or "",
                         help="e.g. da,en (the organisation's own first)")
    new_org.add_argument("--country", default=_arg("COUNTRY"), help="DK or NO (default: from the first language)")
    new_org.add_argument("--domain", default=_arg("DOMAIN"), help="the organisation's web domain")
    importer = commands.add_parser("import", help="pages of an organisation from its document (make import)")
    importer.add_argument("--org", default=_arg("ORG"), help="organisation id (make import ORG=...)")
    importer.add_argument("--file", default=_arg("FILE"), help=".docx, .odt, .pdf or .txt (make import FILE=...)")
    importer.add_argument("--lang", default=_arg("LANG"), help="the document's language")
    importer.add_argument("--adopt", default=_arg("ADOPT"), help="1: adopt the shared passages found (make import "
                                                                 "ADOPT=1)")
    importer.add_argument("--topic", default=_arg("TOPIC"), help="the topic of a new model text (TOPIC=<id>)")
    importer.add_argument("--wording", default=_arg("WORDING"), help="the wording to adopt where two match "
                                                                     "(WORDING=<topic>/<wording>)")
    match = commands.add_parser("match", help="the passages a document shares with wordings and other organisations' "
                                              "pages; writes nothing (make match)")
    match.add_argument("--file", default=_arg("FILE"), help="the document (make match FILE=...)")
    match.add_argument("--org", default=_arg("ORG"), help="the organisation whose document it is: its names as blanks")
    match.add_argument("--name", default=os.environ.get(f"{ARG_PREFIX}NAME", "").strip() or None,
                       help="the body's name when it is no organisation yet")
    match.add_argument("--domain", default=_arg("DOMAIN"), help="the body's web domain, with NAME")
    bench = commands.add_parser("bench", help="build-speed and output-size figures (make bench)")
    bench.add_argument("--orgs", type=int, default=_arg("ORGS") or 100, help="synthetic organisations (default 100)")
    bench.add_argument("--lighthouse-pages", type=int, default=_arg("LIGHTHOUSE_PAGES"),
                       help="score only the first n of Lighthouse's pages (default: all, some 45)")
    bench.add_argument("--runs", type=int, default=_arg("RUNS"),
                       help="runs of the Markdown floor and of the scale build, the best kept (default 3)")
    commands.add_parser("check", help="check every reference and page without building (make check)")
    commands.add_parser("edition", help="record the current sources as the next edition (make edition; the values "
                                         "come from EDITION_ORG, EDITION_NOTE, … in the environment)")
    commands.add_parser("addresses", help="record the addresses of new pages as published (make addresses)")
    translations = commands.add_parser("translations", help="translation status; --mark after review")
    translations.add_argument("--mark", nargs="*", default=(_arg("MARK") or "").split(),
                              help="translation files to mark as current")
    serve = commands.add_parser("serve", help="preview one organisation with live reload")
    serve.add_argument("--org", default=_arg("ORG"),
                       help="organisation id (default: the first in docs/organisations.yml)")
    serve.add_argument("--lang", default=_arg("LANG"), help="language (default: the organisation's own)")
    serve.add_argument("--addr", default=_arg("ADDR"),
                       help="host:port (default 127.0.0.1 and the port in PORT, else 8000)")
    return parser


def _run_build(args: argparse.Namespace) -> int:
    from .commands.build import main_build

    return main_build(ROOT, Path(args.out), _orgs(args.org), args.shard)


def _run_pdf(args: argparse.Namespace) -> int:
    from .commands.pdf import main_pdf

    return main_pdf(ROOT, Path(args.out), _orgs(args.org))


def _run_new_org(args: argparse.Namespace) -> int:
    from .commands.new_org import new_organisation

    created = new_organisation(ROOT / "docs", args.id, args.name, _words(args.languages),
                               args.country, args.domain)
    for path in created:
        print(f"wrote {path.relative_to(ROOT)}")
    print(f"It is a draft. Next: make import ORG={args.id} FILE=<its document> (or write the pages in "
          f"docs/{args.id}/), make check, make serve ORG={args.id}; then set 'status: ready' in "
          f"docs/organisations.yml.")
    return 0


def _run_import(args: argparse.Namespace) -> int:
    from .commands.import_document import Adopt, import_organisation
    from .files.findings import Finding

    if not args.org or not args.file:
        raise PublisherError([Finding("Makefile", 1, "give the organisation and its document: make import "
                                                     "ORG=<id> FILE=<path to .docx/.odt/.pdf/.txt>")])
    if args.adopt not in (None, "1") or ((args.topic or args.wording) and args.adopt is None):
        raise PublisherError([Finding("Makefile", 1, "ADOPT=1 adopts the shared passages the import finds (TOPIC= "
                                                     "and WORDING= go with it); leave ADOPT out to share nothing")])
    adopt = Adopt(args.topic, args.wording) if args.adopt else None
    import_organisation(ROOT / "docs", args.org, Path(args.file).absolute(), args.lang, adopt=adopt)
    return 0


def _run_match(args: argparse.Namespace) -> int:
    from .commands.match import print_match
    from .files.findings import Finding
    from .model.organisations import load_catalogue

    if not args.file:
        raise PublisherError([Finding("Makefile", 1, "give the document: make match FILE=<path to "
                                                     ".docx/.odt/.pdf/.txt/.md> [ORG=<id> or NAME=\"...\"]")])
    catalogue = load_catalogue(ROOT / "docs")
    org = catalogue.organisation(args.org) if args.org else None
    return print_match(catalogue, Path(args.file).absolute(), org, args.name, args.domain)


def _run_bench(args: argparse.Namespace) -> int:
    from .commands.bench import main as bench_main

    return bench_main(ROOT, args.orgs, args.lighthouse_pages, args.runs)


def _run_check(args: argparse.Namespace) -> int:
    from .commands.check import check

    return check(ROOT)


def _run_edition(args: argparse.Namespace) -> int:
    from .commands.edition import main as edition_main

    return edition_main(ROOT)


def _run_addresses(args: argparse.Namespace) -> int:
    from .model.addresses import record_addresses
    from .model.organisations import load_catalogue

    added = record_addresses(load_catalogue(ROOT / "docs"))
    print("\n".join(f"recorded {name}.html as published" for name in added) or "nothing new to record")
    return 0


def _run_translations(args: argparse.Namespace) -> int:
    from .commands.translations import translations_command

    return translations_command(ROOT, args.mark)


def _run_serve(args: argparse.Namespace) -> int:
    from .commands.serve import serve

    return serve(ROOT, args.org, args.lang, args.addr)


# What each command runs; each imports its own modules, so a command loads only what it needs.
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": _run_build,
    "pdf": _run_pdf,
    "new-org": _run_new_org,
    "import": _run_import,
    "match": _run_match,
    "bench": _run_bench,
    "check": _run_check,
    "edition": _run_edition,
    "addresses": _run_addresses,
    "translations": _run_translations,
    "serve": _run_serve,
}


def _refusal(command: str) -> int | None:
    """The exit status when the command may not run (a misspelt make variable, an unknown engine), or None."""
    try:
        refuse_unknown(command)  # a misspelt NAME=value would be ignored by make: say so before anything runs
    except ArgumentError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        use_engine()  # the one place the engine is chosen: before anything imports MkDocs
    except EngineError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if (refused := _refusal(args.command)) is not None:
        return refused
    handler = HANDLERS.get(args.command)
    if handler is None:
        return 2
    try:
        return handler(args)
    except PublisherError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:  # a full disk, a read-only checkout, a file of another owner: what, where, what to do
        # Every writer replaces files whole or puts them back (atomic.py, swap.py, the import's journal), so
        # what the message says about the state is true whatever step failed.
        done = "site/ was left as it was" if args.command in ("build", "pdf") else "nothing was changed"
        print(io_error_message(error, ROOT, done), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
