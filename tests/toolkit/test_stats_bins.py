"""Binned counts with an «Utenfor» category; overlapping bins and unplaced values are errors."""

import pandas as pd
import pytest

from rapport.stats.bins import bin_counts

BINS = [(0, 99, "Under 100"), (100, 200, "100–200"), (201, None, "Over 200")]


def test_bin_counts_with_outside():
    values = pd.Series([0, 99, 100, 200, 201, 5000, None])
    outside = pd.Series([False] * 6 + [True])
    d = bin_counts(values, BINS, outside=outside).set_index("category")
    assert d["count"].to_dict() == {"Under 100": 2, "100–200": 2, "Over 200": 2, "Utenfor": 1}
    assert d["n"].iloc[0] == 7
    assert d.loc["Utenfor", "share"] == pytest.approx(1 / 7)


def test_overlapping_bins_are_an_error():
    with pytest.raises(ValueError, match="overlaps"):
        bin_counts(pd.Series([1]), [(0, 200, "a"), (200, 300, "b")])


def test_value_in_no_bin_and_unmarked_missing():
    with pytest.raises(ValueError, match="value 150 falls in no bin"):
        bin_counts(pd.Series([150]), [(0, 99, "a"), (200, 300, "b")])
    with pytest.raises(ValueError, match="missing but not marked"):
        bin_counts(pd.Series([1, None]), BINS)


def test_cumulative_shares():
    from rapport.stats.bins import cumulative_shares

    values = pd.Series([10, 150, 250, 5, 400])
    groups = pd.Series(["a", "a", "a", "b", "b"])
    d = cumulative_shares(values, groups, [100, 300]).set_index(["group", "x"])
    assert d.loc[("a", 100), "share"] == pytest.approx(1 / 3)
    assert d.loc[("a", 300), "share"] == 1
    assert d.loc[("b", 300), "share"] == 0.5 and d.loc[("b", 300), "n"] == 2
