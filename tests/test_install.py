"""The venv comes from the hashed lock alone: a newer release on the index changes nothing.

Offline: a find-links folder of wheels built here stands for the index. `alpha` requires
`beta[fast]>=1.0`, and the folder also holds `beta 1.1`, newer than the locked `beta 1.0`: the case
that broke every fresh install on 2026-12-06 (WeasyPrint's `fonttools[woff]`). pip is the one that
`venv` bundles with this Python (the pip that failed), bootstrapped from a fixture lock.
"""

from __future__ import annotations

import ensurepip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from wheels import build_wheel, lock_line

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "tools" / "locked_venv.py"
BUNDLED = Path(ensurepip.__file__).parent / "_bundled"


@pytest.fixture
def index(tmp_path: Path) -> dict[str, Path]:
    links = tmp_path / "links"
    links.mkdir()
    alpha = build_wheel(links, "alpha", "1.0", ("beta[fast]>=1.0",))
    beta = build_wheel(links, "beta", "1.0", ('gamma; extra == "fast"',), ("fast",))
    build_wheel(links, "beta", "1.1", ('gamma; extra == "fast"',), ("fast",))  # newer than the lock
    gamma = build_wheel(links, "gamma", "1.0")
    bootstrap = []
    for name in ("pip", "setuptools"):
        wheel = shutil.copy(next(BUNDLED.glob(f"{name}-*.whl")), links)
        bootstrap.append(lock_line(name, Path(wheel).name.split("-")[1], Path(wheel)))
    (tmp_path / "pip.lock").write_text("".join(bootstrap), encoding="utf-8")
    (tmp_path / "full.lock").write_text(
        lock_line("alpha", "1.0", alpha) + lock_line("beta", "1.0", beta) + lock_line("gamma", "1.0", gamma),
        encoding="utf-8")
    (tmp_path / "without-beta.lock").write_text(lock_line("alpha", "1.0", alpha) + lock_line("gamma", "1.0", gamma),
                                                encoding="utf-8")
    return {"links": links, "bootstrap": tmp_path / "pip.lock", "lock": tmp_path / "full.lock",
            "short": tmp_path / "without-beta.lock", "venv": tmp_path / "venv"}


def offline(links: Path) -> dict[str, str]:
    """pip with no index and no machine configuration: only the folder."""
    return {**os.environ, "PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(links)}


def install(index: dict[str, Path], lock: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(INSTALLER), str(index["venv"]), str(lock),
                           "--bootstrap", str(index["bootstrap"]), *extra],
                          env=offline(index["links"]), capture_output=True, text=True, timeout=300, check=False)


def installed(venv: Path) -> dict[str, str]:
    listing = subprocess.run([str(venv / "bin" / "python"), "-c",
                              "import importlib.metadata as m; print('\\n'.join(f'{d.name}=={d.version}' "
                              "for d in m.distributions()))"], capture_output=True, text=True, check=True).stdout
    return dict(line.split("==") for line in listing.split())


def test_the_fixture_breaks_a_plain_hashed_install(index: dict[str, Path], tmp_path: Path) -> None:
    """The old Makefile line, with the pip venv bundles: the newer beta is taken and refused."""
    venv = tmp_path / "plain"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    result = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--require-hashes",
                             "-r", str(index["lock"])], env=offline(index["links"]), capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert "beta[fast]>=1.0 from " in result.stderr and "beta-1.1-py3-none-any.whl" in result.stderr


def test_the_install_takes_exactly_the_locked_files(index: dict[str, Path]) -> None:
    result = install(index, index["lock"])
    assert result.returncode == 0, result.stderr
    versions = installed(index["venv"])
    assert {name: versions[name] for name in ("alpha", "beta", "gamma")} == {"alpha": "1.0", "beta": "1.0",
                                                                            "gamma": "1.0"}
    assert versions["pip"] == next(BUNDLED.glob("pip-*.whl")).name.split("-")[1]
    marker = (index["venv"] / ".installed").read_text(encoding="utf-8").strip()
    assert len(marker) == 64
    again = install(index, index["lock"], "--if-needed")  # current: nothing to do, nothing printed
    assert (again.returncode, again.stdout) == (0, "")


def test_a_locked_file_missing_from_the_index_fails_clearly(index: dict[str, Path]) -> None:
    (index["links"] / "gamma-1.0-py3-none-any.whl").unlink()
    result = install(index, index["lock"])
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "error: Installing full.lock failed (pip's message is above). Each file that full.lock and pip.lock name "
        "must be reachable on the package index with the listed hash; if a package was changed, refresh the locks "
        "as README's 'Reproducible installs' says.")
    assert not (index["venv"] / ".installed").exists()  # `make` tries again next time


def test_a_lock_that_misses_a_requirement_fails_at_pip_check(index: dict[str, Path]) -> None:
    result = install(index, index["short"])
    assert result.returncode == 1
    assert "alpha 1.0 requires beta, which is not installed." in result.stdout
    assert result.stderr.splitlines()[-1].startswith("error: pip check after installing without-beta.lock failed")
    assert not (index["venv"] / ".installed").exists()


def test_every_venv_is_made_by_the_installer() -> None:
    """make's .venv and the Zensical test venv: both through tools/locked_venv.py, both from a .lock."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "python3 tools/locked_venv.py $(VENV) requirements-properdocs.lock" in makefile
    assert "pip install" not in makefile
    engines = (ROOT / "tests" / "test_outputs_engines.py").read_text(encoding="utf-8")
    assert '"requirements-zensical.lock"' in engines and "pip install" not in engines
