"""Number words, counts and amounts in millions (rapport.exhibits.fmt)."""

import pytest

from rapport.exhibits import fmt

NB = "\u00a0"


@pytest.mark.parametrize(("value", "expected"), [
    (0, "null"), (2, "to"), (3, "tre"), (4, "fire"), (5, "fem"), (6, "seks"), (8, "åtte"),
    (9, "ni"), (10, "ti"), (11, "elleve"), (12, "tolv"), (8.0, "åtte"),
])
def test_number_word(value, expected):
    assert fmt.number_word(value) == expected


def test_number_word_one_and_seven():
    assert fmt.number_word(1) == "en"
    assert fmt.number_word(1, neuter=True) == "ett"
    assert fmt.number_word(7) == "sju"
    assert fmt.number_word(7, seven="syv") == "syv"


@pytest.mark.parametrize("bad", [-1, 13, 2.5])
def test_number_word_refuses(bad):
    with pytest.raises(ValueError):
        fmt.number_word(bad)


def test_number_word_refuses_unknown_seven():
    with pytest.raises(ValueError, match="seven"):
        fmt.number_word(7, seven="seven")


@pytest.mark.parametrize(("value", "kwargs", "expected"), [
    (8, {}, "åtte"), (10, {}, "ti"), (11, {}, "11"), (14, {}, "14"), (115, {}, "115"),
    (58899, {}, f"58{NB}899"), (7, {"seven": "syv"}, "syv"), (11, {"words_up_to": 12}, "elleve"),
    (3, {"words_up_to": 0}, "3"), (0, {}, "null"), (1, {"neuter": True}, "ett"),
])
def test_count(value, kwargs, expected):
    assert fmt.count(value, **kwargs) == expected


def test_count_refuses_fraction_and_bad_limit():
    with pytest.raises(ValueError):
        fmt.count(1.5)
    with pytest.raises(ValueError):
        fmt.count(3, words_up_to=20)


@pytest.mark.parametrize(("amount", "expected"), [
    (268_700_000, "268,7 mill. kroner"), (4_300_000, "4,3 mill. kroner"),
    (273_000_000, "273 mill. kroner"), (50_000_000, "50 mill. kroner"),
    (29_200_000, "29,2 mill. kroner"), (71_600_000, "71,6 mill. kroner"),
    (49_960_000, "50 mill. kroner"), (1_250_000, "1,3 mill. kroner"),
])
def test_mill_kr(amount, expected):
    assert fmt.mill_kr(amount) == expected


def test_mill_kr_spelled():
    assert fmt.mill_kr(15_000_000, spelled=True) == "15 millioner kroner"
    assert fmt.mill_kr(1_000_000, spelled=True) == "1 million kroner"


def test_millions():
    assert fmt.millions(2_800_000) == "2,8 millioner"
    assert fmt.millions(1_234_567_000, 0) == f"1{NB}235 millioner"


def test_a_list_in_running_text_joins_with_commas_and_og():
    assert fmt.join_list([]) == ""
    assert fmt.join_list(["håndverkere"]) == "håndverkere"
    assert fmt.join_list(["ledere", "bønder"]) == "ledere og bønder"
    assert fmt.join_list(iter(["a", "b", "c"])) == "a, b og c"


def test_a_label_inside_a_sentence_starts_lower_case_unless_an_acronym():
    assert fmt.mid_sentence("Salgs- og serviceyrker") == "salgs- og serviceyrker"
    assert fmt.mid_sentence("NAV-veileder") == "NAV-veileder"
    assert fmt.mid_sentence("AMO") == "AMO"
