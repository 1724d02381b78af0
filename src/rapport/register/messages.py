"""The error for a database table that breaks a codebook rule (the BigQuery case).

A file that breaks a rule gets `read_dataset`'s error (`rapport.register.tables` re-reads the
offending columns through `rapport.data`). A table in a database cannot be re-read that way and
has no row numbers, so its error is built here from what the engine can say cheaply: how many
rows break the rule (counted by `rapport.register.checks`), the first few of them named by their
key and value (one small query each, at most `MAX_EXAMPLES` rows), and what the codebook
expected.
"""

from __future__ import annotations

from rapport.data.codebook import Codebook
from rapport.data.errors import MAX_EXAMPLES, Problem, describe_codes, rows_have, show_value
from rapport.register.checks import rule_expressions

RULE_WORDS = {"null": "are empty", "codes": "have values outside the codebook",
              "min": "are below the minimum", "max": "are above the maximum",
              "whole": "are not whole numbers"}


def expected(codebook: Codebook, column: str, rule: str) -> str:
    """What the codebook allows, in words."""
    c = codebook.column(column)
    if rule == "null":
        return "a value in every row (the codebook does not allow missing values here)"
    if rule == "codes":
        return "one of the codes " + describe_codes(dict(c.codes))
    if rule in ("min", "max"):
        date = c.type == "date"
        bound = show_value(c.min if rule == "min" else c.max)
        if date:
            return f"a date on or {'after' if rule == 'min' else 'before'} {bound}"
        return f"a value {'≥' if rule == 'min' else '≤'} {bound}"
    return "whole numbers"


def _named(key: list[str], frame) -> list[str]:
    """'person_id 2' / '(person_id, aar) (2, 2019)' for each row of `frame`'s key columns."""
    if len(key) == 1:
        return [f"{key[0]} {show_value(v)}" for v in frame[key[0]]]
    label = "(" + ", ".join(key) + ")"
    return [label + " (" + ", ".join(show_value(v) for v in row) + ")"
            for row in frame[key].itertuples(index=False)]


def _more(shown: list[str], n: int) -> str:
    text = ", ".join(shown)
    return text + (f", … and {n - len(shown)} more" if n > len(shown) else "")


def database_problems(table, codebook: Codebook, columns: list[str], found: dict
                      ) -> list[Problem]:
    """One Problem per broken rule in `found` ({(column, rule): n}, column None for the key)."""
    key = [k for k in codebook.key if k in columns]
    rules = rule_expressions(table, codebook, columns)
    problems = []
    for (column, rule), n in found.items():
        if column is None:
            dup = (table.group_by(key).aggregate(_n=table.count()).filter(lambda t: t._n > 1)
                   .select(*key).order_by(key).limit(MAX_EXAMPLES).to_pandas())
            problems.append(Problem(None, (
                f"key ({', '.join(key)}): {rows_have(n, 'share')} a key value with another row "
                f"(counted by the query engine): {_more(_named(key, dup), n)}. "
                "Expected each key to occur once.")))
            continue
        shown_cols = key + ([column] if column not in key else [])
        bad = (table.filter(rules[(column, rule)]).select(*shown_cols).order_by(shown_cols)
               .limit(MAX_EXAMPLES).to_pandas())
        names = _named(key, bad) if key else [f"row {i + 1}" for i in range(len(bad))]
        shown = [f"{name}: {show_value(v)}" for name, v in zip(names, bad[column])]
        verb, rest = RULE_WORDS[rule].split(" ", 1)
        problems.append(Problem(column, (
            f"{rows_have(n, verb)} {rest} (counted by the query engine): {_more(shown, n)}. "
            f"Expected {expected(codebook, column, rule)}.")))
    return problems
