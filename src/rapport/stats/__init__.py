"""Statistics for the report: survey shares, margins of error, crosstabs, matching, sequences
and disclosure control.

Functions take data and return data (DataFrames or small dataclasses); shares are unrounded in
0..1. Nothing here reads files or formats numbers as text: formatting is
`rapport.exhibits.fmt`'s job. Rounding, where a published rule needs it (differences of rounded
percentages), uses `round_half_up`.
"""

from rapport.stats.crosstab import TOTAL, Crosstab, crosstab, crosstab_from_counts, group_difference
from rapport.stats.disclosure import (
    RULE,
    DisclosureError,
    DisclosureRule,
    Protected,
    assert_safe,
    exposed_cells,
    suppress_distribution,
    suppress_shares,
    suppress_table,
)
from rapport.stats.matching import (
    ChiSquare,
    MatchResult,
    OutcomeComparison,
    balance_table,
    balance_table_cells,
    design_matrix,
    match_nearest,
    outcome_comparison,
    propensity_match,
    propensity_scores,
    propensity_scores_cells,
)
from rapport.stats.moe import (
    RoundComparison,
    compare_rounds,
    fpc,
    moe_max,
    moe_single,
    moe_two_sample,
)
from rapport.stats.weighting import rake
from rapport.stats.protect import ProtectedShares, protect_shares
from rapport.stats.rounding import round_half_up, round_half_up_decimal
from rapport.stats.sequences import (DiscrepancyResult, discrepancy, discrepancy_from_counts,
                                     distribution_from_counts, state_distribution)
from rapport.stats.survey import (
    battery,
    kish_n_eff,
    multi_select,
    option_key,
    order_items,
    share_of,
    single_choice,
)

__all__ = [
    # rounding
    "round_half_up", "round_half_up_decimal",
    # survey
    "single_choice", "multi_select", "battery", "order_items", "option_key", "share_of",
    "kish_n_eff",
    # weights
    "rake",
    # margins of error
    "moe_single", "moe_two_sample", "moe_max", "fpc", "compare_rounds", "RoundComparison",
    # crosstabs
    "TOTAL", "Crosstab", "crosstab", "crosstab_from_counts", "group_difference",
    # matching
    "design_matrix", "propensity_scores", "match_nearest", "propensity_match", "MatchResult",
    "balance_table", "outcome_comparison", "OutcomeComparison", "ChiSquare",
    "propensity_scores_cells", "balance_table_cells",
    # sequences
    "state_distribution", "distribution_from_counts", "discrepancy", "discrepancy_from_counts",
    "DiscrepancyResult",
    # disclosure
    "DisclosureRule", "RULE", "Protected", "DisclosureError", "suppress_table",
    "suppress_distribution", "suppress_shares", "assert_safe", "exposed_cells",
    "protect_shares", "ProtectedShares",
]
