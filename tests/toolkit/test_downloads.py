"""Downloads: meaningful decimals, the table as shown, and a file Norwegian Excel opens.

Expected values are written out by hand from the numbers put in (no call to the writer's own
rounding): 44311.28999999999 kr is 44 311,29 kr to the øre; 2/3 to six decimals is 0.666667.
"""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
import pytest

from rapport.exhibits import build_table, publish_figure, publish_table
from tests.toolkit.conftest import styled_project

NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def artifacts(tmp_path, monkeypatch):
    # a project of its own (Oxford Research style), wherever an earlier test left the cwd
    monkeypatch.setenv("RAPPORT_ROOT", str(styled_project(tmp_path / "proj")))
    monkeypatch.delenv("RAPPORT_READS", raising=False)
    monkeypatch.setenv("RAPPORT_ARTIFACTS", str(tmp_path / "art"))
    monkeypatch.setenv("RAPPORT_NOTEBOOK", "03-register")
    return tmp_path / "art"


def regions() -> pd.DataFrame:
    return pd.DataFrame({
        "region": ["Øst-Viken", "Rogaland"],
        "refusjon_kr": [5699.51, 44311.28999999999],
        "andel": [2 / 3, 0.1],
        "antall": [162.0, float("nan")],
    })


def test_tidy_csv_has_kroner_to_the_ore_and_shares_to_six_decimals(artifacts):
    data = regions()
    table = build_table(data, stub="region", columns=["refusjon_kr", "andel"],
                        formats={"refusjon_kr": "kr", "andel": "pct"})
    publish_table("refusjon", table, caption="Refusjon", data=data)
    text = (artifacts / "tbl-refusjon.csv").read_text(encoding="utf-8")
    assert text.splitlines() == [
        "region,refusjon_kr,andel,antall",
        "Øst-Viken,5699.51,0.666667,162",
        "Rogaland,44311.29,0.1,",
    ]
    assert not re.search(r"\d\.\d{7,}", text)


def test_a_stated_precision_is_used(artifacts):
    data = regions()
    data.attrs["decimals"] = {"andel": 3}
    publish_table("presisjon", build_table(data, stub="region", columns=["andel"]),
                  caption="Andel", data=data)
    text = (artifacts / "tbl-presisjon.csv").read_text(encoding="utf-8")
    assert "Øst-Viken,5699.51,0.667,162" in text.splitlines()


def test_excel_file_is_the_table_as_shown_with_semicolons_comma_and_bom(artifacts):
    data = regions()
    table = build_table(data, stub="region", columns=["refusjon_kr", "andel"],
                        formats={"refusjon_kr": "kr", "andel": "pct"},
                        labels={"region": "NAV-region", "refusjon_kr": "Refusjon",
                                "andel": "Andel"}, total="Totalsum")
    publish_table("excel", table, caption="Refusjon", data=data)
    raw = (artifacts / "tbl-excel.excel.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    # the printed table: kr 5 700, kr 44 311, 67 %, 10 %; Totalsum kr 50 011 (the exact sum
    # 50 010,80 rounded), 77 % (0.7667 as a percent)
    assert rows == [
        ["NAV-region", "Refusjon (kr)", "Andel (%)"],
        ["Øst-Viken", "5700", "67"],
        ["Rogaland", "44311", "10"],
        ["Totalsum", "50011", "77"],
    ]
    assert b"\r\n" in raw


def test_excel_rows_and_labels_match_the_markdown_table(artifacts):
    """Independent check: the pipe table in the snippet, read back, has the same labels and
    cells (after removing grouping spaces and units) as the spreadsheet file."""
    data = regions()
    table = build_table(data, stub="region", columns=["refusjon_kr", "andel"],
                        formats={"refusjon_kr": "kr", "andel": "pct"},
                        labels={"region": "NAV-region", "refusjon_kr": "Refusjon",
                                "andel": "Andel"})
    out = publish_table("samsvar", table, caption="Refusjon", data=data, form="pipe")
    md = out["md"].read_text(encoding="utf-8")
    lines = [ln for ln in md.splitlines() if ln.startswith("|") and not ln.startswith("| :")
             and not set(ln) <= set("|:- ")]
    shown = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
    raw = (artifacts / "tbl-samsvar.excel.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw), delimiter=";"))
    assert len(rows) == len(shown) and [r[0] for r in rows] == [r[0] for r in shown]

    def plain(text: str) -> str:
        return text.replace("kr" + NBSP, "").replace(NBSP + "%", "").replace(NBSP, "")

    assert [[plain(c) for c in r[1:]] for r in shown[1:]] == [r[1:] for r in rows[1:]]


def test_figure_download_has_an_excel_file_and_both_links(artifacts):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.bar(["A", "B"], [1, 2])
    data = pd.DataFrame({"category": ["A", "B"], "share": [1 / 3, 2 / 3], "n": [3, 3]})
    out = publish_figure("andeler", fig, caption="Andeler", alt="Søylediagram.", data=data)
    md = out["md"].read_text(encoding="utf-8")
    assert "(/_build/artifacts/03-register/fig-andeler.csv){.download}" in md
    assert "(/_build/artifacts/03-register/fig-andeler.excel.csv){.download}" in md
    raw = (artifacts / "fig-andeler.excel.csv").read_text(encoding="utf-8-sig")
    assert raw.splitlines() == ["category;share;n", "A;0,333333;3", "B;0,666667;3"]
    tidy = (artifacts / "fig-andeler.csv").read_text(encoding="utf-8")
    assert tidy.splitlines() == ["category,share,n", "A,0.333333,3", "B,0.666667,3"]
