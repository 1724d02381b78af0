"""What is published: byte-identical between cold builds, nothing of the build machine, and the
disclosure rule on every page (chapter pages, executed-notebook pages, CSV downloads).

Two cold builds of the example report, each in its own scratch copy (different paths, so a
path that leaks into a page also makes the two books differ).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from rapport.pipeline.leaks import published_leaks
from tests.conftest import pdf_text

REPO = Path(__file__).resolve().parents[2]
IGNORE = shutil.ignore_patterns(".venv", ".git", "_book", "_build", "_variables.yml", "*.staging",
                                ".pytest_cache", "__pycache__")
REGISTER = "data/raw/register/"
COUNT_COLUMN = re.compile(r"(^|_)(antall|count|n)($|_)")

pytestmark = pytest.mark.slow


def cold_build(root: Path) -> Path:
    shutil.copytree(REPO, root, ignore=IGNORE)
    (root / ".venv").symlink_to(REPO / ".venv")
    proc = subprocess.run([sys.executable, "-m", "rapport.pipeline.cli", "report"], cwd=root,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory, register_data) -> tuple[Path, Path]:
    first = cold_build(tmp_path_factory.mktemp("cold-a") / "proj")
    second = cold_build(tmp_path_factory.mktemp("cold-b-longer-path") / "rapport")
    return first, second


def hashes(book: Path) -> dict[str, str]:
    return {p.relative_to(book).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(book.rglob("*")) if p.is_file()}


def register_notebooks(root: Path) -> set[str]:
    """Notebooks whose last run read a register extract (from their cache entries)."""
    out = set()
    for entry in (root / "_build" / "cache").glob("*.json"):
        reads = json.loads(entry.read_text())["reads"]
        if any(r["path"].startswith(REGISTER) for r in reads):
            out.add(entry.stem)
    return out


def test_two_cold_builds_give_identical_books(two_builds):
    first, second = (hashes(root / "_book") for root in two_builds)
    assert first.keys() == second.keys()
    differ = sorted(k for k in first if first[k] != second[k])
    assert not differ, differ
    assert sum(k.startswith("analyse/") for k in first) >= 13


def test_no_path_of_the_build_machine_is_published(two_builds):
    for root in two_builds:
        assert published_leaks(root, root / "_book") == []
        text = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                         for p in (root / "_book").rglob("*")
                         if p.suffix in (".html", ".csv", ".svg", ".json"))
        assert str(root) not in text
        assert "ipykernel_" not in text and str(Path.home()) + "/" not in text
        pdf = pdf_text(next((root / "_book").glob("*.pdf")))
        assert str(root) not in pdf and "ipykernel_" not in pdf


class _Outputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.outputs = 0
        self.images = 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if "output" in classes:
            self.outputs += 1
        if tag == "img":
            self.images += 1


def test_register_notebook_pages_show_no_unsuppressed_output(two_builds):
    root = two_builds[0]
    readers = register_notebooks(root)
    assert {"03-register", "06-utproving", "03-personer"} <= readers
    for stem in readers:
        html = (root / "_book" / "analyse" / f"{stem}.html").read_text(encoding="utf-8")
        parser = _Outputs()
        parser.feed(html)
        assert parser.outputs == 0 and parser.images == 0, stem
        assert "Utdata er holdt tilbake" in html, stem
    # the counts the issue found on the 06-utproving page (Vestby 3, Rælingen 2) are nowhere
    page = (root / "_book" / "analyse" / "06-utproving.html").read_text(encoding="utf-8")
    assert "Vestby" not in page and "Rælingen" not in page
    # notebooks that read no register data keep their outputs
    survey = (root / "_book" / "analyse" / "03-survey.html").read_text(encoding="utf-8")
    parser = _Outputs()
    parser.feed(survey)
    assert parser.outputs > 0


def _small_counts(csv: Path) -> list[str]:
    frame = pd.read_csv(csv)
    found = []
    for column in frame.columns:
        if COUNT_COLUMN.search(str(column)) and pd.api.types.is_numeric_dtype(frame[column]):
            small = frame[column].between(1, 3)
            found += [f"{column}={frame[column][i]:g} (row {i + 2})" for i in frame.index[small]]
    return found


def test_every_published_csv_of_register_data_keeps_the_rule(two_builds):
    """Counts 1–3 never appear in a download from a notebook that read register data."""
    root = two_builds[0]
    readers = register_notebooks(root)
    problems = []
    for csv in sorted((root / "_book" / "data").rglob("*.csv")):
        if csv.parent.name in readers and not csv.name.endswith(".excel.csv"):
            problems += [f"{csv.relative_to(root / '_book')}: {p}" for p in _small_counts(csv)]
    assert not problems, problems


def test_survey_downloads_keep_the_group_rule_the_data_card_states(two_builds):
    """Survey data: no group (`n`) of 1–3 is published; a download with counts of 1–3 and no
    `n` column (a crosstab whose groups are its columns) is one the data card names."""
    root = two_builds[0]
    card = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(tbl-[a-z0-9-]+|fig-[a-z0-9-]+)`", card.split("## Personvern")[1]))
    readers = register_notebooks(root)
    small_groups, unnamed = [], []
    for csv in sorted((root / "_book" / "data").rglob("*.csv")):
        if csv.parent.name in readers or csv.name.endswith(".excel.csv"):
            continue
        frame = pd.read_csv(csv)
        bases = [c for c in frame.columns if re.match(r"^n($|_)", str(c))]
        for column in bases:
            if frame[column].between(1, 3).any():
                small_groups.append(f"{csv.parent.name}/{csv.name}: {column}")
        if _small_counts(csv) and not bases and csv.stem not in named:
            unnamed.append(f"{csv.parent.name}/{csv.name}")
    assert not small_groups, small_groups
    assert not unnamed, unnamed
