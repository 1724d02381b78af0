"""The priced effects of one participant in one measure, their sum and the verdict.

Rows (kroner per participant, negative = cost), in the order of the report's summary table:

- nav_cost: NAV's cost of running the measure, × (1 + tax_cost); a transfer (wage subsidy)
  counts only its tax-financing cost, tax_cost × transfer
- other_sector_cost: budget cost in other sectors (education), × (1 + tax_cost)
- tiltakspenger: a transfer, tax_cost × expected tiltakspenger
- caseworker: extra caseworker hours × hourly cost
- leisure: participant's hours × net hourly wage × leisure value
- value_creation: NPV of Δ value creation
- benefit_gain: tax-financing gain of benefits saved, tax_cost × (1 − benefit_tax) × NPV

Costs accrue during the measure and are not discounted (they fall within its first months);
the streams of value creation and benefits are discounted and grow with real wages (`model`).
`wage_factor` scales the wage level of participants (value creation of hazard measures and the
value of their leisure) for the sensitivity analyses.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import benefit_saving_stream, npv, value_creation_stream
from .parameters import Common, Measure

ROWS = ("nav_cost", "other_sector_cost", "tiltakspenger", "caseworker", "leisure",
        "value_creation", "benefit_gain")


def priced_effects(measure: Measure, common: Common, *, wage_factor: float = 1.0) -> dict[str, float]:
    """Every priced effect of one participant (kr), keyed by `ROWS`, plus 'sum'."""
    months = measure.duration_months
    tax = common.tax_cost
    rows = {
        "nav_cost": -(measure.nav_cost * (1 + tax) + measure.nav_transfer * tax) * months,
        "other_sector_cost": -measure.other_sector_cost * (1 + tax) * months,
        "tiltakspenger": (-tax * common.tiltakspenger_per_month * months
                          if measure.tiltakspenger else 0.0),
        "caseworker": -measure.caseworker_hours * months * common.caseworker_hourly_cost,
        "leisure": -(common.leisure_hours if measure.leisure_hours is None else measure.leisure_hours)
        * months * common.net_hourly_wage * wage_factor * common.leisure_value,
    }
    value = npv(value_creation_stream(measure, common), common)
    rows["value_creation"] = value * (wage_factor if measure.model == "hazard" else 1.0)
    rows["benefit_gain"] = tax * (1 - common.benefit_tax) * npv(
        benefit_saving_stream(measure, common), common)
    rows = {key: float(v) + 0.0 for key, v in rows.items()}   # no «-0»
    rows["sum"] = sum(rows[key] for key in ROWS)
    return rows


def net_benefit(measure: Measure, common: Common, **kwargs) -> float:
    """Sum of the priced effects (kr per participant)."""
    return priced_effects(measure, common, **kwargs)["sum"]


@dataclass(frozen=True)
class Verdict:
    positive: bool
    text: str           # «Positiv» / «Negativ»


def verdict(priced_sum: float) -> Verdict:
    """«Samlet netto nytte»: the sign of the priced sum. The unpriced effects are shown beside
    it; in the pluss-minus method they can overturn a verdict only by the analyst's judgement,
    which the parameter file does not encode."""
    return Verdict(priced_sum >= 0, "Positiv" if priced_sum >= 0 else "Negativ")
