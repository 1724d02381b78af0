"""Register stocks: monthly «beholdninger» aggregated to what a report prints.

NAV's statistics on measures count a stock: the persons in a measure on a fixed day near the
end of each month. A year's figure is the mean of its twelve monthly stocks. These functions do
that with vectorised group-bys, so they run the same on a few thousand aggregate rows or on
millions of person-month rows:

    counts = stock_counts(persons, by=["fylke", "tiltaksgruppe"])       # person-months → counts
    yearly = annual_means(counts, value="antall", by=["fylke", "tiltaksgruppe"])
    table = crosstab(yearly[yearly.aar == 2021], rows="tiltaksgruppe", columns="kategori")

`rank_robust` is the uncertainty rule for a category of unknown value (e.g. education
«Ukjent»): whether a share's ranking against the other categories' shares could change if the
unknowns belonged to its category.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["stock_counts", "annual_means", "crosstab", "rank_robust", "difference_series"]


def _year(months: pd.Series) -> pd.Series:
    text = months.astype(str)
    bad = ~text.str.fullmatch(r"\d{4}-\d{2}")
    if bad.any():
        raise ValueError(f"month column: {int(bad.sum())} values are not YYYY-MM, e.g. "
                         f"{text[bad].iloc[0]!r}")
    return text.str.slice(0, 4).astype(int)


def stock_counts(persons: pd.DataFrame, *, by: Sequence[str], time: str = "maaned",
                 name: str = "antall") -> pd.DataFrame:
    """Person-month rows (one per person in the stock at a month's end) → counts per month and
    `by` (the aggregate shape NAV delivers)."""
    missing = [c for c in [time, *by] if c not in persons]
    if missing:
        raise KeyError(f"stock_counts: missing column(s) {missing}")
    return (persons.groupby([time, *by], observed=True, sort=True).size()
            .rename(name).reset_index())


def annual_means(frame: pd.DataFrame, *, value: str, by: Sequence[str] = (),
                 time: str = "maaned", year: str = "aar", complete: bool = True) -> pd.DataFrame:
    """Mean of the monthly stocks per calendar year and `by` («årsgjennomsnitt»).

    A month absent for a group counts as a stock of 0 (aggregate extracts leave out empty
    cells). `complete`: refuse a year with fewer than 12 months in the data at all, whose mean
    would not be an annual mean."""
    missing = [c for c in [time, value, *by] if c not in frame]
    if missing:
        raise KeyError(f"annual_means: missing column(s) {missing}")
    years = _year(frame[time])
    if complete:
        n_months = frame[time].groupby(years).nunique()
        short = n_months[n_months < 12]
        if len(short):
            raise ValueError(f"annual_means: {short.index[0]} has only {int(short.iloc[0])} "
                             "months of data; an annual mean needs all 12")
    sums = frame.assign(**{year: years}).groupby([year, *by], observed=True, sort=True)[value]
    return (sums.sum() / 12).rename(value).reset_index()


def crosstab(frame: pd.DataFrame, *, rows: str, columns: str, value: str,
             row_order: Sequence | None = None, column_order: Sequence | None = None
             ) -> pd.DataFrame:
    """rows × columns of summed `value` (absent cells 0), in the given orders."""
    table = frame.pivot_table(index=rows, columns=columns, values=value, aggfunc="sum",
                              fill_value=0, observed=True)
    if row_order is not None:
        table = table.reindex(index=list(row_order), fill_value=0)
    if column_order is not None:
        table = table.reindex(columns=list(column_order), fill_value=0)
    table.index.name, table.columns.name = rows, columns
    return table


def rank_robust(counts: pd.DataFrame, *, unknown: str) -> pd.DataFrame:
    """For rows × categories of counts (column shares), True where a known category's share
    keeps its ranking against every other known category whatever the unknowns were.

    Rule: the `unknown` column's n_u persons, c_u of them in the row, could all belong to
    category g. g's share then lies in [c_g / (n_g + n_u − c_u), (c_g + c_u) / (n_g + c_u)]
    (none of the unknowns in the row, or all of them). The ranking is robust when no other
    known category's share lies inside that interval. The `unknown` column itself is never
    marked. Shares are compared unrounded."""
    if unknown not in counts.columns:
        raise KeyError(f"rank_robust: no column {unknown!r}")
    known = [c for c in counts.columns if c != unknown]
    if len(known) < 2:
        raise ValueError("rank_robust: needs at least two known categories")
    c = counts[known].to_numpy(dtype=float)
    n = c.sum(axis=0)
    cu = counts[unknown].to_numpy(dtype=float)[:, None]
    nu = float(counts[unknown].sum())
    share = c / n
    low = c / (n + nu - cu)
    high = (c + cu) / (n + cu)
    out = np.ones_like(c, dtype=bool)
    for j in range(len(known)):
        for k in range(len(known)):
            if j != k:
                inside = (share[:, k] >= low[:, j]) & (share[:, k] <= high[:, j])
                out[:, j] &= ~inside
    result = pd.DataFrame(out, index=counts.index, columns=known)
    result[unknown] = False
    return result[list(counts.columns)]


def difference_series(frame: pd.DataFrame, *, unit: str, focus: str, value: str,
                      time: str, exclude: Sequence[str] = ()) -> pd.DataFrame:
    """`focus` minus the unweighted mean of the other units (leaving out `exclude`), per
    time: e.g. one county's rate against the others' («Rogaland minus øvrige fylker»)."""
    units = set(frame[unit])
    if focus not in units:
        raise KeyError(f"difference_series: no {unit} {focus!r}")
    others = frame[(frame[unit] != focus) & ~frame[unit].isin(exclude)]
    if others.empty:
        raise ValueError("difference_series: no other units to compare with")
    mine = frame[frame[unit] == focus].set_index(time)[value]
    mean = others.groupby(time, sort=True)[value].mean()
    return (mine - mean).rename(value).reset_index()
