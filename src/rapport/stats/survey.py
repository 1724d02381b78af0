"""Shares for survey questions: single choice, multi-select and item batteries.

Conventions (docs/cookbook.md «Conventions»):

- The base n of a question is the respondents who answered it after routing, i.e. non-null.
  Routed-out respondents are null and are not in n.
- «Vet ikke» stays a category in the denominator (`dont_know="keep"`, the report's rule) unless
  the exhibit says otherwise (`dont_know="drop"`: the codes are removed from numerator and n).
- Multi-select: the share of *respondents* who ticked each option (shares may sum to > 1);
  n = respondents with any non-null value among the option columns.
- Shares are unrounded, in 0..1. Formatting is `rapport.exhibits.fmt`'s job.
- Optional weights: `share` is the weighted share, `count` and `n` stay unweighted, and `n_eff`
  is Kish's effective sample size (Σw)² / Σw² of the respondents in the base.

Outputs are tidy DataFrames with columns [code, category, count, n, share] (+ weighted_count,
n_eff when weighted); batteries add `item_code` and `item` columns in front. `share_of` reads
the share of one or more codes back out of such a table (for facts and checks).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

__all__ = ["single_choice", "multi_select", "battery", "order_items", "option_key", "share_of",
           "kish_n_eff"]

DontKnow = Literal["keep", "drop"]


def kish_n_eff(weights) -> float:
    """Kish's effective sample size (Σw)² / Σw² (equals n for equal weights)."""
    w = np.asarray(weights, dtype=float)
    w = w[~np.isnan(w)]
    if w.size == 0:
        return 0.0
    if np.any(w < 0):
        raise ValueError("weights must be non-negative")
    ss = float(np.sum(w**2))
    return float(np.sum(w)) ** 2 / ss if ss > 0 else 0.0


def _as_codes(codes: Hashable | Iterable[Hashable] | None) -> list:
    if codes is None:
        return []
    if isinstance(codes, (str, bytes)) or not isinstance(codes, Iterable):
        return [codes]
    return list(codes)


def _weights_for(weights, index: pd.Index) -> pd.Series | None:
    if weights is None:
        return None
    if isinstance(weights, str):
        raise TypeError("pass the weight column itself (a Series), not its name")
    w = pd.Series(weights, index=index) if not isinstance(weights, pd.Series) else weights
    w = w.reindex(index)
    if w.isna().any():
        raise ValueError("weights are missing for some respondents")
    if (w < 0).any():
        raise ValueError("weights must be non-negative")
    return w.astype(float)


def _with_shares(out: pd.DataFrame, n: int, base_weights: pd.Series | None = None,
                 weighted_counts: pd.Series | None = None) -> pd.DataFrame:
    """Add `share` to a [code, category, count, n] frame: count / n, or, weighted, the weighted
    count / the base's weight total, plus `weighted_count` and `n_eff`."""
    if base_weights is None:
        out["share"] = out["count"] / n if n else np.nan
        return out
    total = float(base_weights.sum())
    out["share"] = weighted_counts.to_numpy() / total if total > 0 else np.nan
    out["weighted_count"] = weighted_counts.to_numpy()
    out["n_eff"] = kish_n_eff(base_weights)
    return out


def single_choice(answers: pd.Series, labels: Mapping | None = None, *,
                  dont_know: DontKnow = "keep",
                  dont_know_codes: Hashable | Iterable[Hashable] | None = None,
                  weights: pd.Series | None = None) -> pd.DataFrame:
    """Distribution of a single-choice question.

    answers: one column of codes (null = not asked / no answer).
    labels: ordered {code: label} from the codebook; output rows follow this order and include
        categories nobody chose. Without labels, a pandas Categorical's categories are used, or
        else the sorted observed codes (labels = codes). Codes not in `labels` raise ValueError.
    dont_know: "keep" (in the denominator, default) or "drop" (removed before counting);
        `dont_know_codes` names the «vet ikke» code(s). With "drop" those rows are left out of
        the output.
    weights: optional Series aligned on `answers`' index.

    Returns columns [code, category, count, n, share] (+ [weighted_count, n_eff] if weighted).
    """
    if dont_know not in ("keep", "drop"):
        raise ValueError(f"dont_know must be 'keep' or 'drop', not {dont_know!r}")
    dk = _as_codes(dont_know_codes)
    if dont_know == "drop" and not dk:
        raise ValueError("dont_know='drop' needs dont_know_codes")

    if labels is None:
        if isinstance(answers.dtype, pd.CategoricalDtype):
            labels = {c: c for c in answers.cat.categories}
        else:
            labels = {c: c for c in sorted(answers.dropna().unique())}
    labels = dict(labels)

    s = answers.astype(object) if isinstance(answers.dtype, pd.CategoricalDtype) else answers
    answered = s.notna()
    unknown = set(s[answered].unique()) - set(labels)
    if unknown:
        raise ValueError(f"codes not in the label mapping: {sorted(map(str, unknown))}")
    missing_dk = [c for c in dk if c not in labels]
    if missing_dk:
        raise ValueError(f"dont_know_codes not in the label mapping: {missing_dk}")

    base = answered.copy()
    codes = list(labels)
    if dont_know == "drop":
        base &= ~s.isin(dk)
        codes = [c for c in codes if c not in dk]

    sb = s[base]
    counts = sb.value_counts().reindex(codes, fill_value=0).astype(int)
    n = int(base.sum())
    out = pd.DataFrame({
        "code": codes,
        "category": [labels[c] for c in codes],
        "count": counts.to_numpy(),
        "n": n,
    })
    w = _weights_for(weights, answers.index)
    if w is None:
        return _with_shares(out, n)
    wb = w[base]
    return _with_shares(out, n, wb, wb.groupby(sb).sum().reindex(codes, fill_value=0.0))


