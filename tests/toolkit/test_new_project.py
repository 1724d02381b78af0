"""`rapport new DIR` makes a complete report project that builds (HTML + PDF/UA) and passes its
own tests at once, with the toolkit pinned as a wheel built from this checkout."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow
RAPPORT = Path(sys.executable).parent / "rapport"  # the installed console script


def rapport(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(RAPPORT), *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def new(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("ny") / "ny-rapport"
    proc = rapport("new", str(target), "--title", "Evaluering av et sykefraværsprosjekt",
                   cwd=tmp_path_factory.getbasetemp())
    assert proc.returncode == 0, proc.stderr
    return target


def test_the_console_script_is_installed_not_a_path_file():
    assert RAPPORT.is_file()
    site = Path(sys.executable).parents[1] / "lib" / "python3.11" / "site-packages"
    assert not (site / "rapport-src.pth").exists()
    assert list(site.glob("rapport-*.dist-info"))


def authors_shell() -> dict:
    """The environment of an author's shell: none of this checkout's test settings, no
    activated environment, and no PYTHONPATH (a test may run inside a copy that sets one)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAPPORT_", "PYTEST"))}
    for key in ("VIRTUAL_ENV", "PYTHONPATH"):
        env.pop(key, None)
    return env


def test_the_project_builds_and_passes_its_own_tests(new):
    env = authors_shell()
    proc = subprocess.run(["make", "-C", str(new), "report", "test"], capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    assert re.search(r"\d+ passed", proc.stdout) and " failed" not in proc.stdout, proc.stdout
    assert (new / "_book" / "index.html").is_file()
    assert (new / "_book" / "rapport.pdf").stat().st_size > 10_000
    # The project's environment runs the pinned wheel, not this checkout.
    installed = subprocess.run([str(new / ".venv/bin/python"), "-c",
                                "import rapport; print(rapport.__file__)"],
                               capture_output=True, text=True, env=env).stdout
    assert Path(installed.strip()).is_relative_to(new / ".venv"), installed


def test_the_toolkit_is_pinned_by_version_and_hash(new):
    wheel = new / "vendor" / "rapport-0.1.0-py3-none-any.whl"
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    lock = (new / "requirements.lock").read_text(encoding="utf-8")
    assert f"./vendor/{wheel.name} \\\n    --hash=sha256:{digest}" in lock
    assert lock.startswith((REPO / "requirements.lock").read_text(encoding="utf-8").rstrip())
    names = zipfile.ZipFile(wheel).namelist()
    assert "rapport/exhibits/fmt.py" in names and "rapport/pipeline/render/project.py" in names
    assert not [n for n in names if n.startswith("ekspertbistand/")]


def test_no_file_of_the_example_is_in_it(new):
    # The report files committed in this repository (none outside a git checkout, e.g. in the
    # copy where a new report replaces the example).
    listed = subprocess.run(["git", "ls-files", "data", "chapters", "notebooks", "tests/report"],
                            cwd=REPO, capture_output=True, text=True)
    committed = [REPO / rel for rel in listed.stdout.splitlines()] if listed.returncode == 0 \
        else []
    example = {hashlib.sha256(p.read_bytes()).hexdigest() for p in committed
               if p.is_file() and p.stat().st_size > 200}
    for path in new.rglob("*"):
        if path.is_file() and ".venv" not in path.parts and "_build" not in path.parts \
                and "_book" not in path.parts:
            assert hashlib.sha256(path.read_bytes()).hexdigest() not in example, path
            if path.suffix in (".qmd", ".py", ".yml", ".md", ".csv"):
                assert "ekspertbistand" not in path.read_text(encoding="utf-8"), path


def test_the_project_has_every_part_the_issue_lists(new):
    for rel in ("_quarto.yml", "index.qmd", "chapters/01-resultater.qmd",
                "notebooks/01-resultater.py", "data/codebook/svar.yml", "data/codebook/codes.yml",
                "data/codebook/README.md", "data/raw/svar.csv", "data/README.md",
                "tests/report/test_report.py", "tests/report/allowed-numbers.yml", "Makefile",
                ".github/workflows/report.yml", ".gitignore",
                "_extensions/rapport/styles/oxford-research.yml"):
        assert (new / rel).is_file(), rel
    config = (new / "_quarto.yml").read_text(encoding="utf-8")
    assert len(re.findall(r"\b20\d\d-\d\d-\d\d\b", config)) == 1  # the date, typed once


def test_the_workflow_validates_against_the_schema(new):
    proc = subprocess.run([str(Path(sys.executable).parent / "check-jsonschema"),
                           "--builtin-schema", "vendor.github-workflows",
                           str(new / ".github/workflows/report.yml")], capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_non_empty_directory_is_refused(tmp_path):
    (tmp_path / "fil.txt").write_text("x")
    proc = rapport("new", str(tmp_path), cwd=tmp_path)
    assert proc.returncode == 1
    assert "exists and is not empty" in proc.stderr
