"""Unit tests for rapport.exhibits.fmt: exact strings, NBSP (U+00A0), minus U+2212, half-up."""

import datetime as dt
from decimal import Decimal

import pytest

from rapport.exhibits import fmt

S = "\u00a0"  # no-break space
M = "\u2212"  # minus sign


@pytest.mark.parametrize("value, decimals, expected", [
    (0.125, 2, "0.13"), (2.5, 0, "3"), (3.5, 0, "4"), (2.675, 2, "2.68"), (-2.5, 0, "-3"),
    (0.145 * 100, 0, "14"), (1.005, 2, "1.01"), (Decimal("0.5"), 0, "1"),
])
def test_round_half_up(value, decimals, expected):
    assert str(fmt.round_half_up(value, decimals)) == expected


def test_round_half_up_is_not_bankers():
    assert round(2.5) == 2 and fmt.round_half_up(2.5) == 3


@pytest.mark.parametrize("value, expected", [
    (0, "0"), (999, "999"), (1000, f"1{S}000"), (1311, f"1{S}311"), (672197, f"672{S}197"),
    (3197456, f"3{S}197{S}456"), (-1200, f"{M}1{S}200"), (2.5, "3"), (-0.4, "0"),
])
def test_integer(value, expected):
    assert fmt.integer(value) == expected


def test_decimal_and_signed():
    assert fmt.decimal(34.72, 1) == "34,7"
    assert fmt.decimal(0.125, 2) == "0,13"
    assert fmt.decimal(1234.5, 1) == f"1{S}234,5"
    assert fmt.decimal(-3.14, 1) == f"{M}3,1"
    assert fmt.decimal(-0.04, 1) == "0,0"  # never «−0,0»
    assert fmt.signed(-3.1) == f"{M}3,1"
    assert fmt.signed(2) == "+2,0"
    assert fmt.signed(0) == "0,0"
    assert fmt.number(1311) == f"1{S}311"


def test_pct():
    assert fmt.pct(0.73) == f"73{S}%"
    assert fmt.pct(0.145) == f"15{S}%"  # decimal arithmetic: 0.145 * 100 is 14.4999… in floats
    assert fmt.pct(0.633, 1) == f"63,3{S}%"
    assert fmt.pct(0.005) == f"1{S}%"
    assert fmt.pct(1) == f"100{S}%"
    assert fmt.pct(0.633, 1, space=False) == "63,3%"
    assert fmt.pct_prose(0.46) == "46 prosent"
    assert fmt.pct_prose(0.018, 1) == "1,8 prosent"


def test_pp_and_signed_pct():
    assert fmt.pp(0.07) == f"7{S}pp"
    assert fmt.pp(-0.031, 1) == f"{M}3,1{S}pp"
    assert fmt.signed_pp(0.07) == f"+7,0{S}pp"
    assert fmt.pp_prose(0.07) == "7 prosentpoeng"
    assert fmt.pp_prose(-0.019) == "2 prosentpoeng"
    assert fmt.signed_pct(-0.13) == f"{M}13,0{S}%"
    assert fmt.signed_pct(0.009) == f"+0,9{S}%"
    assert fmt.signed_pct(0) == f"0,0{S}%"


def test_kroner():
    assert fmt.kr(34724136) == f"kr{S}34{S}724{S}136"
    assert fmt.kr(388625) == f"kr{S}388{S}625"
    assert fmt.kr(0) == f"kr{S}0"
    assert fmt.kr(-1200) == f"{M}kr{S}1{S}200"
    assert fmt.kr_prose(34724136) == "34,7 millioner kroner"
    assert fmt.kr_prose(17012345) == "17 millioner kroner"
    assert fmt.kr_prose(98912000) == "98,9 millioner kroner"
    assert fmt.kr_prose(98950000) == "99 millioner kroner"  # 98,95 → 99,0 (half up)
    assert fmt.kr_prose(1000000) == "1 million kroner"
    assert fmt.kr_prose(1250000) == "1,3 millioner kroner"
    assert fmt.kr_prose(23100) == f"23{S}100 kroner"
    assert fmt.kr_prose(2_400_000_000) == "2,4 milliarder kroner"


def test_dates():
    assert fmt.date_long(dt.date(2024, 5, 5)) == "5. mai 2024"
    assert fmt.date_long("2024-06-10") == "10. juni 2024"
    assert fmt.date_long(dt.datetime(2024, 5, 24, 13, 0)) == "24. mai 2024"
    assert fmt.date_short(dt.date(2024, 5, 24)) == "24.05.2024"
    assert fmt.date_short("2023-10-11") == "11.10.2023"


def test_month_name():
    """Every month by number, typed here by hand (not read from Babel), and from a date."""
    assert [fmt.month_name(m) for m in range(1, 13)] == [
        "januar", "februar", "mars", "april", "mai", "juni",
        "juli", "august", "september", "oktober", "november", "desember"]
    assert fmt.month_name(dt.date(2023, 10, 11)) == "oktober"
    assert fmt.month_name("2024-05-05") == "mai"
    assert fmt.month_name(dt.datetime(2024, 12, 31, 23, 59)) == "desember"
    for bad in (0, 13):
        with pytest.raises(ValueError):
            fmt.month_name(bad)


def test_n_labels():
    assert fmt.n_label(214) == "(n = 214)"
    assert fmt.n_label(1311) == f"(n = 1{S}311)"
    assert fmt.n_label(214, parens=False) == "n = 214"
    assert fmt.n_rounds({2024: 271, 2022: 261}) == "(n 2022 = 261, n 2024 = 271)"
    assert fmt.pct_n(0.633, 423471) == f"63,3{S}% (n = 423{S}471)"


def test_bad_input():
    with pytest.raises(ValueError):
        fmt.integer(float("nan"))
    with pytest.raises(TypeError):
        fmt.integer(True)


def test_month_year_and_count_words():
    import datetime

    assert fmt.month_year(datetime.date(2023, 10, 1)) == "oktober 2023"
    assert [fmt.count_words(n) for n in (0, 1, 2, 7, 12, 13)] == [
        "null", "én", "to", "sju", "tolv", "13"]
    assert fmt.count_words(1, neuter=True) == "ett"
    assert fmt.count_words(3, upto=1) == "3"
    with pytest.raises(ValueError):
        fmt.count_words(2.5)


def test_n_label_in_other_house_styles():
    assert fmt.n_label(48, template="(N = {n})") == "(N = 48)"
    assert fmt.n_label(721, template="(n={n})") == "(n=721)"
    assert fmt.n_rounds({2024: 271, 2022: 261}, template="(n={n})") == "(n 2022=261, n 2024=271)"
    with pytest.raises(ValueError):
        fmt.n_label(1, template="(n = {n}")
