"""Sensitivity analyses: break-even solvers and scenario toggles for one measure.

- `break_even(f, lo, hi)`: the root of a monotone function on [lo, hi] (scipy's brentq), with
  a clear error when the bracket holds no sign change.
- `break_even_wage`, `break_even_job_share`: the wage level (share of the assumed wage) and the
  job share at which the priced sum is zero; `break_even_joint`: the common relative reduction
  of both that makes it zero.
- `break_even_duration`: the shortest duration on a grid (default half months) at which the
  priced sum turns negative («margin»).
- `scenario(measure, common, …)`: copies with changed parameters (effect horizon, zero effect
  during the measure, another job share, no leisure cost, …).
"""

from __future__ import annotations

from dataclasses import fields, replace

import numpy as np
from scipy.optimize import brentq

from .accounts import net_benefit
from .parameters import Common, Measure


def break_even(f, lo: float, hi: float, *, what: str = "value") -> float:
    """x in [lo, hi] with f(x) = 0."""
    f_lo, f_hi = f(lo), f(hi)
    if f_lo == 0:
        return float(lo)
    if f_hi == 0:
        return float(hi)
    if np.sign(f_lo) == np.sign(f_hi):
        raise ValueError(f"no break-even {what} in [{lo}, {hi}]: the function is "
                         f"{f_lo:.1f} and {f_hi:.1f} at the ends")
    return float(brentq(f, lo, hi, xtol=1e-10))


def scenario(measure: Measure, common: Common | None = None, **changes):
    """(measure, common) with `changes` applied to whichever holds each key."""
    measure_keys = {f.name for f in fields(Measure)}
    common_keys = {f.name for f in fields(Common)}
    m_changes = {k: v for k, v in changes.items() if k in measure_keys}
    c_changes = {k: v for k, v in changes.items() if k in common_keys and k not in measure_keys}
    unknown = set(changes) - measure_keys - common_keys
    if unknown:
        raise ValueError(f"unknown scenario parameter(s): {', '.join(sorted(unknown))}")
    if c_changes and common is None:
        raise ValueError("scenario: pass `common` to change common parameters")
    new_common = replace(common, **c_changes) if common is not None else None
    return replace(measure, **m_changes), new_common


def _job_share(measure: Measure, common: Common) -> float:
    return common.job_share if measure.job_share is None else measure.job_share


def break_even_wage(measure: Measure, common: Common) -> float:
    """Wage level, as a share of the assumed wage, at which the priced sum is zero."""
    return break_even(lambda w: net_benefit(measure, common, wage_factor=w), 1e-6, 1.0,
                      what="wage")


def break_even_job_share(measure: Measure, common: Common) -> float:
    """Job share of those in work at which the priced sum is zero."""
    def f(share):
        return net_benefit(replace(measure, job_share=share), common)
    return break_even(f, 1e-6, _job_share(measure, common), what="job share")


def break_even_joint(measure: Measure, common: Common) -> float:
    """Relative reduction x of wage and job share together (both × (1 − x)) at which the
    priced sum is zero."""
    share = _job_share(measure, common)

    def f(x):
        return net_benefit(replace(measure, job_share=share * (1 - x)), common, wage_factor=1 - x)
    return break_even(f, 0.0, 1 - 1e-6, what="joint reduction")


def break_even_duration(measure: Measure, common: Common, *, step: float = 0.5,
                        longest: float = 120.0) -> float:
    """The shortest duration on the grid step, 2·step, … at which the priced sum is negative."""
    for duration in np.arange(step, longest + step / 2, step):
        if net_benefit(replace(measure, duration_months=float(duration)), common) < 0:
            return float(duration)
    raise ValueError(f"{measure.name}: the priced sum stays non-negative up to {longest} months")
