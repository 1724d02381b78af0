"""Propensity-score matching on simulated data with known selection, balance, and the
outcome comparison (chi-square reproduced from seed 004 Tabell 7)."""

import numpy as np
import pandas as pd
import pytest

from rapport.stats import (
    balance_table,
    match_nearest,
    outcome_comparison,
    propensity_match,
    round_half_up,
)


def simulate(n: int, seed: int = 0, treated_share: float = 0.03) -> pd.DataFrame:
    """Persons with categorical background; treatment more likely for women, ages 40–54,
    psychological diagnoses and central municipalities (known selection)."""
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({
        "kjonn": rng.choice(["Kvinne", "Mann"], n, p=[0.63, 0.37]),
        "alder": rng.choice(["15-29", "30-39", "40-54", "55-74"], n, p=[.15, .25, .35, .25]),
        "diagnose": rng.choice(["Muskel", "Psykisk", "Luftveier", "Annet"], n,
                               p=[.3, .2, .3, .2]),
        "sentralitet": rng.integers(1, 7, n),
    })
    lin = (np.log(treated_share / (1 - treated_share)) - 0.8
           + 0.7 * (df.kjonn == "Kvinne") + 0.6 * (df.alder == "40-54")
           - 0.5 * (df.alder == "15-29") + 0.8 * (df.diagnose == "Psykisk")
           - 0.15 * df.sentralitet)
    p = 1 / (1 + np.exp(-lin))
    df["mottaker"] = (rng.uniform(size=n) < p).astype(int)
    # outcome depends on covariates only (no treatment effect)
    lin_out = 0.3 - 0.8 * (df.diagnose == "Psykisk") - 0.4 * (df.kjonn == "Kvinne")
    full = 1 / (1 + np.exp(-lin_out))
    df["status"] = np.where(rng.uniform(size=n) < full, "Fulltid", "Annet")
    return df


COVS = ["kjonn", "alder", "diagnose", "sentralitet"]


def test_psm_improves_balance_and_removes_selection_bias():
    df = simulate(40_000, seed=1)
    res = propensity_match(df, "mottaker", COVS, caliper=0.01)
    assert res.n_treated == df.mottaker.sum()
    assert res.n_matched + res.n_unmatched == res.n_treated
    assert res.n_matched > 0.95 * res.n_treated
    pairs = res.pairs
    # 1:1 without replacement, within the caliper, controls are controls
    assert pairs["control"].is_unique and pairs["treated"].is_unique
    assert (pairs["distance"] <= 0.01).all()
    assert (df.loc[pairs["control"], "mottaker"] == 0).all()
    assert (df.loc[pairs["treated"], "mottaker"] == 1).all()
    bal = balance_table(df, "mottaker", COVS, pairs)
    assert bal["smd_before"].abs().max() > 0.2  # real selection
    assert bal["smd_after"].abs().max() < 0.1
    assert (bal["smd_after"].abs() <= bal["smd_before"].abs() + 1e-9).sum() >= len(bal) - 1
    # the naive comparison is biased, the matched one is close to zero (no true effect)
    naive = outcome_comparison(df.loc[df.mottaker == 0, "status"],
                               df.loc[df.mottaker == 1, "status"])
    matched = outcome_comparison(df.loc[pairs["control"], "status"].reset_index(drop=True),
                                 df.loc[pairs["treated"], "status"].reset_index(drop=True))
    assert abs(naive.table.loc["Fulltid", "diff"]) > 0.05
    assert abs(matched.table.loc["Fulltid", "diff"]) < 0.04


