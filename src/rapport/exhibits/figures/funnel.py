"""Funnel plots: standardised effect (x) against its standard error (y, larger = less precise,
drawn downwards), one panel per facet (e.g. measure type), with two marker groups (e.g. Nordic
and other studies) and the lines d = ±1,96 · se where an estimate turns significant at 5 %.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import fmt, style
from ._common import attach, grid_panels, grid_rows, join, levels, require

MARKERS = ("o", "^")


def alt_funnel(data, *, x, y, facet, group, facets, groups, z) -> str:
    parts = []
    for f in facets:
        sub = data[data[facet] == f]
        counts = join(f"{int((sub[group] == g).sum())} {g.lower()}" for g in groups)
        sig = int((np.abs(sub[x] / sub[y]) >= z).sum())
        parts.append(f"{f}: {len(sub)} estimater ({counts}), effekt fra "
                     f"{fmt.decimal(sub[x].min(), 2)} til {fmt.decimal(sub[x].max(), 2)}, "
                     f"{sig} signifikante")
    return (f"Traktdiagram i {len(facets)} paneler: standardisert effekt mot standardfeil, med "
            f"linjene effekt = ±{fmt.decimal(z, 2)} × standardfeil. " + "; ".join(parts) + ".")


def funnel_plot(data: pd.DataFrame, *, x: str = "d", y: str = "se_d", facet: str = "type",
                group: str = "gruppe", facets=None, groups=None, z: float = 1.96,
                x_label: str = "Standardisert effekt", y_label: str = "Standardfeil",
                ncols: int = 2):
    """Panels of funnel plots from one row per estimate (x, y, facet, group)."""
    require(data, x, y, facet, group)
    facets = levels(data, facet, facets)
    groups = levels(data, group, groups)
    if len(groups) > len(MARKERS):
        raise ValueError(f"høyst {len(MARKERS)} grupper")
    nrows = grid_rows(len(facets), ncols)
    fig, axes = style.new_figure(6.2 * nrows + 1.4, nrows=nrows, ncols=ncols, sharex=True,
                                 sharey=True, layout="constrained", squeeze=False)
    top = float(data[y].max()) * 1.05
    lim = max(float(np.abs(data[x]).max()) * 1.1, z * top)
    se_line = np.linspace(0, top, 50)
    with style.house():
        for ax, f in zip(grid_panels(axes, len(facets)), facets):
            sub = data[data[facet] == f]
            for i, g in enumerate(groups):
                part = sub[sub[group] == g]
                ax.scatter(part[x], part[y], marker=MARKERS[i], s=22,
                           facecolor=style.OKABE_ITO[i] if i == 0 else "none",
                           edgecolor=style.OKABE_ITO[i], linewidth=1.0, label=g)
            for sign in (-1, 1):
                ax.plot(sign * z * se_line, se_line, color=style.TEXT, linewidth=0.7,
                        linestyle="--")
            ax.axvline(0, color=style.GRID, linewidth=0.8)
            ax.set_title(str(f), loc="left")
            ax.set_xlim(-lim, lim)
            ax.set_ylim(top, 0)
            ax.xaxis.set_major_formatter(style.number_formatter(2))
            ax.yaxis.set_major_formatter(style.number_formatter(2))
        for ax in axes[-1, :]:
            ax.set_xlabel(x_label)
        for ax in axes[:, 0]:
            ax.set_ylabel(y_label)
        handles, labels = axes.flat[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside lower center", ncols=len(groups), frameon=False)
    tidy = data[[facet, group, x, y]].reset_index(drop=True)
    return attach(fig, kind="funnel_plot",
                  alt=alt_funnel(data, x=x, y=y, facet=facet, group=group, facets=facets,
                                 groups=groups, z=z), data=tidy)
