"""Read a dataset through its codebook: find, read, type, validate, record, return.

`read_dataset("tilsagn")` is how notebooks read inputs. It records the data file and the
codebook files it used in the run's read log (so the build cache keys the notebook on them) and
raises one `DataError` listing every problem found, never a pandas traceback.
`read_file(path)` reads a plain reference file (no codebook) with the same recording.
`check_frame(frame, "tilsagn")` runs the same typing and validation on an in-memory frame, for
generators that want to check what they are about to write.
"""

from __future__ import annotations

import difflib
import io
from pathlib import Path
from typing import Any

import pandas as pd

from rapport import context
from rapport.data import readers
from rapport.data.codebook import Codebook, load_codebook
from rapport.data.coerce import coerce_column, to_final
from rapport.data.errors import DataError, Problem, display_path, fail
from rapport.data.physical import parquet_type_problems, spss_type_problems
from rapport.data.recorder import record_read
from rapport.data.schema import validate


def read_dataset(
    name: str, *, root: str | Path | None = None, columns: list[str] | None = None
) -> pd.DataFrame:
    """The dataset `name` (codebook `data/codebook/<name>.yml`), typed and validated.

    `columns` reads only those columns (in that order); the key is then checked only when all
    key columns are among them. Coded `category` columns come back as pandas Categoricals of
    the codes (categories in codebook order); use `Codebook.decode` for labels.
    """
    root = Path(root).resolve() if root else context.project_root()
    codebook = load_codebook(name, root)
    record_read(codebook.source_file)
    if codebook.codes_file is not None and codebook.codes_file.is_file():
        record_read(codebook.codes_file)
    wanted = _wanted(codebook, columns, root)
    path = root / codebook.path
    shown = display_path(path, root)
    if not path.is_file():
        where = display_path(codebook.source_file, root)
        raise fail(shown, f"file not found (the path given in {where})")
    raw = readers.read_raw(path, shown, codebook.format, wanted)
    record_read(path)
    problems = column_problems(raw.columns_in_file, codebook, wanted)
    problems += parquet_type_problems(raw.arrow_types, codebook, wanted)
    problems += spss_type_problems(raw.spss_types, codebook, wanted)
    if problems:
        raise DataError(shown, problems)
    frame = raw.frame[wanted]
    return _typed(frame, codebook, shown, wanted if columns is not None else None,
                  raw.value_labels)


def check_frame(
    frame: pd.DataFrame,
    codebook: str | Codebook,
    *,
    root: str | Path | None = None,
    first_row: int = 1,
    source: str | None = None,
) -> pd.DataFrame:
    """Type and validate an in-memory frame against a codebook; returns what read_dataset would.

    Rows in messages are numbered from `first_row` (use 2 for a frame about to become a CSV).
    """
    if not isinstance(codebook, Codebook):
        root = Path(root).resolve() if root else context.project_root()
        codebook = load_codebook(codebook, root)
    shown = source or codebook.path
    problems = column_problems(list(frame.columns), codebook, codebook.names)
    if problems:
        raise DataError(shown, problems)
    frame = frame[codebook.names].copy()
    frame.index = pd.RangeIndex(first_row, first_row + len(frame))
    return _typed(frame, codebook, shown, None, {})


def _wanted(codebook: Codebook, columns: list[str] | None, root: Path) -> list[str]:
    if columns is None:
        return codebook.names
    if isinstance(columns, str):
        columns = [columns]
    unknown = [c for c in columns if c not in codebook.names]
    if unknown:
        where = display_path(codebook.source_file, root) if codebook.source_file else codebook.path
        raise DataError(where, [
            Problem(c, "is not in the codebook" + _suggest(c, codebook.names)) for c in unknown
        ])
    return list(dict.fromkeys(columns))


def column_problems(in_file: list[str], codebook: Codebook, wanted: list[str]) -> list[Problem]:
    """Missing columns (with the closest unexpected name in the file) and unexpected ones."""
    present = set(in_file)
    unexpected = [c for c in in_file if c not in codebook.names]
    problems = []
    for name in wanted:
        if name in present:
            continue
        close = _closest(name, unexpected)
        if close:
            problems.append(Problem(
                name,
                f'is missing; the file has "{close}", which looks like a misspelling of '
                f'"{name}". Rename the column in the file or correct the codebook.',
            ))
        else:
            listed = ", ".join(f'"{c}"' for c in in_file[:12])
            more = f" and {len(in_file) - 12} more" if len(in_file) > 12 else ""
            problems.append(Problem(name, f"is missing. The file has columns {listed}{more}."))
    if codebook.extra_columns == "error" and wanted == codebook.names:
        suggested = {_closest(m, unexpected) for m in wanted if m not in present}
        for name in unexpected:
            if name in suggested:
                continue
            problems.append(Problem(
                name,
                f"is in the file but not in the codebook{_suggest(name, codebook.names)}. "
                "Add it to the codebook, or set extra_columns: drop to ignore extra columns.",
            ))
    return problems


