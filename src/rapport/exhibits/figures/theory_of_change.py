"""A theory of change (endringsteori) drawn from a declarative description.

The description is a mapping, usually read from YAML::

    title: Oversiktsmodell over stoppunkt 1
    levels:                      # the chain, read top to bottom
      - title: Behov
        boxes: [Arbeidsgivere mangler kunnskap om egne plikter]
      - title: Tjenester
        kind: service            # normal | service (highlighted) | mechanism (dashed, italic)
        boxes: [Telefonsamtale med arbeidsgiver, E-post med lenker]
    implementation:              # optional: changes in the organisation (grey band at the foot)
      title: Implementeringsutfall
      boxes: [Bedre kjennskap til arbeidsgivere]

:func:`theory_of_change` checks it (:func:`check_spec`, one error naming the key) and draws one
row of boxes per level with arrows from each level to the next; :func:`alt_theory_of_change`
reads the chain in order for the alt text.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from .. import style
from ._common import attach, canvas, join, mid, wrap

KINDS = ("normal", "service", "mechanism")
SERVICE = "#FFE08A"      # the report's yellow contact-point boxes
IMPLEMENTATION = "#E3E3E3"

_TOP_KEYS = {"title", "levels", "implementation", "description"}
_LEVEL_KEYS = {"title", "boxes", "kind", "note"}


class SpecError(ValueError):
    """A theory-of-change description that cannot be drawn; the message names the key."""


def _check_boxes(where: str, level) -> list[str]:
    if not isinstance(level, Mapping):
        raise SpecError(f"{where}: expected a mapping with title and boxes, got {level!r}")
    unknown = set(level) - _LEVEL_KEYS
    if unknown:
        raise SpecError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: "
                        f"{sorted(_LEVEL_KEYS)}")
    if not str(level.get("title") or "").strip():
        raise SpecError(f"{where}.title: missing (each level needs a heading)")
    boxes = level.get("boxes")
    if not isinstance(boxes, list) or not boxes:
        raise SpecError(f"{where}.boxes: expected a non-empty list of texts")
    for i, box in enumerate(boxes):
        if not isinstance(box, str) or not box.strip():
            raise SpecError(f"{where}.boxes[{i}]: expected a text, got {box!r}")
    kind = level.get("kind", "normal")
    if kind not in KINDS:
        raise SpecError(f"{where}.kind: {kind!r} is not one of {list(KINDS)}")
    return boxes


def check_spec(spec: Mapping, *, source: str = "spec") -> Mapping:
    """Return `spec` unchanged if it can be drawn; else raise SpecError naming `source` and the
    key (e.g. «stoppunkt1.yml: levels[2].boxes: expected a non-empty list of texts»)."""
    if not isinstance(spec, Mapping):
        raise SpecError(f"{source}: expected a mapping at the top level")
    unknown = set(spec) - _TOP_KEYS
    if unknown:
        raise SpecError(f"{source}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_TOP_KEYS)}")
    levels = spec.get("levels")
    if not isinstance(levels, list) or len(levels) < 2:
        raise SpecError(f"{source}: levels: expected a list of at least two levels")
    for i, level in enumerate(levels):
        try:
            _check_boxes(f"levels[{i}]", level)
        except SpecError as exc:
            raise SpecError(f"{source}: {exc}") from None
    if spec.get("implementation") is not None:
        try:
            _check_boxes("implementation", spec["implementation"])
        except SpecError as exc:
            raise SpecError(f"{source}: {exc}") from None
    return spec


def alt_theory_of_change(spec: Mapping) -> str:
    """The chain in reading order: «Endringsteori i 6 ledd, lest ovenfra og ned: Behov (…),
    som fører til Innsatsfaktorer (…), …». Highlighted service boxes are named as such."""
    title = str(spec.get("title") or "Endringsteori")
    parts = []
    for level in spec["levels"]:
        boxes = "; ".join(mid(b) for b in level["boxes"])
        marker = " (uthevet)" if level.get("kind") == "service" else ""
        parts.append(f"{level['title']}{marker}: {boxes}")
    text = (f"{title}. Endringsteori i {len(parts)} ledd, lest ovenfra og ned med piler fra "
            f"hvert ledd til det neste. " + ". Deretter ".join(parts) + ".")
    impl = spec.get("implementation")
    if impl:
        text += (f" Nederst, i grått, {mid(impl['title'])}: "
                 f"{join(mid(b) for b in impl['boxes'])}.")
    return text


def _row_layout(boxes: list[str], width: float, per_row: int):
    """Split boxes into rows of at most `per_row`; the box width and wrapped texts per row."""
    rows = [boxes[i:i + per_row] for i in range(0, len(boxes), per_row)]
    gap = 0.25
    out = []
    for row in rows:
        k = len(row)
        w = (width - gap * (k - 1)) / k
        chars = max(10, int(w * 5.8))
        texts = [wrap(b, chars) for b in row]
        lines = max(t.count("\n") + 1 for t in texts)
        out.append((w, texts, 0.35 + 0.36 * lines))
    return out, gap


def theory_of_change(spec: Mapping, *, per_row: int = 4, source: str = "spec"):
    """Draw the theory of change in `spec` (see the module docstring) 16 cm wide.

    One band per level, top to bottom, its title on the left and its boxes to the right (at
    most `per_row` per line); an arrow leads from each level to the next. `kind: service`
    boxes are yellow, `kind: mechanism` boxes dashed and italic; the optional
    `implementation` band sits at the foot in grey. Returns a Figure with alt text and the
    boxes as data (level, box) attached for `publish_figure`.
    """
    check_spec(spec, source=source)
    left, width = 3.75, 12.1
    bands = []
    for level in spec["levels"]:
        rows, gap = _row_layout(level["boxes"], width, per_row)
        bands.append((level, rows, gap, "level"))
    if spec.get("implementation"):
        rows, gap = _row_layout(spec["implementation"]["boxes"], width, per_row)
        bands.append((spec["implementation"], rows, gap, "implementation"))
    arrow_h, row_gap = 0.55, 0.2
    heights = [sum(h for _, _, h in rows) + row_gap * (len(rows) - 1) for _, rows, _, _ in bands]
    total = sum(heights) + arrow_h * (len(bands) - 1) + 0.4
    fig, ax = canvas(total)
    with style.house():
        y = -0.2
        for b, ((level, rows, gap, band), height) in enumerate(zip(bands, heights)):
            kind = level.get("kind", "normal") if band == "level" else "implementation"
            if band == "implementation":
                ax.plot([0.2, 15.8], [y + arrow_h / 2, y + arrow_h / 2], color="#8C8C8C",
                        lw=0.6, ls=(0, (3, 3)))
            ax.text(0.15, y - height / 2, wrap(level["title"], 14), ha="left", va="center",
                    fontsize=8.5, fontweight="semibold", color=style.BLUE)
            face = {"normal": style.BLUES[0], "service": SERVICE, "mechanism": "white",
                    "implementation": IMPLEMENTATION}[kind]
            edge = "#8C8C8C" if kind == "implementation" else style.BLUE
            ry = y
            for w, texts, h in rows:
                for j, text in enumerate(texts):
                    x = left + j * (w + gap)
                    ax.add_patch(FancyBboxPatch(
                        (x, ry - h), w, h, boxstyle="round,pad=0,rounding_size=0.12",
                        facecolor=face, edgecolor=edge, lw=0.8,
                        ls=(0, (4, 2)) if kind == "mechanism" else "-"))
                    ax.text(x + w / 2, ry - h / 2, text, ha="center", va="center",
                            fontsize=8, color=style.text_color(face),
                            fontstyle="italic" if kind == "mechanism" else "normal")
                ry -= h + row_gap
            y -= height
            if b < len(bands) - 1 and bands[b + 1][3] == "level":
                ax.add_patch(FancyArrowPatch((left + width / 2, y - 0.05),
                                             (left + width / 2, y - arrow_h + 0.05),
                                             arrowstyle="-|>", mutation_scale=12,
                                             color=style.BLUE, lw=1.2))
            y -= arrow_h
    data = [(lvl["title"], box) for lvl in spec["levels"] for box in lvl["boxes"]]
    if spec.get("implementation"):
        data += [(spec["implementation"]["title"], box)
                 for box in spec["implementation"]["boxes"]]
    frame = pd.DataFrame(data, columns=["ledd", "boks"])
    return attach(fig, kind="theory_of_change", alt=alt_theory_of_change(spec), data=frame)
