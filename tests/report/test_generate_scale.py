"""The generator's larger-than-life scales (`--scale <k>x`): the person registers k times, the
identifiers offset so that they stay unique, every other value kept. Checked on a hand-made
three-person extract, with the expected rows written out by hand."""

from __future__ import annotations

import argparse

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ekspertbistand.generate import _scale
from ekspertbistand.replicate import factor, replicate

PERSONS = {"person_id": [1, 2, 3], "mottaker": [True, False, False]}
SPELLS = {"sykefravaerstilfelle_id": [1, 2], "person_id": [1, 3], "diagnose": ["L", "P"]}
STATUS = {"person_id": [1, 2, 3], "aar": [2018, 2018, 2018], "status": [1, 4, 6]}


def write_extract(folder):
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for stem, rows in (("personer", PERSONS), ("sykefravaerstilfeller", SPELLS),
                       ("arbeidsmarkedsstatus", STATUS)):
        files[stem] = folder / f"{stem}.parquet"
        pq.write_table(pa.table({k: pa.array(v, pa.int32() if k.endswith("_id") else None)
                                 for k, v in rows.items()}), files[stem])
    return files


@pytest.fixture
def extract(tmp_path):
    return write_extract(tmp_path / "first")


def test_three_copies_offset_the_ids_and_keep_every_other_value(extract):
    replicate(extract, 3)
    persons = pq.read_table(extract["personer"]).to_pydict()
    assert persons == {"person_id": [1, 2, 3, 4, 5, 6, 7, 8, 9],
                       "mottaker": [True, False, False] * 3}
    spells = pq.read_table(extract["sykefravaerstilfeller"]).to_pydict()
    # spell ids offset by the 2 spells per copy, person ids by the 3 persons per copy
    assert spells == {"sykefravaerstilfelle_id": [1, 2, 3, 4, 5, 6],
                      "person_id": [1, 3, 4, 6, 7, 9], "diagnose": ["L", "P"] * 3}
    status = pq.read_table(extract["arbeidsmarkedsstatus"]).to_pydict()
    assert status == {"person_id": [1, 2, 3, 4, 5, 6, 7, 8, 9], "aar": [2018] * 9,
                      "status": [1, 4, 6] * 3}
    assert pq.read_schema(extract["personer"]).field("person_id").type == pa.int32()


def test_replicating_twice_gives_the_same_bytes(extract, tmp_path):
    again = write_extract(tmp_path / "again")
    replicate(extract, 2)
    replicate(again, 2)
    assert {s: p.read_bytes() for s, p in again.items()} == \
        {s: p.read_bytes() for s, p in extract.items()}


@pytest.mark.parametrize("text, k", [("2x", 2), ("10x", 10), ("1x", 1)])
def test_scales_named_kx(text, k):
    assert factor(text) == k and _scale(text) == text


@pytest.mark.parametrize("text", ["0x", "x", "2", "-2x", "2.5x", "big"])
def test_other_scales_are_refused_with_what_is_expected(text):
    assert factor(text) is None
    with pytest.raises(argparse.ArgumentTypeError, match="expected full, small or <k>x"):
        _scale(text)
