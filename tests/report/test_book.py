"""The built flagship report shows what seed 004 published: its exhibit numbers, its prose
numbers, its reviewers' links. The build itself is shared with tests/projects/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, cli, pdf_text
from tests.projects.test_every_report import pdf_path, tree_hashes

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(built_projects) -> Path:
    return built_projects(REPO)


def test_exhibits_carry_kilde_and_a_working_download_link(built):
    page = (built / "_book" / "03-bruk.html").read_text(encoding="utf-8")
    assert "Tabell 1:" in page and "Tabell 2:" in page
    links = re.findall(r'href="([^"]+\.csv)"', page)
    assert links, "no data download links"


def test_exhibits_are_numbered_as_in_the_published_report(built):
    """Figur 1–25 and Tabell 1–8 in the published order; the frafall table unnumbered."""
    expected = {  # exhibit id -> the number seed 004 prints
        "fig-dac": "Figur 1", "fig-kjennskap": "Figur 2", "fig-kilde": "Figur 6",
        "fig-ressursbruk": "Figur 17", "fig-ekspert-gjorde": "Figur 18",
        "fig-sekvenser": "Figur 21", "fig-utfall-ansatt": "Figur 23", "fig-virkninger": "Figur 25",
        "tbl-tilsagn-per-aar": "Tabell 1", "tbl-refusjon-per-region": "Tabell 2",
        "tbl-virksomheter-aar": "Tabell 3", "tbl-virksomheter-mottakere": "Tabell 4",
        "tbl-personer-mottakere": "Tabell 5", "tbl-involvering-rolle": "Tabell 6",
        "tbl-utfall-matchet": "Tabell 7", "tbl-tilsagn-utproving": "Tabell 8",
    }
    html = "".join(p.read_text(encoding="utf-8") for p in sorted((built / "_book").glob("*.html")))
    for ident, label in expected.items():
        block = re.search(rf'id="{ident}".{{0,600}}', html, re.S)
        assert block, ident
        assert f"{label}:" in block.group(0), f"{ident} is not {label}"
    frafall = re.search(r'id="tbl-frafall".{0,600}', html, re.S).group(0)
    assert "Tabell" not in frafall and "Frafallsanalyse" in frafall
    main = "".join((built / "_book" / f"{p}.html").read_text(encoding="utf-8") for p in
                   ("02-metode", "03-bruk", "04-innhold", "05-virkninger"))
    assert len(set(re.findall(r"Figur (\d+):</span>", main))) == 25


def test_reviewers_can_open_the_executed_notebook(built):
    page = (built / "_book" / "03-bruk.html").read_text(encoding="utf-8")
    assert 'href="analyse/03-register.html"' in page
    analysis = (built / "_book" / "analyse" / "03-register.html").read_text(encoding="utf-8")
    # the code is shown; the outputs of a register notebook are withheld (they are counts
    # before suppression), and the page says so
    assert "read_dataset" in analysis and "34724136" not in analysis
    assert "Utdata er holdt tilbake" in analysis
    survey = (built / "_book" / "analyse" / "03-survey.html").read_text(encoding="utf-8")
    assert 'class="output' in survey  # a survey notebook keeps its outputs


def test_prose_numbers_come_from_the_data(built):
    page = (built / "_book" / "03-bruk.html").read_text(encoding="utf-8")
    variables = yaml.safe_load((built / "_variables.yml").read_text())
    assert variables["tilsagn"]["sum_2023"] == "34,7 millioner kroner"  # seed 004, kapittel 3
    assert "34,7 millioner kroner" in page


def test_pdf_has_the_published_exhibits_and_appendices(built):
    text = pdf_text(pdf_path(built))
    for expected in ("Evaluering av tilskudd til ekspertbistand", "Tabell 1", "Litteraturliste",
                     "Vedlegg 1", "Kilde: Spørreundersøkelse"):
        assert expected in text, expected
    figures = {int(n) for n in re.findall(r"Figur (\d+):", text)}
    assert figures == set(range(1, 26)), sorted(figures)  # the gallery stays out of the PDF
    assert {f"Tabell {n}:" for n in range(1, 9)} <= set(re.findall(r"Tabell \d+:", text))
    assert text.count("Kilde:") >= 25 + 9
    assert "(n = 214)" in text  # Figur 2's base as seed 004 prints it, in the caption


def test_bad_input_file_stops_the_build_with_a_clear_message(built, tmp_path):
    root = tmp_path / "proj"
    shutil.copytree(built, root, symlinks=True)
    before = tree_hashes(root / "_book")
    import pandas as pd

    path = root / "data" / "raw" / "register" / "tilsagn.parquet"
    frame = pd.read_parquet(path)
    frame.loc[5, "belop"] = -100
    frame.to_parquet(path, index=False)
    # A real project receives its register extracts instead of generating them: drop the data
    # step, as such a project would, so the altered delivery reaches the notebooks.
    config = root / "_quarto.yml"
    config.write_text(re.sub(r"\n  data-command:.*\n", "\n", config.read_text()))
    proc = cli(root, "report")
    assert proc.returncode == 1
    assert "data/raw/register/tilsagn.parquet" in proc.stderr, proc.stderr
    assert 'column "belop"' in proc.stderr and "row" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert tree_hashes(root / "_book") == before


def test_numbering_per_chapter_from_the_house_style(built, tmp_path):
    """The second shipped house style (Oslo Economics, seeds 000 and 003: per-chapter numbers,
    lettered appendices) selected in place of the flagship's numbers the flagship per chapter."""
    root = tmp_path / "proj"
    shutil.copytree(built, root, symlinks=True)
    config = root / "_quarto.yml"
    text = config.read_text()
    assert "styles/oxford-research.yml" in text
    config.write_text(text.replace("styles/oxford-research.yml", "styles/oslo-economics.yml"))
    proc = cli(root, "render")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    book = root / "_book"
    # The first numbered exhibits of chapters 2 and 3 and of appendix C, in source order.
    expected = {"02-metode": ("fig-dac", "Figur 2-1"),
                "03-bruk": ("tbl-tilsagn-per-aar", "Tabell 3-1"),
                "a3-balanse": ("tbl-balanse", "Tabell C-1")}
    for page, (ident, label) in expected.items():
        html = (book / f"{page}.html").read_text(encoding="utf-8")
        block = re.search(rf'id="{ident}".{{0,600}}', html, re.S)
        assert block and f"{label}:" in block.group(0), (ident, label)
    ch3 = (book / "03-bruk.html").read_text(encoding="utf-8")
    assert re.search(r'id="fig-kjennskap".{0,600}Figur 3-1:', ch3, re.S)
    assert 'class="xref">Figur 3-1</a>' in ch3
    text = pdf_text(pdf_path(root))
    assert "Figur 3-1: Hadde du hørt om tilskudd" in text
    assert "Vedlegg C" in text and "Figur 25:" not in text
