"""This report's own tests: the book builds, every number in it comes from the data, and the
prose and the codebook documentation are in order. Expected values are computed here from the
raw data file, independently of the notebook."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
IGNORE = shutil.ignore_patterns(".venv", ".git", "_book", "_build", "_variables.yml",
                                ".pytest_cache", "__pycache__")
MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The project built in a scratch copy (the checkout's own _book/ is left alone)."""
    root = tmp_path_factory.mktemp("bygg") / "rapport"
    shutil.copytree(ROOT, root, ignore=IGNORE)
    (root / ".venv").symlink_to(ROOT / ".venv")
    proc = subprocess.run([sys.executable, "-m", "rapport.pipeline.cli", "report"], cwd=root,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root


def answers() -> list[dict]:
    with open(ROOT / "data" / "raw" / "svar.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def percent_words(share: Decimal) -> str:
    return f"{(share * 100).quantize(Decimal('1'), rounding=ROUND_HALF_UP)} prosent"


def test_the_book_has_its_pages_and_a_tagged_pdf(built):
    from pypdf import PdfReader

    for page in ("index.html", "01-resultater.html"):
        assert (built / "_book" / page).is_file(), page
    reader = PdfReader(built / "_book" / "rapport.pdf")
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged (PDF/UA-1)
    assert str(reader.trailer["/Root"].get("/Lang", "")).startswith("nb")


def test_prose_numbers_equal_a_count_of_the_raw_file(built):
    rows = answers()
    satisfied = Decimal(sum(row["q_fornoyd"] in ("4", "5") for row in rows)) / len(rows)
    variables = yaml.safe_load((built / "_variables.yml").read_text(encoding="utf-8"))
    assert variables["svar"]["n"] == str(len(rows))
    assert variables["svar"]["fornoyd"] == percent_words(satisfied)
    page = (built / "_book" / "01-resultater.html").read_text(encoding="utf-8")
    assert percent_words(satisfied) in page
    assert f"(n = {len(rows)})" in page.replace("\u00a0", " ")


def test_the_table_counts_every_answer_once(built):
    rows = answers()
    data = list(csv.DictReader(open(built / "_build/artifacts/01-resultater/"
                                    "tbl-svar-per-region.csv", encoding="utf-8")))
    assert sum(int(row["antall"]) for row in data) == len(rows)


def test_the_signature_takes_place_and_date_from_the_metadata(built):
    config = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    year, month, day = (int(part) for part in str(config["book"]["date"]).split("-"))
    expected = f"{config['report']['place']}, {day}. {MONTHS[month - 1]} {year}"
    page = (built / "_book" / "index.html").read_text(encoding="utf-8")
    assert expected in page.replace("\u00a0", " ")


def test_no_number_is_typed_into_the_prose():
    from rapport.proofread import typed_number_report

    assert typed_number_report(ROOT) == []


def test_bibliography_and_citations_agree():
    from rapport.proofread import bibliography_problems

    assert bibliography_problems(ROOT) == []


def test_the_codebook_readme_is_up_to_date():
    from rapport.data.codebook_doc import codebook_readme

    committed = (ROOT / "data" / "codebook" / "README.md").read_text(encoding="utf-8")
    assert committed == codebook_readme(ROOT), "data/codebook/README.md is stale: make codebook"


def test_no_exhibit_lacks_alt_text_or_kilde(built):
    for snippet in sorted((built / "_build" / "artifacts").glob("*/[ft][ib][gl]-*.md")):
        text = snippet.read_text(encoding="utf-8")
        assert "Kilde: " in text, snippet.name
        if snippet.name.startswith("fig-"):
            assert re.search(r'fig-alt="[^"]+"', text), snippet.name
