"""Two-way fixed-effects panel regressions (unit and time fixed effects) with statsmodels.

    y_it = α + β · x_i,t−k + Σ θ · controls_it + γ_i + λ_t + ε_it

`twfe` estimates one model; `twfe_lags` one model per lag k of the regressor (k = 0 … 12 in a
monthly panel: how y today moves with x k months ago). Fixed effects enter as category dummies
in an OLS (statsmodels, one dummy per unit and period but the first); standard errors are heteroskedasticity-robust (HC1) or
clustered by a column; confidence intervals are at `level` (95 % by default). Rows whose lagged
regressor falls before the unit's first period are dropped.
"""

from __future__ import annotations

import pandas as pd
import statsmodels.api as sm


def _check(frame: pd.DataFrame, columns, where: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{where}: mangler kolonne(r) {missing}; har {list(frame.columns)}")
    for col in columns:
        if frame[col].isna().any():
            row = int(frame[col].isna().to_numpy().nonzero()[0][0])
            raise ValueError(f"{where}: kolonne {col!r}, rad {row + 1}: mangler verdi")


def twfe(frame: pd.DataFrame, *, y: str, x: str, unit: str, time: str, controls=(),
         cluster: str | None = None, level: float = 0.95, where: str = "panel") -> dict:
    """β for `x` with unit and time fixed effects: coef, se, ci_low, ci_high, p, n."""
    _check(frame, [y, x, unit, time, *controls, *([cluster] if cluster else [])], where)
    regressors = frame[[x, *controls]].astype(float)
    dummies = pd.get_dummies(frame[[unit, time]].astype(str), drop_first=True, dtype=float)
    design = sm.add_constant(pd.concat([regressors, dummies], axis=1), has_constant="add")
    model = sm.OLS(frame[y].astype(float).to_numpy(), design)
    if cluster:
        fit = model.fit(method="qr", cov_type="cluster",
                        cov_kwds={"groups": pd.factorize(frame[cluster])[0]})
    else:
        fit = model.fit(method="qr", cov_type="HC1")
    low, high = fit.conf_int(alpha=1 - level).loc[x]
    return {"coef": float(fit.params[x]), "se": float(fit.bse[x]), "ci_low": float(low),
            "ci_high": float(high), "p": float(fit.pvalues[x]), "n": int(fit.nobs)}


def twfe_lags(frame: pd.DataFrame, *, y: str, x: str, unit: str, time: str, lags=range(13),
              controls=(), cluster: str | None = None, level: float = 0.95,
              where: str = "panel") -> pd.DataFrame:
    """One :func:`twfe` per lag of `x` (within each unit, ordered by `time`): rows lag, coef,
    se, ci_low, ci_high, p, n."""
    _check(frame, [y, x, unit, time], where)
    ordered = frame.sort_values([unit, time]).reset_index(drop=True)
    rows = []
    for k in lags:
        data = ordered.assign(_lagged=ordered.groupby(unit, sort=False)[x].shift(int(k)))
        data = data.dropna(subset=["_lagged"])
        est = twfe(data.drop(columns=[x]).rename(columns={"_lagged": x}), y=y, x=x, unit=unit,
                   time=time, controls=controls, cluster=cluster, level=level, where=where)
        rows.append({"lag": int(k), **est})
    return pd.DataFrame(rows)
