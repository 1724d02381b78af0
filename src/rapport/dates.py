"""Dates and month names in Norwegian (bokmål), through Babel (CLDR `nb`): the one home of the
report's date patterns and month names.

* «5. mai 2024» (:func:`date_long`), «24.05.2024» (:func:`date_short`), «oktober 2023»
  (:func:`month_year`), «oktober» (:func:`month_name`).

Notebooks use these through :mod:`rapport.exhibits.fmt` (``fmt.date_long``, ``fmt.month_name``).
The module itself imports Babel alone, so that the renderer (:mod:`rapport.pipeline.render`,
which does not import `rapport.exhibits` and with it pandas and matplotlib) can use it too.
"""

from __future__ import annotations

import datetime as _dt
from numbers import Integral

from babel.dates import format_date

LOCALE = "nb"

__all__ = ["LOCALE", "date_long", "date_short", "month_year", "month_name"]


def _as_date(value) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp
        return value.date()
    return _dt.date.fromisoformat(str(value)[:10])


def date_long(value) -> str:
    """«5. mai 2024» (accepts date, datetime, pandas Timestamp or ISO string)."""
    return format_date(_as_date(value), "d. MMMM y", locale=LOCALE)


def date_short(value) -> str:
    """«24.05.2024»."""
    return format_date(_as_date(value), "dd.MM.y", locale=LOCALE)


def month_year(value) -> str:
    """«oktober 2023»: month and year."""
    return format_date(_as_date(value), "MMMM y", locale=LOCALE)


def month_name(value) -> str:
    """«oktober»: the name of a month, from its number (1–12) or from a date (as
    :func:`date_long` accepts)."""
    if isinstance(value, Integral) and not isinstance(value, bool):
        if not 1 <= value <= 12:
            raise ValueError(f"month_name: expected a month number 1–12, got {value!r}")
        value = _dt.date(2000, int(value), 1)
    return format_date(_as_date(value), "MMMM", locale=LOCALE)
