"""The synthetic inputs: deterministic, valid by their codebooks, and nested as the funnel says."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "generator"))
sys.path.insert(0, str(ROOT / "notebooks"))


def _digest(files: dict) -> dict:
    return {p.name: hashlib.sha256(t.encode()).hexdigest() for p, t in files.items()}


def test_generator_is_deterministic_and_valid():
    import generate

    first = generate.tables()
    assert _digest(first) == _digest(generate.tables())
    generate.check(first)        # every file passes its codebook
    form = first[generate.FORM]
    assert form.startswith("\ufeffskjema_id;lopenr;")
    assert form.count("\r\n") == 721 + 1   # header + one row per mapped candidate


def test_funnel_nesting_is_enforced():
    from _populasjon import POP, check_funnel

    frame = pd.DataFrame({POP[k].column: [True, True] for k in POP})
    assert check_funnel(frame)["kartlagt"] == 2
    frame.loc[1, "vedtak"] = False          # a participant without a decision
    with pytest.raises(ValueError, match="'planlagt' is not inside 'vedtak'"):
        check_funnel(frame)
