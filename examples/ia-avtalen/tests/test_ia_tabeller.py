"""Backtest: the budget tables the report implies, compared with the printed numbers.

Expected values: data/reference/*.csv (the printed report). Actual values: the tables' CSVs in
the built report (_build/artifacts/01-tall/tbl-*.csv) and their Markdown snippets (the text the
reader sees). The row labels are this edition's; which printed item each row shows is written
out below.
"""

import csv
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "_build" / "artifacts" / "01-tall"
REF = ROOT / "data" / "reference"


def rows(path):
    assert path.is_file(), f"{path} is missing: run `make report` in {ROOT} first"
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def printed(file, column, match, value_column):
    """The printed value in data/reference/<file> on the row where `column` starts with `match`."""
    hits = [r for r in rows(REF / file) if r[column].startswith(match)]
    assert len(hits) == 1, (file, match, hits)
    return float(hits[0][value_column])


def cell(table, label, column):
    hits = [r for r in rows(ARTIFACTS / f"tbl-{table}.csv") if r["post"].startswith(label)]
    assert len(hits) == 1, (table, label)
    return hits[0][column]


CASES = [
    ("omdisponering", "Forebyggings-", "Mill. kroner",
     ("omdisponering_okonomisk_ramme_ia_2019_2022.csv", "item", "forebyggings-", "amount_mill_nok")),
    ("omdisponering", "Midler til regionale", "Mill. kroner",
     ("omdisponering_okonomisk_ramme_ia_2019_2022.csv", "item", "midler til regionale", "amount_mill_nok")),
    ("omdisponering", "Samlet ramme", "Mill. kroner",
     ("omdisponering_okonomisk_ramme_ia_2019_2022.csv", "item", "samlet ramme", "amount_mill_nok")),
    ("arbeidsmiljo-ramme", "Arbeidstilsynet", "Deretter per år",
     ("arbeidsmiljosatsingen_okonomisk_ramme.csv", "recipient", "Arbeidstilsynet", "amount_mill_nok")),
    ("arbeidsmiljo-ramme", "Statens arbeidsmiljøinstitutt", "Deretter per år",
     ("arbeidsmiljosatsingen_okonomisk_ramme.csv", "recipient", "STAMI", "amount_mill_nok")),
    ("arbeidsmiljo-ramme", "Petroleumstilsynet", "Deretter per år",
     ("arbeidsmiljosatsingen_okonomisk_ramme.csv", "recipient", "Petroleumstilsynet", "amount_mill_nok")),
    ("arbeidsmiljo-ramme", "Totalt", "2019",
     ("arbeidsmiljosatsingen_okonomisk_ramme.csv", "period_as_printed", "2019", "amount_mill_nok")),
    ("bransjeprogrammer-ramme", "Samlet ramme", "2019",
     ("bransjeprogrammer_okonomisk_ramme.csv", "period_as_printed", "2019", "value")),
    ("bransjeprogrammer-ramme", "Herav øremerket", "2020–2022",
     ("bransjeprogrammer_okonomisk_ramme.csv", "item", "herav øremerket", "value")),
    ("bransjeprogrammer-ramme", "Herav evaluering", "2020–2022",
     ("bransjeprogrammer_okonomisk_ramme.csv", "item", "resterende", "value")),
    ("kunnskapsmidler", "Bevilgning", "Mill. kroner",
     ("kunnskapsvirkemidler_okonomi.csv", "item", "bevilgning", "value")),
    ("kunnskapsmidler", "Statistikkforum", "Mill. kroner",
     ("kunnskapsvirkemidler_okonomi.csv", "item", "tildelt", "value")),
    ("kunnskapsmidler", "IA-FoU-programmet", "Mill. kroner",
     ("kunnskapsvirkemidler_okonomi.csv", "item", "ramme for IA FoU", "value")),
]


@pytest.mark.parametrize(("table", "label", "column", "ref"), CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_table_value_is_printed_value(table, label, column, ref):
    assert float(cell(table, label, column)) == pytest.approx(printed(*ref), abs=1e-9)


def test_frames_per_year_match_print():
    # 2020–2022 frame of the bransjeprogrammer and the later yearly arbeidsmiljø frame: the
    # printed report gives each once; the tables show them in the «per år» column.
    bransje = [r for r in rows(REF / "bransjeprogrammer_okonomisk_ramme.csv")
               if r["item"].startswith("samlet") and r["period_as_printed"].startswith("2020")]
    assert float(cell("bransjeprogrammer-ramme", "Samlet ramme", "2020–2022")) == \
        float(bransje[0]["value"])
    miljo = [r for r in rows(REF / "arbeidsmiljosatsingen_okonomisk_ramme.csv")
             if r["period_as_printed"] == "deretter årlig" and r["recipient"] == "totalt"]
    assert float(cell("arbeidsmiljo-ramme", "Totalt", "Deretter per år")) == float(miljo[0]["amount_mill_nok"])


def test_project_count_in_label_matches_print():
    total = [r for r in rows(REF / "fou_programmet_prosjekter_etter_type.csv") if r["row_type"] == "total"]
    assert f"{int(total[0]['count'])} prosjekter" in cell("kunnskapsmidler", "IA-FoU-programmet", "post")


@pytest.mark.parametrize("table", ["omdisponering", "arbeidsmiljo-ramme",
                                   "bransjeprogrammer-ramme", "kunnskapsmidler"])
def test_snippet_shows_printed_numbers_with_decimal_comma(table):
    snippet = (ARTIFACTS / f"tbl-{table}.md").read_text(encoding="utf-8").replace("**", "")
    for row in rows(ARTIFACTS / f"tbl-{table}.csv"):
        for key, value in row.items():
            if key != "post" and value:
                shown = f"{float(value):.1f}".replace(".", ",")
                assert re.search(rf"\|\s*{re.escape(shown)}\s*\|", snippet), (table, row["post"], shown)
    assert "Kilde:" in snippet and "Oxford" not in snippet
