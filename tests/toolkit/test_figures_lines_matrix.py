"""Line charts in panels and text matrices (rapport.exhibits.figures.lines, .matrix)."""

import pandas as pd
import pytest

from rapport.exhibits.figures import line_panels
from rapport.exhibits.figures._common import meta


def test_panels_series_and_alt_text():
    data = pd.DataFrame({
        "maaned": [0, 1, 2] * 3,
        "verdi": [-100, 50, 20, 10, 30, 0, 5000, 2000, 1000],
        "tiltak": ["AMO"] * 3 + ["Oppfølging"] * 3 + ["AFT"] * 3,
        "panel": ["A: første"] * 6 + ["B: andre"] * 3,
    })
    fig = line_panels(data, x="maaned", y="verdi", series="tiltak", panel="panel")
    assert len(fig.axes) == 2
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["A: første", "B: andre"]
    assert len(fig.axes[0].get_lines()) == 3          # two series + the zero line
    info = meta(fig)
    assert info["kind"] == "line_panels"
    assert len(info["data"]) == 9
    alt = info["alt"]
    assert alt.startswith("Linjediagram i 2 paneler over måneder 0–2.")
    assert "AMO: høyest kr\u00a050 ved 1, lavest \u2212kr\u00a0100 ved 0" in alt
    assert "AFT: høyest kr\u00a05\u00a0000 ved 0" in alt


def test_missing_column_is_named():
    with pytest.raises(KeyError, match="verdi"):
        line_panels(pd.DataFrame({"x": [1]}), x="x", y="verdi")


def test_sign_matrix_cells_and_alt():
    from rapport.exhibits.figures import sign_matrix
    table = pd.DataFrame({"Liten": ["0 / +", "0"], "Stor": ["++ / +++", "- / --"]},
                         index=["Middels positivt", "Lite negativt"])
    fig = sign_matrix(table, row_title="Omfang", column_title="Betydning")
    info = meta(fig)
    assert info["alt"] == ("Matrise med 2 rader (Omfang) og 2 kolonner (Betydning). "
                           "Middels positivt: Liten 0 / + og Stor ++ / +++; "
                           "Lite negativt: Liten 0 og Stor - / --.")
    assert list(info["data"].columns) == ["Omfang", "Betydning", "konsekvens"]
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"0 / +", "++ / +++", "- / --", "Middels positivt"} <= texts


def test_panel_kinds_format_each_panel():
    data = pd.DataFrame({"x": [0, 1, 0, 1], "v": [0.25, 0.5, 1000, 2000],
                         "p": ["A: andel", "A: andel", "B: kroner", "B: kroner"]})
    fig = line_panels(data, x="x", y="v", panel="p", kind="kr",
                      panel_kinds={"A: andel": ("pct", 0)})
    alt = meta(fig)["alt"]
    assert "A: andel: høyest 50\u00a0% ved 1, lavest 25\u00a0% ved 0" in alt
    assert "B: kroner: høyest kr\u00a02\u00a0000 ved 1" in alt
    assert len(fig.axes[0].get_lines()) == 1      # no zero line in a share panel
