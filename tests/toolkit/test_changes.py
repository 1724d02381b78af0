"""The change report between two builds finds exactly what changed, and nothing else."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from rapport.pipeline import changes, record

FIXTURE = Path(__file__).parent / "fixtures" / "mini_book"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    root = tmp_path / "book"
    shutil.copytree(FIXTURE, root)
    facts = {
        "survey.n": {"value": 214, "text": "214"},
        "survey.andel_ja": {"value": 0.73, "text": "73 %"},
        "tilsagn.sum_2023": {"value": 34724136, "text": "34,7 millioner kroner"},
    }
    (root / "_build" / "facts.json").write_text(json.dumps(facts), encoding="utf-8")
    return root


def config(root: Path) -> dict:
    return yaml.safe_load((root / "_quarto.yml").read_text(encoding="utf-8"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_identical_builds_have_no_changes(book):
    before = record.collect(book, config(book))
    after = record.collect(book, config(book))
    result = changes.compare(before, after)
    assert result.empty()
    assert "Ingen tall" in changes.to_markdown(result, "forrige versjon")


def test_one_fact_one_cell_one_sentence_and_nothing_else(book):
    before = record.collect(book, config(book))
    facts = json.loads((book / "_build" / "facts.json").read_text(encoding="utf-8"))
    facts["survey.n"] = {"value": 215, "text": "215"}
    (book / "_build" / "facts.json").write_text(json.dumps(facts), encoding="utf-8")
    artifacts = book / "_build" / "artifacts" / "01-test"
    edit(artifacts / "tbl-tilsagn.md", "| 2022 | 1 411 ", "| 2022 | 1 412 ")
    edit(artifacts / "tbl-tilsagn.csv", "2022,1411,", "2022,1412,")
    edit(book / "chapters" / "01-innledning.qmd", "viser kjennskap blant", "viser kunnskap blant")
    after = record.collect(book, config(book))

    result = changes.compare(before, after)

    assert [(f.key, f.old, f.new) for f in result.facts] == [("survey.n", "214", "215")]
    # The prose places that show the fact, read off the fixture's chapters independently.
    expected_uses = []
    for rel in ("index.qmd", "chapters/00-sammendrag.qmd", "chapters/01-innledning.qmd",
                "chapters/02-resultater.qmd", "chapters/90-litteraturliste.qmd",
                "chapters/a1-vedlegg.qmd"):
        for no, line in enumerate((book / rel).read_text(encoding="utf-8").splitlines(), 1):
            if "var survey.n " in line:
                expected_uses.append(f"{rel}:{no}")
    assert expected_uses and list(result.facts[0].used) == expected_uses
    assert [e.ident for e in result.exhibits] == ["tbl-tilsagn"]
    assert result.exhibits[0].cells == [
        changes.CellChange(row="2022", column="Antall tilsagn", old="1 411", new="1 412")
    ]
    assert result.added == [] and result.removed == []
    assert list(result.prose) == ["chapters/01-innledning.qmd"]
    (hunk,) = result.prose["chapters/01-innledning.qmd"]
    assert (hunk.removed, hunk.added) == ("kjennskap", "kunnskap")

    summary = changes.to_markdown(result, "versjon 1")
    assert "| `survey.n` | 214 | 215 |" in summary
    assert "| 2022 | Antall tilsagn | 1 411 | 1 412 |" in summary
    assert "~~kjennskap~~ **kunnskap**" in summary


def test_figure_data_caption_and_source_changes(book):
    before = record.collect(book, config(book))
    artifacts = book / "_build" / "artifacts" / "01-test"
    csv_text = (artifacts / "fig-kjennskap.csv").read_text(encoding="utf-8")
    lines = csv_text.splitlines()
    header, first = lines[0], lines[1]
    cells = first.split(",")
    cells[-1] = cells[-1] + "9"
    (artifacts / "fig-kjennskap.csv").write_text(
        "\n".join([header, ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    edit(artifacts / "fig-kjennskap.md", "Kilde: ", "Kilde: Ny kilde, ")
    after = record.collect(book, config(book))

    (change,) = changes.compare(before, after).exhibits
    assert change.ident == "fig-kjennskap"
    column = header.split(",")[-1]
    assert [(c.column, c.old, c.new) for c in change.cells] == [
        (column, first.split(",")[-1], cells[-1])
    ]
    (label, old, new), = change.text
    assert label == "Kilde" and new.startswith("Kilde: Ny kilde, ") and not old.startswith(
        "Kilde: Ny")
    assert change.images[1] == ["_build/artifacts/01-test/fig-kjennskap.svg"]


def test_added_and_removed_exhibits(book):
    before = record.collect(book, config(book))
    artifacts = book / "_build" / "artifacts" / "01-test"
    (artifacts / "tbl-lang.md").rename(artifacts / "tbl-lengre.md")
    after = record.collect(book, config(book))
    result = changes.compare(before, after)
    assert result.added == ["tbl-lengre"] and result.removed == ["tbl-lang"]


def test_rows_added_and_removed_show_as_cells_without_a_side():
    old = [["År", "Antall"], ["2021", "1"], ["2022", "2"]]
    new = [["År", "Antall"], ["2022", "2"], ["2023", "3"]]
    assert changes.cell_changes(old, new) == [
        changes.CellChange("2023", "År", None, "2023"),
        changes.CellChange("2023", "Antall", None, "3"),
        changes.CellChange("2021", "År", "2021", None),
        changes.CellChange("2021", "Antall", "1", None),
    ]


def test_record_round_trips_through_a_file_and_a_folder(book, tmp_path):
    path = record.write(book, config(book))
    assert record.load(path) == record.collect(book, config(book))
    assert record.load(book / "_build") == record.load(path)
    path.write_text(json.dumps({"version": 99}), encoding="utf-8")
    with pytest.raises(ValueError, match="version 99"):
        record.load(path)


def test_floating_point_noise_in_a_raw_value_is_no_change():
    """0.3557692307692308 + 0.4230769230769231 and 0.3509615384615385 + 0.4278846153846154 are
    both 162/208, printed «78 prosent», yet differ in the last bit: no reader sees a change."""
    a = 74 / 208 + 88 / 208
    b = 73 / 208 + 89 / 208
    assert a != b  # the premise
    old = {"facts": {"k": {"value": a, "text": "78 prosent", "used": []}}}
    new = {"facts": {"k": {"value": b, "text": "78 prosent", "used": []}}}
    assert changes.compare(old, new).empty()
    moved = {"facts": {"k": {"value": b + 0.001, "text": "78 prosent", "used": []}}}
    assert [f.key for f in changes.compare(old, moved).facts] == ["k"]
