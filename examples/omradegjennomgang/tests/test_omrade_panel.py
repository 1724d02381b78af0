"""Backtests of chapter 5.7 (two-way fixed effects, fylke × month) against the printed report.

Expected values: data/reference/figur_5-8_5-9_5-11_tekstverdier.csv (the numbers the text gives
about Figur 5-8 and 5-9); computed: the built figures' data (`make report`).
"""

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
