"""Money tables: amounts per row in a unit such as «mill. kroner», a Sum column computed from
the unrounded parts, zeros printed as «0», and rows for a partial period flagged («2022*»).

The Sum is the exact sum rounded, not the sum of the rounded parts: a printed 14,627 next to
5,939 and 8,689 is what exact amounts of 5 938 600 and 8 688 600 kroner give, and the note says
so. The values come in kroner; the table shows them divided by `scale`.
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from .. import fmt
from .builders import build_table
from .markdown import Table

SUM_NOTE = ("Summen er regnet av de eksakte beløpene og kan derfor avvike fra summen av de "
            "avrundede tallene.")


def money_table(data: pd.DataFrame, *, stub: str, parts: Sequence[str], scale: float = 1e6,
                decimals: int = 3, sum_label: str = "Sum", labels: dict | None = None,
                stub_label: str | None = None, partial: dict | None = None,
                flag: str = "*") -> tuple[Table, pd.DataFrame]:
    """(Table, values) for amounts in kroner: one column per part and a computed Sum column.

    partial: {stub value: note} for rows covering part of a period; their stub gets `flag`.
    Returns the table and the values behind it (in kroner, with the Sum column) for the CSV.
    """
    missing = [c for c in [stub, *parts] if c not in data.columns]
    if missing:
        raise KeyError(f"money_table: mangler kolonne(r) {missing}")
    for c in parts:
        if data[c].isna().any() or (data[c] < 0).any():
            row = int(data.index[data[c].isna() | (data[c] < 0)][0])
            raise ValueError(f"money_table: kolonne {c!r} har manglende eller negative beløp (rad {row})")
    values = data[[stub, *parts]].copy()
    values[sum_label] = values[list(parts)].sum(axis=1)
    partial = partial or {}
    unknown = [k for k in partial if k not in set(values[stub].astype(str))]
    if unknown:
        raise KeyError(f"money_table: partial= har rader som ikke er i tabellen: {unknown}")
    shown = values.copy()
    shown[stub] = [f"{v}{flag}" if str(v) in partial else str(v) for v in values[stub]]

    def amount(v) -> str:
        return "0" if v == 0 else fmt.decimal(v / scale, decimals)

    cols = [*parts, sum_label]
    table = build_table(shown, stub=stub, columns=cols, formats={c: amount for c in cols},
                        labels=labels, stub_label=stub_label)
    return table, values


def partial_note(partial: dict, flag: str = "*") -> str:
    """«*Tallene for 2022 er kun for perioden januar–august.» from {stub: period text}."""
    return " ".join(f"{flag}Tallene for {k} er kun for perioden {v}." for k, v in partial.items())
