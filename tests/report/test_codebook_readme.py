"""The human-readable codebook (data/codebook/README.md) matches the YAML codebooks."""

from __future__ import annotations

from pathlib import Path

from rapport.data.codebook_doc import codebook_readme

REPO = Path(__file__).resolve().parents[2]


def test_codebook_readme_is_up_to_date():
    committed = (REPO / "data" / "codebook" / "README.md").read_text(encoding="utf-8")
    assert committed == codebook_readme(REPO), (
        "data/codebook/README.md is stale: run `make codebook`"
    )
