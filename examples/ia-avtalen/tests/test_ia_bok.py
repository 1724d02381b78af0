"""The built book: one chapter per measure row in the table's order, the lists the report
counts, and the published formats (HTML pages, PDF/UA-1)."""

import csv
import re
from html import unescape
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "_book"


def rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


MEASURES = rows(ROOT / "data" / "raw" / "virkemidler.csv")


def test_book_lists_the_measure_chapters_in_table_order():
    config = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    listed = [c for c in config["book"]["chapters"] if c.startswith("chapters/")]
    assert listed == [r["fil"] for r in MEASURES]


def test_chapter_titles_match_the_printed_table_of_contents():
    printed = [r["chapter_title"] for r in rows(ROOT / "data" / "reference" / "innholdsfortegnelse.csv")]
    ours = [r["tittel"] for r in MEASURES]
    assert len(ours) == len(printed)
    # This edition normalises two titles (vedlegg «Avvik»): «SKIL - Kurs …» and «IA-FoU programmet …».
    normal = {"SKIL - Kurs i sykmeldingsarbeid for fastleger": "SKIL – kurs i sykmeldingsarbeid for fastleger",
              "IA-FoU programmet og statistikkforum": "IA-FoU-programmet og statistikkforum"}
    assert ours == [normal.get(t, t) for t in printed]


def test_every_chapter_page_has_its_title_and_sections():
    for row in MEASURES:
        page = BOOK / (Path(row["fil"]).stem + ".html")
        assert page.is_file(), f"{page} is missing: run `make report` in {ROOT} first"
        html = unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
        assert row["tittel"] in html
        for number, section in enumerate(filter(None, row["seksjoner"].split("|")), start=1):
            assert f"{number}. {section.strip()}" in html, (row["fil"], section)


def test_lists_have_as_many_rows_as_the_report_says():
    printed = {r["statement"]: float(r["value"])
               for r in rows(ROOT / "data" / "reference" / "alle_tallfestede_utsagn.csv")}
    programmes = rows(ROOT / "data" / "raw" / "bransjeprogrammer.csv")
    assert len(programmes) == printed["bransjeprogrammer etablert"]
    reference = rows(ROOT / "data" / "reference" / "bransjeprogrammer_liste.csv")
    assert [(p["bransjeprogram"], p["ledet_av"]) for p in programmes] == \
        [(r["bransjeprogram"], r["ledet_av"]) for r in reference]
    counties = rows(ROOT / "data" / "raw" / "forsoksfylker.csv")
    assert len(counties) == printed["forsøksfylker"]
    assert [c["fylke"] for c in counties] == \
        [r["fylke"] for r in rows(ROOT / "data" / "reference" / "kompetansetiltak_forsoksfylker.csv")]


def test_pdf_is_pdf_ua_1_with_the_cover_text():
    import pypdf

    [pdf] = BOOK.glob("*.pdf")
    reader = pypdf.PdfReader(pdf)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part(>|=\")1", xmp)
    cover = reader.pages[0].extract_text()
    for text in ("IA-avtalen 2019–2022", "Erfaringskartlegging",
                 "Rapport fra partssammensatt arbeidsgruppe for IA-avtalen", "Våren 2022"):
        assert text in cover
    assert "Oxford" not in "".join(p.extract_text() for p in reader.pages)
