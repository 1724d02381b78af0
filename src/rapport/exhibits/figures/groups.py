"""Grouped columns: two (or more) groups side by side across the categories of a background
variable, e.g. «Fått tiltak» against «Ikke fått tiltak» by age band, sector or diagnosis.

Each group's shares are of its own base (column n), so the data carry `n` per group; the
figure's base is the sum of the groups' n. Returns a Figure with alt text and plotted data.
"""

from __future__ import annotations

import pandas as pd

from .. import style
from ._common import attach, join, require, value_text, wrap


def alt_group_columns(data: pd.DataFrame, *, category, group, value, groups, decimals=0,
                      kind="pct") -> str:
    lines = []
    for cat in dict.fromkeys(data[category]):
        rows = data[data[category] == cat].set_index(group)[value]
        lines.append(f"{cat}: " + join(f"{value_text(rows[g], kind, decimals)} ({g.lower()})"
                                       for g in groups if g in rows.index))
    return (f"Søylediagram som sammenligner {join(groups)}. " + "; ".join(lines) + ".")


def group_columns(data: pd.DataFrame, *, category="category", group="group", value="share",
                  groups=None, categories=None, decimals=0, label_width=14, labels_on_bars=True,
                  kind="pct"):
    """Vertical columns, one cluster per category, one column per group, value labels on top.

    data: rows (category, group, share[, n]); categories keep the given order (age bands,
    ordered classes). A missing (category, group) is plotted as 0. kind="int" for counts.
    """
    require(data, category, group, value)
    groups = list(groups or dict.fromkeys(data[group]))
    cats = list(categories or dict.fromkeys(data[category]))
    full = pd.MultiIndex.from_product([cats, groups], names=[category, group])
    plotted = data.set_index([category, group]).reindex(full).reset_index()
    plotted[value] = plotted[value].fillna(0.0)
    k = len(groups)
    colors = list(style.ROUNDS)[::-1] if k == 2 else style.sequential(k, reverse=True)
    fig, ax = style.new_figure(8.5, layout="constrained")
    with style.house():
        width = 0.8 / k
        vmax = max(plotted[value].max(), 1e-9)
        for j, (g, color) in enumerate(zip(groups, colors)):
            vals = plotted[plotted[group] == g].set_index(category)[value].reindex(cats)
            xs = [i - 0.4 + width * (j + 0.5) for i in range(len(cats))]
            ax.bar(xs, vals, width=width * 0.92, color=color, label=str(g),
                   edgecolor=style.edge_color(color), linewidth=0.6)
            if labels_on_bars:
                for x, v in zip(xs, vals):
                    ax.text(x, v + vmax * 0.015, value_text(v, kind, decimals), ha="center",
                            va="bottom", fontsize=7 if len(cats) * k > 14 else 8)
        ax.set_xticks(range(len(cats)), [wrap(c, label_width) for c in cats], fontsize=8)
        ax.set_ylim(0, vmax * 1.18)
        if labels_on_bars:
            ax.yaxis.set_visible(False)
            ax.spines["left"].set_visible(False)
        else:  # too many columns for labels: a value axis with grid lines instead
            ax.yaxis.set_major_formatter(style.pct_formatter() if kind == "pct"
                                         else style.number_formatter())
            ax.grid(axis="y", color=style.GRID, linewidth=0.5)
            ax.set_axisbelow(True)
            ax.tick_params(axis="y", labelsize=8)
        ax.tick_params(axis="x", length=0)
        ax.legend(loc="upper right", ncols=k, frameon=False, fontsize=8.5)
    alt = alt_group_columns(plotted, category=category, group=group, value=value, groups=groups,
                            decimals=decimals, kind=kind)
    return attach(fig, kind="group_columns", alt=alt, data=plotted)
