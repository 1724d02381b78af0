"""The built book as a whole: structure, quotes, PDF/UA, and that the inputs are reproducible."""

import re
import subprocess
import sys

from vestland_helpers import BOOK, RAW, ROOT, page_text

from rapport.data import read_dataset
from rapport.exhibits.quotes import GIVEN_NAMES


def test_front_matter_and_structure():
    index = page_text("index.html")
    assert "Oppdragsgiver Arbeids- og velferdsdirektoratet" in index
    assert "Prosjektperiode Januar 2022 – mars 2023" in index
    assert "Team Frode Bjørge (prosjektleder)" in index
    assert "Kristiansand, 31. mars 2023" in index
    one = page_text("01-utgangspunkt.html")
    for run_in in ("Innen 4 uker:", "Innen 7 uker:", "Innen 8 uker:", "Innen 26 uker:",
                   "Innen 52 uker:"):
        assert run_in in one
    for page in ("05-stoppunkt1.html", "06-stoppunkt2.html"):
        assert "Begreper i endringsteorien" in page_text(page)
    recommendations = page_text("09-konklusjoner.html")
    for label in ("Metoden må bli mer stringent:", "Implementeringskvaliteten må bedres:",
                  "Bredde i indikatorer:", "Relevante kontrollgrupper:"):
        assert label in recommendations


def test_quotes_are_attributed_by_group_and_carry_no_names():
    groups = set()
    for page in BOOK.glob("*.html"):
        raw = page.read_text(encoding="utf-8")
        for block in re.findall(r"<blockquote.*?</blockquote>", raw, flags=re.S):
            text = re.sub(r"<[^>]+>", " ", block)
            words = set(re.findall(r"\b[A-ZÆØÅ][a-zæøå]+\b", text))
            assert not words & GIVEN_NAMES, (page.name, words & GIVEN_NAMES)
            assert not re.search(r"\d{11}", text)
            attribution = re.findall(r"—\s*([^<\n]+?)\s*$", text.strip())
            assert attribution, (page.name, text[:80])
            groups.add(attribution[-1].strip())
    assert {"NAV-veileder", "Avdelingsleder", "Sykmeldt", "IA-rådgiver"} <= groups


def test_pdf_is_pdf_ua_and_has_every_figure():
    from pypdf import PdfReader
    pdf = next(BOOK.glob("*.pdf"))
    data = pdf.read_bytes()
    assert b"pdfuaid:part" in data and (b"<pdfuaid:part>1</pdfuaid:part>" in data
                                         or b'pdfuaid:part="1"' in data)
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    # a figure's «Kilde:» line never starts a page on its own, apart from its figure
    assert not [i for i, p in enumerate(pages, 1) if p.strip().startswith("Kilde:")]
    text = " ".join(pages)
    for number in range(1, 12):
        assert f"Figur {number}:" in text
    from rapport.pipeline.leaks import machine_markers

    assert not [m for m in machine_markers(ROOT) if m in text]


def test_no_build_machine_paths_in_the_html():
    """No absolute path of the machine that built it, in any page (the executed notebooks'
    pages included)."""
    from rapport.pipeline.leaks import published_leaks

    assert published_leaks(ROOT, BOOK) == []
    for page in [*BOOK.glob("*.html"), *BOOK.glob("analyse/*.html")]:
        assert "PosixPath(" not in page.read_text(encoding="utf-8"), page.name


def test_inputs_validate_against_their_codebooks(monkeypatch):
    monkeypatch.setenv("RAPPORT_ROOT", str(ROOT))
    assert len(read_dataset("arbeidsgiverundersokelse")) == 182
    assert len(read_dataset("stoppunkt2_logg")) > 0
    assert len(read_dataset("prosesstall")) > 0


def test_generator_reproduces_the_committed_files(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate.py"), str(tmp_path)],
                   check=True, capture_output=True)
    for name in ("arbeidsgiverundersokelse.csv", "stoppunkt2_logg.csv"):
        assert (tmp_path / name).read_bytes() == (RAW / name).read_bytes(), name


def test_executed_notebook_pages_have_numbered_cell_ids():
    """Random cell ids would make two builds differ; the runner numbers them."""
    pages = sorted((BOOK / "analyse").glob("*.html"))
    assert pages
    for page in pages:
        ids = re.findall(r'<div id="([^"]+)" class="cell', page.read_text(encoding="utf-8"))
        assert ids and all(re.fullmatch(r"cell-\d+", i) for i in ids), (page.name, ids[:3])
