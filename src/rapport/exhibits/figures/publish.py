"""Publish a figure: fig-<id>.svg, fig-<id>.csv and the snippet fig-<id>.md (docs/architecture.md)."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from rapport import context, housestyle
from rapport.fsutil import atomic_write_bytes, atomic_write_text

from .. import snippet, style
from ._common import meta


def svg_bytes(fig: Figure) -> bytes:
    """The figure as deterministic SVG (glyphs as paths, fixed hash salt, no date)."""
    buffer = io.BytesIO()
    with style.house():
        fig.savefig(buffer, format="svg", metadata=style.SVG_METADATA, facecolor="white")
    return buffer.getvalue()


def figure_snippet(fig_id: str, *, caption: str, alt: str, n_part: str | None,
                   multi: bool, source: str | None, svg_path, csv_path,
                   house: housestyle.HouseStyle | None = None,
                   footer: tuple[str, ...] = ()) -> str:
    """The Markdown snippet for a published figure, exactly per the contract."""
    house = house or snippet.style()
    caption_n, source_n = snippet.place_n(n_part, house, source)
    image = context.published_path(svg_path)
    head = (
        f"::: {{#fig-{fig_id}}}\n"
        f'![]({image}){{fig-alt="{snippet.attr_escape(alt)}"}}\n\n'
        f"{snippet.caption_text(caption, multi=multi, n_part=caption_n)}\n"
        ":::\n"
    )
    tail = snippet.tail(source, csv_path, n_part=source_n)
    if footer:  # «Spørsmål: …», «Merknad: …» under the Kilde line, before the CSV link
        body = "\n\n".join(snippet.md_escape(line) for line in footer)
        cut = tail.index("::: {.content-visible")
        tail = tail[:cut] + f"::: {{.tabellnote .figurnote}}\n{body}\n:::\n\n" + tail[cut:]
    return head + "\n" + tail


def publish_figure(fig_id: str, fig: Figure, *, caption: str, alt: str | None = None,
                   data: pd.DataFrame | None = None, source=snippet.HOUSE_SOURCE,
                   n=None, multi: bool = False, close: bool = True,
                   footer: tuple[str, ...] | list[str] = ()) -> dict:
    """Write fig-<id>.svg, fig-<id>.csv and fig-<id>.md into the notebook's artifacts dir.

    caption: the question text verbatim (or a descriptive title), without n.
    alt:     overrides the alt text the figure kind generated from its data.
    data:    the plotted values (tidy); default: what the figure kind plotted. A column `n`
             gives the caption's «(n = …)» (per round for round comparisons).
    n:       int, {round: n}, a ready string, or False for no n; overrides the data.
    multi:   adds «(Flere svar mulig)».
    source:  the «Kilde:» text (default: the house style's `source`); None for no Kilde line
             (e.g. a conceptual diagram).
    footer:  lines under the Kilde line, in order («Spørsmål: …», «Merknad: …»).
    Returns the paths written and the texts used.
    """
    fig_id = snippet.check_id(fig_id.removeprefix("fig-"))
    info = meta(fig)
    data = info.get("data") if data is None else data
    if data is None:
        raise ValueError(f"fig-{fig_id}: oppgi data= (verdiene i figuren) for CSV-filen")
    alt = alt or info.get("alt")
    if not alt or not alt.strip():
        raise ValueError(f"fig-{fig_id}: mangler alternativ tekst (alt=)")
    if not caption or not caption.strip():
        raise ValueError(f"fig-{fig_id}: mangler figurtekst (caption=)")
    house = snippet.style()
    source = snippet.resolve_source(source, house, f"fig-{fig_id}")
    n_part = snippet.n_text(data, n, round_col=info.get("round_col"), template=house.n_format)
    out = context.artifacts_dir()
    svg_path = out / f"fig-{fig_id}.svg"
    csv_path = out / f"fig-{fig_id}.csv"
    md_path = out / f"fig-{fig_id}.md"
    atomic_write_bytes(svg_path, svg_bytes(fig))
    snippet.write_csv(csv_path, data)
    snippet.write_excel_frame(snippet.excel_path(csv_path), data)
    text = figure_snippet(fig_id, caption=caption, alt=alt, n_part=n_part, multi=multi,
                          source=source, svg_path=svg_path, csv_path=csv_path, house=house,
                          footer=tuple(footer))
    atomic_write_text(md_path, text)
    if close:
        plt.close(fig)
    return snippet.Published(svg=svg_path, csv=csv_path, md=md_path, alt=alt, n=n_part)
