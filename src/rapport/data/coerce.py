"""Turn raw values into the types a codebook declares, without silent coercions.

A value that is not what the column's type says (text in an int column, 12,5 in an int column,
30.02.2024 in a date column) is a problem reported with its row, never turned into NaN. Empty
cells (and `na_values` from the codebook format) are missing values; whether they are allowed is
checked by the schema (`nullable`).

Result dtypes: int -> int64 (Int64 when nullable), float -> float64, str -> object (text),
date -> datetime64[ns], bool -> bool (boolean when nullable), category -> the codes' type (int
or text) here; `rapport.data.dataset` turns categories into pandas Categoricals after validation.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import numpy as np
import pandas as pd

from rapport.data.codebook import Column
from rapport.data.errors import Problem, describe_codes, examples, rows_with

_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_NORWEGIAN = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")
TRUE = {"1", "true", "ja", "yes", "sann"}
FALSE = {"0", "false", "nei", "no", "usann"}
_BAD = object()  # marker for a value that does not parse


def coerce_column(series: pd.Series, column: Column, fmt: dict) -> tuple[pd.Series, Problem | None]:
    """Convert one column; bad values become missing and are described in the Problem."""
    na_values = {str(v) for v in (fmt.get("na_values") or [])}
    kind = column.type
    if kind == "category" or (column.codes and kind in ("int", "str")):
        kind = "int" if column.code_type is int else "str"
    if kind == "int":
        values, bad = _to_int(series, fmt, na_values)
    elif kind == "float":
        values, bad = _to_float(series, fmt, na_values)
    elif kind == "date":
        values, bad = _to_date(series, column.date_format or fmt.get("date_format"), na_values)
    elif kind == "bool":
        values, bad = _to_bool(series, na_values)
    else:
        values, bad = _to_str(series, column, na_values)
    problem = None
    if bad.any():
        rows = list(series.index[bad])
        raw = list(series[bad])
        problem = type_problem(column, rows, raw, fmt)
    return values, problem


def type_problem(column: Column, rows: list[int], raw: list[Any], fmt: dict) -> Problem:
    """The message for values of the wrong type (for coded columns: values outside the codes)."""
    found = examples(rows, raw)
    if column.codes:
        return codes_problem(column, rows, raw)
    singular, plural = {
        "int": ("a whole number", "whole numbers"),
        "float": ("a number", "numbers"),
        "date": ("a date", "dates"),
        "bool": ("a yes/no value", "yes/no values"),
        "str": ("text", "text"),
        "category": ("text", "text"),
    }[column.type]
    date_format = column.date_format or fmt.get("date_format")
    hint = {
        "int": "Expected a whole number (type int).",
        "float": _float_hint(raw, fmt),
        "date": "Expected a date (type date) written "
        + (f'as "{date_format}"' if date_format else "as 2024-05-05 or 05.05.2024")
        + ".",
        "bool": "Expected 1/0, true/false or ja/nei (type bool).",
        "str": "Expected text (type str).",
        "category": "Expected text (type category).",
    }[column.type]
    what = rows_with(len(rows), f"a value that is not {singular}", f"values that are not {plural}")
    return Problem(column.name, f"{what}: {found}. {hint}", tuple(rows))


def codes_problem(column: Column, rows: list[int], raw: list[Any]) -> Problem:
    """'2 rows have values outside the codebook: row 14: 7, … Expected one of 1 (Ja), …'."""
    return Problem(
        column.name,
        f"{rows_with(len(rows), 'a value', 'values')} outside the codebook: "
        f"{examples(rows, raw)}. "
        f"Expected one of {describe_codes(column.codes or {})}.",
        tuple(rows),
    )


def _float_hint(raw: list[Any], fmt: dict) -> str:
    decimal = _decimal(fmt)
    other = "." if decimal == "," else ","
    texts = [v.strip() for v in raw if isinstance(v, str)]
    if any(_FLOAT.fullmatch(v.replace(other, ".")) for v in texts):
        name = "decimal comma" if other == "," else "decimal point"
        return (f'Expected a number (type float) with decimal mark "{decimal}"; the file seems '
                f'to use a {name}: set decimal: "{other}" in the codebook format.')
    if not fmt.get("thousands") and any(re.search(r"\d[ \u00a0\u202f]\d", v) for v in texts):
        return (f'Expected a number (type float) with decimal mark "{decimal}"; the file groups '
                'thousands with spaces: set thousands: " " in the codebook format.')
    return f'Expected a number (type float) with decimal mark "{decimal}".'


def _decimal(fmt: dict) -> str:
    return fmt.get("decimal") or ("," if fmt.get("sep") == ";" else ".")


def _parse(series: pd.Series, na_values: set[str], parse) -> tuple[np.ndarray, np.ndarray]:
    """Apply `parse` to every present value; returns values (None = missing) and a bad mask.

    Text columns are parsed once per distinct value (register extracts repeat a few codes
    millions of times); other columns value by value.
    """
    if len(series) > 1000 and pd.api.types.infer_dtype(series, skipna=True) == "string":
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        parsed, bad = _parse_values(list(uniques), np.zeros(len(uniques), bool), na_values, parse)
        parsed = np.append(parsed, None)  # code -1 (missing) picks the last element
        bad = np.append(bad, False)
        return parsed[codes], bad[codes]
    return _parse_values(series.tolist(), series.isna().to_numpy(), na_values, parse)


def _parse_values(values: list, missing: np.ndarray, na_values: set[str], parse):
    out = np.empty(len(values), dtype=object)
    bad = np.zeros(len(values), dtype=bool)
    for i, value in enumerate(values):
        if missing[i] or (isinstance(value, str) and (not value.strip() or value.strip() in
                                                       na_values)):
            out[i] = None
            continue
        parsed = parse(value)
        if parsed is _BAD:
            bad[i] = True
            out[i] = None
        else:
            out[i] = parsed
    return out, bad


def _number_text(text: str, fmt: dict, decimal: str | None) -> str:
    text = text.strip().replace("\u2212", "-")
    thousands = fmt.get("thousands")
    if thousands:
        for mark in {thousands, *(("\u00a0", "\u202f") if thousands == " " else ())}:
            text = text.replace(mark, "")
    if decimal and decimal != ".":
        if "." in text:
            return "\x00"  # a '.' where ',' is the decimal mark: not a number here
        text = text.replace(decimal, ".")
    return text


def _to_int(series: pd.Series, fmt: dict, na_values: set[str]) -> tuple[pd.Series, np.ndarray]:
    if pd.api.types.is_integer_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series):
        return series.astype("Int64"), np.zeros(len(series), dtype=bool)
    if pd.api.types.is_float_dtype(series.dtype):
        arr = series.to_numpy(dtype=float, na_value=np.nan)
        with np.errstate(invalid="ignore"):
            bad = ~np.isnan(arr) & ((~np.isfinite(arr)) | (np.floor(arr) != arr))
        arr = np.where(bad, np.nan, arr)
        return pd.Series(pd.array(arr, dtype="Float64").astype("Int64"), index=series.index), bad

    def parse(value: Any) -> Any:
        if isinstance(value, (bool, np.bool_)):
            return _BAD
        if isinstance(value, (int, np.integer)):
            return int(value)
        if isinstance(value, (float, np.floating)):
            return int(value) if math.isfinite(value) and float(value).is_integer() else _BAD
        if isinstance(value, str):
            text = _number_text(value, fmt, None)
            return int(text) if _INT.fullmatch(text) else _BAD
        return _BAD

    values, bad = _parse(series, na_values, parse)
    return pd.Series(pd.array(values, dtype="Int64"), index=series.index), bad


def _to_float(series: pd.Series, fmt: dict, na_values: set[str]) -> tuple[pd.Series, np.ndarray]:
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series):
        arr = series.to_numpy(dtype=float, na_value=np.nan)
        return pd.Series(arr, index=series.index), np.zeros(len(series), dtype=bool)
    decimal = _decimal(fmt)

    def parse(value: Any) -> Any:
        if isinstance(value, (bool, np.bool_)):
            return _BAD
        if isinstance(value, (int, float, np.integer, np.floating)):
            return float(value)
        if isinstance(value, str):
            text = _number_text(value, fmt, decimal)
            return float(text) if _FLOAT.fullmatch(text) else _BAD
        return _BAD

    values, bad = _parse(series, na_values, parse)
    arr = pd.array(values, dtype="Float64").to_numpy(dtype=float, na_value=np.nan)
    return pd.Series(arr, index=series.index), bad


def _to_date(series: pd.Series, date_format: str | None, na_values: set[str]):
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        values = series
        if getattr(values.dt, "tz", None) is not None:
            values = values.dt.tz_localize(None)
        return values.astype("datetime64[ns]"), np.zeros(len(series), dtype=bool)

    def parse(value: Any) -> Any:
        if isinstance(value, (dt.datetime, dt.date)):
            return pd.Timestamp(value)
        if not isinstance(value, str):
            return _BAD
        text = value.strip()
        try:
            if date_format:
                return pd.Timestamp(dt.datetime.strptime(text, date_format))
            if _ISO.fullmatch(text):
                return pd.Timestamp(text)
            if _NORWEGIAN.fullmatch(text):
                return pd.Timestamp(dt.datetime.strptime(text, "%d.%m.%Y"))
        except ValueError:
            return _BAD
        return _BAD

    values, bad = _parse(series, na_values, parse)
    out = pd.Series(pd.to_datetime(pd.Series(values, dtype=object)).to_numpy(), index=series.index)
    return out.astype("datetime64[ns]"), bad


def _to_bool(series: pd.Series, na_values: set[str]) -> tuple[pd.Series, np.ndarray]:
    if pd.api.types.is_bool_dtype(series.dtype):
        return series.astype("boolean"), np.zeros(len(series), dtype=bool)

    def parse(value: Any) -> Any:
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        if isinstance(value, (int, float, np.integer, np.floating)) and value in (0, 1):
            return bool(value)
        if isinstance(value, str):
            text = value.strip().lower()
            if text in TRUE:
                return True
            if text in FALSE:
                return False
        return _BAD

    values, bad = _parse(series, na_values, parse)
    return pd.Series(pd.array(values, dtype="boolean"), index=series.index), bad


def _to_str(series: pd.Series, column: Column, na_values: set[str]) -> tuple[pd.Series, np.ndarray]:
    width = _code_width(column)

    def parse(value: Any) -> Any:
        if isinstance(value, str):
            return value
        if isinstance(value, (bool, np.bool_)):
            return _BAD
        if isinstance(value, (int, np.integer)) or (
            isinstance(value, (float, np.floating)) and float(value).is_integer()
        ):
            text = str(int(value))
            # Excel and SPSS store "02" as the number 2: pad back to the codes' width.
            return text.zfill(width) if width else text
        if isinstance(value, (float, np.floating)):
            return str(value)
        return _BAD

    values, bad = _parse(series, na_values, parse)
    return pd.Series(values, index=series.index, dtype=object), bad


def _code_width(column: Column) -> int:
    """Width of all-digit text codes of one width ("02", "50" -> 2), else 0."""
    if not column.codes or column.code_type is not str:
        return 0
    widths = {len(code) for code in column.codes if code.isdigit()}
    return widths.pop() if len(widths) == 1 and all(c.isdigit() for c in column.codes) else 0


def final_dtype(column: Column) -> str:
    """The pandas dtype a validated column has (before categories become Categoricals)."""
    kind = column.type
    if kind == "category" or column.codes:
        kind = "int" if column.code_type is int else "str"
    if kind == "int":
        return "Int64" if column.nullable else "int64"
    if kind == "bool":
        return "boolean" if column.nullable else "bool"
    return {"float": "float64", "date": "datetime64[ns]", "str": "object"}[kind]


def to_final(series: pd.Series, column: Column) -> pd.Series:
    """Cast a coerced column to `final_dtype` (only when it has no missing values left)."""
    dtype = final_dtype(column)
    if dtype in ("int64", "bool") and series.isna().any():
        return series  # not nullable but has gaps: the schema reports them
    return series.astype(dtype) if str(series.dtype) != dtype else series
