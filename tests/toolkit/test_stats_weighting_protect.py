"""Raking weights and the one-step disclosure control of a count table with its shares."""

from __future__ import annotations

import pandas as pd
import pytest

from rapport.stats import DisclosureError, protect_shares, rake


def test_rake_by_hand_one_variable():
    # Two a's and one b raked to 50/50: each a weighs 0,75 and b 1,5 (mean 1).
    sample = pd.DataFrame({"g": ["a", "a", "b"]})
    assert rake(sample, {"g": {"a": 1, "b": 1}}).tolist() == [0.75, 0.75, 1.5]


def test_rake_meets_two_margins_from_population_records():
    sample = pd.DataFrame({"s": [1, 1, 1, 2, 2, 1], "k": ["x", "y", "x", "x", "y", "y"]})
    population = pd.DataFrame({"s": [1] * 5 + [2] * 5, "k": ["x"] * 3 + ["y"] * 7})
    w = rake(sample, population, ["s", "k"])
    assert w.mean() == pytest.approx(1)
    assert (w.groupby(sample["s"]).sum() / w.sum()).tolist() == pytest.approx([0.5, 0.5])
    assert (w.groupby(sample["k"]).sum() / w.sum()).tolist() == pytest.approx([0.3, 0.7])


def test_rake_refuses_a_value_without_a_margin():
    with pytest.raises(ValueError, match=r"g has values without a population margin: \['c'\]"):
        rake(pd.DataFrame({"g": ["a", "c"]}), {"g": {"a": 1}})


def test_protect_shares_hides_small_counts_their_shares_and_enough_others():
    counts = pd.DataFrame({"A": [10, 2, 30], "B": [15, 20, 25]}, index=["x", "y", "z"])
    p = protect_shares(counts)
    # 2 is below the rule's threshold of 4; the column total is published, so a second cell in
    # column A must be hidden too, and a second in row y, and so on (secondary suppression).
    assert p.count_hidden("y", "A") and p.share_hidden("y", "A")
    assert p.count_mask["A"].sum() >= 2 and p.count_mask.loc["y"].sum() >= 2
    assert p.shares.loc["x", "A"] == 10 / 42  # column shares of the raw counts
    assert (p.share_mask | ~p.count_mask).all().all()  # every hidden count hides its share


def test_protect_shares_hides_a_column_whose_base_is_small():
    counts = pd.DataFrame({"A": [1, 2], "B": [40, 50]}, index=["x", "y"])
    p = protect_shares(counts)
    assert p.share_mask["A"].all()  # n = 3: no share of the column may be shown
    assert not p.share_mask["B"].any() or p.count_mask["B"].any()


def test_disclosure_error_is_the_stats_one():
    assert issubclass(DisclosureError, Exception)
