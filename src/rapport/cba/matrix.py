"""DFØ's consequence matrix for unpriced effects (the pluss-minus method).

An unpriced effect is assessed by its significance (betydning: liten, middels, stor) and its
magnitude (omfang, a seven-point scale from «stort negativt» to «stort positivt»); the matrix
gives the range of consequences on the nine-point scale «----» … «0» … «++++» that the pair
allows. The matrix is DFØ's example (Veileder i samfunnsøkonomiske analyser); an analyst picks
one consequence inside the range, which `check_consequence` verifies.
"""

from __future__ import annotations

SIGNIFICANCES = ("liten", "middels", "stor")
MAGNITUDES = ("stort positivt", "middels positivt", "lite positivt", "intet",
              "lite negativt", "middels negativt", "stort negativt")

# magnitude → (liten, middels, stor) significance → allowed consequences
CONSEQUENCE_MATRIX: dict[str, tuple[tuple[str, ...], ...]] = {
    "stort positivt": (("+", "++"), ("++", "+++"), ("+++", "++++")),
    "middels positivt": (("0", "+"), ("++",), ("++", "+++")),
    "lite positivt": (("0",), ("0", "+"), ("+", "++")),
    "intet": (("0",), ("0",), ("0",)),
    "lite negativt": (("0",), ("0", "-"), ("-", "--")),
    "middels negativt": (("0", "-"), ("--",), ("--", "---")),
    "stort negativt": (("-", "--"), ("--", "---"), ("---", "----")),
}


def _normalise(word: str, allowed: tuple[str, ...], what: str) -> str:
    key = str(word).strip().lower()
    if key not in allowed:
        raise ValueError(f"unknown {what} {word!r} (expected one of: {', '.join(allowed)})")
    return key


def consequence(significance: str, magnitude: str) -> tuple[str, ...]:
    """The consequences the matrix allows for a significance and a magnitude."""
    column = SIGNIFICANCES.index(_normalise(significance, SIGNIFICANCES, "significance"))
    return CONSEQUENCE_MATRIX[_normalise(magnitude, MAGNITUDES, "magnitude")][column]


def check_consequence(symbol: str, significance: str, magnitude: str) -> str:
    """`symbol` if the matrix allows it for the pair, else ValueError. A range such as «0/+»
    is allowed when the cell is exactly that range."""
    allowed = consequence(significance, magnitude)
    compact = symbol.replace(" ", "")
    if compact in allowed or compact == "/".join(allowed):
        return symbol
    raise ValueError(f"consequence {symbol!r} is outside DFØ's matrix for betydning "
                     f"{significance!r} and omfang {magnitude!r} (allowed: {' / '.join(allowed)})")
