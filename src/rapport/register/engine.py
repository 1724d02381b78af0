"""Which query engine runs the register analyses, and the connection to it.

The setting is a backend name or an Ibis connection URL, taken from (first found):

1. the environment variable `RAPPORT_ENGINE` (e.g. `RAPPORT_ENGINE=polars` for one run);
2. `report.engine` in the project's `_quarto.yml`;
3. `duckdb`: an in-process DuckDB database in memory that reads the Parquet files where the
   codebooks say they are.

File engines (`duckdb`, `polars`, `datafusion`, `pyspark`, and `duckdb://<file>`) read each
dataset from its codebook `path`. Any other URL (e.g. `bigquery://<project>/<dataset>`) is a
database that already holds the tables: a dataset is then the table named like the codebook's
`dataset` (see docs/engines.md). Only the connection setting changes between engines; the
notebooks' code does not.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "RAPPORT_ENGINE"
DEFAULT = "duckdb"
FILE_ENGINES = ("duckdb", "polars", "datafusion", "pyspark")


def engine_setting(root: Path | None = None) -> str:
    """The engine setting in force (see the module docstring)."""
    value = os.environ.get(ENV, "").strip()
    if value:
        return value
    from rapport.housestyle import project_config

    try:
        config = project_config(root)
    except OSError:
        config = {}
    value = (config.get("report") or {}).get("engine") if isinstance(config, dict) else None
    return str(value).strip() if value else DEFAULT


def reads_files(setting: str) -> bool:
    """Whether datasets come from their Parquet files (True) or from tables in the database."""
    scheme = setting.split("://", 1)[0]
    return scheme in FILE_ENGINES


def connect(setting: str | None = None, *, root: Path | None = None):
    """An Ibis connection for `setting` (default: `engine_setting()`)."""
    import ibis

    setting = setting or engine_setting(root)
    if setting == "duckdb":
        con = ibis.duckdb.connect()
        # Insertion order is what keeps "first row" meaning the file's first row in results that
        # are not ordered; the engine's own temp files go where the build's go.
        con.raw_sql("SET preserve_insertion_order = true")
        tmp = os.environ.get("TMPDIR")
        if tmp:
            con.raw_sql(f"SET temp_directory = '{Path(tmp).as_posix()}'")
        return con
    if "://" not in setting:
        backend = getattr(ibis, setting, None)
        if backend is None or not hasattr(backend, "connect"):
            raise ValueError(f"{ENV} / report.engine: unknown engine {setting!r} "
                             "(a backend name such as duckdb or polars, or a connection URL)")
        return backend.connect()
    return ibis.connect(setting)
