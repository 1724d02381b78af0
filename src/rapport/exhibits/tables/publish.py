"""Publish a table: tbl-<id>.md (the snippet, docs/architecture.md) and tbl-<id>.csv."""

from __future__ import annotations

import pandas as pd

from rapport import context, housestyle
from rapport.fsutil import atomic_write_text

from .. import snippet
from .markdown import Table


def table_snippet(tbl_id: str, table_md: str, *, caption: str, n_part: str | None,
                  notes: list[str] | None, source: str | None, csv_path,
                  numbered: bool = True, house: housestyle.HouseStyle | None = None) -> str:
    """The Markdown snippet: table div (table, then the caption paragraph), notes, Kilde, link."""
    house = house or snippet.style()
    caption_n, source_n = snippet.place_n(n_part, house, source)
    classes = "" if numbered else " .unnumbered"
    head = (
        f"::: {{#tbl-{tbl_id}{classes}}}\n"
        f"{table_md.rstrip()}\n\n"
        f"{snippet.caption_text(caption, n_part=caption_n)}\n"
        ":::\n"
    )
    return head + "\n" + snippet.tail(source, csv_path, notes, n_part=source_n)


def publish_table(tbl_id: str, table: Table | str, *, caption: str, data: pd.DataFrame,
                  notes: str | list[str] | None = None,
                  source=snippet.HOUSE_SOURCE, n=None,
                  form: str = "auto", numbered: bool = True) -> dict:
    """Write tbl-<id>.md and tbl-<id>.csv into the notebook's artifacts dir.

    table:   a :class:`Table` (from :func:`build_table`) or ready Markdown (pipe/grid table).
    caption: descriptive title without n; n (int, {round: n}, str) appends «(n = 1 311)».
    data:    the table's values for the CSV (unrounded, machine-readable).
    notes:   note paragraphs under the table (`.tabellnote`), e.g. the Differanse rule;
             Markdown allowed (notes are written by the analyst, not escaped).
    source:  «Kilde:» text (default: the house style's `source`); None for no Kilde line.
             A table built with suppressed cells gets the disclosure note automatically.
    numbered: False for a table outside the Tabell count (the report's «tabellen under»).
    """
    tbl_id = snippet.check_id(tbl_id.removeprefix("tbl-"))
    if not caption or not caption.strip():
        raise ValueError(f"tbl-{tbl_id}: mangler tabelltekst (caption=)")
    if data is None:
        raise ValueError(f"tbl-{tbl_id}: oppgi data= (verdiene i tabellen) for CSV-filen")
    table_md = table.to_markdown(form) if isinstance(table, Table) else str(table)
    notes = [notes] if isinstance(notes, str) else list(notes or [])
    if isinstance(table, Table) and table.suppression_note and table.suppression_note not in notes:
        notes.append(table.suppression_note)  # a table with hidden cells always explains «*»
    out = context.artifacts_dir()
    csv_path, md_path = out / f"tbl-{tbl_id}.csv", out / f"tbl-{tbl_id}.md"
    house = snippet.style()
    source = snippet.resolve_source(source, house, f"tbl-{tbl_id}")
    n_part = snippet.n_text(None, n, template=house.n_format) if n is not None else None
    snippet.write_csv(csv_path, data)
    if isinstance(table, Table):
        snippet.write_excel_table(snippet.excel_path(csv_path), table)
    else:
        snippet.write_excel_frame(snippet.excel_path(csv_path), data)
    text = table_snippet(tbl_id, table_md, caption=caption, n_part=n_part, notes=notes,
                         source=source, csv_path=csv_path, numbered=numbered, house=house)
    atomic_write_text(md_path, text)
    return snippet.Published(md=md_path, csv=csv_path, n=n_part)
