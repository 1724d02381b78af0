"""Event time on an unbalanced panel: outcomes by month since an event, for everyone as far as
they can be followed.

A person whose event (e.g. a mapping conversation) fell in month s can be followed in months
s, s+1, …, up to the last month of the data; month k after the event exists for that person
only when s + k ≤ the data end. `at_risk` builds that skeleton, `shares_by_month` the share with
an outcome per group and month with the number of people behind it (the «numbers at risk»),
so that a line chart can say how thin its right end is.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["at_risk", "shares_by_month"]


def _months(values: pd.Series) -> pd.Series:
    p = pd.PeriodIndex(pd.to_datetime(values), freq="M")
    return pd.Series(p.year * 12 + p.month - 1, index=values.index)


def at_risk(events: pd.DataFrame, *, id: str, start: str, data_end, horizon: int,
            group: str | None = None) -> pd.DataFrame:
    """One row per person and month k = 0 … horizon after the event, while observed.

    events: one row per person with the event date in `start` (a date; its month counts).
    data_end: the last month with data (a date or «YYYY-MM»). Returns columns id, [group],
    `k` (months since the event) and `month` (a pandas Period), for k ≤ horizon and
    start month + k ≤ data_end month.
    """
    if events[id].duplicated().any():
        dup = events.loc[events[id].duplicated(), id].iloc[0]
        raise ValueError(f"at_risk: {id} {dup} occurs more than once; expected one event per person")
    if events[start].isna().any():
        raise ValueError(f"at_risk: {int(events[start].isna().sum())} rows have no {start}")
    end = pd.Period(data_end, freq="M")
    end_i = end.year * 12 + end.month - 1
    s = _months(events[start])
    rows = []
    cols = [id] + ([group] if group else [])
    for (_, row), si in zip(events[cols].iterrows(), s):
        for k in range(0, min(horizon, end_i - si) + 1):
            m = si + k
            rows.append({**row.to_dict(), "k": k,
                         "month": pd.Period(year=m // 12, month=m % 12 + 1, freq="M")})
    out = pd.DataFrame(rows, columns=cols + ["k", "month"])
    return out.astype({"k": "int64"})


def shares_by_month(panel: pd.DataFrame, *, outcome: str, group: str) -> pd.DataFrame:
    """Share with `outcome` (bool) per group and month k: columns group, k, n, count, share."""
    if panel[outcome].isna().any():
        raise ValueError(f"shares_by_month: {outcome} is missing in {int(panel[outcome].isna().sum())} rows")
    g = panel.groupby([group, "k"], observed=True, sort=True)[outcome]
    out = pd.DataFrame({"n": g.size(), "count": g.sum().astype("int64")}).reset_index()
    out["share"] = out["count"] / out["n"]
    return out
