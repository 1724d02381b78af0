"""The codebook's rules as counts of violating rows, computed inside the query engine.

`violations(table, codebook, columns)` returns {(column, rule): n} for every rule that some row
breaks, from one aggregate query (plus one for the key): nothing but these counts leaves the
engine. The rules are the ones `rapport.data.schema` checks in pandas:

- `null`: an empty cell in a column the codebook does not let be empty (key columns never);
- `codes`: a value outside the column's codes;
- `min` / `max`: a value below `min` or above `max` (numbers and dates);
- `whole`: an int column stored as floating point holding a value that is not whole;
- `key`: rows whose key value occurs in more than one row (`column` is None).

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
        total = table.count().to_pandas()
        distinct = table.select(*key).distinct().count().to_pandas()
        if int(total) != int(distinct):
            found[(None, "key")] = int(total) - int(distinct)
    return found
