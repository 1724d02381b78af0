"""Codebooks: loading, shared code lists, the Markdown rendering, and the pandera schema."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest

from rapport.data import (
    CodebookError,
    build_schema,
    codebook_markdown,
    list_codebooks,
    load_codebook,
    write_codebook_readme,
)
from rapport.data.codebook import _code_mapping, load_yaml
from tests.toolkit.fixtures.data.helpers import codebook, copy_fixture_project, make_project

TILSAGN = """
dataset: tilsagn
title: Tilsagn om tilskudd til ekspertbistand (registeruttrekk)
path: data/raw/register/tilsagn.parquet
format: {}
key: [tilsagn_id]
columns:
  - name: tilsagn_id
    label: Løpenummer for tilsagn (pseudonymisert)
    type: int
  - name: belop
    label: Innvilget beløp (kr)
    type: float
    min: 0
  - name: region
    label: NAV-region (inndeling 2020–2023)
    type: category
    codes: nav_region_2020
  - name: dato
    label: Vedtaksdato
    type: date
    min: 2019-09-01
    max: 2024-05-21
  - name: q_hort_om
    label: Kjennskap til ordningen
    question: Hadde du hørt om tilskudd til ekspertbistand før du mottok denne undersøkelsen?
    type: category
    codes: {1: "Ja, og jeg kjenner godt til den", 2: "Ja, men kjenner ikke så godt til den", 3: Nei, 9: Vet ikke}
    nullable: true
  - name: q_kilde_ia
    label: Via IA-rådgiver ved NAV Arbeidslivssenter
    question: Hvordan fikk du høre om tilskuddet?
    group: q_kilde
    type: bool
    nullable: true
questions:
  q_kilde: {text: "Hvordan fikk du høre om tilskuddet?", multi: true, base: Alle}
