"""`rapport codebook draft FILE`: a first codebook to edit, in the project's format
(docs/architecture.md «Codebooks»), drafted from the data file itself.

- SPSS `.sav`/`.zsav` (pyreadstat): the variable labels become `label`, the value labels
  `codes` (type `category`), and the measure decides the rest: `scale` → `int`/`float` with the
  observed range, text variables → `str`; dates → `date`.
- `.xlsx`/`.xlsm`/`.csv`: the types are inferred from the values (whole numbers, decimals,
  dates, text); columns with few distinct values get their values as `codes` to label; a column
  with missing cells is `nullable: true`. A CSV's separator and encoding go to `format:`.

The draft reads back: `read_dataset` accepts the file it came from. Labels the file does not
carry are left as «TODO» for the analyst.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from rapport import context

from .errors import DataError

MAX_CODES = 12  # a column with at most this many distinct values is drafted as a category
TODO = "TODO: beskrivelse"


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _whole(series: pd.Series) -> bool:
    values = series.dropna()
    return len(values) > 0 and bool((values == values.round()).all())


def _code(value):
    """A code as YAML should carry it: 3.0 → 3, text stays text."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _number_column(name: str, values: pd.Series, column: dict) -> dict:
    whole = _whole(values)
    column["type"] = "int" if whole else "float"
    present = values.dropna()
    if len(present):
        low, high = present.min(), present.max()
        column["min"] = int(low) if whole else float(low)
        column["max"] = int(high) if whole else float(high)
    return column


# --- SPSS -------------------------------------------------------------------------------------


def _draft_sav(path: Path, shown: str) -> tuple[list[dict], dict]:
    import pyreadstat

    try:
        frame, meta = pyreadstat.read_sav(str(path))
    except Exception as exc:  # pyreadstat raises its own error types
        raise DataError(f"{shown}: cannot read as SPSS: {exc}") from None
    columns = []
    for name in meta.column_names:
        values = frame[name]
        column: dict[str, Any] = {"name": name,
                                  "label": meta.column_names_to_labels.get(name) or TODO}
        labels = meta.variable_value_labels.get(name)
        measure = meta.variable_measure.get(name, "unknown")
        spss_type = meta.original_variable_types.get(name, "")
        if labels:
            column["type"] = "category"
            column["codes"] = {_code(code): str(label) for code, label in labels.items()}
            if measure == "ordinal":
                column["note"] = "SPSS: ordinal (kodene står i skalaens rekkefølge)"
        elif spss_type.startswith(("DATE", "ADATE", "EDATE", "SDATE", "DATETIME")):
            column["type"] = "date"
        elif spss_type.startswith("A") or values.dtype == object:
            column["type"] = "str"
        else:
            _number_column(name, values, column)
            if measure == "nominal":
                column["note"] = "SPSS: nominal uten verdietiketter (legg til codes om det er koder)"
        if values.isna().any() or (values.dtype == object and (values == "").any()):
            column["nullable"] = True
        columns.append(column)
    return columns, {}


# --- spreadsheets and CSV ---------------------------------------------------------------------


def _read_csv(path: Path, shown: str) -> tuple[pd.DataFrame, dict]:
    raw = path.read_bytes()
    fmt: dict[str, Any] = {}
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
        fmt["encoding"] = "cp1252"
    header = text.split("\n", 1)[0]
    sep = ";" if header.count(";") > header.count(",") else ","
    if sep == ";":
        fmt["sep"] = ";"
    import io

    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise DataError(f"{shown}: cannot read as CSV: {exc}") from None
    return frame, fmt


def _parse_numbers(texts: pd.Series, decimal: str) -> pd.Series | None:
    cleaned = texts.str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
    if decimal == ",":
        cleaned = cleaned.str.replace(",", ".", regex=False)
    numbers = pd.to_numeric(cleaned, errors="coerce")
    return numbers if numbers.notna().all() else None


def _parse_dates(texts: pd.Series) -> bool:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        if pd.to_datetime(texts, format=fmt, errors="coerce").notna().all():
            return True
    return False


