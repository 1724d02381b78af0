"""Readers for the formats input data arrive in: CSV, XLSX, SPSS `.sav` and Parquet.

Each reader returns a `RawTable`: the values as the file holds them (CSV: all text), indexed by
the row number a person sees when opening the file (CSV/XLSX: header = row 1, first data row =
row 2; SPSS/Parquet: first case = row 1), plus the names of all columns in the file. Typing and
validation happen afterwards, against the codebook (`rapport.data.coerce`, `rapport.data.schema`).

CSV as Norwegian Excel and survey tools export it: `;` separator and decimal comma are common,
encoding is UTF-8 (with or without BOM) or Windows-1252. The encoding is detected (UTF-8 first,
Windows-1252 only when the bytes are not valid UTF-8) unless the codebook declares one.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from rapport.data.errors import fail

CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
SAV_SUFFIXES = (".sav", ".zsav")
PARQUET_SUFFIXES = (".parquet", ".pq")
SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


@dataclass
class RawTable:
    """Values as read from a file, before typing; index = row numbers as the user sees them."""

    frame: pd.DataFrame
    columns_in_file: list[str]
    value_labels: dict[str, dict[Any, str]] = field(default_factory=dict)  # SPSS only
    arrow_types: dict[str, Any] = field(default_factory=dict)  # Parquet only: stored types
    spss_types: dict[str, str] = field(default_factory=dict)  # SPSS only: double | string


def read_raw(path: Path, shown: str, fmt: dict, columns: list[str] | None = None) -> RawTable:
    """Read `path` with the reader for its suffix. `shown` is the name used in messages.

    `columns` limits what is loaded for formats that can skip columns (Parquet, SPSS); names not
    in the file are left for the caller to report.
    """
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return read_csv(path, shown, fmt)
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(path, shown, fmt)
    if suffix in SAV_SUFFIXES:
        return read_sav(path, shown, columns)
    if suffix in PARQUET_SUFFIXES:
        return read_parquet(path, shown, columns)
    known = ", ".join(CSV_SUFFIXES + XLSX_SUFFIXES + SAV_SUFFIXES + PARQUET_SUFFIXES)
    raise fail(shown, f'cannot read files ending in "{suffix}" (readable: {known})')


# --- CSV ---------------------------------------------------------------------------------


def decode_text(data: bytes, shown: str, encoding: str | None = None) -> str:
    """Bytes to text: the declared encoding, else UTF-8 (BOM optional), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if encoding:
        codec = _codec(encoding)
        try:
            text = data.decode("utf-8-sig" if codec == "utf-8" else codec)
        except UnicodeDecodeError as err:
            hint = ""
            if codec == "utf-8" and _decodes(data, "cp1252"):
                hint = (
                    " The file looks like Windows-1252 (Excel's «CSV (semikolondelt)»): "
                    "set encoding: cp1252 in the codebook format, or leave encoding out "
                    "to detect it."
                )
            raise fail(shown, _bad_byte(data, err, encoding) + hint) from None
        if codec != "utf-8" and not data.isascii() and _decodes(data, "utf-8-sig"):
            raise fail(
                shown,
                f"the codebook declares encoding {encoding}, but the file is UTF-8 "
                f'(ø would read as "Ã¸"). Remove encoding from the codebook format to detect '
                "it, or set encoding: utf-8.",
            )
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise fail(
            shown,
            _bad_byte(data, err, "UTF-8 or Windows-1252")
            + " Save the file as UTF-8 (Excel: «CSV UTF-8 (kommadelt)»).",
        ) from None


def _codec(encoding: str) -> str:
    name = encoding.lower().replace("_", "-")
    if name in ("utf8", "utf-8", "utf-8-sig", "utf8-sig"):
        return "utf-8"
    if name in ("windows-1252", "cp-1252", "cp1252", "win1252", "ansi"):
        return "cp1252"
    return name


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _bad_byte(data: bytes, err: UnicodeDecodeError, expected: str) -> str:
    row = data[: err.start].count(b"\n") + 1
    byte = data[err.start : err.start + 1].hex().upper()
    return (f"cannot be read as {expected}: row {row} has the byte 0x{byte}, "
            f"which is not {expected}.")


