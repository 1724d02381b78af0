"""Fixtures of the flagship report's own tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def register_data() -> Path:
    """The full-scale synthetic register extracts in data/raw/register, generated if missing or
    stale (what `make data` does; the folder is not committed)."""
    from ekspertbistand.generate import generate

    out = REPO / "data" / "raw" / "register"
    generate(out, "full")
    return out
