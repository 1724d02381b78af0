"""Line charts in panels: one or more series per panel, panels stacked vertically with their
own titles («A: …») and y axes (e.g. a cost–benefit model's curves over months since start).
"""

from __future__ import annotations

import pandas as pd

from .. import fmt, style
from ._common import attach, join, levels, require, rows_of, value_text

DASHES = ("-", "--", "-.", ":")


def alt_lines(data, *, x, y, series, panel, panels, kind, decimals, x_label,
              panel_kinds=None) -> str:
    parts = []
    for p in panels:
        kind_p, dec_p = (panel_kinds or {}).get(p, (kind, decimals))
        sub = rows_of(data, panel, p)
        names = list(dict.fromkeys(sub[series])) if series else [None]
        bits = []
        for s in names:
            line = rows_of(sub, series, s)
            peak = line.loc[line[y].idxmax()]
            low = line.loc[line[y].idxmin()]
            label = f"{s}: " if s is not None else ""
            bits.append(f"{label}høyest {value_text(peak[y], kind_p, dec_p)} ved "
                        f"{fmt.decimal(peak[x], 0)}, lavest {value_text(low[y], kind_p, dec_p)} "
                        f"ved {fmt.decimal(low[x], 0)}")
        parts.append((f"{p}: " if p else "") + "; ".join(bits))
    x_min, x_max = data[x].min(), data[x].max()
    return (f"Linjediagram{' i ' + str(len(panels)) + ' paneler' if len(panels) > 1 else ''} "
            f"over {x_label} {fmt.decimal(x_min, 0)}–{fmt.decimal(x_max, 0)}. "
            + ". ".join(parts) + ".")


def line_panels(data: pd.DataFrame, *, x: str = "x", y: str = "value", series: str | None = None,
                panel: str | None = None, panels=None, series_order=None, kind: str = "kr",
                decimals: int = 0, x_label: str = "måneder", y_label: str | None = None,
                zero_line: bool = True, height_cm: float = 6.5, panel_kinds: dict | None = None):
    """Panels of line charts from tidy data (x, value[, series][, panel]).

    kind: 'kr', 'pct' or 'number' for the y ticks and the alt text; `panel_kinds` maps a panel
    to its own (kind, decimals) when the panels differ (shares in one, kroner in another).
    Each series keeps its colour and dash pattern across panels (colour is never the only cue).
    """
    require(data, x, y, *(c for c in (series, panel) if c))
    panels = levels(data, panel, panels)
    names = levels(data, series, series_order)
    if len(names) > len(style.OKABE_ITO):
        raise ValueError(f"høyst {len(style.OKABE_ITO)} serier")
    fig, axes = style.new_figure(height_cm * len(panels) + 1.0, nrows=len(panels),
                                 layout="constrained", squeeze=False)
    def formatter(kind_p, dec_p):
        return style.pct_formatter(dec_p) if kind_p == "pct" else style.number_formatter(dec_p)

    with style.house():
        for ax, p in zip(axes[:, 0], panels):
            kind_p, dec_p = (panel_kinds or {}).get(p, (kind, decimals))
            sub = rows_of(data, panel, p)
            for i, s in enumerate(names):
                line = rows_of(sub, series, s)
                if line.empty:
                    continue
                ax.plot(line[x], line[y], color=style.OKABE_ITO[i], linestyle=DASHES[i % 4],
                        linewidth=1.6, label=s)
            if zero_line and kind_p != "pct":
                ax.axhline(0, color=style.TEXT, linewidth=0.6)
            if p:
                ax.set_title(str(p), loc="left")
            ax.yaxis.set_major_formatter(formatter(kind_p, dec_p))
            if y_label:
                ax.set_ylabel(y_label)
            ax.set_xlabel(x_label.capitalize())
            if series and len([s for s in names if (sub[series] == s).any()]) > 1:
                ax.legend(frameon=False, loc="best")
    tidy = data.reset_index(drop=True)
    alt = alt_lines(data, x=x, y=y, series=series, panel=panel, panels=panels, kind=kind,
                    decimals=decimals, x_label=x_label, panel_kinds=panel_kinds)
    return attach(fig, kind="line_panels", alt=alt, data=tidy)


__all__ = ["line_panels", "alt_lines", "join"]
