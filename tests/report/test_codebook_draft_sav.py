"""`rapport codebook draft` on the report's committed SPSS export: the drafted variable and value
labels are the file's own (read here independently with pyreadstat)."""

from __future__ import annotations

import pyreadstat

from rapport.data.codebook_draft import draft_codebook
from tests.conftest import REPO

SAV = REPO / "data" / "raw" / "survey" / "mottakere_2024.sav"


def test_drafted_labels_equal_the_files_labels():
    _, meta = pyreadstat.read_sav(str(SAV), metadataonly=True)
    book = draft_codebook(SAV, root=REPO)
    assert book["path"] == "data/raw/survey/mottakere_2024.sav"
    drafted = {c["name"]: c for c in book["columns"]}
    assert list(drafted) == meta.column_names
    for name in meta.column_names:
        assert drafted[name]["label"] == meta.column_names_to_labels[name], name
        value_labels = meta.variable_value_labels.get(name)
        if value_labels:
            assert drafted[name]["type"] == "category", name
            assert {float(k): v for k, v in drafted[name]["codes"].items()} == value_labels, name
        else:
            assert "codes" not in drafted[name], name
