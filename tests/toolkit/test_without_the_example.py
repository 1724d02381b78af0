"""The toolkit does not depend on the report the repository holds: in a copy of the repository
whose example report (data, notebooks, chapters, its tests, its generator) is replaced by a
report made with `rapport new`, every test still runs and passes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, copy_ignoring_outputs

pytestmark = pytest.mark.slow
THIS = Path(__file__).relative_to(REPO).as_posix()
EXAMPLE = ["data", "notebooks", "chapters", "index.qmd", "references.bib", "_quarto.yml",
           "tests/report", "src/ekspertbistand"]
NEW_REPORT = ["data", "notebooks", "chapters", "index.qmd", "references.bib", "_quarto.yml",
              "tests/report"]


def pytest_in(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
                          cwd=root, capture_output=True, text=True, env=env)


def without_the_example(root: Path, scratch: Path) -> dict:
    """The environment for tests in the copy: its own `src/` first (the shared .venv installs
    the checkout's `src/` in editable mode), and a stand-in for the removed example package
    that fails on import, so nothing reaches the checkout's copy of it."""
    stub = scratch / "removed" / "ekspertbistand"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text(
        'raise ImportError("ekspertbistand was removed with the example report")\n')
    return os.environ | {"PYTHONPATH": os.pathsep.join([str(stub.parent), str(root / "src")])}


def environment_skips(output: str) -> list[str]:
    """The reasons of the run's skips (`-rs`) that a tool absent from this machine explains: a
    reason «... (tool) not installed» whose tool is not on PATH. Any other skip is a defect."""
    reasons = re.findall(r"^SKIPPED \[\d+\] [^:]+:\d+: (.*)$", output, flags=re.M)
    absent = [r for r in reasons
              if (tool := re.search(r"\((\w+)\) not installed$", r)) and shutil.which(tool[1]) is None]
    assert absent == reasons, f"skips no missing tool explains: {sorted(set(reasons) - set(absent))}"
    return absent


def count(summary: str, word: str) -> int:
    match = re.search(rf"(\d+)(?:/\d+)? {word}", summary)
    return int(match.group(1)) if match else 0


def test_every_test_passes_with_a_new_report_in_place_of_the_example(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(REPO, root, ignore=copy_ignoring_outputs(REPO))
    for rel in EXAMPLE:
        path = root / rel
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    new = tmp_path / "ny"
    proc = subprocess.run([str(Path(sys.executable).parent / "rapport"), "new", str(new)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    for rel in NEW_REPORT:
        source, target = new / rel, root / rel
        shutil.copytree(source, target) if source.is_dir() else shutil.copy2(source, target)
    (root / ".venv").symlink_to(REPO / ".venv")
    env = without_the_example(root, tmp_path)
    probe = subprocess.run([sys.executable, "-c", "import rapport; print(rapport.__file__); import ekspertbistand"], env=env,
                           cwd=root, capture_output=True, text=True)
    assert "removed with the example" in probe.stderr, probe.stderr  # the stand-in works
    assert probe.stdout.startswith(str(root / "src")), probe.stdout  # the copy's toolkit

    expected = pytest_in(REPO, "--collect-only", "-q", "tests/toolkit", "--deselect", THIS)
    toolkit_tests = count(expected.stdout, "tests? collected")
    assert toolkit_tests > 200, expected.stdout[-2000:]

    toolkit = pytest_in(root, "-q", "-rs", "tests/toolkit", "--deselect", THIS, env=env)
    summary = toolkit.stdout.strip().splitlines()[-1]
    print(f"toolkit tests with the example replaced by a new report: {summary}")
    assert toolkit.returncode == 0, toolkit.stdout[-6000:] + toolkit.stderr[-2000:]
    skipped = environment_skips(toolkit.stdout)  # e.g. the Word check where soffice is absent
    assert count(summary, "skipped") == len(skipped), summary
    assert count(summary, "passed") == toolkit_tests - len(skipped), summary
    assert not any(count(summary, w) for w in ("failed", "error")), summary

    # (the comparisons with real Quarto skip where no Quarto CLI exists, and say so: left out)
    others = pytest_in(root, "-q", "tests/projects", "tests/report",
                       "--ignore=tests/projects/test_quarto.py",
                       "--ignore=tests/projects/test_quarto_docx.py", env=env)
    summary = others.stdout.strip().splitlines()[-1]
    print(f"project tests and the new report's own tests there: {summary}")
    assert others.returncode == 0, others.stdout[-6000:] + others.stderr[-2000:]
    assert not any(count(summary, w) for w in ("failed", "error", "skipped")), summary
