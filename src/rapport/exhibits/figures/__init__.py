"""Figure kinds (each returns a matplotlib Figure from tidy data, carrying its generated alt
text) and :func:`publish_figure`, which writes the SVG, CSV and Markdown snippet."""

from .columns import (alt_columns, binned_columns, partial_quarter_note, quarter_columns,
                      quarter_label)
from .cumulative import alt_cumulative, cumulative_over_columns
from .eventlines import alt_event_lines, event_lines
from .groups import alt_group_columns, group_columns
from .matrix import alt_matrix, text_matrix
from .panels import alt_panels, two_panel_bars
from .bars import alt_bars, alt_county, alt_grouped, bar_chart, county_bars, grouped_bars
from .diagrams import DAC_CRITERIA, alt_dac, alt_logic, dac_diagram, logic_model
from .likert import alt_likert, likert_diverging, likert_stacked
from .forest import alt_forest, forest_plot
from .funnel import alt_funnel, funnel_plot
from .lines import alt_lines, line_panels
from .series import alt_series, alt_stacked, series_grid, stacked_shares
from .signmatrix import alt_sign_matrix, sign_matrix
from .publish import figure_snippet, publish_figure, svg_bytes
from .states import alt_states, state_distribution
from .survey import SHARE_COLUMNS, bar_order, order_bars, publish_bars, publish_question

__all__ = [
    "bar_chart", "grouped_bars", "county_bars", "likert_stacked", "likert_diverging",
    "state_distribution", "dac_diagram", "logic_model", "publish_figure", "figure_snippet",
    "svg_bytes", "alt_bars", "alt_grouped", "alt_county", "alt_likert", "alt_states", "alt_dac",
    "alt_logic", "DAC_CRITERIA", "bar_order", "order_bars", "publish_bars", "publish_question",
    "SHARE_COLUMNS", "line_panels", "alt_lines", "sign_matrix", "alt_sign_matrix",
    "funnel_plot", "alt_funnel", "forest_plot", "alt_forest",
    "binned_columns", "quarter_columns", "quarter_label", "partial_quarter_note", "alt_columns",
    "event_lines", "alt_event_lines", "group_columns", "alt_group_columns", "two_panel_bars",
    "alt_panels", "series_grid", "alt_series", "stacked_shares", "alt_stacked", "text_matrix", "alt_matrix", "cumulative_over_columns", "alt_cumulative",
]
