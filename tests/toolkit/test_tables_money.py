"""Money tables: the Sum column is the exact sum rounded (hand-computed), zeros print «0»,
partial periods are flagged, bad amounts are refused."""

import pandas as pd
import pytest

from rapport.exhibits.tables import money_table, partial_note


def costs():
    return pd.DataFrame({"aar": ["2019", "2022"], "tiltak": [0, 5_938_600],
                         "drift": [1_795_000, 8_688_600]})


def test_sum_of_exact_amounts_and_flags():
    table, values = money_table(costs(), stub="aar", parts=["tiltak", "drift"],
                                partial={"2022": "januar–august"})
    rows = [[c.strip() for c in line.strip("|").split("|")]
            for line in table.to_markdown("pipe").splitlines()[2:]]
    # 5,9386 → 5,939 and 8,6886 → 8,689, but 14,6272 → 14,627 (not 14,628)
    assert rows == [["2019", "0", "1,795", "1,795"], ["2022\\*", "5,939", "8,689", "14,627"]]
    assert list(values["Sum"]) == [1_795_000, 14_627_200]


def test_partial_note_and_errors():
    assert partial_note({"2022": "januar–august"}) == "*Tallene for 2022 er kun for perioden januar–august."
    bad = costs().assign(drift=[1.0, None])
    with pytest.raises(ValueError, match="drift"):
        money_table(bad, stub="aar", parts=["tiltak", "drift"])
    with pytest.raises(KeyError, match="2023"):
        money_table(costs(), stub="aar", parts=["tiltak", "drift"], partial={"2023": "x"})
