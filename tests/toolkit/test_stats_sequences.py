"""Sequences: state distributions and the Hamming discrepancy analysis, checked against a
brute-force pairwise computation."""

import itertools

import numpy as np
import pandas as pd
import pytest

from rapport.stats import discrepancy, state_distribution

STATES = {"F": "Fulltidsarbeid", "S": "Sysselsatt", "A": "AAP/Tiltakspenger",
          "L": "Langtidssykemeldt", "U": "Ukjent"}
YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024]


def simulate(n, seed=0):
    rng = np.random.default_rng(seed)
    group = pd.Series(rng.choice(["Mottaker", "Kontroll", "Tredje"], n, p=[.3, .5, .2]))
    codes = list(STATES)
    # group-dependent state probabilities give a real but modest R²
    probs = {"Mottaker": [.2, .2, .3, .2, .1], "Kontroll": [.4, .2, .1, .2, .1],
             "Tredje": [.3, .3, .1, .2, .1]}
    seq = pd.DataFrame(index=group.index, columns=YEARS, dtype=object)
    for g, p in probs.items():
        idx = group.index[group == g]
        seq.loc[idx, :] = rng.choice(codes, size=(len(idx), len(YEARS)), p=p)
    return seq, group


def brute(seq: pd.DataFrame, group: pd.Series):
    S = seq.to_numpy()
    n = len(S)

    def ss(ix):
        tot = sum(int((S[i] != S[j]).sum()) for i, j in itertools.combinations(ix, 2))
        return tot / len(ix)

    ss_t = ss(range(n))
    ss_w = sum(ss(list(np.flatnonzero(group.to_numpy() == g))) for g in group.unique())
    return ss_t, ss_w, (ss_t - ss_w) / ss_t


def test_discrepancy_matches_bruteforce_pairwise():
    for seed in range(3):
        seq, group = simulate(120, seed)
        ss_t, ss_w, r2 = brute(seq, group)
        res = discrepancy(seq, group)
        assert res.ss_total == pytest.approx(ss_t)
        assert res.ss_within == pytest.approx(ss_w)
        assert res.pseudo_r2 == pytest.approx(r2)
        assert res.n == 120 and res.n_groups == 3 and res.n_times == 7
        m, n = 3, 120
        assert res.pseudo_f == pytest.approx(((ss_t - ss_w) / (m - 1)) / (ss_w / (n - m)))


def test_discrepancy_edge_cases():
    seq = pd.DataFrame({2023: ["F", "F", "A", "A"], 2024: ["F", "F", "A", "A"]})
    perfect = discrepancy(seq, pd.Series(["x", "x", "y", "y"]))
    assert perfect.pseudo_r2 == pytest.approx(1.0) and perfect.ss_within == 0
    none = discrepancy(seq, pd.Series(["x", "y", "x", "y"]))
    assert none.pseudo_r2 == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(ValueError):
        discrepancy(seq.where(seq != "A"), pd.Series(["x", "x", "y", "y"]))


def test_permutation_test_and_subsample():
    seq, group = simulate(3000, seed=5)
    res = discrepancy(seq, group, permutations=99, seed=1)
    assert res.p_value == pytest.approx(0.01)  # observed F beats every permutation
    noise = pd.Series(np.random.default_rng(9).choice(["a", "b"], len(seq)), index=seq.index)
    null = discrepancy(seq, noise, permutations=99, seed=1)
    assert null.p_value > 0.05 and null.pseudo_r2 < 0.005
    sub = discrepancy(seq, group, sample=500, permutations=19, seed=2)
    assert sub.n == 500 and sub.sample_size == 500
    again = discrepancy(seq, group, sample=500, permutations=19, seed=2)
    assert again == sub


def test_state_distribution_per_year_and_group():
    seq, group = simulate(600, seed=1)
    d = state_distribution(seq, group, states=STATES)
    assert list(d.columns) == ["group", "year", "code", "state", "count", "n", "share"]
    assert len(d) == 3 * len(YEARS) * len(STATES)
    sums = d.groupby(["group", "year"])["share"].sum()
    assert np.allclose(sums, 1.0)
    n_by_group = d.groupby("group")["n"].first()
    assert n_by_group.to_dict() == group.value_counts().to_dict()
    row = d[(d.group == "Mottaker") & (d.year == 2020) & (d.code == "A")].iloc[0]
    assert row["count"] == (seq.loc[group == "Mottaker", 2020] == "A").sum()
    assert row["state"] == "AAP/Tiltakspenger"
    plain = state_distribution(seq)
    assert "group" not in plain.columns and (plain["n"] == 600).all()
    with pytest.raises(ValueError):
        state_distribution(seq, states={"F": "Fulltid"})


def test_discrepancy_scales_without_pairwise_matrix():
    # 672 197 sequences x 7 years: counts only (a pairwise matrix would be 2.3e11 cells)
    n = 672_197
    rng = np.random.default_rng(0)
    seq = pd.DataFrame(rng.integers(0, 7, size=(n, 7)), columns=YEARS)
    group = pd.Series(rng.integers(0, 2, n))
    res = discrepancy(seq, group)
    assert res.n == n and 0 <= res.pseudo_r2 < 1e-4
