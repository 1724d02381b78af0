"""The project's own renderer (path 2) on a small fixture book: HTML book + PDF/UA-1."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from rapport.pipeline.render import render_book
from tests.conftest import pdf_text

FIXTURE = Path(__file__).parent / "fixtures" / "mini_book"
EXTENSION = Path(__file__).resolve().parents[2] / "_extensions"
STAMP = datetime(2024, 6, 10, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[Path, Path, list[Path]]:
    """The fixture book rendered twice (from two different copies) with the same timestamp."""
    base = tmp_path_factory.mktemp("render")
    outs = []
    for name in ("a", "b"):
        root = base / name / "proj"
        shutil.copytree(FIXTURE, root)
        shutil.copytree(EXTENSION, root / "_extensions")  # the rendering rules
        out = base / name / "out"
        files = render_book(root, out, timestamp=STAMP)
        outs.append((out, files))
    return outs[0][0], outs[1][0], outs[0][1]


def page(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


def test_pages_and_files(rendered):
    out, _, files = rendered
    for name in ("index.html", "00-sammendrag.html", "01-innledning.html", "02-resultater.html",
                 "90-litteraturliste.html", "a1-vedlegg.html", "testrapport.pdf",
                 "assets/rapport.css", "assets/fonts/SourceSansPro-Regular.ttf",
                 "pagefind/pagefind-ui.js", "data/01-test/fig-kjennskap.svg",
                 "data/01-test/fig-kjennskap.csv", "data/01-test/tbl-tilsagn.csv"):
        assert (out / name).is_file(), name
        assert out / name in files
    assert all(f.is_file() for f in files)


def test_html_language_alt_text_and_tables(rendered):
    out = rendered[0]
    for html in out.glob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert '<html lang="nb">' in text
        for img in re.findall(r"<img [^>]*>", text):
            assert re.search(r'alt="[^"]{10,}"', img), img
        assert "??" not in text and "?fig-" not in text
        # offline: no remote scripts, styles or fonts
        assert not re.search(r'(src|href)="https?://[^"]*\.(js|css|woff2?|ttf)"', text)
    res = page(out, "02-resultater.html")
    assert "<th" in res and "<table" in res and "<caption>" in res


def test_cross_references_are_global_and_norwegian(rendered):
    out = rendered[0]
    ch1 = page(out, "01-innledning.html")
    ch2 = page(out, "02-resultater.html")
    summary = page(out, "00-sammendrag.html")
    # captions above, numbered across chapters
    assert '<span class="caption-nr">Figur 1:</span> Hadde du hørt' in ch1
    assert '<span class="caption-nr">Figur 2:</span> Fordeling av svar' in ch2
    assert '<span class="caption-nr">Tabell 1:</span> Tilsagn om tilskudd' in ch2
    # references link to the right page with the Norwegian prefix
    assert '<a href="02-resultater.html#tbl-tilsagn" class="xref">Tabell 1</a>' in summary
    assert '<a href="01-innledning.html#fig-kjennskap" class="xref">Figur 1</a>' in summary
    assert '<a href="01-innledning.html#sec-metode" class="xref">kapittel 1.1</a>' in summary
    assert '<a href="a1-vedlegg.html#sec-vedlegg" class="xref">vedlegg 1</a>' in ch1
    assert 'class="xref">Figur 1</a> viser kjennskap' in ch1            # @Fig-x
    assert 'som i figur <a href="01-innledning.html#fig-kjennskap" class="xref">1</a>' in ch2
    # section numbers, unnumbered front matter, appendix title
    assert '<span class="header-section-number">1.1.1</span> Datagrunnlag' in ch1
    assert "header-section-number" not in page(out, "index.html").split("<main")[1]
    assert '<span class="header-section-number">Vedlegg 1:</span> Spørreskjema' in page(
        out, "a1-vedlegg.html")
    # «Kilde:» below the exhibit, the download link next to it
    assert ch1.index("Figur 1:</span>") < ch1.index("Kilde: Spørreundersøkelse")
    assert 'href="data/01-test/fig-kjennskap.csv" class="download"' in ch1
    # conditional content
    assert "bare på nettsiden" in ch1 and "bare i PDF-en" not in ch1


def test_citations_and_bibliography(rendered):
    out = rendered[0]
    ch1 = page(out, "01-innledning.html")
    assert 'href="90-litteraturliste.html#ref-caliendo2008"' in ch1
    assert "Caliendo og Kopeinig 2008" in ch1
    refs = page(out, "90-litteraturliste.html")
    assert 'id="ref-caliendo2008"' in refs and 'id="ref-studer2011"' in refs
    assert "Some Practical Guidance" in refs


def test_navigation_search_and_pdf_link(rendered):
    out = rendered[0]
    ch1 = page(out, "01-innledning.html")
    assert 'href="testrapport.pdf"' in ch1
    assert 'rel="prev" href="00-sammendrag.html"' in ch1
    assert 'rel="next" href="02-resultater.html"' in ch1
    assert '<a href="01-innledning.html" aria-current="page"><span class="chapter-number">1</span>' in ch1
    assert "data-pagefind-body" in ch1
    assert 'href="#sec-metode"' in ch1  # on-page contents
    # every local href/src on every page resolves to a file in the site
    for html in out.glob("*.html"):
        for target in re.findall(r'(?:href|src)="([^"#:]+)(?:#[^"]*)?"', html.read_text()):
            assert (out / target).is_file(), (html.name, target)


def test_pdf_is_tagged_and_has_the_report_structure(rendered):
    import pypdf
    out = rendered[0]
    reader = pypdf.PdfReader(out / "testrapport.pdf")
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and str(root["/Lang"]).startswith("nb")
    assert reader.metadata.title == "Evaluering av et testtiltak"
    text = pdf_text(out / "testrapport.pdf")
    compact = re.sub(r"\s+", " ", text)
    for needle in ("Oppdragsgiver: Arbeids- og velferdsdirektoratet", "10. juni 2024", "Innhold",
                   "1 Innledning", "1.1 Metode", "Figur 1: Hadde du hørt", "Tabell 1: Tilsagn",
                   "Figur 2: Fordeling", "Kilde: NAV, registerdata", "Vedlegg 1: Spørreskjema",
                   "Litteraturliste", "Caliendo", "bare i PDF-en", "kapittel 1.1"):
        assert needle in compact, needle
    assert "bare på nettsiden" not in compact
    assert "??" not in compact


def test_two_renders_are_byte_identical(rendered):
    a, b, _ = rendered
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_long_table_breaks_across_pages_with_repeated_header(rendered):
    import pypdf
    reader = pypdf.PdfReader(rendered[0] / "testrapport.pdf")
    pages = [p.extract_text() for p in reader.pages]
    with_rows = [i for i, t in enumerate(pages) if "Enhet 0" in t or "Enhet 8" in t]
    assert len(with_rows) >= 2                      # the table continues on the next page
    for i in with_rows:                             # and its header row repeats there
        assert "Antall" in pages[i] and "Andel" in pages[i]
    assert "Enhet 80" in "\n".join(pages)
