"""Disclosure control (personvern; docs/cookbook.md «A register table with disclosure control»): one rule, configured once.

Rule (`DisclosureRule`, default `RULE`):

- Primary suppression: counts from 1 to `threshold` − 1 (default: fewer than 4) are not
  published; zeros are published unless `suppress_zero`. Margins (row/column totals, the corner
  n) below the threshold are primary cells too (`margins_primary`), since a column n of 3 is a
  small group. The symbol shown instead («*»; SSB uses «:») is part of the rule, but printing
  it is `rapport.exhibits.fmt`'s job: this module only returns values plus a boolean mask.
- Secondary suppression: a table with margins is a set of linear relations ("lines"): each row
  sums to its row total, each column to its column total, and the totals row and column to the
  grand total. A suppressed cell alone in a line is recovered by subtraction, so every line
  with a suppressed cell gets at least two. The heuristic repeatedly picks, in a line with one
  suppressed cell, the smallest non-zero unsuppressed cell (ties: one that also completes a
  crossing line, then position); if the line has no non-zero cell left (a row with a single
  non-zero cell), it suppresses the line's total; only then a zero. It iterates until stable.
- Audit: the two-per-line condition is necessary, not sufficient (a suppressed cell can be a
  "bridge" between two groups of suppressed cells, and zero partners do not protect under
  non-negativity). So the result is audited as an attacker would: for every primary cell, the
  minimum and maximum value consistent with all published cells, all relations and
  non-negativity are found by linear programming (scipy `linprog`). For these transportation
  type relations the LP bounds are attained by integers, so a cell is protected exactly when
  max − min ≥ 1, i.e. it can take at least two values. If a cell is exposed, the smallest
  non-zero cell in its row or column is added and the procedure repeats.
- Shares derived from a suppressed count are suppressed (`suppress_shares`); so are all shares
  whose denominator (column n for column percentages) is suppressed, since a published share
  and count would reveal it.

`assert_safe` re-checks a result (or a hand-made mask) and raises `DisclosureError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from scipy.optimize import linprog

__all__ = ["DisclosureRule", "RULE", "Protected", "DisclosureError", "suppress_table",
           "suppress_distribution", "suppress_shares", "assert_safe", "exposed_cells"]

TOTAL = "Total"


@dataclass(frozen=True)
class DisclosureRule:
    """The project's disclosure rule. `threshold`: counts 1..threshold−1 are suppressed;
    `symbol`: what the formatter prints instead; `suppress_zero`: also suppress zeros;
    `margins_primary`: small totals are primary cells too."""

    threshold: int = 4
    symbol: str = "*"
    suppress_zero: bool = False
    margins_primary: bool = True

    def is_sensitive(self, values: np.ndarray) -> np.ndarray:
        v = np.asarray(values, dtype=float)
        low = 0 if self.suppress_zero else 1
        return (v >= low) & (v < self.threshold) & ~np.isnan(v)


RULE = DisclosureRule()


class DisclosureError(ValueError):
    """A table would publish a small count or a cell recoverable from the published ones."""


@dataclass(frozen=True)
class Protected:
    """Values plus a boolean mask (True = suppressed). Never formatted here.

    kind: "table" (2-D counts with a totals row and column labelled `total`), "distribution"
    (1-D counts with a total), or "shares" (a share table masked from a counts table,
    kept in `source`). `primary` marks the primary (sensitive) cells.
    """

    values: pd.DataFrame | pd.Series
    mask: pd.DataFrame | pd.Series
    primary: pd.DataFrame | pd.Series
    rule: DisclosureRule
    kind: Literal["table", "distribution", "shares"]
    total: str = TOTAL
    source: Protected | None = field(default=None, repr=False)

    def masked(self) -> pd.DataFrame | pd.Series:
        """The values with suppressed cells set to NaN."""
        return self.values.where(~self.mask)

    @property
    def n_suppressed(self) -> int:
        return int(np.asarray(self.mask).sum())


# --------------------------------------------------------------------------- generic core
# Cells are flattened to a vector; a "line" is (indices, coefficients) with Σ coef·x = 0,
# where the line's total has coefficient −1 and its parts +1.

Line = tuple[np.ndarray, np.ndarray]


def _table_lines(r: int, c: int) -> list[Line]:
    """Relations of an (r+1) × (c+1) table whose last row and column are totals."""
    idx = np.arange((r + 1) * (c + 1)).reshape(r + 1, c + 1)
    lines = []
    for i in range(r + 1):
        coef = np.r_[np.ones(c), -1.0]
        lines.append((idx[i, :], coef))
    for j in range(c + 1):
        coef = np.r_[np.ones(r), -1.0]
        lines.append((idx[:, j], coef))
    return lines


def _secondary(values: np.ndarray, mask: np.ndarray, lines: list[Line]) -> np.ndarray:
    """Two-per-line heuristic, iterated until stable."""
    mask = mask.copy()
    lines_of: dict[int, list[int]] = {}
    for k, (ix, _) in enumerate(lines):
        for i in ix:
            lines_of.setdefault(int(i), []).append(k)
    changed = True
    while changed:
        changed = False
        for k, (ix, coef) in enumerate(lines):
            if mask[ix].sum() != 1:
                continue

            def completes(i: int, k: int = k) -> int:
                return sum(1 for kk in lines_of[i] if kk != k and mask[lines[kk][0]].sum() == 1)

            free = [(int(i), co) for i, co in zip(ix, coef, strict=False) if not mask[i]]
            parts_pos = [i for i, co in free if co > 0 and values[i] > 0]
            totals = [i for i, co in free if co < 0]
            zeros = [i for i, co in free if co > 0 and values[i] <= 0]
            for group in (parts_pos, totals, zeros):
                if group:
                    pick = min(group, key=lambda i: (values[i], -completes(i), i))
                    mask[pick] = True
                    changed = True
                    break
    return mask


def _bounds(values: np.ndarray, mask: np.ndarray, lines: list[Line],
            cells: np.ndarray) -> dict[int, tuple[float, float]]:
    """Min and max of each cell in `cells` over all non-negative fillings of the suppressed
    cells consistent with the published cells and every line."""
    var = np.flatnonzero(mask)
    pos = {int(v): k for k, v in enumerate(var)}
    rows, rhs = [], []
    for ix, coef in lines:
        m = mask[ix]
        if not m.any():
            continue
        row = np.zeros(var.size)
        for i, co in zip(ix[m], coef[m], strict=False):
            row[pos[int(i)]] += co
        rows.append(row)
        rhs.append(-float(np.dot(coef[~m], values[ix[~m]])))
    A = np.array(rows) if rows else np.zeros((0, var.size))
    b = np.array(rhs)
    out = {}
    for cell in cells:
        obj = np.zeros(var.size)
        obj[pos[int(cell)]] = 1.0
        lo = linprog(obj, A_eq=A, b_eq=b, bounds=(0, None), method="highs")
        hi = linprog(-obj, A_eq=A, b_eq=b, bounds=(0, None), method="highs")
        if lo.status != 0:
            raise RuntimeError(f"disclosure audit LP failed: {lo.message}")
        vmin = float(lo.fun)
        vmax = float("inf") if hi.status == 3 else float(-hi.fun)
        out[int(cell)] = (vmin, vmax)
    return out


def _exposed(values, mask, primary, lines) -> list[int]:
    cells = np.flatnonzero(mask & primary)
    if cells.size == 0:
        return []
    b = _bounds(values, mask, lines, cells)
    return [c for c, (lo, hi) in b.items() if hi - lo < 1 - 1e-9]


def _protect(values: np.ndarray, primary: np.ndarray, lines: list[Line]) -> np.ndarray:
    mask = _secondary(values, primary, lines)
    for _ in range(values.size):
        exposed = _exposed(values, mask, primary, lines)
        if not exposed:
            return mask
        cell = exposed[0]
        # candidates: unsuppressed cells sharing a line with the exposed cell
        cand = set()
        for ix, _ in lines:
            if cell in ix:
                cand.update(int(i) for i in ix if not mask[i])
        if not cand:
            raise DisclosureError("cannot protect cell: every related cell is suppressed")
        pos = [i for i in cand if values[i] > 0]
        pick = min(pos or cand, key=lambda i: (values[i], i))
        mask[pick] = True
        mask = _secondary(values, mask, lines)
    raise DisclosureError("secondary suppression did not converge")


# --------------------------------------------------------------------------- public API

def _with_margins(counts: pd.DataFrame, margins: str, total: str) -> pd.DataFrame:
    if margins == "add":
        if total in counts.index or total in counts.columns:
            raise ValueError(f"counts already has a {total!r} row/column; use margins='included'")
        t = counts.copy()
        t[total] = t.sum(axis=1)
        t.loc[total] = t.sum(axis=0)
        return t
    if margins == "included":
        if counts.index[-1] != total or counts.columns[-1] != total:
            raise ValueError(f"with margins='included' the last row and column must be {total!r}")
        inner = counts.iloc[:-1, :-1]
        ok_r = np.allclose(inner.sum(axis=1), counts.iloc[:-1, -1])
        ok_c = np.allclose(inner.sum(axis=0), counts.iloc[-1, :-1])
        ok_t = np.isclose(counts.iloc[:-1, -1].sum(), counts.iloc[-1, -1])
        if not (ok_r and ok_c and ok_t):
            raise ValueError("the totals do not add up")
        return counts.copy()
    raise ValueError(f"margins must be 'add' or 'included', not {margins!r}")


def suppress_table(counts: pd.DataFrame, *, rule: DisclosureRule = RULE,
                   margins: Literal["add", "included"] = "add", total: str = TOTAL) -> Protected:
    """Primary and secondary suppression of a 2-D count table with margins.

    counts: rows × columns of non-negative counts. margins="add" appends a `total` row and
    column; "included" means the last row and column already are the totals (checked).
    Returns Protected(kind="table") over the table with margins.
    """
    t = _with_margins(counts, margins, total)
    v = t.to_numpy(dtype=float)
    if np.isnan(v).any() or (v < 0).any():
        raise ValueError("counts must be non-negative and non-missing")
    r, c = v.shape[0] - 1, v.shape[1] - 1
    primary = rule.is_sensitive(v)
    if not rule.margins_primary:
        primary[-1, :] = False
        primary[:, -1] = False
    lines = _table_lines(r, c)
    mask = _protect(v.ravel(), primary.ravel(), lines).reshape(v.shape)
    as_df = lambda a: pd.DataFrame(a, index=t.index, columns=t.columns)  # noqa: E731
    return Protected(values=t, mask=as_df(mask), primary=as_df(primary), rule=rule,
                     kind="table", total=total)


def suppress_distribution(counts: pd.Series, *, rule: DisclosureRule = RULE,
                          total: str = TOTAL, total_included: bool = False) -> Protected:
    """Suppression for a 1-D distribution with a total (e.g. one block of Tabell 5).

    counts: categories → counts. The total is appended under the label `total` unless
    `total_included` (then the last element is the total, checked). If one category is
    suppressed, the next smallest non-zero one is too; if none is left, the total.
    """
    s = counts.astype(float).copy()
    if total_included:
        if not np.isclose(s.iloc[:-1].sum(), s.iloc[-1]):
            raise ValueError("the total does not add up")
    else:
        s.loc[total] = s.sum()
    total_label = s.index[-1]
    v = s.to_numpy()
    if np.isnan(v).any() or (v < 0).any():
        raise ValueError("counts must be non-negative and non-missing")
    primary = rule.is_sensitive(v)
    if not rule.margins_primary:
        primary[-1] = False
    lines = [(np.arange(v.size), np.r_[np.ones(v.size - 1), -1.0])]
    mask = _protect(v, primary, lines)
    return Protected(values=s, mask=pd.Series(mask, index=s.index),
                     primary=pd.Series(primary, index=s.index), rule=rule,
                     kind="distribution", total=str(total_label))


def suppress_shares(shares: pd.DataFrame | pd.Series, counts: Protected, *,
                    denominator: Literal["column", "row", "total", None] = "column") -> Protected:
    """Apply a count table's mask to the matching share table.

    A share is suppressed if its count is, and (denominator="column", column percentages)
    every share in a column whose n (the totals row) is suppressed; "row" likewise for row
    percentages; for a distribution, all shares when the total is suppressed. Labels of
    `shares` must be a subset of the count table's labels.
    """
    m = counts.mask
    if isinstance(shares, pd.DataFrame):
        mask = m.reindex(index=shares.index, columns=shares.columns)
        if mask.isna().to_numpy().any():
            raise ValueError("share table has labels the count table does not have")
        mask = mask.astype(bool)
        if denominator == "column":
            col_n_masked = m.loc[counts.total].reindex(shares.columns).astype(bool)
            mask.loc[:, col_n_masked.to_numpy()] = True
        elif denominator == "row":
            row_n_masked = m[counts.total].reindex(shares.index).astype(bool)
            mask.loc[row_n_masked.to_numpy(), :] = True
        elif denominator == "total":
            if m.loc[counts.total, counts.total]:
                mask[:] = True
    else:
        mask = m.reindex(shares.index)
        if mask.isna().any():
            raise ValueError("share series has labels the count series does not have")
        mask = mask.astype(bool)
        if denominator is not None and bool(m.iloc[-1]):
            mask[:] = True
    primary = counts.primary.reindex_like(mask).fillna(False).astype(bool)
    return Protected(values=shares, mask=mask, primary=primary, rule=counts.rule, kind="shares",
                     total=counts.total, source=counts)


def exposed_cells(table: Protected) -> list[tuple]:
    """Labels of sensitive cells (by the table's rule) that are published or can be recovered
    exactly from the published cells and the totals (LP audit). Empty = safe."""
    if table.kind == "shares":
        raise ValueError("audit the count table (table.source), not the shares")
    v = table.values.to_numpy(dtype=float)
    mask = table.mask.to_numpy(dtype=bool)
    sensitive = table.rule.is_sensitive(v)
    if table.kind == "table" and not table.rule.margins_primary:
        sensitive[-1, :] = False
        sensitive[:, -1] = False
    if table.kind == "distribution" and not table.rule.margins_primary:
        sensitive[-1] = False
    if table.kind == "table":
        lines = _table_lines(v.shape[0] - 1, v.shape[1] - 1)
        labels = [(i, j) for i in table.values.index for j in table.values.columns]
    else:
        lines = [(np.arange(v.size), np.r_[np.ones(v.size - 1), -1.0])]
        labels = list(table.values.index)
    flat_v, flat_m, flat_s = v.ravel(), mask.ravel(), sensitive.ravel()
    bad = set(np.flatnonzero(flat_s & ~flat_m).tolist())
    bad.update(_exposed(flat_v, flat_m, flat_s, lines))
    return [labels[i] for i in sorted(bad)]


def assert_safe(table: Protected) -> None:
    """Raise DisclosureError if the table would publish an unsafe cell.

    Checks: no sensitive count is published; every line (row, column, totals row/column)
    with a suppressed cell has at least two; no sensitive cell can be recovered exactly (LP
    audit). For shares: the count table must be safe and every share whose count (or
    denominator) is suppressed must be suppressed.
    """
    if table.kind == "shares":
        if table.source is None:
            raise DisclosureError("share table without its count table cannot be audited")
        required = suppress_shares(table.values, table.source).mask
        leak = required & ~table.mask
        if np.asarray(leak).any():
            raise DisclosureError("shares published for suppressed counts or denominators")
        assert_safe(table.source)
        return
    mask = table.mask.to_numpy(dtype=bool)
    if table.kind == "table":
        lines = _table_lines(mask.shape[0] - 1, mask.shape[1] - 1)
    else:
        lines = [(np.arange(mask.size), None)]
    flat = mask.ravel()
    for ix, _ in lines:
        if flat[ix].sum() == 1:
            raise DisclosureError("a row or column has exactly one suppressed cell")
    bad = exposed_cells(table)
    if bad:
        raise DisclosureError(f"unsafe cells (published or recoverable): {bad}")

