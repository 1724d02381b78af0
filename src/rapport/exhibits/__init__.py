"""Exhibits: the one Norwegian number formatter (`fmt`), house style, figures, tables and facts.

A notebook publishes everything the report shows through this package::

    from rapport.exhibits import fmt, bar_chart, publish_figure, build_table, publish_table, fact

Figures and tables are written as artifacts (SVG/CSV/Markdown snippets) into the notebook's
artifacts directory (`rapport.context.artifacts_dir()`); see docs/architecture.md.
"""

from . import fmt, style
from .facts import fact, format_value, publish_book_date
from .figures import (alt_bars, alt_county, alt_dac, alt_grouped, alt_likert, alt_logic,
                      alt_states, bar_chart, bar_order, county_bars, dac_diagram, grouped_bars,
                      likert_diverging, likert_stacked, logic_model, order_bars, publish_bars,
                      publish_figure, publish_question, state_distribution)
from .tables import (Block, Cell, Table, build_table, difference, difference_note,
                     disclosure_note, pct_n_cells, publish_table)

__all__ = [
    "fmt", "style", "fact", "format_value", "publish_book_date",
    "bar_chart", "grouped_bars", "county_bars", "likert_stacked", "likert_diverging",
    "state_distribution", "dac_diagram", "logic_model", "publish_figure",
    "bar_order", "order_bars", "publish_bars", "publish_question",
    "alt_bars", "alt_grouped", "alt_county", "alt_likert", "alt_states", "alt_dac", "alt_logic",
    "Table", "Cell", "Block", "build_table", "difference", "difference_note", "disclosure_note",
    "pct_n_cells",
    "publish_table",
]
