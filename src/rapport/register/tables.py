"""Open a codebook dataset as an Ibis table, its rules checked inside the engine.

`open_dataset("personer")` is the engine's counterpart of `rapport.data.read_dataset`: the same
codebook, the same checks of the file's columns and stored types (from the Parquet footer,
without reading rows), the codebook's value rules counted by the engine
(`rapport.register.checks`), and the same reads recorded for the build cache (the engine's own
Parquet reader is not seen by the build's audit hook, so the read is recorded here). A file
that breaks a rule stops with the `DataError` that `read_dataset` gives for it: the offending
columns, and only those, are read again through `rapport.data` to name rows, values and what was
expected. What comes back is a lazy table: nothing is read until a query runs.

Files other than Parquet (small CSV, XLSX and SPSS exports) are read with `read_dataset` and
handed to the engine as an in-memory table.
"""

from __future__ import annotations

from pathlib import Path

from rapport import context
from rapport.data.codebook import load_codebook
from rapport.data.dataset import _wanted, column_problems, read_dataset
from rapport.data.errors import DataError, display_path, fail
from rapport.data.physical import parquet_type_problems
from rapport.data.readers import PARQUET_SUFFIXES
from rapport.data.recorder import record_read
from rapport.register.checks import violations
from rapport.register.engine import connect, engine_setting, reads_files
from rapport.register.messages import database_problems

def open_dataset(name: str, con=None, *, columns: list[str] | None = None,
                 root: str | Path | None = None):
    """The dataset `name` as an Ibis table on `con` (default: `connect()`), validated.

    `columns` keeps only those columns; the key is then checked only when all key columns are
    among them (as in `read_dataset`).
    """
    root = Path(root).resolve() if root else context.project_root()
    setting = None
    if con is None:
        setting = engine_setting(root)
        con = connect(setting, root=root)
    codebook = load_codebook(name, root)
    record_read(codebook.source_file)
    if codebook.codes_file is not None and codebook.codes_file.is_file():
        record_read(codebook.codes_file)
    wanted = _wanted(codebook, columns, root)
    if not _reads_files(con, setting):
        table = con.table(codebook.dataset)
        shown = f"{codebook.dataset} ({con.name})"
        problems = column_problems(list(table.columns), codebook, wanted)
        if problems:
            raise DataError(shown, problems)
        table = table.select(*wanted)
        _check(table, codebook, wanted, shown, None, root)
        return table

    path = root / codebook.path
    shown = display_path(path, root)
    if not path.is_file():
        where = display_path(codebook.source_file, root)
        raise fail(shown, f"file not found (the path given in {where})")
    if path.suffix.lower() not in PARQUET_SUFFIXES:
        import ibis

        return ibis.memtable(read_dataset(name, root=root, columns=columns))
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except (OSError, ValueError) as err:
        raise fail(shown, f"cannot be read as Parquet: {err}") from None
    problems = column_problems(list(schema.names), codebook, wanted)
    problems += parquet_type_problems({n: schema.field(n).type for n in schema.names},
                                      codebook, wanted)
    if problems:
        raise DataError(shown, problems)
    table = _read_parquet(con, path, f"rapport_{codebook.dataset}")
    table = table.select(*wanted)
    _check(table, codebook, wanted, shown, name, root)
    record_read(path)
    return table


def _read_parquet(con, path: Path, table_name: str):
    """The Parquet file as a table of `con`, its string columns as strings on every engine.

    Polars reads a dictionary-encoded string column as Categorical, which Ibis calls a string
    but Polars will not join with a plain string column (a small pandas frame handed to the
    engine, as in `aggregate.lookup`): on Polars those columns are cast to strings as they are
    read, lazily. The other engines read them as strings already.
    """
    if con.name == "polars":
        import polars as pl

        frame = pl.scan_parquet(path).with_columns(pl.col(pl.Categorical).cast(pl.String))
        return con.create_table(table_name, frame, overwrite=True)
    return con.read_parquet(path, table_name=table_name)


def _reads_files(con, setting: str | None) -> bool:
    if setting is not None:
        return reads_files(setting)
    return con.name in ("duckdb", "polars", "datafusion", "pyspark") and \
        hasattr(con, "read_parquet")


def _check(table, codebook, wanted, shown, name, root) -> None:
    """Count rule violations in the engine; for a broken rule, raise read_dataset's error."""
    found = violations(table, codebook, wanted)
    if not found:
        return
    if name is not None:
        failing = [c for c in wanted if any(col == c for col, _ in found)]
        if any(col is None for col, _ in found):
            failing += [c for c in codebook.key if c not in failing]
        read_dataset(name, root=root, columns=[c for c in wanted if c in failing])
    # a database table (or a rule only the engine saw): counts, the first rows named by key
    raise DataError(shown, database_problems(table, codebook, list(wanted), found))
