"""One error type for bad input data, with messages a report writer can act on.

Every problem found while reading or validating an input becomes a `DataError` whose message
names the file (root-relative), the column, the first offending rows as the user sees them in
the file, the offending values and what was expected, one line per problem:

    data/raw/survey/mottakere_2024.csv: column "q_hort_om": 2 rows have values outside the
    codebook: row 14: 7, row 88: 12. Expected one of 1 (Ja, …), 2 (…), 3 (Nei), 9 (Vet ikke).

(on one line). Row numbers: for CSV and XLSX the header is row 1, so the first data row is row 2;
for SPSS and Parquet files, which have no header row, the first case is row 1.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable, Sequence
from typing import Any

# How many offending rows a message shows before "… and N more".
MAX_EXAMPLES = 5


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one column (or the file as a whole when `column` is None)."""

    column: str | None
    text: str
    rows: tuple[int, ...] = ()


class DataError(Exception):
    """Raised for any problem with an input file or its codebook; the message says it all.

    `path` is the root-relative file; `problems` lists what is wrong, one `Problem` each.
    """

    def __init__(self, path: str, problems: Sequence[Problem] = ()) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        lines = []
        for problem in self.problems:
            where = ""
            if problem.column:
                # 'column "x" is missing' reads better than 'column "x": is missing'
                joint = " " if problem.text.startswith(("is ", "has ")) else ": "
                where = f'column "{problem.column}"{joint}'
            lines.append(f"{self.path}: {where}{problem.text}")
        return "\n".join(lines) if lines else f"{self.path}: invalid data"

    def __str__(self) -> str:
        return self.message


class CodebookError(DataError):
    """The codebook itself is wrong (unknown type, unknown code list, bad YAML, …)."""


def fail(path: str, text: str, column: str | None = None, rows: Sequence[int] = ()) -> DataError:
    """A DataError with a single problem (raise it: `raise fail(...)`)."""
    return DataError(path, [Problem(column, text, tuple(rows))])


def display_path(path: str | Path, root: Path | None) -> str:
    """`path` relative to the project root (POSIX), or as given when outside the root."""
    path = Path(path)
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def show_value(value: Any) -> str:
    """A value as a message shows it: numbers bare, text in double quotes, dates ISO."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "(empty)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()  # numpy scalar -> Python
        except (ValueError, AttributeError):
            pass
    if isinstance(value, dt.datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, tuple):
        return "(" + ", ".join(show_value(v) for v in value) + ")"
    return f'"{value}"'


def rows_have(count: int, verb: str = "have") -> str:
    """'1 row has' / '3 rows have' (verb given in plural form: have, share, are)."""
    if count == 1:
        singular = {"have": "has", "share": "shares", "are": "is"}.get(verb, verb)
        return f"1 row {singular}"
    return f"{count} rows {verb}"


def rows_with(count: int, one: str, many: str) -> str:
    """'1 row has a value that is not a number' / '3 rows have values that are not numbers'."""
    return f"1 row has {one}" if count == 1 else f"{count} rows have {many}"


def examples(rows: Sequence[int], values: Iterable[Any]) -> str:
    """'row 14: 7, row 88: 12' for the first few offending rows, then '… and N more'."""
    pairs = list(zip(rows, values))
    shown = ", ".join(f"row {row}: {show_value(value)}" for row, value in pairs[:MAX_EXAMPLES])
    if len(pairs) > MAX_EXAMPLES:
        shown += f", … and {len(pairs) - MAX_EXAMPLES} more"
    return shown


def describe_codes(codes: dict[Any, str], limit: int = 40) -> str:
    """'1 (Ja), 2 (Nei), 9 (Vet ikke)' for the allowed codes of a column."""
    items = [f"{show_code(code)} ({label})" for code, label in codes.items()]
    if len(items) > limit:
        items = items[:limit] + [f"… ({len(codes) - limit} more, see the codebook)"]
    return ", ".join(items)


def show_code(code: Any) -> str:
    """A code as written in the codebook: 1, 02, A (no quotes)."""
    return str(code)
