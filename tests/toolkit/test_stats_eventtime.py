"""Event time on an unbalanced panel: who is at risk k months after the event, shares per month."""

import pandas as pd
import pytest

from rapport.stats.eventtime import at_risk, shares_by_month


def events():
    return pd.DataFrame({
        "id": [1, 2, 3],
        "g": ["a", "a", "b"],
        "start": pd.to_datetime(["2021-01-15", "2021-03-02", "2021-02-28"]),
    })


def test_at_risk_stops_at_data_end():
    panel = at_risk(events(), id="id", start="start", data_end="2021-04", horizon=12, group="g")
    # person 1: Jan..Apr = k 0..3; person 2: Mar..Apr = 0..1; person 3: Feb..Apr = 0..2
    assert panel.groupby("id")["k"].max().to_dict() == {1: 3, 2: 1, 3: 2}
    assert len(panel) == 4 + 2 + 3
    assert str(panel.loc[(panel["id"] == 2) & (panel["k"] == 1), "month"].iloc[0]) == "2021-04"


def test_at_risk_horizon_and_errors():
    panel = at_risk(events(), id="id", start="start", data_end="2021-12", horizon=2)
    assert panel["k"].max() == 2 and len(panel) == 9
    bad = pd.concat([events(), events().iloc[:1]])
    with pytest.raises(ValueError, match="more than once"):
        at_risk(bad, id="id", start="start", data_end="2021-12", horizon=2)


def test_shares_by_month():
    panel = at_risk(events(), id="id", start="start", data_end="2021-04", horizon=12, group="g")
    panel["y"] = panel["k"] >= 1
    d = shares_by_month(panel, outcome="y", group="g").set_index(["g", "k"])
    assert d.loc[("a", 1), "n"] == 2 and d.loc[("a", 1), "count"] == 2
    assert d.loc[("a", 2), "n"] == 1          # only person 1 is followed two months
    assert d.loc[("a", 0), "share"] == 0
    assert d.loc[("b", 2), "share"] == 1
