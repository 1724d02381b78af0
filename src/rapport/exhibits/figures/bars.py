"""Bar charts: one question (single or multi-select), two survey rounds, and county × year.

All take tidy data (one row per plotted value) and return a matplotlib Figure that carries its
generated alt text and plotted data for :func:`publish_figure`.
"""

from __future__ import annotations

import pandas as pd

from .. import style
from ._common import (attach, grid_panels, grid_rows, join, mid, n_lines, order_categories,
                      require, value_text, wrap)

BAR_CM = 0.62  # height per label line


def _hbar_axes(ax, xmax: float):
    ax.set_xlim(0, xmax)
    ax.xaxis.set_visible(False)
    ax.spines["bottom"].set_visible(False)
    ax.tick_params(axis="y", length=0, pad=4)
    ax.invert_yaxis()


def alt_bars(data: pd.DataFrame, *, category="category", value="share", kind="pct",
             decimals=0, limit=15) -> str:
    """«Liggende søylediagram. Psykiske helseplager 47 %, muskel- og skjelettplager 43 %, …»"""
    parts = [f"{mid(c) if i else c} {value_text(v, kind, decimals)}"
             for i, (c, v) in enumerate(zip(data[category], data[value]))]
    more = len(parts) - limit
    text = ", ".join(parts[:limit]) + (f" og {more} kategorier til" if more > 0 else "")
    return f"Liggende søylediagram. {text}."


def bar_chart(data: pd.DataFrame, *, category="category", value="share", sort=True,
              kind="pct", decimals=0, color=style.BLUE, label_width=42):
    """Horizontal bars with value labels for one question (single- or multi-select).

    data: one row per answer option with columns `category` and `value` (a share 0–1 when
    kind='pct'), optionally `n` (the base, for the caption). sort=True orders by value,
    keeping «Annet» / «Vet ikke» last.
    """
    require(data, category, value)
    order = order_categories(data, category, data.set_index(category)[value], sort)
    plotted = data.set_index(category).loc[order].reset_index()
    height = 1.4 + BAR_CM * n_lines(order, label_width)
    fig, ax = style.new_figure(height, layout="constrained")
    with style.house():
        values = plotted[value].astype(float)
        vmax = max(values.max(), 1e-9)
        ax.barh(range(len(order)), values, height=0.68, color=color,
                edgecolor=style.edge_color(color), linewidth=0.6)
        for y, v in enumerate(values):
            ax.text(v + vmax * 0.012, y, value_text(v, kind, decimals), va="center", fontsize=9)
        ax.set_yticks(range(len(order)), [wrap(c, label_width) for c in order])
        _hbar_axes(ax, vmax * 1.14)
    alt = alt_bars(plotted, category=category, value=value, kind=kind, decimals=decimals)
    return attach(fig, kind="bars", alt=alt, data=plotted)


def alt_grouped(data: pd.DataFrame, *, category, round, value, rounds, decimals=0) -> str:
    lines = []
    for cat, group in data.groupby(category, sort=False):
        by_round = dict(zip(group[round], group[value]))
        parts = [f"{value_text(by_round[r], 'pct', decimals)} i {r}" for r in rounds
                 if r in by_round and pd.notna(by_round[r])]
        missing = [str(r) for r in rounds if r not in by_round or pd.isna(by_round[r])]
        note = f" (ikke spurt {join(missing)})" if missing else ""
        lines.append(f"{cat}: {join(parts)}{note}")
    return (f"Liggende søylediagram som sammenligner {join(rounds)}. " + "; ".join(lines) + ".")