def read_csv(path: Path, shown: str, fmt: dict) -> RawTable:
    """Read a delimited text file as text, one row per record, blank lines dropped."""
    data = path.read_bytes()
    text = decode_text(data, shown, fmt.get("encoding"))
    if "\x00" in text:
        raise fail(shown, "is not a text file (it contains NUL bytes); is it an XLSX or SPSS file?")
    if not text.strip():
        raise fail(shown, "the file is empty (no header and no rows)")
    sep = fmt.get("sep", ",")
    header_row = int(fmt.get("header_row", 1))
    lines = text.splitlines()
    skip = header_row - 1
    if skip >= len(lines) or not lines[skip].strip():
        raise fail(shown, f"row {header_row} should hold the column names but is empty")
    header = next(csv.reader([lines[skip]], delimiter=sep))
    _check_separator(header, sep, shown)
    _check_header(header, shown, header_row)
    _check_field_counts(text, sep, len(header), header_row, shown)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            skiprows=skip,
            engine="c",
        )
    except pd.errors.ParserError as err:
        raise fail(shown, _parser_message(str(err), sep, skip)) from None
    except (ValueError, csv.Error) as err:
        raise fail(shown, f"cannot be parsed as CSV with separator {sep!r}: {err}") from None
    frame.index = pd.RangeIndex(header_row + 1, header_row + 1 + len(frame))
    blank = (frame == "").all(axis=1) if len(frame.columns) else pd.Series(False, frame.index)
    frame = frame[~blank]
    if frame.empty:
        raise fail(shown, "the file has a header but no data rows")
    return RawTable(frame=frame, columns_in_file=list(frame.columns))


def _check_separator(header: list[str], sep: str, shown: str) -> None:
    if len(header) != 1:
        return
    for other, name in SEPARATORS.items():
        if other != sep and other in header[0]:
            raise fail(
                shown,
                f"the header row reads as one column, "
                f'"{header[0][:80]}", which contains "{other}" ({name}): the file seems to use '
                f'{name} as separator, but the codebook says sep: "{sep}" '
                f"({SEPARATORS.get(sep, sep)}). Set format: {{sep: \"{other}\"}} in the codebook, "
                "or export the file again with the declared separator.",
            )


def _check_field_counts(text: str, sep: str, expected: int, header_row: int, shown: str) -> None:
    """Every non-blank record has as many fields as the header.

    A row with fewer fields is damage (a truncated export, a lost separator), not missing
    answers: missing answers are empty fields between separators. pandas would pad such a row
    with empty values silently, so the count is checked here, record by record (quoted values
    may span lines; row numbers are the record's first line as the file shows it).
    """
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    short = []
    start = 1
    for record in reader:
        row = start
        start = reader.line_num + 1
        if row <= header_row or not record or record == [""]:
            continue
        if len(record) < expected:
            short.append((row, len(record)))
    if short:
        listed = ", ".join(f"row {r} has {n}" for r, n in short[:5])
        more = f", … and {len(short) - 5} more" if len(short) > 5 else ""
        what = "1 row has" if len(short) == 1 else f"{len(short)} rows have"
        raise fail(
            shown,
            f"{what} fewer fields than the header ({expected} fields): {listed}{more}. "
            "A short row is a damaged or truncated file, not missing answers (those are empty "
            f"fields between {sep!r}): export the file again.",
        )


def _check_header(header: list[str], shown: str, header_row: int) -> None:
    seen: set[str] = set()
    for index, name in enumerate(header, start=1):
        if not name.strip():
            raise fail(shown, f"row {header_row}, column {index} has no name")
        if name in seen:
            raise fail(shown, f'column name "{name}" appears twice in the header')
        seen.add(name)


def _parser_message(message: str, sep: str, skip: int) -> str:
    match = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
    if match:
        expected, line, saw = (int(g) for g in match.groups())
        return (
            f"row {line + skip} has {saw} fields but the header has {expected} "
            f"(separator {sep!r}): check for an unquoted {sep!r} inside a value."
        )
    return f"cannot be parsed as CSV with separator {sep!r}: {message.strip()}"


