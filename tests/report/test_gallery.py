"""The gallery (notebooks/99-galleri.py, chapters/a4-galleri.qmd) shows every figure kind and
table form of rapport.exhibits, each with alt text (figures) and a «Kilde:» line."""

from __future__ import annotations

import json
import re
import runpy
from pathlib import Path

import pypandoc
import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = REPO / "notebooks" / "99-galleri.py"
CHAPTER = REPO / "chapters" / "a4-galleri.qmd"

# figure id -> how its generated alt text starts (which kind made it)
FIGURES = {
    "galleri-en": "Liggende søylediagram. Ja, og jeg kjenner godt til den",
    "galleri-flervalg": "Liggende søylediagram. Psykiske helseplager",
    "galleri-runder": "Liggende søylediagram som sammenligner 2022 og 2024",
    "galleri-likert": "Stablet søylediagram.",
    "galleri-divergerende": "Divergerende stablet søylediagram.",
    "galleri-fylke-aar": "Søylediagram med ett panel per fylke",
    "galleri-tilstander": "Stablede søylediagrammer, ett panel per gruppe",
    "galleri-dac": "Diagram over OECDs DAC-kriterier",
    "galleri-logikkmodell": "Logikkmodell i 4 kolonner",
}
TABLES = ["galleri-blokker", "galleri-to-nivaaer", "galleri-prosent-n", "galleri-totalsum",
          "galleri-lang", "galleri-skjult"]


@pytest.fixture(scope="module")
def gallery(tmp_path_factory):
    out = tmp_path_factory.mktemp("galleri")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RAPPORT_ROOT", str(REPO))
        mp.setenv("RAPPORT_NOTEBOOK", "99-galleri")
        mp.setenv("RAPPORT_ARTIFACTS", str(out))
        mp.setenv("MPLBACKEND", "Agg")
        mp.delenv("RAPPORT_READS", raising=False)
        mp.chdir(REPO)
        runpy.run_path(str(NOTEBOOK), run_name="__main__")
    return out


def table_of(md: str) -> dict:
    ast = json.loads(pypandoc.convert_text(md, "json", format="markdown"))
    return next(b for div in ast["blocks"] if div["t"] == "Div"
                for b in div["c"][1] if b["t"] == "Table")


def test_every_exhibit_is_published_and_only_those(gallery):
    names = {p.name for p in gallery.iterdir()}
    expected = ({f"fig-{i}.{ext}" for i in FIGURES for ext in ("md", "svg", "csv", "excel.csv")}
                | {f"tbl-{i}.{ext}" for i in TABLES for ext in ("md", "csv", "excel.csv")})
    assert names == expected


@pytest.mark.parametrize("fig_id", sorted(FIGURES))
def test_figure_has_kind_alt_text_caption_and_kilde(gallery, fig_id):
    md = (gallery / f"fig-{fig_id}.md").read_text(encoding="utf-8")
    assert md.startswith(f"::: {{#fig-{fig_id}}}\n![](/_build/artifacts/99-galleri/fig-{fig_id}.svg)")
    alt = re.search(r'\{fig-alt="([^"]+)"\}', md).group(1)
    assert alt.startswith(FIGURES[fig_id]), alt
    assert len(alt) > 40
    assert "\n::: {.kilde}\nKilde: " in md
    assert (gallery / f"fig-{fig_id}.svg").read_bytes().startswith(b"<?xml")


@pytest.mark.parametrize("tbl_id", TABLES)
def test_table_has_caption_and_kilde(gallery, tbl_id):
    md = (gallery / f"tbl-{tbl_id}.md").read_text(encoding="utf-8")
    assert md.startswith(f"::: {{#tbl-{tbl_id}}}\n")
    assert "\n::: {.kilde}\nKilde: " in md
    assert table_of(md)["t"] == "Table"


def test_table_forms(gallery):
    read = lambda i: (gallery / f"tbl-{i}.md").read_text(encoding="utf-8")  # noqa: E731
    blokker = table_of(read("galleri-blokker"))
    assert blokker["c"][4][0][3][0][1][0][3] == 3  # the block row spans all 3 columns
    assert "Sektor (n = 1\u00a0291)" in read("galleri-blokker")
    two = table_of(read("galleri-to-nivaaer"))
    assert len(two["c"][3][1]) == 2  # two header rows
    assert "(n = 423\u00a0471)" in read("galleri-prosent-n")
    assert "**Totalsum**" in read("galleri-totalsum")
    assert len(table_of(read("galleri-lang"))["c"][4][0][3]) > 50
    skjult = read("galleri-skjult")
    assert skjult.count("\\*") >= 4 and "Skjult av personvernhensyn" in skjult
    for small in (" 1 ", " 2 ", " 3 "):  # no count below the threshold is printed
        assert not re.search(rf"\|{small}+\|", skjult)


def test_chapter_shows_every_exhibit_with_its_function():
    text = CHAPTER.read_text(encoding="utf-8")
    included = re.findall(r"\{\{< exhibit 99-galleri/(\w+)-([\w-]+) >\}\}", text)
    assert {i for _, i in included} == set(FIGURES) | set(TABLES)
    for function in ("bar_chart", "grouped_bars", "likert_stacked", "likert_diverging",
                     "county_bars", "state_distribution", "dac_diagram", "logic_model",
                     "build_table", "pct_n_cells", "suppress_table", "publish_figure",
                     "publish_table"):
        assert f"`{function}(" in text, function
