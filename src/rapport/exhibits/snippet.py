"""Shared plumbing for published exhibits: CSV files, ids, Markdown escaping, snippet parts.

The snippet syntax is the contract in docs/architecture.md ("Snippet syntax"); figures and
tables both build their `.md` files from the pieces here so that the two stay identical. The
house style (docs/house-style.md, read by `rapport.housestyle`) decides the default «Kilde:»
source, how a base is written («(n = 214)», «(N = 48)») and where it goes (caption or Kilde line).
"""

from __future__ import annotations

import csv
import io
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

from rapport import context, housestyle
from rapport.fsutil import atomic_write_bytes, atomic_write_text

from . import fmt


class _HouseSource:
    """The default of every `source=`: the house style's `source`."""

    def __repr__(self) -> str:
        return "HOUSE_SOURCE"


HOUSE_SOURCE = _HouseSource()
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#@~^|$])")


class Published(dict):
    """What a publish function returns: the files written and the texts used. Shown in a
    notebook (and so in its published executed copy) with the project-rooted paths the book
    uses, never the build directory, which differs from machine to machine."""

    def __repr__(self) -> str:
        shown = {key: context.published_path(value) if isinstance(value, Path) else value
                 for key, value in self.items()}
        return repr(shown)

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython's display
        printer.text(repr(self))


def check_id(exhibit_id: str) -> str:
    """An exhibit id (without the fig-/tbl- prefix): lowercase ascii letters, digits and «-»."""
    if not isinstance(exhibit_id, str) or not _ID.match(exhibit_id):
        raise ValueError(
            f"ugyldig id {exhibit_id!r}: bruk små bokstaver a–z, sifre og bindestrek "
            "(uten fig-/tbl-prefiks), f.eks. 'kjennskap'"
        )
    return exhibit_id


# --- downloads -------------------------------------------------------------------------
#
# Two files under each exhibit in HTML:
# - `<id>.csv`: the tidy data (UTF-8, «,» separator, «.» decimals, LF): for R, Python, Stata.
# - `<id>.excel.csv`: what a Norwegian spreadsheet opens correctly by double-click: «;»
#   separator, decimal comma, UTF-8 with BOM, CRLF. For a table it holds the table as shown
#   (its header rows, its row labels, its cells, «*» where a cell is suppressed), numbers as
#   numbers (grouping and units moved out of the cells: the unit goes into the column
#   header). Chosen over XLSX because it is plain text, so it is byte-identical between builds
#   and reviewable in a diff, and it is the format Norwegian Excel itself writes.
#
# Numbers are written from decimals that mean something, never from binary float noise:
# whole numbers as integers, kroner (columns named `*_kr`, `kr_*`, `belop`, `beløp`) to the øre
# (2 decimals), every other number to at most 6 decimals (a share to 0.0001 percentage point),
# rounded half up. A notebook can state another precision per column in
# `data.attrs["decimals"] = {"column": n}`.

DEFAULT_DECIMALS = 6
MONEY_DECIMALS = 2
_MONEY = re.compile(r"(^|_)(kr|nok|belop|beløp)($|_)", re.IGNORECASE)
EXCEL_SUFFIX = ".excel.csv"


def column_decimals(data: pd.DataFrame, column: str) -> int | None:
    """Decimals a float column is written with (None: not a float column)."""
    stated = (data.attrs.get("decimals") or {}) if hasattr(data, "attrs") else {}
    if column in stated:
        return int(stated[column])
    if not pd.api.types.is_float_dtype(data[column].dtype):
        return None
    return MONEY_DECIMALS if _MONEY.search(str(column)) else DEFAULT_DECIMALS


