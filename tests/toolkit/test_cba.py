"""Cost–benefit engine (rapport.cba): hand-computed small cases.

Every expected value below is worked out by hand in the comment beside it, never taken from
the engine.
"""

import math

import numpy as np
import pytest

from rapport.cba import (ParameterError, break_even, break_even_duration, break_even_job_share,
                         break_even_joint, break_even_wage, check_consequence, consequence,
                         employment_paths, net_benefit, npv, parse_parameters, priced_effects,
                         scenario, value_creation_stream, verdict)

COMMON = {
    "discount_rate": 0.0, "horizon_years": 1 / 12, "price_year": 2023, "tax_cost": 0.2,
    "wage_growth": 0.0, "labour_cost_factor": 1.5, "monthly_wage": 10000, "job_share": 1.0,
    "exit_control": 0.1, "exit_treated": 0.1, "effect_months": 48,
    "benefit_per_year": 12000, "benefit_per_income_krone": 0.5, "benefit_tax": 0.11,
    "tiltakspenger_share": 0.1, "tiltakspenger_daily_rate": 268,
    "tiltakspenger_days_per_month": 20, "leisure_hours": 80, "income_tax": 0.25,
    "hours_per_month": 100, "leisure_value": 0.5, "caseworker_hourly_cost": 400,
}
ONE_MONTH = {"model": "hazard", "duration_months": 1, "base_hazard": 0.2, "lock_in": 0.5,
             "post_effect": 0.0, "nav_cost": 500, "caseworker_hours": 0.5}


def params(common=None, **measures):
    return parse_parameters({"common": {**COMMON, **(common or {})},
                             "measures": measures or {"M": ONE_MONTH}}, "test.yml")


def test_one_month_one_measure_every_row():
    p = params()
    rows = priced_effects(p.measures["M"], p.common)
    # treated find work with 0.2 × 1.5 = 0.3, the control with 0.2: Δ employment 0.1
    assert rows["value_creation"] == pytest.approx(0.1 * 10000 * 1.0 * 1.5)        # 1 500
    assert rows["nav_cost"] == pytest.approx(-500 * 1 * 1.2)                       # −600
    assert rows["tiltakspenger"] == pytest.approx(-0.2 * 536)  # 268 × 20 × 0.1 = 536: −107,2
    assert rows["caseworker"] == pytest.approx(-0.5 * 400)                         # −200
    # net hourly wage 10 000 × 0.75 / 100 = 75 kr; 80 h × 75 × ½ = 3 000
    assert rows["leisure"] == pytest.approx(-3000)
    # benefits saved 0.1 × 12 000 / 12 = 100; gain 0.2 × 0.89 × 100 = 17.8
    assert rows["benefit_gain"] == pytest.approx(17.8)
    assert rows["other_sector_cost"] == 0
    assert rows["sum"] == pytest.approx(1500 + 17.8 - 600 - 107.2 - 200 - 3000)    # −2 389,4
    assert verdict(rows["sum"]).text == "Negativ"


def test_two_months_post_effect_and_exit():
    p = params({"horizon_years": 2 / 12}, M={**ONE_MONTH, "post_effect": 1.0})
    treated, control, hazard = employment_paths(p.measures["M"], p.common)
    # month 0: 0.3 vs 0.2; month 1: hazard 0.2 × 2 = 0.4 for participants
    assert hazard == pytest.approx([0.3, 0.4])
    assert treated == pytest.approx([0.3, 0.3 * 0.9 + 0.7 * 0.4])                 # 0.55
    assert control == pytest.approx([0.2, 0.2 * 0.9 + 0.8 * 0.2])                 # 0.34


def test_zero_effect_gives_zero_benefit():
    p = params({"horizon_years": 20},
               H={**ONE_MONTH, "lock_in": 0.0, "post_effect": 0.0, "duration_months": 6},
               I={"model": "income", "duration_months": 6, "income_during": 0,
                  "income_after": 0, "income_constant_years": 7})
    for name in ("H", "I"):
        rows = priced_effects(p.measures[name], p.common)
        assert rows["value_creation"] == 0
        assert rows["benefit_gain"] == 0


