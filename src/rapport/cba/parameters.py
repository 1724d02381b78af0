"""The parameter file of a cost–benefit analysis: YAML → validated, immutable dataclasses.

The file has two mappings: `common` (assumptions shared by every measure: discount rate,
horizon, tax-financing cost, wages, benefits, leisure and caseworker time) and `measures` (one
entry per measure, keyed by its display name). Rates are fractions (0.04, not 4). Every unknown
key, missing key or value of the wrong type or range is reported as one `ParameterError` naming
the file, the key path and what was expected.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml


class ParameterError(ValueError):
    """A problem in a parameter file: the file, the key path and what was expected."""

    def __init__(self, where: str, key: str, problem: str):
        super().__init__(f"{where}: {key}: {problem}")
        self.where, self.key, self.problem = where, key, problem


@dataclass(frozen=True)
class Common:
    """Assumptions shared by all measures (R-109/21 and the report's own)."""

    discount_rate: float            # real, per year (R-109/21: 0.04)
    horizon_years: float            # analysis period (whole months: years × 12 rounded)
    price_year: int                 # the kroner of every amount («2023-kroner»)
    tax_cost: float                 # skattefinansieringskostnad per budget krone (0.20)
    wage_growth: float              # real wage growth per year; grows value creation and benefits
    labour_cost_factor: float       # value of a month's work per krone of gross wage (1.40)
    monthly_wage: float             # gross full-time-equivalent monthly wage
    job_share: float                # stillingsandel of those in work (hazard measures)
    exit_control: float             # monthly employed → not employed, control group
    exit_treated: float             # the same for participants while the effect lasts
    effect_months: float            # how long after start the effects on the hazards last
    benefit_per_year: float         # benefits paid per year to a person not in work
    benefit_per_income_krone: float  # benefit kroner saved per krone of extra earnings
    benefit_tax: float              # tax on benefits (the saving counted is net of it)
    tiltakspenger_share: float      # share of participants who receive tiltakspenger
    tiltakspenger_daily_rate: float  # tiltakspenger per day
    tiltakspenger_days_per_month: float  # days paid per month
    leisure_hours: float            # participant's extra hours in a measure per month
    income_tax: float               # tax rate at the monthly wage (net wage)
    hours_per_month: float          # hours in a full-time month
    leisure_value: float            # value of leisure as a share of the net hourly wage
    caseworker_hourly_cost: float   # cost of one hour of caseworker time

    @property
    def months(self) -> int:
        return int(round(self.horizon_years * 12))

    @property
    def net_hourly_wage(self) -> float:
        return self.monthly_wage * (1 - self.income_tax) / self.hours_per_month

    @property
    def tiltakspenger_per_month(self) -> float:
        """Expected tiltakspenger per participant-month: rate × days × the share receiving it."""
        return (self.tiltakspenger_daily_rate * self.tiltakspenger_days_per_month
                * self.tiltakspenger_share)


@dataclass(frozen=True)
class Measure:
    """One measure: its effect model, duration and costs per participant-month."""

    name: str
    model: str                      # "hazard" (transition to work) or "income" (earnings)
    duration_months: float
    # hazard model: baseline monthly transition to work, relative lock-in and post effects
    base_hazard: float = 0.0
    lock_in: float = 0.0
    post_effect: float = 0.0
    job_share: float | None = None  # overrides common.job_share
    effect_months: float | None = None  # overrides common.effect_months
    # income model: effect on annual earnings during and after the measure
    income_during: float = 0.0
    income_after: float = 0.0
    income_constant_years: float = 0.0  # constant this long from start ...
    income_decay: float = 1.0       # ... then shrinks by this share per year (1.0: stops)
    # costs per participant-month
    nav_cost: float = 0.0           # budget cost in NAV (social cost: × (1 + tax_cost))
    nav_transfer: float = 0.0       # a transfer (wage subsidy): only its tax-financing cost counts
    # or the transfer as a wage subsidy: this share of common.monthly_wage × wage_subsidy_markup
    # (holiday pay, employer's tax, pension); parse_parameters turns it into nav_transfer
    wage_subsidy: float | None = None
    wage_subsidy_markup: float = 1.0
    other_sector_cost: float = 0.0  # budget cost in other sectors (× (1 + tax_cost))
    tiltakspenger: bool = True      # participants may receive tiltakspenger
    caseworker_hours: float = 0.0   # extra caseworker hours per month in the measure
    leisure_hours: float | None = None  # overrides common.leisure_hours


@dataclass(frozen=True)
class Unpriced:
    """An unpriced effect assessed with the pluss-minus method: its significance, and its
    magnitude and consequence for every measure (a default and per-measure exceptions)."""

    name: str
    significance: str
    consequences: dict[str, tuple[str, str]]   # measure → (magnitude, consequence symbol)


@dataclass(frozen=True)
class Parameters:
    common: Common
    measures: dict[str, Measure]
    source: str = ""
    unpriced: tuple[Unpriced, ...] = ()


_MEASURE_KEYS = {f.name for f in fields(Measure)} - {"name"}
_COMMON_KEYS = [f.name for f in fields(Common)]
_INT_KEYS = {"price_year"}
_FRACTIONS = {"discount_rate", "tax_cost", "wage_growth", "job_share", "exit_control",
              "exit_treated", "benefit_tax", "income_tax", "leisure_value", "base_hazard",
              "income_decay", "tiltakspenger_share", "wage_subsidy"}


def _number(value: Any, where: str, key: str, *, integer: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ParameterError(where, key, f"expected a number, got {value!r}")
    if integer and int(value) != value:
        raise ParameterError(where, key, f"expected a whole number, got {value!r}")
    if value != value:
        raise ParameterError(where, key, "expected a number, got NaN")
    return int(value) if integer else float(value)


def _check_range(value: float, where: str, key: str) -> None:
    name = key.rsplit(".", 1)[-1]
    if name in _FRACTIONS and not 0 <= value <= 1:
        raise ParameterError(where, key, f"expected a fraction between 0 and 1, got {value!r}")
    if name in {"duration_months", "monthly_wage", "hours_per_month", "horizon_years",
                "labour_cost_factor", "wage_subsidy_markup"} and value <= 0:
        raise ParameterError(where, key, f"expected a positive number, got {value!r}")


def _measure(name: str, raw: Any, where: str) -> Measure:
    path = f"measures.{name}"
    if not isinstance(raw, dict):
        raise ParameterError(where, path, "expected a mapping of the measure's parameters")
    unknown = sorted(set(raw) - _MEASURE_KEYS)
    if unknown:
        raise ParameterError(where, f"{path}.{unknown[0]}",
                             f"unknown key (known: {', '.join(sorted(_MEASURE_KEYS))})")
    for required in ("model", "duration_months"):
        if required not in raw:
            raise ParameterError(where, f"{path}.{required}", "missing")
    if raw["model"] not in ("hazard", "income"):
        raise ParameterError(where, f"{path}.model",
                             f"expected 'hazard' or 'income', got {raw['model']!r}")
    if raw["model"] == "hazard" and "base_hazard" not in raw:
        raise ParameterError(where, f"{path}.base_hazard", "missing (required for model hazard)")
    values: dict[str, Any] = {"name": name}
    for key, value in raw.items():
        full = f"{path}.{key}"
        if key == "model":
            values[key] = value
        elif key == "tiltakspenger":
            if not isinstance(value, bool):
                raise ParameterError(where, full, f"expected true or false, got {value!r}")
            values[key] = value
        elif value is None and key in {"job_share", "effect_months", "leisure_hours",
                                       "wage_subsidy"}:
            values[key] = None
        else:
            number = _number(value, where, full)
            _check_range(number, where, full)
            values[key] = number
    return Measure(**values)


def parse_parameters(raw: Any, where: str = "<parameters>") -> Parameters:
    """Parameters from an already loaded mapping (`where` names it in errors)."""
    if not isinstance(raw, dict):
        raise ParameterError(where, "(top level)", "expected a mapping with 'common' and 'measures'")
    unknown = sorted(set(raw) - {"common", "measures", "source", "unpriced"})
    if unknown:
        raise ParameterError(where, unknown[0],
                             "unknown key (known: common, measures, source, unpriced)")
    common_raw = raw.get("common")
    if not isinstance(common_raw, dict):
        raise ParameterError(where, "common", "missing or not a mapping")
    unknown = sorted(set(common_raw) - set(_COMMON_KEYS))
    if unknown:
        raise ParameterError(where, f"common.{unknown[0]}", "unknown key")
    values = {}
    for key in _COMMON_KEYS:
        if key not in common_raw:
            raise ParameterError(where, f"common.{key}", "missing")
        number = _number(common_raw[key], where, f"common.{key}", integer=key in _INT_KEYS)
        _check_range(number, where, f"common.{key}")
        values[key] = number
    measures_raw = raw.get("measures")
    if not isinstance(measures_raw, dict) or not measures_raw:
        raise ParameterError(where, "measures", "missing or empty (expected name → parameters)")
    measures = {str(name): _measure(str(name), m, where) for name, m in measures_raw.items()}
    common = Common(**values)
    measures = {name: _with_wage_subsidy(m, common, where) for name, m in measures.items()}
    unpriced = tuple(_unpriced(name, u, measures, where)
                     for name, u in (raw.get("unpriced") or {}).items())
    return Parameters(common, measures, str(raw.get("source", "")), unpriced)


def _with_wage_subsidy(measure: Measure, common: Common, where: str) -> Measure:
    """A measure given as a wage subsidy gets its monthly transfer from the shared wage."""
    if measure.wage_subsidy is None:
        return measure
    if measure.nav_transfer:
        raise ParameterError(where, f"measures.{measure.name}.wage_subsidy",
                             "give either wage_subsidy or nav_transfer, not both")
    transfer = common.monthly_wage * measure.wage_subsidy * measure.wage_subsidy_markup
    return replace(measure, nav_transfer=transfer)


def _unpriced(name: str, raw: Any, measures: dict, where: str) -> Unpriced:
    """`{significance, magnitude, symbol, measures: {name: {magnitude, symbol}}}`, checked
    against DFØ's consequence matrix."""
    from .matrix import check_consequence

    path = f"unpriced.{name}"
    if not isinstance(raw, dict):
        raise ParameterError(where, path, "expected a mapping (significance, magnitude, symbol)")
    unknown = sorted(set(raw) - {"significance", "magnitude", "symbol", "measures", "note"})
    if unknown:
        raise ParameterError(where, f"{path}.{unknown[0]}", "unknown key")
    for key in ("significance", "magnitude", "symbol"):
        if key not in raw:
            raise ParameterError(where, f"{path}.{key}", "missing")
    exceptions = raw.get("measures") or {}
    for measure in exceptions:
        if measure not in measures:
            raise ParameterError(where, f"{path}.measures.{measure}",
                                 f"not a measure in this file ({', '.join(measures)})")
    consequences = {}
    for measure in measures:
        own = {**{"magnitude": raw["magnitude"], "symbol": raw["symbol"]},
               **(exceptions.get(measure) or {})}
        try:
            check_consequence(str(own["symbol"]), raw["significance"], own["magnitude"])
        except ValueError as exc:
            raise ParameterError(where, f"{path}.measures.{measure}"
                                 if measure in exceptions else path, str(exc)) from None
        consequences[measure] = (own["magnitude"], str(own["symbol"]))
    return Unpriced(name, str(raw["significance"]), consequences)


def load_parameters(path: str | Path) -> Parameters:
    """Read and validate a parameter file; the read is recorded for the build cache."""
    from rapport.data.recorder import record_read

    path = Path(path)
    where = str(path)
    if not path.is_file():
        raise ParameterError(where, "(file)", "file not found")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ParameterError(where, "(file)", f"not valid YAML: {exc}") from None
    record_read(path)
    return parse_parameters(raw, where)