def grouped_bars(data: pd.DataFrame, *, category="category", round="round", value="share",
                 rounds=None, sort=True, decimals=0, label_width=40):
    """Two (or more) survey rounds side by side per answer option, e.g. 2022 against 2024.

    data: rows (category, round, value[, n]). An option missing in a round (no row, or NaN)
    was not asked then: it gets no bar and its label says «(ikke spurt 2022)».
    Sorted by the latest round's value.
    """
    require(data, category, round, value)
    rounds = list(rounds or sorted(data[round].unique()))
    latest = data[data[round] == rounds[-1]].set_index(category)[value]
    order = order_categories(data, category, latest, sort)
    full = pd.MultiIndex.from_product([order, rounds], names=[category, round])
    plotted = data.set_index([category, round]).reindex(full).reset_index()
    labels = []
    for cat in order:
        vals = plotted[plotted[category] == cat].set_index(round)[value]
        missing = [str(r) for r in rounds if pd.isna(vals.get(r))]
        labels.append(f"{wrap(cat, label_width)}\n(ikke spurt {join(missing)})" if missing
                      else wrap(cat, label_width))
    k = len(rounds)
    height = 1.9 + max(BAR_CM * n_lines(labels, label_width), 0.42 * k * len(order))
    fig, ax = style.new_figure(height, layout="constrained")
    colors = list(style.ROUNDS) if k == 2 else style.sequential(k)
    with style.house():
        bar_h = 0.8 / k
        vmax = max(plotted[value].max(skipna=True), 1e-9)
        for j, (rnd, color) in enumerate(zip(rounds, colors)):
            vals = plotted[plotted[round] == rnd].set_index(category)[value].reindex(order)
            ys = [i - 0.4 + bar_h * (j + 0.5) for i in range(len(order))]
            ax.barh(ys, vals.fillna(0), height=bar_h * 0.92, color=color, label=str(rnd),
                    edgecolor=style.edge_color(color), linewidth=0.6)
            for y, v in zip(ys, vals):
                if pd.notna(v):
                    ax.text(v + vmax * 0.012, y, value_text(v, "pct", decimals),
                            va="center", fontsize=8.5)
        ax.set_yticks(range(len(order)), labels)
        _hbar_axes(ax, vmax * 1.14)
        ax.legend(loc="lower right", ncols=k, bbox_to_anchor=(1, 1), borderaxespad=0.2)
    alt = alt_grouped(plotted, category=category, round=round, value=value, rounds=rounds,
                      decimals=decimals)
    return attach(fig, kind="grouped_bars", alt=alt, data=plotted.dropna(subset=[value]),
                  round_col=round)


def alt_county(data: pd.DataFrame, *, county, year, value, years, kind) -> str:
    totals = data.groupby(year, sort=False)[value].sum().reindex(years)
    sums = ", ".join(f"{y} {value_text(v, kind)}" for y, v in totals.items())
    peak_year = totals.idxmax()
    top = data[data[year] == peak_year].nlargest(3, value)
    tops = join(f"{c} ({value_text(v, kind)})" for c, v in zip(top[county], top[value]))
    return (f"Søylediagram med ett panel per fylke og én søyle per år ({years[0]}–{years[-1]}). "
            f"Sum per år: {sums}. Høyest i {peak_year}: {tops}.")


def county_bars(data: pd.DataFrame, *, county="county", year="year", value="value",
                years=None, year_labels=None, kind="mill_kr", ncols=3):
    """Small multiples: one panel per county, one bar per year, shared y axis.

    kind='mill_kr' plots kroner on an axis in millions («mill. kr»); 'int' plain counts.
    year_labels maps a year to its tick label, e.g. {2024: "2024*"} for a part year.
    """
    require(data, county, year, value)
    years = list(years or sorted(data[year].unique()))
    counties = list(dict.fromkeys(data[county]))
    nrows = grid_rows(len(counties), ncols)
    fig, axes = style.new_figure(2 + 3.6 * nrows, ncols=ncols, nrows=nrows, sharey=True,
                                 layout="constrained", squeeze=False)
    color = style.BLUE
    with style.house():
        vmax = max(data[value].max(), 1e-9)
        ticks = [str((year_labels or {}).get(y, y)) for y in years]
        for ax, name in zip(grid_panels(axes, len(counties)), counties):
            vals = data[data[county] == name].set_index(year)[value].reindex(years).fillna(0)
            ax.bar(range(len(years)), vals, color=color, width=0.72)
            ax.set_title(wrap(name, 22), loc="left", fontsize=8.5)
            ax.set_xticks(range(len(years)), ticks)
            ax.tick_params(axis="x", length=0, labelsize=7.5)
            ax.set_ylim(0, vmax * 1.08)
            ax.grid(axis="y", color=style.GRID, linewidth=0.5)
            ax.set_axisbelow(True)
            if kind == "mill_kr":
                ax.yaxis.set_major_formatter(style.millions_formatter())
            else:
                ax.yaxis.set_major_formatter(style.number_formatter())
        if kind == "mill_kr":
            fig.supylabel("Millioner kroner", fontsize=8.5)
    alt = alt_county(data, county=county, year=year, value=value, years=years, kind=kind)
    return attach(fig, kind="county_bars", alt=alt, data=data)
