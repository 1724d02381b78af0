"""A small table model and its Markdown: pipe tables when one plain header row suffices, grid
tables when a two-level header or spanning block rows need them. Both parse in pandoc 3 (and
Quarto) to the same Table in HTML and Typst.

Model: `Table(header, body, align)`, where `header` is one or two rows of :class:`Cell`
(a header cell may span columns; a column without a group spans both header rows), `body` is
rows of strings or a :class:`Block` row (one cell across the table, bold: «Sektor (n = 1 291)»).
Texts are escaped for Markdown here; callers pass plain text.

Column widths: a grid table's separator lines set the relative column widths in HTML and PDF.
By default each column is as wide as its longest text (`min_widths` can widen a column);
`widths` fixes a column's width instead, and a longer text is wrapped over several lines in
its cell (pandoc joins them again), e.g. to give a long stub or explanation column a fixed
share of the page.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from ..snippet import md_escape


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Block:
    """A block header row spanning the whole table («Sektor (n = 1 291)»)."""
    text: str
    bold: bool = True


@dataclass
class Table:
    header: list[list[Cell]]
    body: list[list[str] | Block]
    align: list[str]  # "l" | "r" | "c" per column
    bold_rows: set[int] = field(default_factory=set)  # body rows set in bold (e.g. totals)
    # Minimum width per column in characters (grid tables), or None. Column widths follow the
    # longest text; a short header over short numbers («Differanse») can get too narrow a share
    # of the page in Typst, where bold header words do not break.
    min_widths: list[int | None] | None = None
    # Fixed width per column in characters (grid tables), or None (sized by the longest text).
    # A longer text is wrapped over several lines in its cell; a table with widths is a grid
    # table.
    widths: list[int | None] | None = None
    # The note explaining the disclosure symbol when cells are suppressed (set by build_table;
    # publish_table adds it under the table).
    suppression_note: str | None = None

    @property
    def ncols(self) -> int:
        return len(self.align)

    def needs_grid(self) -> bool:
        return (len(self.header) > 1 or any(isinstance(r, Block) for r in self.body)
                or any(c.colspan > 1 for row in self.header for c in row)
                or any(w is not None for w in self.widths or []))

    def to_markdown(self, form: str = "auto") -> str:
        """Markdown for the table: form 'pipe', 'grid' or 'auto' (pipe when possible)."""
        if form == "pipe" or (form == "auto" and not self.needs_grid()):
            return pipe_table(self)
        return grid_table(self)


# A line that pandoc would read as the start of a list: «- », «+ », «* », «1. », «2) », «a. »,
# «(3) ». Escaped so that a cell's text stays text wherever the wrapping breaks it.
_LIST_START = re.compile(r"^(?:[-+*]|\(?(?:\d+|[A-Za-z])[.)])(?= |$)")


def _escape_line_start(line: str) -> str:
    m = _LIST_START.match(line)
    if not m:
        return line
    cut = 0 if len(m.group(0)) == 1 else len(m.group(0)) - 1  # before «-», or before «.»/«)»
    return line[:cut] + "\\" + line[cut:]


def _longest_word(text: str) -> int:
    return max((len(word) for word in re.split(r"[ \t\n]+", text)), default=0)


def wrap_cell(text: str, width: int) -> list[str]:
    """A cell's (escaped) Markdown as lines of at most `width` characters, broken at spaces
    only (a word longer than the width stays whole). No-break spaces do not break. A line
    that would start like a list item is escaped."""
    if len(text) <= width and not _LIST_START.match(text):
        return [text]
    for room in (width, width - 1):  # an escape adds one character: wrap narrower if needed
        lines = [_escape_line_start(line) for line in textwrap.wrap(
            text, room, break_long_words=False, break_on_hyphens=False)] or [""]
        if all(len(line) <= width for line in lines):
            break
    return lines


def _cell_text(text: str, bold: bool = False) -> str:
    text = md_escape(text)
    return f"**{text}**" if bold and text.strip() else text


def _body_texts(table: Table) -> list[list[str] | Block]:
    rows = []
    for i, row in enumerate(table.body):
        if isinstance(row, Block):
            rows.append(Block(_cell_text(row.text, row.bold)))
        else:
            if len(row) != table.ncols:
                raise ValueError(f"rad {i} har {len(row)} celler, tabellen har {table.ncols}")
            rows.append([_cell_text(c, i in table.bold_rows) for c in row])
    return rows


def pipe_table(table: Table) -> str:
    """A pipe table; needs one header row without spans. Block rows become bold first cells."""
    if len(table.header) != 1 or any(c.colspan > 1 for c in table.header[0]):
        raise ValueError("en pipe-tabell har én overskriftsrad uten sammenslåtte celler")
    header = [md_escape(c.text) for c in table.header[0]]  # md_escape also escapes «|»
    rows = []
    for row in _body_texts(table):
        cells = [row.text] + [""] * (table.ncols - 1) if isinstance(row, Block) else row
        rows.append(list(cells))
    widths = [max(3, len(header[j]), *(len(r[j]) for r in rows)) for j in range(table.ncols)]
    marks = {"l": lambda w: ":" + "-" * (w - 1), "r": lambda w: "-" * (w - 1) + ":",
             "c": lambda w: ":" + "-" * (w - 2) + ":"}

    def line(cells):
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"

    out = [line(header), "| " + " | ".join(marks[a](w) for a, w in zip(table.align, widths)) + " |"]
    return "\n".join(out + [line(r) for r in rows]) + "\n"


def _grid(table: Table):
    """Rows of (owner id, text, is-first-row) per column, for header and body."""
    grid, owner = [], 0
    pending: dict[int, tuple[int, int]] = {}  # column → (owner, rows left) for rowspans
    for r, row in enumerate(table.header):
        cols, cells = [], iter(row)
        while len(cols) < table.ncols:
            j = len(cols)
            if j in pending and pending[j][1] > 0:
                own, left = pending[j]
                pending[j] = (own, left - 1)
                cols.append((own, "", False))
                continue
            cell = next(cells)
            owner += 1
            for k in range(cell.colspan):
                cols.append((owner, md_escape(cell.text) if k == 0 else "", k == 0))
                if cell.rowspan > 1:
                    pending[j + k] = (owner, cell.rowspan - 1)
        grid.append(cols)
    for row in _body_texts(table):
        owner += 1
        if isinstance(row, Block):
            grid.append([(owner, row.text if j == 0 else "", j == 0) for j in range(table.ncols)])
        else:
            grid.append([(owner + j, text, True) for j, text in enumerate(row)])
            owner += table.ncols
    return grid


def grid_table(table: Table) -> str:
    """A grid table with column spans, a two-row header and spanning block rows."""
    grid = _grid(table)
    n = table.ncols
    for name, given in (("min_widths", table.min_widths), ("widths", table.widths)):
        if given is not None and len(given) != n:
            raise ValueError(f"{name} har {len(given)} verdier, tabellen har {n} kolonner")
    fixed = list(table.widths) if table.widths else [None] * n
    if any(w is not None and w < 3 for w in fixed):
        raise ValueError(f"widths må være minst 3 tegn: {fixed}")
    widths = [max(3, w or 0) for w in table.min_widths] if table.min_widths else [3] * n
    widths = [f if f is not None else w for f, w in zip(fixed, widths)]
    spans = []
    for row in grid:  # single cells first, then make room for spanned text
        j = 0
        while j < n:
            own, text, _ = row[j]
            k = j
            while k + 1 < n and row[k + 1][0] == own:
                k += 1
            # a fixed column wraps its texts, but at spaces only: it still fits the longest word
            length = len(text) if all(f is None for f in fixed[j:k + 1]) else _longest_word(text)
            if k == j:
                widths[j] = max(widths[j], length)
            else:
                spans.append((j, k, length))
            j = k + 1
    for j, k, length in spans:
        have = sum(widths[j:k + 1]) + 3 * (k - j)
        free = [c for c in range(j, k + 1) if fixed[c] is None] or list(range(j, k + 1))
        for i in range(max(length - have, 0)):  # spread the extra width evenly
            widths[free[i % len(free)]] += 1

    def content(row):
        cells, j = [], 0
        while j < n:
            own, k = row[j][0], j
            while k + 1 < n and row[k + 1][0] == own:
                k += 1
            width = sum(widths[j:k + 1]) + 3 * (k - j)
            text = next((t for _, t, first in row[j:k + 1] if first and t), "")
            cells.append((width, wrap_cell(text, width)))
            j = k + 1
        height = max(len(lines) for _, lines in cells)
        return ["|" + "".join(" " + (lines[i] if i < len(lines) else "").ljust(width) + " |"
                              for width, lines in cells) for i in range(height)]

    def separator(above, below, fill="-", align=False):
        out = []
        for b in range(n + 1):
            left = b > 0 and (above is None or below is None or above[b - 1][0] != below[b - 1][0])
            right = b < n and (above is None or below is None or above[b][0] != below[b][0])
            edge = b in (0, n) or (above is not None and above[b - 1][0] != above[b][0])
            out.append("+" if (left or right) else ("|" if edge else " "))
            if b < n:
                seg = fill if right else " "
                w = widths[b] + 2
                if right and align:
                    a = table.align[b]
                    seg_text = {"l": ":" + fill * (w - 1), "r": fill * (w - 1) + ":",
                                "c": ":" + fill * (w - 2) + ":"}[a]
                else:
                    seg_text = seg * w
                out.append(seg_text)
        return "".join(out)

    nh = len(table.header)
    lines = [separator(None, grid[0])]
    for r, row in enumerate(grid):
        lines += content(row)
        below = grid[r + 1] if r + 1 < len(grid) else None
        if r == nh - 1:
            lines.append(separator(row, below, "=", align=True))
        else:
            lines.append(separator(row, below))
    return "\n".join(lines) + "\n"
