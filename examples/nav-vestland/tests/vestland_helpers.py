"""Helpers for this example's tests: the built book as text, the reference CSVs, the raw data.

Expected values come from data/reference/ (the printed numbers, copied from the inventory of
the published report) or from an independent computation on data/raw/ with pandas; never from
the notebooks or the package code under test.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "_book"
REFERENCE = ROOT / "data" / "reference"
RAW = ROOT / "data" / "raw"


def require_book() -> None:
    if not (BOOK / "index.html").is_file() or not (ROOT / "_build" / "facts.json").is_file():
        raise AssertionError("the report is not built: run `make report` (make test does)")


@lru_cache
def facts() -> dict:
    require_book()
    return json.loads((ROOT / "_build" / "facts.json").read_text(encoding="utf-8"))


@lru_cache
def page_text(name: str) -> str:
    """A page of the HTML book as plain text, whitespace collapsed (no-break spaces too)."""
    require_book()
    raw = (BOOK / name).read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def book_text() -> str:
    return " ".join(page_text(p.name) for p in sorted(BOOK.glob("*.html")))


def reference(name: str) -> pd.DataFrame:
    return pd.read_csv(REFERENCE / name, dtype=str, keep_default_na=False)


@lru_cache
def survey() -> pd.DataFrame:
    return pd.read_csv(RAW / "arbeidsgiverundersokelse.csv", sep=";", encoding="utf-8-sig")


@lru_cache
def case_log() -> pd.DataFrame:
    return pd.read_csv(RAW / "stoppunkt2_logg.csv", encoding="utf-8-sig")


def share(column: str, codes: list[int]) -> tuple[float, int]:
    """Share of the answers to `column` that are in `codes`, and the number who answered."""
    answered = survey()[column].dropna()
    return float(answered.isin(codes).mean()), int(len(answered))
