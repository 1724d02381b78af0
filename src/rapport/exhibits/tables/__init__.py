"""Tables: a small model (:class:`Table`), builders from raw data, and :func:`publish_table`."""

from .builders import (FORMATS, build_table, difference, difference_note, disclosure_note,
                       formatter, pct_n_cells)
from .money import SUM_NOTE, money_table, partial_note
from .markdown import Block, Cell, Table, grid_table, pipe_table
from .publish import publish_table, table_snippet

__all__ = [
    "Table", "Cell", "Block", "pipe_table", "grid_table", "build_table", "difference",
    "difference_note", "disclosure_note", "pct_n_cells", "formatter", "FORMATS",
    "publish_table", "table_snippet", "money_table", "partial_note", "SUM_NOTE",
]
