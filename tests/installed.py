"""závazek as a provider installs it: its wheel in a fresh virtual environment, away from the sources.

The session fixture :func:`installed` builds the wheel from a copy of the
package sources (``pip wheel --no-deps``), creates a virtual environment in
a temporary folder, puts in it the pinned packages of ``requirements.txt``
as the tests' own environment has them installed (copied file by file, as
their records list them, with each module's byte code: unpacking them again with ``pip install -r
requirements.txt``, as the README tells providers, took four times as
long), and then installs the wheel with the tests' pip (the environment has
none of its own), without the package index, so that the wheel's own
dependencies must be met by the pins; ``pip check`` then finds every
package's own needs met. It takes about ten seconds, once per session. Use
it in a test marked
``@pytest.mark.wheel`` (``pytest -m wheel`` runs just those)::

    from installed import installed  # noqa: F401 (fixture)

    @pytest.mark.wheel
    def test_something_a_provider_does(installed, tmp_path):
        result = installed.run("zavazek", "build", str(folder), cwd=tmp_path)

:meth:`Installed.run` runs a command of that environment with the folder
as its working directory, no ``PYTHONPATH`` and no virtual environment of
the tests on ``PATH``: only the installation can be found.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: What the wheel is built from: the package's metadata and sources, nothing of the example sites.
SOURCES = ("pyproject.toml", "README.md", "src")


@dataclass(frozen=True)
class Installed:
    venv: Path
    wheel: Path

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
        path = [p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(str(Path(sys.prefix)))]
        env["PATH"] = os.pathsep.join([str(self.bin), *path])
        env["NO_MKDOCS_2_WARNING"] = "1"
        return env

    def run(self, command: str, *args: str, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
        """``command`` (e.g. ``zavazek``, ``mkdocs``, ``python``) from the installation, in ``cwd``."""
        assert ROOT not in [Path(cwd).resolve(), *Path(cwd).resolve().parents], "run it outside the repository"
        return subprocess.run(
            [str(self.bin / command), *args], cwd=cwd, env=self.env(), capture_output=True, text=True, timeout=timeout
        )


def _pip(python: Path | str, *args: str, cwd: Path) -> None:
    result = subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", "-q", *args],
        cwd=cwd, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Installed:
    """závazek installed from its wheel into a new virtual environment (see the module docstring)."""
    work = tmp_path_factory.mktemp("installed")
    sources = work / "sources"
    sources.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, sources / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, sources / name)
    _pip(sys.executable, "wheel", "--no-deps", "-w", str(work / "dist"), str(sources), cwd=work)
    (wheel,) = (work / "dist").glob("zavazek-*.whl")
    venv = work / "venv"
    # Without a pip of its own (making one is a third of this fixture's time): the tests' pip installs into it.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    _copy_pinned_packages(ROOT / "requirements.txt", venv)
    _pip(sys.executable, "--python", str(venv / "bin" / "python"), "install", "--no-index", str(wheel), cwd=work)
    _pip(sys.executable, "--python", str(venv / "bin" / "python"), "check", cwd=work)  # every package's needs met
    return Installed(venv=venv, wheel=wheel)


def _copy_pinned_packages(requirements: Path, venv: Path) -> None:
    """Each package pinned in ``requirements`` copied from this environment into ``venv``, with its commands.

    The files are those each package's record lists (its modules, data and
    metadata, and its commands in ``bin``), and each module's byte code, so
    the copy is the installation made here (by uv, in ``make test``). A command's first line names the Python that runs it: the
    copy names ``venv``'s, and no command may still name this environment.
    """
    (site_packages,) = (venv / "lib").glob("python*/site-packages")
    python = f"#!{venv / 'bin' / 'python'}\n".encode()
    for line in requirements.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if not line:
            continue
        pin = re.fullmatch(r"([A-Za-z0-9._-]+)==([A-Za-z0-9._+!-]+)", line)
        assert pin, f"{requirements.name}: {line!r} is not a plain pin (name==version)"
        name, version = pin.groups()
        distribution = importlib.metadata.distribution(name)
        assert distribution.version == version, f"{name} {distribution.version} is installed here, {version} pinned"
        assert distribution.files is not None, f"{name} has no record of its files"
        for file in distribution.files:
            source = Path(distribution.locate_file(file))
            target = Path(os.path.normpath(site_packages / file))
            assert target.is_relative_to(venv), f"{name} installs {file} outside its environment"
            if file.suffix == ".pyc" and not source.is_file():
                continue  # byte code Python did not write here
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.parent == venv / "bin":
                lines = source.read_bytes().split(b"\n", 1)
                if lines[0].startswith(b"#!") and b"python" in lines[0]:
                    target.write_bytes(python + lines[1])
                    shutil.copymode(source, target)
                    continue
            shutil.copy2(source, target)
            if file.suffix == ".py":  # and its byte code, which uv compiled but leaves out of the record
                compiled = Path(importlib.util.cache_from_source(str(source)))
                if compiled.is_file():
                    cached = Path(importlib.util.cache_from_source(str(target)))
                    cached.parent.mkdir(exist_ok=True)
                    shutil.copy2(compiled, cached)
    for command in (venv / "bin").iterdir():
        if command.is_file() and not command.is_symlink():
            assert str(Path(sys.prefix)).encode() not in command.read_bytes(), f"{command.name} runs the tests' Python"
