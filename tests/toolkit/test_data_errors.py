"""Every kind of bad input stops with one plain message: file, column, rows, values, expected."""

from __future__ import annotations

import pytest

from rapport.data import read_dataset
from tests.toolkit.fixtures.data.helpers import codebook, data_file, error_of, make_project

SURVEY = """
dataset: mottakere_2024
title: Spørreundersøkelse til mottakere 2024
path: data/raw/survey/mottakere_2024.csv
format: {sep: ";"}
key: [resp_id]
columns:
  - name: resp_id
    label: Respondentnummer
    type: int
  - name: q_hort_om
    label: Kjennskap til ordningen
    question: Hadde du hørt om tilskudd til ekspertbistand før du mottok denne undersøkelsen?
    type: category
    codes: {1: "Ja, og jeg kjenner godt til den", 2: "Ja, men kjenner ikke så godt til den", 3: Nei, 9: Vet ikke}
    nullable: true
  - name: tilfreds
    label: Tilfredshet med eksperten
    question: Hvor fornøyd var du med eksperten, på en skala fra 1 til 5?
    type: int
    min: 1
    max: 5
    nullable: true
  - name: ansatte
    label: Antall ansatte
    type: int
"""

REGISTER = """
dataset: tilsagn
title: Tilsagn om tilskudd til ekspertbistand (registeruttrekk)
path: data/raw/register/tilsagn.csv
format: {}
key: [tilsagn_id]
columns:
  - name: tilsagn_id
    label: Løpenummer for tilsagn
    type: int
  - name: region
    label: NAV-region (inndeling 2020–2023)
    type: category
    codes: nav_region_2020
  - name: belop
    label: Innvilget beløp (kr)
    type: float
    min: 0
  - name: dato
    label: Vedtaksdato
    type: date
    min: 2019-09-01
    max: 2024-05-21
"""

GOOD_SURVEY = """
resp_id;q_hort_om;tilfreds;ansatte
1;1;5;12
2;3;;40
3;9;2;101
"""


@pytest.fixture
def root(tmp_path, monkeypatch):
    root = make_project(tmp_path, monkeypatch)
    codebook(root, "mottakere_2024", SURVEY)
    codebook(root, "tilsagn", REGISTER)
    return root


def survey(root, text):
    data_file(root, "data/raw/survey/mottakere_2024.csv", text)
    return error_of(read_dataset, "mottakere_2024")


def register(root, text):
    data_file(root, "data/raw/register/tilsagn.csv", text)
    return error_of(read_dataset, "tilsagn")


def test_good_file_reads(root):
    data_file(root, "data/raw/survey/mottakere_2024.csv", GOOD_SURVEY)
    frame = read_dataset("mottakere_2024")
    assert frame["ansatte"].tolist() == [12, 40, 101]


def test_missing_column(root):
    message = survey(root, "resp_id;q_hort_om;tilfreds\n1;1;5\n")
    assert message == (
        'data/raw/survey/mottakere_2024.csv: column "ansatte" is missing. '
        'The file has columns "resp_id", "q_hort_om", "tilfreds".'
    )


def test_misspelled_column_suggests_the_expected_name(root):
    message = survey(root, "resp_id;q_hort_omm;tilfreds;ansatte\n1;1;5;12\n")
    assert message == (
        'data/raw/survey/mottakere_2024.csv: column "q_hort_om" is missing; the file has '
        '"q_hort_omm", which looks like a misspelling of "q_hort_om". '
        "Rename the column in the file or correct the codebook."
    )


def test_extra_column_is_named(root):
    message = survey(root, "resp_id;q_hort_om;tilfreds;ansatte;tidsstempel\n1;1;5;12;x\n")
    assert message.startswith(
        'data/raw/survey/mottakere_2024.csv: column "tidsstempel" is in the file but not in '
        "the codebook."
    )
    assert "extra_columns: drop" in message


def test_wrong_type(root):
    message = survey(root, "resp_id;q_hort_om;tilfreds;ansatte\n1;1;5;tolv\n2;1;5;12,5\n3;1;5;9\n")
    assert message == (
        'data/raw/survey/mottakere_2024.csv: column "ansatte": 2 rows have values that are not '
        'whole numbers: row 2: "tolv", row 3: "12,5". Expected a whole number (type int).'
    )


