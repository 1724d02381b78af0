"""Readers for the formats data arrive in: ;-CSV in Windows-1252, XLSX, SPSS .sav, Parquet."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pyreadstat
import pytest
from openpyxl import Workbook

from rapport.data import load_codebook, read_dataset
from tests.toolkit.fixtures.data.helpers import (
    codebook,
    copy_fixture_project,
    data_file,
    error_of,
    make_project,
)


def test_committed_survey_export_cp1252_semicolon_decimal_comma(tmp_path):
    root = copy_fixture_project(tmp_path)
    frame = read_dataset("mottakere_test", root=root)
    assert frame["resp_id"].tolist() == [1, 2, 3, 4, 5]
    assert frame["belop"].tolist() == [23100.0, 12500.5, 0.0, 8000.0, 21200.0]
    assert frame["fylke"].tolist() == ["03", "50", "46", "11", "56"]
    days = (2, 3, 6, 7, 13)
    assert frame["svardato"].tolist() == [pd.Timestamp(f"2024-05-{d:02d}") for d in days]
    assert frame["kommentar"].iloc[3] == "Usikker på søknaden – spør lederen"
    assert pd.isna(frame["kommentar"].iloc[1])
    assert frame["q_kilde_ia"].tolist()[:3] == [True, False, pd.NA]
    assert str(frame["resp_id"].dtype) == "int64"
    assert str(frame["q_kilde_ia"].dtype) == "boolean"
    assert str(frame["svardato"].dtype) == "datetime64[ns]"
    # coded columns: Categoricals of the codes, all codes as categories in codebook order
    assert list(frame["q_hort_om"].cat.categories) == [1, 2, 3, 9]
    assert frame["q_hort_om"].value_counts(sort=False).tolist() == [2, 1, 1, 1]
    assert frame["sektor"].value_counts(sort=False).to_dict() == {1: 3, 2: 2}
    decoded = load_codebook("mottakere_test", root).decode(frame)
    assert decoded["fylke"].tolist() == ["Oslo", "Trøndelag", "Vestland", "Rogaland", "Finnmark"]


@pytest.fixture
def root(tmp_path, monkeypatch):
    return make_project(tmp_path, monkeypatch)


SMALL = """
dataset: liten
title: Liten test
path: {path}
format: {format}
key: [id]
columns:
  - name: id
    label: Id
    type: int
  - name: region
    label: NAV-region
    type: category
    codes: nav_region_2020
  - name: navn
    label: Navn
    type: str
  - name: andel
    label: Andel
    type: float
    nullable: true
