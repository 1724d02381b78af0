"""Physical column types of typed formats (Parquet, SPSS) against the codebook's declared types.

CSV holds text, and turning text into typed values is the reader's job (`rapport.data.coerce`).
A Parquet file carries its own column types, chosen by whoever delivered it: an amount column
that arrives as text (`"18108"`) instead of integers is a changed delivery, not a value to
convert quietly. (Whole numbers stored as double are accepted for int columns; each value is
then checked to be whole.) Each column whose stored type cannot hold the codebook type is one `Problem`
naming the column, the type found and the type expected.
"""

from __future__ import annotations

from rapport.data.codebook import Codebook, Column
from rapport.data.errors import Problem


def _accepts(column: Column, arrow_type) -> tuple[bool, str]:
    """(whether `arrow_type` fits `column`, the expected physical types in words)."""
    import pyarrow as pa

    t = pa.types
    if t.is_dictionary(arrow_type):
        arrow_type = arrow_type.value_type
    if t.is_null(arrow_type):  # a column with no values at all: nullability is checked later
        return True, ""
    kind = column.type
    if kind == "category":
        if column.code_type is int:
            kind = "int"
        elif t.is_integer(arrow_type):  # codes like "03" stored as 3: coerce pads and checks
            return True, ""
        else:
            kind = "str"
    checks = {
        # whole numbers written as double (a nullable int column saved by pandas) are allowed:
        # coerce checks every value is whole and names the rows that are not
        "int": (lambda a: t.is_integer(a) or t.is_floating(a),
                "an integer type (int8 … int64, or double holding whole numbers)"),
        "float": (lambda a: t.is_floating(a) or t.is_integer(a) or t.is_decimal(a),
                  "a numeric type (double, float, decimal or integer)"),
        "bool": (t.is_boolean, "bool"),
        "date": (lambda a: t.is_date(a) or t.is_timestamp(a), "date32 or timestamp"),
        "str": (lambda a: t.is_string(a) or t.is_large_string(a), "string"),
    }
    test, words = checks[kind]
    return bool(test(arrow_type)), words


def parquet_type_problems(arrow_types: dict[str, object], codebook: Codebook,
                          wanted: list[str]) -> list[Problem]:
    """One problem per wanted column whose Parquet type does not fit the codebook type."""
    problems = []
    for name in wanted:
        if name not in arrow_types:
            continue  # missing columns are reported by column_problems
        column = codebook.column(name)
        ok, expected = _accepts(column, arrow_types[name])
        if not ok:
            declared = column.type
            if column.type == "category":
                declared += f" with {'integer' if column.code_type is int else 'text'} codes"
            problems.append(Problem(
                name,
                f"is stored as {arrow_types[name]} in the Parquet file, but the codebook "
                f"declares type {declared}, which needs {expected}. A typed file's column types "
                "are part of the delivery: ask for the extract again with the agreed types, or "
                "correct the codebook if the change is intended.",
            ))
    return problems


def spss_type_problems(stored: dict[str, str], codebook: Codebook,
                       wanted: list[str]) -> list[Problem]:
    """The same rule for SPSS files: a variable is numeric (`double`) or text (`string`).

    Numbers, codes, yes/no and dates need a numeric variable; text needs a string variable
    (text codes may arrive as numbers, which coerce pads and checks).
    """
    problems = []
    for name in wanted:
        if name not in stored:
            continue
        column = codebook.column(name)
        found = stored[name]
        numeric = column.type in ("int", "float", "bool", "date") or (
            column.type == "category" and column.code_type is int)
        if column.type == "category" and column.code_type is not int:
            continue
        expected = "double" if numeric else "string"
        if found != expected:
            problems.append(Problem(
                name,
                f"is a {found} variable in the SPSS file, but the codebook declares type "
                f"{column.type}, which needs a {'numeric' if numeric else 'string'} variable. "
                "A typed file's variable types are part of the delivery: ask for the file "
                "again with the agreed types, or correct the codebook if the change is intended.",
            ))
    return problems
