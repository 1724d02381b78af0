"""Text matrices: a grid of short texts with row labels on the left and column heads on top,
e.g. how a pilot is organised in each county (project group, offices, other actors). The
«data» is the table of texts itself; the alt text reads it column by column.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.patches import Rectangle

from .. import style
from ._common import attach, canvas, require, wrap


def alt_matrix(data: pd.DataFrame, *, row, column, text, rows, columns) -> str:
    parts = []
    for c in columns:
        cells = data[data[column] == c].set_index(row)[text]
        parts.append(f"{c}: " + "; ".join(f"{r}: {cells[r]}" for r in rows if r in cells.index))
    return (f"Matrise med {len(rows)} rader ({', '.join(rows)}) og {len(columns)} kolonner. "
            + ". ".join(parts) + ".")


def text_matrix(data: pd.DataFrame, *, row="row", column="column", text="text", rows=None,
                columns=None, cell_width=20):
    """Boxes in a grid: column heads dark, row labels light, cells white with wrapped text.
    Every (row, column) pair must have exactly one text."""
    require(data, row, column, text)
    rows = list(rows or dict.fromkeys(data[row]))
    columns = list(columns or dict.fromkeys(data[column]))
    dup = data.duplicated([row, column])
    if dup.any():
        r = data[dup].iloc[0]
        raise ValueError(f"text_matrix: {r[row]!r} × {r[column]!r} has more than one text")
    cells = data.set_index([row, column])[text]
    missing = [(r, c) for r in rows for c in columns if (r, c) not in cells.index]
    if missing:
        raise ValueError(f"text_matrix: no text for {missing[0][0]!r} × {missing[0][1]!r}")
    wrapped = {(r, c): wrap(cells[(r, c)], cell_width) for r in rows for c in columns}
    heights = [max(wrapped[(r, c)].count("\n") + 1 for c in columns) for r in rows]
    head_h = 1.6
    total = head_h + sum(0.45 * h + 0.5 for h in heights)
    k = len(columns) + 1
    fig, ax = canvas(total + 0.4, xlim=(0, k), ylim=(-total, 0.2))
    with style.house():
        for j, c in enumerate(columns, start=1):
            ax.add_patch(Rectangle((j + 0.03, -head_h + 0.1), 0.94, head_h - 0.2,
                                   color=style.BLUES[5]))
            ax.text(j + 0.5, -head_h / 2, wrap(c, 14), ha="center", va="center", color="white",
                    fontsize=8.5, fontweight="semibold")
        y = -head_h
        for r, h in zip(rows, heights):
            hh = 0.45 * h + 0.5
            ax.add_patch(Rectangle((0.03, y - hh + 0.05), 0.94, hh - 0.1, color=style.BLUES[1]))
            ax.text(0.5, y - hh / 2, wrap(r, 14), ha="center", va="center", fontsize=8.5,
                    fontweight="semibold")
            for j, c in enumerate(columns, start=1):
                ax.add_patch(Rectangle((j + 0.03, y - hh + 0.05), 0.94, hh - 0.1,
                                       facecolor="white", edgecolor=style.BLUES[2],
                                       linewidth=0.8))
                ax.text(j + 0.5, y - hh / 2, wrapped[(r, c)], ha="center", va="center",
                        fontsize=7.5)
            y -= hh
    plotted = data[[row, column, text]].reset_index(drop=True)
    alt = alt_matrix(plotted, row=row, column=column, text=text, rows=rows, columns=columns)
    return attach(fig, kind="text_matrix", alt=alt, data=plotted)