def decimal_text(value, decimals: int, *, fixed: bool = False, comma: bool = False) -> str:
    """`value` rounded half up to `decimals` from its shortest repr; '' for missing.

    Trailing zeros are dropped unless `fixed` (kroner keep their two øre digits); a whole
    number is written without decimals either way.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    number = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals),
                                                  rounding=ROUND_HALF_UP)
    if number == number.to_integral_value():
        text = str(number.quantize(Decimal(1)))
    elif fixed:
        text = f"{number:f}"
    else:
        text = f"{number.normalize():f}"
    if text in ("-0",):
        text = "0"
    return text.replace(".", ",") if comma else text


def _formatted(data: pd.DataFrame, *, comma: bool) -> pd.DataFrame:
    out = data.copy()
    for column in out.columns:
        decimals = column_decimals(data, column)
        if decimals is None:
            continue
        fixed = decimals == MONEY_DECIMALS and bool(_MONEY.search(str(column)))
        out[column] = [decimal_text(v, decimals, fixed=fixed, comma=comma) for v in data[column]]
    return out


def write_csv(path: Path, data: pd.DataFrame) -> Path:
    """The data behind an exhibit: UTF-8, «,» separator, «.» decimals, no index, LF endings."""
    text = _formatted(data, comma=False).to_csv(index=False, lineterminator="\n")
    return atomic_write_text(path, text)


def excel_path(csv_path: Path) -> Path:
    """`tbl-x.csv` → `tbl-x.excel.csv`."""
    return Path(csv_path).with_name(Path(csv_path).stem + EXCEL_SUFFIX)


def _excel_text(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_excel_frame(path: Path, data: pd.DataFrame) -> Path:
    """The tidy data for a Norwegian spreadsheet («;», decimal comma, BOM)."""
    shown = _formatted(data, comma=True)
    rows = [[str(c) for c in shown.columns]]
    rows += [["" if _missing(v) else str(v) for v in row] for row in shown.itertuples(index=False)]
    return atomic_write_bytes(path, _excel_text(rows))


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


_SHOWN_NUMBER = re.compile(
    r"^(?P<sign>[\u2212+-])?(?P<kr>kr\u00a0)?(?P<int>\d{1,3}(?:\u00a0\d{3})+|\d+)"
    r"(?:,(?P<dec>\d+))?(?P<unit>\u00a0?(?:%|pp))?$"
)


def shown_number(text: str) -> tuple[str, str | None] | None:
    """A table cell as printed («kr 5 700», «12,5 %», «−3,2 pp») → («5700», unit) or None."""
    match = _SHOWN_NUMBER.match(text.strip())
    if not match:
        return None
    sign = "-" if match["sign"] in ("\u2212", "-") else ""
    digits = match["int"].replace("\u00a0", "")
    value = f"{sign}{digits}" + (f",{match['dec']}" if match["dec"] else "")
    unit = "kr" if match["kr"] else (match["unit"].strip("\u00a0") if match["unit"] else None)
    return value, unit


def table_rows(table) -> list[list[str]]:
    """A `Table` as a spreadsheet shows it: header rows (spans filled with empty cells), body
    rows with their labels, block headers as a row of their own; numbers without grouping
    and with the unit moved into the lowest header row."""
    ncols = table.ncols
    header: list[list[str]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan
    for cells in table.header:
        row, col, queue = [""] * ncols, 0, list(cells)
        while col < ncols and queue:
            if pending.get(col, 0) > 0:
                pending[col] -= 1
                col += 1
                continue
            cell = queue.pop(0)
            row[col] = cell.text
            if cell.rowspan > 1:
                for c in range(col, col + cell.colspan):
                    pending[c] = cell.rowspan - 1
            col += cell.colspan
        header.append(row)
    body: list[list[str]] = []
    units: dict[int, set] = {}
    for entry in table.body:
        if isinstance(entry, list):
            out = [entry[0]]
            for j, text in enumerate(entry[1:], start=1):
                parsed = shown_number(text)
                if parsed is None:
                    out.append(text)
                    continue
                out.append(parsed[0])
                units.setdefault(j, set()).add(parsed[1])
            body.append(out)
        else:
            body.append([entry.text] + [""] * (ncols - 1))
    last = header[-1] if header else [""] * ncols
    for j, found in units.items():
        if len(found) == 1 and None not in found:
            unit = found.pop()
            target = next((h for h in reversed(header) if h[j]), last)
            target[j] = f"{target[j]} ({unit})" if target[j] else f"({unit})"
    return header + body


def write_excel_table(path: Path, table) -> Path:
    """The table as shown, for a Norwegian spreadsheet («;», decimal comma, BOM)."""
    return atomic_write_bytes(path, _excel_text(table_rows(table)))


def md_escape(text: str) -> str:
    """Escape Markdown specials so that a question text stays literal (no emphasis, no @cite)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def attr_escape(text: str) -> str:
    """A value for a pandoc/Quarto attribute in double quotes."""
    return str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def style() -> housestyle.HouseStyle:
    """The project's house style (its files are recorded as reads of the running notebook)."""
    return housestyle.load()


