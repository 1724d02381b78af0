"""read_dataset / read_file record what they read; check_frame validates in-memory frames."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest

from rapport.data import DataError, check_frame, read_dataset, read_file
from tests.toolkit.fixtures.data.helpers import copy_fixture_project, data_file, error_of


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reads(log):
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def root(tmp_path, monkeypatch):
    root = copy_fixture_project(tmp_path)
    monkeypatch.setenv("RAPPORT_ROOT", str(root))
    monkeypatch.setenv("RAPPORT_READS", str(tmp_path / "reads.jsonl"))
    return root


def test_read_dataset_records_data_file_and_codebooks(root, tmp_path):
    read_dataset("mottakere_test")
    data = root / "data/raw/survey/mottakere_test.csv"
    entries = {entry["path"]: entry["sha256"] for entry in reads(tmp_path / "reads.jsonl")}
    assert entries == {
        "data/raw/survey/mottakere_test.csv": sha256(data),
        "data/codebook/mottakere_test.yml": sha256(root / "data/codebook/mottakere_test.yml"),
        "data/codebook/codes.yml": sha256(root / "data/codebook/codes.yml"),
    }


def test_changed_file_is_recorded_with_its_new_hash(root, tmp_path):
    data = root / "data/raw/survey/mottakere_test.csv"
    read_dataset("mottakere_test")
    data.write_bytes(data.read_bytes().replace(b"23100,00", b"23000,00"))
    read_dataset("mottakere_test")
    hashes = [e["sha256"] for e in reads(tmp_path / "reads.jsonl") if e["path"].endswith(".csv")]
    assert len(hashes) == 2 and hashes[0] != hashes[1] and hashes[1] == sha256(data)


def test_nothing_recorded_outside_the_runner(root, tmp_path, monkeypatch):
    monkeypatch.delenv("RAPPORT_READS")
    read_dataset("mottakere_test")
    assert not (tmp_path / "reads.jsonl").exists()


def test_read_file_reference_csv(root, tmp_path):
    path = data_file(root, "data/reference/tabell_2.csv",
                     "fylke_kode,fylke,2019\n02,Øst-Viken,5700\n03,Oslo,40000\n")
    frame = read_file("data/reference/tabell_2.csv", dtype={"fylke_kode": str})
    assert frame["fylke_kode"].tolist() == ["02", "03"]
    assert frame["2019"].tolist() == [5700, 40000]
    assert reads(tmp_path / "reads.jsonl") == [
        {"path": "data/reference/tabell_2.csv", "sha256": sha256(path)}
    ]


def test_read_file_errors_are_plain(root):
    assert error_of(read_file, "data/reference/mangler.csv") == (
        "data/reference/mangler.csv: file not found"
    )
    data_file(root, "data/reference/semikolon.csv", "a;b\n1;2\n")
    message = error_of(read_file, "data/reference/semikolon.csv")
    assert message.startswith('data/reference/semikolon.csv: the header row reads as one column')
    data_file(root, "data/reference/ujevn.csv", "a,b\n1,2\n1,2,3\n")
    assert error_of(read_file, "data/reference/ujevn.csv").startswith(
        "data/reference/ujevn.csv: cannot be read: "
    )


def test_check_frame_for_generators(root):
    frame = pd.DataFrame({
        "resp_id": [1, 2],
        "fylke": ["03", "99"],
        "sektor": [1, 2],
        "q_hort_om": [1, None],
        "q_kilde_ia": [True, None],
        "q_kilde_nett": [None, None],
        "belop": [10.0, -1.0],
        "svardato": pd.to_datetime(["2024-05-01", "2024-05-02"]),
        "kommentar": [None, "x"],
    })
    with pytest.raises(DataError) as info:
        check_frame(frame, "mottakere_test", first_row=2, source="utkast.csv")
    assert str(info.value).splitlines() == [
        'utkast.csv: column "fylke": 1 row has a value outside the codebook: row 3: "99". '
        "Expected one of 03 (Oslo), 11 (Rogaland), 15 (Møre og Romsdal), 18 (Nordland), "
        "31 (Østfold), 32 (Akershus), 33 (Buskerud), 34 (Innlandet), 39 (Vestfold), "
        "40 (Telemark), 42 (Agder), 46 (Vestland), 50 (Trøndelag), 55 (Troms), 56 (Finnmark).",
        'utkast.csv: column "belop": 1 row has a value below the minimum: row 3: -1. '
        "Expected a number ≥ 0.",
    ]
    fixed = check_frame(frame.assign(fylke=["03", "46"], belop=[10.0, 1.0]), "mottakere_test")
    assert fixed["q_hort_om"].dtype == "category"
    assert str(fixed["q_hort_om"].cat.categories.dtype) == "int64"
    assert fixed["fylke"].tolist() == ["03", "46"]
