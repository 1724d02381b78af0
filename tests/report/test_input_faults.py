"""Nothing accepted silently: damaged or changed deliveries are refused with one clear message.

Each test breaks a copy of a real project input the way a delivery breaks (a truncated last
row, a Parquet column stored as text, a YAML syntax error) and checks the message names the
file and where it is wrong.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rapport.data import DataError, read_dataset, read_file

REPO = Path(__file__).resolve().parents[2]


def project_with(tmp_path: Path, dataset: str, data_path: str) -> Path:
    """A throwaway project root holding one real codebook, the shared codes and its data."""
    root = tmp_path / "proj"
    (root / "data" / "codebook").mkdir(parents=True)
    (root / "_quarto.yml").write_text("project:\n  type: book\n", encoding="utf-8")
    for name in (f"{dataset}.yml", "codes.yml"):
        shutil.copy(REPO / "data" / "codebook" / name, root / "data" / "codebook" / name)
    target = root / data_path
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / data_path, target)
    return root


# --- a survey CSV whose last row is cut short ---------------------------------------------


def test_truncated_last_csv_row_is_refused_naming_file_row_and_field_count(tmp_path):
    rel = "data/raw/survey/ikke_mottakere_2024.csv"
    root = project_with(tmp_path, "ikke_mottakere_2024", rel)
    path = root / rel
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header_fields = lines[0].count(";") + 1
    last = lines[-1]
    lines[-1] = last[: len(last) // 3]  # the last line cut to a third
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fields = lines[-1].count(";") + 1
    assert fields < header_fields
    row = len(lines)  # header = row 1, so the last line's row number is the line count

    with pytest.raises(DataError) as err:
        read_dataset("ikke_mottakere_2024", root=root)
    message = str(err.value)
    assert message.startswith(rel + ":")
    assert f"row {row} has {fields}" in message
    assert f"({header_fields} fields)" in message
    assert len(message.splitlines()) == 1


def test_a_row_with_only_empty_answers_is_still_accepted(tmp_path):
    """Empty fields between separators are missing answers, not damage."""
    rel = "data/raw/survey/ikke_mottakere_2024.csv"
    root = project_with(tmp_path, "ikke_mottakere_2024", rel)
    frame = read_dataset("ikke_mottakere_2024", root=root)
    assert len(frame) == 214  # 215 lines minus the header, as `wc -l` counts them


def test_truncated_row_in_a_plain_reference_csv_is_refused(tmp_path):
    root = tmp_path / "proj"
    (root / "data" / "reference").mkdir(parents=True)
    (root / "_quarto.yml").write_text("project:\n  type: book\n", encoding="utf-8")
    (root / "data/reference/t.csv").write_text("a,b,c\n1,2,3\n4,5\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_file("data/reference/t.csv", root=root)
    assert str(err.value).startswith("data/reference/t.csv:")
    assert "row 3 has 2" in str(err.value) and "(3 fields)" in str(err.value)


# --- a Parquet extract whose physical type differs from the codebook ------------------------


def test_parquet_amount_stored_as_text_is_refused_naming_column_and_types(tmp_path,
                                                                           register_data):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rel = "data/raw/register/tilsagn.parquet"
    root = project_with(tmp_path, "tilsagn", rel)
    path = root / rel
    table = pq.read_table(path)
    index = table.schema.get_field_index("belop")
    as_text = pa.array([str(v) for v in table.column("belop").to_pylist()], pa.string())
    pq.write_table(table.set_column(index, "belop", as_text), path)

    with pytest.raises(DataError) as err:
        read_dataset("tilsagn", root=root)
    message = str(err.value)
    assert message.startswith(rel + ': column "belop"')
    assert "stored as string" in message
    assert "type int" in message and "integer type" in message
    assert len(message.splitlines()) == 1


def test_parquet_with_the_agreed_types_is_read(tmp_path, register_data):
    rel = "data/raw/register/tilsagn.parquet"
    root = project_with(tmp_path, "tilsagn", rel)
    assert len(read_dataset("tilsagn", root=root, columns=["belop"])) > 0


# --- YAML syntax errors in the files the build reads ----------------------------------------


def _broken_config(tmp_path: Path) -> tuple[Path, int]:
    """A copy of the real _quarto.yml with `lang: nb` made invalid; returns (root, its line)."""
    root = tmp_path / "proj"
    root.mkdir()
    lines = (REPO / "_quarto.yml").read_text(encoding="utf-8").splitlines()
    line = lines.index("lang: nb")
    lines[line] = "lang: nb: nn"
    (root / "_quarto.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root, line + 1


@pytest.mark.parametrize("command", ["data", "prepare", "render", "report"])
def test_yaml_error_in_quarto_yml_is_one_message_with_file_and_line(tmp_path, capsys, command):
    from rapport.pipeline import cli

    root, line = _broken_config(tmp_path)
    assert cli.main([command, "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"_quarto.yml:{line}: not valid YAML" in err
    assert "Traceback" not in err and "ScannerError" not in err


def test_yaml_error_in_a_metadata_file_names_that_file_and_line(tmp_path, capsys):
    from rapport.pipeline import cli

    root = tmp_path / "proj"
    (root / "styles").mkdir(parents=True)
    (root / "_quarto.yml").write_text(
        "project:\n  type: book\nmetadata-files:\n  - styles/house.yml\n", encoding="utf-8")
    (root / "styles/house.yml").write_text(
        "house-style:\n  name: x\n  source: \"Oxford\n  n-format: y\n", encoding="utf-8")
    book = root / "_book"
    book.mkdir()
    (book / "index.html").write_text("last good book", encoding="utf-8")
    assert cli.main(["render", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "styles/house.yml:" in err and "not valid YAML" in err
    assert "Traceback" not in err
    assert (book / "index.html").read_text(encoding="utf-8") == "last good book"


def test_yaml_error_in_chapter_front_matter_names_chapter_and_line(tmp_path, capsys):
    from rapport.pipeline import cli

    root = tmp_path / "proj"
    (root / "chapters").mkdir(parents=True)
    (root / "_quarto.yml").write_text(
        "project:\n  type: book\nbook:\n  chapters:\n    - chapters/01.qmd\n", encoding="utf-8")
    (root / "chapters/01.qmd").write_text(
        "---\ntitle: Bakgrunn\nauthor: [a, b\n---\n\n# Bakgrunn\n", encoding="utf-8")
    assert cli.main(["render", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "chapters/01.qmd:" in err and "not valid YAML" in err
    assert "Traceback" not in err


def test_yaml_error_in_a_published_facts_file_is_one_message(tmp_path):
    from rapport.pipeline import facts
    from rapport.pipeline.yamlfile import YamlFileError

    root = tmp_path / "proj"
    art = root / "_build" / "artifacts" / "03-x"
    art.mkdir(parents=True)
    (art / "facts.yml").write_text("a:\n  value: 1\n  text: '1\n", encoding="utf-8")
    with pytest.raises(YamlFileError) as err:
        facts.merge(root, notebooks=["03-x"])
    assert str(err.value).startswith("_build/artifacts/03-x/facts.yml:")


# --- a fact without a text would print «None» in the prose ---------------------------------


@pytest.mark.parametrize("body", ["a.total:\n  value: 3\n", "a.total: 3\n", "- 1\n"])
def test_a_fact_without_text_is_refused(tmp_path, body):
    from rapport.pipeline import facts

    art = tmp_path / "proj" / "_build" / "artifacts" / "01-a"
    art.mkdir(parents=True)
    (art / "facts.yml").write_text(body, encoding="utf-8")
    with pytest.raises(facts.ConflictError) as err:
        facts.merge(tmp_path / "proj", notebooks=["01-a"])
    assert "_build/artifacts/01-a/facts.yml" in str(err.value)
    assert not (tmp_path / "proj" / "_variables.yml").exists()


# --- an SPSS file whose numeric variable arrives as text -----------------------------------


def test_spss_numeric_variable_stored_as_text_is_refused(tmp_path):
    import pyreadstat

    rel = "data/raw/survey/mottakere_2024.sav"
    root = project_with(tmp_path, "mottakere_2024", rel)
    path = root / rel
    frame, meta = pyreadstat.read_sav(str(path), apply_value_formats=False)
    numeric = next(n for n, t in meta.readstat_variable_types.items() if t == "double")
    frame[numeric] = frame[numeric].map(lambda v: "" if v != v else str(int(v)))
    pyreadstat.write_sav(frame, str(path), column_labels=meta.column_labels,
                         variable_value_labels=meta.variable_value_labels)
    with pytest.raises(DataError) as err:
        read_dataset("mottakere_2024", root=root)
    message = str(err.value)
    assert message.startswith(f'{rel}: column "{numeric}" is a string variable')
    assert "numeric variable" in message


def test_the_spss_delivery_as_agreed_is_read(tmp_path):
    rel = "data/raw/survey/mottakere_2024.sav"
    root = project_with(tmp_path, "mottakere_2024", rel)
    assert len(read_dataset("mottakere_2024", root=root)) == 271  # the data card's row count
