"""Propensity-score matching (PSM), balance and outcome comparison.

Seed 004 §2.4.2 / §5.1: logistic regression of receiving ekspertbistand on the background
variables, 1:1 nearest-neighbour matching without replacement within a caliper of 0.01 on the
propensity score, control group as large as the treated group (3 229), then a comparison of
the labour-market state distributions (Tabell 7) with a chi-square test.

Steps:

1. `propensity_scores`: unpenalised logistic regression (statsmodels `Logit`, Newton) of the
   0/1 treatment on the covariates; categorical covariates are one-hot encoded (first level
   dropped in the model; `design_matrix` gives all levels for the balance table).
2. `match_nearest`: greedy 1:1 nearest neighbour without replacement. Controls are sorted by
   score once; each treated unit (processed in a deterministic order, default: descending
   score, ties by position) finds its nearest still-available control with `np.searchsorted`
   and two "next available" pointer arrays with path compression (union-find), so the cost is
   O((N + M) log N), never an N × M distance matrix. Distance ties go to the control with the
   lower score, then the earlier row. Treated units whose nearest available control is farther
   than the caliper stay unmatched.
3. `balance_table`: standardised mean differences (SMD) per covariate dummy before and after
   matching. The SMD denominator is the pooled SD *before* matching,
   sqrt((var_t + var_c) / 2), for both columns, so the two are on one scale.
Large registers: `propensity_scores_cells` fits the same model on covariate cells (one row per
combination of covariates and treatment, with its number of persons as a frequency weight),
which gives the same maximum-likelihood fit as the one row per person but costs the number of
cells (about 1 300 in seed 004), not N × dummies; `balance_table_cells` computes the balance
table from the same cells and the matched persons' cell counts. The cells come from a query
engine (`rapport.register`), so no per-person design matrix is ever built.

4. `outcome_comparison`: shares of a categorical outcome per group, difference treated −
   control from unrounded shares, and scipy's chi-square test of the 2 × K table (categories
   with zero total are dropped from the test).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy.stats import chi2_contingency

__all__ = ["design_matrix", "propensity_scores", "match_nearest", "propensity_match",
           "MatchResult", "balance_table", "outcome_comparison", "OutcomeComparison",
           "ChiSquare", "propensity_scores_cells", "balance_table_cells"]


def design_matrix(data: pd.DataFrame, covariates: Sequence[str], *,
                  drop_first: bool = False) -> pd.DataFrame:
    """Numeric design matrix: categorical/object/bool covariates one-hot encoded as
    "<var>=<level>" columns (all levels, or all but the first with drop_first); numeric
    covariates pass through. No constant column."""
    parts = []
    for var in covariates:
        s = data[var]
        if s.isna().any():
            raise ValueError(f"covariate {var!r} has missing values; recode them first")
        if isinstance(s.dtype, pd.CategoricalDtype) or s.dtype == object or s.dtype == bool \
                or pd.api.types.is_string_dtype(s):
            cat = s.astype("category")
            dummies = pd.get_dummies(cat, prefix=var, prefix_sep="=", drop_first=drop_first,
                                     dtype=float)
            parts.append(dummies)
        else:
            parts.append(s.astype(float).to_frame(var))
    return pd.concat(parts, axis=1)


def _logit_design(data: pd.DataFrame, treatment: str, covariates: Sequence[str]
                  ) -> tuple[pd.DataFrame, pd.Series]:
    """The propensity model's design (drop-first dummies without constant columns, plus a
    constant) and its 0/1 outcome; ValueError when the treatment is not 0/1."""
    import statsmodels.api as sm

    X = design_matrix(data, covariates, drop_first=True)
    X = X.loc[:, X.std(axis=0) > 0]
    X = sm.add_constant(X, has_constant="add")
    y = data[treatment].astype(float)
    if not set(np.unique(y)) <= {0.0, 1.0}:
        raise ValueError(f"treatment {treatment!r} must be 0/1")
    return X, y


def propensity_scores(data: pd.DataFrame, treatment: str, covariates: Sequence[str]
                      ) -> tuple[pd.Series, pd.Series]:
    """Fit P(treatment = 1 | covariates) by unpenalised logistic regression.

    Returns (scores, coefficients): scores indexed like `data`, coefficients on the
    drop-first design (with 'const'). Constant design columns are dropped before fitting.
    """
    import statsmodels.api as sm

    X, y = _logit_design(data, treatment, covariates)
    fit = sm.Logit(y, X).fit(method="newton", disp=False, maxiter=100)
    scores = pd.Series(fit.predict(X), index=data.index, name="pscore")
    return scores, fit.params


def propensity_scores_cells(cells: pd.DataFrame, treatment: str, covariates: Sequence[str],
                            *, weight: str = "n") -> tuple[pd.Series, pd.Series]:
    """`propensity_scores` on covariate cells: one row per combination of the covariates and
    the treatment, `weight` = its number of persons (frequency weights).

    Returns (score per cell row, coefficients), the coefficients as `propensity_scores` names
    them. The model is the same (drop-first dummies, constant design columns dropped, a
    constant); the fit is a binomial GLM with frequency weights by Newton's method (IRLS),
    whose likelihood is that of the per-person logistic regression.
    """
    import statsmodels.api as sm

    X, y = _logit_design(cells, treatment, covariates)
    w = cells[weight].to_numpy(dtype=float)
    fit = sm.GLM(y, X, family=sm.families.Binomial(), freq_weights=w).fit(
        tol=1e-14, maxiter=200)
    scores = pd.Series(fit.predict(X), index=cells.index, name="pscore")
    return scores, fit.params


def _find(parent: np.ndarray, i: int) -> int:
    """Root of i in a 'next available' forest, with path compression."""
    root = i
    while parent[root] != root:
        root = parent[root]
    while parent[i] != root:
        parent[i], i = root, parent[i]
    return root


@dataclass(frozen=True)
class MatchResult:
    """Result of 1:1 matching.

    pairs: one row per matched treated unit: [treated, control, score_treated, score_control,
        distance] where treated/control are index labels of the input data.
    scores: propensity score per unit (index of the input).
    n_treated, n_matched, n_unmatched (and `unmatched`, their index labels); caliper; order
    used; coefficients of the score model
    (None when scores were given).
    """

    pairs: pd.DataFrame
    scores: pd.Series
    n_treated: int
    n_matched: int
    n_unmatched: int
    caliper: float | None
    order: str
    unmatched: pd.Index
    coefficients: pd.Series | None = None

def match_nearest(scores: pd.Series, treated: pd.Series, *, caliper: float | None = 0.01,
                  order: Literal["descending", "ascending", "data", "random"] = "descending",
                  seed: int = 0) -> MatchResult:
    """Greedy 1:1 nearest-neighbour matching on a score, without replacement.

    scores: score per unit; treated: boolean/0-1 Series on the same index.
    caliper: maximum |score difference| (same units as the score); None = no caliper.
    order: order in which treated units choose: "descending" score (default), "ascending",
        "data" (row order) or "random" (permutation from `seed`). Each is deterministic.
    """
    if not scores.index.equals(treated.index):
        raise ValueError("scores and treated must share the same index")
    s = scores.to_numpy(dtype=float)
    t = treated.to_numpy().astype(bool)
    if np.isnan(s).any():
        raise ValueError("scores contain NaN")
    t_pos = np.flatnonzero(t)
    c_pos = np.flatnonzero(~t)
    # controls sorted by score, ties by row position (stable sort on positions in row order)
    c_order = np.argsort(s[c_pos], kind="stable")
    c_sorted_pos = c_pos[c_order]
    c_scores = s[c_sorted_pos]
    m = c_scores.size

    if order == "descending":
        t_order = t_pos[np.lexsort((t_pos, -s[t_pos]))]
    elif order == "ascending":
        t_order = t_pos[np.lexsort((t_pos, s[t_pos]))]
    elif order == "data":
        t_order = t_pos
    elif order == "random":
        t_order = np.random.default_rng(seed).permutation(t_pos)
    else:
        raise ValueError(f"unknown order {order!r}")

    # next available to the right: right[i] = i if free, sentinel m; to the left: index shifted
    # by one so that 0 is the sentinel (left[i + 1] = i + 1 if control i is free).
    right = np.arange(m + 1)
    left = np.arange(m + 1)
    starts = np.searchsorted(c_scores, s[t_order], side="left")

    rows_t, rows_c, dists = [], [], []
    for tp, start in zip(t_order.tolist(), starts.tolist(), strict=False):
        st = s[tp]
        r = _find(right, start)
        lft = _find(left, start) - 1  # nearest free at position <= start - 1
        best = -1
        best_d = np.inf
        if lft >= 0:
            # among controls with the same score, take the earliest free row
            run_start = int(np.searchsorted(c_scores, c_scores[lft], side="left"))
            lft = _find(right, run_start)
            best, best_d = lft, st - c_scores[lft]
        if r < m:
            d = c_scores[r] - st
            if d < best_d:
                best, best_d = r, d
        if best < 0 or (caliper is not None and best_d > caliper):
            continue
        right[best] = best + 1
        left[best + 1] = best
        rows_t.append(tp)
        rows_c.append(int(c_sorted_pos[best]))
        dists.append(best_d)

    idx = scores.index
    rows_t_arr = np.asarray(rows_t, dtype=int)
    rows_c_arr = np.asarray(rows_c, dtype=int)
    pairs = pd.DataFrame({
        "treated": idx[rows_t_arr],
        "control": idx[rows_c_arr],
        "score_treated": s[rows_t_arr],
        "score_control": s[rows_c_arr],
        "distance": np.asarray(dists, dtype=float),
    })
    n_t = int(t_pos.size)
    is_matched = np.zeros(len(s), dtype=bool)
    is_matched[rows_t_arr] = True
    unmatched = idx[t & ~is_matched]
    return MatchResult(pairs=pairs, scores=scores, n_treated=n_t, n_matched=len(pairs),
                       n_unmatched=n_t - len(pairs), caliper=caliper, order=order,
                       unmatched=unmatched)


def propensity_match(data: pd.DataFrame, treatment: str, covariates: Sequence[str], *,
                     caliper: float | None = 0.01,
                     order: Literal["descending", "ascending", "data", "random"] = "descending",
                     seed: int = 0) -> MatchResult:
    """Score with `propensity_scores`, then `match_nearest`. See the module docstring."""
    scores, coef = propensity_scores(data, treatment, covariates)
    res = match_nearest(scores, data[treatment].astype(bool), caliper=caliper, order=order,
                        seed=seed)
    return MatchResult(pairs=res.pairs, scores=res.scores, n_treated=res.n_treated,
                       n_matched=res.n_matched, n_unmatched=res.n_unmatched, caliper=caliper,
                       order=order, unmatched=res.unmatched, coefficients=coef)


def balance_table(data: pd.DataFrame, treatment: str, covariates: Sequence[str],
                  pairs: pd.DataFrame) -> pd.DataFrame:
    """Standardised mean differences per covariate dummy, before and after matching.

    Before: all treated vs all controls. After: matched treated vs their matched controls.
    SMD = (mean_t − mean_c) / sqrt((var_t + var_c) / 2), denominator from the unmatched
    sample in both columns (0 if both variances are 0 and the means are equal).
    Returns one row per dummy: [mean_treated_before, mean_control_before, smd_before,
    mean_treated_after, mean_control_after, smd_after].
    """
    X = design_matrix(data, covariates, drop_first=False)
    t = data[treatment].astype(bool).to_numpy()
    xt, xc = X[t], X[~t]
    sd = np.sqrt((xt.var(axis=0, ddof=1) + xc.var(axis=0, ddof=1)) / 2)
    mt_b, mc_b = xt.mean(axis=0), xc.mean(axis=0)
    mt_a = X.loc[pairs["treated"]].mean(axis=0)
    mc_a = X.loc[pairs["control"]].mean(axis=0)

    return _smd_table(mt_b, mc_b, mt_a, mc_a, sd)


def _smd_table(mt_b, mc_b, mt_a, mc_a, sd: pd.Series) -> pd.DataFrame:
    """The balance table's rows: means before and after matching and the standardised mean
    differences, with the pooled standard deviation `sd` of the unmatched groups (a covariate
    constant in both groups has difference 0)."""
    def smd(a, b):
        diff = a - b
        out = diff / sd.where(sd > 0)
        return out.where(~((sd == 0) & (diff == 0)), 0.0)

    out = pd.DataFrame({
        "mean_treated_before": mt_b, "mean_control_before": mc_b,
        "smd_before": smd(mt_b, mc_b),
        "mean_treated_after": mt_a, "mean_control_after": mc_a,
        "smd_after": smd(mt_a, mc_a),
    })
    out.index.name = "covariate"
    return out


def balance_table_cells(cells: pd.DataFrame, treatment: str, covariates: Sequence[str], *,
                        weight: str = "n", matched_treated: str = "matched_treated",
                        matched_control: str = "matched_control") -> pd.DataFrame:
    """`balance_table` from covariate cells: `weight` persons per cell, of whom
    `matched_treated` / `matched_control` are in the matched sample. Same rows and columns."""
    X = design_matrix(cells, covariates, drop_first=False)
    t = cells[treatment].astype(bool).to_numpy()
    w = cells[weight].to_numpy(dtype=float)

    def mean_var(rows: np.ndarray, weights: np.ndarray) -> tuple[pd.Series, pd.Series]:
        x, wt = X[rows], weights[rows]
        n = wt.sum()
        mean = x.mul(wt, axis=0).sum(axis=0) / n
        var = ((x - mean) ** 2).mul(wt, axis=0).sum(axis=0) / (n - 1)
        return mean, var

    mt_b, vt = mean_var(t, w)
    mc_b, vc = mean_var(~t, w)
    sd = np.sqrt((vt + vc) / 2)
    everyone = np.ones(len(cells), dtype=bool)
    mt_a = mean_var(everyone, cells[matched_treated].to_numpy(dtype=float))[0]
    mc_a = mean_var(everyone, cells[matched_control].to_numpy(dtype=float))[0]

    return _smd_table(mt_b, mc_b, mt_a, mc_a, sd)


@dataclass(frozen=True)
class ChiSquare:
    """Pearson chi-square test of independence (no continuity correction for tables > 2×2)."""

    statistic: float
    df: int
    p_value: float


@dataclass(frozen=True)
class OutcomeComparison:
    """Outcome distribution per group: table [count_control, count_treated, share_control,
    share_treated, diff] (diff = treated − control from unrounded shares) and the test."""

    table: pd.DataFrame
    n_control: int
    n_treated: int
    chi2: ChiSquare


def outcome_comparison(control: pd.Series | None = None, treated: pd.Series | None = None, *,
                       categories: Sequence | None = None,
                       counts: pd.DataFrame | None = None) -> OutcomeComparison:
    """Compare a categorical outcome between matched controls and treated.

    Give either the two outcome Series (one value per person; nulls are an error — code them
    as a state such as «Ukjent») with optional ordered `categories`, or `counts`: a DataFrame
    indexed by category with columns ["control", "treated"] (e.g. a published table).
    The chi-square test uses the 2 × K table of categories with a non-zero total.
    """
    if counts is None:
        if control is None or treated is None:
            raise ValueError("give control and treated, or counts")
        if control.isna().any() or treated.isna().any():
            raise ValueError("outcome has missing values; code them as a category")
        cats = list(categories) if categories is not None else \
            sorted(set(control.unique()) | set(treated.unique()))
        extra = (set(control.unique()) | set(treated.unique())) - set(cats)
        if extra:
            raise ValueError(f"outcome values not in categories: {sorted(map(str, extra))}")
        counts = pd.DataFrame({
            "control": control.value_counts().reindex(cats, fill_value=0),
            "treated": treated.value_counts().reindex(cats, fill_value=0),
        })
    else:
        counts = counts[["control", "treated"]]
        if categories is not None:
            counts = counts.reindex(list(categories), fill_value=0)
    counts = counts.astype(int)
    n_c, n_t = int(counts["control"].sum()), int(counts["treated"].sum())
    table = pd.DataFrame({
        "count_control": counts["control"],
        "count_treated": counts["treated"],
        "share_control": counts["control"] / n_c,
        "share_treated": counts["treated"] / n_t,
    })
    table["diff"] = table["share_treated"] - table["share_control"]
    nonzero = counts[(counts.sum(axis=1) > 0)]
    stat, p, dof, _ = chi2_contingency(nonzero.T.to_numpy(), correction=False)
    return OutcomeComparison(table=table, n_control=n_c, n_treated=n_t,
                             chi2=ChiSquare(statistic=float(stat), df=int(dof), p_value=float(p)))
