"""Every entry in the bibliography is cited, and every citation has an entry."""

from __future__ import annotations

import re
from pathlib import Path

from rapport.build.render.pandoc import bibliography_keys

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "index.qmd", *sorted((REPO / "chapters").glob("*.qmd"))]
CITATION = re.compile(r"(?<![\w@])-?@([A-Za-z][\w:.#$%&+?<>~/-]*[\w])")


def cited_keys() -> set[str]:
    keys = set()
    for path in SOURCES:
        keys |= set(CITATION.findall(path.read_text(encoding="utf-8")))
    return {k for k in keys if not k.startswith(("fig-", "tbl-", "sec-"))}


def test_every_bibliography_entry_is_cited():
    uncited = sorted(bibliography_keys([REPO / "references.bib"]) - cited_keys())
    assert not uncited, f"entries in references.bib that no chapter cites: {uncited}"


def test_every_citation_has_an_entry():
    missing = sorted(cited_keys() - bibliography_keys([REPO / "references.bib"]))
    assert not missing, f"citations without an entry in references.bib: {missing}"