def _closest(name: str, candidates: list[str]) -> str | None:
    lowered = {c.lower(): c for c in candidates}
    match = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def _suggest(name: str, names: list[str]) -> str:
    close = _closest(name, names)
    return f' (did you mean "{close}"?)' if close else ""


def _typed(frame: pd.DataFrame, codebook: Codebook, shown: str, columns: list[str] | None,
           value_labels: dict[str, dict[Any, str]]) -> pd.DataFrame:
    problems: list[Problem] = []
    failed: dict[str, set[int]] = {}
    out = {}
    for name in frame.columns:
        column = codebook.column(name)
        if name in value_labels and column.codes:
            label_problem = _label_problem(column, value_labels[name])
            if label_problem:
                problems.append(label_problem)
        values, problem = coerce_column(frame[name], column, codebook.format)
        if problem is not None:
            problems.append(problem)
            failed[name] = set(problem.rows)
        out[name] = to_final(values, column)
    typed = pd.DataFrame(out, index=frame.index)
    problems += validate(typed, codebook, columns, skip=failed)
    if problems:
        order = {name: i for i, name in enumerate(codebook.names)}
        problems.sort(key=lambda p: order.get(p.column, len(order)))  # stable: file order
        raise DataError(shown, problems)
    for name in typed.columns:
        column = codebook.column(name)
        if column.type == "category":
            categories = list(column.codes) if column.codes else None
            typed[name] = pd.Categorical(typed[name].astype(object).where(typed[name].notna()),
                                         categories=categories)
            if categories is None:
                typed[name] = typed[name].cat.reorder_categories(
                    sorted(typed[name].cat.categories))
    return typed.reset_index(drop=True)


def _label_problem(column, labels: dict[Any, str]) -> Problem | None:
    """SPSS value labels must agree with the codebook (same text, no unknown labelled codes)."""
    def norm(text: str) -> str:
        return " ".join(str(text).split()).casefold()

    notes = []
    for value, label in labels.items():
        code = int(value) if isinstance(value, float) and value.is_integer() else value
        if column.code_type is str and not isinstance(code, str):
            code = str(code)
        if code not in column.codes:
            notes.append(f'{code} ("{label}") is labelled in the file but not in the codebook')
        elif norm(label) != norm(column.codes[code]):
            notes.append(f'{code} is "{label}" in the file but "{column.codes[code]}" in the '
                         "codebook")
    if not notes:
        return None
    return Problem(column.name, "the SPSS value labels disagree with the codebook: "
                   + "; ".join(notes) + ".")


def read_file(
    path: str | Path,
    *,
    root: str | Path | None = None,
    sep: str = ",",
    decimal: str = ".",
    encoding: str | None = None,
    dtype: Any = None,
    sheet: str | None = None,
    columns: list[str] | None = None,
) -> pd.DataFrame:
    """Read a plain file without a codebook (e.g. data/reference/*.csv), recording the read.

    CSV (encoding detected as for datasets), XLSX (first sheet unless `sheet`) or Parquet. Types
    are pandas' own inference unless `dtype` is given (use dtype=str to keep codes like "02").
    """
    root = Path(root).resolve() if root else context.project_root()
    full = Path(path) if Path(path).is_absolute() else root / path
    shown = display_path(full, root)
    if not full.is_file():
        raise fail(shown, "file not found")
    suffix = full.suffix.lower()
    try:
        if suffix in readers.CSV_SUFFIXES:
            data = full.read_bytes()
            text = readers.decode_text(data, shown, encoding)
            if not text.strip():
                raise fail(shown, "the file is empty (no header and no rows)")
            header = text.splitlines()[0]
            readers._check_separator(header.split(sep), sep, shown)
            names = next(readers.csv.reader([header], delimiter=sep))
            readers._check_field_counts(text, sep, len(names), 1, shown)
            frame = pd.read_csv(io.StringIO(text), sep=sep, decimal=decimal, dtype=dtype,
                                usecols=columns)
        elif suffix in readers.XLSX_SUFFIXES:
            frame = pd.read_excel(full, sheet_name=sheet or 0, dtype=dtype, usecols=columns,
                                  engine="openpyxl")
        elif suffix in readers.PARQUET_SUFFIXES:
            frame = pd.read_parquet(full, columns=columns)
        else:
            raise fail(shown, f'read_file cannot read files ending in "{suffix}"')
    except DataError:
        raise
    except (ValueError, KeyError, OSError, pd.errors.ParserError) as err:
        raise fail(shown, f"cannot be read: {err}") from None
    record_read(full)
    return frame
