"""Table builders: raw numbers in, formatted :class:`Table` out.

Cells are formatted by `rapport.exhibits.fmt` from the *unrounded* data; totals are computed
from the same unrounded data as the cells (so a share column totals «100 %» even when its
rounded cells add up to 99). Differences have an explicit sign convention (a − b, by argument
order) and an explicit rounding rule (see :func:`difference`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

import numpy as np
import pandas as pd

from rapport.stats.disclosure import RULE, DisclosureRule

from .. import fmt
from ..snippet import md_escape
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


def _suppression_mask(data: pd.DataFrame, columns: Sequence[str],
                      suppressed: pd.DataFrame | None) -> np.ndarray:
    """Rows × `columns` boolean array from a `suppressed` frame (see :func:`build_table`)."""
    if suppressed is None:
        return np.zeros((len(data), len(columns)), dtype=bool)
    if not isinstance(suppressed, pd.DataFrame):
        raise TypeError("suppressed= må være en DataFrame med sann/usann per celle")
    extra_cols = [c for c in suppressed.columns if c not in columns]
    if extra_cols:
        raise KeyError(f"suppressed= har kolonne(r) som ikke er i tabellen: {extra_cols}")
    if not data.index.is_unique:
        raise ValueError("suppressed= krever at tabelldataene har en entydig indeks")
    extra_rows = suppressed.index.difference(data.index)
    if len(extra_rows):
        raise KeyError(f"suppressed= har rader som ikke er i tabellen: {list(extra_rows)[:5]}")
    aligned = suppressed.reindex(index=data.index, columns=list(columns))
    return aligned.astype("boolean").fillna(False).to_numpy(dtype=bool)


def disclosure_note(rule: DisclosureRule = RULE) -> str:
    """The table note that explains the suppression symbol, from the rule itself:
    «* Skjult av personvernhensyn: færre enn 4 enheter, eller skjult for at andre skjulte tall
    ikke skal kunne regnes ut fra summene.» The symbol is escaped: notes are Markdown."""
    zero = " (også 0)" if rule.suppress_zero else ""
    symbol = md_escape(rule.symbol)
    if symbol.startswith(":"):          # «: …» at a line start is a Markdown definition
        symbol = "\\" + symbol
    return (f"{symbol} Skjult av personvernhensyn: færre enn {rule.threshold} "
            f"enheter{zero}, eller skjult for at andre skjulte tall ikke skal kunne regnes ut "
            "fra summene.")


def pct_n_cells(shares, ns, decimals: int = 1) -> list[str]:
    """Cells combining percent and count: «63,3 % (n = 423 471)»."""
    return [fmt.pct_n(s, n, decimals) for s, n in zip(shares, ns)]


def build_table(data: pd.DataFrame, *, stub: str, columns: Sequence[str],
                formats: dict | None = None, labels: dict | None = None,
                stub_label: str | None = None, groups: Sequence[tuple[str, Sequence[str]]] = (),
                block: str | None = None, block_n: dict | None = None,
                total: str | None = None, total_columns: Sequence[str] | None = None,
                missing: str = "–", suppressed: pd.DataFrame | None = None,
                symbol: str | None = None, min_widths: dict | None = None,
                widths: dict | None = None, corner: str | None = None,
                bold: Sequence[str] = (), rule: DisclosureRule = RULE,
                flags: pd.DataFrame | None = None, flag: str = "*") -> Table:
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
    suppressed: disclosure control (`rapport.stats.disclosure`) already applied: a boolean
               DataFrame on the index of `data` with some or all of `columns` (absent columns
               and rows count as False). A True cell prints `symbol` (default: the project
               rule's, «*») instead of its value, whatever the value is. The total row is
               computed from all values: it is a margin, which the disclosure rule has checked.
    min_widths: column → minimum width in characters in the grid table (e.g. to keep a short
               «Differanse» header from being squeezed in the PDF); the stub column's key is
               `stub`.
    widths:    column → fixed width in characters (grid table); a longer text, such as a long
               question in the stub header, wraps over several lines in its cell. Use it to
               give the columns a set share of the page instead of one by the longest text.
    bold:      stub labels of rows to set in bold, e.g. a total row that is already in `data`
               (as in a crosstab's shares, where the disclosure rule may have hidden it).
    rule:      the disclosure rule `suppressed` was made with: its symbol (unless `symbol` is
               given) and its note under the table.
    flags:     a boolean DataFrame like `suppressed`: a True cell gets `flag` after its value
               («23 %*», a marker the table's note explains). A flag equal to the suppression
               symbol is refused (the reader could not tell them apart); a suppressed cell
               shows only the symbol.
    corner:    with `groups`: text for the top-left cell (e.g. «n = 211»); the stub label then
               sits in the second header row instead of spanning both.
    """
    formats, labels = dict(formats or {}), dict(labels or {})
    mask = _suppression_mask(data, columns, suppressed)
    if symbol is None:
        symbol = rule.symbol
    marks = _suppression_mask(data, columns, flags) if flags is not None else np.zeros_like(mask)
    if marks.any() and flag == symbol:
        raise ValueError(f"flag={flag!r} is the disclosure symbol: choose another flag or a "
                         "rule with another symbol")
    missing_cols = [c for c in [stub, *columns, *([block] if block else [])] if c not in data]
    if missing_cols:
        raise KeyError(f"tabelldata mangler kolonne(r) {missing_cols}")
    fns = {c: formatter(formats.get(c) or _default_kind(data[c])) for c in columns}
    head_stub = stub_label or ("Variabel/Verdi" if block else labels.get(stub, stub))
    if corner is not None and not groups:
        raise ValueError("corner= krever groups= (en overskrift i to rader)")
    if groups:
        top, sub = ([Cell(head_stub, rowspan=2)] if corner is None else [Cell(corner)]), []
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
        header = [top, sub if corner is None else [Cell(head_stub), *sub]]
    else:
        header = [[Cell(head_stub)] + [Cell(labels.get(c, c)) for c in columns]]
    unknown_bold = [b for b in bold if b not in set(data[stub].astype(str))]
    if unknown_bold:
        raise KeyError(f"bold= har rad(er) som ikke er i tabellen: {unknown_bold}")
    body: list = []
    bold_rows = set()
    current = object()
    for pos, (_, row) in enumerate(data.iterrows()):
        if block and row[block] != current:
            current = row[block]
            n = (block_n or {}).get(current)
            body.append(Block(f"{current} {fmt.n_label(n)}" if n is not None else str(current)))
        if str(row[stub]) in bold:
            bold_rows.add(len(body))
        body.append([str(row[stub])] + [
            symbol if mask[pos, j] else cell(row[c], fns[c], missing) + (flag if marks[pos, j]
                                                                          else "")
            for j, c in enumerate(columns)])
    if total:
        sums = total_columns or [c for c in columns if formats.get(c) != "text"
                                 and pd.api.types.is_numeric_dtype(data[c])]
        body.append([total] + [cell(data[c].sum(min_count=1), fns[c], missing) if c in sums
                               else "" for c in columns])
        bold_rows.add(len(body) - 1)
    per_column = {}
    for name, given in (("min_widths", min_widths), ("widths", widths)):
        unknown = [c for c in given or {} if c not in [stub, *columns]]
        if unknown:
            raise KeyError(f"{name} har kolonne(r) som ikke er i tabellen: {unknown}")
        per_column[name] = [given.get(c) for c in [stub, *columns]] if given else None
    note = disclosure_note(rule) if mask.any() and symbol == rule.symbol else None
    return Table(header=header, body=body, align=["l"] + ["r"] * len(columns),
                 bold_rows=bold_rows, suppression_note=note, **per_column)
