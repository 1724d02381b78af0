"""Backtests of chapter 3 (the literature review) against the printed report.

Expected values come from data/reference/ (the printed tables and the numbers the text gives
about Figur 3-1); computed values from the built report's artifacts and facts (`make report`).
"""

import json
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
ART = ROOT / "_build" / "artifacts" / "03-effekter"
REF = ROOT / "data" / "reference"


def built(name: str) -> pd.DataFrame:
    path = ART / name
    if not path.is_file():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `make report` first")
    return pd.read_csv(path, keep_default_na=False)


@pytest.fixture(scope="module")
def meta_facts() -> dict:
    path = ROOT / "_build" / "facts.json"
    if not path.is_file():
        pytest.fail("_build/facts.json is missing: run `make report` first")
    return {k: v["value"] for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


def test_norwegian_estimates_per_study(meta_facts):
    printed = pd.read_csv(REF / "figur_3-1_tekstverdier.csv")
    counts = dict(zip(printed.studie, printed.antall_estimater_i_vooren_2019))
    assert meta_facts["meta.norske_estimater"] == counts["Sum norske studier (4)"] == 37
    assert meta_facts["meta.norske_studier"] == 4
    assert meta_facts["meta.estimater.raaum_torp"] == counts["Raaum og Torp (2002) [trykt «Raam og Torp»]"]
    assert meta_facts["meta.estimater.lorentzen_dahl"] == counts["Lorentzen og Dahl (2005)"]
    assert meta_facts["meta.estimater.dahl_lorentzen"] == counts["Dahl og Lorentzen (2005)"]
    assert meta_facts["meta.estimater.markussen_roed"] == counts["Markussen og Røed (2016)"]


def test_funnel_data_standardised_and_at_least_12_months():
    data = built("fig-trakt.csv")
    assert (data.horisont_maaneder >= 12).all()
    assert set(data.gruppe) == {"Norden", "Tyskland"}
    assert (data.se_d > 0).all()
    z = data.d / data.se_d
    # the published data carry six decimals, so z recomputed from them agrees to about 1e-4
    assert ((z - data.z_verdi).abs() <= 1e-4 * z.abs().clip(lower=1)).all()
    # the 5 % rule: every estimate beyond ±1,96 standard errors is classed significant
    assert ((z.abs() >= 1.959963984540054) == (data.klasse != "ikke signifikant")).all()
    # footnote 8: Dahl og Lorentzen (2005) give the same estimate at every horizon
    dl = data[data.studie == "Dahl og Lorentzen (2005)"]
    assert dl.groupby(["d", "se_d"]).horisont_maaneder.nunique().eq(3).all()


@pytest.mark.parametrize("artifact, reference, key", [
    ("tbl-portefolje.csv", "tabell_3-2.csv", "tiltak"),
    ("tbl-konjunktur-mekanismer.csv", "tabell_3-3.csv", "forhold"),
    ("tbl-konjunktur-virkemidler.csv", "tabell_3-4.csv", "aktor"),
])
def test_text_tables_as_printed(artifact, reference, key):
    ours = built(artifact).set_index(key)
    printed = pd.read_csv(REF / reference, keep_default_na=False).set_index(key)
    assert list(ours.index) == list(printed.index)
    for col in printed.columns:
        assert ours[col].astype(str).tolist() == printed[col].astype(str).tolist(), col
