"""The one Norwegian (bokmål) number formatter: every number a reader sees goes through here.

Conventions (babel / CLDR `nb` for grouping and decimal sign):

* Thousands are grouped with a no-break space (U+00A0) from 1 000 up: «1 311», «672 197».
* Decimal comma: «34,7». Negative numbers carry the minus sign U+2212: «−3,1».
* Percent: «73 %» (no-break space before %). Percentage points: «7,0 pp» in tables,
  «7 prosentpoeng» in prose; «46 prosent» in prose.
* Kroner: «kr 34 724 136» in tables, «34,7 millioner kroner» in prose.
* Dates: «5. mai 2024» (long), «24.05.2024» (short), «oktober 2023» (month and year),
  «oktober» (month name); the patterns live in :mod:`rapport.dates` (Babel alone, for the
  renderer too), re-exported here.
* Counts in words: «én», «sju», «tolv» (:func:`count_words`).

**Inputs.** Every percentage function takes a *share* (0–1), never a percent number:
``pct(0.73) == "73 %"``; ``pp(0.07) == "7 pp"`` (a difference of two shares).

**The rounding rule (one rule, used everywhere).** A number is rounded *half away from zero on
its decimal value*: the float is first read as the shortest decimal that prints as it
(``repr``), then rounded with ``decimal.ROUND_HALF_UP``. So 0.125 → «0,13», 2.5 → «3»,
2.675 → «2,68» and −2.5 → «−3», never Python's banker's rounding (``round(2.5) == 2``) and
never truncation. Shares are scaled to percent in decimal arithmetic before rounding
(0.145 → «15 %», although ``0.145 * 100 == 14.499999999999998``). Use :func:`round_half_up`
whenever a rounded number is needed for computation (e.g. a «difference of rounded» column).

Shares in words («om lag en av tre», «over 80 prosent») follow the one verbal rule in
:mod:`rapport.exhibits.verbal`; words for small whole numbers («åtte møter», «ti notater») in :func:`number_word` and
:func:`count`; amounts in millions in :func:`millions` and :func:`mill_kr`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from numbers import Real

from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

from rapport.dates import LOCALE, date_long, date_short, month_name, month_year
from rapport.stats.rounding import round_half_up_decimal

NBSP = get_group_symbol(locale=LOCALE)  # CLDR nb: U+00A0
MINUS = get_minus_sign_symbol(locale=LOCALE)  # CLDR nb: U+2212
COMMA = get_decimal_symbol(locale=LOCALE)  # CLDR nb: ","
NDASH = "\u2013"
if (NBSP, MINUS, COMMA) != ("\u00a0", "\u2212", ","):
    raise RuntimeError(f"unexpected CLDR nb symbols {NBSP!r} {MINUS!r} {COMMA!r}")

__all__ = [
    "LOCALE", "NBSP", "MINUS", "round_half_up", "integer", "decimal", "number", "signed",
    "pct", "pct_prose", "pp", "pp_prose", "signed_pct", "signed_pp", "kr", "kr_prose",
    "date_long", "date_short", "month_year", "month_name", "count_words", "n_label", "n_rounds",
    "n_range", "pct_n", "number_word", "count", "millions", "mill_kr", "count_of",
    "mid_sentence", "join_list",
]


def _dec(value: Real | Decimal | str) -> Decimal:
    """The decimal value of a number: floats through their shortest repr (0.1 → 0.1)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number to format")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        return Decimal(value)
    f = float(value)
    if f != f or f in (float("inf"), float("-inf")):
        raise ValueError(f"cannot format {value!r}")
    return Decimal(repr(f))


def round_half_up(value, decimals: int = 0) -> Decimal:
    """Round half away from zero on the decimal value (see the module docstring).

    Returns a Decimal (exact); use ``float()`` / ``int()`` on it when needed.
    """
    return round_half_up_decimal(_dec(value), decimals)


def _group(digits: str) -> str:
    """Group an unsigned integer string in threes with NBSP from 1 000 up."""
    if len(digits) <= 3:
        return digits
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return NBSP.join(parts)


def decimal(value, decimals: int = 1, *, sign: bool = False) -> str:
    """«1 234,5»: rounded to `decimals`, NBSP grouping, decimal comma, U+2212 minus.

    `sign=True` prints «+» for positive values (zero stays unsigned).
    """
    rounded = round_half_up(value, decimals)
    if rounded == 0:
        rounded = abs(rounded)  # never print «−0»
    text = f"{abs(rounded):.{decimals}f}"
    whole, _, frac = text.partition(".")
    body = _group(whole) + (COMMA + frac if frac else "")
    if rounded < 0:
        return MINUS + body
    return ("+" + body) if sign and rounded > 0 else body


