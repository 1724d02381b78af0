"""Crosstabs and group differences: sign convention and rounding before/after subtracting,
checked against seed 004 Tabell 5, 6 and 7."""

import numpy as np
import pandas as pd
import pytest

from rapport.stats import TOTAL, crosstab, crosstab_from_counts, group_difference, round_half_up

# Tabell 6 counts implied by the printed column percentages (seed 004's Tabell 6: n 156/33/19/3)
T6_ROWS = ["Ja, leder for enheten/avdelingen", "Ja, leder utenfor enheten/avdelingen",
           "Ja, HR eller personalansvarlig for enheten/avdeling",
           "Ja, HR eller personalansvarlig utenfor enheten/avdelingen", "Verneombud", "Andre",
           "Nei", "Vet ikke"]
T6 = pd.DataFrame({
    "Leder": [45, 6, 37, 5, 8, 6, 49, 0],
    "Mellomleder": [17, 0, 6, 4, 1, 0, 4, 1],
    "HR-ansvarlig": [17, 0, 0, 0, 1, 0, 1, 0],
    "Annet": [2, 0, 1, 0, 0, 0, 0, 0],
}, index=T6_ROWS)
T6_PRINTED = pd.DataFrame({
    "Leder": [29, 4, 24, 3, 5, 4, 31, 0],
    "Mellomleder": [52, 0, 18, 12, 3, 0, 12, 3],
    "HR-ansvarlig": [89, 0, 0, 0, 5, 0, 5, 0],
    "Annet": [67, 0, 33, 0, 0, 0, 0, 0],
}, index=T6_ROWS)


def test_crosstab_from_counts_reproduces_tabell_6():
    ct = crosstab_from_counts(T6)
    assert ct.n == 211
    assert ct.column_n.to_dict() == {"Leder": 156, "Mellomleder": 33, "HR-ansvarlig": 19,
                                     "Annet": 3, TOTAL: 211}
    pct = round_half_up(ct.shares.loc[T6_ROWS, T6.columns] * 100, 0)
    assert (pct == T6_PRINTED).all().all()
    # HR column of printed integers sums to 99 while the totals row says 100 %
    assert pct["HR-ansvarlig"].sum() == 99
    assert (ct.shares.loc[TOTAL] == 1.0).all()


def test_crosstab_from_microdata():
    df = pd.DataFrame({"q": [1, 1, 2, 3, np.nan, 1], "rolle": [1, 2, 2, 1, 1, np.nan]})
    ct = crosstab(df, "q", "rolle", row_labels={1: "Ja", 2: "Nei", 3: "Vet ikke", 4: "Ubrukt"},
                  col_labels={1: "Leder", 2: "Annet"})
    assert ct.n == 4  # rows with both answered
    assert list(ct.counts.index) == ["Ja", "Nei", "Vet ikke", "Ubrukt", TOTAL]
    assert ct.counts.loc["Ja", "Leder"] == 1 and ct.counts.loc["Ubrukt", TOTAL] == 0
    assert ct.shares.loc["Ja", "Leder"] == 0.5
    assert ct.shares.loc["Ja", TOTAL] == 0.5
    assert ct.shares[["Leder", "Annet", TOTAL]].drop(TOTAL).sum().tolist() == [1.0, 1.0, 1.0]
    with pytest.raises(ValueError):
        crosstab(df, "q", "rolle", row_labels={1: "Ja"})


def tabell5_block():
    t5 = pd.DataFrame({
        "ikke_mottatt_n": [129409, 539559], "mottatt_n": [512, 2717],
        "printed_diff": [3.4, -3.4],
    }, index=["Innvandrer", "Norskfødt"])
    return t5


def test_tabell5_difference_of_rounded_percentages():
    t5 = tabell5_block()
    a = t5["ikke_mottatt_n"] / t5["ikke_mottatt_n"].sum()
    b = t5["mottatt_n"] / t5["mottatt_n"].sum()
    before = group_difference(a, b, rounded="before", decimals=1)
    after = group_difference(a, b, rounded="after")
    # raw difference 3.49 pp; printed 3,4 = 19,3 − 15,9
    assert round_half_up(before["diff"] * 100, 1).tolist() == [3.4, -3.4]
    assert round_half_up(after["diff"] * 100, 1).tolist() == [3.5, -3.5]
    assert before.attrs["rounded"] == "before"
    # sign convention
    flipped = group_difference(a, b, sign="b_minus_a", rounded="before", decimals=1)
    assert (flipped["diff"] == -before["diff"]).all()


def test_tabell5_age_6266_and_all_printed_differences():
    # 62–66: raw 3.93, printed 4.0 (rounded before subtracting: 5.6 − 1.6)
    a = pd.Series({"62-66": 37303 / 668968})
    b = pd.Series({"62-66": 53 / 3229})
    assert round_half_up(group_difference(a, b, rounded="before", decimals=1)["diff"] * 100,
                         1).item() == 4.0
    assert round_half_up(group_difference(a, b)["diff"] * 100, 1).item() == 3.9


def test_tabell7_difference_from_unrounded_shares():
    # 2023 Fulltidsarbeid: recipients 537, control 1140 of 3 229 each -> 17 − 35 printed as −19
    ctrl = pd.Series({"Fulltidsarbeid": 1140 / 3229, "Ukjent": 61 / 3229})
    mott = pd.Series({"Fulltidsarbeid": 537 / 3229, "Ukjent": 29 / 3229})
    d = group_difference(mott, ctrl, rounded="after")  # recipients − control
    assert round_half_up(d["diff"] * 100, 0).tolist() == [-19.0, -1.0]
    d_before = group_difference(mott, ctrl, rounded="before", decimals=0)
    assert (d_before["diff"] * 100).round(9).tolist() == [-18.0, -1.0]
    with pytest.raises(ValueError):
        group_difference(mott, ctrl.iloc[::-1])


def test_weighted_crosstab_column_shares():
    df = pd.DataFrame({"q": [1, 2, 1, 2], "g": ["a", "a", "b", "b"]})
    w = pd.Series([3.0, 1.0, 1.0, 1.0])
    ct = crosstab(df, "q", "g", weights=w)
    assert ct.shares.loc[1, "a"] == 0.75 and ct.shares.loc[1, "b"] == 0.5
    assert ct.n == 6
