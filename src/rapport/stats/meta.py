"""Meta-analysis helpers: standardised effect sizes, their standard errors and vote counts.

An effect on an employment probability (in probability units, 0.05 = 5 percentage points) is
standardised by the standard deviation of the outcome in the comparison group, √(p (1 − p)) for
a binary outcome with baseline rate p (as in Vooren et al., 2019): d = effect / √(p (1 − p)),
se(d) = se / √(p (1 − p)). An estimate is significant when |d / se(d)| ≥ z (1.96 for 5 %).
The vote count classifies every estimate as significantly positive, not significant or
significantly negative.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

Z_5PCT = 1.959963984540054
CLASSES = ("signifikant positiv", "ikke signifikant", "signifikant negativ")


def _check(frame: pd.DataFrame, columns, where: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{where}: mangler kolonne(r) {missing}; har {list(frame.columns)}")


def effect_sizes(frame: pd.DataFrame, *, effect: str = "effekt", se: str = "se",
                 baseline: str = "baseline", z: float = Z_5PCT,
                 where: str = "effektestimater") -> pd.DataFrame:
    """`frame` with d, se_d, z_verdi and klasse added (one row per estimate).

    Raises ValueError naming the row when a standard error is not positive or a baseline rate
    is not strictly between 0 and 1.
    """
    _check(frame, [effect, se, baseline], where)
    out = frame.copy()
    bad_se = ~(out[se] > 0)
    if bad_se.any():
        row = int(np.flatnonzero(bad_se.to_numpy())[0])
        raise ValueError(f"{where}: kolonne {se!r}, rad {row + 1}: standardfeilen må være "
                         f"positiv, er {out[se].iloc[row]!r}")
    bad_p = ~((out[baseline] > 0) & (out[baseline] < 1))
    if bad_p.any():
        row = int(np.flatnonzero(bad_p.to_numpy())[0])
        raise ValueError(f"{where}: kolonne {baseline!r}, rad {row + 1}: basisraten må ligge "
                         f"mellom 0 og 1, er {out[baseline].iloc[row]!r}")
    sd = np.sqrt(out[baseline] * (1 - out[baseline]))
    out["d"] = out[effect] / sd
    out["se_d"] = out[se] / sd
    out["z_verdi"] = out["d"] / out["se_d"]
    out["klasse"] = np.select([out["z_verdi"] >= z, out["z_verdi"] <= -z],
                              [CLASSES[0], CLASSES[2]], CLASSES[1])
    return out


def vote_count(sizes: pd.DataFrame, *, by: str | list[str] | None = None) -> pd.DataFrame:
    """Counts and shares of the three classes (from :func:`effect_sizes`), overall or per group.

    Columns: the group column(s), klasse, antall, andel (of the group's estimates); every class
    appears in every group (with 0).
    """
    _check(sizes, ["klasse"], "vote_count")
    keys = [by] if isinstance(by, str) else list(by or [])
    groups = sizes.groupby(keys, sort=False) if keys else [((), sizes)]
    rows = []
    for key, part in groups:
        key = key if isinstance(key, tuple) else (key,)
        total = len(part)
        for cls in CLASSES:
            n = int((part["klasse"] == cls).sum())
            rows.append({**dict(zip(keys, key)), "klasse": cls, "antall": n,
                         "andel": n / total if total else float("nan")})
    return pd.DataFrame(rows)