def test_discounting_of_a_known_stream():
    p = params({"discount_rate": 0.04, "horizon_years": 20})
    stream = np.zeros(24)
    stream[12] = 1040            # one year ahead at 4 %: 1 040 / 1.04 = 1 000
    stream[0] = 500              # month 0 is not discounted
    assert npv(stream, p.common) == pytest.approx(1500)
    grown = params({"discount_rate": 0.04, "wage_growth": 0.04, "horizon_years": 20})
    assert npv(np.full(36, 10.0), grown.common) == pytest.approx(360)   # growth offsets
    # monthly compounding: month 6 at 4 % a year is 1.04 ** −0.5
    stream = np.zeros(12)
    stream[6] = 1
    assert npv(stream, p.common) == pytest.approx(1 / math.sqrt(1.04))


def test_income_measure_constant_then_decay():
    p = params({"horizon_years": 10},
               I={"model": "income", "duration_months": 12, "income_during": -12000,
                  "income_after": 24000, "income_constant_years": 2, "income_decay": 0.5})
    stream = value_creation_stream(p.measures["I"], p.common)
    assert stream[0] == pytest.approx(-1000 * 1.5)          # −12 000 / 12 × 1.5
    assert stream[12] == pytest.approx(2000 * 1.5)          # 24 000 / 12 × 1.5
    assert stream[36] == pytest.approx(2000 * 1.5 * 0.5)    # one year into the decay: half
    assert stream[48] == pytest.approx(2000 * 1.5 * 0.25)


def test_transfer_and_other_sector_costs():
    p = params(M={"model": "income", "duration_months": 3, "nav_transfer": 1000,
                  "other_sector_cost": 100, "tiltakspenger": False})
    rows = priced_effects(p.measures["M"], p.common)
    assert rows["nav_cost"] == pytest.approx(-0.2 * 1000 * 3)            # −600: only the tax cost
    assert rows["other_sector_cost"] == pytest.approx(-100 * 3 * 1.2)    # −360
    assert rows["tiltakspenger"] == 0


def test_a_wage_subsidy_is_a_transfer_of_its_share_of_the_wage_with_the_markup():
    p = params(M={"model": "income", "duration_months": 2, "wage_subsidy": 0.4,
                  "wage_subsidy_markup": 1.3, "tiltakspenger": False})
    assert p.measures["M"].nav_transfer == pytest.approx(5200)        # 10 000 × 0.4 × 1.3
    rows = priced_effects(p.measures["M"], p.common)
    assert rows["nav_cost"] == pytest.approx(-0.2 * 5200 * 2)           # −2 080: the tax cost
    with pytest.raises(ParameterError, match="M.wage_subsidy: give either wage_subsidy or "
                                             "nav_transfer, not both"):
        params(M={"model": "income", "duration_months": 2, "wage_subsidy": 0.4,
                  "nav_transfer": 100})
    with pytest.raises(ParameterError, match="M.wage_subsidy: expected a fraction"):
        params(M={"model": "income", "duration_months": 2, "wage_subsidy": 40})


def test_break_even_solvers_recover_values_set_up_by_hand():
    p = params({"leisure_hours": 0, "benefit_per_year": 0, "tiltakspenger_share": 0},
               M={**ONE_MONTH, "caseworker_hours": 0})
    m, c = p.measures["M"], p.common
    # net(w) = 1 500 w − 600: zero at w = 0.4; the same for the job share
    assert break_even_wage(m, c) == pytest.approx(0.4)
    assert break_even_job_share(m, c) == pytest.approx(0.4)
    # both × (1 − x): 1 500 (1 − x)² = 600 → x = 1 − √0.4
    assert break_even_joint(m, c) == pytest.approx(1 - math.sqrt(0.4))
    assert break_even(lambda x: x - 0.3, 0, 1) == pytest.approx(0.3)
    with pytest.raises(ValueError, match="no break-even"):
        break_even(lambda x: x + 1, 0, 1)


