"""rapport.register on two engines (DuckDB, Polars): the same package aggregations give the
same, hand-counted results, and a file that breaks a codebook rule gets read_dataset's error."""

from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from rapport.data import read_dataset
from rapport.register import connect, counts, crosstab, open_dataset, rows_for
from rapport.register.aggregate import cell_numbers
from rapport.stats import (balance_table, balance_table_cells, discrepancy,
                           discrepancy_from_counts, propensity_scores, propensity_scores_cells)
from tests.toolkit.fixtures.data.helpers import codebook, error_of, make_project

ENGINES = ["duckdb", "polars"]
PERSONS = """
dataset: personer
title: Personer
path: data/raw/register/personer.parquet
key: [person_id]
columns:
  - {name: person_id, type: int, min: 1}
  - {name: mottaker, type: bool}
  - {name: kjonn, type: category, codes: {1: Mann, 2: Kvinne}}
  - {name: alder, type: category, codes: {a: Ung, b: Eldre}}
"""
# Eight persons: hand counts of kjonn × mottaker are Mann 1/2 (False/True), Kvinne 4/1.
ROWS = {"person_id": [1, 2, 3, 4, 5, 6, 7, 8],
        "mottaker": [True, False, False, True, False, False, True, False],
        "kjonn": [1, 2, 2, 1, 1, 2, 2, 2],
        "alder": ["a", "b", "a", "a", "b", "b", "b", "a"]}


def write(root, **columns):
    path = root / "data/raw/register/personer.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table({k: pa.array(v, pa.int8() if k == "kjonn" else None)
                             for k, v in columns.items()}), path)


@pytest.fixture
def root(tmp_path, monkeypatch):
    root = make_project(tmp_path, monkeypatch)
    codebook(root, "personer", PERSONS)
    write(root, **ROWS)
    return root


@pytest.mark.parametrize("engine", ENGINES)
def test_counts_and_crosstab_are_the_hand_counts_on_each_engine(root, engine):
    t = open_dataset("personer", connect(engine), root=root)
    table = crosstab(t, "kjonn", "mottaker")
    assert table.loc[1].tolist() == [1, 2] and table.loc[2].tolist() == [4, 1]
    by_age = counts(t, ["alder"])
    assert by_age.to_dict("list") == {"alder": ["a", "b"], "n": [4, 4]}
    chosen = rows_for(t, "person_id", [7, 2], ["person_id", "kjonn"])
    assert chosen.to_dict("list") == {"person_id": [2, 7], "kjonn": [2, 2]}


def test_both_engines_give_identical_results(root):
    results = []
    for engine in ENGINES:
        t = open_dataset("personer", connect(engine), root=root)
        cells = counts(t, ["kjonn", "alder", "mottaker"])
        ids, cell = cell_numbers(t, ["kjonn", "alder", "mottaker"], cells, ["person_id"])
        results.append((cells, ids.tolist(), cell.tolist()))
    pd.testing.assert_frame_equal(results[0][0], results[1][0], check_dtype=False)
    assert results[0][1:] == results[1][1:]
    assert results[0][1] == list(range(1, 9))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_dictionary_encoded_string_key_joins_on_each_engine(root, engine):
    # The generator writes codebook categories dictionary-encoded (Polars reads them as
    # Categorical); a small pandas frame of cells must still join on them.
    path = root / "data/raw/register/personer.parquet"
    table = pq.read_table(path)
    i = table.schema.get_field_index("alder")
    pq.write_table(table.set_column(i, "alder", pc.dictionary_encode(table.column("alder"))), path)
    t = open_dataset("personer", connect(engine), root=root)
    cells = pd.DataFrame({"alder": ["a", "b"]})
    ids, cell = cell_numbers(t, ["alder"], cells, ["person_id"])
    # ROWS: alder a, b, a, a, b, b, b, a for persons 1..8; a is cell 0, b cell 1
    assert ids.tolist() == list(range(1, 9))
    assert cell.tolist() == [0, 1, 0, 0, 1, 1, 1, 0]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("change", [{"kjonn": [1, 2, 3, 1, 1, 2, 2, 2]},
                                    {"person_id": [1, 2, 3, 3, 5, 6, 7, 0]}])
def test_a_broken_rule_gets_read_datasets_one_error(root, engine, change):
    write(root, **(ROWS | change))
    expected = error_of(read_dataset, "personer", root=root)
    assert "row" in expected
    assert error_of(open_dataset, "personer", connect(engine), root=root) == expected