def test_matching_is_deterministic_and_greedy_nearest():
    # hand example: controls at .10 .20 .205 .50; treated at .20 and .21 (descending order:
    # .21 first takes .205, then .20 takes .20); .90 has nothing within the caliper
    s = pd.Series([0.10, 0.20, 0.205, 0.50, 0.20, 0.21, 0.90],
                  index=list("abcdTUV"))
    t = pd.Series([0, 0, 0, 0, 1, 1, 1], index=s.index).astype(bool)
    res = match_nearest(s, t, caliper=0.01)
    got = dict(zip(res.pairs.treated, res.pairs.control, strict=False))
    assert got == {"U": "c", "T": "b"}
    assert res.n_unmatched == 1 and list(res.unmatched) == ["V"]
    # ties in distance go to the lower score, then the earlier row
    s2 = pd.Series([0.4, 0.6, 0.6, 0.5], index=["lo", "hi1", "hi2", "t"])
    t2 = pd.Series([False, False, False, True], index=s2.index)
    assert match_nearest(s2, t2, caliper=None).pairs.control.item() == "lo"
    s3 = pd.Series([0.6, 0.6, 0.5], index=["hi1", "hi2", "t"])
    t3 = pd.Series([False, False, True], index=s3.index)
    assert match_nearest(s3, t3, caliper=None).pairs.control.item() == "hi1"
    # identical runs give identical pairs; the processing order is explicit
    df = simulate(5_000, seed=2)
    a = propensity_match(df, "mottaker", COVS)
    b = propensity_match(df, "mottaker", COVS)
    pd.testing.assert_frame_equal(a.pairs, b.pairs)
    r1 = propensity_match(df, "mottaker", COVS, order="random", seed=5)
    r2 = propensity_match(df, "mottaker", COVS, order="random", seed=5)
    pd.testing.assert_frame_equal(r1.pairs, r2.pairs)


def test_matching_equals_bruteforce_greedy():
    rng = np.random.default_rng(4)
    s = pd.Series(np.round(rng.uniform(size=400), 3))
    t = pd.Series(rng.uniform(size=400) < 0.2)
    res = match_nearest(s, t, caliper=0.02, order="data")
    # brute force: for each treated in row order, scan all free controls
    free = set(np.flatnonzero(~t.to_numpy()))
    expected = {}
    for i in np.flatnonzero(t.to_numpy()):
        best = min(free, key=lambda j: (abs(s[j] - s[i]), s[j], j), default=None)
        if best is not None and abs(s[best] - s[i]) <= 0.02:
            expected[i] = best
            free.remove(best)
    assert dict(zip(res.pairs.treated, res.pairs.control, strict=False)) == expected


def test_outcome_comparison_reproduces_tabell7_chi_square():
    states = ["Fulltidsarbeid", "Sysselsatt", "Alderspensjonist", "Ufør", "AAP/Tiltakspenger",
              "Langtidssykemeldt", "Ukjent"]
    c2023 = pd.DataFrame({"control": [1140, 250, 36, 151, 262, 1329, 61],
                          "treated": [537, 157, 15, 128, 514, 1849, 29]}, index=states)
    c2024 = pd.DataFrame({"control": [1777, 259, 63, 190, 331, 465, 144],
                          "treated": [1362, 240, 36, 202, 745, 551, 93]}, index=states)
    r23 = outcome_comparison(counts=c2023)
    r24 = outcome_comparison(counts=c2024)
    assert r23.n_control == r23.n_treated == 3229
    assert r23.chi2.df == 6 and r24.chi2.df == 6
    assert round(r23.chi2.statistic) == pytest.approx(427, abs=1)
    assert round(r24.chi2.statistic) == pytest.approx(241, abs=1)
    assert r23.chi2.p_value < 0.01 and r24.chi2.p_value < 0.01
    # printed Differanse (recipients − control, unrounded shares), Tabell 7
    assert round_half_up(r23.table["diff"] * 100).tolist() == [-19, -3, -1, -1, 8, 16, -1]
    assert round_half_up(r24.table["diff"] * 100).tolist() == [-13, -1, -1, 0, 13, 3, -2]
    # empty categories are kept in the table but left out of the test
    extra = outcome_comparison(counts=c2023.reindex(states + ["Tom"], fill_value=0))
    assert extra.chi2.df == 6 and len(extra.table) == 8
