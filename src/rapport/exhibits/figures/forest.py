"""Coefficient (forest) plots: one row per estimate (a lag, a model, a group) with its point
estimate and confidence interval, a vertical line at zero; optionally one panel per facet
(e.g. per measure group), panels sharing the x axis."""

from __future__ import annotations

import pandas as pd

from .. import fmt, style
from ._common import attach, grid_panels, grid_rows, levels, require, rows_of


def alt_forest(data, *, label, coef, low, high, facet, facets, decimals) -> str:
    parts = []
    for f in facets:
        sub = rows_of(data, facet, f)
        sig = int(((sub[low] > 0) | (sub[high] < 0)).sum())
        lo, hi = sub[coef].min(), sub[coef].max()
        parts.append((f"{f}: " if f is not None else "")
                     + f"{len(sub)} estimater fra {fmt.decimal(lo, decimals)} til "
                     f"{fmt.decimal(hi, decimals)}, {sig} med konfidensintervall som ikke "
                     f"omfatter null")
    return ("Koeffisientplott med punktestimat og konfidensintervall per rad. "
            + "; ".join(parts) + ".")


def forest_plot(data: pd.DataFrame, *, label: str = "label", coef: str = "coef",
                low: str = "ci_low", high: str = "ci_high", facet: str | None = None,
                facets=None, order=None, x_label: str = "Estimat", decimals: int = 1,
                ncols: int = 1, row_cm: float = 0.45):
    """Rows top to bottom in `order` (default: as in the data)."""
    require(data, label, coef, low, high, *([facet] if facet else []))
    facets = levels(data, facet, facets)
    order = list(order or dict.fromkeys(data[label]))
    nrows = grid_rows(len(facets), ncols)
    fig, axes = style.new_figure(row_cm * len(order) * nrows + 1.6 * nrows + 1.0, nrows=nrows,
                                 ncols=ncols, sharex=True, layout="constrained", squeeze=False)
    with style.house():
        for ax, f in zip(grid_panels(axes, len(facets)), facets):
            sub = rows_of(data, facet, f).set_index(label).reindex(order)
            ypos = range(len(order))
            ax.errorbar(sub[coef], list(ypos),
                        xerr=[sub[coef] - sub[low], sub[high] - sub[coef]], fmt="o",
                        color=style.BLUE, markersize=4, capsize=2, linewidth=1.0)
            ax.axvline(0, color=style.TEXT, linewidth=0.7)
            ax.set_yticks(list(ypos), [str(o) for o in order])
            ax.set_ylim(len(order) - 0.5, -0.5)
            if f is not None:
                ax.set_title(str(f), loc="left")
            ax.xaxis.set_major_formatter(style.number_formatter(decimals))
        for ax in axes[-1, :]:
            ax.set_xlabel(x_label)
    cols = [c for c in (facet, label, coef, low, high) if c]
    return attach(fig, kind="forest_plot",
                  alt=alt_forest(data, label=label, coef=coef, low=low, high=high, facet=facet,
                                 facets=facets, decimals=decimals),
                  data=data[cols].reset_index(drop=True))
