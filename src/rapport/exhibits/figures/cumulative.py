"""A cumulative distribution panel stacked over a categorical panel: the share of each group
with at most x (lines, top) and the same values in classes (grouped columns, bottom), as in a
figure of sickness-benefit days for those with and without a measure.

Takes the output of :func:`rapport.stats.bins.cumulative_shares` (group, x, share) and a class
table (category, group, share); returns a Figure with alt text and both panels' data.
"""

from __future__ import annotations

import pandas as pd

from .. import fmt, style
from ._common import attach, join, require, value_text, wrap


def alt_cumulative(cdf, classes, *, groups, marks, unit) -> str:
    top = []
    for x in marks:
        rows = cdf[cdf["x"] == x].set_index("group")["share"]
        top.append(f"høyst {fmt.integer(x)} {unit}: " + join(
            f"{value_text(rows[g])} ({g.lower()})" for g in groups if g in rows.index))
    bottom = []
    for cat in dict.fromkeys(classes["category"]):
        rows = classes[classes["category"] == cat].set_index("group")["share"]
        bottom.append(f"{cat}: " + join(f"{value_text(rows[g])} ({g.lower()})" for g in groups))
    return ("To paneler. Øverst: akkumulert andel, " + "; ".join(top)
            + ". Nederst: andel per gruppe, " + "; ".join(bottom) + ".")


def cumulative_over_columns(cdf: pd.DataFrame, classes: pd.DataFrame, *, groups=None,
                            marks=(100, 200, 300), unit="dager", xlabel=""):
    """Top: one line per group of the share with at most x. Bottom: grouped columns of the
    class shares. Both panels share the group colours."""
    require(cdf, "group", "x", "share")
    require(classes, "category", "group", "share")
    groups = list(groups or dict.fromkeys(cdf["group"]))
    colors = [style.BLUE, style.ORANGES[2]] if len(groups) == 2 else style.sequential(len(groups))
    fig, (top, bottom) = style.new_figure(15, nrows=2, layout="constrained",
                                          gridspec_kw={"height_ratios": [1.1, 1]})
    cats = list(dict.fromkeys(classes["category"]))
    with style.house():
        for j, (g, c) in enumerate(zip(groups, colors)):
            rows = cdf[cdf["group"] == g].sort_values("x")
            top.plot(rows["x"], rows["share"], color=c, linewidth=2, label=g,
                     linestyle=["-", "--"][j % 2])
        top.set_ylim(0, 1.02)
        top.yaxis.set_major_formatter(style.pct_formatter())
        top.grid(axis="both", color=style.GRID, linewidth=0.5)
        top.set_axisbelow(True)
        top.set_xlabel(xlabel, fontsize=8.5)
        top.tick_params(labelsize=8)
        top.legend(loc="lower right", frameon=False, fontsize=8.5)
        width = 0.8 / len(groups)
        vmax = max(classes["share"].max(), 1e-9)
        for j, (g, c) in enumerate(zip(groups, colors)):
            vals = classes[classes["group"] == g].set_index("category")["share"].reindex(cats)
            xs = [i - 0.4 + width * (j + 0.5) for i in range(len(cats))]
            bottom.bar(xs, vals.fillna(0), width=width * 0.92, color=c,
                       edgecolor=style.edge_color(c), linewidth=0.6)
            for x, v in zip(xs, vals.fillna(0)):
                bottom.text(x, v + vmax * 0.015, value_text(v), ha="center", va="bottom",
                            fontsize=8)
        bottom.set_xticks(range(len(cats)), [wrap(c, 14) for c in cats], fontsize=8)
        bottom.set_ylim(0, vmax * 1.2)
        bottom.yaxis.set_visible(False)
        bottom.spines["left"].set_visible(False)
        bottom.tick_params(axis="x", length=0)
    data = pd.concat([cdf.assign(panel="akkumulert"), classes.assign(panel="kategorisert")],
                     ignore_index=True)
    alt = alt_cumulative(cdf, classes, groups=groups, marks=marks, unit=unit)
    return attach(fig, kind="cumulative_over_columns", alt=alt, data=data)
