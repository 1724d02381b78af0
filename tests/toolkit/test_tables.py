"""Table forms parse in pandoc 3 to the intended Table; HTML and Typst carry the same cells."""

import json
import re
import subprocess

import pandas as pd
import pypandoc
import pytest

from rapport.exhibits import Block, Cell, Table, build_table, difference, difference_note, fmt
from rapport.exhibits import pct_n_cells, publish_table

S = "\u00a0"
PANDOC = pypandoc.get_pandoc_path()


@pytest.fixture(autouse=True)
def artifacts(publishing):
    return publishing


def pandoc(text: str, to: str) -> str:
    return subprocess.run([PANDOC, "-f", "markdown", "-t", to], input=text.encode(),
                          capture_output=True, check=True).stdout.decode()


def table_ast(text: str) -> dict:
    found = []

    def walk(x):
        if isinstance(x, dict):
            if x.get("t") == "Table":
                found.append(x["c"])
            else:
                for v in x.values():
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(json.loads(pandoc(text, "json")))
    assert len(found) == 1
    _attr, _cap, colspecs, head, bodies, _foot = found[0]

    def spans(rows):  # (rowspan, colspan) per cell
        return [[(c[2], c[3]) for c in r[1]] for r in rows]
    return {"align": [c[0]["t"] for c in colspecs], "head": spans(head[1]),
            "body": spans([r for b in bodies for r in b[3]])}


def tabell4():
    d = pd.DataFrame({"blokk": ["Sektor"] * 2 + ["Antall ansatte"] * 2,
                      "verdi": ["Privat", "Offentlig", "10 til 20", "Over 100"],
                      "ikke_n": [1000, 426, 700, 726], "mott_n": [900, 391, 600, 698]})
    d["ikke_pct"] = d.ikke_n / d.groupby("blokk").ikke_n.transform("sum")
    d["mott_pct"] = d.mott_n / d.groupby("blokk").mott_n.transform("sum")
    d["diff"] = difference(d.ikke_pct, d.mott_pct)
    return d


def two_level():
    d = tabell4()
    return build_table(
        d, stub="verdi", block="blokk", block_n={"Sektor": 1291, "Antall ansatte": 1298},
        columns=["ikke_n", "ikke_pct", "mott_n", "mott_pct", "diff"],
        formats={"ikke_pct": "pct", "mott_pct": "pct", "diff": "diff"},
        labels={"ikke_n": "n", "ikke_pct": "%", "mott_n": "n", "mott_pct": "%",
                "diff": "Differanse"},
        groups=[("Ikke-mottakere (n = 1 426)", ["ikke_n", "ikke_pct"]),
                ("Mottakere (n = 1 311)", ["mott_n", "mott_pct"])])


def test_pipe_table_with_total_from_unrounded_data():
    d = pd.DataFrame({"region": ["03 Oslo", "10 Agder", "12 Vestland"],
                      "andel": [1 / 3, 1 / 3, 1 / 3], "belop": [1000.4, 2000.4, 0.4]})
    t = build_table(d, stub="region", columns=["andel", "belop"], formats={"andel": "pct",
                    "belop": "kr"}, labels={"andel": "Andel", "belop": "Beløp"}, total="Totalsum")
    md = t.to_markdown()
    assert md.startswith("| region") and "| :---" in md and "---: |" in md
    assert f"**100{S}%**" in md  # 33 + 33 + 33 rounded, but the total is of unrounded shares
    assert f"**kr{S}3{S}001**" in md  # 3001,2 → 3 001, not 1 000 + 2 000 + 0
    ast = table_ast(md)
    assert ast["align"] == ["AlignLeft", "AlignRight", "AlignRight"]
    assert len(ast["head"]) == 1 and len(ast["body"]) == 4


def test_block_table_has_spanning_block_rows():
    d = pd.DataFrame({"blokk": ["Sektor", "Sektor", "Ansatte"], "verdi": ["Privat", "Offentlig",
                      "Over 100"], "y2019": [0.6, 0.4, 1.0], "y2020": [0.55, 0.45, 1.0]})
    t = build_table(d, stub="verdi", block="blokk", block_n={"Sektor": 1291},
                    columns=["y2019", "y2020"], formats={"y2019": "pct", "y2020": "pct"},
                    labels={"y2019": "2019", "y2020": "2020"})
    md = t.to_markdown()
    assert md.startswith("+")  # grid table
    ast = table_ast(md)
    assert ast["head"] == [[(1, 1)] * 3]
    assert ast["body"][0] == [(1, 3)] and ast["body"][3] == [(1, 3)]
    html = pandoc(md, "html")
    assert f"Sektor (n = 1{S}291)" in html.replace("\n", " ")
    assert "<strong>Ansatte</strong>" in html