def integer(value) -> str:
    """«672 197»: rounded to a whole number (half up), NBSP grouping, U+2212 minus."""
    return decimal(value, 0)


def number(value, decimals: int = 0) -> str:
    """Alias of :func:`decimal` with 0 decimals by default."""
    return decimal(value, decimals)


def signed(value, decimals: int = 1) -> str:
    """A difference: «−3,1», «+2,0», «0,0». Zero has no sign."""
    return decimal(value, decimals, sign=True)


def _percent(share) -> Decimal:
    return _dec(share) * 100


def pct(share, decimals: int = 0, *, space: bool = True) -> str:
    """«73 %» from the share 0.73 (`decimals` after the comma; NBSP before % unless space=False)."""
    return decimal(_percent(share), decimals) + (NBSP if space else "") + "%"


def signed_pct(share_diff, decimals: int = 1) -> str:
    """A signed difference in percent, table form: «−13,0 %», «+0,9 %», «0,0 %»."""
    return decimal(_percent(share_diff), decimals, sign=True) + NBSP + "%"


def pct_prose(share, decimals: int = 0) -> str:
    """«46 prosent» (prose form of :func:`pct`)."""
    return decimal(_percent(share), decimals) + " prosent"


def pp(share_diff, decimals: int = 0, *, sign: bool = False) -> str:
    """A difference of two shares in percentage points, table form: «7 pp», «−3,1 pp»."""
    return decimal(_percent(share_diff), decimals, sign=sign) + NBSP + "pp"


def signed_pp(share_diff, decimals: int = 1) -> str:
    """«+7,0 pp», «−3,1 pp»."""
    return pp(share_diff, decimals, sign=True)


def pp_prose(share_diff, decimals: int = 0) -> str:
    """«7 prosentpoeng», «1 prosentpoeng» (the sign is left to the sentence: «økte med …»).

    The magnitude is printed; say «økte»/«falt» in the prose.
    """
    return decimal(abs(_percent(share_diff)), decimals) + " prosentpoeng"


def kr(amount, decimals: int = 0) -> str:
    """Kroner in tables: «kr 34 724 136», «kr 0», «−kr 1 200»."""
    text = decimal(amount, decimals)
    if text.startswith(MINUS):
        return MINUS + "kr" + NBSP + text[1:]
    return "kr" + NBSP + text


_SCALES = ((Decimal(10) ** 9, "milliard", "milliarder"), (Decimal(10) ** 6, "million", "millioner"))


def kr_prose(amount, decimals: int = 1) -> str:
    """Kroner in prose: «34,7 millioner kroner», «17 millioner kroner», «23 100 kroner».

    From 1 million up the amount is given in millions (from 1 milliard in milliarder) with
    `decimals` decimals, rounded half up; a trailing «,0» is dropped («17 millioner»).
    Below 1 million the whole amount is printed: «23 100 kroner».
    """
    value = _dec(amount)
    for scale, singular, plural in _SCALES:
        if abs(value) >= scale:
            scaled = round_half_up(value / scale, decimals)
            text = decimal(scaled, decimals)
            if decimals and scaled == scaled.to_integral_value():
                text = decimal(scaled, 0)
            word = singular if abs(scaled) == 1 else plural
            return f"{text} {word} kroner"
    return f"{integer(value)} kroner"


def count_words(n, *, upto: int = 12, neuter: bool = False) -> str:
    """A count in running text: words up to `upto` (at most 12), digits above, «én» for one
    («ett» with neuter=True): 1 → «én», 7 → «sju», 13 → «13». See :func:`count`."""
    if isinstance(n, bool) or int(n) != n or n < 0:
        raise ValueError(f"count_words: expected a whole number ≥ 0, got {n!r}")
    return count(n, words_up_to=upto, neuter=neuter, accent=True)


_N_TEMPLATE = re.compile(r"^(\(?)([nN])(\s*=\s*)\{n\}(\)?)$")


def n_template_parts(template: str) -> tuple[str, str, str, str]:
    """(open, label, equals, close) of a base format such as «(n = {n})» or «(N={n})»: n or N,
    an equals sign, {n}, and parentheses on both sides or neither (house-style `n-format`)."""
    match = _N_TEMPLATE.match(template) if isinstance(template, str) else None
    if not match or bool(match.group(1)) != bool(match.group(4)):
        raise ValueError(f"n format {template!r}: expected e.g. '(n = {{n}})' or '(N={{n}})'")
    return match.groups()


def n_label(n, *, parens: bool = True, template: str = "(n = {n})") -> str:
    """«(n = 214)», «(n = 1 311)»; parens=False gives «n = 214»; template= another house
    style's form: «(N = 48)», «(n=721)»."""
    open_, label, eq, close = n_template_parts(template)
    text = f"{label}{eq}{integer(n)}"
    return f"{open_}{text}{close}" if parens else text


