"""Yearly state sequences: state distributions and discrepancy analysis.

Data: a DataFrame with one row per person and one column per year (in time order), holding a
state code (e.g. «Fulltidsarbeid», «AAP/Tiltakspenger», «Ukjent»). Missing states are an
error: code them as a state («Ukjent status») first.

`state_distribution` gives, per group and year, the count and share of each state (the data
behind a state-distribution plot, seed 004 Figur 21).

`discrepancy` is the discrepancy analysis of Studer, Ritschard, Gabadinho & Müller (2011,
Sociological Methods & Research 40(3)): with a distance d_ij between sequences, the total sum of
squares is SS_T = (1/n) Σ_{i<j} d_ij, the within-group SS_W = Σ_g (1/n_g) Σ_{i<j in g} d_ij,
and pseudo R² = (SS_T − SS_W) / SS_T (seed 004 reports 1,8 %, Figur 22). The distance here is
the Hamming distance with unit substitution cost (number of years in which two sequences are in
different states). That distance decomposes over time points, and per time point
Σ_{i<j} [s_i ≠ s_j] = (n² − Σ_k c_k²) / 2 with c_k the number of sequences in state k, so every
sum of squares comes from state counts in O(n·T) without the n × n distance matrix; it runs on
all 672 197 sequences.

Permutation test (optional): group labels are permuted `permutations` times and the pseudo F
recomputed; p = (1 + #{F_perm ≥ F_obs}) / (1 + permutations). Because the counting formula is
cheap the test can use all sequences; `sample` draws a simple random subsample (without
replacement, seed `seed`) first, as TraMineR users do with large data, and then the whole
analysis (R², F and p) refers to that subsample: `DiscrepancyResult.sample_size` says so.
Other distances (optimal matching with indel costs, as TraMineR's default) need the pairwise
matrix and are not implemented.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["state_distribution", "distribution_from_counts", "discrepancy",
           "discrepancy_from_counts", "DiscrepancyResult"]


def _check(seq: pd.DataFrame) -> None:
    if seq.isna().to_numpy().any():
        raise ValueError("sequences contain missing states; code them as a state first")


def state_distribution(seq: pd.DataFrame, group: pd.Series | None = None, *,
                       states: Mapping | None = None) -> pd.DataFrame:
    """Count and share of each state per year (and per group).

    seq: persons × years; group: optional Series on the same index; states: optional ordered
    {code: label} (all states listed, zero counts kept; unknown codes raise ValueError).
    Returns long [group, year, code, state, count, n, share] (no `group` column without a
    group). `n` is the number of sequences in the group; shares per group-year sum to 1.
    """
    _check(seq)
    wide = seq.copy()
    wide.columns = pd.Index(list(seq.columns), name="year")
    if group is not None:
        group = group.reindex(seq.index)
        if group.isna().any():
            raise ValueError("group has missing values")
        wide.insert(0, "__group", group.to_numpy())
        long = wide.melt(id_vars="__group", var_name="year", value_name="code") \
            .rename(columns={"__group": "group"})
    else:
        long = wide.melt(var_name="year", value_name="code")
    if states is None:
        states = {c: c for c in sorted(pd.unique(long["code"]))}
    unknown = set(pd.unique(long["code"])) - set(states)
    if unknown:
        raise ValueError(f"states not in the mapping: {sorted(map(str, unknown))}")
    keys = ["year", "code"]
    if group is not None:
        keys = ["group", *keys]
    counts = long.groupby(keys, sort=False).size()
    levels = [list(seq.columns), list(states)]
    names = ["year", "code"]
    if group is not None:
        levels = [list(pd.unique(group.sort_values())), *levels]
        names = ["group", *names]
    return _complete(counts, levels, names, states)


def _complete(counts: pd.Series, levels: list, names: list[str], states: Mapping) -> pd.DataFrame:
    """Counts on every (group,) year and state, with n per (group,) year, share and label."""
    full = pd.MultiIndex.from_product(levels, names=names)
    counts = counts.reindex(full, fill_value=0).rename("count").reset_index()
    n_keys = [k for k in names if k != "code"]
    counts["n"] = counts.groupby(n_keys)["count"].transform("sum")
    counts["share"] = counts["count"] / counts["n"]
    counts.insert(counts.columns.get_loc("code") + 1, "state", counts["code"].map(states))
    return counts


def distribution_from_counts(counts: pd.DataFrame, *, states: Mapping,
                             years: list | None = None) -> pd.DataFrame:
    """`state_distribution` from counts already made (e.g. by a query engine).

    counts: long [group (optional), year, code, count], one row per combination that occurs.
    Returns what `state_distribution` returns for the sequences behind those counts: groups
    in sorted order, `years` (default: sorted), every state of `states` in its order.
    """
    grouped = "group" in counts.columns
    unknown = set(pd.unique(counts["code"])) - set(states)
    if unknown:
        raise ValueError(f"states not in the mapping: {sorted(map(str, unknown))}")
    names = (["group"] if grouped else []) + ["year", "code"]
    levels = [sorted(pd.unique(counts["year"])) if years is None else list(years), list(states)]
    if grouped:
        levels = [sorted(pd.unique(counts["group"])), *levels]
    series = counts.groupby(names, sort=False)["count"].sum()
    return _complete(series, levels, names, states)


@dataclass(frozen=True)
class DiscrepancyResult:
    """Discrepancy analysis with Hamming distance (see module docstring).

    pseudo_r2 = (ss_total − ss_within) / ss_total; pseudo_f = (ss_between / (m − 1)) /
    (ss_within / (n − m)); p_value from the permutation test (None without one).
    """

    n: int
    n_groups: int
    n_times: int
    ss_total: float
    ss_within: float
    ss_between: float
    pseudo_r2: float
    pseudo_f: float
    p_value: float | None
    permutations: int
    sample_size: int | None


def _encode(seq: pd.DataFrame) -> tuple[np.ndarray, int]:
    codes, uniques = pd.factorize(seq.to_numpy().ravel(order="C"))
    return codes.reshape(seq.shape), len(uniques)


def _ss_by_group(S: np.ndarray, K: int, g: np.ndarray, G: int,
                 cells: np.ndarray | None = None) -> np.ndarray:
    """SS_g = (1/n_g) Σ_t (n_g² − Σ_k c_gtk²) / 2 for every group g.

    `cells` is t·K + S (`_cells(S, K)`), which does not depend on the grouping: a permutation
    test computes it once."""
    n, T = S.shape
    if cells is None:
        cells = _cells(S, K)
    key = g[:, None] * (T * K) + cells  # (g·T + t)·K + S: the cell (g, t, state)
    c = np.bincount(key.ravel(), minlength=G * T * K).reshape(G, T, K).astype(float)
    n_g = np.bincount(g, minlength=G).astype(float)
    return _ss_from_counts(c, n_g)


def _cells(S: np.ndarray, K: int) -> np.ndarray:
    """t·K + S[i, t]: each person's (year, state) cell number, per year."""
    return np.arange(S.shape[1])[None, :] * K + S