# --- XLSX --------------------------------------------------------------------------------


def read_xlsx(path: Path, shown: str, fmt: dict) -> RawTable:
    """Read one sheet with openpyxl (cell values as Python objects, formulas as their value)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as err:
        raise fail(shown, f"is not a readable XLSX file ({err})") from None
    try:
        sheet_name = fmt.get("sheet")
        if sheet_name is None:
            sheet = book.worksheets[0]
        elif sheet_name in book.sheetnames:
            sheet = book[sheet_name]
        else:
            sheets = ", ".join(f'"{s}"' for s in book.sheetnames)
            raise fail(shown, f'has no sheet "{sheet_name}" (sheets: {sheets})')
        rows = list(sheet.iter_rows(values_only=True))
    finally:
        book.close()
    header_row = int(fmt.get("header_row", 1))
    label = f'sheet "{sheet.title}"'
    if len(rows) < header_row or all(v is None for v in rows[header_row - 1]):
        raise fail(shown, f"the file is empty ({label} has no header row {header_row})")
    header = list(rows[header_row - 1])
    while header and header[-1] is None:
        header.pop()
    names = ["" if v is None else str(v) for v in header]
    _check_header(names, shown, header_row)
    body = [list(r[: len(names)]) + [None] * (len(names) - len(r)) for r in rows[header_row:]]
    numbers = list(range(header_row + 1, header_row + 1 + len(body)))
    keep = [i for i, r in enumerate(body) if any(_filled(v) for v in r)]
    frame = pd.DataFrame(
        [body[i] for i in keep], columns=names, index=[numbers[i] for i in keep], dtype=object
    )
    if frame.empty:
        raise fail(shown, f"the file has a header but no data rows ({label})")
    return RawTable(frame=frame, columns_in_file=names)


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


# --- SPSS --------------------------------------------------------------------------------


def read_sav(path: Path, shown: str, columns: list[str] | None = None) -> RawTable:
    """Read an SPSS file with pyreadstat, keeping codes (value labels returned separately)."""
    import pyreadstat

    try:
        _, meta = pyreadstat.read_sav(str(path), metadataonly=True)
        names = list(meta.column_names)
        use = [c for c in columns if c in names] if columns is not None else None
        frame, meta = pyreadstat.read_sav(
            str(path), usecols=use, apply_value_formats=False, user_missing=False
        )
    except Exception as err:  # pyreadstat raises its own types and plain OSErrors
        raise fail(shown, f"is not a readable SPSS file ({err})") from None
    if frame.empty:
        raise fail(shown, "the file is empty (no cases)")
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    labels = {col: dict(mapping) for col, mapping in meta.variable_value_labels.items()}
    return RawTable(frame=frame, columns_in_file=names, value_labels=labels,
                    spss_types=dict(meta.readstat_variable_types or {}))


# --- Parquet -----------------------------------------------------------------------------


def read_parquet(path: Path, shown: str, columns: list[str] | None = None) -> RawTable:
    """Read a Parquet file with pyarrow, only `columns` when given; nullable ints stay ints."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        schema = pq.ParquetFile(path).schema_arrow
        names = list(schema.names)
        use = [c for c in columns if c in names] if columns is not None else None
        table = pq.read_table(path, columns=use)
    except (pa.ArrowException, OSError) as err:
        raise fail(shown, f"is not a readable Parquet file ({err})") from None
    mapping = {
        pa.int8(): pd.Int64Dtype(), pa.int16(): pd.Int64Dtype(), pa.int32(): pd.Int64Dtype(),
        pa.int64(): pd.Int64Dtype(), pa.uint8(): pd.Int64Dtype(), pa.uint16(): pd.Int64Dtype(),
        pa.uint32(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype(),
    }
    frame = table.to_pandas(types_mapper=mapping.get, date_as_object=False)
    if frame.empty and table.num_rows == 0:
        raise fail(shown, "the file is empty (no rows)")
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return RawTable(frame=frame, columns_in_file=names,
                    arrow_types={n: schema.field(n).type for n in names})
