"""Column charts over ordered classes: a binned distribution whose last column may be an
«Utenfor» category (people to whom the measure does not apply), and counts per quarter where
the first or last quarter is only partly covered by the data («K3 2020*»).

Both take tidy data and return a Figure carrying alt text and plotted data.
"""

from __future__ import annotations

import pandas as pd

from .. import style
from ._common import attach, require, value_text, wrap


def alt_columns(data: pd.DataFrame, *, category, value, kind, lead: str) -> str:
    parts = ", ".join(f"{c} {value_text(v, kind)}" for c, v in zip(data[category], data[value]))
    return f"{lead} {parts}."


def binned_columns(data: pd.DataFrame, *, category="category", value="share",
                   outside_label: str | None = "Utenfor", kind="pct", label_width=11):
    """One column per bin in the given order; the `outside_label` column (if present) stands
    apart after a gap, in grey, so that it does not read as the longest interval."""
    require(data, category, value)
    plotted = data.reset_index(drop=True)
    cats = list(plotted[category])
    xs, x = [], 0.0
    for c in cats:
        if outside_label is not None and c == outside_label:
            x += 0.6
        xs.append(x)
        x += 1
    fig, ax = style.new_figure(7.5, layout="constrained")
    with style.house():
        vals = plotted[value].astype(float)
        vmax = max(vals.max(), 1e-9)
        colors = [style.DONT_KNOW if c == outside_label else style.BLUE for c in cats]
        ax.bar(xs, vals, width=0.72, color=colors,
               edgecolor=[style.edge_color(c) for c in colors], linewidth=0.6)
        for xi, v in zip(xs, vals):
            ax.text(xi, v + vmax * 0.015, value_text(v, kind), ha="center", va="bottom",
                    fontsize=8.5)
        ax.set_xticks(xs, [wrap(c, label_width) for c in cats], fontsize=8)
        ax.set_ylim(0, vmax * 1.15)
        ax.yaxis.set_visible(False)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="x", length=0)
    alt = alt_columns(plotted, category=category, value=value, kind=kind,
                      lead="Søylediagram over fordelingen.")
    return attach(fig, kind="binned_columns", alt=alt, data=plotted)


def quarter_label(period: pd.Period) -> str:
    """«K3 2020» for the third quarter of 2020."""
    q = pd.Period(period, freq="Q")
    return f"K{q.quarter} {q.year}"


def partial_quarter_note(first: pd.Timestamp, last: pd.Timestamp) -> str | None:
    """«Merk at K3 2020 kun består av september 2020, og K2 2022 kun består av april 2022.»
    for data covering `first`..`last` (dates); None when both end quarters are whole."""
    from rapport.exhibits import fmt

    parts = []
    for day, is_first in ((pd.Timestamp(first), True), (pd.Timestamp(last), False)):
        q = pd.Period(day, freq="Q")
        m = pd.Period(day, freq="M")
        q_months = pd.period_range(q.start_time, q.end_time, freq="M")
        covered = [p for p in q_months if (p >= m if is_first else p <= m)]
        if len(covered) == 3:
            continue
        names = [fmt.month_name(p.month) for p in covered]
        span = names[0] if len(names) == 1 else f"{names[0]}{fmt.NDASH}{names[-1]}"
        parts.append(f"{quarter_label(q)} kun består av {span} {q.year}")
    if not parts:
        return None
    return "Merk at " + ", og ".join(parts) + "."


def quarter_columns(data: pd.DataFrame, *, quarter="quarter", value="count", partial=()):
    """Counts per quarter (labels «K3 2020»); quarters in `partial` are drawn lighter and
    marked «*» (the note from :func:`partial_quarter_note` explains them)."""
    require(data, quarter, value)
    plotted = data.reset_index(drop=True)
    labels = [f"{q}*" if q in partial else str(q) for q in plotted[quarter]]
    fig, ax = style.new_figure(7.5, layout="constrained")
    with style.house():
        vals = plotted[value].astype(float)
        vmax = max(vals.max(), 1e-9)
        colors = [style.ROUNDS[0] if q in partial else style.BLUE for q in plotted[quarter]]
        ax.bar(range(len(vals)), vals, width=0.7, color=colors,
               edgecolor=[style.edge_color(c) for c in colors], linewidth=0.6)
        for i, v in enumerate(vals):
            ax.text(i, v + vmax * 0.015, value_text(v, "int"), ha="center", va="bottom",
                    fontsize=8.5)
        ax.set_xticks(range(len(vals)), labels, fontsize=8.5)
        ax.set_ylim(0, vmax * 1.15)
        ax.yaxis.set_visible(False)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="x", length=0)
    alt = alt_columns(plotted.assign(**{quarter: labels}), category=quarter, value=value,
                      kind="int", lead="Søylediagram med antall per kvartal.")
    return attach(fig, kind="quarter_columns", alt=alt, data=plotted)