def test_two_level_header_parses_with_spans():
    md = two_level().to_markdown()
    ast = table_ast(md)
    assert ast["head"] == [[(2, 1), (1, 2), (1, 2), (2, 1)], [(1, 1)] * 4]
    assert ast["align"] == ["AlignLeft"] + ["AlignRight"] * 5
    assert len(ast["body"]) == 6 and ast["body"][0] == [(1, 6)]
    assert all(len(r) == 6 for r in ast["body"][1:3])


def cell_texts(md: str) -> list[str]:
    """The texts of all cells in a Markdown table, as the reader sees them."""
    cells = []
    for line in md.splitlines():
        if line.startswith("|") and not set(line) <= set("|-:+= "):
            cells += [c.strip().strip("*").replace("\\", "") for c in line.strip("|").split("|")
                      if c.strip()]
    return [c for c in cells if set(c) - set("-+=: ")]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(S, " "))


@pytest.mark.parametrize("form", ["pipe", "grid"])
def test_html_and_typst_carry_the_same_cells(form):
    d = tabell4()
    t = two_level() if form == "grid" else build_table(
        d, stub="verdi", columns=["ikke_n", "ikke_pct", "diff"],
        formats={"ikke_pct": "pct1", "diff": "diff"})
    md = t.to_markdown()
    html = norm(pandoc(md, "html"))
    typst = norm(pandoc(md, "typst").replace("~", " ").replace("\\", ""))  # NBSP is «~»
    for text in cell_texts(md):
        assert norm(text) in html, text
        assert norm(text) in typst, text
    assert f"{fmt.MINUS}2,9" in typst and f"{fmt.MINUS}2,9" in html


def test_difference_sign_and_rounding_rules():
    a, b = pd.Series([0.1234, 0.5]), pd.Series([0.1006, 0.6])
    unrounded = difference(a, b, decimals=0)
    rounded = difference(a, b, decimals=0, rounded=True)
    assert fmt.signed(unrounded[0], 0) == "+2"  # 12,34 − 10,06 = 2,28 → 2
    assert fmt.signed(rounded[0], 0) == "+2"    # 12 − 10
    assert fmt.signed(difference(b, a)[1], 1) == "+10,0"  # sign follows the argument order
    c, e = pd.Series([0.125]), pd.Series([0.1149])  # 12,5 → 13 and 11,49 → 11
    assert difference(c, e, decimals=0, rounded=True)[0] == 2.0
    assert fmt.signed(difference(c, e)[0], 0) == "+1"  # 1,01 → 1
    note = difference_note("Respondenter", "populasjon", rounded=True)
    assert "Respondenter − populasjon" in note and "avrundede" in note


def test_pct_n_cells():
    assert pct_n_cells([0.633], [423471]) == [f"63,3{S}% (n = 423{S}471)"]


def test_publish_table_snippet(artifacts):
    d = tabell4()
    out = publish_table("bakgrunn", two_level(), caption="Bakgrunnskjennetegn", data=d, n=2737,
                        notes=difference_note("Ikke-mottakere", "mottakere"))
    md = out["md"].read_text(encoding="utf-8")
    assert md.startswith("::: {#tbl-bakgrunn}\n+")
    assert f"\n\nBakgrunnskjennetegn (n = 2{S}737)\n:::\n\n::: {{.tabellnote}}\n" in md
    assert md.index(".tabellnote") < md.index(".kilde") < md.index("Last ned data")
    assert "(/_build/artifacts/03-bruk/tbl-bakgrunn.csv){.download}" in md
    csv = (artifacts / "tbl-bakgrunn.csv").read_text(encoding="utf-8")
    assert csv.splitlines()[0] == "blokk,verdi,ikke_n,mott_n,ikke_pct,mott_pct,diff"
    doc = pandoc(md, "json")
    assert '"tbl-bakgrunn"' in doc and '"tabellnote"' in doc


def test_handwritten_table_model_and_pipe_escaping():
    t = Table(header=[[Cell("Svar"), Cell("Andel")]], body=[["A | B", "5 %"], Block("Blokk")],
              align=["l", "r"])
    assert t.needs_grid()
    pipe = t.to_markdown("pipe")
    assert r"A \| B" in pipe and "**Blokk**" in pipe
    assert table_ast(pipe)["body"][0] == [(1, 1), (1, 1)]


