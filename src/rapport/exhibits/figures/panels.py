"""Two-panel categorical bars: two form items with the same answer scale side by side
(«Spørsmål til venstre: … Spørsmål til høyre: …»), each panel its own base.

Takes tidy data (panel, category, share[, n]) and returns a Figure that carries its alt text and
plotted data for :func:`publish_figure`.
"""

from __future__ import annotations

import pandas as pd

from .. import style
from ._common import attach, require, value_text, wrap


def alt_panels(data: pd.DataFrame, *, panel="panel", category="category", value="share",
               panels=None, decimals=0) -> str:
    parts = []
    for name in panels or list(dict.fromkeys(data[panel])):
        rows = data[data[panel] == name]
        vals = ", ".join(f"{c} {value_text(v, 'pct', decimals)}"
                         for c, v in zip(rows[category], rows[value]))
        parts.append(f"{name}: {vals}")
    return "Liggende søylediagram i to paneler. " + ". ".join(parts) + "."


def two_panel_bars(data: pd.DataFrame, *, panel="panel", category="category", value="share",
                   panels=None, categories=None, decimals=0, colors=None, title_width=34):
    """Two panels of horizontal bars over the same answer categories (kept in the given order,
    e.g. Ja, Nei, Delvis, Vet ikke, Ubesvart). Panel titles are the panel labels (wrapped)."""
    require(data, panel, category, value)
    panels = list(panels or dict.fromkeys(data[panel]))
    if len(panels) != 2:
        raise ValueError(f"two_panel_bars: expected 2 panels, got {panels}")
    cats = list(categories or dict.fromkeys(data[category]))
    full = pd.MultiIndex.from_product([panels, cats], names=[panel, category])
    plotted = data.set_index([panel, category]).reindex(full).reset_index()
    plotted[value] = plotted[value].fillna(0.0)
    height = 2.2 + 0.75 * len(cats)
    fig, axes = style.new_figure(height, ncols=2, sharey=True, layout="constrained")
    colors = colors or [style.BLUE, style.BLUE]
    with style.house():
        vmax = max(plotted[value].max(), 1e-9)
        for ax, name, color in zip(axes, panels, colors):
            vals = plotted[plotted[panel] == name].set_index(category)[value].reindex(cats)
            ax.barh(range(len(cats)), vals, height=0.66, color=color,
                    edgecolor=style.edge_color(color), linewidth=0.6)
            for y, v in enumerate(vals):
                ax.text(v + vmax * 0.02, y, value_text(v, "pct", decimals), va="center",
                        fontsize=9)
            ax.set_title(wrap(name, title_width), loc="left", fontsize=9)
            ax.set_xlim(0, vmax * 1.25)
            ax.xaxis.set_visible(False)
            ax.spines["bottom"].set_visible(False)
            ax.tick_params(axis="y", length=0, pad=4)
        axes[0].set_yticks(range(len(cats)), cats)
        axes[0].invert_yaxis()
    alt = alt_panels(plotted, panel=panel, category=category, value=value, panels=panels,
                     decimals=decimals)
    return attach(fig, kind="two_panel_bars", alt=alt, data=plotted)
