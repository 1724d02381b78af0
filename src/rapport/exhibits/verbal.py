"""Shares in words: the one rule for every verbal share a report prints.

«to tredjedeler», «i underkant av en tredjedel», «om lag en av tre», «over 80 prosent»: each
is generated from the unrounded value and checked against it here, so a verbal claim can
never drift from the data. Three entry points share one table of fractions and one table of
qualifiers:

* :func:`holds` — is a phrase (the writer's or generated) a fair description of a share?
* :func:`describe` / :func:`share_words` — the phrase for a share, as a fraction in words;
* :func:`pct_hedge` — a hedged percentage («i underkant av 20 prosent»).

The rule. A phrase is a qualifier plus a simple fraction f, or a quantifier. With
d = share − f in percentage points it holds when

* no qualifier («to tredjedeler», «én av ti»): |d| ≤ 1.5;
* «om lag», «rundt», «ca.», «omtrent», «omkring»: |d| ≤ 3;
* «nesten», «i underkant av», «knapt»: −7 ≤ d < 0;
* «drøyt», «noe mer enn», «i overkant av», «litt over»: 0 < d ≤ 7;
* «over»: the share lies above f and below the next fraction in the table.

Quantifiers: «ingen» (0), «alle» (1), «nesten alle» (above 0.95), «svært få» (below 0.05),
«et flertall», «de fleste» (above 0.5), «et stort flertall», «de aller fleste» (0.7 or
more), «et mindretall» (below 0.5); «halvparten» is the fraction 1/2.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from . import fmt

# value, «av»-form, «del»-form, and the form share_words writes after «om lag»/«nesten».
FRACTIONS = (
    (1 / 10, "én av ti", "en tidel", "en av ti"),
    (1 / 5, "én av fem", "en femtedel", "en av fem"),
    (1 / 4, "én av fire", "en fjerdedel", "en fjerdedel"),
    (1 / 3, "én av tre", "en tredjedel", "en av tre"),
    (1 / 2, "halvparten", "halvparten", "halvparten"),
    (2 / 3, "to av tre", "to tredjedeler", "to av tre"),
    (3 / 4, "tre av fire", "tre fjerdedeler", "tre av fire"),
    (4 / 5, "fire av fem", "fire femtedeler", "fire av fem"),
    (9 / 10, "ni av ti", "ni tideler", "ni av ti"),
)
ABOUT, UNDER, OVER, EXACT, ABOVE = "about", "under", "over", "exact", "above"
# qualifier: (kind, limit in percentage points)
QUALIFIERS = {
    "": (EXACT, 1.5),
    "om lag": (ABOUT, 3.0), "rundt": (ABOUT, 3.0), "ca.": (ABOUT, 3.0),
    "omtrent": (ABOUT, 3.0), "omkring": (ABOUT, 3.0),
    "nesten": (UNDER, 7.0), "i underkant av": (UNDER, 7.0), "knapt": (UNDER, 7.0),
    "drøyt": (OVER, 7.0), "noe mer enn": (OVER, 7.0), "i overkant av": (OVER, 7.0),
    "litt over": (OVER, 7.0),
    "over": (ABOVE, math.inf),
}
QUANTIFIERS = {
    "ingen": lambda s: s == 0, "alle": lambda s: s == 1,
    "nesten alle": lambda s: 0.95 < s < 1, "svært få": lambda s: 0 < s < 0.05,
    "et flertall": lambda s: s > 0.5, "de fleste": lambda s: s > 0.5,
    "et stort flertall": lambda s: s >= 0.7, "de aller fleste": lambda s: s >= 0.7,
    "et mindretall": lambda s: s < 0.5,
}
# share_words' choice inside the rule: «om lag» within 2 points of the nearest fraction,
# «nesten»/«drøyt» within 5; beyond that a quantifier or «over».
WORDS_ABOUT, WORDS_NEAR = 2.0, 5.0

_FORMS = {}
for _value, *_forms in FRACTIONS:
    for _form in (*_forms, _forms[0].replace("én", "en")):
        _FORMS[_form] = _value


def _fraction_value(text: str) -> float | None:
    if text in _FORMS:
        return _FORMS[text]
    m = re.fullmatch(r"(\d+) av (\d+)", text)
    if m:
        return int(m.group(1)) / int(m.group(2))
    return None


def parse(phrase: str) -> tuple[str, float | None]:
    """(qualifier, fraction value) of a phrase; for a quantifier (quantifier, None).
    Case-insensitive; raises ValueError for a phrase outside the rule."""
    text = " ".join(str(phrase).lower().split())
    if text in QUANTIFIERS:
        return text, None
    for qualifier in sorted(QUALIFIERS, key=len, reverse=True):
        if qualifier and not text.startswith(qualifier + " "):
            continue
        rest = text[len(qualifier):].strip()
        value = _fraction_value(rest)
        if value is not None:
            return qualifier, value
    raise ValueError(f"«{phrase}» er ikke en andel i ord etter regelen i rapport.exhibits.verbal")


def _next_fraction(value: float) -> float:
    above = [f[0] for f in FRACTIONS if f[0] > value + 1e-12]
    return above[0] if above else 1.0


def holds(phrase: str, share: float) -> bool:
    """True when `phrase` is a fair description of `share` (a proportion 0–1)."""
    qualifier, value = parse(phrase)
    s = float(share)
    if value is None:
        return bool(QUANTIFIERS[qualifier](s))
    kind, limit = QUALIFIERS[qualifier]
    d = (s - value) * 100
    if kind in (EXACT, ABOUT):
        return abs(d) <= limit + 1e-9
    if kind == UNDER:
        return -limit - 1e-9 <= d < 0
    if kind == ABOVE:
        return value < s < _next_fraction(value)
    return 0 < d <= limit + 1e-9


def _checked(phrase: str, share: float) -> str:
    if not holds(phrase, share):
        raise ValueError(f"«{phrase}» passer ikke til andelen {float(share):.3f} (regelen i "
                         "rapport.exhibits.verbal)")
    return phrase


def describe(share: float, *, fraction: str | None = None, qualifier: str | None = None,
             form: str = "av") -> str:
    """The share in words, e.g. describe(22/33, form="del") → «to tredjedeler».

    fraction:  the fraction to use (any form: «en tredjedel», «én av ti», «4 av 5»); default
               the nearest in FRACTIONS.
    qualifier: the wording to use («rundt», «i underkant av» …); default the first that holds
               of «», «om lag», «nesten»/«drøyt».
    form:      «av» («fire av fem») or «del» («en tredjedel») when `fraction` is not given.
    Raises ValueError (with the share and the phrase) when the wording does not hold.
    """
    s = float(share)
    if fraction is None:
        _, av, delform, _ = min(FRACTIONS, key=lambda f: abs(s - f[0]))
        fraction = av if form == "av" else delform
    if qualifier is None:
        d = (s - (_fraction_value(fraction.lower()) or 0)) * 100
        for cand in ("", "om lag", "nesten" if d < 0 else "drøyt"):
            phrase = f"{cand} {fraction}".strip()
            if holds(phrase, s):
                return phrase
        raise ValueError(f"andelen {s:.3f} ligger for langt fra «{fraction}» (d = {d:.1f} "
                         "prosentpoeng) til å beskrives med den brøken")
    return _checked(f"{qualifier} {fraction}".strip(), s)


def share_words(share, *, about: str = "om lag") -> str:
    """Words for a share the way reports write them, from the unrounded share:

    1. 0 → «ingen»; 1 → «alle»; above 0.95 → «nesten alle»; below 0.05 → «svært få».
    2. The nearest fraction f and d = share − f in points: |d| ≤ 2 → «om lag f» (`about` may be
       «rundt» or another word of the same kind); −5 ≤ d < −2 → «nesten f»; 2 < d ≤ 5 →
       «drøyt f».
    3. Otherwise: above 1/2 → «et flertall»; below → «over g», g the largest fraction under
       the share («over en tredjedel»).

    E.g. 0.34 → «om lag en av tre», 0.47 → «nesten halvparten», 0.28 → «drøyt en fjerdedel»,
    0.58 → «et flertall», 0.40 → «over en tredjedel». Every result holds by :func:`holds`.
    Lowercase; capitalise at sentence start (:func:`capitalize`).
    """
    if QUALIFIERS.get(about, (None,))[0] != ABOUT:
        raise ValueError(f"about={about!r}: expected one of "
                         + ", ".join(q for q, (k, _) in QUALIFIERS.items() if k == ABOUT))
    s = float(fmt.round_half_up(share, 6))
    for quantifier in ("ingen", "alle", "nesten alle", "svært få"):
        if QUANTIFIERS[quantifier](s):
            return quantifier
    if not 0 < s < 1:
        raise ValueError(f"share_words: expected a share from 0 to 1, got {share!r}")
    value, _, delform, near = min(FRACTIONS, key=lambda f: abs(s - f[0]))
    d = round((s - value) * 100, 9)
    if abs(d) <= WORDS_ABOUT:
        phrase = f"{about} {near}"
    elif -WORDS_NEAR <= d < -WORDS_ABOUT:
        phrase = f"nesten {near}"
    elif WORDS_ABOUT < d <= WORDS_NEAR:
        phrase = f"drøyt {near}"
    elif s > 0.5:
        phrase = "et flertall"
    else:
        phrase = f"over {[f for f in FRACTIONS if f[0] < s][-1][2]}"
    return _checked(phrase, s)


def pct_hedge(share, hedge: str, *, step: int = 5) -> str:
    """A percentage in words with a hedge, from the unrounded share:

    - an «about» word («om lag», «rundt» …): the nearest multiple of `step` («om lag 30
      prosent» for 32,1 %);
    - an «over» word («over», «litt over», «drøyt» …): the largest multiple of `step`
      strictly below the value («over 80 prosent» for 83,1 % with step 10);
    - an «under» word («i underkant av», «nesten» …): the smallest multiple of `step`
      strictly above the value («i underkant av 20 prosent» for 18,9 %).

    The hedge is the writer's choice; the number comes from the value, so a hedge can never
    state something the data contradict. step=1 gives «over 86 prosent» for 86,5 %.
    """
    kind = QUALIFIERS.get(hedge, (EXACT,))[0] if hedge else EXACT
    if kind == EXACT:
        raise ValueError(f"ukjent forbehold {hedge!r}; bruk en av "
                         f"{sorted(q for q in QUALIFIERS if q)}")
    if step < 1:
        raise ValueError("step må være et helt tall ≥ 1")
    value = fmt.round_half_up(share, 12) * 100 / Decimal(step)
    if kind == ABOUT:
        k = fmt.round_half_up(value, 0)
    elif kind in (OVER, ABOVE):
        k = value.to_integral_value(rounding="ROUND_CEILING") - 1
    else:
        k = value.to_integral_value(rounding="ROUND_FLOOR") + 1
    return f"{hedge} {fmt.integer(Decimal(k) * step)} prosent"


def capitalize(phrase: str) -> str:
    """Sentence-start form: «to tredjedeler» → «To tredjedeler»."""
    return phrase[:1].upper() + phrase[1:]
