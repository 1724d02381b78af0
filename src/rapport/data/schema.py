"""Pandera schemas built from codebooks, and their failures as plain-language problems.

`build_schema(codebook)` gives a `pandera.pandas.DataFrameSchema` with one column per codebook
column (dtype from `rapport.data.coerce.final_dtype`, allowed codes, min/max including dates,
nullable), the key as a uniqueness constraint, and missing columns as errors (extra columns too
unless the codebook says `extra_columns: drop`). `problems_from(errors, ...)` turns pandera's
failure cases into `Problem`s with row numbers, values and what was expected.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from rapport.data.codebook import Codebook, Column
from rapport.data.coerce import codes_problem, final_dtype
from rapport.data.errors import Problem, examples, rows_have, rows_with, show_value


def build_schema(
    codebook: Codebook, columns: list[str] | None = None, *, categorical: bool = False
) -> pa.DataFrameSchema:
    """Schema for a dataset (or the subset `columns`).

    Coded columns have their codes' dtype (int or text); with `categorical=True` category
    columns are expected as pandas Categoricals instead, as `read_dataset` returns them.
    """
    selected = [c for c in codebook.columns if columns is None or c.name in columns]
    names = {c.name for c in selected}
    spec = {}
    for column in selected:
        checks = []
        if column.codes:
            allowed = list(column.codes)
            checks.append(pa.Check(lambda s, allowed=allowed: s.isin(allowed), name="codes"))
        if column.min is not None or column.max is not None:
            checks.append(_range_check(column.min, column.max))
        dtype: Any = final_dtype(column)
        if categorical and column.type == "category":
            dtype = pd.CategoricalDtype(list(column.codes)) if column.codes else "category"
        spec[column.name] = pa.Column(
            dtype,
            checks=checks,
            nullable=column.nullable and column.name not in codebook.key,
            required=True,
        )
    key = list(codebook.key) if codebook.key and set(codebook.key) <= names else None
    return pa.DataFrameSchema(
        spec,
        unique=key,
        report_duplicates="all",
        strict=codebook.extra_columns == "error" and columns is None,
        name=codebook.dataset,
    )


def _range_check(low: Any, high: Any) -> pa.Check:
    def within(series: pd.Series) -> pd.Series:
        ok = pd.Series(True, index=series.index)
        if low is not None:
            ok &= series >= low
        if high is not None:
            ok &= series <= high
        return ok

    return pa.Check(within, name="range")


def validate(frame: pd.DataFrame, codebook: Codebook, columns: list[str] | None = None,
             skip: dict[str, set[int]] | None = None) -> list[Problem]:
    """Validate `frame` (index = row numbers); failures at `skip[column]` rows are left out
    (cells that already failed typing and are empty now)."""
    schema = build_schema(codebook, columns)
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        return problems_from(errors, frame, codebook, skip)
    return []


def problems_from(errors: SchemaErrors, frame: pd.DataFrame, codebook: Codebook,
                  skip: dict[str, set[int]] | None = None) -> list[Problem]:
    """Plain-language problems from pandera failure cases, one per column and check."""
    cases = errors.failure_cases
    problems: list[Problem] = []
    key_failed = False
    order = {name: i for i, name in enumerate(codebook.names)}
    grouped = cases.groupby(["column", "check"], sort=False, dropna=False)
    for (name, check), group in sorted(grouped, key=lambda g: order.get(g[0][0], len(order))):
        check = str(check)
        if "uniqueness" in check or check == "unique":
            key_failed = True
            continue
        done = (skip or {}).get(name, set())
        group = group[~group["index"].isin(done)]
        if group.empty and done:
            continue
        rows = [int(i) for i in group["index"] if pd.notna(i)]
        values = list(group["failure_case"])
        problems.append(_problem(codebook, str(name), check, rows, values, frame))
    if key_failed:
        problems.append(key_problem(frame, codebook.key))
    return problems


def _problem(codebook: Codebook, name: str, check: str, rows: list[int], values: list[Any],
             frame: pd.DataFrame) -> Problem:
    if check == "column_in_dataframe":
        return Problem(name, "is missing from the file")
    if check == "column_in_schema":
        return Problem(name, f"is in the file but not in the codebook ({codebook.dataset})")
    column = codebook.column(name)
    if check == "codes":
        return codes_problem(column, rows, values)
    if check == "range":
        return range_problem(column, rows, values)
    if check == "not_nullable":
        shown = ", ".join(f"row {r}" for r in rows[:5]) + (", …" if len(rows) > 5 else "")
        return Problem(name, f"{rows_have(len(rows), 'are')} empty: {shown}. Expected a value in "
                       "every row (the codebook does not allow missing values here).", tuple(rows))
    if check.startswith("dtype"):
        found = frame[name].dtype if name in frame.columns else "?"
        return Problem(name, f"has type {found}, expected {final_dtype(column)}")
    return Problem(name, f"{rows_have(len(rows))} values failing {check}: "
                   f"{examples(rows, values)}", tuple(rows))


def range_problem(column: Column, rows: list[int], values: list[Any]) -> Problem:
    """Values below min / above max, worded for amounts, dates and survey scales."""
    low, high = column.min, column.max
    below = low is not None and all(_lt(v, low) for v in values)
    above = high is not None and all(_lt(high, v) for v in values)
    is_date = column.type == "date"
    noun = "dates" if is_date else ("answers" if column.question else "values")
    if column.question and low is not None and high is not None:
        what = f"{noun} outside the question's scale"
    elif below:
        what = f"{noun} before the earliest allowed date" if is_date else (
            f"{noun} below the minimum")
    elif above:
        what = f"{noun} after the latest allowed date" if is_date else f"{noun} above the maximum"
    else:
        what = f"{noun} outside the allowed range"
    kind = "a date" if is_date else ("a whole number" if column.type == "int" else "a number")
    lo, hi = show_value(low), show_value(high)
    if low is not None and high is not None:
        expected = f"{kind} from {lo} to {hi}"
    elif low is not None:
        expected = f"{kind} on or after {lo}" if is_date else f"{kind} ≥ {lo}"
    else:
        expected = f"{kind} on or before {hi}" if is_date else f"{kind} ≤ {hi}"
    count = rows_with(len(rows), _singular(what), what)
    return Problem(column.name, f"{count}: {examples(rows, values)}. "
                   f"Expected {expected}.", tuple(rows))


def _singular(what: str) -> str:
    """'values below the minimum' -> 'a value below the minimum'."""
    noun, rest = what.split(" ", 1)
    return {"values": "a value", "dates": "a date", "answers": "an answer"}[noun] + " " + rest


def _lt(a: Any, b: Any) -> bool:
    try:
        return bool(a < b)
    except TypeError:
        return False


def key_problem(frame: pd.DataFrame, key: tuple[str, ...]) -> Problem:
    """Rows whose key value occurs more than once."""
    dup = frame.duplicated(list(key), keep=False)
    rows = [int(r) for r in frame.index[dup]]
    sub = frame.loc[dup, list(key)]
    values = [row[0] if len(key) == 1 else tuple(row) for row in sub.itertuples(index=False)]
    label = f'"{key[0]}"' if len(key) == 1 else "(" + ", ".join(key) + ")"
    return Problem(
        None,
        f"key {label}: {rows_have(len(rows), 'share')} a key value with another row: "
        f"{examples(rows, values)}. Expected each key to occur once.",
        tuple(rows),
    )
