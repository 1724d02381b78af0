"""facts.yml: format of docs/architecture.md, sorted keys, atomic rewrite, key validation."""

import numpy as np
import pytest
import yaml

from rapport.exhibits import fact, format_value

S = "\u00a0"


@pytest.fixture(autouse=True)
def artifacts(tmp_path, monkeypatch):
    monkeypatch.setenv("RAPPORT_ARTIFACTS", str(tmp_path / "art"))
    monkeypatch.setenv("RAPPORT_NOTEBOOK", "03-bruk")
    return tmp_path / "art"


def test_facts_file_format(artifacts):
    assert fact("tilsagn.sum_2023", 34724136, kind="mill_kr") == "34,7 millioner kroner"
    fact("survey2024.n", np.int64(234))
    fact("a.andel", 0.46, kind="pct")
    text = (artifacts / "facts.yml").read_text(encoding="utf-8")
    assert text == (
        "a.andel:\n  value: 0.46\n  text: 46 prosent\n"
        "survey2024.n:\n  value: 234\n  text: '234'\n"
        "tilsagn.sum_2023:\n  value: 34724136\n  text: 34,7 millioner kroner\n"
    )
    data = yaml.safe_load(text)
    assert list(data) == sorted(data)
    assert data["tilsagn.sum_2023"] == {"value": 34724136, "text": "34,7 millioner kroner"}
    assert not [p for p in artifacts.iterdir() if p.name.endswith(".tmp")]


def test_update_and_explicit_text(artifacts):
    fact("x.n", 1311)
    fact("x.n", 1312)
    fact("x.ord", 0.34, "om lag hver tredje")
    data = yaml.safe_load((artifacts / "facts.yml").read_text(encoding="utf-8"))
    assert data["x.n"] == {"value": 1312, "text": f"1{S}312"}
    assert data["x.ord"]["text"] == "om lag hver tredje"


@pytest.mark.parametrize("kind, value, expected", [
    ("int", 672197, f"672{S}197"), ("decimal", 1.84, "1,8"), ("pct", 0.46, "46 prosent"),
    ("pct_table", 0.46, f"46{S}%"), ("pp", -0.07, "7 prosentpoeng"),
    ("kr", 23100, f"kr{S}23{S}100"), ("mill_kr", 17012345, "17 millioner kroner"),
    ("date", "2024-05-05", "5. mai 2024"), ("date_short", "2024-05-24", "24.05.2024"),
    ("share_words", 0.47, "nesten halvparten"), ("text", "Agder", "Agder"),
])
def test_kinds(kind, value, expected):
    assert format_value(value, kind) == expected


def test_dates_are_stored_as_iso(artifacts):
    import datetime as dt
    fact("frist.dato", dt.date(2024, 5, 5), kind="date")
    data = yaml.safe_load((artifacts / "facts.yml").read_text(encoding="utf-8"))
    assert data["frist.dato"] == {"value": "2024-05-05", "text": "5. mai 2024"}


@pytest.mark.parametrize("key", ["Tilsagn.sum", "tilsagn-sum", "tilsagn..sum", ".a", "a.",
                                 "sum 2023", "æøå", "", "a.B"])
def test_invalid_keys(key):
    with pytest.raises(ValueError):
        fact(key, 1)


def test_leaf_parent_collision():
    fact("a.b", 1)
    with pytest.raises(ValueError):
        fact("a.b.c", 2)
    with pytest.raises(ValueError):
        fact("a", 2)


def test_unknown_kind():
    with pytest.raises(ValueError):
        fact("a.b", 1, kind="prosent")


def test_book_date_for_the_colophon_and_the_cover(artifacts, tmp_path, monkeypatch):
    from rapport.exhibits import publish_book_date
    root = tmp_path / "p"
    root.mkdir()
    (root / "_quarto.yml").write_text('book:\n  date: "2022-10-14"\n', encoding="utf-8")
    monkeypatch.setenv("RAPPORT_ROOT", str(root))
    assert publish_book_date() == "14. oktober 2022"
    assert publish_book_date("bok.maaned", kind="month_year", capitalize=True) == "Oktober 2022"
    data = yaml.safe_load((artifacts / "facts.yml").read_text(encoding="utf-8"))
    assert data["bok.maaned"] == {"value": "2022-10-14", "text": "Oktober 2022"}
    with pytest.raises(ValueError, match="kind 'pct'"):
        publish_book_date("bok.x", kind="pct")


def test_a_file_changed_or_removed_under_the_process_is_read_again(artifacts):
    """The process keeps what it wrote in memory; a facts.yml that someone else replaced or
    removed in between (a rerun, the runner clearing the directory) is what counts."""
    fact("a.n", 1)
    path = artifacts / "facts.yml"
    path.write_text("b.n:\n  value: 2\n  text: '2'\nb.m:\n  value: 30\n  text: '30'\n",
                    encoding="utf-8")
    fact("c.n", 3)
    assert sorted(yaml.safe_load(path.read_text(encoding="utf-8"))) == ["b.m", "b.n", "c.n"]
    path.unlink()
    fact("d.n", 4)
    assert sorted(yaml.safe_load(path.read_text(encoding="utf-8"))) == ["d.n"]


def test_the_text_is_what_the_pure_python_emitter_writes(artifacts):
    """libyaml's emitter is used where PyYAML has it, entry by entry; the bytes are the same as
    PyYAML's own emitter's for the whole file, for the shapes facts take (quoted digits,
    non-ASCII, long text, dates, and 1, 1.0 and True with the same text)."""
    facts = {"x.tall": (1312, "1312"), "x.andel": (0.4567, "46 prosent"),
             "x.tekst": ("a", "«over feilmarginen» – ø, æ, å"), "x.lang": ("b", "ord " * 80),
             "x.dato": ("2024-05-05", "5. mai 2024"), "x.null": (0, "0"),
             "x.neg": (-0.07, "-7"), "x.en": (1, "en"), "y.en": (1.0, "en"), "z.en": (True, "en")}
    for key, (value, text) in facts.items():
        fact(key, value, text)
    expected = yaml.safe_dump(
        {k: {"value": v, "text": t} for k, (v, t) in sorted(facts.items())},
        allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    assert (artifacts / "facts.yml").read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("first, then, written", [(1, True, "true"), (1, 1.0, "1.0"),
                                                  (True, 1, "1")])
def test_a_value_of_another_type_is_written_as_itself(artifacts, first, then, written):
    """1, 1.0 and True compare equal in Python; a fact updated from one to another is
    written as the new one (the entry texts are kept per key, value and type)."""
    fact("x.en", first, "en")
    fact("x.en", then, "en")
    assert (artifacts / "facts.yml").read_text(encoding="utf-8") == (
        f"x.en:\n  value: {written}\n  text: en\n")
