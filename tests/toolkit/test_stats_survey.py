"""Survey shares: single choice, «vet ikke», multi-select, batteries, weights."""

import numpy as np
import pandas as pd
import pytest

from rapport.stats import (
    battery,
    kish_n_eff,
    multi_select,
    option_key,
    order_items,
    share_of,
    single_choice,
)

LABELS = {1: "Ja, og jeg kjenner godt til den", 2: "Ja, men kjenner ikke så godt til den",
          3: "Nei", 9: "Vet ikke"}


def answers():
    # 10 respondents: 2 routed out (null); one code (2) chosen by nobody
    return pd.Series([1, 1, 1, 3, 3, 9, np.nan, 1, 3, np.nan])


def test_single_choice_keeps_vet_ikke_in_denominator():
    t = single_choice(answers(), LABELS, dont_know_codes=9)
    assert list(t.columns) == ["code", "category", "count", "n", "share"]
    assert list(t["category"]) == list(LABELS.values())  # codebook order, empty kept
    assert list(t["count"]) == [4, 0, 3, 1]
    assert (t["n"] == 8).all()
    assert t["share"].sum() == pytest.approx(1.0)
    assert t.loc[t.code == 1, "share"].item() == 0.5


def test_single_choice_drop_vet_ikke():
    t = single_choice(answers(), LABELS, dont_know="drop", dont_know_codes=[9])
    assert list(t["code"]) == [1, 2, 3]
    assert (t["n"] == 7).all()
    assert t.loc[t.code == 1, "share"].item() == pytest.approx(4 / 7)
    with pytest.raises(ValueError):
        single_choice(answers(), LABELS, dont_know="drop")


def test_single_choice_unknown_code_and_categorical():
    with pytest.raises(ValueError, match="not in the label mapping"):
        single_choice(pd.Series([1, 5]), LABELS)
    cat = pd.Series(pd.Categorical(["b", "a", "b", None], categories=["b", "a", "c"]))
    t = single_choice(cat)
    assert list(t["category"]) == ["b", "a", "c"] and list(t["count"]) == [2, 1, 0]
    assert (t["n"] == 3).all()


def test_single_choice_weighted_and_kish():
    s = pd.Series([1, 1, 3, 3])
    w = pd.Series([1.0, 1.0, 2.0, 4.0])
    t = single_choice(s, {1: "Ja", 3: "Nei"}, weights=w)
    assert t.loc[t.code == 1, "share"].item() == pytest.approx(2 / 8)
    assert list(t["count"]) == [2, 2] and (t["n"] == 4).all()
    assert t["n_eff"].iloc[0] == pytest.approx(64 / 22)
    assert kish_n_eff([1, 1, 1]) == pytest.approx(3.0)
    # equal weights give the unweighted shares
    t1 = single_choice(s, {1: "Ja", 3: "Nei"}, weights=pd.Series(np.full(4, 2.5)))
    assert np.allclose(t1["share"], [0.5, 0.5])


def test_multi_select_share_of_respondents():
    df = pd.DataFrame({
        "q_kilde_ia": [1, 0, 1, np.nan, np.nan],
        "q_kilde_nett": [1, 1, np.nan, np.nan, 0],
        "q_kilde_annet": [1, 0, 0, np.nan, np.nan],
    })
    t = multi_select(df, {"q_kilde_ia": "IA-rådgiver", "q_kilde_nett": "Nettsider",
                          "q_kilde_annet": "Annet"})
    # respondent 4 (all null) was not asked: n = 4
    assert (t["n"] == 4).all()
    assert list(t["count"]) == [2, 2, 1]
    assert list(t["share"]) == [0.5, 0.5, 0.25]
    assert t["share"].sum() == 1.25  # share of respondents, not of answers (would sum to 1)
    bools = df.astype("boolean")
    assert list(multi_select(bools, list(df.columns))["count"]) == [2, 2, 1]