STATUS = """
dataset: status
title: Status
path: data/raw/register/status.parquet
key: [person_id, aar]
columns:
  - {name: person_id, type: int, min: 1}
  - {name: aar, type: int, min: 2018, max: 2024}
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_the_key_count_names_every_repeated_row_across_slices(root, engine):
    # key_counts groups person_id in slices of 30 ids (1-30, 31-60, ...): the repeats below
    # sit on both sides of a boundary. By hand: 10 rows, 6 distinct keys ((1, 2018),
    # (1, 2019), (30, 2018), (31, 2018), (61, 2024), (1000, 2020)), so 4 repeated rows.
    from rapport.register.checks import key_counts

    codebook(root, "status", STATUS)
    pairs = [(1, 2018), (1, 2018), (1, 2019), (30, 2018), (31, 2018), (31, 2018), (61, 2024),
             (61, 2024), (61, 2024), (1000, 2020)]
    pq.write_table(pa.table({"person_id": [p for p, _ in pairs], "aar": [a for _, a in pairs]}),
                   root / "data/raw/register/status.parquet")
    con = connect(engine)
    t = con.read_parquet(root / "data/raw/register/status.parquet", table_name="status")
    from rapport.data import load_codebook

    assert key_counts(t, load_codebook("status", root), ["person_id", "aar"], {}) == (10, 6)
    assert key_counts(t, load_codebook("status", root), ["person_id"], {}) == (10, 5)
    message = error_of(open_dataset, "status", con, root=root)
    # the file's error names the 7 rows in a repeated key (2 + 2 + 3)
    assert "key (person_id, aar): 7 rows share a key value" in message


def test_cell_fit_and_balance_equal_the_per_person_ones():
    rng = np.random.default_rng(1)
    n = 4000
    people = pd.DataFrame({"a": rng.integers(0, 3, n), "b": rng.integers(0, 4, n)})
    logit = -1.5 + 0.8 * (people["a"] == 2) - 0.6 * (people["b"] == 1)
    people["t"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    for c in ("a", "b"):
        people[c] = pd.Categorical(people[c], categories=[0, 1, 2, 3][: 3 if c == "a" else 4])
    scores, coef = propensity_scores(people, "t", ["a", "b"])
    cells = people.groupby(["a", "b", "t"], observed=True).size().rename("n").reset_index()
    cell_scores, cell_coef = propensity_scores_cells(cells, "t", ["a", "b"])
    pd.testing.assert_series_equal(coef, cell_coef, rtol=1e-9)
    merged = people.merge(cells.assign(s=cell_scores), on=["a", "b", "t"], how="left")
    np.testing.assert_allclose(merged["s"], scores, rtol=1e-9)
    pairs = pd.DataFrame({"treated": np.flatnonzero(people["t"])[:50],
                          "control": np.flatnonzero(people["t"] == 0)[:50]})
    per_person = balance_table(people, "t", ["a", "b"], pairs)
    key = ["a", "b", "t"]
    for name, col in (("matched_treated", "treated"), ("matched_control", "control")):
        m = people.iloc[pairs[col]].groupby(key, observed=True).size().rename(name)
        cells = cells.merge(m.reset_index(), on=key, how="left").fillna({name: 0})
    pd.testing.assert_frame_equal(balance_table_cells(cells, "t", ["a", "b"]), per_person,
                                  rtol=1e-9)


def test_discrepancy_from_counts_equals_the_sequences_one():
    rng = np.random.default_rng(2)
    seq = pd.DataFrame(rng.integers(1, 4, (300, 5)), columns=[2018, 2019, 2020, 2021, 2022])
    group = pd.Series(np.where(rng.random(300) < 0.3, "M", "I"))
    long = seq.assign(group=group).melt(id_vars="group", var_name="year", value_name="code")
    tally = long.groupby(["group", "year", "code"]).size().rename("count").reset_index()
    a, b = discrepancy(seq, group), discrepancy_from_counts(tally)
    assert b.pseudo_r2 == pytest.approx(a.pseudo_r2, rel=1e-12)
    assert b.pseudo_f == pytest.approx(a.pseudo_f, rel=1e-12)


@pytest.fixture
def database(root, monkeypatch):
    """The eight persons as a table in a database (SQLite, in the role of BigQuery): the
    engine setting is a URL, and a dataset is the table named like the codebook's dataset."""
    db = root / "register.db"
    with sqlite3.connect(db) as raw:
        pd.DataFrame(ROWS).to_sql("personer", raw, index=False)
    monkeypatch.setenv("RAPPORT_ENGINE", f"sqlite:///{db}")
    return db


def test_a_database_table_gives_the_hand_counts(database, root):
    t = open_dataset("personer", root=root)
    assert t.get_backend().name == "sqlite"
    table = crosstab(t, "kjonn", "mottaker")  # SQLite stores booleans as 0/1
    assert table.loc[1].tolist() == [1, 2] and table.loc[2].tolist() == [4, 1]
    assert counts(t, ["alder"]).to_dict("list") == {"alder": ["a", "b"], "n": [4, 4]}
    ids, cell = cell_numbers(t, ["alder"], pd.DataFrame({"alder": ["a", "b"]}), ["person_id"])
    assert ids.tolist() == list(range(1, 9)) and cell.tolist() == [0, 1, 0, 0, 1, 1, 1, 0]


def test_a_database_table_that_breaks_rules_gets_the_counts_named(database, root):
    with sqlite3.connect(database) as raw:
        raw.execute("UPDATE personer SET kjonn = 3 WHERE person_id IN (2, 5)")
        raw.execute("UPDATE personer SET person_id = 1 WHERE person_id = 8")
    message = error_of(open_dataset, "personer", root=root)
    assert message.splitlines() == [
        'personer (sqlite): column "kjonn": 2 rows have values outside the codebook (counted by '
        "the query engine): person_id 2: 3, person_id 5: 3. Expected one of the codes 1 (Mann), "
        "2 (Kvinne).",
        "personer (sqlite): key (person_id): 1 row shares a key value with another row (counted "
        "by the query engine): person_id 1. Expected each key to occur once.",
    ]


def test_a_database_table_without_a_codebook_column_is_refused(database, root):
    with sqlite3.connect(database) as raw:
        raw.execute("ALTER TABLE personer DROP COLUMN alder")
    message = error_of(open_dataset, "personer", root=root)
    assert message.startswith("personer (sqlite)") and "alder" in message