def n_rounds(ns: dict, *, parens: bool = True, template: str = "(n = {n})") -> str:
    """Round comparison: {2022: 261, 2024: 271} → «(n 2022 = 261, n 2024 = 271)» (sorted)."""
    open_, label, eq, close = n_template_parts(template)
    text = ", ".join(f"{label} {key}{eq}{integer(ns[key])}" for key in sorted(ns))
    return f"{open_}{text}{close}" if parens else text


def n_range(low, high, *, template: str = "(n = {n})") -> str:
    """Several bases: «(n = 203–216)»."""
    open_, label, eq, close = n_template_parts(template)
    return f"{open_}{label}{eq}{integer(low)}{NDASH}{integer(high)}{close}"


def pct_n(share, n, decimals: int = 1) -> str:
    """A cell combining percent and count: «63,3 % (n = 423 471)»."""
    return f"{pct(share, decimals)} {n_label(n)}"


# Bokmål words for the whole numbers 0–12 (index = value). «en»/«ett» and «sju»/«syv» are
# chosen by the caller (both seven forms are correct bokmål; a report uses one).
_NUMBER_WORDS = ("null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti",
                 "elleve", "tolv")
_SEVEN = ("sju", "syv")


def _whole(value, what: str) -> int:
    number = _dec(value)
    if number != number.to_integral_value():
        raise ValueError(f"{what}: {value!r} is not a whole number")
    return int(number)


def number_word(value, *, neuter: bool = False, seven: str = "sju", accent: bool = False) -> str:
    """The bokmål word for a whole number 0–12: «åtte», «ti», «tolv».

    `neuter=True` gives «ett» for 1 («ett år»), otherwise «en» («en måned», «én» with
    accent=True, where the stress must show); `seven` is «sju» or «syv». Anything else (negative, above 12, not whole) is an error: use :func:`count`
    when larger numbers should fall back to digits.
    """
    if seven not in _SEVEN:
        raise ValueError(f"seven must be one of {_SEVEN}, not {seven!r}")
    number = _whole(value, "number_word")
    if not 0 <= number < len(_NUMBER_WORDS):
        raise ValueError(f"number_word: {number} has no word here (0–{len(_NUMBER_WORDS) - 1})")
    if number == 1 and neuter:
        return "ett"
    if number == 1 and accent:
        return "én"
    if number == 7:
        return seven
    return _NUMBER_WORDS[number]


def count(value, *, words_up_to: int = 10, neuter: bool = False, seven: str = "sju",
          accent: bool = False) -> str:
    """A count as prose writes it: words up to `words_up_to` («åtte», «ti»), digits above
    («11», «115», «58 899»). `words_up_to` is at most 12; 0 keeps every count in digits."""
    if not 0 <= words_up_to < len(_NUMBER_WORDS):
        raise ValueError(f"words_up_to must be 0–{len(_NUMBER_WORDS) - 1}, not {words_up_to}")
    number = _whole(value, "count")
    if 0 < number <= words_up_to or (number == 0 and words_up_to > 0):
        return number_word(number, neuter=neuter, seven=seven, accent=accent)
    return integer(number)


def millions(value, decimals: int = 1, *, word: str = "millioner") -> str:
    """A quantity in millions: «2,8 millioner» from 2 800 000; one decimal only when the
    rounded value is not whole («4,3», but «50», never «50,0»). `word` may be «mill.»."""
    scaled = round_half_up(_dec(value) / Decimal(10) ** 6, decimals)
    shown = 0 if scaled == scaled.to_integral_value() else decimals
    if word == "millioner" and abs(scaled) == 1:
        word = "million"
    return f"{decimal(scaled, shown)} {word}"


def mill_kr(amount, decimals: int = 1, *, spelled: bool = False) -> str:
    """Kroner in millions as ministry reports write them: «268,7 mill. kroner», «50 mill.
    kroner» (from the amount in kroner; a whole number has no decimals). `spelled=True` gives
    «millioner kroner» as :func:`kr_prose` does."""
    return millions(amount, decimals, word="millioner" if spelled else "mill.") + " kroner"


def count_of(count, total) -> str:
    """«18 av 102»: a small count with its base, as reports write them in footnotes."""
    return f"{integer(count)} av {integer(total)}"


def mid_sentence(text: str) -> str:
    """A label inside a sentence: lowercase the first letter unless it starts an acronym
    («Psykiske helseplager» → «psykiske helseplager», «NAV-veileder» stays)."""
    text = str(text)
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def join_list(items) -> str:
    """Norwegian list: «a, b og c»."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]
