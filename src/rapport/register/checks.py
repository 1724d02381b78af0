"""The codebook's rules as counts of violating rows, computed inside the query engine.

`violations(table, codebook, columns)` returns {(column, rule): n} for every rule that some row
breaks, from one aggregate query (plus one for the key): nothing but these counts leaves the
engine. The rules are the ones `rapport.data.schema` checks in pandas:

- `null`: an empty cell in a column the codebook does not let be empty (key columns never);
- `codes`: a value outside the column's codes;
- `min` / `max`: a value below `min` or above `max` (numbers and dates);
- `whole`: an int column stored as floating point holding a value that is not whole;
- `key`: rows whose key value occurs in more than one row (`column` is None), i.e. the rows
  less the distinct key values (`key_counts`, without holding every key value at once).

Only the counts are the engine's; the message for a file that breaks a rule is written by
`rapport.data` (`rapport.register.tables` re-reads just the offending columns through it), so a
bad file gets the same one error, naming file, column, rows and what was expected, whichever
engine found it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rapport.data.codebook import Codebook, Column


def _bound(column: Column, value):
    if column.type == "date" and isinstance(value, dt.datetime):
        return value.date()
    return value


def _code_values(column: Column, stored) -> tuple[object, list]:
    """The column expression and the codes to compare it with, in the stored type."""
    codes = list(column.codes)
    if column.code_type is str and stored.type().is_integer():
        # digit codes such as "03" delivered as 3: compare padded text, as rapport.data does
        width = max(len(str(c)) for c in codes)
        return stored.cast("string").lpad(width, "0"), [str(c) for c in codes]
    if column.code_type is int and stored.type().is_floating():
        return stored, [float(c) for c in codes]
    return stored, codes


def rule_expressions(table, codebook: Codebook, columns: Sequence[str]) -> dict:
    """{(column, rule): boolean Ibis expression true on a violating row}."""
    rules = {}
    for name in columns:
        column = codebook.column(name)
        value = table[name]
        present = value.notnull()
        if not column.nullable or name in codebook.key:
            rules[(name, "null")] = value.isnull()
        if column.codes and column.type in ("category", "int", "str"):
            compared, codes = _code_values(column, value)
            rules[(name, "codes")] = present & ~compared.isin(codes)
        if column.type in ("int", "float", "date"):
            if column.min is not None:
                rules[(name, "min")] = present & (value < _bound(column, column.min))
            if column.max is not None:
                rules[(name, "max")] = present & (value > _bound(column, column.max))
        if column.type == "int" and value.type().is_floating():
            rules[(name, "whole")] = present & (value != value.floor())
    return rules


def violations(table, codebook: Codebook, columns: Sequence[str]) -> dict:
    """{(column, rule): number of violating rows} for the rules broken (see module docstring)."""
    rules = rule_expressions(table, codebook, columns)
    found: dict = {}
    if rules:
        names = {f"v{i}": key for i, key in enumerate(rules)}
        row = table.aggregate(**{
            # CASE WHEN, not a cast of the boolean: PostgreSQL cannot cast boolean to bigint
            alias: rules[key].ifelse(1, 0).sum().fill_null(0) for alias, key in names.items()
        }).to_pandas().iloc[0]
        found = {key: int(row[alias]) for alias, key in names.items() if int(row[alias])}
    key = list(codebook.key)
    if key and set(key) <= set(columns):
        total, distinct = key_counts(table, codebook, key, found)
        if total != distinct:
            found[(None, "key")] = total - distinct
    return found


# Key values per slice of the sliced column: bits of one BIGINT (30 stay clear of the sign bit
# of the 32-bit integers some engines shift in).
SLICE = 30


def _sliced_column(table, codebook: Codebook, key: list[str], found: dict) -> str | None:
    """A key column that `key_counts` can slice: stored as integers, with a codebook minimum
    that every row meets and no empty cell (the rules counted in `found`), so that
    `value - min` is a non-negative integer. The first such column without a maximum (an id,
    the widest range) is preferred."""
    usable = [name for name in key
              if codebook.column(name).type == "int" and codebook.column(name).min is not None
              and table[name].type().is_integer()
              and not any((name, rule) in found for rule in ("null", "min"))]
    open_ended = [name for name in usable if codebook.column(name).max is None]
    return (open_ended or usable or [None])[0]


def key_counts(table, codebook: Codebook, key: list[str], found: dict) -> tuple[int, int]:
    """(rows, distinct key values), exactly, from the engine.

    A plain `SELECT DISTINCT key` holds every key value in the engine's memory at once (47
    million (person_id, aar) pairs at ten times the flagship's registers: 6,5 s and 2,5 GiB on
    DuckDB). Instead, one integer key column c (`_sliced_column`) is split into slices of
    `SLICE` consecutive values: the rows are grouped by the other key columns and
    (c - min) // SLICE, and each group's values of (c - min) % SLICE are set as bits of one
    integer (`bit_or`). A group's distinct keys are its set bits, so the distinct keys are the
    sum of the set bits over the groups: the same number with SLICE times fewer groups
    (1,1 s and 0,15 GiB in that case). Engines without a bitwise OR aggregate (SQLite), and
    keys without such a column, count DISTINCT.
    """
    import ibis
    import pandas as pd
    from ibis.common.exceptions import IbisError

    column = _sliced_column(table, codebook, key, found)
    if column is not None:
        offset = table[column].cast("int64") - int(codebook.column(column).min)
        groups = [table[k] for k in key if k != column] + [(offset // SLICE).name("_slice")]
        bit = ibis.literal(1).cast("int64") << (offset % SLICE).cast("int32")
        per = table.group_by(groups).aggregate(_n=table.count(), _bits=bit.bit_or())
        set_bits = sum(((per._bits >> j) & 1) for j in range(SLICE))
        query = per.aggregate(total=per._n.sum(), distinct=set_bits.sum())
        try:
            row = query.to_pandas().iloc[0]
        except (IbisError, NotImplementedError):
            pass  # the engine cannot compile it: count DISTINCT below
        else:
            # an empty table has no groups: NULL sums
            return tuple(0 if pd.isna(row[c]) else int(row[c]) for c in ("total", "distinct"))
    total = table.count().to_pandas()
    distinct = table.select(*key).distinct().count().to_pandas()
    return int(total), int(distinct)
