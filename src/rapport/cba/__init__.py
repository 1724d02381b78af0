"""Cost–benefit analysis per Finansdepartementet's circular R-109/21, driven by a parameter file.

    from rapport.cba import load_parameters, priced_effects, net_benefit
    params = load_parameters("data/raw/cba_forutsetninger.yml")   # validated, recorded
    rows = priced_effects(params.measures["AMO-kurs"], params.common)

Modules: `parameters` (the YAML file → dataclasses, one clear error per bad key), `model` (the
two-state monthly employment model, income and benefit streams, discounting), `accounts` (the
priced effects of one participant, their sum and verdict), `matrix` (DFØ's consequence matrix
for the unpriced effects), `sensitivity` (break-even solvers and scenario toggles).
"""

from .accounts import ROWS, Verdict, net_benefit, priced_effects, verdict
from .matrix import CONSEQUENCE_MATRIX, MAGNITUDES, SIGNIFICANCES, check_consequence, consequence
from .model import (discount_factors, employment_paths, income_effect, npv,
                    benefit_saving_stream, value_creation_stream)
from .parameters import (Common, Measure, ParameterError, Parameters, Unpriced, load_parameters,
                         parse_parameters)
from .sensitivity import (break_even, break_even_duration, break_even_job_share,
                          break_even_joint, break_even_wage, scenario)

__all__ = [
    "ROWS", "Verdict", "net_benefit", "priced_effects", "verdict",
    "CONSEQUENCE_MATRIX", "MAGNITUDES", "SIGNIFICANCES", "check_consequence", "consequence",
    "discount_factors", "employment_paths", "income_effect", "npv", "benefit_saving_stream",
    "value_creation_stream",
    "Common", "Measure", "Parameters", "Unpriced", "ParameterError", "load_parameters", "parse_parameters",
    "break_even", "break_even_duration", "break_even_job_share", "break_even_joint",
    "break_even_wage", "scenario",
]
