"""`make serve`: a live preview that tells the editor every mistake and keeps serving.

MkDocs' own `serve` stops at the first error in strict mode and, during a live reload, leaves the
browser on the old page. Here the site is built non-strict; before every build the checks of this
site are printed exactly as `make check` prints them (file:line), the hook `hooks/checks.py` puts
the errors on every page (an overlay), and a build that fails outright is replaced by an error
page naming file and line. The server keeps running and rebuilds on every save of a page, a shared
wording, or the organisation, language and adoption data, until the mistake is fixed.
"""

from __future__ import annotations

import contextlib
import html
import logging
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..files.findings import Finding, PublisherError
from ..model.organisations import load_catalogue
from ..outputs.site_config import (
    LANG_ENV,
    ORG_ENV,
    BuildTarget,
    target_from_environment,
)

PREVIEW_ENV = "GUIDE_PREVIEW"  # set while previewing: the checks hook shows errors instead of failing
PORT_ENV = "GUIDE_ARG_PORT"  # make serve PORT=..., through the Makefile
DEFAULT_PORT = 8000
ERROR_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Build error: {title}</title>
<style>body{{font:1rem/1.5 sans-serif;margin:2rem;max-width:60rem}}pre{{white-space:pre-wrap;background:#fff3f3;
border-left:.3rem solid #b00020;padding:1rem}}</style></head>
<body><main><h1>The preview of {title} could not be built</h1>
<p>Fix this in the file and line named below and save: the page reloads by itself.</p>
<pre>{message}</pre></main></body></html>
"""


def port_from_environment(environ: dict[str, str] | None = None) -> int:
    environ = dict(os.environ) if environ is None else environ
    value = environ.get(PORT_ENV, "").strip()
    if not value:
        return DEFAULT_PORT
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise PublisherError([Finding("Makefile", 1, f"PORT={value} is no port number: give one like PORT=8001")])
    return int(value)


def ensure_port_free(host: str, port: int) -> None:
    """Fail with a clear message before starting when another program holds the port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            raise PublisherError([Finding("Makefile", 1, (
                f"port {port} on {host} is in use (another 'make serve'?): stop that program, or preview on "
                f"another port, e.g. make serve PORT={port + 1}"))]) from None


def error_page(site_dir: Path, title: str, message: str) -> None:
    """Put the error on every page the browser may be showing, and on the start page."""
    text = ERROR_TEMPLATE.format(title=html.escape(title), message=html.escape(message))
    pages = list(site_dir.rglob("*.html")) or [site_dir / "index.html"]
    for page in pages:
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")


def failure_text(error: BaseException) -> str:
    """What went wrong, as the author must read it: our errors already name file and line."""
    from mkdocs.exceptions import MkDocsException

    if isinstance(error, PublisherError):
        return "\n".join(str(finding) for finding in error.findings)
    if isinstance(error, MkDocsException):
        return str(error)
    return f"{type(error).__name__}: {error}"


def watched_paths(root: Path, target: BuildTarget) -> list[Path]:
    docs = root / "docs"
    paths = [docs / target.org.id, docs / "_shared", docs / "_editorial", root / "mkdocs.yml", root / "overrides",
             *sorted(docs.glob("*.yml"))]
    return [path for path in paths if path.exists()]


def print_findings(root: Path, target: BuildTarget, out: Callable[[str], None]) -> None:
    """This site's findings, as `make check` prints them."""
    from ..checks import check_site
    from ..checks.report import print_report

    report = check_site(load_catalogue(root / "docs"), target.org.id, target.language)
    print_report(report, f"Checked {target}: {len(report.errors)} error(s), {len(report.warnings)} warning(s).",
                 out, environ={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"})


def _log_to_terminal() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_preview", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._preview = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def serve(root: Path, org_id: str | None, language: str | None, host: str = "127.0.0.1",
          port: int | None = None, out: Callable[[str], None] = print) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer, _serve_url

    if org_id:
        os.environ[ORG_ENV] = org_id
    if language:
        os.environ[LANG_ENV] = language
    os.environ[PREVIEW_ENV] = "1"
    target = target_from_environment(load_catalogue(root / "docs"))  # fail early on a bad id or language
    port = port_from_environment() if port is None else port
    ensure_port_free(host, port)
    _log_to_terminal()
    site_dir = Path(tempfile.mkdtemp(prefix="preview-"))
    serve_url = _serve_url(host, port, "/")

    def builder(config: object | None = None) -> None:
        try:
            print_findings(root, target, out)
            if config is None:
                config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=False,
                                     dev_addr=f"{host}:{port}")
            config.site_url = serve_url  # type: ignore[attr-defined]
            build(config, serve_url=serve_url)  # type: ignore[arg-type]
        except (Exception, SystemExit) as error:  # keep serving: show the error until the file is fixed
            message = failure_text(error)
            out(f"\nThe preview could not be built; the browser shows this until it is fixed:\n{message}")
            error_page(site_dir, str(target), message)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir))
    out(f"Previewing {target}: {serve_url} (other languages: make serve ORG={target.org.id} LANG=<code>; "
        f"another port: PORT=<number>)")
    try:
        builder()
        for path in watched_paths(root, target):
            server.watch(str(path))
        with contextlib.suppress(KeyboardInterrupt):
            server.serve()
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
