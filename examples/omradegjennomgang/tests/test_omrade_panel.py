"""Backtests of chapter 5.7 (two-way fixed effects, fylke × month) against the printed report.

Expected values: data/reference/figur_5-8_5-9_5-11_tekstverdier.csv (the numbers the text gives
about Figur 5-8, 5-9 and 5-11); computed: the built figures' data (`make report`). Tolerance:
the print gives whole numbers («omtrent tolv», «8 flere»), so an estimate passes when it rounds
to the printed number (within ±0,5; ±1 for «omtrent»).
"""

import json
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
ART = ROOT / "_build" / "artifacts" / "05-konjunktur"
REF = pd.read_csv(ROOT / "data" / "reference" / "figur_5-8_5-9_5-11_tekstverdier.csv")


def built(name: str) -> pd.DataFrame:
    path = ART / name
    if not path.is_file():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `make report` first")
    return pd.read_csv(path)


def test_figur_5_8_about_twelve_at_every_lag_all_significant():
    printed = REF[(REF.figur == "Figur 5-8")].iloc[0]
    lags = built("fig-konjunktur-lag.csv")
    assert lags["lag"].tolist() == list(range(13))              # «13 ulike modeller»
    # «omtrent tolv»: every estimate rounds to within one of the printed 12
    assert (lags["coef"].round() - printed.effekt_per_100_flere_helt_ledige).abs().max() <= 1
    assert (lags["ci_low"] > 0).all()                            # «alle … signifikant»
    assert lags["coef"].iloc[12] == pytest.approx(lags["coef"].iloc[0], rel=0.1)  # «like høy»


def test_figur_5_9_group_effects():
    groups = built("fig-konjunktur-grupper.csv").set_index("tiltaksgruppe")
    printed = REF[REF.figur == "Figur 5-9"]
    for rec in printed.itertuples():
        est = groups.loc[rec.tiltaksgruppe]
        if pd.notna(rec.effekt_per_100_flere_helt_ledige):
            assert round(est.coef) == rec.effekt_per_100_flere_helt_ledige, rec.tiltaksgruppe
            assert est.ci_low > 0, rec.tiltaksgruppe
        elif "ikke-signifikante" in rec.merknad:
            assert est.ci_low < 0 < est.ci_high, rec.tiltaksgruppe
        else:                                                     # «faller noe»
            assert -1 < est.coef < 0, rec.tiltaksgruppe
    # the only group without a significant relation
    insignificant = groups[(groups.ci_low < 0) & (groups.ci_high > 0)].index.tolist()
    assert insignificant == ["Tilrettelegging/tiltak i bedrift"]


def _lag_range(text: str) -> list[int]:
    """«0–5» → [0, …, 5]; «12» → [12]."""
    low, _, high = text.partition("–")
    return list(range(int(low), int(high or low) + 1))


def test_figur_5_11_no_effect_to_lag_5_then_positive_and_8_at_lag_12():
    printed = REF[REF.figur == "Figur 5-11"]
    lags = built("fig-konjunktur-nedsatt.csv").set_index("lag")
    assert lags.index.tolist() == list(range(13))
    none = printed[printed.merknad == "ingen effekt"].iloc[0]
    for k in _lag_range(none.lag_maneder):                          # «ingen effekter … opptil 5»
        assert lags.loc[k, "ci_low"] < none.effekt_per_100_flere_helt_ledige < lags.loc[k, "ci_high"], k
    last = printed[printed.merknad == "positiv fra lag 6"].iloc[0]
    first_positive = int(last.merknad.rsplit(" ", 1)[1])
    for k in range(first_positive, 13):                               # «For lag seks og høyere …»
        assert lags.loc[k, "ci_low"] > 0, k
    (k12,) = _lag_range(last.lag_maneder)
    assert round(lags.loc[k12, "coef"]) == last.effekt_per_100_flere_helt_ledige   # «8 flere»
    # «lavere enn for estimatet ved tolvte lag for arbeidssøkere»
    assert lags.loc[k12, "coef"] < built("fig-konjunktur-lag.csv").set_index("lag").loc[k12, "coef"]


def test_share_of_the_fully_unemployed_in_measures_2010_2021():
    printed = REF[REF.figur == "5.7 tekst"].iloc[0]                 # «21 prosent» (l.1962)
    path = ROOT / "_build" / "facts.json"
    if not path.is_file():
        pytest.fail("_build/facts.json is missing: run `make report` first")
    share = json.loads(path.read_text(encoding="utf-8"))["konjunktur.andel_paa_tiltak"]["value"]
    assert round(share * 100) == printed.effekt_per_100_flere_helt_ledige
