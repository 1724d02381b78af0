"""A throw-away PostgreSQL server for the tests that run the register analyses on a database
which holds the tables (the role BigQuery has for NAV's analysts; docs/engines.md).

`server()` starts Debian's PostgreSQL (the `postgresql` package: initdb and pg_ctl under
/usr/lib/postgresql/<version>/bin) on a free local port with its data in TMPDIR, as the
`postgres` user when the tests run as root (initdb refuses root), and stops it afterwards.
`load_parquet(url, name, path)` copies a Parquet file into a table of that name with COPY.
`missing()` says why no server can be started here (None when one can).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def missing() -> str | None:
    """Why no server can be started (for the skip reason), or None."""
    if _bin("initdb") is None or _bin("pg_ctl") is None:
        return "PostgreSQL (initdb) not installed"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "PostgreSQL (runuser) not installed"
    return None


def _as_owner(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Memory for sorts and hashes as a server for analyses would have it: with the default 4 MB the
# key check's DISTINCT over 4,7 million yearly states spilled to disk for minutes.
SETTINGS = "-c work_mem=256MB -c shared_buffers=256MB -c fsync=off"


def _run(args: list[str]) -> None:
    proc = subprocess.run(_as_owner(args), capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{Path(args[0]).name} failed:\n{proc.stdout}{proc.stderr}")


@contextlib.contextmanager
def server() -> Iterator[str]:
    """A running server with an empty database `rapport`; yields its Ibis URL. Its files are in
    a new folder in TMPDIR (one the `postgres` user can reach when the tests run as root: not
    pytest's tmp_path, whose parents only root may enter), removed afterwards."""
    tmp = Path(tempfile.mkdtemp(prefix="rapport-postgres-"))
    data = tmp / "data"
    try:
        tmp.chmod(0o755)
        data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(tmp, "postgres")
            shutil.chown(data, "postgres")
        port = _free_port()
        _run([_bin("initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
              "--locale=C.UTF-8"])
        _run([_bin("pg_ctl"), "-D", str(data), "-w", "-l", str(tmp / "log"),
              "-o", f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 {SETTINGS}", "start"])
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    try:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres",
                             autocommit=True) as con:
            con.execute("CREATE DATABASE rapport")
        yield f"postgres://postgres@127.0.0.1:{port}/rapport"
    finally:
        subprocess.run(_as_owner([_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                       capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


SQL_TYPES = [
    (pa.types.is_boolean, "boolean"), (pa.types.is_int8, "smallint"),
    (pa.types.is_int16, "smallint"), (pa.types.is_int32, "integer"),
    (pa.types.is_int64, "bigint"), (pa.types.is_floating, "double precision"),
    (pa.types.is_date, "date"), (pa.types.is_timestamp, "timestamp"),
    (lambda t: pa.types.is_string(t) or pa.types.is_large_string(t), "text"),
]


def _sql_type(arrow: pa.DataType) -> str:
    if pa.types.is_dictionary(arrow):
        arrow = arrow.value_type
    for test, sql in SQL_TYPES:
        if test(arrow):
            return sql
    raise TypeError(f"no PostgreSQL type for {arrow}")


def load_parquet(url: str, name: str, path: Path) -> int:
    """Copy the Parquet file at `path` into a new table `name`; returns the rows loaded."""
    import psycopg

    schema = pq.read_schema(path)
    columns = ", ".join(f'"{f.name}" {_sql_type(f.type)}' for f in schema)
    dsn = url.replace("postgres://", "postgresql://", 1)
    rows = 0
    with psycopg.connect(dsn) as con, con.cursor() as cur:
        cur.execute(f'CREATE TABLE "{name}" ({columns})')
        with cur.copy(f'COPY "{name}" FROM STDIN (FORMAT csv, NULL \'\')') as copy:
            for batch in pq.ParquetFile(path).iter_batches(batch_size=500_000):
                table = pa.Table.from_batches([batch]).cast(pa.schema(
                    [pa.field(f.name, f.type.value_type if pa.types.is_dictionary(f.type)
                              else f.type) for f in schema]))
                sink = pa.BufferOutputStream()
                pacsv.write_csv(table, sink, pacsv.WriteOptions(include_header=False))
                copy.write(sink.getvalue().to_pybytes())
                rows += table.num_rows
        con.commit()
    return rows