"""


def small(root, path, fmt="{}"):
    codebook(root, "liten", SMALL.format(path=path, format=fmt))


def test_csv_utf8_with_bom(root):
    small(root, "data/raw/liten.csv", '{sep: ";"}')
    data_file(root, "data/raw/liten.csv", "id;region;navn;andel\n1;03;Bærum;0,5\n",
              encoding="utf-8-sig")
    frame = read_dataset("liten")
    assert list(frame.columns) == ["id", "region", "navn", "andel"]
    assert frame["navn"].tolist() == ["Bærum"]
    assert frame["andel"].tolist() == [0.5]


def test_csv_windows_1252_detected(root):
    small(root, "data/raw/liten.csv", '{sep: ";"}')
    data_file(root, "data/raw/liten.csv", "id;region;navn;andel\n1;15;Ålesund;\n",
              encoding="cp1252")
    frame = read_dataset("liten")
    assert frame["navn"].tolist() == ["Ålesund"]
    assert frame["andel"].isna().all()


def test_csv_thousands_and_minus_sign(root):
    small(root, "data/raw/liten.csv", '{sep: ";", thousands: " "}')
    data_file(root, "data/raw/liten.csv",
              "id;region;navn;andel\n1;03;A;1\u00a0234,5\n2;03;B;\u22120,25\n3;03;C;2 000\n")
    assert read_dataset("liten")["andel"].tolist() == [1234.5, -0.25, 2000.0]


def test_csv_blank_lines_keep_row_numbers(root):
    small(root, "data/raw/liten.csv")
    data_file(root, "data/raw/liten.csv", "id,region,navn,andel\n1,03,A,\n\n2,77,B,\n")
    message = error_of(read_dataset, "liten")
    assert 'column "region": 1 row has a value outside the codebook: row 4: "77".' in message


def test_na_values_option(root):
    small(root, "data/raw/liten.csv", '{na_values: [".", "NA"]}')
    data_file(root, "data/raw/liten.csv", "id,region,navn,andel\n1,03,A,.\n2,03,B,NA\n")
    assert read_dataset("liten")["andel"].isna().all()


def write_xlsx(path, rows, title="Svar"):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def test_xlsx_numbers_dates_and_leading_zeros(root):
    codebook(root, "ark", """
        dataset: ark
        title: Regneark
        path: data/raw/ark.xlsx
        format: {sheet: Svar}
        columns:
          - name: id
            label: Id
            type: int
          - name: region
            label: NAV-region
            type: category
            codes: nav_region_2020
          - name: dato
            label: Dato
            type: date
          - name: belop
            label: Beløp
            type: float
        """)
    write_xlsx(root / "data/raw/ark.xlsx", [
        ["id", "region", "dato", "belop"],
        [1, 3, dt.datetime(2024, 5, 5), 100],
        [2, "50", "05.05.2024", 12.5],
        [None, None, None, None],
        [3, 8, "2023-01-31", "7,5"],
    ])
    message = error_of(read_dataset, "ark")
    # Excel turned "08" into 8 and "03" into 3: padded back; the text "7,5" is not a number
    assert message == (
        'data/raw/ark.xlsx: column "belop": 1 row has a value that is not a number: row 5: '
        '"7,5". Expected a number (type float) with decimal mark "."; the file seems to use a '
        'decimal comma: set decimal: "," in the codebook format.'
    )
    write_xlsx(root / "data/raw/ark.xlsx", [
        ["id", "region", "dato", "belop"],
        [1, 3, dt.datetime(2024, 5, 5), 100],
        [2, "50", "05.05.2024", 12.5],
        [3, 8, "2023-01-31", 7],
    ])
    frame = read_dataset("ark")
    assert frame["region"].tolist() == ["03", "50", "08"]
    assert frame["dato"].tolist() == [pd.Timestamp("2024-05-05"), pd.Timestamp("2024-05-05"),
                                      pd.Timestamp("2023-01-31")]
    assert frame["belop"].tolist() == [100.0, 12.5, 7.0]


def test_xlsx_wrong_sheet(root):
    codebook(root, "ark", """
        dataset: ark
        path: data/raw/ark.xlsx
        format: {sheet: Data}
        columns:
          - {name: id, label: Id, type: int}
        """)
    write_xlsx(root / "data/raw/ark.xlsx", [["id"], [1]])
    message = error_of(read_dataset, "ark")
    assert message == 'data/raw/ark.xlsx: has no sheet "Data" (sheets: "Svar")'


SAV = """
dataset: spss
title: SPSS-eksport
path: data/raw/spss.sav
key: [id]
columns:
  - {name: id, label: Id, type: int}
  - name: q1
    label: Kjennskap
    question: Hadde du hørt om ordningen?
    type: category
    codes: {1: "Ja", 2: "Nei", 9: "Vet ikke"}
    nullable: true
  - name: fylke
    label: Fylke
    type: category
    codes: fylke_2024