def _infer(name: str, values: pd.Series, decimal: str) -> dict:
    """One column from its values (text cells from a CSV, typed cells from Excel)."""
    column: dict[str, Any] = {"name": name, "label": TODO}
    if values.dtype == object:
        texts = values.astype("string").str.strip()
        missing = texts.isna() | (texts == "")
        present = texts[~missing]
    else:
        missing = values.isna()
        present = values[~missing]
    if missing.any():
        column["nullable"] = True
    if present.empty:
        column["type"] = "str"
        return column
    if pd.api.types.is_datetime64_any_dtype(present) or (
            present.map(lambda v: isinstance(v, (_dt.date, _dt.datetime))).all()):
        column["type"] = "date"
        return column
    if pd.api.types.is_bool_dtype(present):
        column["type"] = "bool"
        return column
    if pd.api.types.is_numeric_dtype(present):
        numbers = present.astype(float)
    else:
        texts = present.astype(str)
        numbers = _parse_numbers(texts, decimal)
        if numbers is None:
            if _parse_dates(texts):
                column["type"] = "date"
                return column
            distinct = sorted(texts.unique())
            if len(distinct) <= MAX_CODES and len(distinct) < len(texts):
                column["type"] = "category"
                column["codes"] = {value: value for value in distinct}
            else:
                column["type"] = "str"
            return column
        if (texts.str.match(r"^0\d") & _whole(numbers)).any():  # «02»: a code, not a number
            column["type"] = "str"
            return column
    distinct = sorted(numbers.unique())
    if _whole(numbers) and len(distinct) <= MAX_CODES and len(distinct) < len(numbers):
        column["type"] = "category"
        column["codes"] = {int(value): f"TODO: etikett for {int(value)}" for value in distinct}
        return column
    return _number_column(name, numbers, column)


def _draft_table(path: Path, shown: str) -> tuple[list[dict], dict]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            frame = pd.read_excel(path, sheet_name=0, engine="openpyxl")
        except Exception as exc:  # openpyxl raises many kinds
            raise DataError(f"{shown}: cannot read as XLSX: {exc}") from None
        fmt: dict[str, Any] = {}
        decimal = "."
    else:
        frame, fmt = _read_csv(path, shown)
        decimal = "," if fmt.get("sep") == ";" else "."
        if decimal == ",":
            fmt["decimal"] = ","
    columns = [_infer(str(name), frame[name], decimal) for name in frame.columns]
    return columns, fmt


# --- the draft --------------------------------------------------------------------------------


def draft_codebook(path: str | Path, *, dataset: str | None = None,
                   root: str | Path | None = None) -> dict:
    """The codebook mapping for the data file at `path` (see the module docstring)."""
    path = Path(path)
    root = Path(root) if root else _root_for(path)
    shown = _rel(path, root)
    if not path.is_file():
        raise DataError(f"{shown}: file not found")
    suffix = path.suffix.lower()
    if suffix in (".sav", ".zsav"):
        columns, fmt = _draft_sav(path, shown)
    elif suffix in (".csv", ".txt", ".xlsx", ".xlsm"):
        columns, fmt = _draft_table(path, shown)
    else:
        raise DataError(f"{shown}: cannot draft a codebook from a {suffix or 'suffixless'} file; "
                        "expected .sav, .zsav, .xlsx, .xlsm or .csv")
    if not columns:
        raise DataError(f"{shown}: no columns")
    book: dict[str, Any] = {"dataset": dataset or path.stem, "title": "TODO: tittel",
                            "path": shown, "format": fmt}
    first = columns[0]
    if first.get("type") in ("int", "str") and not first.get("nullable"):
        book["key"] = [first["name"]]  # a guess: check that it is unique
    book["columns"] = columns
    return book


def _root_for(path: Path) -> Path:
    try:
        return context.project_root(path.resolve().parent)
    except FileNotFoundError:
        return Path.cwd()


def draft_codebook_text(path: str | Path, *, dataset: str | None = None,
                        root: str | Path | None = None) -> str:
    """The draft as YAML text with a heading comment, ready for data/codebook/<dataset>.yml."""
    book = draft_codebook(path, dataset=dataset, root=root)
    head = (f"# Draft codebook for {book['path']}, made by `rapport codebook draft`. Check every\n"
            "# label, fill in the TODOs, move shared code lists to codes.yml, and check the key.\n")
    body = yaml.safe_dump(book, allow_unicode=True, sort_keys=False, width=100,
                          default_flow_style=False)
    return head + body
