"""Binned distributions: counts per interval of a number (days, weeks), with an «outside»
category for those to whom the measure does not apply (e.g. not in a sickness spell).

Bins are closed intervals of whole numbers given as (low, high, label); high None means no
upper bound. Every value must fall in exactly one bin: a value in no bin or in two is an error
that names the value, so that a figure never silently drops people (the report's «mellom 100
og 200 … mellom 200 og 300», where 200 falls in two bins, is caught here).
"""

from __future__ import annotations

import math

import pandas as pd

__all__ = ["bin_counts"]


def bin_counts(values: pd.Series, bins: list[tuple], *, outside: pd.Series | None = None,
               outside_label: str = "Utenfor") -> pd.DataFrame:
    """Counts per bin: columns category, count, share, n (n = everyone, outside included).

    values: numbers (NaN only where `outside` is True). outside: bool per row, counted under
    `outside_label` as the last category.
    """
    for (lo, hi, label), nxt in zip(bins, bins[1:]):
        if hi is None or nxt[0] <= hi:
            raise ValueError(f"bin {label!r} ({lo}–{hi}) overlaps the next bin {nxt[2]!r} "
                             f"(from {nxt[0]}); bins must be disjoint and in order")
    out_mask = (pd.Series(False, index=values.index) if outside is None
                else outside.astype(bool).reindex(values.index))
    inside = values[~out_mask]
    if inside.isna().any():
        raise ValueError(f"bin_counts: {int(inside.isna().sum())} values are missing but not "
                         f"marked as {outside_label!r}")
    counts = []
    placed = pd.Series(False, index=inside.index)
    for lo, hi, label in bins:
        upper = math.inf if hi is None else hi
        hit = (inside >= lo) & (inside <= upper)
        placed |= hit
        counts.append((label, int(hit.sum())))
    if not placed.all():
        bad = inside[~placed].iloc[0]
        raise ValueError(f"bin_counts: value {bad} falls in no bin "
                         f"({bins[0][0]}–{bins[-1][1] if bins[-1][1] is not None else '∞'})")
    if outside is not None:
        counts.append((outside_label, int(out_mask.sum())))
    n = len(values)
    frame = pd.DataFrame(counts, columns=["category", "count"])
    frame["share"] = frame["count"] / n if n else float("nan")
    frame["n"] = n
    return frame


def cumulative_shares(values: pd.Series, groups: pd.Series, grid) -> pd.DataFrame:
    """Share of each group with a value of at most x, for x in `grid` (an empirical
    distribution function on a fixed grid): columns group, x, share, n."""
    if values.isna().any():
        raise ValueError(f"cumulative_shares: {int(values.isna().sum())} values are missing")
    rows = []
    for g in dict.fromkeys(groups):
        v = values[groups == g]
        for x in grid:
            rows.append({"group": g, "x": x, "share": float((v <= x).mean()), "n": len(v)})
    return pd.DataFrame(rows)
