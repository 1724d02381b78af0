"""`rapport codebook draft`: a codebook drafted from a .sav, .xlsx or .csv carries what the file
knows (labels, value labels, types, missing) and reads the file back through read_dataset."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest
import yaml

from rapport.data import DataError, read_dataset
from rapport.data.codebook_draft import draft_codebook, draft_codebook_text
from tests.toolkit.fixtures.data.helpers import FIXTURES

RAPPORT = Path(sys.executable).parent / "rapport"


def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    (root / "data" / "codebook").mkdir(parents=True)
    (root / "data" / "raw").mkdir(parents=True)
    (root / "_quarto.yml").write_text("project:\n  type: book\n")
    return root


def write_sav(path: Path) -> None:
    frame = pd.DataFrame({"lopenr": [1.0, 2.0, 3.0, 4.0], "sektor": [1.0, 2.0, 2.0, None],
                          "alder": [34.0, 51.0, 28.0, 45.0], "hilsen": ["hei", "", "takk", "x"]})
    pyreadstat.write_sav(
        frame, str(path),
        column_labels=["Løpenummer", "Sektor", "Alder (år)", "Fritekst"],
        variable_value_labels={"sektor": {1.0: "Offentlig", 2.0: "Privat"}},
        variable_measure={"lopenr": "scale", "sektor": "nominal", "alder": "scale",
                          "hilsen": "nominal"})


def test_sav_labels_value_labels_and_measure(tmp_path):
    root = project(tmp_path)
    write_sav(root / "data" / "raw" / "svar.sav")
    book = draft_codebook(root / "data" / "raw" / "svar.sav", root=root)
    columns = {c["name"]: c for c in book["columns"]}
    assert book["path"] == "data/raw/svar.sav" and book["dataset"] == "svar"
    assert columns["lopenr"] == {"name": "lopenr", "label": "Løpenummer", "type": "int",
                                 "min": 1, "max": 4}
    assert columns["sektor"] == {"name": "sektor", "label": "Sektor", "type": "category",
                                 "codes": {1: "Offentlig", 2: "Privat"}, "nullable": True}
    assert columns["alder"]["type"] == "int" and columns["alder"]["max"] == 51
    assert columns["hilsen"]["type"] == "str"


def test_a_draft_reads_its_file_back(tmp_path, monkeypatch):
    root = project(tmp_path)
    write_sav(root / "data" / "raw" / "svar.sav")
    text = draft_codebook_text(root / "data" / "raw" / "svar.sav", root=root)
    (root / "data" / "codebook" / "svar.yml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("RAPPORT_ROOT", str(root))
    monkeypatch.delenv("RAPPORT_READS", raising=False)
    frame = read_dataset("svar")
    assert list(frame["lopenr"]) == [1, 2, 3, 4]
    assert frame["sektor"].isna().sum() == 1


def test_csv_types_codes_and_missing_from_the_values(tmp_path, monkeypatch):
    root = project(tmp_path)
    path = root / "data" / "raw" / "liste.csv"
    path.write_text("id;kommune;belop;dato;svar;navn\n"
                    "1;0301;12,5;2024-05-05;1;Ås\n"
                    "2;4601;7;2024-05-06;2;\n"
                    "3;0301;3,25;2024-05-07;1;Bø\n", encoding="cp1252")
    book = draft_codebook(path, root=root)
    assert book["format"] == {"encoding": "cp1252", "sep": ";", "decimal": ","}
    columns = {c["name"]: c for c in book["columns"]}
    assert columns["kommune"]["type"] == "str"  # «0301» keeps its zero
    assert columns["belop"] == {"name": "belop", "label": "TODO: beskrivelse", "type": "float",
                                "min": 3.25, "max": 12.5}
    assert columns["dato"]["type"] == "date"
    assert columns["svar"]["type"] == "category" and list(columns["svar"]["codes"]) == [1, 2]
    assert columns["navn"]["nullable"] is True and columns["navn"]["type"] == "str"
    (root / "data" / "codebook" / "liste.yml").write_text(
        draft_codebook_text(path, root=root), encoding="utf-8")
    monkeypatch.setenv("RAPPORT_ROOT", str(root))
    monkeypatch.delenv("RAPPORT_READS", raising=False)
    assert list(read_dataset("liste")["belop"]) == [12.5, 7.0, 3.25]


def test_xlsx_is_drafted_from_the_first_sheet(tmp_path):
    root = project(tmp_path)
    path = root / "data" / "raw" / "ark.xlsx"
    pd.DataFrame({"id": [1, 2, 3], "andel": [0.5, 0.25, None]}).to_excel(path, index=False)
    columns = {c["name"]: c for c in draft_codebook(path, root=root)["columns"]}
    assert columns["andel"] == {"name": "andel", "label": "TODO: beskrivelse", "type": "float",
                                "nullable": True, "min": 0.25, "max": 0.5}


def test_the_fixture_survey_export_is_drafted(tmp_path):
    root = tmp_path / "fixture"
    shutil.copytree(FIXTURES / "project", root)
    book = draft_codebook(root / "data/raw/survey/mottakere_test.csv", root=root)
    written = yaml.safe_load((root / "data/codebook/mottakere_test.yml").read_text("utf-8"))
    assert [c["name"] for c in book["columns"]] == [c["name"] for c in written["columns"]]
    assert book["format"] == written["format"]


def test_an_unknown_kind_of_file_is_one_clear_error(tmp_path):
    root = project(tmp_path)
    (root / "data" / "raw" / "x.json").write_text("{}")
    with pytest.raises(DataError, match=r"data/raw/x.json: cannot draft a codebook from a .json"):
        draft_codebook(root / "data" / "raw" / "x.json", root=root)


def test_the_command_prints_or_writes_the_draft(tmp_path):
    root = project(tmp_path)
    write_sav(root / "data" / "raw" / "svar.sav")
    out = subprocess.run([str(RAPPORT), "codebook", "draft", "data/raw/svar.sav", "-o",
                          "data/codebook/svar.yml"], cwd=root, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert yaml.safe_load((root / "data/codebook/svar.yml").read_text())["dataset"] == "svar"
    again = subprocess.run([str(RAPPORT), "codebook", "draft", "data/raw/svar.sav", "-o",
                            "data/codebook/svar.yml"], cwd=root, capture_output=True, text=True)
    assert again.returncode == 1 and "exists (use --overwrite)" in again.stderr
