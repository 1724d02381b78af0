"""Backtests of the printed tables of seed 000 (Tabell 2-1, 3-1, 4-1, 4-2) and of the text matrix
Figur 3-1 against the built exhibits' data, expected values from data/reference/ only."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ART = ROOT / "_build" / "artifacts"


@pytest.fixture(scope="module")
def kt_built() -> Path:
    if not (ROOT / "_build" / "facts.json").is_file():
        subprocess.run([sys.executable, "-m", "rapport.pipeline.cli", "prepare", "--root", str(ROOT)],
                       check=True, cwd=ROOT)
    return ART


def rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def reference(name: str) -> list[dict]:
    return rows(ROOT / "data" / "reference" / f"{name}.csv")


def test_tabell_2_1_counts_and_total(kt_built):
    built = {r["aktortype"]: int(r["informanter"]) for r in rows(kt_built / "02-metode" / "tbl-informanter.csv")}
    printed = {r["Type aktør"]: int(r["Antall"]) for r in reference("tabell_2-1")}
    total = printed.pop("Totalt")
    assert built == printed
    assert sum(built.values()) == total
    md = (kt_built / "02-metode" / "tbl-informanter.md").read_text(encoding="utf-8")
    total_row = [line for line in md.splitlines() if "Totalt" in line][0]
    assert [c.strip(" *") for c in total_row.strip("|").split("|")] == ["Totalt", str(total)]


def test_tabell_3_1_cells_and_sum(kt_built):
    built = {r["aar"]: r for r in rows(kt_built / "03-organisering" / "tbl-kostnader.csv")}
    for r in reference("tabell_3-1"):
        year = r["År"].rstrip("*")
        for col, ref_col in (("tiltaksmidler", "Tiltaksmidler"), ("driftsmidler", "Driftsmidler"),
                             ("Sum", "Sum")):
            assert round(int(built[year][col]) / 1e6, 3) == pytest.approx(float(r[ref_col])), (year, col)
    md = (kt_built / "03-organisering" / "tbl-kostnader.md").read_text(encoding="utf-8")
    assert "2022\\*" in md and "januar–august" in md


def test_tabell_4_1(kt_built):
    built = {r["kontor"]: r for r in rows(kt_built / "04-kartlegging" / "tbl-agder-aktuelle.csv")}
    for r in reference("tabell_4-1"):
        b = built[r["Kontor"]]
        assert int(b["sykmeldte_10_uker"]) == int(r["Antall sykmeldte 10 uker"])
        assert int(b["vurdert_aktuelle"]) == int(r["Vurdert som aktuelle"])
        assert round(float(b["andel"]) * 100) == int(r["Andel vurdert som aktuelle (%)"])


def test_tabell_4_2_check_marks(kt_built):
    built = {(r["fylke"], r["ansvarlig"], r["uke"]) for r in rows(kt_built / "04-kartlegging" / "tbl-identifisering-uker.csv")}
    expected = set()
    for r in reference("tabell_4-2"):
        for week in ("4", "5", "6", "8", "10", "12", "16", "Øvrige rutiner"):
            if r[week] == "x":
                expected.add((r["Fylke"], r["Ansvarlig"], week.replace(" rutiner", "")))
    assert built == expected


def test_informants_fact(kt_built):
    facts = json.loads((ROOT / "_build" / "facts.json").read_text(encoding="utf-8"))
    total = [r for r in reference("tabell_2-1") if r["Type aktør"] == "Totalt"][0]
    assert facts["metode.n_informanter"]["value"] == int(total["Antall"])


def test_every_reference_is_cited():
    import re

    keys = re.findall(r"^@\w+\{([^,]+),", (ROOT / "references.bib").read_text(encoding="utf-8"),
                      re.M)
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "chapters").glob("*.qmd"))
    assert len(keys) == 10          # the report's reference list has ten works
    assert [k for k in keys if f"@{k}" not in text] == []


def test_figur_3_1_every_cell_as_printed(kt_built):
    # the matrix is assembled from one row of numbers per county (data/raw/prosjekt/organisering.csv)
    built = {(r["rad"], r["fylke"]): r["tekst"]
             for r in rows(kt_built / "03-organisering" / "fig-involverte-aktorer.csv")}
    printed = {(r["Rad"], county): text for r in reference("figur_3-1")
               for county, text in r.items() if county != "Rad"}
    assert len(printed) == 15
    assert built == printed
