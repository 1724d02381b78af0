"""Helpers shared by the figure kinds: metadata on the Figure, label wrapping, Norwegian lists."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from .. import fmt, style

META = "rapport_meta"
LAST = ("annet", "vet ikke", "ingen av disse")


def attach(fig: Figure, *, kind: str, alt: str, data: pd.DataFrame, round_col: str | None = None):
    """Store what publish_figure needs on the Figure: kind, generated alt text, plotted data."""
    setattr(fig, META, {"kind": kind, "alt": alt, "data": data.reset_index(drop=True),
                        "round_col": round_col})
    return fig


def meta(fig: Figure) -> dict:
    return getattr(fig, META, {}) or {}


def wrap(label, width: int = 38) -> str:
    """Wrap a long category label over lines (a bar label in a 16 cm figure)."""
    lines = textwrap.wrap(str(label), width=width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines) or str(label)


def text_width_cm(text: str, fontsize: float, weight: str = "normal") -> float:
    """The width of one line of text in the house font, in cm, measured on its glyph outlines
    (as the SVG draws them: `svg.fonttype: path`)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    prop = FontProperties(family=[style.FONT, "DejaVu Sans"], size=fontsize, weight=weight)
    return TextPath((0, 0), str(text), prop=prop).get_extents().width / 72 * 2.54


def canvas(height_cm: float, *, xlim=(0, 16), ylim=None):
    """A figure 16 cm wide to draw boxes and text on: one axis filling it, without frame or
    ticks, x from `xlim`, y from `ylim` (by default 0 at the top down to −height_cm, so that one
    unit is one cm both ways). Returns (fig, ax)."""
    fig, ax = style.new_figure(height_cm)
    fig.subplots_adjust(0, 0, 1, 1)
    with style.house():
        ax.set_xlim(*xlim)
        ax.set_ylim(*(ylim or (-height_cm, 0)))
        ax.axis("off")
    return fig, ax


def wrap_cm(label, width_cm: float, fontsize: float) -> str:
    """Wrap text over lines no wider than width_cm in the house font (whole words; a word
    wider than the line keeps a line of its own)."""
    lines: list[str] = []
    for word in str(label).split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width_cm(candidate, fontsize) <= width_cm:
            lines[-1] = candidate
        else:
            lines.append(word)
    return "\n".join(lines) or str(label)


def n_lines(labels, width: int = 38) -> int:
    return sum(wrap(label, width).count("\n") + 1 for label in labels)


# Running-text rules live in the one formatter; the figure code uses them under short names.
mid = fmt.mid_sentence
join = fmt.join_list


def value_text(value, kind: str = "pct", decimals: int = 0) -> str:
    """A plotted value as the reader sees it: share → «46 %», else a number or kroner."""
    if kind == "pct":
        return fmt.pct(value, decimals)
    if kind == "kr":
        return fmt.kr(value)
    if kind == "mill_kr":
        return fmt.kr_prose(value)
    return fmt.decimal(value, decimals)


def order_categories(data: pd.DataFrame, category: str, by: pd.Series | None, sort: bool):
    """Category order: descending by `by` if sort, else as given; «Annet»/«Vet ikke» last."""
    cats = list(dict.fromkeys(data[category]))
    if sort and by is not None:
        cats = sorted(cats, key=lambda c: (-(by.get(c, 0) if pd.notna(by.get(c)) else 0)))
    tail = [c for c in cats if str(c).strip().lower().startswith(LAST)]
    return [c for c in cats if c not in tail] + tail


def levels(data: pd.DataFrame, column: str | None, given=None) -> list:
    """What a figure draws one of each (panels, series): `given`, else the values of `column` in
    data order; one (None) without a column."""
    return list(given or (dict.fromkeys(data[column]) if column else [None]))


def rows_of(data: pd.DataFrame, column: str | None, value) -> pd.DataFrame:
    """The rows of one panel or series: those where `column` is `value`; all rows without a
    column."""
    return data[data[column] == value] if column else data


def grid_rows(n: int, ncols: int) -> int:
    """The rows of a grid of `n` panels in `ncols` columns."""
    return -(-n // ncols)


def grid_panels(axes, n: int) -> list:
    """The first `n` panels of a grid of axes, in reading order; the panels beyond them (the
    empty end of the last row) are hidden."""
    flat = list(axes.flat)
    for ax in flat[n:]:
        ax.set_visible(False)
    return flat[:n]


def require(data: pd.DataFrame, *columns: str) -> None:
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise KeyError(f"dataene mangler kolonne(r) {missing}; har {list(data.columns)}")
