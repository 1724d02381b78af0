"""Figure kinds (each returns a matplotlib Figure from tidy data, carrying its generated alt
text) and :func:`publish_figure`, which writes the SVG, CSV and Markdown snippet."""

from .bars import alt_bars, alt_county, alt_grouped, bar_chart, county_bars, grouped_bars
from .diagrams import DAC_CRITERIA, alt_dac, alt_logic, dac_diagram, logic_model
from .likert import alt_likert, likert_diverging, likert_stacked
from .forest import alt_forest, forest_plot
from .funnel import alt_funnel, funnel_plot
from .lines import alt_lines, line_panels
from .matrix import alt_matrix, text_matrix
from .publish import figure_snippet, publish_figure, svg_bytes
from .states import alt_states, state_distribution
from .survey import SHARE_COLUMNS, bar_order, order_bars, publish_bars, publish_question

__all__ = [
    "bar_chart", "grouped_bars", "county_bars", "likert_stacked", "likert_diverging",
    "state_distribution", "dac_diagram", "logic_model", "publish_figure", "figure_snippet",
    "svg_bytes", "alt_bars", "alt_grouped", "alt_county", "alt_likert", "alt_states", "alt_dac",
    "alt_logic", "DAC_CRITERIA", "bar_order", "order_bars", "publish_bars", "publish_question",
    "SHARE_COLUMNS", "line_panels", "alt_lines",
    "text_matrix", "alt_matrix", "funnel_plot", "alt_funnel",
    "forest_plot", "alt_forest",
]