def option_key(column: str, group: str) -> str:
    """The short id of a multi-select option or battery item: its column name without the
    `<group>_` prefix (`option_key("q_arsak_altinn", "q_arsak")` → "altinn"). A column that
    does not start with the prefix is returned unchanged."""
    return column.removeprefix(group + "_")


def multi_select(data: pd.DataFrame, options: Mapping[str, str] | Sequence[str], *,
                 weights: pd.Series | None = None, group: str | None = None) -> pd.DataFrame:
    """Share of respondents who ticked each option of a multi-select question.

    data: respondents × columns; options: {column: label} (ordered) or a list of columns
        (label = column name). Option columns are 0/1 or bool; null = not asked.
    n = respondents with at least one non-null option column (answered the question at all);
    within those, a null option counts as not ticked. Shares are of respondents, not of answers,
    so they may sum to more than 1.

    group: the name the option columns share (the codebook's `group`); when given, a last
        column `key` holds each option's short id (:func:`option_key`), handy for facts and
        :func:`share_of` (`column="key"`).

    Returns [code, category, count, n, share] (+ [weighted_count, n_eff] if weighted, + [key]
    with group=), where `code` is the column name.
    """
    if not isinstance(options, Mapping):
        options = {c: c for c in options}
    cols = list(options)
    block = data[cols]
    base = block.notna().any(axis=1)
    ticked = block[base].astype("float64").fillna(0.0)
    bad = ~ticked.isin([0.0, 1.0])
    if bad.to_numpy().any():
        raise ValueError("multi-select columns must be 0/1 or bool")
    n = int(base.sum())
    out = pd.DataFrame({
        "code": cols,
        "category": [options[c] for c in cols],
        "count": ticked.sum(axis=0).astype(int).to_numpy(),
        "n": n,
    })
    w = _weights_for(weights, data.index)
    if w is None:
        out = _with_shares(out, n)
    else:
        wb = w[base]
        out = _with_shares(out, n, wb, ticked.mul(wb, axis=0).sum(axis=0))
    if group is not None:
        out["key"] = [option_key(c, group) for c in cols]
    return out


def battery(data: pd.DataFrame, items: Mapping[str, str] | Sequence[str],
            labels: Mapping, *, dont_know: DontKnow = "keep",
            dont_know_codes: Hashable | Iterable[Hashable] | None = None,
            weights: pd.Series | None = None) -> pd.DataFrame:
    """Item battery: several questions on the same scale, as a long table item × category.

    items: {column: item label} (ordered) or a list of columns; labels: the shared scale
    {code: label}. Each item has its own n (non-null answers to that item, after the
    «vet ikke» rule). Returns [item_code, item, code, category, count, n, share]
    (+ weighted_count, n_eff).
    """
    if not isinstance(items, Mapping):
        items = {c: c for c in items}
    parts = []
    for col, item_label in items.items():
        part = single_choice(data[col], labels, dont_know=dont_know,
                             dont_know_codes=dont_know_codes, weights=weights)
        part.insert(0, "item", item_label)
        part.insert(0, "item_code", col)
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def order_items(table: pd.DataFrame, items: Iterable[Hashable]) -> pd.DataFrame:
    """A battery table (from :func:`battery`) with its items in the order of `items` (item
    labels, e.g. the index of the items' «ja» shares sorted descending) and, within each item,
    the rows sorted by answer code (the scale's order for numeric codes).

    Every item of the table must be named in `items` (ValueError otherwise); the index is reset.
    """
    order = list(items)
    missing = sorted(set(table["item"]) - set(order), key=str)
    if missing:
        raise ValueError(f"items not in the order: {missing}")
    out = table.assign(item=pd.Categorical(table["item"], categories=order, ordered=True))
    out = out.sort_values(["item", "code"]).reset_index(drop=True)
    return out.assign(item=out["item"].astype(str))


def share_of(table: pd.DataFrame, *codes: Hashable, column: str = "code",
             item: Hashable | None = None) -> float:
    """The share of one code, or the summed share of several, in a table from
    :func:`single_choice`, :func:`multi_select` or :func:`battery`.

    codes:  values of `column`: answer codes (single choice), option columns (multi-select), or
            with column="category" the labels; any other column that names one row per code
            works too (e.g. a notebook's short option key). Several codes give the sum of their
            unrounded shares («helt eller delvis enig» = share_of(t, 4, 5)).
    item:   for a battery, the item (its `item_code`, the column name) to read.

    Raises KeyError for a code (or item) not in the table and ValueError when `column` does not
    identify one row per code (a battery read without item=).
    """
    if not codes:
        raise TypeError("share_of needs at least one code")
    if len(set(codes)) != len(codes):
        raise ValueError(f"the same code is given twice: {codes}")
    if column not in table.columns:
        raise KeyError(f"the table has no column {column!r}; it has {list(table.columns)}")
    rows = table
    if item is not None:
        if "item_code" not in table.columns:
            raise KeyError("item= needs a battery table (with an item_code column)")
        rows = table[table["item_code"] == item]
        if rows.empty:
            raise KeyError(f"no item {item!r} in the battery")
    if not rows[column].is_unique:
        hint = " (a battery: pass item=)" if "item_code" in rows.columns and item is None else ""
        raise ValueError(f"column {column!r} has repeated values{hint}")
    shares = rows.set_index(column)["share"]
    missing = [c for c in codes if c not in shares.index]
    if missing:
        raise KeyError(f"code(s) {missing} not in column {column!r} ({list(shares.index)})")
    return float(sum(float(shares[c]) for c in codes))
