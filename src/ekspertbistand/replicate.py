"""Larger-than-life register extracts: the full extract replicated k times (scales 2x, 5x, 10x …).

A scale `<k>x` is the full-scale person registers (personer, sykefravaerstilfeller,
arbeidsmarkedsstatus) repeated k times. Copy c (0 … k−1) keeps every value of the full extract
except the identifiers, which are offset so that they stay unique: person_id + c × P and
sykefravaerstilfelle_id + c × S (P persons and S spells at full scale). Each copy keeps its rows
in the full extract's order, copies follow one another, so the files stay sorted by their key.
The firm registers (tilsagn, virksomheter, tilsagn_utproving) stay at full scale: every person
copy works in the same firms (virksomhet_id is not offset).

So every person-level count is exactly k times the full extract's, every share and every
standardised difference of the full extract is unchanged, and the published shape (codes,
years, states, one status row per person and year) is the same. The matched control group is
k times as large too, but not the same persons k times over (the matcher takes the earliest
free control with the nearest score), so Tabell 7's counts are close to, not exactly, k times
the full extract's. The copies are written one at a time (row groups of the full extract), so
memory stays that of the full extract whatever k is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

PATTERN = re.compile(r"^([1-9][0-9]*)x$")
# File stem -> the identifier columns offset per copy, each by the number of rows of the file
# that owns that identifier (its key).
OFFSETS = {
    "personer": {"person_id": "personer"},
    "sykefravaerstilfeller": {"sykefravaerstilfelle_id": "sykefravaerstilfeller",
                              "person_id": "personer"},
    "arbeidsmarkedsstatus": {"person_id": "personer"},
}


def factor(scale: str) -> int | None:
    """k for a scale "<k>x" (k ≥ 1), else None ("full", "small")."""
    match = PATTERN.match(scale)
    return int(match.group(1)) if match else None


def replicate(full: dict[str, Path], k: int) -> None:
    """Rewrite the person registers in `full` (stem -> Parquet path) as k offset copies, in place."""
    sizes = {stem: pq.ParquetFile(full[stem]).metadata.num_rows for stem in OFFSETS}
    for stem, columns in OFFSETS.items():
        path = full[stem]
        table = pq.read_table(path)
        tmp = path.with_name(path.name + ".part")
        with pq.ParquetWriter(tmp, table.schema, compression="zstd") as writer:
            for copy in range(k):
                out = table
                for name, owner in columns.items():
                    i = out.schema.get_field_index(name)
                    column = out.column(i)
                    shift = pa.scalar(copy * sizes[owner], column.type)
                    out = out.set_column(i, name, pc.add_checked(column, shift))
                writer.write_table(out, row_group_size=1 << 20)
        tmp.replace(path)