def resolve_source(source, house: housestyle.HouseStyle, exhibit: str) -> str | None:
    """The «Kilde:» text: the one given, None for none, or the house style's default."""
    if source is not HOUSE_SOURCE:
        return source
    if not house.source:
        raise ValueError(f"{exhibit}: no source: pass source=… or set house-style.source "
                         "(a style in metadata-files, or house-style: in _quarto.yml)")
    return house.source


def place_n(n_part: str | None, house: housestyle.HouseStyle, source: str | None):
    """(n for the caption, n for the Kilde line) as the house style's `n-placement` says; with
    no Kilde line the base stays in the caption."""
    if n_part and house.n_placement == "source" and source:
        return None, n_part
    return n_part, None


def n_text(data: pd.DataFrame | None, n=None, *, round_col: str | None = None,
           template: str = "(n = {n})") -> str | None:
    """The «(n = …)» part of a caption, written as `template` (the house style's `n-format`).

    `n` may be an int («(n = 214)»), a dict {round: n} («(n 2022 = 261, n 2024 = 271)»), a ready
    string, or False (no n). With n=None it is computed from `data`: the column `n` (the base of
    each plotted value); per `round_col` when given and present; several different bases give a
    range «(n = 203–216)».
    """
    if n is False:
        return None
    if isinstance(n, str):
        return n
    if isinstance(n, dict):
        return fmt.n_rounds(n, template=template)
    if n is not None:
        return fmt.n_label(n, template=template)
    if data is None or "n" not in data.columns:
        return None
    if round_col and round_col in data.columns and data[round_col].nunique() > 1:
        per_round = data.dropna(subset=["n"]).groupby(round_col)["n"].max()
        return fmt.n_rounds({key: int(value) for key, value in per_round.items()},
                            template=template)
    values = sorted({int(v) for v in data["n"].dropna()})
    if not values:
        return None
    if len(values) == 1:
        return fmt.n_label(values[0], template=template)
    return fmt.n_range(values[0], values[-1], template=template)


def caption_text(caption: str, *, multi: bool = False, n_part: str | None = None) -> str:
    """Caption paragraph: question text, «(Flere svar mulig)», «(n = …)», Markdown-escaped."""
    parts = [md_escape(caption.strip())]
    if multi:
        parts.append("(Flere svar mulig)")
    if n_part:
        parts.append(n_part)  # built by fmt: digits, «n =», parentheses, en dash only
    return " ".join(parts)


def tail(source: str | None, csv_path: Path, notes: list[str] | None = None,
         n_part: str | None = None) -> str:
    """Notes (`.tabellnote`), the «Kilde:» line (ending with the base when the house style
    places it there: «Kilde: Registreringsskjema (n=721)») and the CSV download link."""
    blocks = []
    if notes:
        body = "\n\n".join(notes)
        blocks.append(f"::: {{.tabellnote}}\n{body}\n:::\n")
    if source:
        line = f"{source} {n_part}" if n_part else source
        blocks.append(f"::: {{.kilde}}\nKilde: {line}\n:::\n")
    link = context.published_path(csv_path)
    excel = context.published_path(excel_path(csv_path))
    blocks.append(
        '::: {.content-visible when-format="html"}\n'
        f"[Last ned data (CSV)]({link}){{.download}}\n"
        f"[Last ned for Excel (semikolon, desimalkomma)]({excel}){{.download}}\n:::\n"
    )
    return "\n".join(blocks)
