"""Conceptual diagrams from a small spec: the OECD DAC criteria (seed 004, Figur 1) and a
logic model (columns of boxes joined by arrows). No data; the «data» is the spec itself.
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from .. import style
from ._common import attach, canvas, join, mid, text_width_cm, wrap, wrap_cm

DAC_CRITERIA = ("Relevans", "Samstemthet", "Måloppnåelse", "Effektivitet", "Virkninger",
                "Bærekraft")
DAC_DEFAULT = ("Relevans", "Samstemthet", "Måloppnåelse")


def alt_dac(criteria, highlight, title) -> str:
    text = (f"Diagram over {title}: {join(mid(c) for c in criteria)}, plassert i en ring.")
    if highlight:
        text += (f" De {len(highlight)} kriteriene evalueringen bruker er uthevet: "
                 f"{join(mid(c) for c in highlight)}.")
    return text


def dac_diagram(highlight=DAC_DEFAULT, *, criteria=DAC_CRITERIA,
                title="OECDs DAC-kriterier"):
    """Six criteria in a ring around the title; the `highlight`ed ones dark blue, others grey."""
    unknown = set(highlight) - set(criteria)
    if unknown:
        raise ValueError(f"ukjente kriterier {sorted(unknown)}; kjente: {list(criteria)}")
    fig, ax = canvas(8.0, xlim=(-2.1, 2.1), ylim=(-1.05, 1.05))
    with style.house():
        ax.set_aspect("equal")
        ax.add_patch(Circle((0, 0), 0.52, facecolor="white", edgecolor=style.BLUE, lw=1.2))
        ax.text(0, 0, wrap(title, 14), ha="center", va="center", fontsize=10,
                fontweight="semibold", color=style.BLUE)
        k = len(criteria)
        for i, name in enumerate(criteria):
            angle = math.pi / 2 - 2 * math.pi * i / k
            x, y = 1.5 * math.cos(angle), 0.8 * math.sin(angle)
            on = name in highlight
            face = style.BLUE if on else style.MUTED
            ax.add_patch(FancyBboxPatch((x - 0.42, y - 0.17), 0.84, 0.34,
                                        boxstyle="round,pad=0.02,rounding_size=0.12",
                                        facecolor=face, edgecolor=style.BLUE if on else "#8C8C8C",
                                        lw=0.8))
            ax.text(x, y, name, ha="center", va="center", fontsize=10,
                    fontweight="semibold" if on else "normal", color=style.text_color(face))
            inner = (0.52 * math.cos(angle), 0.52 * math.sin(angle))
            outer = (x - 0.44 * math.copysign(1, x) if abs(x) > 0.1 else x,
                     y - 0.19 * math.copysign(1, y) if abs(x) <= 0.1 else y)
            ax.plot([inner[0], outer[0]], [inner[1], outer[1]], color="#8C8C8C", lw=0.7)
    spec = pd.DataFrame({"kriterium": list(criteria),
                         "brukt_i_evalueringen": [c in highlight for c in criteria]})
    return attach(fig, kind="dac_diagram", alt=alt_dac(criteria, highlight, title), data=spec)


# Box colours of a logic model with actor groups, in legend order: dark blue, light blue, grey,
# white (the convention of seed 000's Figur 1-1: NAV actors blue, the person grey, others white).
LOGIC_GROUP_COLORS = (style.BLUES[5], style.BLUES[2], "#BFBFBF", "#FFFFFF", style.BLUES[0],
                      style.NEUTRAL)


def _split_box(box) -> tuple[str, str | None]:
    if isinstance(box, str):
        return box, None
    text, group = box
    return str(text), (None if group is None else str(group))


def alt_logic(columns, groups=None) -> str:
    def name(box):
        text, group = _split_box(box)
        return f"{mid(text)} [{mid(group)}]" if groups and group else mid(text)
    parts = [f"{title} ({'; '.join(name(b) for b in boxes)})" for title, boxes in columns]
    text = (f"Logikkmodell i {len(columns)} kolonner fra venstre mot høyre, forbundet med piler: "
            + ", ".join(parts[:-1]) + " og " + parts[-1] + "." if len(parts) > 1
            else f"Logikkmodell: {parts[0]}.")
    if groups:
        text += " Fargene viser hvem som utfører: " + join(mid(g) for g in groups) + "."
    return text


BOX_FONT, LEGEND_FONT = 8.5, 8  # pt
BOX_PAD_CM = 0.2          # the text's margin inside a box, each side
LEGEND_KEY_CM, LEGEND_GAP_CM, LEGEND_SEP_CM, LEGEND_ROW_CM = 0.6, 0.2, 0.7, 0.5


def legend_rows(labels, width_cm: float) -> list[list[tuple[str, float]]]:
    """A legend laid out left to right: rows of (label, x in cm), each entry a key, a gap and
    its label on one line, LEGEND_SEP_CM between entries; an entry that would run past
    width_cm starts a new row."""
    rows: list[list[tuple[str, float]]] = [[]]
    x = 0.0
    for label in labels:
        w = LEGEND_KEY_CM + LEGEND_GAP_CM + text_width_cm(label, LEGEND_FONT)
        if rows[-1] and x + w > width_cm:
            rows.append([])
            x = 0.0
        rows[-1].append((label, x))
        x += w + LEGEND_SEP_CM
    return rows


def logic_model(columns, *, groups=None, chars_per_cm=5.6):
    """Columns of boxes joined by arrows, e.g.
    [("Innsatsfaktorer", ["Tilskudd", "Ekspert"]), ("Aktiviteter", [...]), ("Effekter", [...])].

    Box text wraps to the box width, measured in the house font; all boxes get the height of
    the tallest. (chars_per_cm sets the wrapping of the column titles.)

    Colour by actor: give each box as (text, group) and `groups` as the groups in legend order,
    either a list (colours from LOGIC_GROUP_COLORS in turn) or a mapping group → "#rrggbb". A
    legend under the boxes names each group; a box whose group is not in `groups` is an error.
    """
    palette = _group_palette(columns, groups)
    k = len(columns)
    rows = max(len(boxes) for _, boxes in columns)
    width_chars = max(8, int(16 / k * 0.8 * chars_per_cm))
    unit_cm = 16 / k  # one column, in cm
    w = 0.8
    wrapped = [[wrap_cm(_split_box(b)[0], w * unit_cm - 2 * BOX_PAD_CM, BOX_FONT) for b in boxes]
               for _, boxes in columns]
    lines = max(t.count("\n") + 1 for col in wrapped for t in col)
    box_h = 0.55 + 0.42 * lines  # cm
    row_h = box_h + 0.5
    legend = legend_rows(list(palette), 16 - 0.4) if palette else []
    legend_h = 0.4 + LEGEND_ROW_CM * len(legend) if palette else 0.0
    total = 1.4 + rows * row_h + legend_h
    fig, ax = canvas(total, xlim=(0, k), ylim=(-total + 1.4, 1.4))
    with style.house():
        for j, ((title, _), boxes) in enumerate(zip(columns, wrapped)):
            cx = j + 0.5
            ax.text(cx, 0.75, wrap(title, width_chars), ha="center", va="center",
                    fontweight="semibold", fontsize=9.5, color=style.BLUE)
            offset = (rows - len(boxes)) / 2
            for i, text in enumerate(boxes):
                cy = -(offset + i + 0.5) * row_h
                group = _split_box(columns[j][1][i])[1]
                face = palette[group] if palette else style.BLUES[1]
                ax.add_patch(FancyBboxPatch((cx - w / 2, cy - box_h / 2), w, box_h,
                                            boxstyle="round,pad=0,rounding_size=0.06",
                                            mutation_aspect=1 / (k / 16 * 2.54 * 4),
                                            facecolor=face, edgecolor=style.BLUE, lw=0.8))
                ax.text(cx, cy, text, ha="center", va="center", fontsize=BOX_FONT,
                        color=style.text_color(face))
            if j < k - 1:
                ax.add_patch(FancyArrowPatch((cx + w / 2 + 0.02, -rows * row_h / 2),
                                             (cx + 1 - w / 2 - 0.02, -rows * row_h / 2),
                                             arrowstyle="-|>", mutation_scale=12,
                                             color=style.BLUE, lw=1.2))
        for r, entries in enumerate(legend):
            y = -rows * row_h - 0.2 - LEGEND_ROW_CM * (r + 0.5)
            for group, x_cm in entries:
                x = (x_cm + 0.2) / unit_cm
                ax.add_patch(FancyBboxPatch((x, y - 0.12), LEGEND_KEY_CM / unit_cm, 0.24,
                                            boxstyle="round,pad=0,rounding_size=0.03",
                                            facecolor=palette[group], edgecolor=style.BLUE,
                                            lw=0.8))
                ax.text(x + (LEGEND_KEY_CM + LEGEND_GAP_CM) / unit_cm, y, group,
                        ha="left", va="center", fontsize=LEGEND_FONT, color=style.TEXT)
    rows_out = []
    for title, boxes in columns:
        for box in boxes:
            text, group = _split_box(box)
            rows_out.append((title, text) + ((group,) if palette else ()))
    spec = pd.DataFrame(rows_out, columns=["kolonne", "boks"] + (["gruppe"] if palette else []))
    return attach(fig, kind="logic_model", alt=alt_logic(columns, list(palette or ())),
                  data=spec)


def _group_palette(columns, groups) -> dict[str, str] | None:
    used = [_split_box(b)[1] for _, boxes in columns for b in boxes]
    if groups is None:
        if any(g is not None for g in used):
            raise ValueError("logic_model: boksene har grupper, men groups= mangler")
        return None
    if isinstance(groups, dict):
        palette = {str(g): str(c) for g, c in groups.items()}
    else:
        names = [str(g) for g in groups]
        if len(names) > len(LOGIC_GROUP_COLORS):
            raise ValueError(f"logic_model: {len(names)} grupper, men bare "
                             f"{len(LOGIC_GROUP_COLORS)} farger; gi groups som {{gruppe: farge}}")
        palette = dict(zip(names, LOGIC_GROUP_COLORS))
    unknown = sorted({g for g in used if g not in palette}, key=str)
    if unknown:
        raise ValueError(f"logic_model: ukjente grupper {unknown}; kjente: {list(palette)}")
    return palette
