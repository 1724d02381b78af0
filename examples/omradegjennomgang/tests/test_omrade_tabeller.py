"""Backtests of the smaller tables: Tabell 1-1 (sammendraget), 6-1 and 7-3."""

from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT / "data" / "reference"


def built(notebook: str, name: str) -> pd.DataFrame:
    path = ROOT / "_build" / "artifacts" / notebook / name
    if not path.is_file():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `make report` first")
    return pd.read_csv(path)


def test_tabell_1_1_is_an_extract_of_tabell_3_2():
    ours = built("03-effekter", "tbl-kunnskap.csv")
    ours["tiltak"] = ours["tiltak"].str.replace("/ ", "/")
    printed = pd.read_csv(REF / "tabell_1-1_sammendrag.csv")
    assert ours["tiltak"].tolist() == printed["tiltak"].tolist()
    assert ours["deltakere_per_maned_2022"].tolist() == printed["snitt_antall_deltakere_per_maned_2022"].tolist()
    # the print says «Ukjent» for AFT here and «Middels» in Tabell 3-2 (Vedlegg A); ours agrees
    # with Tabell 3-2 in every row
    t32 = pd.read_csv(REF / "tabell_3-2.csv")
    assert ours["overgang_til_jobb"].tolist() == t32["overgang_til_jobb"].tolist()
    differs = printed.loc[ours["overgang_til_jobb"] != printed["effekt_pa_overgang_til_arbeid"], "tiltak"]
    assert differs.tolist() == ["AFT"]


def test_tabell_6_1_cases():
    ours = built("07-styring", "tbl-veileder-kasus.csv")
    printed = pd.read_csv(REF / "tabell_6-1.csv")
    assert ours.to_dict("records") == printed.to_dict("records")
    assert ours["antall_brukere"].sum() == 42        # 7 offices × 3 veiledere × 2 cases (l.2087)


def test_tabell_7_3_sum_as_printed():
    ours = built("07-styring", "tbl-bevilgninger.csv")
    printed = pd.read_csv(REF / "tabell_7-3.csv")
    posts = printed[printed["post"] != "Sum"]
    assert ours["post"].tolist() == posts["post"].tolist()
    assert ours["bevilgning_1000_kr"].sum() == int(printed.loc[printed["post"] == "Sum"].iloc[0, 1])
    md = (ROOT / "_build" / "artifacts" / "07-styring" / "tbl-bevilgninger.md").read_text("utf-8")
    assert "9\u00a0697\u00a0610" in md                  # the Sum row the table prints
