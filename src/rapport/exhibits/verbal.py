"""Shares in words («to tredjedeler», «i underkant av en tredjedel», «nesten fire av fem»):
generated from the value and checked against it, so a verbal claim can never drift from the
data.

The rule (one place): a phrase is a qualifier plus a simple fraction f, or a quantifier.
With d = share − f in percentage points it holds when

* no qualifier («to tredjedeler», «én av ti»): |d| ≤ 1.5;
* «om lag», «rundt», «ca.», «omtrent», «omkring»: |d| ≤ 3;
* «nesten», «i underkant av», «knapt»: −7 ≤ d < 0;
* «drøyt», «noe mer enn», «i overkant av», «litt over»: 0 < d ≤ 7.

Quantifiers: «et flertall», «de fleste» (share > 0.5), «et stort flertall», «de aller fleste»
(share ≥ 0.7), «et mindretall» (share < 0.5), «halvparten» as a fraction (1/2).
"""

from __future__ import annotations

import re

from . import fmt

# value, «av»-form, «del»-form
FRACTIONS = (
    (1 / 10, "én av ti", "en tidel"),
    (1 / 5, "én av fem", "en femtedel"),
    (1 / 4, "én av fire", "en fjerdedel"),
    (1 / 3, "én av tre", "en tredjedel"),
    (1 / 2, "halvparten", "halvparten"),
    (2 / 3, "to av tre", "to tredjedeler"),
    (3 / 4, "tre av fire", "tre fjerdedeler"),
    (4 / 5, "fire av fem", "fire femtedeler"),
    (9 / 10, "ni av ti", "ni tideler"),
)
QUALIFIERS = {
    "": ("exact", 1.5),
    "om lag": ("about", 3.0), "rundt": ("about", 3.0), "ca.": ("about", 3.0),
    "omtrent": ("about", 3.0), "omkring": ("about", 3.0),
    "nesten": ("under", 7.0), "i underkant av": ("under", 7.0), "knapt": ("under", 7.0),
    "drøyt": ("over", 7.0), "noe mer enn": ("over", 7.0), "i overkant av": ("over", 7.0),
    "litt over": ("over", 7.0),
}
QUANTIFIERS = {
    "et flertall": lambda s: s > 0.5, "de fleste": lambda s: s > 0.5,
    "et stort flertall": lambda s: s >= 0.7, "de aller fleste": lambda s: s >= 0.7,
    "et mindretall": lambda s: s < 0.5,
}
_FORMS = {}
for _value, _av, _del in FRACTIONS:
    for _form in (_av, _del, _av.replace("én", "en")):
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


def holds(phrase: str, share: float) -> bool:
    """True when `phrase` is a fair description of `share` (a proportion 0–1)."""
    qualifier, value = parse(phrase)
    s = float(share)
    if value is None:
        return bool(QUANTIFIERS[qualifier](s))
    kind, limit = QUALIFIERS[qualifier]
    d = (s - value) * 100
    if kind in ("exact", "about"):
        return abs(d) <= limit + 1e-9
    if kind == "under":
        return -limit - 1e-9 <= d < 0
    return 0 < d <= limit + 1e-9


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
        value, av, delform = min(FRACTIONS, key=lambda f: abs(s - f[0]))
        fraction = av if form == "av" else delform
    if qualifier is None:
        d = (s - (_fraction_value(fraction.lower()) or 0)) * 100
        candidates = ["", "om lag", "nesten" if d < 0 else "drøyt"]
        for cand in candidates:
            phrase = f"{cand} {fraction}".strip()
            if holds(phrase, s):
                return phrase
        raise ValueError(f"andelen {s:.3f} ligger for langt fra «{fraction}» (d = {d:.1f} "
                         "prosentpoeng) til å beskrives med den brøken")
    phrase = f"{qualifier} {fraction}".strip()
    if not holds(phrase, s):
        raise ValueError(f"«{phrase}» passer ikke til andelen {s:.3f} (regelen i "
                         "rapport.exhibits.verbal)")
    return phrase


def capitalize(phrase: str) -> str:
    """Sentence-start form: «to tredjedeler» → «To tredjedeler»."""
    return phrase[:1].upper() + phrase[1:]


def count_words(n: int, *, neuter: bool = False) -> str:
    """A small count in words as running text writes it (the formatter's rule, words 0–12)."""
    return fmt.count_words(n, neuter=neuter)