def _ss_from_counts(c: np.ndarray, n_g: np.ndarray) -> np.ndarray:
    """SS_g from state counts c[g, t, k] and group sizes n_g (see `_ss_by_group`)."""
    T = c.shape[1]
    sum_sq = (c**2).sum(axis=(1, 2))
    with np.errstate(invalid="ignore", divide="ignore"):
        ss = (T * n_g**2 - sum_sq) / (2 * n_g)
    return np.where(n_g > 0, ss, 0.0)


def discrepancy(seq: pd.DataFrame, group: pd.Series, *, permutations: int = 0,
                sample: int | None = None, seed: int = 0) -> DiscrepancyResult:
    """Pseudo R² of sequences explained by a grouping variable (Hamming distance).

    seq: persons × years of state codes; group: Series on the same index (no missing values).
    permutations: number of label permutations for a p-value (0 = no test).
    sample: analyse a random subsample of this many sequences (seeded) instead of all.
    """
    _check(seq)
    group = group.reindex(seq.index)
    if group.isna().any():
        raise ValueError("group has missing values")
    rng = np.random.default_rng(seed)
    if sample is not None and sample < len(seq):
        take = np.sort(rng.choice(len(seq), size=sample, replace=False))
        seq = seq.iloc[take]
        group = group.iloc[take]
        sample_size = int(sample)
    else:
        sample_size = None
    S, K = _encode(seq)
    g, uniques = pd.factorize(group.to_numpy())
    G = len(uniques)
    n, T = S.shape
    zeros = np.zeros(n, dtype=np.int64)
    ss_t = float(_ss_by_group(S, K, zeros, 1)[0])
    ss_w = float(_ss_by_group(S, K, g, G).sum())
    ss_b = ss_t - ss_w
    r2 = ss_b / ss_t if ss_t > 0 else float("nan")

    def f_stat(ss_within: float) -> float:
        if G < 2 or n <= G or ss_within <= 0:
            return float("nan")
        return ((ss_t - ss_within) / (G - 1)) / (ss_within / (n - G))

    f_obs = f_stat(ss_w)
    p = None
    if permutations > 0:
        hits = 0
        cells = _cells(S, K)
        for _ in range(permutations):
            gp = rng.permutation(g)
            ss_perm = float(_ss_by_group(S, K, gp, G, cells).sum())
            if f_stat(ss_perm) >= f_obs - 1e-12 * abs(f_obs):
                hits += 1
        p = (1 + hits) / (1 + permutations)
    return DiscrepancyResult(n=n, n_groups=G, n_times=T, ss_total=ss_t, ss_within=ss_w,
                             ss_between=ss_b, pseudo_r2=r2, pseudo_f=f_obs, p_value=p,
                             permutations=permutations, sample_size=sample_size)


def discrepancy_from_counts(counts: pd.DataFrame) -> DiscrepancyResult:
    """`discrepancy` without a permutation test, from state counts per group and year.

    counts: long [group, year, code, count] (every person counted once per year, e.g. by a
    query engine). Gives the same sums of squares, pseudo R² and pseudo F as `discrepancy`
    on the sequences behind the counts, without the sequences.
    """
    g, groups = pd.factorize(counts["group"])
    t, years = pd.factorize(counts["year"])
    k, codes = pd.factorize(counts["code"])
    G, T, K = len(groups), len(years), len(codes)
    c = np.zeros((G, T, K))
    np.add.at(c, (g, t, k), counts["count"].to_numpy(dtype=float))
    per_year = c.sum(axis=2)
    if not (per_year == per_year[:, :1]).all():
        raise ValueError("counts do not cover every person in every year")
    n_g = per_year[:, 0]
    n = int(n_g.sum())
    ss_t = float(_ss_from_counts(c.sum(axis=0, keepdims=True), np.array([n_g.sum()]))[0])
    ss_w = float(_ss_from_counts(c, n_g).sum())
    ss_b = ss_t - ss_w
    r2 = ss_b / ss_t if ss_t > 0 else float("nan")
    f = (float("nan") if G < 2 or n <= G or ss_w <= 0
         else ((ss_t - ss_w) / (G - 1)) / (ss_w / (n - G)))
    return DiscrepancyResult(n=n, n_groups=G, n_times=T, ss_total=ss_t, ss_within=ss_w,
                             ss_between=ss_b, pseudo_r2=r2, pseudo_f=f, p_value=None,
                             permutations=0, sample_size=None)