def test_bad_rows_fail():
    with pytest.raises(ValueError):
        Table(header=[[Cell("a"), Cell("b")]], body=[["1"]], align=["l", "r"]).to_markdown()
    with pytest.raises(KeyError):
        build_table(pd.DataFrame({"a": [1]}), stub="a", columns=["nope"])


# ------------------------------------------------------------------ suppressed cells (personvern)
def suppressed_table():
    from rapport.stats import suppress_table

    counts = pd.DataFrame({"2019": [8, 3], "2020": [60, 48]}, index=["Offentlig", "Privat"])
    protected = suppress_table(counts)
    inner = protected.mask.loc[counts.index, counts.columns]
    d = counts.reset_index(names="verdi")
    return d, inner.reset_index(drop=True), protected


def test_suppressed_cells_print_the_rule_symbol_whatever_the_value():
    d, mask, protected = suppressed_table()
    assert protected.n_suppressed == 4  # 3 (primary), 8 (its column partner), 60 and 48 (rows)
    t = build_table(d, stub="verdi", columns=["2019", "2020"], suppressed=mask)
    assert [r[1:] for r in t.body] == [["*", "*"], ["*", "*"]]
    md = t.to_markdown()
    assert md.count(r"\*") == 4 and "60" not in md and "48" not in md
    html = pandoc(md, "html")
    assert "<td style=\"text-align: right;\">*</td>" in html  # a literal asterisk, no emphasis


def test_suppressed_mask_partial_columns_symbol_and_total():
    d = pd.DataFrame({"verdi": ["A", "B", "C"], "n": [2, 40, 50], "andel": [0.02, 0.4, 0.5]})
    mask = pd.DataFrame({"n": [True, False, False]})  # andel absent: not suppressed
    t = build_table(d, stub="verdi", columns=["n", "andel"], formats={"andel": "pct"},
                    suppressed=mask, symbol=":", total="Totalt")
    rows = [r for r in t.body]
    assert rows[0] == ["A", ":", f"2{S}%"]
    assert rows[1] == ["B", "40", f"40{S}%"]
    assert rows[-1] == ["Totalt", "92", f"92{S}%"]  # a margin: from all values


def test_suppressed_mask_must_fit_the_table():
    d = pd.DataFrame({"verdi": ["A", "B"], "n": [2, 40]})
    with pytest.raises(KeyError):
        build_table(d, stub="verdi", columns=["n"], suppressed=pd.DataFrame({"x": [True, False]}))
    with pytest.raises(KeyError):
        build_table(d, stub="verdi", columns=["n"],
                    suppressed=pd.DataFrame({"n": [True]}, index=[7]))
    with pytest.raises(TypeError):
        build_table(d, stub="verdi", columns=["n"], suppressed=[[True], [False]])


def test_disclosure_note_follows_the_rule():
    from rapport.exhibits import disclosure_note
    from rapport.stats import DisclosureRule

    note = disclosure_note()
    assert note.startswith(r"\* Skjult") and "færre enn 4" in note
    assert "<li>" not in pandoc(note, "html")  # not a bullet list
    ssb = disclosure_note(DisclosureRule(threshold=3, symbol=":", suppress_zero=True))
    # escaped: in Markdown a line starting «: » is a definition
    assert ssb.startswith(r"\: Skjult") and "færre enn 3 enheter (også 0)" in ssb
    html = pandoc(f"Note above.\n\n{ssb}", "html")
    assert "<dl>" not in html and "<p>: Skjult" in html  # not a definition list


def test_min_widths_widen_grid_columns_only_where_asked():
    d = tabell4()
    plain = two_level().to_markdown()
    wide = build_table(
        d, stub="verdi", block="blokk", columns=["ikke_n", "ikke_pct", "mott_n", "mott_pct",
                                                 "diff"],
        formats={"ikke_pct": "pct", "mott_pct": "pct", "diff": "diff"},
        labels={"diff": "Differanse"}, groups=[("Ikke", ["ikke_n", "ikke_pct"]),
                                                ("Mott", ["mott_n", "mott_pct"])],
        min_widths={"diff": 20}).to_markdown()
    last = [len(seg) for seg in wide.splitlines()[0].split("+")[1:-1]]
    assert last[-1] == 22  # 20 characters plus the two padding spaces
    assert table_ast(wide)["head"] == table_ast(plain)["head"]
    with pytest.raises(KeyError):
        build_table(d, stub="verdi", columns=["diff"], min_widths={"nope": 5})


