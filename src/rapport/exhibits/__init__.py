"""Exhibits: the one Norwegian number formatter (`fmt`), house style, figures, tables and facts.

A notebook publishes everything the report shows through this package::

    from rapport.exhibits import fmt, bar_chart, publish_figure, build_table, publish_table, fact

Figures and tables are written as artifacts (SVG/CSV/Markdown snippets) into the notebook's
artifacts directory (`rapport.context.artifacts_dir()`); see docs/architecture.md.
"""

from . import fmt, style
from .facts import fact, format_value, publish_book_date
from .figures import (alt_bars, alt_county, alt_dac, alt_grouped, alt_likert, alt_logic,
                      alt_states, bar_chart, bar_order, binned_columns, county_bars,
                      cumulative_over_columns, dac_diagram, event_lines, forest_plot,
                      funnel_plot, group_columns, grouped_bars, likert_diverging, likert_stacked,
                      line_panels, logic_model, order_bars, partial_quarter_note, publish_bars,
                      publish_figure, publish_question, quarter_columns, quarter_label,
                      series_grid, sign_matrix, stacked_shares, state_distribution, text_matrix, two_panel_bars)
from .tables import (Block, Cell, Table, build_table, difference, difference_note,
                     disclosure_note, pct_n_cells, publish_table)

__all__ = [
    "fmt", "style", "fact", "format_value", "publish_book_date",
    "bar_chart", "grouped_bars", "county_bars", "likert_stacked", "likert_diverging",
    "state_distribution", "dac_diagram", "logic_model", "line_panels", "text_matrix",
    "sign_matrix", "funnel_plot", "forest_plot", "cumulative_over_columns", "publish_figure",
    "bar_order", "order_bars", "publish_bars", "publish_question",
    "alt_bars", "alt_grouped", "alt_county", "alt_likert", "alt_states", "alt_dac", "alt_logic",
    "Table", "Cell", "Block", "build_table", "difference", "difference_note", "disclosure_note",
    "pct_n_cells",
    "publish_table",
    "binned_columns", "event_lines", "group_columns", "partial_quarter_note", "quarter_columns",
    "quarter_label", "two_panel_bars", "series_grid", "stacked_shares",
]
