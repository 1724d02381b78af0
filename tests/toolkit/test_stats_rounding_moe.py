"""Round half up, margins of error (seed 004 §9) and round comparisons."""

import numpy as np
import pandas as pd
import pytest

from rapport.stats import (
    compare_rounds,
    moe_max,
    moe_single,
    moe_two_sample,
    round_half_up,
    round_half_up_decimal,
)


def pct1(x: float) -> float:
    """Margin in percentage points with one decimal, as printed («± 6,7»)."""
    return round_half_up(100 * x, 1)


@pytest.mark.parametrize("x, d, expected", [
    (0.125, 2, 0.13), (2.5, 0, 3.0), (-2.5, 0, -3.0), (0.5, 0, 1.0), (1.5, 0, 2.0),
    (2.675, 2, 2.68), (-0.125, 2, -0.13), (6.65, 1, 6.7), (-18.7, 0, -19.0), (3.4999, 0, 3.0),
    (0.0, 1, 0.0),
])
def test_round_half_up_scalars(x, d, expected):
    assert round_half_up(x, d) == expected


def test_round_half_up_no_negative_zero_and_nan():
    out = round_half_up(np.array([-0.04, np.nan]), 1)
    assert out[0] == 0.0 and not np.signbit(out[0])
    assert np.isnan(out[1])


def test_round_half_up_matches_decimal_reference():
    rng = np.random.default_rng(1)
    xs = np.round(rng.uniform(-100, 100, 5000), 3)  # many exact halves at 2 decimals
    for d in (0, 1, 2):
        vec = round_half_up(xs, d)
        ref = np.array([float(round_half_up_decimal(x, d)) for x in xs])
        assert np.array_equal(vec, ref)


def test_round_half_up_keeps_pandas_shape():
    s = pd.Series([0.125, 2.5], index=["a", "b"], name="x")
    out = round_half_up(s, 2)
    assert list(out.index) == ["a", "b"] and out.name == "x"
    df = pd.DataFrame({"a": [2.5, -2.5]})
    assert round_half_up(df).loc[1, "a"] == -3.0


def test_moe_reproduces_seed004_published_margins():
    # Figur 9 «tilbake i stilling»: p = .50, n = 216 -> ±6,7
    assert moe_single(0.50, 216) == pytest.approx(0.0667, abs=5e-5)
    assert pct1(moe_single(0.50, 216)) == 6.7
    # Figur 10 «tilpasning av arbeidstid»: p = .56, n = 216 -> ±6,6
    assert moe_single(0.56, 216) == pytest.approx(0.0662, abs=5e-5)
    assert pct1(moe_single(0.56, 216)) == 6.6
    # «annet arbeid»: p = .30 -> ±6,1
    assert pct1(moe_single(0.30, 216)) == 6.1


def test_moe_two_sample_and_variants():
    assert moe_two_sample(0.53, 231, 0.50, 216) == pytest.approx(0.0927, abs=5e-5)
    assert pct1(moe_two_sample(0.53, 231, 0.50, 216)) == 9.3
    # with FPC (N = 1 037) the single margin would have been 5,9 (seed §9)
    assert pct1(moe_single(0.50, 216, N=1037)) == 5.9
    # worst-case margins of the surveys as wholes
    assert pct1(moe_max(234)) == 6.4
    assert pct1(moe_max(214)) == 6.7
    # vectorised
    out = moe_single(np.array([0.5, 0.56]), 216)
    assert out.shape == (2,)
    with pytest.raises(ValueError):
        moe_single(50, 216)  # percent units are an error


def test_compare_rounds_verdicts():
    # seed rule: 53 % -> 50 % is within ±6,7
    c = compare_rounds(0.53, 231, 0.50, 216)
    assert c.rule == "single" and c.verdict == "innenfor" and not c.is_real
    assert c.difference == pytest.approx(-0.03)
    assert c.margin == pytest.approx(moe_single(0.50, 216))
    # «annet arbeid» −10 pp against ±6,1 (single) and ≈ 8,8 (two-sample): real under both
    single = compare_rounds(0.40, 231, 0.30, 216)
    two = compare_rounds(0.40, 231, 0.30, 216, rule="two_sample")
    assert single.verdict == "reell" and two.verdict == "reell"
    assert pct1(two.margin) == 8.8
    with pytest.raises(ValueError):
        compare_rounds(0.4, 231, 0.3, 216, rule="pooled")
