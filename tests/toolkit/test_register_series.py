"""rapport.stats.register, build_table's flags and the series/stacked figure kinds.

Expected values are worked out by hand in the comments."""

import pandas as pd
import pytest

from rapport.exhibits import build_table, series_grid, stacked_shares
from rapport.stats import DisclosureRule
from rapport.stats.register import annual_means, crosstab, difference_series, rank_robust, \
    stock_counts


def months(year):
    return [f"{year}-{m:02d}" for m in range(1, 13)]


def test_annual_mean_of_monthly_stocks_counts_absent_months_as_zero():
    frame = pd.DataFrame({"maaned": months(2021) + ["2021-01"], "g": ["a"] * 12 + ["b"],
                          "n": [10] * 6 + [22] * 6 + [12]})
    out = annual_means(frame, value="n", by=["g"]).set_index("g")["n"]
    assert out["a"] == 16          # (6·10 + 6·22) / 12
    assert out["b"] == 1           # 12 in one month, 0 in eleven


def test_annual_mean_refuses_a_year_without_all_months():
    frame = pd.DataFrame({"maaned": ["2022-01", "2022-02"], "n": [1, 2]})
    with pytest.raises(ValueError, match="2022 has only 2 months"):
        annual_means(frame, value="n")


def test_stock_counts_from_person_months():
    persons = pd.DataFrame({"maaned": ["2021-01"] * 3 + ["2021-02"], "g": ["a", "a", "b", "a"]})
    out = stock_counts(persons, by=["g"])
    assert out.to_dict("list") == {"maaned": ["2021-01", "2021-01", "2021-02"],
                                   "g": ["a", "b", "a"], "antall": [2, 1, 1]}


def test_crosstab_orders_and_fills():
    frame = pd.DataFrame({"r": ["x", "y"], "c": ["p", "q"], "v": [3, 4]})
    table = crosstab(frame, rows="r", columns="c", value="v", column_order=["q", "p", "z"])
    assert table.loc["x"].tolist() == [0, 3, 0]


def test_rank_robust_by_hand():
    # A: 20/100, B: 16/100, unknown 10 of whom 5 in the row.
    # A's interval: [20/105, 25/105] = [0.190, 0.238]; B's share 0.16 outside → robust.
    # B's interval: [16/105, 21/105] = [0.152, 0.200]; A's share 0.20 inside → not robust.
    counts = pd.DataFrame({"A": [20, 80], "B": [16, 84], "U": [5, 5]}, index=["row", "rest"])
    out = rank_robust(counts, unknown="U")
    assert out.loc["row"].tolist() == [True, False, False]


def test_difference_series_excludes_and_averages():
    frame = pd.DataFrame({"unit": ["R", "A", "B", "C"] * 2, "t": [1] * 4 + [2] * 4,
                          "v": [5, 100, 1, 3, 6, 100, 2, 2]})
    out = difference_series(frame, unit="unit", focus="R", value="v", time="t", exclude=["A"])
    assert out["v"].tolist() == [3, 4]          # 5 − (1+3)/2, 6 − (2+2)/2


def test_flags_beside_values_and_refused_when_equal_to_the_symbol():
    data = pd.DataFrame({"rad": ["a", "b"], "x": ["23 %", "5 %"]})
    flags = pd.DataFrame({"x": [True, False]})
    hidden = pd.DataFrame({"x": [False, True]})
    rule = DisclosureRule(symbol=":")
    table = build_table(data, stub="rad", columns=["x"], formats={"x": "text"},
                        suppressed=hidden, flags=flags, rule=rule)
    assert [row[1] for row in table.body] == ["23 %*", ":"]
    # escaped: a paragraph starting with «: » would make the note above it a definition term
    assert table.suppression_note.startswith(r"\: Skjult")
    with pytest.raises(ValueError, match="disclosure symbol"):
        build_table(data, stub="rad", columns=["x"], formats={"x": "text"}, flags=flags)


def test_series_grid_highlights_and_describes():
    data = pd.DataFrame({"aar": [2010, 2022] * 3, "fylke": ["Oslo"] * 2 + ["Agder"] * 2
                         + ["Viken"] * 2, "v": [0.02, 0.023, 0.03, 0.035, 0.025, 0.03]})
    fig = series_grid(data, x="aar", y="v", series="fylke", highlight=["Oslo"], kind="pct",
                      decimals=1)
    alt = fig.rapport_meta["alt"]
    assert "Oslo: 2,0\u00a0% i 2010, 2,3\u00a0% i 2022" in alt
    assert "øvrige (2) mellom 3,0\u00a0% og 3,5\u00a0% i 2022" in alt
    with pytest.raises(KeyError):
        series_grid(data, x="aar", y="v", series="fylke", highlight=["Bergen"])


def test_stacked_shares_must_sum_to_one():
    data = pd.DataFrame({"group": ["S", "S", "L", "L"], "part": ["a", "b", "a", "b"],
                         "share": [0.7, 0.3, 0.4, 0.6]})
    fig = stacked_shares(data)
    assert "S: størst a (70\u00a0%)" in fig.rapport_meta["alt"]
    with pytest.raises(ValueError, match="sum to 1"):
        stacked_shares(data.assign(share=[0.7, 0.2, 0.4, 0.6]))


def _tick_labels(ax):
    ax.figure.canvas.draw()
    lo, hi = ax.get_xlim()
    return [t.get_text() for t, v in zip(ax.get_xticklabels(), ax.get_xticks()) if lo <= v <= hi]


def test_series_grid_labels_whole_years_and_few_months():
    years = pd.DataFrame({"aar": list(range(2010, 2023)) * 2, "v": range(26),
                          "p": ["a"] * 13 + ["b"] * 13})
    labels = _tick_labels(series_grid(years, x="aar", y="v", facet="p", ncols=2).axes[0])
    # 13 years: every second year, never «2012.5»
    assert labels == ["2010", "2012", "2014", "2016", "2018", "2020", "2022"]
    months = pd.DataFrame({"t": pd.date_range("2010-01-01", "2019-12-01", freq="MS"),
                           "v": range(120)})
    labels = _tick_labels(series_grid(months, x="t", y="v").axes[0])
    # ten years on one narrow panel: every second January, 2010 … 2018
    assert labels == ["2010", "2012", "2014", "2016", "2018"]