def test_multi_select_group_adds_short_keys():
    df = pd.DataFrame({"q_kilde_ia": [1, 0, np.nan], "q_kilde_nett": [1, 1, np.nan],
                       "annet": [0, 1, np.nan]})
    t = multi_select(df, list(df.columns), group="q_kilde")
    assert list(t.columns) == ["code", "category", "count", "n", "share", "key"]
    assert list(t["key"]) == ["ia", "nett", "annet"]  # no prefix: the name unchanged
    assert share_of(t, "nett", column="key") == 1.0
    w = multi_select(df, list(df.columns), group="q_kilde", weights=pd.Series([1.0, 3.0, 1.0]))
    assert list(w.columns)[-1] == "key" and "n_eff" in w.columns
    assert "key" not in multi_select(df, list(df.columns)).columns
    assert option_key("q_arsak_altinn", "q_arsak") == "altinn"
    assert option_key("q_arsakx", "q_arsak") == "q_arsakx"


def test_order_items_by_given_order_then_code():
    scale = {1: "Ja", 2: "Nei", 9: "Vet ikke"}
    df = pd.DataFrame({"a": [1, 2, 2, 9], "b": [1, 1, 1, 2], "c": [2, 2, 9, 9]})
    t = battery(df, {"a": "A", "b": "B", "c": "C"}, scale)
    ja = t[t["code"] == 1].set_index("item")["share"].sort_values(ascending=False)
    out = order_items(t.sample(frac=1, random_state=1), ja.index)
    assert list(out["item"]) == ["B"] * 3 + ["A"] * 3 + ["C"] * 3
    assert list(out["code"]) == [1, 2, 9] * 3
    assert list(out.index) == list(range(9)) and out["item"].dtype == object
    with pytest.raises(ValueError, match="not in the order"):
        order_items(t, ["A", "B"])


def test_battery_long_table_with_item_n():
    scale = {1: "Svært liten grad", 2: "Liten grad", 3: "Stor grad", 9: "Vet ikke"}
    df = pd.DataFrame({"a": [1, 3, 3, 9], "b": [2, 2, np.nan, np.nan]})
    t = battery(df, {"a": "Item A", "b": "Item B"}, scale)
    assert list(t.columns[:2]) == ["item_code", "item"]
    assert len(t) == 8
    assert t.groupby("item")["n"].first().to_dict() == {"Item A": 4, "Item B": 2}
    assert t.groupby("item")["share"].sum().tolist() == pytest.approx([1.0, 1.0])
    d = battery(df, ["a"], scale, dont_know="drop", dont_know_codes=9)
    assert (d["n"] == 3).all() and 9 not in set(d["code"])


def test_share_of_one_or_several_codes():
    t = single_choice(answers(), LABELS, dont_know_codes=9)
    assert share_of(t, 1) == 0.5
    assert share_of(t, 1, 3) == pytest.approx(7 / 8)
    assert share_of(t, 2) == 0.0  # a category nobody chose is still in the table
    assert share_of(t, "Nei", column="category") == pytest.approx(3 / 8)
    with pytest.raises(KeyError, match="not in column"):
        share_of(t, 5)
    with pytest.raises(TypeError):
        share_of(t)
    with pytest.raises(ValueError, match="twice"):
        share_of(t, 1, 1)


def test_share_of_multi_select_and_custom_key_column():
    d = pd.DataFrame({"q_a": [1, 0, 1, np.nan], "q_b": [0, 0, 1, np.nan]})
    t = multi_select(d, {"q_a": "A", "q_b": "B"})
    assert share_of(t, "q_a") == pytest.approx(2 / 3)
    t["key"] = t["code"].str.removeprefix("q_")
    assert share_of(t, "b", column="key") == pytest.approx(1 / 3)
    with pytest.raises(KeyError, match="no column"):
        share_of(t, "a", column="nope")


def test_share_of_battery_needs_item():
    d = pd.DataFrame({"x": [1, 1, 3, 9], "y": [3, 3, 3, 1]})
    t = battery(d, {"x": "X", "y": "Y"}, LABELS)
    assert share_of(t, 1, 2, item="x") == 0.5
    assert share_of(t, 3, item="y") == 0.75
    with pytest.raises(ValueError, match="pass item="):
        share_of(t, 1)
    with pytest.raises(KeyError, match="no item"):
        share_of(t, 1, item="z")
