"""Likert figures: stacked (ordered scale) and diverging bars, «vet ikke» kept apart.

Shares are of all who answered, «vet ikke» included in the denominator (docs/cookbook.md «Conventions»): the scale
bars therefore sum to 100 % minus «vet ikke», which is drawn in its own panel to the right.
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.ticker import MultipleLocator

from .. import fmt, style
from ._common import attach, join, mid, n_lines, require, wrap

MIN_LABEL = 0.062  # segments narrower than this share of the axis get no label (CSV has them)


def _prepare(data, item, level, value, levels, dont_know):
    require(data, item, level, value)
    levels = list(levels or [lv for lv in dict.fromkeys(data[level]) if lv != dont_know])
    items = list(dict.fromkeys(data[item]))
    wide = data.pivot_table(index=item, columns=level, values=value, aggfunc="sum", sort=False)
    wide = wide.reindex(index=items).fillna(0.0)
    has_dk = dont_know in wide.columns and wide[dont_know].gt(0).any()
    scale = wide.reindex(columns=levels).fillna(0.0)
    dk = wide[dont_know] if has_dk else None
    return items, levels, scale, dk


def _figure(items, has_dk, label_width):
    height = 2.2 + 0.75 * max(n_lines(items, label_width), 1.3 * len(items))
    kwargs = {"width_ratios": [8, 1.1]} if has_dk else {}
    fig, axes = style.new_figure(height, ncols=2 if has_dk else 1, sharey=True,
                                 layout="constrained", gridspec_kw=kwargs or None)
    return fig, (axes if has_dk else [axes])


def _segment(ax, y, left, width, color, decimals, span=1.0):
    ax.barh(y, width, left=left, height=0.62, color=color, edgecolor="white", linewidth=0.8)
    if width >= MIN_LABEL * span:
        ax.text(left + width / 2, y, fmt.pct(width, decimals), ha="center", va="center",
                fontsize=8.5, color=style.text_color(color))


def _dk_panel(ax, dk, decimals, dont_know):
    for y, v in enumerate(dk):
        ax.barh(y, v, height=0.62, color=style.DONT_KNOW)
        ax.text(v + 0.02, y, fmt.pct(v, decimals), va="center", fontsize=8.5)
    ax.set_xlim(0, max(0.3, dk.max() * 1.6))
    ax.set_title(dont_know, fontsize=8.5, loc="left", fontweight="normal")
    ax.xaxis.set_visible(False)
    for side in ("bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)


def alt_likert(items, levels, scale, dk, dont_know, decimals=0, what="Stablet") -> str:
    parts = []
    for it in items:
        vals = [f"{mid(lv)} {fmt.pct(scale.loc[it, lv], decimals)}" for lv in levels]
        if dk is not None:
            vals.append(f"{mid(dont_know)} {fmt.pct(dk.loc[it], decimals)}")
        parts.append(f"{it}: {join(vals)}")
    return f"{what} søylediagram. " + "; ".join(parts) + "."


def _tidy(items, levels, scale, dk, item, level, value, dont_know, data):
    rows = [(it, lv, float(scale.loc[it, lv])) for it in items for lv in levels]
    if dk is not None:
        rows += [(it, dont_know, float(dk.loc[it])) for it in items]
    out = pd.DataFrame(rows, columns=[item, level, value])
    if "n" in data.columns:
        out = out.merge(data.groupby(item, sort=False)["n"].max().reset_index(), on=item)
    return out


def likert_stacked(data: pd.DataFrame, *, item="item", level="level", value="share",
                   levels=None, dont_know="Vet ikke", decimals=0, label_width=34):
    """100 % stacked bars, one per item; levels ordered from the strongest («I stor grad»).

    data: rows (item, level, share[, n]); `levels` gives the scale order (without «vet ikke»).
    Colours run dark → light along the scale; «vet ikke» is a grey bar in its own panel.
    """
    items, levels, scale, dk = _prepare(data, item, level, value, levels, dont_know)
    fig, axes = _figure(items, dk is not None, label_width)
    colors = style.sequential(len(levels), reverse=True)
    with style.house():
        ax = axes[0]
        for y, it in enumerate(items):
            left = 0.0
            for lv, color in zip(levels, colors):
                _segment(ax, y, left, scale.loc[it, lv], color, decimals)
                left += scale.loc[it, lv]
        ax.set_yticks(range(len(items)), [wrap(i, label_width) for i in items])
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(style.pct_formatter())
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        ax.invert_yaxis()
        handles = [plt_patch(c) for c in colors]
        if dk is not None:
            _dk_panel(axes[1], dk, decimals, dont_know)
        names = list(levels)
        fig.legend(handles, names, loc="outside upper left", ncols=min(len(handles), 5),
                   handlelength=1.2, columnspacing=1.2)
    alt = alt_likert(items, levels, scale, dk, dont_know, decimals)
    return attach(fig, kind="likert_stacked", alt=alt,
                  data=_tidy(items, levels, scale, dk, item, level, value, dont_know, data))


def likert_diverging(data: pd.DataFrame, *, item="item", level="level", value="share",
                     levels=None, negative: int = 2, neutral: str | None = None,
                     dont_know="Vet ikke", decimals=0, label_width=34):
    """Diverging bars around 0: the first `negative` levels (e.g. «Helt uenig», «Delvis uenig»)
    go left, the rest right; a `neutral` level is split across the centre line.

    `levels` runs from the most negative to the most positive. «Vet ikke» in its own panel.
    """
    items, levels, scale, dk = _prepare(data, item, level, value, levels, dont_know)
    neg = [lv for lv in levels[:negative] if lv != neutral]
    pos = [lv for lv in levels[negative:] if lv != neutral]
    neg_colors = style.oranges(len(neg), reverse=True) if neg else []  # most negative darkest
    pos_colors = style.sequential(len(pos)) if pos else []  # most positive darkest
    fig, axes = _figure(items, dk is not None, label_width)
    half_n = scale[neutral] / 2 if neutral else 0.0
    reach = max((scale[neg].sum(axis=1) + half_n).max(), (scale[pos].sum(axis=1) + half_n).max())
    lim = min(1.0, math.ceil(round(reach * 10, 6)) / 10)
    with style.house():
        ax = axes[0]
        for y, it in enumerate(items):
            half = scale.loc[it, neutral] / 2 if neutral else 0.0
            left = -half
            for lv, color in zip(reversed(neg), reversed(neg_colors)):
                width = scale.loc[it, lv]
                left -= width
                _segment(ax, y, left, width, color, decimals, 2 * lim)
            if neutral:
                _segment(ax, y, -half, 2 * half, style.NEUTRAL, decimals, 2 * lim)
            left = half
            for lv, color in zip(pos, pos_colors):
                _segment(ax, y, left, scale.loc[it, lv], color, decimals, 2 * lim)
                left += scale.loc[it, lv]
        ax.axvline(0, color="#4D4D4D", linewidth=0.8)
        ax.set_yticks(range(len(items)), [wrap(i, label_width) for i in items])
        ax.set_xlim(-lim, lim)
        ax.xaxis.set_major_locator(MultipleLocator(0.2 if lim > 0.5 else 0.1))
        ax.spines["left"].set_visible(False)
        ax.xaxis.set_major_formatter(style.FuncFormatter(lambda x, _p: fmt.pct(abs(x))))
        ax.tick_params(axis="y", length=0)
        ax.invert_yaxis()
        names = neg + ([neutral] if neutral else []) + pos
        handles = [plt_patch(c) for c in neg_colors + ([style.NEUTRAL] if neutral else [])
                   + pos_colors]
        if dk is not None:
            _dk_panel(axes[1], dk, decimals, dont_know)
        fig.legend(handles, names, loc="outside upper left", ncols=min(len(names), 6),
                   handlelength=1.2, columnspacing=1.0)
    ordered = [lv for lv in levels if lv in names]
    alt = alt_likert(items, ordered, scale, dk, dont_know, decimals, what="Divergerende stablet")
    return attach(fig, kind="likert_diverging", alt=alt,
                  data=_tidy(items, ordered, scale, dk, item, level, value, dont_know, data))


def plt_patch(color):
    from matplotlib.patches import Patch

    return Patch(facecolor=color, edgecolor="white")
