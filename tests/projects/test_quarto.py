"""`quarto render` (path 1) builds the same report as the project's own renderer (path 2).

Runs only where a Quarto CLI is on PATH; elsewhere the test is skipped and says so. The project
is cloned fresh from the repository's committed files (no _build/, no _book/, no .venv), as a
user would have it, then `quarto render` runs alone: its pre-render step sets up .venv, the data
and the notebooks. The project's renderer then renders the same sources in the same clone, and
the two books are compared on what a reader checks: the chapter list, every exhibit id and
caption text, every fact, the «Kilde:» lines, and PDF/UA-1. Differences that docs/rendering.md
lists (Quarto 1.10's numbering scheme) are not compared.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
import yaml

from tests.conftest import pdf_text

REPO = Path(__file__).resolve().parents[2]
QUARTO = shutil.which("quarto")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(QUARTO is None, reason="no Quarto CLI on PATH: path 1 (`quarto render`) "
                       "was not tested; install Quarto >= 1.5 to run this comparison"),
]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def _pages(book: Path) -> list[Path]:
    """The book's HTML pages. Quarto keeps the chapters' folders (`chapters/03-bruk.html`),
    the project's renderer puts every page at the top (`03-bruk.html`)."""
    return sorted(p for p in book.rglob("*.html")
                  if not {"site_libs", "pagefind", "analyse"} & set(p.relative_to(book).parts))


def _page(book: Path, stem: str) -> Path:
    found = [p for p in _pages(book) if p.stem == stem]
    assert len(found) == 1, (stem, found)
    return found[0]


def _exhibits(book: Path) -> dict[str, str]:
    """Exhibit id -> caption text without its «Figur n:» label, over all HTML pages. An
    unnumbered table carries its id as `data-exhibit` under Quarto (see exhibit.lua)."""
    out = {}
    for page in _pages(book):
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r'\b(?:id|data-exhibit)="((?:fig|tbl)-[\w-]+)"(.{0,3000}?)'
                             r"</(?:figcaption|caption)>", html, re.S):
            if "-caption-" in m.group(1):  # Quarto's ids of caption elements
                continue
            caption = _text(re.split(r"<(?:fig)?caption\b[^>]*>", m.group(2))[-1])
            out[m.group(1)] = re.sub(r"^(Figur|Tabell) [\w.-]+: ", "", caption)
    return out


def _pdf(book: Path, config: dict) -> Path:
    return book / f"{config['book']['output-file']}.pdf"


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("quarto") / "proj"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(root)], check=True)
    register = REPO / "data" / "raw" / "register"
    if register.is_dir():  # generated data (not committed): reuse instead of regenerating
        shutil.copytree(register, root / "data" / "raw" / "register")
    proc = subprocess.run([QUARTO, "render"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    quarto_book = root / "_book.quarto"
    (root / "_book").rename(quarto_book)
    assert not (root / "index.typ").exists(), "quarto render left index.typ in the project"
    proc = subprocess.run([str(root / ".venv" / "bin" / "python"), "-m", "rapport.pipeline.cli",
                           "render"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root, quarto_book, root / "_book"


def test_same_chapters(books):
    root, quarto_book, own_book = books
    config = yaml.safe_load((root / "_quarto.yml").read_text(encoding="utf-8"))
    pages = [Path(p).stem for p in config["book"]["chapters"] + config["book"]["appendices"]]
    for page in pages:
        assert _page(quarto_book, page).is_file()
        assert _page(own_book, page).is_file()


def test_same_exhibits_and_captions(books):
    _, quarto_book, own_book = books
    own = _exhibits(own_book)
    assert own, "no exhibits found in the project's own book"
    assert _exhibits(quarto_book) == own


def test_every_fact_in_both(books):
    root, quarto_book, own_book = books
    variables = yaml.safe_load((root / "_variables.yml").read_text(encoding="utf-8"))

    def texts(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from texts(value)
        else:
            yield str(node)

    own = " ".join(_text(p.read_text(encoding="utf-8")) for p in _pages(own_book))
    quarto = " ".join(_text(p.read_text(encoding="utf-8")) for p in _pages(quarto_book))
    missing = [t for t in set(texts(variables)) if t in own and t not in quarto]
    assert not missing, missing[:20]


def test_pdf_kilde_lines_and_pdf_ua(books):
    root, quarto_book, own_book = books
    config = yaml.safe_load((root / "_quarto.yml").read_text(encoding="utf-8"))
    from pypdf import PdfReader

    own, quarto = _pdf(own_book, config), _pdf(quarto_book, config)
    quarto_text = pdf_text(quarto)
    assert quarto_text.count("Kilde:") == pdf_text(own).count("Kilde:")
    assert "Galleri" not in quarto_text  # the gallery is HTML-only
    for pdf in (own, quarto):
        root_obj = PdfReader(pdf).trailer["/Root"]
        assert "/StructTreeRoot" in root_obj
        xmp = root_obj["/Metadata"].get_object().get_data().decode("utf-8", "replace")
        assert "pdfuaid:part" in xmp and re.search(r"pdfuaid:part[^0-9]*1", xmp)


def test_references_in_norwegian_where_the_chapter_list_puts_them(books):
    _, quarto_book, _ = books
    refs = _text(_page(quarto_book, "90-litteraturliste").read_text(encoding="utf-8"))
    # references.bib has a web page dated 2022-02-21: APA in Norwegian writes «(2022, februar 21)»
    assert "Litteraturliste" in refs and "(2022, februar 21)" in refs
    assert "February" not in refs


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-v"]))
