"""Crosstabs with column percentages, and differences between groups.

`crosstab` returns counts with a totals row and column, column shares (each column sums to 1;
the totals column holds the marginal distribution) and the corner n (all respondents in the
table). Rows follow the order of the label mappings; empty categories are kept.

`group_difference` compares two groups' shares with an explicit sign convention and an explicit
rounding rule, because seed 004 uses both:

- Tabell 5: Differanse = non-recipients − recipients of the percentages *rounded* to one
  decimal (`rounded="before", decimals=1`).
- Tabell 4 and 7: differences of *unrounded* shares (`rounded="after"`), e.g. 2023 fulltid
  16.6 − 35.3 = −18.7 → «−19».

Shares stay in 0..1. `decimals` counts decimals of the *percentage* as printed (1 → 19.3 %).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from rapport.stats.rounding import round_half_up

__all__ = ["Crosstab", "crosstab", "crosstab_from_counts", "group_difference", "TOTAL"]

TOTAL = "Total"


@dataclass(frozen=True)
class Crosstab:
    """A crosstab: `counts` and `shares` (column shares) with a `TOTAL` row and column; `n` is
    the corner n (respondents in the table)."""

    counts: pd.DataFrame
    shares: pd.DataFrame
    n: int

    @property
    def column_n(self) -> pd.Series:
        """n per column (incl. TOTAL)."""
        return self.counts.loc[TOTAL]


def crosstab_from_counts(counts: pd.DataFrame, total: str = TOTAL) -> Crosstab:
    """Build a Crosstab from a rows × columns table of counts without margins."""
    c = counts.astype(float)
    c[total] = c.sum(axis=1)
    c.loc[total] = c.sum(axis=0)
    colsum = c.loc[total]
    shares = c.div(colsum.where(colsum > 0), axis=1)
    if np.allclose(c.to_numpy(), np.round(c.to_numpy())):
        c = c.round().astype(int)
    return Crosstab(counts=c, shares=shares, n=int(round(float(c.loc[total, total]))))


def crosstab(data: pd.DataFrame, row: str, col: str, *, row_labels: Mapping | None = None,
             col_labels: Mapping | None = None, weights: pd.Series | None = None) -> Crosstab:
    """Crosstab of two coded columns with column percentages.

    Respondents with a null in either variable are left out (n is those with both answered).
    row_labels / col_labels: ordered {code: label}; codes outside the mapping raise ValueError.
    With weights, counts are weighted sums (floats) and the corner n is their rounded sum;
    use the unweighted table for n in captions.
    """
    d = data[[row, col]].dropna()
    for var, labels in ((row, row_labels), (col, col_labels)):
        if labels is not None:
            unknown = set(d[var].unique()) - set(labels)
            if unknown:
                raise ValueError(f"{var}: codes not in the label mapping: "
                                 f"{sorted(map(str, unknown))}")
    rl = dict(row_labels) if row_labels is not None else {c: c for c in sorted(d[row].unique())}
    cl = dict(col_labels) if col_labels is not None else {c: c for c in sorted(d[col].unique())}
    if weights is None:
        tab = pd.crosstab(d[row], d[col])
    else:
        w = weights.reindex(d.index).astype(float)
        tab = w.groupby([d[row], d[col]]).sum().unstack(fill_value=0.0)
    tab = tab.reindex(index=list(rl), columns=list(cl), fill_value=0)
    tab.index = [rl[c] for c in tab.index]
    tab.columns = [cl[c] for c in tab.columns]
    tab.index.name = row
    tab.columns.name = col
    return crosstab_from_counts(tab)


def group_difference(shares_a, shares_b, *, sign: Literal["a_minus_b", "b_minus_a"] = "a_minus_b",
                     rounded: Literal["before", "after"] = "after",
                     decimals: int = 0) -> pd.DataFrame:
    """Difference between two groups' shares, with explicit sign and rounding rules.

    shares_a, shares_b: Series of shares in 0..1 on the same categories (e.g. two columns of
        `Crosstab.shares`).
    sign: "a_minus_b" (default) or "b_minus_a".
    rounded: "after" = subtract unrounded shares (the result is unrounded; the formatter rounds);
        "before" = round each percentage half up to `decimals` first, then subtract (what a
        reader checking the printed columns sees; the result is exact on the printed grid).

    Returns a DataFrame indexed by category with [share_a, share_b, diff], all in 0..1 units.
    """
    a = pd.Series(shares_a, dtype=float)
    b = pd.Series(shares_b, dtype=float)
    if not a.index.equals(b.index):
        raise ValueError("shares_a and shares_b must have the same categories in the same order")
    if rounded == "after":
        diff = a - b
    elif rounded == "before":
        ra = round_half_up(a * 100, decimals)
        rb = round_half_up(b * 100, decimals)
        diff = round_half_up(ra - rb, decimals) / 100
    else:
        raise ValueError(f"rounded must be 'before' or 'after', not {rounded!r}")
    if sign == "b_minus_a":
        diff = -diff
    elif sign != "a_minus_b":
        raise ValueError(f"sign must be 'a_minus_b' or 'b_minus_a', not {sign!r}")
    out = pd.DataFrame({"share_a": a, "share_b": b, "diff": diff + 0.0})
    out.attrs.update(sign=sign, rounded=rounded, decimals=decimals)
    return out
