"""Hedged percentages (verbal.pct_hedge) and «X av Y» (fmt.count_of), hand-computed cases."""

import pytest

from rapport.exhibits import fmt, verbal


@pytest.mark.parametrize("share,hedge,step,text", [
    (0.831, "over", 10, "over 80 prosent"),
    (0.80, "over", 10, "over 70 prosent"),        # strictly below: exactly 80 is not «over 80»
    (0.865, "over", 1, "over 86 prosent"),
    (0.189, "i underkant av", 5, "i underkant av 20 prosent"),
    (0.20, "i underkant av", 5, "i underkant av 25 prosent"),
    (0.183, "nesten", 5, "nesten 20 prosent"),
    (0.321, "om lag", 10, "om lag 30 prosent"),
    (0.125, "om lag", 5, "om lag 15 prosent"),     # 12,5 rounds half up to 15 at step 5
    (0.1211, "om lag", 1, "om lag 12 prosent"),
    (0.26, "litt over", 5, "litt over 25 prosent"),
    (0.321, "rundt", 10, "rundt 30 prosent"),      # any «about» word of the rule
    (0.183, "knapt", 5, "knapt 20 prosent"),       # any «under» word
])
def test_pct_hedge(share, hedge, step, text):
    assert verbal.pct_hedge(share, hedge, step=step) == text


def test_pct_hedge_rejects_unknown_hedge():
    with pytest.raises(ValueError, match="ukjent forbehold"):
        verbal.pct_hedge(0.5, "cirka")


def test_count_of():
    assert fmt.count_of(18, 102) == "18 av 102"
    assert fmt.count_of(1603, 2000) == f"1{fmt.NBSP}603 av 2{fmt.NBSP}000"
