"""The per-participant streams of a cost–benefit analysis, month by month from the start.

Conventions (one place for each):

- Month t = 0, 1, … covers the t-th month after the start of the measure; a stream's value for
  month t is the amount of that month, and the analysis period has `common.months` months.
- Discounting and real wage growth compound monthly from the annual rates: month t carries
  ((1 + g) / (1 + r)) ** (t / 12) (growth and discount factor together; `discount_factors`).
- The two-state employment model (hazard measures): everyone starts not employed. In month t a
  person not in work finds work with the monthly hazard h_t and a person in work leaves it with
  the exit rate s_t; the employment probability at the end of month t is
  e_t = e_{t-1} (1 − s_t) + (1 − e_{t-1}) h_t, with e_{-1} = 0. The control group has h_t = h0
  and s_t = exit_control throughout. Participants have h0 (1 + lock_in) while in the measure,
  h0 (1 + post_effect) after it until `effect_months` from the start, and exit_treated during
  the same period; afterwards both rates return to the control values. A fractional duration
  (4.5 months) blends lock-in and post effect in the month it ends.
- Value creation of a month in work = monthly wage × job share × labour-cost factor.
- Income measures: the effect on annual earnings (`income_during`, then `income_after`) lasts
  `income_constant_years` from the start, then shrinks continuously by `income_decay` per year
  (income_decay = 1 stops it there). Value creation = labour-cost factor × earnings effect.
"""

from __future__ import annotations

import numpy as np

from .parameters import Common, Measure


def discount_factors(common: Common, months: int | None = None) -> np.ndarray:
    """Growth-and-discount factor per month: ((1 + g) / (1 + r)) ** (t / 12)."""
    t = np.arange(common.months if months is None else months)
    return ((1 + common.wage_growth) / (1 + common.discount_rate)) ** (t / 12)


def present_value_factors(common: Common, months: int | None = None) -> np.ndarray:
    """Discount factor per month without growth: (1 + r) ** (−t / 12)."""
    t = np.arange(common.months if months is None else months)
    return (1 + common.discount_rate) ** (-t / 12)


def npv(stream, common: Common, *, grow: bool = True) -> float:
    """Net present value of a monthly stream (month 0 undiscounted); `grow` applies real wage
    growth as well (value creation and benefits grow with wages)."""
    stream = np.asarray(stream, dtype=float)
    factors = discount_factors(common, len(stream)) if grow else present_value_factors(
        common, len(stream))
    return float(np.dot(stream, factors))


def _in_measure(measure: Measure, months: int) -> np.ndarray:
    """Share of month t spent in the measure (1 before the end, fractional in the last)."""
    t = np.arange(months)
    return np.clip(measure.duration_months - t, 0.0, 1.0)


def employment_paths(measure: Measure, common: Common, months: int | None = None):
    """(participants, control): employment probability at the end of each month, and the
    participants' monthly hazard (for Figur 4-1 A). Only for hazard measures."""
    if measure.model != "hazard":
        raise ValueError(f"{measure.name}: employment paths need model 'hazard', not {measure.model!r}")
    months = common.months if months is None else months
    effect = common.effect_months if measure.effect_months is None else measure.effect_months
    inside = _in_measure(measure, months)
    t = np.arange(months)
    lasting = np.clip(effect - t, 0.0, 1.0)      # share of month t the effects still last
    h0 = measure.base_hazard
    relative = inside * measure.lock_in + (1 - inside) * measure.post_effect
    hazard = h0 * (1 + lasting * relative)
    exit_rate = common.exit_control + lasting * (common.exit_treated - common.exit_control)
    treated = np.empty(months)
    control = np.empty(months)
    e_t = e_c = 0.0
    for k in range(months):
        e_t = e_t * (1 - exit_rate[k]) + (1 - e_t) * hazard[k]
        e_c = e_c * (1 - common.exit_control) + (1 - e_c) * h0
        treated[k], control[k] = e_t, e_c
    return treated, control, hazard


def income_effect(measure: Measure, common: Common, months: int | None = None) -> np.ndarray:
    """Effect on monthly earnings (kr per month) for an income measure."""
    if measure.model != "income":
        raise ValueError(f"{measure.name}: an income effect needs model 'income', not {measure.model!r}")
    months = common.months if months is None else months
    t = np.arange(months)
    inside = _in_measure(measure, months)
    annual = inside * measure.income_during + (1 - inside) * measure.income_after
    years_after = np.maximum(t / 12 - measure.income_constant_years, 0.0)
    if measure.income_decay >= 1:
        fade = (t < measure.income_constant_years * 12).astype(float)
    else:
        fade = (1 - measure.income_decay) ** years_after
    return annual * fade / 12


def job_share(measure: Measure, common: Common) -> float:
    return common.job_share if measure.job_share is None else measure.job_share


def value_creation_stream(measure: Measure, common: Common, months: int | None = None) -> np.ndarray:
    """Δ value creation per month (kr, before growth and discounting)."""
    if measure.model == "hazard":
        treated, control, _ = employment_paths(measure, common, months)
        per_month = common.monthly_wage * job_share(measure, common) * common.labour_cost_factor
        return (treated - control) * per_month
    return income_effect(measure, common, months) * common.labour_cost_factor


def benefit_saving_stream(measure: Measure, common: Common, months: int | None = None) -> np.ndarray:
    """Benefits saved per month (kr, gross of tax, before growth and discounting): for hazard
    measures the fall in the probability of being out of work × the monthly benefit; for income
    measures the benefit kroner saved per krone of extra earnings."""
    if measure.model == "hazard":
        treated, control, _ = employment_paths(measure, common, months)
        return (treated - control) * common.benefit_per_year / 12
    return income_effect(measure, common, months) * common.benefit_per_income_krone
