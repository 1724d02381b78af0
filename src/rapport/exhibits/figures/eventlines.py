"""Monthly event-time lines for two (or more) groups on an unbalanced panel: the share with an
outcome k months after an event, each point over the people who can be followed that far, and
under the chart the numbers at risk at marked months, so that the reader sees how few people
the right end of a line rests on.

Takes the output of :func:`rapport.stats.eventtime.shares_by_month` (group, k, n, count,
share) and returns a Figure carrying alt text and plotted data.
"""

from __future__ import annotations

import pandas as pd

from .. import fmt, style
from ._common import attach, join, require


def alt_event_lines(data: pd.DataFrame, *, group, groups, marks) -> str:
    parts = []
    for k in marks:
        rows = data[data["k"] == k].set_index(group)
        cells = [f"{g.lower()} {fmt.pct(rows.loc[g, 'share'])} (n={fmt.integer(rows.loc[g, 'n'])})"
                 for g in groups if g in rows.index]
        if cells:
            parts.append(f"måned {k}: {join(cells)}")
    last = int(data["k"].max())
    return (f"Linjediagram over {last} måneder etter hendelsen for {join(groups).lower()}. "
            + "; ".join(parts).capitalize() + ".")


def event_lines(data: pd.DataFrame, *, group="group", groups=None, marks=(3, 6, 12),
                min_n: int = 1, xlabel="Måneder etter kartleggingssamtalen"):
    """One line per group over k = 1 … last month with at least `min_n` people at risk;
    the numbers at risk at the `marks` months are printed in a row per group under the chart."""
    require(data, group, "k", "n", "share")
    groups = list(groups or dict.fromkeys(data[group]))
    plotted = data[(data["k"] >= 1) & (data["n"] >= min_n)].reset_index(drop=True)
    # Two lines must differ in more than a light/dark shade: dark blue solid, orange dashed.
    colors = [style.BLUE, style.ORANGES[2]] if len(groups) == 2 else style.sequential(len(groups))
    dashes = ["-", "--", ":", "-."]
    fig, ax = style.new_figure(9.5, layout="constrained")
    with style.house():
        for j, (g, color) in enumerate(zip(groups, colors)):
            rows = plotted[plotted[group] == g].sort_values("k")
            ax.plot(rows["k"], rows["share"], color=color, linewidth=2, marker="o",
                    markersize=3, label=g, linestyle=dashes[j % len(dashes)])
        ax.set_ylim(0, max(0.1, plotted["share"].max() * 1.15))
        ax.yaxis.set_major_formatter(style.pct_formatter())
        ax.grid(axis="y", color=style.GRID, linewidth=0.5)
        ax.set_axisbelow(True)
        kmax = int(plotted["k"].max())
        ax.set_xlim(0.5, kmax + 0.5)
        ax.set_xticks(range(1, kmax + 1))
        ax.set_xlabel(xlabel, fontsize=8.5)
        ax.tick_params(labelsize=8)
        ax.legend(loc="upper left", frameon=False, fontsize=8.5)
        at_risk = [f"Antall personer (måned {', '.join(str(k) for k in marks)}):"]
        for g in groups:
            rows = plotted[plotted[group] == g].set_index("k")["n"]
            at_risk.append(f"{g}: " + ", ".join(fmt.integer(rows[k]) if k in rows.index else "–"
                                                for k in marks))
        fig.text(0.01, 0.0, "   ".join(at_risk), fontsize=7.5, ha="left", va="bottom")
        fig.get_layout_engine().set(rect=(0, 0.06, 1, 0.94))
    alt = alt_event_lines(plotted, group=group, groups=groups, marks=marks)
    return attach(fig, kind="event_lines", alt=alt, data=plotted)
