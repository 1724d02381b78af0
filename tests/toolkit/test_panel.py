"""Two-way fixed-effects regressions (rapport.stats.panel): panels built by hand."""

import numpy as np
import pandas as pd
import pytest

from rapport.stats.panel import twfe, twfe_lags


def panel(beta=0.12, noise=0.0, lag=0, seed=1):
    """y = β·x(t − lag) + unit effect + time effect (+ noise); x varies by unit and time."""
    rng = np.random.default_rng(seed)
    units, periods = 6, 40
    rows = []
    x = rng.normal(100, 20, size=(units, periods + lag))
    for u in range(units):
        for t in range(periods):
            rows.append({"fylke": f"F{u}", "maaned": t, "ledige": x[u, t + lag],
                         "tiltak": beta * x[u, t] + 50 * u + 3 * t + noise * rng.normal()})
    return pd.DataFrame(rows)


def test_exact_model_recovers_beta_through_the_fixed_effects():
    est = twfe(panel(), y="tiltak", x="ledige", unit="fylke", time="maaned")
    # unit effects 50·u and time effects 3·t are absorbed exactly: β = 0.12, no residual
    assert est["coef"] == pytest.approx(0.12, abs=1e-9)
    assert est["n"] == 240


def test_noisy_model_ci_covers_beta():
    est = twfe(panel(noise=2.0), y="tiltak", x="ledige", unit="fylke", time="maaned")
    assert est["ci_low"] < 0.12 < est["ci_high"]
    assert est["ci_high"] - est["ci_low"] == pytest.approx(2 * 1.959963984540054 * est["se"])
    assert est["p"] < 0.001


def test_lags_find_the_lag_that_drives_y():
    # tiltak(t) = 0.12 · ledige(t − 3) + 50·u + 3·t: the lag-3 model is exact, lag 0 is not
    rng = np.random.default_rng(2)
    x = rng.normal(100, 20, size=(6, 43))
    rows = [{"fylke": f"F{u}", "maaned": t, "ledige": x[u, t],
             "tiltak": (0.12 * x[u, t - 3] if t >= 3 else 0.0) + 50 * u + 3 * t}
            for u in range(6) for t in range(43)]
    out = twfe_lags(pd.DataFrame(rows), y="tiltak", x="ledige", unit="fylke", time="maaned",
                    lags=[0, 3])
    assert out["lag"].tolist() == [0, 3]
    assert out.loc[1, "coef"] == pytest.approx(0.12, abs=1e-9)
    assert abs(out.loc[0, "coef"] - 0.12) > 0.05
    assert out["n"].tolist() == [6 * 43, 6 * 40]      # three periods lost per unit at lag 3


def test_missing_values_are_named():
    frame = panel()
    frame.loc[4, "ledige"] = np.nan
    with pytest.raises(ValueError, match="kolonne 'ledige', rad 5: mangler verdi"):
        twfe(frame, y="tiltak", x="ledige", unit="fylke", time="maaned")


def test_forest_plot_rows_and_alt():
    from rapport.exhibits.figures import forest_plot
    from rapport.exhibits.figures._common import meta
    data = pd.DataFrame({"label": ["Lag 0", "Lag 1", "Lag 0", "Lag 1"],
                         "coef": [12.0, 11.5, 0.5, -1.0], "ci_low": [10.0, 9.0, -1.0, -3.0],
                         "ci_high": [14.0, 14.0, 2.0, 1.0], "gruppe": ["A", "A", "B", "B"]})
    fig = forest_plot(data, facet="gruppe", order=["Lag 1", "Lag 0"])
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title(loc="left") for ax in visible] == ["A", "B"]
    assert [t.get_text() for t in visible[0].get_yticklabels()] == ["Lag 1", "Lag 0"]
    alt = meta(fig)["alt"]
    # A: both intervals exclude 0; B: both include it
    assert "A: 2 estimater fra 11,5 til 12,0, 2 med konfidensintervall" in alt
    assert "B: 2 estimater fra −1,0 til 0,5, 0 med" in alt
