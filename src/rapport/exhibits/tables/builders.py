"""Table builders: raw numbers in, formatted :class:`Table` out.

Cells are formatted by `rapport.exhibits.fmt` from the *unrounded* data; totals are computed
from the same unrounded data as the cells (so a share column totals «100 %» even when its
rounded cells add up to 99). Differences have an explicit sign convention (a − b, by argument
order) and an explicit rounding rule (see :func:`difference`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

import pandas as pd

from .. import fmt
from .markdown import Block, Cell, Table

FORMATS: dict[str, Callable] = {
    "int": fmt.integer,
    "pct": lambda v: fmt.pct(v, 0),
    "pct1": lambda v: fmt.pct(v, 1),
    "kr": fmt.kr,
    "decimal": lambda v: fmt.decimal(v, 1),
    "decimal2": lambda v: fmt.decimal(v, 2),
    "diff": lambda v: fmt.signed(v, 1),  # a difference already in percentage points
    "diff0": lambda v: fmt.signed(v, 0),
    "text": str,
}


def formatter(kind) -> Callable:
    """A cell formatter from a kind name (see FORMATS) or a callable."""
    if callable(kind):
        return kind
    try:
        return FORMATS[kind]
    except KeyError:
        raise ValueError(f"ukjent format {kind!r}; bruk {sorted(FORMATS)} eller en funksjon") from None


def _default_kind(series: pd.Series) -> str:
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "decimal"
    return "text"


def cell(value, fmt_fn: Callable, missing: str = "–") -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return missing
    return fmt_fn(value)


def difference(a, b, *, decimals: int = 1, rounded: bool = False) -> pd.Series:
    """a − b in percentage points, from shares (0–1). The sign convention is the argument
    order: pass (respondenter, populasjon) for «respondenter − populasjon».

    rounded=False («rounded difference»): the difference of the unrounded shares, rounded when
    printed. rounded=True («difference of rounded»): each share is first rounded to `decimals`
    as printed, then subtracted, so the column agrees with the printed cells.
    """
    a, b = pd.Series(a, dtype="float64"), pd.Series(b, dtype="float64")
    if not rounded:
        return (a - b) * 100
    out = []
    for x, y in zip(a, b):
        if pd.isna(x) or pd.isna(y):
            out.append(float("nan"))
            continue
        px = fmt.round_half_up(Decimal(repr(float(x))) * 100, decimals)
        py = fmt.round_half_up(Decimal(repr(float(y))) * 100, decimals)
        out.append(float(px - py))
    return pd.Series(out, index=a.index, dtype="float64")


def difference_note(a_label: str, b_label: str, *, rounded: bool = False) -> str:
    """The note that states a Differanse column's sign convention and rounding rule."""
    how = ("differansen mellom de avrundede prosentene" if rounded
           else "beregnet av uavrundede andeler og deretter avrundet")
    return (f"Differanse = {a_label} − {b_label}, i prosentpoeng ({how}). "
            "Positivt tall: høyere andel blant " + a_label.lower() + ".")


def pct_n_cells(shares, ns, decimals: int = 1) -> list[str]:
    """Cells combining percent and count: «63,3 % (n = 423 471)»."""
    return [fmt.pct_n(s, n, decimals) for s, n in zip(shares, ns)]


def build_table(data: pd.DataFrame, *, stub: str, columns: Sequence[str],
                formats: dict | None = None, labels: dict | None = None,
                stub_label: str | None = None, groups: Sequence[tuple[str, Sequence[str]]] = (),
                block: str | None = None, block_n: dict | None = None,
                total: str | None = None, total_columns: Sequence[str] | None = None,
                missing: str = "–") -> Table:
    """A table from raw values.

    stub:      column holding the row labels (left-aligned); value columns are right-aligned.
    columns:   value columns, in order; formats: column → kind ('int', 'pct', 'pct1', 'kr',
               'decimal', 'diff', 'text') or a function; default from the dtype.
    labels:    column → header text. groups: [(title, [columns])] for a two-level header
               (group × n/%); columns outside a group span both header rows.
    block:     column naming each row's block; a block header row «Sektor (n = 1 291)»
               precedes each block, with n from block_n[block] if given.
    total:     label of a total row (e.g. «Totalsum»): sums of the unrounded values of
               `total_columns` (default all non-text columns); others are left empty.
    """
    formats, labels = dict(formats or {}), dict(labels or {})
    missing_cols = [c for c in [stub, *columns, *([block] if block else [])] if c not in data]
    if missing_cols:
        raise KeyError(f"tabelldata mangler kolonne(r) {missing_cols}")
    fns = {c: formatter(formats.get(c) or _default_kind(data[c])) for c in columns}
    head_stub = stub_label or ("Variabel/Verdi" if block else labels.get(stub, stub))
    if groups:
        top, sub = [Cell(head_stub, rowspan=2)], []
        j = 0
        while j < len(columns):
            col = columns[j]
            group = next((g for g in groups if col in g[1]), None)
            if group is None:
                top.append(Cell(labels.get(col, col), rowspan=2))
                j += 1
                continue
            span = [c for c in columns[j:j + len(group[1])]]
            if list(span) != list(group[1]):
                raise ValueError(f"kolonnene i gruppen {group[0]!r} må stå etter hverandre")
            top.append(Cell(group[0], colspan=len(span)))
            sub += [Cell(labels.get(c, c)) for c in span]
            j += len(span)
        header = [top, sub]
    else:
        header = [[Cell(head_stub)] + [Cell(labels.get(c, c)) for c in columns]]
    body: list = []
    current = object()
    for _, row in data.iterrows():
        if block and row[block] != current:
            current = row[block]
            n = (block_n or {}).get(current)
            body.append(Block(f"{current} {fmt.n_label(n)}" if n is not None else str(current)))
        body.append([str(row[stub])] + [cell(row[c], fns[c], missing) for c in columns])
    bold = set()
    if total:
        sums = total_columns or [c for c in columns if formats.get(c) != "text"
                                 and pd.api.types.is_numeric_dtype(data[c])]
        body.append([total] + [cell(data[c].sum(min_count=1), fns[c], missing) if c in sums
                               else "" for c in columns])
        bold.add(len(body) - 1)
    return Table(header=header, body=body, align=["l"] + ["r"] * len(columns), bold_rows=bold)