"""


def write_sav(root, q1, labels):
    frame = pd.DataFrame({"id": [1.0, 2.0, 3.0], "q1": q1, "fylke": [3.0, 46.0, 56.0]})
    path = root / "data/raw/spss.sav"
    path.parent.mkdir(parents=True, exist_ok=True)
    pyreadstat.write_sav(frame, str(path), variable_value_labels={"q1": labels})


def test_sav_keeps_codes_and_checks_value_labels(root):
    codebook(root, "spss", SAV)
    write_sav(root, [1.0, 9.0, None], {1.0: "Ja", 2.0: "Nei", 9.0: "Vet ikke"})
    frame = read_dataset("spss")
    assert frame["id"].tolist() == [1, 2, 3]
    assert frame["q1"].tolist()[:2] == [1, 9] and pd.isna(frame["q1"].iloc[2])
    assert frame["fylke"].tolist() == ["03", "46", "56"]


def test_sav_value_labels_that_disagree(root):
    codebook(root, "spss", SAV)
    write_sav(root, [1.0, 2.0, 1.0], {1.0: "Ja", 2.0: "Nei takk", 3.0: "Kanskje"})
    assert error_of(read_dataset, "spss") == (
        'data/raw/spss.sav: column "q1": the SPSS value labels disagree with the codebook: '
        '2 is "Nei takk" in the file but "Nei" in the codebook; 3 ("Kanskje") is labelled in '
        "the file but not in the codebook."
    )


def test_sav_rows_are_case_numbers(root):
    codebook(root, "spss", SAV)
    write_sav(root, [1.0, 4.0, 1.0], {1.0: "Ja"})
    assert 'row 2: 4. Expected one of 1 (Ja), 2 (Nei), 9 (Vet ikke).' in error_of(read_dataset,
                                                                                 "spss")


PARQUET = """
dataset: tilsagn
title: Tilsagn
path: data/raw/register/tilsagn.parquet
key: [tilsagn_id]
columns:
  - {name: tilsagn_id, label: Løpenummer, type: int}
  - {name: region, label: NAV-region, type: category, codes: nav_region_2020}
  - {name: belop, label: Beløp, type: float, min: 0}
  - {name: dato, label: Vedtaksdato, type: date, min: 2019-09-01, max: 2024-05-21}
  - {name: status, label: Status, type: category, codes: arbeidsmarkedsstatus, nullable: true}
"""


def write_parquet(root, **columns):
    table = pa.table(columns)
    path = root / "data/raw/register/tilsagn.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)


def test_parquet_native_types_and_selected_columns(root):
    codebook(root, "tilsagn", PARQUET)
    write_parquet(
        root,
        tilsagn_id=pa.array([1, 2, 2], pa.int64()),
        region=pa.array(["03", "50", "11"]),
        belop=pa.array([100.0, 0.0, 2.5]),
        dato=pa.array([dt.date(2020, 1, 1), dt.date(2024, 5, 21), dt.date(2021, 6, 1)]),
        status=pa.array([1, None, 7], pa.int32()),
    )
    # the key is not complete in a subset, so the duplicate 2 does not stop this read
    frame = read_dataset("tilsagn", columns=["belop", "region"])
    assert list(frame.columns) == ["belop", "region"]
    assert frame["belop"].tolist() == [100.0, 0.0, 2.5]
    message = error_of(read_dataset, "tilsagn")
    assert message == (
        'data/raw/register/tilsagn.parquet: key "tilsagn_id": 2 rows share a key value with '
        "another row: row 2: 2, row 3: 2. Expected each key to occur once."
    )


def test_parquet_whole_numbers_stored_as_float(root):
    codebook(root, "tilsagn", PARQUET)
    write_parquet(
        root,
        tilsagn_id=pa.array([1.0, 2.0, 3.5]),
        region=pa.array([3, 50, 11], pa.int64()),
        belop=pa.array([1, 2, 3], pa.int64()),
        dato=pa.array([pd.Timestamp("2020-01-01")] * 3),
        status=pa.array([None, None, None], pa.int64()),
    )
    assert error_of(read_dataset, "tilsagn") == (
        'data/raw/register/tilsagn.parquet: column "tilsagn_id": 1 row has a value that is not a '
        "whole number: row 3: 3.5. Expected a whole number (type int)."
    )


def test_parquet_unknown_column_requested(root):
    codebook(root, "tilsagn", PARQUET)
    message = error_of(read_dataset, "tilsagn", columns=["belopp"])
    assert message == (
        'data/codebook/tilsagn.yml: column "belopp" is not in the codebook (did you mean "belop"?)'
    )