def test_unknown_code_lists_allowed_codes(root):
    rows = ["resp_id;q_hort_om;tilfreds;ansatte"] + [f"{i};1;3;10" for i in range(1, 90)]
    rows[13] = "13;7;3;10"  # file row 14
    rows[87] = "87;12;3;10"  # file row 88
    message = survey(root, "\n".join(rows) + "\n")
    assert message == (
        'data/raw/survey/mottakere_2024.csv: column "q_hort_om": 2 rows have values outside '
        "the codebook: row 14: 7, row 88: 12. Expected one of 1 (Ja, og jeg kjenner godt til "
        "den), 2 (Ja, men kjenner ikke så godt til den), 3 (Nei), 9 (Vet ikke)."
    )


def test_text_in_a_coded_column_is_outside_the_codebook(root):
    message = survey(root, "resp_id;q_hort_om;tilfreds;ansatte\n1;Ja;5;12\n")
    assert 'column "q_hort_om": 1 row has a value outside the codebook: row 2: "Ja". ' in message
    assert "Expected one of 1 (Ja, og jeg kjenner godt til den)" in message


def test_unknown_region_code_lists_named_code_list(root):
    message = register(root, "tilsagn_id,region,belop,dato\n1,2,100,2020-01-01\n")
    assert message == (
        'data/raw/register/tilsagn.csv: column "region": 1 row has a value outside the '
        'codebook: row 2: "2". Expected one of 02 (Øst-Viken), 03 (Oslo), 04 (Innlandet), '
        "06 (Vest-Viken), 08 (Vestfold og Telemark), 10 (Agder), 11 (Rogaland), 12 (Vestland), "
        "15 (Møre og Romsdal), 18 (Nordland), 19 (Troms og Finnmark), 50 (Trøndelag)."
    )


def test_duplicate_key(root):
    message = register(
        root,
        "tilsagn_id,region,belop,dato\n"
        "17,03,100,2020-01-01\n18,03,100,2020-01-01\n17,50,200,2021-01-01\n",
    )
    assert message == (
        'data/raw/register/tilsagn.csv: key "tilsagn_id": 2 rows share a key value with another '
        "row: row 2: 17, row 4: 17. Expected each key to occur once."
    )


def test_empty_file(root):
    assert survey(root, "") == (
        "data/raw/survey/mottakere_2024.csv: the file is empty (no header and no rows)"
    )


def test_header_without_rows(root):
    assert survey(root, "resp_id;q_hort_om;tilfreds;ansatte\n") == (
        "data/raw/survey/mottakere_2024.csv: the file has a header but no data rows"
    )


def test_wrong_separator(root):
    message = survey(root, "resp_id,q_hort_om,tilfreds,ansatte\n1,1,5,12\n")
    assert message.startswith(
        'data/raw/survey/mottakere_2024.csv: the header row reads as one column, '
        '"resp_id,q_hort_om,tilfreds,ansatte", which contains "," (comma): the file seems to '
        'use comma as separator, but the codebook says sep: ";" (semicolon).'
    )
    assert 'Set format: {sep: ","} in the codebook' in message


def test_tab_separated_file_is_recognised(root):
    message = survey(root, "resp_id\tq_hort_om\ttilfreds\tansatte\n1\t1\t5\t12\n")
    assert 'contains "\t" (tab)' in message


def test_wrong_encoding_declared_utf8_but_windows_1252(root):
    text = SURVEY.replace('format: {sep: ";"}', 'format: {sep: ";", encoding: utf-8}')
    codebook(root, "mottakere_2024", text.replace("  - name: ansatte\n    label: Antall ansatte\n"
                                                  "    type: int\n",
                                                  "  - name: ansatte\n    label: Antall ansatte"
                                                  "\n    type: str\n"))
    data = "resp_id;q_hort_om;tilfreds;ansatte\n1;1;5;12\n2;1;5;Ærlig talt 12\n".encode("cp1252")
    message = survey(root, data)
    assert message.startswith(
        "data/raw/survey/mottakere_2024.csv: cannot be read as utf-8: row 3 has the byte 0xC6, "
        "which is not utf-8."
    )
    assert "looks like Windows-1252" in message and "set encoding: cp1252" in message


def test_wrong_encoding_declared_cp1252_but_utf8(root):
    codebook(root, "mottakere_2024",
             SURVEY.replace('format: {sep: ";"}', 'format: {sep: ";", encoding: cp1252}'))
    data = "resp_id;q_hort_om;tilfreds;ansatte\n1;1;5;12\n".encode("utf-8-sig")
    message = survey(root, data)
    assert message.startswith(
        "data/raw/survey/mottakere_2024.csv: the codebook declares encoding cp1252, but the "
        "file is UTF-8"
    )


def test_undecodable_file(root):
    data = b"resp_id;q_hort_om;tilfreds;ansatte\n1;1;5;12\n2;1;5;\x81\x8d\n"
    message = survey(root, data)
    assert message.startswith(
        "data/raw/survey/mottakere_2024.csv: cannot be read as UTF-8 or Windows-1252: row 3 "
        "has the byte 0x81"
    )


