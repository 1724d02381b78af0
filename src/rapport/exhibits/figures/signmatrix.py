"""A matrix of signed text cells («+», «0», «−») drawn as a figure (e.g. DFØ's consequence matrix for unpriced
effects): row labels left, column labels on top, cells shaded by the sign of their text
(«+» blue, «-» orange, «0» grey), with the text itself always printed (colour is not the only
cue)."""

from __future__ import annotations

import pandas as pd
from matplotlib.patches import Rectangle

from .. import style
from ._common import attach, join


def _shade(text: str) -> str:
    plus, minus = text.count("+"), text.count("-") + text.count("\u2212")
    if plus > minus:
        return style.sequential(4)[min(plus, 4) - 1]
    if minus > plus:
        return style.oranges(4)[min(minus, 4) - 1]
    return style.MUTED


def alt_sign_matrix(table: pd.DataFrame, row_title: str, column_title: str) -> str:
    rows = "; ".join(f"{r}: " + join(f"{c} {table.loc[r, c]}" for c in table.columns)
                     for r in table.index)
    return (f"Matrise med {len(table.index)} rader ({row_title}) og {len(table.columns)} "
            f"kolonner ({column_title}). {rows}.")


def sign_matrix(table: pd.DataFrame, *, row_title: str, column_title: str,
                cell_width: float = 3.0, row_height: float = 0.9):
    """`table`: index = row labels, columns = column labels, cells = short texts."""
    n_rows, n_cols = table.shape
    stub = 4.2
    fig, ax = style.new_figure(row_height * (n_rows + 1) + 0.6)
    with style.house():
        ax.set_xlim(0, stub + cell_width * n_cols)
        ax.set_ylim(0, n_rows + 1)
        ax.invert_yaxis()
        ax.axis("off")
        ax.text(0.1, 0.5, f"{row_title} \u2193 / {column_title} \u2192", va="center",
                fontsize=8.5, fontweight="bold")
        for j, col in enumerate(table.columns):
            ax.text(stub + cell_width * (j + 0.5), 0.5, str(col), ha="center", va="center",
                    fontweight="bold")
        for i, row in enumerate(table.index, start=1):
            ax.text(0.1, i + 0.5, str(row), va="center")
            for j, col in enumerate(table.columns):
                text = str(table.loc[row, col])
                fill = _shade(text)
                ax.add_patch(Rectangle((stub + cell_width * j, i), cell_width, 1,
                                       facecolor=fill, edgecolor="white", linewidth=1.5))
                ax.text(stub + cell_width * (j + 0.5), i + 0.5, text, ha="center", va="center",
                        color=style.text_color(fill))
    tidy = table.rename_axis(row_title).reset_index().melt(
        id_vars=row_title, var_name=column_title, value_name="konsekvens")
    return attach(fig, kind="text_matrix", alt=alt_sign_matrix(table, row_title, column_title),
                  data=tidy)
