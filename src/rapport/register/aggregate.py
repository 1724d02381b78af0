"""Aggregations of register tables, as Ibis expressions; only small results reach pandas.

Every function takes Ibis tables (from `rapport.register.open_dataset`) and returns a pandas
object whose size is the number of cells, not the number of rows:

- `counts(table, by)`: rows per combination of `by` that occurs, sorted by `by`;
- `crosstab(table, rows, columns)`: the same as a rows × columns frame of counts;
- `lookup(table, key, values)`: the table joined with a small pandas frame on `key` columns;
- `rows_for(table, key, ids, columns)`: the rows of chosen ids (e.g. a matched sample);
- `cell_numbers(table, by, cells, order)`: for every row, in `order`, the number of its
  cell in `cells` (one small integer per row, as numpy: what a matcher needs per person).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def _memtable(frame: pd.DataFrame, like, columns: Sequence[str]):
    """`frame` as an engine table whose `columns` have the types they have in `like`."""
    import ibis

    schema = {c: like.schema()[c] for c in columns}
    schema |= {c: ibis.dtype(str(frame[c].dtype).replace("object", "string"))
               for c in frame.columns if c not in schema}
    return ibis.memtable(frame, schema=ibis.schema(schema))


def counts(table, by: Sequence[str], *, name: str = "n") -> pd.DataFrame:
    """Number of rows per combination of `by` that occurs (no empty cells), sorted by `by`."""
    by = list(by)
    result = table.group_by(by).aggregate(**{name: table.count()}).order_by(by).to_pandas()
    result[name] = result[name].astype("int64")
    return result.reset_index(drop=True)


def crosstab(table, rows: str, columns: str) -> pd.DataFrame:
    """Counts of `rows` × `columns` (values as stored), zero where a combination is absent."""
    long = counts(table, [rows, columns])
    wide = long.pivot(index=rows, columns=columns, values="n").fillna(0).astype("int64")
    wide.index.name, wide.columns.name = rows, columns
    return wide


def lookup(table, key: Sequence[str], values: pd.DataFrame):
    """`table` inner-joined with the small frame `values` on the `key` columns."""
    key = list(key)
    small = _memtable(values, table, key)
    return table.inner_join(small, key)


def rows_for(table, key: str, ids, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The rows whose `key` is in `ids`, sorted by `key` (then the other columns)."""
    wanted = pd.DataFrame({key: np.asarray(ids)}).drop_duplicates()
    joined = lookup(table, [key], wanted)
    columns = list(columns) if columns is not None else list(table.columns)
    order = [key] + [c for c in columns if c != key]
    return joined.select(*order).order_by(order).to_pandas()


def cell_numbers(table, by: Sequence[str], cells: pd.DataFrame, order: Sequence[str]
                 ) -> tuple[np.ndarray, np.ndarray]:
    """(values of `order` columns' first column, cell number) for every row, sorted by `order`.

    `cells` holds one row per combination of `by` (as `counts` returns it); a row's cell number
    is its position in `cells`. Every row must fall in a cell.
    """
    by, order = list(by), list(order)
    numbered = cells[by].reset_index(drop=True).assign(cell=np.arange(len(cells), dtype="int32"))
    joined = lookup(table, by, numbered).select(*order, "cell").order_by(order).to_pyarrow()
    n_rows = int(table.count().to_pandas())
    if joined.num_rows != n_rows:
        raise ValueError(f"{n_rows - joined.num_rows} rows fall in no cell of {by}")
    return (joined.column(order[0]).to_numpy(), joined.column("cell").to_numpy())