def test_break_even_duration_on_half_month_grid():
    # value 1.5 × 1 000 per month after the measure for the rest of 12 months, cost 1 200 per
    # month in it: net = 1 500 (12 − D) − 1 200 D = 18 000 − 2 700 D, zero at D = 6.67,
    # first negative half month 7.0
    p = params({"horizon_years": 1, "benefit_per_income_krone": 0, "leisure_hours": 0},
               M={"model": "income", "duration_months": 2, "income_during": 0,
                  "income_after": 12000, "income_constant_years": 1, "nav_cost": 1000,
                  "tiltakspenger": False})
    assert net_benefit(p.measures["M"], p.common) == pytest.approx(18000 - 2700 * 2)
    assert break_even_duration(p.measures["M"], p.common) == 7.0


def test_scenario_toggles():
    p = params()
    m, c = scenario(p.measures["M"], p.common, lock_in=0.0, leisure_hours=0)
    assert m.lock_in == 0 and m.leisure_hours == 0 and c == p.common
    m2, c2 = scenario(p.measures["M"], p.common, discount_rate=0.02)
    assert c2.discount_rate == 0.02 and m2 == p.measures["M"]
    with pytest.raises(ValueError, match="unknown scenario"):
        scenario(p.measures["M"], p.common, lockin=0)


def test_consequence_matrix():
    assert consequence("stor", "lite positivt") == ("+", "++")
    assert consequence("Middels", "lite positivt") == ("0", "+")
    assert check_consequence("0/+", "middels", "lite positivt") == "0/+"
    assert check_consequence("+", "stor", "lite positivt") == "+"
    with pytest.raises(ValueError, match="outside DFØ's matrix"):
        check_consequence("++", "liten", "lite positivt")
    with pytest.raises(ValueError, match="unknown magnitude"):
        consequence("stor", "litt positivt")


@pytest.mark.parametrize("change, key, message", [
    ({"common": {**COMMON, "discount_rate": 4}}, "common.discount_rate", "fraction"),
    ({"common": {k: v for k, v in COMMON.items() if k != "tax_cost"}}, "common.tax_cost", "missing"),
    ({"common": {**COMMON, "dicount_rate": 0.04}}, "common.dicount_rate", "unknown key"),
    ({"measures": {"M": {**ONE_MONTH, "lockin": 0.1}}}, "measures.M.lockin", "unknown key"),
    ({"measures": {"M": {**ONE_MONTH, "model": "markov"}}}, "measures.M.model", "expected"),
    ({"measures": {"M": {**ONE_MONTH, "duration_months": "fire"}}}, "measures.M.duration_months",
     "expected a number"),
])
def test_bad_parameters_name_file_and_key(change, key, message):
    raw = {"common": COMMON, "measures": {"M": ONE_MONTH}, **change}
    with pytest.raises(ParameterError) as err:
        parse_parameters(raw, "data/raw/cba.yml")
    assert str(err.value).startswith(f"data/raw/cba.yml: {key}: ")
    assert message in str(err.value)


def test_unpriced_effects_checked_against_the_matrix():
    raw = {"common": COMMON, "measures": {"M": ONE_MONTH, "N": ONE_MONTH},
           "unpriced": {"Aktivitet": {"significance": "stor", "magnitude": "lite positivt",
                                      "symbol": "+",
                                      "measures": {"N": {"magnitude": "intet", "symbol": "0"}}}}}
    (effect,) = parse_parameters(raw, "x.yml").unpriced
    assert effect.consequences == {"M": ("lite positivt", "+"), "N": ("intet", "0")}
    raw["unpriced"]["Aktivitet"]["measures"]["N"]["symbol"] = "+"
    with pytest.raises(ParameterError, match=r"x.yml: unpriced.Aktivitet.measures.N: .*outside"):
        parse_parameters(raw, "x.yml")
