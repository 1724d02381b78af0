"""Backtests of the firm-level register extracts against the published tables of seed 004.

The generated Parquet files are aggregated here with plain pandas (not with the generator's own
bookkeeping) and compared with every number in data/reference/tabell_{1,2,3,4,8}.csv. A failure
names the table, row and column of the cell that differs.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ekspertbistand.firms import generate_firm_registers
from rapport.data.codebook import load_codebook

ROOT = Path(__file__).resolve().parents[2]
REF = ROOT / "data" / "reference"
DATASETS = ("tilsagn", "virksomheter", "tilsagn_utproving")
# Tabell 3 prints two industry labels differently from Tabell 4 (and the codebook).
T3_LABELS = {
    "Offentlig administrasjon og forsvar mv.":
        "Offentlig administrasjon og forsvar, og trygdeordninger underlagt offentlig forvaltning",
    "Ovrnattings- og serveringsvirksomhet": "Overnattings- og serveringsvirksomhet",
}
T3_BLOCK = {"Sektor": "sektor", "Hovednæring": "naering", "Antall ansatte i bedriften": "ansatte"}
T4_BLOCK = {"Sektor": "sektor", "Hovednæring": "naering", "Ansatte": "ansatte"}


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> dict[str, Path]:
    return generate_firm_registers(tmp_path_factory.mktemp("firms"), scale="small")


@pytest.fixture(scope="module")
def data(out) -> dict[str, pd.DataFrame]:
    """The generated datasets with codes decoded to the codebook labels."""
    frames = {}
    for name in DATASETS:
        frame = pd.read_parquet(out[name])
        book = load_codebook(name, root=ROOT)
        for column in book.columns:
            if column.codes:
                frame[column.name + "_label"] = frame[column.name].map(column.codes)
        frames[name] = frame
    return frames


def pct(count: int, n: int) -> int:
    """Integer percent, rounded half up (integer arithmetic)."""
    return (200 * int(count) + n) // (2 * n)


def kroner(ore: int) -> int:
    """Whole kroner from øre, rounded half up."""
    return (int(ore) + 50) // 100


def check(problems: list[str]) -> None:
    assert not problems, f"{len(problems)} cell(s) differ:\n  " + "\n  ".join(problems)


def test_tabell_1_grant_sums(data):
    t = data["tilsagn"]
    sums = t.groupby(pd.to_datetime(t["vedtaksdato"]).dt.year)["belop"].sum()
    ref = pd.read_csv(REF / "tabell_1.csv")
    check([f"Tabell 1, {r.year}: data {sums.get(r.year, 0)} != printed {r.tilsagn_sum_kr}"
           for r in ref.itertuples() if sums.get(r.year, 0) != r.tilsagn_sum_kr])
    assert pd.to_datetime(t["vedtaksdato"]).min() >= pd.Timestamp("2019-09-01")
    assert pd.to_datetime(t["vedtaksdato"]).max() <= pd.Timestamp("2024-05-05")


def test_tabell_2_refunds_by_region(data):
    t = data["tilsagn"]
    t = t[t["refundert"]].assign(
        ore=lambda d: (d["refusjonsbelop"] * 100).round().astype("int64"),
        year=lambda d: pd.to_datetime(d["refusjonsdato"]).dt.year,
    )
    cells = t.groupby(["nav_region", "year"])["ore"].sum()
    totals = t.groupby("year")["ore"].sum()
    ref = pd.read_csv(REF / "tabell_2.csv", dtype={"fylke_kode": str})
    columns = [c for c in ref.columns if c[:4].isdigit()]
    problems = []
    for _, row in ref.iterrows():
        for col in columns:
            year = int(col[:4])
            if row["fylke"] == "Totalsum":
                got = kroner(totals.get(year, 0))
            else:
                got = kroner(cells.get((row["fylke_kode"], year), 0))
            if got != row[col]:
                problems.append(f"Tabell 2, {row['fylke']}, {col}: data {got} != printed {row[col]}")
    check(problems)
    labels = dict(zip(ref["fylke_kode"].dropna(), ref["fylke"]))
    region_label = data["tilsagn"].set_index("nav_region")["nav_region_label"].to_dict()
    assert all(region_label[code] == label for code, label in labels.items() if code in region_label)


def test_refund_counts_in_text(data):
    t = data["tilsagn"]
    counts = pd.to_datetime(t.loc[t["refundert"], "refusjonsdato"]).dt.year.value_counts()
    check([f"refunded grants {year} (seed l. 428): data {counts.get(year, 0)} != printed {n}"
           for year, n in {2019: 30, 2023: 1519, 2024: 158}.items() if counts.get(year, 0) != n])
    avg = t[t["refundert"]].groupby(pd.to_datetime(t["refusjonsdato"]).dt.year)["refusjonsbelop"]
    assert avg.mean().between(12_000, 17_500).all()


def test_tabell_3_recipient_firm_years(data):
    f = data["virksomheter"]
    rec = f[f["mottaker"]]
    assert len(rec) == 1311
    ref = pd.read_csv(REF / "tabell_3.csv")
    problems = []
    for _, row in ref.iterrows():
        column = T3_BLOCK[row["block"]]
        known = rec[rec[column].notna()]
        if len(known) != row["block_n"]:
            problems.append(f"Tabell 3, {row['block']} n: data {len(known)} != {row['block_n']}")
        label = T3_LABELS.get(row["category"], row["category"])
        for year in range(2019, 2024):
            col = known[known["aar"] == year]
            got = pct((col[column + "_label"] == label).sum(), len(col))
            if got != row[f"{year}_pct"]:
                problems.append(f"Tabell 3, {row['category']}, {year}: data {got} % "
                                f"!= printed {row[f'{year}_pct']} %")
    check(problems)


def test_tabell_4_recipients_and_non_recipients(data):
    f = data["virksomheter"]
    ref = pd.read_csv(REF / "tabell_4.csv")
    problems = []
    for _, row in ref.iterrows():
        column = T4_BLOCK[row["block"]]
        got = {}
        for group, is_rec in (("ikke_mottakere", False), ("mottakere", True)):
            known = f[(f["mottaker"] == is_rec) & f[column].notna()]
            count = int((known[column + "_label"] == row["category"]).sum())
            got[f"{group}_n"], got[f"{group}_pct"] = count, pct(count, len(known))
            got[f"{group}_share"] = 100 * count / len(known)
        got["differanse_pct"] = round(got["ikke_mottakere_share"] - got["mottakere_share"], 1)
        reproduced = str(row["reproduced"]).split(";") if isinstance(row["reproduced"], str) else []
        for cell in reproduced:  # printed cells the data must reproduce
            if abs(got[cell] - row[cell]) > 1e-9:
                problems.append(f"Tabell 4, {row['category']}, {cell}: data {got[cell]} "
                                f"!= printed {row[cell]}")
        # A printed cell listed as not reproduced must differ from the data (else the
        # listing, and the deviations appendix built on it, is stale) and say why.
        for cell in (str(row["not_reproduced"]).split(";")
                     if isinstance(row["not_reproduced"], str) else []):
            if abs(got[cell] - row[cell]) <= 1e-9:
                problems.append(f"Tabell 4, {row['category']}, {cell}: listed as not "
                                f"reproduced, but the data give the printed {row[cell]}")
            if not (isinstance(row["reason"], str) and row["reason"]):
                problems.append(f"Tabell 4, {row['category']}: no reason for {cell}")
    check(problems)
    assert (f["mottaker"]).sum() == 1311 and (~f["mottaker"]).sum() == 1426


def test_tabell_8_pilot_units(data):
    u = data["tilsagn_utproving"]
    ref = pd.read_csv(REF / "tabell_8.csv")
    problems = []
    for fylke, block in ref.groupby("fylke", sort=False):
        mine = u[u["nav_region_label"] == fylke]
        offices = 0
        for row in block.itertuples():
            if row.row_type in ("Arbeidslivssenter", "NAV-kontor"):
                got = int((mine["enhet_label"] == row.enhet).sum())
                offices += got if row.row_type == "NAV-kontor" else 0
            elif row.row_type == "Totalt":
                got = len(mine)
            else:
                got = pct(offices, len(mine))
            if got != row.value:
                problems.append(f"Tabell 8, {fylke}, {row.enhet}: data {got} != printed {row.value}")
    check(problems)
    dates = pd.to_datetime(u["vedtaksdato"])
    assert dates.between("2024-01-01", "2024-05-21").all()
    national = data["tilsagn"].set_index("tilsagn_id")
    early = u[u["i_nasjonalt_uttrekk"]]
    assert early["tilsagn_id"].isin(national.index).all()
    assert (national.loc[early["tilsagn_id"], "nav_region"].to_numpy()
            == early["nav_region"].to_numpy()).all()
    in_pilot = national[(national["nav_region"].isin(["02", "10", "18"]))
                        & (pd.to_datetime(national["vedtaksdato"]) >= "2024-01-01")]
    assert set(in_pilot.index) == set(early["tilsagn_id"])


def test_plausibility(data):
    t, f = data["tilsagn"], data["virksomheter"]
    refunded = t[t["refundert"]]
    assert (refunded["refusjonsbelop"] <= refunded["belop"]).all()
    assert (pd.to_datetime(refunded["refusjonsdato"]) >= pd.to_datetime(refunded["vedtaksdato"])).all()
    assert t.loc[~t["refundert"], ["refusjonsdato", "refusjonsbelop"]].isna().all().all()
    cap = pd.to_datetime(t["vedtaksdato"]).dt.year.map(
        {2019: 20000, 2020: 20000, 2021: 20000, 2022: 21200, 2023: 22000, 2024: 23100})
    assert (t["belop"] <= cap).all()
    rec = f[f["mottaker"]]
    assert rec["virksomhet_id"].nunique() == 1037
    assert not rec.duplicated(["virksomhet_id", "aar"]).any()
    assert (rec.groupby("virksomhet_id")["nav_region"].nunique() == 1).all()
    assert not set(rec["virksomhet_id"]) & set(f.loc[~f["mottaker"], "virksomhet_id"])
    # every firm-year has a refunded grant decided that year in its region, and vice versa
    years = pd.to_datetime(refunded["vedtaksdato"]).dt.year
    pairs = set(zip(refunded["virksomhet_id"], years, refunded["nav_region"]))
    firm_years = set(zip(rec["virksomhet_id"], rec["aar"].astype(int), rec["nav_region"]))
    assert firm_years == {p for p in pairs if p[1] <= 2023}


def test_codebooks_match_the_files(data):
    for name in DATASETS:
        book = load_codebook(name, root=ROOT)
        frame = data[name]
        assert [c for c in frame.columns if not c.endswith("_label")] == book.names, name
        assert not frame.duplicated(list(book.key)).any(), name
        for column in book.columns:
            values = frame[column.name]
            if not column.nullable:
                assert values.notna().all(), f"{name}.{column.name} has missing values"
            if column.codes:
                bad = set(values.dropna()) - set(column.codes)
                assert not bad, f"{name}.{column.name}: codes {sorted(bad)[:5]} not in codebook"
            if column.min is not None and len(values.dropna()):
                low = values.dropna().min()
                low = pd.Timestamp(low) if column.type == "date" else low
                assert low >= column.min, f"{name}.{column.name} below min"
            if column.max is not None and len(values.dropna()):
                high = values.dropna().max()
                high = pd.Timestamp(high) if column.type == "date" else high
                assert high <= column.max, f"{name}.{column.name} above max"


def _digests(paths: dict[str, Path]) -> dict[str, str]:
    return {name: hashlib.sha256(Path(p).read_bytes()).hexdigest() for name, p in paths.items()}


def test_deterministic_bytes(tmp_path, out):
    again = generate_firm_registers(tmp_path / "a", scale="small")
    full = generate_firm_registers(tmp_path / "b", scale="full")
    assert _digests(again) == _digests(out)
    assert set(full) == set(DATASETS)
    assert np.all([Path(p).stat().st_size > 0 for p in full.values()])
