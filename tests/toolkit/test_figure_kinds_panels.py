"""The figure kinds added for two-panel items, grouped columns, binned and quarterly columns and
event-time lines: they plot what they are given, say it in the alt text, and carry the data."""

import pandas as pd
import pytest

from rapport.exhibits.figures import (binned_columns, event_lines, group_columns,
                                      partial_quarter_note, quarter_columns, quarter_label,
                                      two_panel_bars)
from rapport.exhibits.figures._common import meta

# fmt.pct puts a no-break space before «%»


def test_two_panel_bars_keeps_order_and_fills_missing():
    data = pd.DataFrame({"panel": ["V", "V", "H"], "category": ["Ja", "Nei", "Ja"],
                         "share": [0.64, 0.36, 0.52]})
    m = meta(two_panel_bars(data, categories=["Ja", "Nei"]))
    assert list(m["data"]["category"]) == ["Ja", "Nei", "Ja", "Nei"]
    assert m["data"]["share"].iloc[3] == 0
    assert m["alt"] == "Liggende søylediagram i to paneler. V: Ja 64\u00a0%, Nei 36\u00a0%. H: Ja 52\u00a0%, Nei 0\u00a0%."
    with pytest.raises(ValueError, match="expected 2 panels"):
        two_panel_bars(data.assign(panel="V"))


def test_group_columns_alt():
    data = pd.DataFrame({"category": ["Kvinner", "Kvinner", "Menn", "Menn"],
                         "group": ["Fått tiltak", "Ikke fått tiltak"] * 2,
                         "share": [0.36, 0.51, 0.64, 0.49]})
    alt = meta(group_columns(data))["alt"]
    assert alt == ("Søylediagram som sammenligner Fått tiltak og Ikke fått tiltak. Kvinner: 36\u00a0% "
                   "(fått tiltak) og 51\u00a0% (ikke fått tiltak); Menn: 64\u00a0% (fått tiltak) og 49\u00a0% "
                   "(ikke fått tiltak).")


def test_binned_and_quarter_columns():
    d = pd.DataFrame({"category": ["0–30", "31–60", "Utenfor"], "share": [0.2, 0.3, 0.5]})
    assert meta(binned_columns(d))["alt"].endswith("0–30 20\u00a0%, 31–60 30\u00a0%, Utenfor 50\u00a0%.")
    q = pd.DataFrame({"quarter": ["K3 2020", "K4 2020"], "count": [5, 12]})
    m = meta(quarter_columns(q, partial=["K3 2020"]))
    assert "K3 2020* 5, K4 2020 12" in m["alt"]


def test_quarter_label_and_partial_note():
    assert quarter_label(pd.Period("2020-09", freq="M")) == "K3 2020"
    note = partial_quarter_note(pd.Timestamp("2020-09-01"), pd.Timestamp("2022-04-20"))
    assert note == ("Merk at K3 2020 kun består av september 2020, og K2 2022 kun består av "
                    "april 2022.")
    assert partial_quarter_note(pd.Timestamp("2020-07-01"), pd.Timestamp("2022-06-30")) is None


def test_event_lines_alt_and_min_n():
    rows = []
    for g, n in (("A", 30), ("B", 10)):
        for k in range(0, 4):
            rows.append({"group": g, "k": k, "n": n - k, "count": k, "share": k / (n - k)})
    m = meta(event_lines(pd.DataFrame(rows), marks=(3,), min_n=9))
    assert set(m["data"]["k"]) == {1, 2, 3}          # month 0 is not drawn
    assert len(m["data"][m["data"]["group"] == "B"]) == 1   # B: n = 9, 8, 7 in months 1-3
    assert "måned 3: a 11\u00a0% (n=27)" in m["alt"].lower()


def test_text_matrix_alt_and_errors():
    from rapport.exhibits.figures import text_matrix

    data = pd.DataFrame({"row": ["Prosjektet", "Prosjektet", "Linja", "Linja"],
                         "column": ["A", "B", "A", "B"],
                         "text": ["Gruppe (3)", "Gruppe (5)", "28 av 28", "5 av 24"]})
    alt = meta(text_matrix(data))["alt"]
    assert alt == ("Matrise med 2 rader (Prosjektet, Linja) og 2 kolonner. A: Prosjektet: "
                   "Gruppe (3); Linja: 28 av 28. B: Prosjektet: Gruppe (5); Linja: 5 av 24.")
    with pytest.raises(ValueError, match="no text for 'Linja' × 'B'"):
        text_matrix(data.iloc[:3])


def test_cumulative_over_columns_alt_and_data():
    from rapport.exhibits.figures import cumulative_over_columns

    cdf = pd.DataFrame({"group": ["A", "A", "B", "B"], "x": [100, 200] * 2,
                        "share": [0.2, 0.5, 0.3, 0.6]})
    classes = pd.DataFrame({"category": ["Under 100", "Under 100"], "group": ["A", "B"],
                            "share": [0.2, 0.3]})
    m = meta(cumulative_over_columns(cdf, classes, marks=(200,)))
    assert m["alt"] == ("To paneler. Øverst: akkumulert andel, høyst 200 dager: 50\u00a0% (a) og "
                        "60\u00a0% (b). Nederst: andel per gruppe, Under 100: 20\u00a0% (a) og "
                        "30\u00a0% (b).")
    assert set(m["data"]["panel"]) == {"akkumulert", "kategorisert"}
