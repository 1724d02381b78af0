"""A text box as a figure: a reproduced message, form or template (e.g. the message a user
receives), drawn as lines of text in a framed box, with the text itself as alt text and data.

    text_box([("lead", "Melding til sjukemeld:"), ("text", "Du har no vore …"),
              ("strong", "«Eg reknar med …»"), ("option", "Passar svært godt")])

Line kinds: ``lead`` (italic, semibold), ``text`` (italic, wrapped), ``strong`` (semibold,
wrapped), ``option`` (indented answer option in guillemets), ``plain`` (wrapped).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.patches import Rectangle

from .. import style
from ._common import attach, canvas, wrap

LINE_KINDS = ("lead", "text", "strong", "option", "plain")
_CHARS = 88


def text_box(lines, *, title: str = "Tekstboks"):
    """Draw `lines` [(kind, text), …] in a framed box 16 cm wide; returns the Figure with the
    alt text («Tekstboks: …», the whole text in order) and the lines as data (kind, text)."""
    rows = []
    for i, (kind, text) in enumerate(lines):
        if kind not in LINE_KINDS:
            raise ValueError(f"text_box: line {i}: kind {kind!r} is not one of {list(LINE_KINDS)}")
        shown = f"«{text}»" if kind == "option" else str(text)
        wrapped = wrap(shown, _CHARS - (6 if kind == "option" else 0))
        rows.append((kind, shown, wrapped, wrapped.count("\n") + 1))
    line_h, gap = 0.44, 0.22
    height = 0.8 + sum(n * line_h + gap for *_, n in rows)
    fig, ax = canvas(height)
    with style.house():
        ax.add_patch(Rectangle((0.05, -height + 0.05), 15.9, height - 0.1, facecolor="#F4F7FB",
                               edgecolor=style.BLUE, lw=0.8))
        y = -0.4
        for kind, _shown, wrapped, n in rows:
            ax.text(1.1 if kind == "option" else 0.5, y, wrapped, va="top", fontsize=9,
                    fontstyle="italic" if kind in ("lead", "text") else "normal",
                    fontweight="semibold" if kind in ("lead", "strong") else "normal",
                    linespacing=1.35)
            y -= n * line_h + gap
    alt = f"{title}: " + " ".join(shown for _k, shown, _w, _n in rows)
    data = pd.DataFrame([(k, s) for k, s, _w, _n in rows], columns=["del", "tekst"])
    return attach(fig, kind="text_box", alt=alt, data=data)