"""


@pytest.fixture
def root(tmp_path, monkeypatch):
    root = make_project(tmp_path, monkeypatch)
    codebook(root, "tilsagn", TILSAGN)
    return root


def test_load_codebook_types_and_resolved_codes(root):
    book = load_codebook("tilsagn")
    assert book.dataset == "tilsagn"
    assert book.path == "data/raw/register/tilsagn.parquet"
    assert book.key == ("tilsagn_id",)
    assert book.names == ["tilsagn_id", "belop", "region", "dato", "q_hort_om", "q_kilde_ia"]
    region = book.column("region")
    assert region.codes_name == "nav_region_2020"
    assert list(region.codes)[:3] == ["02", "03", "04"]
    assert region.codes["08"] == "Vestfold og Telemark"
    assert region.code_type is str
    survey = book.column("q_hort_om")
    assert survey.codes == {
        1: "Ja, og jeg kjenner godt til den",
        2: "Ja, men kjenner ikke så godt til den",
        3: "Nei",
        9: "Vet ikke",
    }
    assert survey.code_type is int and survey.nullable is True
    assert book.column("belop").min == 0 and book.column("belop").nullable is False
    assert book.column("dato").min == pd.Timestamp("2019-09-01")
    assert book.column("dato").max == pd.Timestamp("2024-05-21")
    assert book.questions["q_kilde"].multi is True
    assert book.question_text("q_kilde") == "Hvordan fikk du høre om tilskuddet?"
    assert [c.name for c in book.group("q_kilde")] == ["q_kilde_ia"]
    assert book.options("q_kilde") == {"q_kilde_ia": "Via IA-rådgiver ved NAV Arbeidslivssenter"}
    with pytest.raises(KeyError, match="no columns with group"):
        book.options("q_finnes_ikke")
    assert book.labels("q_hort_om")[9] == "Vet ikke"
    assert list_codebooks() == ["tilsagn"]


def test_caption_and_is_multi(root):
    book = load_codebook("tilsagn")
    # a `questions:` id, a group and a column: the verbatim text
    assert book.caption("q_kilde") == "Hvordan fikk du høre om tilskuddet?"
    assert book.caption("q_kilde_ia") == "Hvordan fikk du høre om tilskuddet?"
    assert book.caption("q_hort_om").startswith("Hadde du hørt om tilskudd")
    with pytest.raises(KeyError, match="tilsagn: ingen spørsmålstekst for belop"):
        book.caption("belop")  # a register column, no question
    with pytest.raises(KeyError, match="q_finnes_ikke"):
        book.caption("q_finnes_ikke")
    assert book.is_multi("q_kilde") is True
    assert book.is_multi("q_hort_om") is False  # no `questions:` entry
    assert book.is_multi("q_finnes_ikke") is False


def test_decode_replaces_codes_with_labels(root):
    book = load_codebook("tilsagn")
    frame = pd.DataFrame({"region": ["03", "50"], "q_hort_om": [9, None]})
    decoded = book.decode(frame)
    assert decoded["region"].tolist() == ["Oslo", "Trøndelag"]
    assert decoded["q_hort_om"].iloc[0] == "Vet ikke" and pd.isna(decoded["q_hort_om"].iloc[1])
    assert list(decoded["q_hort_om"].cat.categories)[0] == "Ja, og jeg kjenner godt til den"


def test_yaml_keeps_leading_zeros_and_norwegian_words(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("a: {02: Øst-Viken, 08: V, 10: Agder}\nb: [NO, yes, on]\nc: true\n")
    assert load_yaml(path) == {
        "a": {"02": "Øst-Viken", "08": "V", 10: "Agder"},
        "b": ["NO", "yes", "on"],
        "c": True,
    }
    assert _code_mapping(load_yaml(path)["a"]) == {"02": "Øst-Viken", "08": "V", "10": "Agder"}
    assert _code_mapping({1: "Ja", 2: "Nei"}) == {1: "Ja", 2: "Nei"}
    assert _code_mapping(["A", "B"]) == {"A": "A", "B": "B"}


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("    type: integer\n", 'column "x": type must be one of int, float, str, date, bool, '
                              'category, not "integer"'),
        ("    type: category\n    codes: fylker\n", 'column "x": code list "fylker" is not in '
                                                    "codes.yml (lists: ansatte_gruppe,"),
        ("    type: int\n    nulable: true\n", 'column "x": unknown key "nulable"'),
        ("    type: category\n    codes: {1: Ja, og nei, 2: Nei}\n",
         "column \"x\": code 'og nei' has no label; in an inline list"),
        ("    type: category\n    codes: {1: Ja, B: Nei}\n",
         'column "x": codes mix numbers and text'),
        ("    type: str\n    min: 3\n", 'column "x": min is only allowed on int, float and date'),
    ],
)
def test_codebook_mistakes_are_reported(root, column, expected):
    codebook(root, "feil", "dataset: feil\npath: data/raw/feil.csv\ncolumns:\n"
             "  - name: x\n    label: X\n" + column)
    with pytest.raises(CodebookError) as info:
        load_codebook("feil")
    assert str(info.value).startswith("data/codebook/feil.yml: " + expected)


def test_unknown_codebook_lists_the_known_ones(root):
    with pytest.raises(CodebookError) as info:
        load_codebook("tilsag")
    assert str(info.value) == "data/codebook/tilsag.yml: no codebook file (codebooks: tilsagn)"


def test_codebook_markdown(root):
    text = codebook_markdown("tilsagn")
    lines = text.splitlines()
    assert lines[0] == "## tilsagn: Tilsagn om tilskudd til ekspertbistand (registeruttrekk)"
    assert "Fil: `data/raw/register/tilsagn.parquet` · Nøkkel: `tilsagn_id`" in lines
    assert "| Variabel | Beskrivelse | Type | Koder og verdier |" in lines
    assert "| `belop` | Innvilget beløp (kr) | desimaltall | ≥ 0<br>påkrevd |" in lines
    region = next(line for line in lines if line.startswith("| `region`"))
    assert "| kategori | 02 = Øst-Viken<br>03 = Oslo<br>" in region
    assert "50 = Trøndelag<br>(kodeliste `nav_region_2020`)<br>påkrevd |" in region
    survey = next(line for line in lines if line.startswith("| `q_hort_om`"))
    assert "Spørsmål: «Hadde du hørt om tilskudd til ekspertbistand" in survey
    assert "9 = Vet ikke<br>kan mangle |" in survey
    dato = next(line for line in lines if line.startswith("| `dato`"))
    assert "| dato | 2019-09-01–2024-05-21<br>påkrevd |" in dato
    assert "- `q_kilde`: «Hvordan fikk du høre om tilskuddet?» (Flere svar mulig). Grunnlag: Alle." \
        in lines


def test_write_codebook_readme(root):
    path = write_codebook_readme()
    assert path == root / "data" / "codebook" / "README.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Kodebok\n")
    assert "| `tilsagn` | Tilsagn om tilskudd til ekspertbistand (registeruttrekk) | " \
           "`data/raw/register/tilsagn.parquet` |" in text
    assert "## tilsagn: Tilsagn om tilskudd" in text
    assert "### `fylke_2024`: Fylker, inndeling fra 1. januar 2024" in text
    assert "| 56 | Finnmark |" in text
    mtime = path.stat().st_mtime_ns
    write_codebook_readme()
    assert path.stat().st_mtime_ns == mtime  # unchanged content is not rewritten


def test_schema_from_codebook(root):
    book = load_codebook("tilsagn")
    schema = build_schema(book)
    assert isinstance(schema, pa.DataFrameSchema)
    assert set(schema.columns) == set(book.names)
    assert schema.unique == ["tilsagn_id"]
    assert schema.strict is True
    assert str(schema.columns["tilsagn_id"].dtype) == "int64"
    assert str(schema.columns["q_hort_om"].dtype) == "Int64"
    assert schema.columns["q_hort_om"].nullable is True
    good = pd.DataFrame({
        "tilsagn_id": pd.Series([1, 2], dtype="int64"),
        "belop": [10.0, 0.0],
        "region": ["03", "50"],
        "dato": pd.to_datetime(["2020-01-01", "2024-05-21"]),
        "q_hort_om": pd.array([1, None], dtype="Int64"),
        "q_kilde_ia": pd.array([True, None], dtype="boolean"),
    })
    schema.validate(good)
    bad = good.assign(region=["03", "99"])
    with pytest.raises(pa.errors.SchemaError):
        schema.validate(bad)
    with pytest.raises(pa.errors.SchemaError):
        schema.validate(good.drop(columns="belop"))
    assert build_schema(book, ["belop"]).unique is None


def test_committed_fixture_codebook_loads(tmp_path):
    root = copy_fixture_project(tmp_path)
    book = load_codebook("mottakere_test", root)
    assert book.format == {"sep": ";", "decimal": ",", "encoding": "cp1252"}
    assert book.column("fylke").codes["46"] == "Vestland"
