"""Shares in words (rapport.exhibits.verbal): the rule's limits, parsing, refusals, and the
generators (share_words, pct_hedge) whose every phrase the rule accepts; hand-computed cases."""

import pytest

from rapport.exhibits.verbal import capitalize, describe, holds, parse, pct_hedge, share_words


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


@pytest.mark.parametrize("share, expected", [
    (0.0, "ingen"), (1.0, "alle"), (0.97, "nesten alle"), (0.03, "svært få"),
    (0.34, "om lag en av tre"), (0.32, "om lag en av tre"), (0.47, "nesten halvparten"),
    (0.50, "om lag halvparten"), (0.53, "drøyt halvparten"), (0.26, "om lag en fjerdedel"),
    (0.28, "drøyt en fjerdedel"), (0.58, "et flertall"), (0.40, "over en tredjedel"),
    (0.73, "om lag tre av fire"), (0.79, "om lag fire av fem"), (0.64, "nesten to av tre"),
])
def test_share_words(share, expected):
    assert share_words(share) == expected


def test_share_words_about_word():
    assert share_words(0.25, about="rundt") == "rundt en fjerdedel"


@pytest.mark.parametrize("share", [i / 200 for i in range(1, 200)])
def test_share_words_phrases_hold_by_the_rule(share):
    assert holds(share_words(share), share)


def test_share_words_refuses_another_kind_of_about_word():
    with pytest.raises(ValueError, match="about="):
        share_words(0.3, about="nesten")


def test_over_holds_up_to_the_next_fraction():
    assert holds("over en tredjedel", 0.45) and not holds("over en tredjedel", 0.55)
    assert holds("nesten alle", 0.97) and not holds("svært få", 0.0)