def test_negative_amount(root):
    message = register(
        root, "tilsagn_id,region,belop,dato\n1,03,100,2020-01-01\n2,03,-500,2020-01-01\n"
    )
    assert message == (
        'data/raw/register/tilsagn.csv: column "belop": 1 row has a value below the minimum: '
        "row 3: -500. Expected a number ≥ 0."
    )


def test_date_out_of_range(root):
    message = register(
        root,
        "tilsagn_id,region,belop,dato\n"
        "1,03,100,2019-08-31\n2,03,100,2024-05-21\n3,03,100,2025-01-03\n",
    )
    assert message == (
        'data/raw/register/tilsagn.csv: column "dato": 2 rows have dates outside the allowed '
        "range: row 2: 2019-08-31, row 4: 2025-01-03. "
        "Expected a date from 2019-09-01 to 2024-05-21."
    )


def test_date_after_the_latest_allowed(root):
    message = register(root, "tilsagn_id,region,belop,dato\n1,03,100,03.01.2025\n")
    assert message == (
        'data/raw/register/tilsagn.csv: column "dato": 1 row has a date after the latest '
        "allowed date: row 2: 2025-01-03. Expected a date from 2019-09-01 to 2024-05-21."
    )


def test_not_a_date(root):
    message = register(root, "tilsagn_id,region,belop,dato\n1,03,100,2020-02-30\n")
    assert message == (
        'data/raw/register/tilsagn.csv: column "dato": 1 row has a value that is not a date: '
        'row 2: "2020-02-30". Expected a date (type date) written as 2024-05-05 or 05.05.2024.'
    )


def test_survey_answer_outside_the_scale(root):
    message = survey(root, "resp_id;q_hort_om;tilfreds;ansatte\n1;1;6;12\n2;1;0;12\n3;1;5;1\n")
    assert message == (
        'data/raw/survey/mottakere_2024.csv: column "tilfreds": 2 rows have answers outside the '
        "question's scale: row 2: 6, row 3: 0. Expected a whole number from 1 to 5."
    )


def test_empty_cell_in_required_column(root):
    message = survey(root, "resp_id;q_hort_om;tilfreds;ansatte\n1;1;5;\n")
    assert message == (
        'data/raw/survey/mottakere_2024.csv: column "ansatte": 1 row is empty: row 2. Expected '
        "a value in every row (the codebook does not allow missing values here)."
    )


def test_decimal_point_where_comma_is_declared(root):
    text = REGISTER.replace("format: {}", 'format: {sep: ";"}')  # decimal "," by default
    codebook(root, "tilsagn", text)
    message = register(root, "tilsagn_id;region;belop;dato\n1;03;100.5;2020-01-01\n")
    assert message == (
        'data/raw/register/tilsagn.csv: column "belop": 1 row has a value that is not a number: '
        'row 2: "100.5". Expected a number (type float) with decimal mark ","; the file seems '
        'to use a decimal point: set decimal: "." in the codebook format.'
    )


def test_ragged_row(root):
    message = register(root, "tilsagn_id,region,belop,dato\n1,03,100,2020-01-01\n2,03,1,5,x\n")
    assert message == (
        "data/raw/register/tilsagn.csv: row 3 has 5 fields but the header has 4 "
        "(separator ','): check for an unquoted ',' inside a value."
    )


def test_several_problems_one_line_each_in_column_order(root):
    message = survey(root, "resp_id;q_hort_om;tilfreds;ansatte\n1;4;5;x\n1;1;9;3\n")
    lines = message.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == [
        'column "q_hort_om"',
        'column "tilfreds"',
        'column "ansatte"',
        'key "resp_id"',
    ]
    assert all(line.startswith("data/raw/survey/mottakere_2024.csv: ") for line in lines)


def test_many_offending_rows_are_abbreviated(root):
    rows = ["resp_id;q_hort_om;tilfreds;ansatte"] + [f"{i};1;5;-" for i in range(1, 9)]
    message = survey(root, "\n".join(rows) + "\n")
    assert 'row 6: "-", … and 3 more.' in message
    assert message.startswith(
        'data/raw/survey/mottakere_2024.csv: column "ansatte": 8 rows have values'
    )


def test_missing_data_file_names_the_codebook(root):
    message = error_of(read_dataset, "tilsagn")
    assert message == (
        "data/raw/register/tilsagn.csv: file not found (the path given in "
        "data/codebook/tilsagn.yml)"
    )
