"""Shares in words (rapport.exhibits.verbal): the rule's limits, parsing, and refusals."""

import pytest

from rapport.exhibits.verbal import capitalize, describe, holds, parse


@pytest.mark.parametrize("phrase, share, expected", [
    ("to tredjedeler", 22 / 33, True),            # exact
    ("to tredjedeler", 0.70, False),              # 3.3 pp off: too far without a qualifier
    ("i underkant av en tredjedel", 13 / 48, True),   # 27.1 %: 6.2 pp below 1/3
    ("i underkant av en tredjedel", 0.25, False),     # 8.3 pp below: outside 7 pp
    ("i underkant av en tredjedel", 0.34, False),     # above the fraction: not «under»
    ("nesten fire av fem", 51 / 66, True),        # 77.3 %
    ("nesten fire av fem", 0.81, False),
    ("rundt én av fem", 11 / 55, True),
    ("ca. én av ti", 5 / 55, True),
    ("noe mer enn 1 av 3", 19 / 53, True),        # digits and words both parse
    ("om lag en tredjedel", 13 / 48, False),      # 6.2 pp: more than «om lag» allows
    ("de aller fleste", 34 / 48, True),           # 70.8 %
    ("et stort flertall", 28 / 55, False),        # 50.9 %: a bare majority
    ("de fleste", 11 / 15, True),
])
def test_holds(phrase, share, expected):
    assert holds(phrase, share) is expected


def test_parse_forms():
    assert parse("To tredjedeler") == ("", pytest.approx(2 / 3))
    assert parse("én av ti") == parse("en av ti")
    assert parse("drøyt 4 av 5") == ("drøyt", pytest.approx(0.8))
    assert parse("et flertall") == ("et flertall", None)
    with pytest.raises(ValueError, match="ikke en andel i ord"):
        parse("mange")


def test_describe_picks_wording_and_refuses_wrong_claims():
    assert describe(22 / 33, form="del") == "to tredjedeler"
    assert describe(0.32, form="del") == "en tredjedel"          # 1.3 pp: no qualifier
    assert describe(0.31, form="del") == "om lag en tredjedel"   # 2.3 pp
    assert describe(0.28, fraction="en tredjedel") == "nesten en tredjedel"   # 5.3 pp under
    assert describe(51 / 66, fraction="fire av fem", qualifier="nesten") == "nesten fire av fem"
    with pytest.raises(ValueError, match="passer ikke"):
        describe(13 / 48, fraction="en tredjedel", qualifier="om lag")
    with pytest.raises(ValueError, match="for langt"):
        describe(0.45, fraction="én av fem")


def test_capitalize():
    assert capitalize("nesten fire av fem") == "Nesten fire av fem"


def test_count_words():
    from rapport.exhibits.verbal import count_words
    assert [count_words(n) for n in (0, 1, 6, 12, 13)] == ["null", "én", "seks", "tolv", "13"]
    assert count_words(1, neuter=True) == "ett"
