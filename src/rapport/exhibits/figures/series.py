"""Time series in a grid of panels, and 100 % stacked bars by group.

`series_grid` covers county series with a few highlighted counties (the rest thin and grey),
small multiples with one panel per measure (free y scales), composition series (shares of a
group over time) and difference series (one unit minus the others, with a zero line).
`stacked_shares` draws, per group (e.g. an office-size band), the parts of 100 % side by side.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.ticker import FuncFormatter, MultipleLocator

from .. import fmt, style
from ._common import (attach, grid_panels, grid_rows, join, levels, require, rows_of,
                      value_text)

DASHES = ("-", "--", "-.", ":")
GREY = "#A6A6A6"


def _formatter(kind: str, decimals: int):
    if kind == "pct":
        return style.pct_formatter(decimals)
    if kind == "permille":
        return style.number_formatter(decimals)
    return style.number_formatter(decimals)


def year_ticks(ax, values: pd.Series, *, most: int = 7) -> None:
    """Years on the x axis, at most `most` labels, every 1, 2, 5 or 10 years: whole years for
    numbers (never «2012.5»), and for timestamps (months) the Januaries, the axis ending at the
    data (no year outside the series)."""
    dates = pd.api.types.is_datetime64_any_dtype(values)
    if not dates and not (pd.api.types.is_numeric_dtype(values)
                          and (values.dropna() % 1 == 0).all()):
        return
    first, last = values.min(), values.max()
    span = (last.year - first.year) if dates else (last - first)
    step = next((b for b in (1, 2, 5, 10, 20, 50) if span / b < most), 100)
    if dates:
        ax.xaxis.set_major_locator(mdates.YearLocator(step))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.set_xlim(first, last)
    else:
        ax.xaxis.set_major_locator(MultipleLocator(step))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.0f}"))


def _value(v, kind, decimals) -> str:
    if kind == "permille":
        return f"{fmt.decimal(v, decimals)} promille"
    if kind == "pp":
        return f"{fmt.decimal(v * 100, decimals)} prosentpoeng"
    return value_text(v, "pct" if kind == "pct" else "number", decimals)


def _x_text(value) -> str:
    if isinstance(value, pd.Timestamp):
        return fmt.month_year(value.date())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def alt_series(data, *, x, y, series, facet, facets, highlight, kind, decimals,
               x_label, facet_kinds=None) -> str:
    parts = []
    for f in facets:
        sub = rows_of(data, facet, f)
        kind_f, dec_f = (facet_kinds or {}).get(f, (kind, decimals))
        first, last = sub[x].min(), sub[x].max()
        shown = [s for s in dict.fromkeys(sub[series])] if series else [None]
        named = [s for s in shown if not highlight or s in highlight]
        bits = []
        for s in named:
            line = rows_of(sub, series, s)
            a = line.loc[line[x] == first, y]
            b = line.loc[line[x] == last, y]
            if a.empty or b.empty:
                continue
            bits.append(f"{str(s) + ': ' if s is not None else ''}"
                        f"{_value(a.iloc[0], kind_f, dec_f)} i {_x_text(first)}, "
                        f"{_value(b.iloc[0], kind_f, dec_f)} i {_x_text(last)}")
        rest = [s for s in shown if highlight and s not in highlight]
        if rest:
            end = sub[(sub[x] == last) & sub[series].isin(rest)][y]
            bits.append(f"øvrige ({len(rest)}) mellom {_value(end.min(), kind_f, dec_f)} og "
                        f"{_value(end.max(), kind_f, dec_f)} i {_x_text(last)}")
        parts.append((f"{f}: " if f is not None else "") + "; ".join(bits))
    n = len(facets)
    return (f"Linjediagram{' i ' + str(n) + ' paneler' if n > 1 else ''} over {x_label}. "
            + ". ".join(parts) + ".")


def series_grid(data: pd.DataFrame, *, x: str = "x", y: str = "value",
                series: str | None = None, facet: str | None = None, facets=None,
                series_order=None, highlight=None, ncols: int = 1, sharey: bool = False,
                kind: str = "number", decimals: int = 0, x_label: str = "år",
                y_label: str | None = None, zero_line: bool = False,
                panel_cm: float = 5.5, legend: bool = True, facet_kinds: dict | None = None):
    """Line series (x, y[, series]) in panels (`facet`, `ncols` columns, own y scales unless
    `sharey`).

    highlight: series drawn in colour with their own dash pattern (at most 8, e.g. two
               counties); every other series is a thin grey line, labelled «Øvrige» in the
               legend. Without it, every series is coloured (at most 8).
    kind:      'number', 'pct' (shares 0–1), 'permille' (values already in ‰) or 'pp'
               (differences of shares, drawn in percentage points) for ticks and alt text.
    zero_line: a line at 0 (difference series).
    facet_kinds: facet → (kind, decimals) where panels differ (counts in one, shares in another).
    Colours follow a series' place among the coloured series of its panel; when the panels hold
    different series, each panel gets its own legend, else one legend under the figure.
    x may be numbers (years) or timestamps (months).
    """
    require(data, x, y, *(c for c in (series, facet) if c))
    facets = levels(data, facet, facets)
    names = levels(data, series, series_order)
    if highlight:
        unknown = [h for h in highlight if h not in names]
        if unknown:
            raise KeyError(f"highlight: no series {unknown}")
    per_facet = {}
    for f in facets:
        sub = rows_of(data, facet, f)
        present = set(sub[series]) if series else {None}
        per_facet[f] = [s for s in names if s in present and (not highlight or s in highlight)]
        if len(per_facet[f]) > len(style.OKABE_ITO):
            raise ValueError(f"høyst {len(style.OKABE_ITO)} fargede serier per panel; "
                             "bruk highlight=")
    shared = len({tuple(v) for v in per_facet.values()}) == 1
    nrows = grid_rows(len(facets), ncols)
    fig, axes = style.new_figure(panel_cm * nrows + 1.2, nrows=nrows, ncols=ncols,
                                 sharey=sharey, layout="constrained", squeeze=False)
    with style.house():
        for k, (ax, f) in enumerate(zip(grid_panels(axes, len(facets)), facets)):
            sub = rows_of(data, facet, f)
            kind_f, dec_f = (facet_kinds or {}).get(f, (kind, decimals))
            scale = 100 if kind_f == "pp" else 1
            coloured = per_facet[f]
            grey_done = False
            for s in names:
                line = rows_of(sub, series, s).sort_values(x)
                if line.empty:
                    continue
                if s in coloured:
                    i = coloured.index(s)
                    ax.plot(line[x], line[y] * scale, color=style.OKABE_ITO[i],
                            linestyle=DASHES[i % 4], linewidth=1.8, label=s, zorder=3)
                else:
                    ax.plot(line[x], line[y] * scale, color=GREY, linewidth=0.8, zorder=2,
                            label=None if grey_done else "Øvrige")
                    grey_done = True
            if zero_line:
                ax.axhline(0, color=style.TEXT, linewidth=0.6)
            year_ticks(ax, sub[x])
            if f is not None:
                ax.set_title(str(f), loc="left")
            ax.yaxis.set_major_formatter(_formatter("number" if kind_f == "pp" else kind_f,
                                                    dec_f))
            if y_label and k % ncols == 0:
                ax.set_ylabel(y_label)
            if legend and series and not shared and len(coloured) > 1:
                # below the panel: inside it, a legend of many series covers lines
                ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.12),
                          ncols=min(3, len(coloured)), fontsize=7)
        if legend and series and shared:
            handles, labels = axes.flat[0].get_legend_handles_labels()
            if len(handles) > 1:
                fig.legend(handles, labels, loc="outside lower center", frameon=False,
                           ncols=min(4, len(handles)))
    alt = alt_series(data, x=x, y=y, series=series, facet=facet, facets=facets,
                     highlight=highlight, kind=kind, decimals=decimals, x_label=x_label,
                     facet_kinds=facet_kinds)
    return attach(fig, kind="series_grid", alt=alt, data=data.reset_index(drop=True))


def alt_stacked(data, *, group, part, value, panel, panels, groups) -> str:
    out = []
    for p in panels:
        sub = rows_of(data, panel, p)
        bits = []
        for g in groups:
            row = sub[sub[group] == g].sort_values(value, ascending=False)
            if row.empty:
                continue
            top = row.iloc[0]
            bits.append(f"{g}: størst {top[part]} ({fmt.pct(top[value])})")
        out.append((f"{p}: " if p else "") + "; ".join(bits))
    return (f"Stablede søyler, 100 prosent per gruppe ({join(groups)}). " + ". ".join(out) + ".")


def stacked_shares(data: pd.DataFrame, *, group: str = "group", part: str = "part",
                   value: str = "share", panel: str | None = None, panels=None,
                   groups=None, parts=None, label_min: float = 0.06, row_cm: float = 0.8):
    """Horizontal 100 % stacked bars: one bar per `group`, split into `part` shares (0–1,
    summing to 1 per group and panel), panels stacked vertically, one legend. Shares of at
    least `label_min` are written in their segment."""
    require(data, group, part, value, *([panel] if panel else []))
    panels = levels(data, panel, panels)
    groups = list(groups or dict.fromkeys(data[group]))
    parts = list(parts or dict.fromkeys(data[part]))
    keys = [group, part] + ([panel] if panel else [])
    if data.duplicated(keys).any():
        raise ValueError("stacked_shares: one row per group and part (and panel)")
    sums = data.groupby([c for c in keys if c != part])[value].sum()
    if ((sums - 1).abs() > 1e-6).any():
        raise ValueError("stacked_shares: the shares of a group do not sum to 1 "
                         f"({sums[(sums - 1).abs() > 1e-6].index[0]})")
    colours = (list(style.OKABE_ITO) + list(style.BLUES) + list(style.ORANGES))[:len(parts)]
    if len(parts) > len(colours):
        raise ValueError(f"høyst {len(colours)} deler")
    height = row_cm * len(groups) * len(panels) + 1.2 * len(panels) + 0.4 * len(parts) + 1
    fig, axes = style.new_figure(height, nrows=len(panels), layout="constrained", squeeze=False)
    with style.house():
        for ax, p in zip(axes[:, 0], panels):
            sub = rows_of(data, panel, p)
            table = sub.pivot_table(index=group, columns=part, values=value, aggfunc="sum",
                                    fill_value=0).reindex(index=groups, columns=parts,
                                                          fill_value=0)
            left = pd.Series(0.0, index=groups)
            for i, name in enumerate(parts):
                width = table[name]
                ax.barh(range(len(groups)), width, left=left, color=colours[i],
                        edgecolor="white", linewidth=0.5, label=name)
                for j, (w, lft) in enumerate(zip(width, left)):
                    if w >= label_min:
                        ax.text(lft + w / 2, j, fmt.pct(w), ha="center", va="center",
                                fontsize=7, color=style.text_color(colours[i]))
                left = left + width
            ax.set_yticks(range(len(groups)), [str(g) for g in groups])
            ax.set_ylim(len(groups) - 0.5, -0.5)
            ax.set_xlim(0, 1)
            ax.xaxis.set_major_formatter(style.pct_formatter(0))
            if p is not None:
                ax.set_title(str(p), loc="left")
        handles, labels = axes[0, 0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside lower center", frameon=False, ncols=3)
    alt = alt_stacked(data, group=group, part=part, value=value, panel=panel, panels=panels,
                      groups=groups)
    return attach(fig, kind="stacked_shares", alt=alt, data=data.reset_index(drop=True))


__all__ = ["series_grid", "alt_series", "stacked_shares", "alt_stacked"]
