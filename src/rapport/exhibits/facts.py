"""Named numbers for the prose: `fact("tilsagn.sum_2023", 34724136, kind="mill_kr")`.

Each call records the raw value and the text the prose shows (formatted by `fmt` by `kind`)
in `facts.yml` in the notebook's artifacts dir, in the format of docs/architecture.md:

    tilsagn.sum_2023:
      value: 34724136
      text: "34,7 millioner kroner"

The file is rewritten atomically (temporary file + os.replace) with sorted keys, so a killed
run never leaves half a file. Chapters use `{{< var tilsagn.sum_2023 >}}`. The process keeps
the facts it has written in memory (re-read only if the file changed under it), and writes with
libyaml's emitter where PyYAML has it (the same text; a notebook records hundreds of facts, and
re-reading and re-writing the whole file in pure Python per fact grew with their square).
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml

from rapport import context
from rapport.fsutil import atomic_write_text

from . import fmt, verbal

FILE = "facts.yml"
_KEY = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")

KINDS = {
    "int": fmt.integer,
    "decimal": lambda v, d=1: fmt.decimal(v, d),
    "pct": lambda v, d=0: fmt.pct_prose(v, d),
    "pct_table": lambda v, d=0: fmt.pct(v, d),
    "pp": lambda v, d=0: fmt.pp_prose(v, d),
    "kr": fmt.kr,
    "mill_kr": lambda v, d=1: fmt.kr_prose(v, d),
    "date": fmt.date_long,
    "date_short": fmt.date_short,
    "month_year": fmt.month_year,
    "count_words": fmt.count_words,
    "share_words": verbal.share_words,
    "text": str,
}


def check_key(key: str) -> str:
    """A fact key: dotted path of lowercase ascii letters, digits and «_» («survey2024.n»)."""
    if not isinstance(key, str) or not _KEY.match(key):
        raise ValueError(
            f"ugyldig faktanøkkel {key!r}: bruk små bokstaver a–z, sifre og _, "
            "delt med punktum (f.eks. 'tilsagn.sum_2023')")
    return key


def format_value(value, kind: str, decimals: int | None = None) -> str:
    """The prose text of a value by kind: 'int', 'decimal', 'pct' («46 prosent»), 'pct_table'
    («46 %»), 'pp' («7 prosentpoeng»), 'kr', 'mill_kr', 'date', 'date_short', 'month_year' («oktober 2023»),
    'count_words' («én», «sju», 13), 'share_words',
    'text'. Shares (0–1) for 'pct', 'pp' and 'share_words'."""
    try:
        fn = KINDS[kind]
    except KeyError:
        raise ValueError(f"ukjent kind {kind!r}; bruk en av {sorted(KINDS)}") from None
    if decimals is not None and kind in ("decimal", "pct", "pct_table", "pp", "mill_kr"):
        return fn(value, decimals)
    return fn(value)


def _raw(value):
    """A YAML-safe raw value: numpy scalars to Python, Decimal to int/float, dates to ISO text."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10] if not isinstance(value, _dt.datetime) else value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    return value


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# path -> (the file's (mtime_ns, size) when this process last wrote it, the facts written)
_WRITTEN: dict[Path, tuple[tuple[int, int], dict]] = {}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_mtime_ns, st.st_size


def load(path=None) -> dict:
    """The facts recorded so far by this notebook ({} if none)."""
    path = Path(path or context.artifacts_dir() / FILE)
    stamp = _stamp(path)
    if stamp is None:
        return {}
    kept = _WRITTEN.get(path)
    if kept and kept[0] == stamp:
        return {k: dict(v) for k, v in kept[1].items()}
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}  # noqa: S506


def _entry(key: str, value, text: str) -> str:
    return yaml.dump({key: {"value": value, "text": text}}, Dumper=_DUMPER, allow_unicode=True,
                     sort_keys=False, width=1000, default_flow_style=False)


_entry_cached = lru_cache(maxsize=4096, typed=True)(_entry)  # 1, 1.0 and True differ


def dump(facts: dict) -> str:
    """facts.yml text: sorted keys, value and text per key, UTF-8 (no escapes). A block
    mapping's entries are independent, so the text is the entries' texts in key order."""
    parts = []
    for key in sorted(facts):
        value, text = facts[key]["value"], facts[key]["text"]
        try:
            parts.append(_entry_cached(key, value, text))
        except TypeError:  # a value that cannot be a cache key (a list)
            parts.append(_entry(key, value, text))
    return "".join(parts)


def fact(key: str, value, text: str | None = None, *, kind: str = "int",
         decimals: int | None = None) -> str:
    """Record a named number and return its text (for use in the notebook, too).

    text overrides the formatted text (for wording the formatter cannot produce).
    """
    check_key(key)
    if text is None:
        text = format_value(value, kind, decimals)
    path = context.artifacts_dir() / FILE
    facts = load(path)
    for other in facts:  # a key may not be both a leaf and a parent (nested _variables.yml)
        if other.startswith(key + ".") or key.startswith(other + "."):
            raise ValueError(f"faktanøkkelen {key!r} kolliderer med {other!r}")
    facts[key] = {"value": _raw(value), "text": str(text)}
    atomic_write_text(path, dump(facts))
    _WRITTEN[path] = (_stamp(path), facts)
    return str(text)


def publish_book_date(key: str = "bok.dato", *, kind: str = "date",
                      capitalize: bool = False) -> str:
    """Publish the book's date (`book.date` in _quarto.yml, typed once there) as a fact, for the
    signature and the colophon: `{{< var bok.dato >}}`. kind "date" gives «10. juni 2024»,
    "month_year" «juni 2024» (a cover); capitalize=True writes the first letter in upper case
    for a line of its own («Juni 2024»). Returns the text."""
    from rapport.housestyle import CONFIG, HouseStyleError, project_config
    from rapport.data.recorder import record_read

    if kind not in ("date", "month_year"):
        raise ValueError(f"publish_book_date: kind {kind!r}; use 'date' or 'month_year'")
    root = context.project_root()
    date = (project_config(root).get("book") or {}).get("date")
    if not date:
        raise HouseStyleError(f"{CONFIG}: book.date: missing (the report's date, YYYY-MM-DD)")
    record_read(root / CONFIG)
    value = _dt.date.fromisoformat(str(date))
    text = format_value(value, kind)
    if capitalize:
        text = text[:1].upper() + text[1:]
    return fact(key, value, text=text)
