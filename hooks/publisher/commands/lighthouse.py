"""Lighthouse (npm `lighthouse`, run with Debian's Chromium) over built pages, as plain figures.

The deterministic budgets (accessibility, best practices, SEO, layout shift, bytes) are held by
the tests on `budget_pages`; the performance score varies with the machine's load, so `make bench`
reports it, on `bench_pages`, served compressed as a web server would.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..files.image_sizes import MAX_PAGE_BYTES

CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run --disable-sync")
# The budgets of issue "Readers find the answer": mobile emulation, first load, uncompressed.
BUDGETS = {"accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
MAX_LAYOUT_SHIFT = 0.02
MAX_BYTES = MAX_PAGE_BYTES


@dataclass(frozen=True)
class LighthouseResult:
    url: str
    scores: dict[str, float]  # category -> 0..1
    layout_shift: float
    total_bytes: int
    failing_audits: list[str]  # ids of audits that lost points in the budgeted categories

    def budget_problems(self) -> list[str]:
        problems = [f"{category} {self.scores.get(category)} < {minimum}"
                    for category, minimum in BUDGETS.items() if (self.scores.get(category) or 0) < minimum]
        if self.layout_shift > MAX_LAYOUT_SHIFT:
            problems.append(f"layout shift {self.layout_shift:.3f} > {MAX_LAYOUT_SHIFT}")
        if self.total_bytes > MAX_BYTES:
            problems.append(f"{self.total_bytes} bytes > {MAX_BYTES}")
        if problems and self.failing_audits:
            problems.append("failing audits: " + ", ".join(self.failing_audits))
        return problems


class _CompressingHandler(SimpleHTTPRequestHandler):
    """Text files gzip-compressed for a client that accepts it, as any web server the sites are
    published on does; Lighthouse's performance score reckons with what crosses the network."""

    COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".txt", ".xml"}

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or \
                not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass


@contextlib.contextmanager
def served(site: Path, compressed: bool) -> Iterator[str]:
    """`site` over HTTP on a free local port: its base address. Uncompressed for the byte budget
    (which counts uncompressed bytes), compressed for the performance score."""
    handler = _CompressingHandler if compressed else SimpleHTTPRequestHandler
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def lighthouse_binary(root: Path) -> Path:
    return root / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"


def run_lighthouse(binary: Path, url: str, chromium: str = "/usr/bin/chromium") -> LighthouseResult:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [str(binary), url, "--quiet", "--form-factor=mobile", "--output=json", f"--output-path={report}",
             f"--chrome-flags={CHROME_FLAGS}", "--only-categories=performance,accessibility,best-practices,seo"],
            check=True, env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, timeout=180,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    failing = sorted(
        ref["id"] for category in BUDGETS for ref in data["categories"][category]["auditRefs"]
        if ref.get("weight") and (audits[ref["id"]].get("score") is not None) and audits[ref["id"]]["score"] < 1
    )
    return LighthouseResult(
        url=url,
        scores={name: category["score"] for name, category in data["categories"].items()},
        layout_shift=float(audits["cumulative-layout-shift"]["numericValue"]),
        total_bytes=int(audits["total-byte-weight"]["numericValue"]),
        failing_audits=failing,
    )


def site_roots(site: Path) -> list[Path]:
    """Every organisation site in every language: a folder with its own index.html and search."""
    return sorted(p.parent for p in site.rglob("search") if p.is_dir() and (p.parent / "index.html").is_file())


def _inner_pages(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob("*.html") if p.name not in ("index.html", "about.html",
                                                                          "accessibility.html"))


def budget_pages(site: Path) -> list[str]:
    """What the tests hold to the budgets: `sample_pages`, one page of each kind the portal builds
    besides its front page (the editors' status page missed two budgets once), and the about page
    of the last site (a late italic font once shifted Sunndal's by 0.024)."""
    topics = sorted(p.relative_to(site).as_posix() for p in (site / "topics").glob("*.html"))
    status = ["status/index.html"] if (site / "status/index.html").is_file() else []
    about = [(root / "about.html").relative_to(site).as_posix() for root in site_roots(site)[-1:]
             if (root / "about.html").is_file()]
    return [*sample_pages(site), *status, *topics[:1], *about]


def bench_pages(site: Path) -> list[str]:
    """Each kind of page once in every site and language, and every kind the portal builds.

    Every page would take some 11 s each (over 20 minutes for the real sites); the pages of one
    kind share their template, styles and scripts and differ only in their text, so this set
    (about 45 pages) shows what every page scores. Per site and language: the start page, the
    first guideline page, the about page, the accessibility statement and the first change view
    of an edition, where there is one; the portal, its status page and a topic page per language.
    """
    pages = ["index.html"]
    for root in site_roots(site):
        inner = _inner_pages(root)
        changes = sorted(p.name for p in (root / "editions").glob("*-changes.html"))
        chosen = ["index.html", *inner[:1], "about.html", "accessibility.html", *(f"editions/{c}" for c in changes[:1])]
        pages += [(root / name).relative_to(site).as_posix() for name in chosen if (root / name).is_file()]
    if (site / "status/index.html").is_file():
        pages.append("status/index.html")
    languages: dict[str, str] = {}
    for topic in sorted((site / "topics").glob("*.html")):
        languages.setdefault(topic.suffixes[-2] if len(topic.suffixes) > 1 else "", topic.relative_to(site).as_posix())
    return pages + sorted(languages.values())


def sample_pages(site: Path) -> list[str]:
    """The portal and one inner page of each site (its second nav page), relative to site/."""
    pages = ["index.html"]
    for org in sorted(p for p in site.iterdir() if (p / "index.html").is_file() and (p / "search").is_dir()):
        inner = _inner_pages(org)
        pages.append(f"{org.name}/{inner[0] if inner else 'index.html'}")
    return pages
