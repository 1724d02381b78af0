"""Shared test helpers: where the repository is, which report projects it holds, and one build
of each project per test session.

The tests are laid out as:

- `tests/toolkit/`: the package's own tests, with their own fixtures (`tests/toolkit/fixtures/`);
  they pass whatever report the repository holds.
- `tests/projects/`: generic tests run on every report project in the repository (the root one and
  each `examples/*/` with a `_quarto.yml`): the build end to end, references, typed numbers.
- `tests/report/`: the root report's own tests (backtests against its published numbers …).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from rapport.pipeline.leaks import temporary_dirs

REPO = Path(__file__).resolve().parents[1]
ANYWHERE = {".venv", ".git", ".pytest_cache", "__pycache__", ".ruff_cache"}
AT_ROOT = {"_book", "_build", "_variables.yml", "examples"}  # a fixture may hold a _build/


def copy_ignoring_outputs(source: Path):
    """An ignore function for shutil.copytree: environments and caches anywhere, build outputs
    (and other projects under examples/) only at the project root."""
    source = Path(source).resolve()
    # A temporary directory inside the project (TMPDIR=<checkout>/.tmp) holds the copy itself:
    # copying it would nest the copy in itself.
    scratch = {Path(d).resolve() for d in temporary_dirs()}

    def ignore(directory: str, names: list[str]) -> set[str]:
        skipped = {n for n in names if n in ANYWHERE or n.endswith((".staging", ".egg-info"))}
        if Path(directory).resolve() == source:
            skipped |= AT_ROOT & set(names)
        skipped |= {n for n in names if (Path(directory) / n).resolve() in scratch}
        return skipped

    return ignore


def pdf_text(pdf: Path) -> str:
    """A PDF's text, page after page, read with the locked pypdf (no system tool)."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def report_projects() -> list[Path]:
    """Every report project the repository holds: the root and each examples/<name>/."""
    return [REPO, *sorted(p.parent for p in REPO.glob("examples/*/_quarto.yml"))]


def project_id(root: Path) -> str:
    return "root" if root == REPO else root.relative_to(REPO).as_posix()


def cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """The build command line, as `make report` runs it, in the project at `root`."""
    return subprocess.run([sys.executable, "-m", "rapport.pipeline.cli", *args], cwd=root,
                          capture_output=True, text=True)


@pytest.fixture(scope="session")
def built_projects(tmp_path_factory):
    """A function: the project at `source`, copied to a scratch directory and built once per
    session (data, every notebook, render), shared by every test that asks for it."""
    built: dict[Path, Path] = {}

    def build(source: Path) -> Path:
        if source not in built:
            root = tmp_path_factory.mktemp("built") / source.name
            shutil.copytree(source, root, ignore=copy_ignoring_outputs(source))
            # The environment is part of the project (the CSL style and fonts are read from it).
            (root / ".venv").symlink_to(REPO / ".venv")
            proc = cli(root, "report")
            assert proc.returncode == 0, proc.stdout + proc.stderr
            built[source] = root
        return built[source]

    return build
