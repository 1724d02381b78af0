"""State distribution over time for two (or more) groups: one panel per group, a 100 % stacked
bar per year with the share in each labour-market state (like a TraMineR `seqdplot`; seed 004,
Figur 21). A part year (e.g. January 2024 only) is drawn faded and marked in its tick label.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.colors import to_rgba
from matplotlib.patches import Patch

from .. import fmt, style
from ._common import attach, join, mid, require

FADE = 0.45


def _state_colors(states, colors):
    if colors:
        return [colors[s] for s in states]
    if len(states) > len(style.OKABE_ITO):
        raise ValueError(f"høyst {len(style.OKABE_ITO)} tilstander")
    return list(style.OKABE_ITO[:len(states)])


def alt_states(data, *, group, year, state, value, groups, states, years, partial) -> str:
    full = [y for y in years if y not in partial]
    first, last = full[0], full[-1]
    parts = []
    for g in groups:
        sub = data[data[group] == g]
        for y in (first, last):
            row = sub[sub[year] == y].set_index(state)[value].reindex(states).fillna(0)
            vals = join(f"{mid(s)} {fmt.pct(v)}" for s, v in row.items())
            parts.append(f"{g} {y}: {vals}")
    note = (f" {join(str(y) for y in partial)} er bare delvis med ({join(partial.values())})."
            if partial else "")
    return (f"Stablede søylediagrammer, ett panel per gruppe ({join(groups)}), som viser "
            f"andelen i hver av {len(states)} tilstander per år {years[0]}–{years[-1]}. "
            + "; ".join(parts) + "." + note)


def state_distribution(data: pd.DataFrame, *, group="group", year="year", state="state",
                       value="share", groups=None, states=None, colors: dict | None = None,
                       partial: dict | None = None):
    """Panels (one per group, stacked vertically) of 100 % stacked bars per year.

    data: rows (group, year, state, share[, n]); `states` gives the stacking order (bottom
    first), `colors` optionally maps state → colour (default Okabe–Ito, grey last for
    «ukjent»), `partial` maps a part year to its note, e.g. {2024: "januar"}: that year is
    faded and its tick reads «2024 (januar)».
    """
    require(data, group, year, state, value)
    groups = list(groups or dict.fromkeys(data[group]))
    states = list(states or dict.fromkeys(data[state]))
    years = sorted(data[year].unique())
    partial = dict(partial or {})
    palette = _state_colors(states, colors)
    fig, axes = style.new_figure(5.2 * len(groups) + 2.2, nrows=len(groups), sharex=True,
                                 layout="constrained", squeeze=False)
    with style.house():
        for ax, g in zip(axes[:, 0], groups):
            sub = data[data[group] == g].pivot_table(index=year, columns=state, values=value,
                                                     aggfunc="sum")
            sub = sub.reindex(index=years, columns=states).fillna(0.0)
            bottom = [0.0] * len(years)
            for s, color in zip(states, palette):
                faces = [to_rgba(color, FADE if y in partial else 1.0) for y in years]
                ax.bar(range(len(years)), sub[s], bottom=bottom, width=0.86, color=faces,
                       edgecolor="white", linewidth=0.5)
                for i, v in enumerate(sub[s]):
                    if v >= 0.06:
                        ax.text(i, bottom[i] + v / 2, fmt.pct(v), ha="center", va="center",
                                fontsize=7.5, color=style.text_color(color),
                                alpha=0.8 if years[i] in partial else 1.0)
                bottom = [b + v for b, v in zip(bottom, sub[s])]
            ax.set_title(g, loc="left")
            ax.set_ylim(0, 1)
            ax.set_xlim(-0.5, len(years) - 0.5)
            ax.yaxis.set_major_formatter(style.pct_formatter())
            ax.tick_params(axis="x", length=0)
        labels = [f"{y}\n({partial[y]})" if y in partial else str(y) for y in years]
        axes[-1, 0].set_xticks(range(len(years)), labels)
        handles = [Patch(facecolor=c, edgecolor="white") for c in palette]
        fig.legend(handles[::-1], states[::-1], loc="outside right upper", handlelength=1.2)
    tidy = data[data[state].isin(states) & data[group].isin(groups)].copy()
    alt = alt_states(data, group=group, year=year, state=state, value=value, groups=groups,
                     states=states, years=years, partial=partial)
    return attach(fig, kind="state_distribution", alt=alt, data=tidy.reset_index(drop=True))
