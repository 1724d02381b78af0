"""Round half up (away from zero): the one rounding rule of the project.

Python's `round` and numpy's `np.round` round half to even (2.5 -> 2), and binary floats make
0.125 or 2.675 land just below the half. Reports round half up: 0.125 -> 0.13, 2.5 -> 3,
-2.5 -> -3 (halves go away from zero, so signed differences round symmetrically).

`round_half_up` works on scalars, numpy arrays and pandas Series/DataFrames. The vectorised
method scales by 10**decimals, removes binary noise by rounding the scaled value to 9 decimals
(so 2.675 * 100 = 267.49999999999997 becomes 267.5), then floors |x| + 0.5. For scalars this
agrees with `decimal.Decimal(str(x)).quantize(..., ROUND_HALF_UP)`, which the tests check.
NaN stays NaN.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

__all__ = ["round_half_up", "round_half_up_decimal"]

_NOISE_DECIMALS = 9


def _round_array(x: np.ndarray, decimals: int) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    factor = 10.0**decimals
    scaled = np.round(np.abs(x) * factor, _NOISE_DECIMALS)
    out = np.sign(x) * np.floor(scaled + 0.5) / factor
    # avoid "-0.0" for values that round to zero
    return out + 0.0


def round_half_up(x, decimals: int = 0):
    """Round `x` half away from zero to `decimals` decimals.

    Accepts a number, a numpy array, or a pandas Series/DataFrame (returned with the same
    index/columns). Scalars come back as Python floats.
    """
    if isinstance(x, pd.DataFrame):
        return pd.DataFrame(_round_array(x.to_numpy(dtype=float), decimals), index=x.index,
                            columns=x.columns)
    if isinstance(x, pd.Series):
        return pd.Series(_round_array(x.to_numpy(dtype=float), decimals), index=x.index,
                         name=x.name)
    if np.ndim(x) == 0:
        return float(_round_array(np.asarray([x], dtype=float), decimals)[0])
    return _round_array(x, decimals)


def round_half_up_decimal(x: float | int | Decimal, decimals: int = 0) -> Decimal:
    """Exact rounding of one number, via its decimal value (`Decimal(str(x))` for floats).

    This is the rule the formatter (`rapport.exhibits.fmt`) prints with.
    """
    quantum = Decimal(1).scaleb(-decimals)
    value = x if isinstance(x, (Decimal, int)) else Decimal(str(x))
    return Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
