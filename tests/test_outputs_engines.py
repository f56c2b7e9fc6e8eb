"""The sites outlive their engine.

ProperDocs builds, byte for byte, what MkDocs builds (only the generator tag names the engine),
and a build that did not run our hooks (Zensical; a mkdocs.yml without its `hooks:` list) stops
with a message that names `make site` instead of publishing half a site.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml
from publisher.outputs.engine import ENGINE_ENV, ENGINES, EngineError, use_engine
from publisher.pipeline.whole import BuildFailed, build_all

ROOT = Path(__file__).resolve().parents[1]
ORG = "kalundborg"  # the smallest real organisation: three pages in da and en, two PDFs
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
GUARD = ("Build these sites with 'make site' (preview: 'make serve'). This build did not run our hooks "
         "(hooks/*.py), which set config.extra.guide: Zensical ignores the hooks: list in mkdocs.yml, and a "
         "copy of mkdocs.yml without that list skips them.")
ZENSICAL_LOCK = ROOT / "requirements-zensical.lock"
ZENSICAL_VENV = ROOT / ".venv" / "zensical"  # never the publisher's own environment


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GUIDE_")}
    return subprocess.run(command, cwd=cwd, env={**environ, **env}, capture_output=True, text=True, timeout=600,
                          check=False)


def publisher(engine: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m publisher ...` as `make` runs it, with the engine passed as `make ENGINE=...` passes it."""
    return run([sys.executable, "-m", "publisher", *args], ROOT, PYTHONPATH=str(ROOT / "hooks"),
               **{ENGINE_ENV: engine})


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_properdocs_builds_what_mkdocs_builds(tmp_path: Path) -> None:
    for engine in ("mkdocs", "properdocs"):
        result = publisher(engine, "build", "--org", ORG, "--out", str(tmp_path / engine / "site"))
        assert result.returncode == 0, result.stderr
    mkdocs, properdocs = tree(tmp_path / "mkdocs" / "site"), tree(tmp_path / "properdocs" / "site")
    assert sorted(mkdocs) == sorted(properdocs)
    assert {f"{ORG}/pdf/{ORG}-da.pdf", f"{ORG}/pdf/{ORG}-en.pdf", f"{ORG}/index.html", f"{ORG}/en/index.html"} \
        <= mkdocs.keys()
    different = [name for name in mkdocs
                 if GENERATOR.sub(b"", mkdocs[name]) != GENERATOR.sub(b"", properdocs[name])
                 or (not name.endswith(".html") and mkdocs[name] != properdocs[name])]
    assert different == []

    pages = [name for name in mkdocs if name.startswith(f"{ORG}/") and name.endswith(".html")]
    assert {GENERATOR.search(mkdocs[name]).group(1).decode() for name in pages} == {generator("mkdocs")}
    assert {GENERATOR.search(properdocs[name]).group(1).decode() for name in pages} == {generator("properdocs")}


def generator(engine: str) -> str:
    """What mkdocs-material's generator meta tag says when `engine` built the page."""
    name = {"mkdocs": f"mkdocs-{version('mkdocs')}", "properdocs": f"mkdocs-ProperDocs {version('properdocs')}"}
    return f"{name[engine]}, mkdocs-material-{version('mkdocs-material')}"


def test_the_suite_builds_with_the_engine_it_was_given(real_site: Path) -> None:
    """`make test ENGINE=properdocs` must not quietly test MkDocs: the built pages name the engine."""
    tag = GENERATOR.search((real_site / ORG / "index.html").read_bytes()).group(1).decode()
    assert tag == generator(os.environ[ENGINE_ENV])


def test_unknown_engine_is_refused_by_name() -> None:
    result = run(["make", "--no-print-directory", "--silent", "check", "ENGINE=hugo; echo pasted"], ROOT)
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        "error: ENGINE=hugo; echo pasted is not an engine the sites are built with; "
        "use one of: mkdocs, properdocs (default mkdocs)")


def test_engine_cannot_change_once_mkdocs_is_loaded() -> None:
    import mkdocs.config  # noqa: F401  (loaded: real MkDocs, or ProperDocs under ENGINE=properdocs)

    current = os.environ[ENGINE_ENV]
    other = "mkdocs" if current == "properdocs" else "properdocs"
    with pytest.raises(EngineError) as error:
        use_engine({ENGINE_ENV: other})
    assert str(error.value) == (
        f"ENGINE={other}, but this process has loaded {current} already: choose the engine before "
        "anything imports MkDocs ('python -m publisher' does)")
    assert os.environ[ENGINE_ENV] == current


def test_a_plugin_warning_stops_the_strict_build_with_either_engine(fixture_repo) -> None:
    """mkdocs-material logs under `mkdocs.material.*`; ProperDocs counts its own `properdocs.*` tree.

    Run by `make test ENGINE=properdocs` too (CI does): there, this warning must still stop the build.
    """
    root = fixture_repo()
    (root / "warn.py").write_text("import logging\n\n\ndef on_pre_build(config):\n"
                                  "    logging.getLogger('mkdocs.material.fixture').warning('a plugin warns')\n",
                                  encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("\nhooks:\n", "\nhooks:\n  - warn.py\n"),
                      encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_all(root, root / "site", with_pdf=False, progress=lambda line: None)
    assert [(f.language, f.problems) for f in failed.value.failures] == [
        (language, ["a plugin warns", "Aborted with 1 warnings in strict mode!"]) for language in ("da", "en")]


def without_hooks(root: Path) -> Path:
    config = root / "mkdocs.yml"
    text, removed = re.subn(r"\nhooks:\n(?:  - .*\n)+", "\n", config.read_text(encoding="utf-8"))
    assert removed == 1
    config.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_build_without_our_hooks_stops_and_names_make_site(fixture_repo, engine: str) -> None:
    root = without_hooks(fixture_repo())
    result = run([sys.executable, "-m", engine, "build"], root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].startswith(f'jinja2.exceptions.TemplateNotFound: "{GUARD}" not found')
    assert sorted(p.name for p in (root / "site").rglob("*.html")) == []


@pytest.fixture(scope="session")
def zensical() -> Path:
    """Zensical in a venv of its own, made from its hashed lock by the installer `make` uses, when missing or
    outdated."""
    result = run([sys.executable, str(ROOT / "tools" / "locked_venv.py"), str(ZENSICAL_VENV), str(ZENSICAL_LOCK),
                  "--if-needed"], ROOT)
    if result.returncode != 0:
        pytest.fail(f"could not install Zensical into {ZENSICAL_VENV}: {result.stderr}")
    return ZENSICAL_VENV / "bin" / "zensical"


def test_zensical_stops_and_names_make_site(fixture_repo, zensical: Path) -> None:
    assert run([str(zensical), "--version"], ROOT).stdout.strip() == "0.0.73"
    root = fixture_repo()  # the real mkdocs.yml, hooks list and all: Zensical ignores it
    result = run([str(zensical), "build"], root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f'RuntimeError: template not found: tried to include non-existing template "{GUARD}" (in main.html:8)')
    assert sorted(p.name for p in (root / "site").rglob("*.html")) == []


def test_pull_request_workflow_runs_the_suite_once_per_engine() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["test"]
    assert job["strategy"]["matrix"]["engine"] == list(ENGINES)
    # .ci/run installs Debian's browser and runs `make test`, which reads ENGINE from the environment.
    runs = [(step.get("env"), step.get("run")) for step in job["steps"] if ".ci/run" in step.get("run", "")]
    assert [env for env, _ in runs] == [{"ENGINE": "${{ matrix.engine }}"}]
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