def crosstab_table(**kwargs):
    """Tabell 6's shape: a corner n over a long stub question, one group over the roles."""
    d = pd.DataFrame({"svar": ["Ja, leder for enheten/avdelingen", "Nei", "Total"],
                      "Leder": [0.29, 0.71, 1.0], "Annet": [0.5, 0.5, 1.0]})
    mask = pd.DataFrame({"Annet": [True, True, True]})
    return build_table(d, stub="svar", columns=["Leder", "Annet"],
                       formats={"Leder": "pct", "Annet": "pct"}, suppressed=mask,
                       groups=[("Hvilken rolle har du i virksomheten?", ["Leder", "Annet"])],
                       corner="n = 211", bold=["Total"],
                       stub_label=("Har andre enn deg (og evt. tillitsvalgt) fra virksomheten "
                                   "vært involvert i den aktuelle saken?¹"), **kwargs)


def test_fixed_widths_wrap_long_texts_inside_their_cells():
    t = crosstab_table(widths={"svar": 20, "Leder": 8, "Annet": 8})
    assert t.needs_grid()
    md = t.to_markdown()
    lines = md.splitlines()
    assert len({len(line) for line in lines}) == 1  # every line of the grid is as wide
    first = [len(seg) for seg in lines[-1].split("+")[1:-1]]
    # the widths asked for (+ padding), except where a word does not fit: «**100 %**» has a
    # no-break space and cannot wrap, so Leder gets 9
    assert first == [22, 11, 10]
    assert "| Har andre enn deg    |" in md and "| aktuelle saken?¹" in md  # stub header wrapped
    assert "| i virksomheten?      |" in md  # the group title wraps inside its span
    text = " ".join(re.sub(r"<[^>]+>", " ", pandoc(md, "html")).split())
    assert "Har andre enn deg (og evt. tillitsvalgt) fra virksomheten vært" in text  # joined
    ast = table_ast(md)
    assert ast["head"] == [[(1, 1), (1, 2)], [(1, 1), (1, 1), (1, 1)]]  # corner, then stub head
    assert "| **Total** " in md and f"**100{S}%**" in md  # the bold total row


def test_widths_leave_short_columns_and_other_tables_alone():
    auto = crosstab_table().to_markdown()
    assert "| Har andre enn deg (og evt. tillitsvalgt) fra virksomheten vært involvert" in auto
    with pytest.raises(KeyError):
        crosstab_table(widths={"nope": 5})
    with pytest.raises(KeyError):
        build_table(pd.DataFrame({"a": ["x"], "b": [1]}), stub="a", columns=["b"], bold=["y"])
    with pytest.raises(ValueError, match="corner"):
        build_table(pd.DataFrame({"a": ["x"], "b": [1]}), stub="a", columns=["b"], corner="n")


def test_wrapped_line_that_looks_like_a_list_stays_text():
    t = Table(header=[[Cell("Sted"), Cell("Forklaring")]],
              body=[Block("Gruppe med en lang tittel som brytes"),
                    ["a", "Summen er 12 - 3. 4) punkter og 1. september"]],
              align=["l", "l"], widths=[6, 12])
    md = t.to_markdown()
    assert "\\- 3" in md or "3\\." in md or "4\\)" in md or "1\\." in md
    html = pandoc(md, "html")
    assert "<li>" not in html and "<ol" not in html and "<ul" not in html
    assert "Summen er 12 - 3. 4) punkter og 1. september" in " ".join(
        re.sub(r"<[^>]+>", " ", html).split())
    assert "<strong>Gruppe med en lang tittel som brytes</strong>" in " ".join(html.split())


def test_a_table_with_suppressed_cells_explains_the_symbol_once(tmp_path, monkeypatch):
    import pandas as pd

    from rapport.exhibits import publish_table
    from rapport.exhibits.tables import build_table, disclosure_note

    monkeypatch.setenv("RAPPORT_ARTIFACTS", str(tmp_path))
    data = pd.DataFrame({"rad": ["A", "B"], "n": [2, 10]})
    mask = pd.DataFrame({"n": [True, False]})
    table = build_table(data, stub="rad", columns=["n"], suppressed=mask)
    assert table.suppression_note == disclosure_note()
    publish_table("x", table, caption="X", data=data, notes=[disclosure_note()])
    text = (tmp_path / "tbl-x.md").read_text(encoding="utf-8")
    assert text.count("Skjult av personvernhensyn") == 1
    publish_table("y", build_table(data, stub="rad", columns=["n"]), caption="Y", data=data)
    assert "personvern" not in (tmp_path / "tbl-y.md").read_text(encoding="utf-8")
    publish_table("z", table, caption="Z", data=data)
    assert "Skjult av personvernhensyn" in (tmp_path / "tbl-z.md").read_text(encoding="utf-8")
