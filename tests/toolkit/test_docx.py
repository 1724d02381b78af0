"""The reviewers' Word copy: pandoc's docx writer with the house reference document, on the
toolkit's small fixture book. Expected values are read from the fixture's own exhibit
snippets and chapters (what the book prints), never from the Word writer."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from rapport.pipeline.leaks import machine_markers

from rapport.pipeline.render import render_book

FIXTURE = Path(__file__).parent / "fixtures" / "mini_book"
EXTENSION = Path(__file__).resolve().parents[2] / "_extensions"
STAMP = datetime(2024, 6, 10, tzinfo=timezone.utc)
ARTIFACTS = FIXTURE / "_build" / "artifacts" / "01-test"


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The fixture book's Word copy, made twice from two copies of the project."""
    base = tmp_path_factory.mktemp("docx")
    made = []
    for name in ("a", "b"):
        root = base / name / "proj"
        shutil.copytree(FIXTURE, root)
        shutil.copytree(EXTENSION, root / "_extensions")
        files = render_book(root, base / name / "out", timestamp=STAMP, formats=("docx",))
        assert [f.name for f in files] == ["testrapport.docx"]
        made.append(files[0])
    return made[0], made[1], base


@pytest.fixture(scope="module")
def document(copies):
    import docx

    return docx.Document(str(copies[0]))


def shown_exhibits() -> dict[str, dict]:
    """What each exhibit snippet prints: its caption line, its «Kilde:» line, its table rows."""
    result = {}
    for snippet in sorted(ARTIFACTS.glob("*.md")):
        text = snippet.read_text(encoding="utf-8")
        body = text.split(":::")[1]
        lines = [line.strip() for line in body.splitlines()[1:] if line.strip()]
        rows = [[c.strip() for c in line.strip("|").split("|")] for line in lines
                if line.startswith("|") and not re.match(r"\|[:\- |]+\|$", line)]
        kilde = re.search(r"^Kilde: .*$", text, re.M)
        alt = re.search(r'fig-alt="([^"]*)"', text)
        result[snippet.stem] = {"caption": lines[-1], "rows": rows,
                                "kilde": kilde.group(0) if kilde else None,
                                "alt": alt.group(1) if alt else None}
    return result


def used_exhibits() -> list[str]:
    """Exhibit ids in book order, as the chapters place them."""
    order = ["index.qmd", "chapters/00-sammendrag.qmd", "chapters/01-innledning.qmd",
             "chapters/02-resultater.qmd", "chapters/90-litteraturliste.qmd",
             "chapters/a1-vedlegg.qmd"]
    found = []
    for rel in order:
        text = (FIXTURE / rel).read_text(encoding="utf-8")
        found += re.findall(r"\{\{< exhibit [\w-]+/([\w-]+) >\}\}", text)
    return found


def test_the_copy_is_byte_identical_between_builds(copies):
    a, b, _ = copies
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        assert z.namelist()[0] == "[Content_Types].xml"
        assert {i.date_time for i in z.infolist()} == {(2024, 6, 10, 0, 0, 0)}


def test_no_machine_path_or_user_in_any_part(copies):
    a, _, base = copies
    with zipfile.ZipFile(a) as z:
        for name in z.namelist():
            body = z.read(name)
            for marker in machine_markers(base):  # the leak scan's one list
                assert marker.encode() not in body, (name, marker)
        core = z.read("docProps/core.xml").decode("utf-8")
    # the creator is the book's authors (as _quarto.yml names them), never the machine's user
    import yaml

    authors = yaml.safe_load((FIXTURE / "_quarto.yml").read_text(encoding="utf-8"))["book"]["author"]
    assert re.search(r"<dc:creator>(.*?)</dc:creator>", core).group(1) == "; ".join(authors)
    assert not re.search(r"<cp:lastModifiedBy>[^<]+", core)


def test_the_custom_properties_are_the_documents_own(copies):
    """pandoc writes each metadata field into docProps/custom.xml; the build's own fields
    (the CSL's path on the build machine, the book's index, the house CSS) stay out."""
    with zipfile.ZipFile(copies[0]) as z:
        custom = z.read("docProps/custom.xml").decode("utf-8")
    names = set(re.findall(r'<property [^>]*name="([^"]+)"', custom))
    assert names and names <= {"title", "subtitle", "author", "date", "abstract", "lang",
                               "keywords", "subject", "description"}, names
    assert "_build" not in custom and "rapport-" not in custom


def test_marked_as_a_draft_in_every_header_and_at_the_start(document):
    for section in document.sections:
        assert "Utkast – ikke for publisering" in "\n".join(p.text for p in section.header.paragraphs)
    first_body = [p for p in document.paragraphs if p.style.name == "Utkast"]
    assert first_body and first_body[0].text.startswith("Utkast – ikke for publisering")
    assert "PDF" in first_body[1].text


def test_headings_are_word_headings_with_the_chapter_titles(document):
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    titles = []
    for rel in ("index.qmd", "chapters/00-sammendrag.qmd", "chapters/01-innledning.qmd",
                "chapters/02-resultater.qmd", "chapters/90-litteraturliste.qmd",
                "chapters/a1-vedlegg.qmd"):
        first = (FIXTURE / rel).read_text(encoding="utf-8").splitlines()[0]
        titles.append(re.sub(r"\s*\{.*\}$", "", first.lstrip("# ")))
    level_one = [text for style, text in headings if style == "Heading 1"]
    assert len(level_one) == len(titles)
    for shown, title in zip(level_one, titles):
        assert shown.endswith(title), (shown, title)
    assert ("Heading 2", "1.1 Metode") in headings
    assert ("Heading 3", "1.1.1 Datagrunnlag") in headings


def test_captions_sources_tables_and_figures_in_book_order(document):
    exhibits, order = shown_exhibits(), used_exhibits()
    captions = [p.text for p in document.paragraphs
                if p.style.name in ("Image Caption", "Table Caption")]
    expected = []
    numbers = {"fig": 0, "tbl": 0}
    for ident in order:
        kind = ident.split("-")[0]
        numbers[kind] += 1
        word = "Figur" if kind == "fig" else "Tabell"
        expected.append(f"{word} {numbers[kind]}: {exhibits[ident]['caption']}")
    assert captions == expected
    styles = {p.style.name for p in document.paragraphs if p.text.startswith(("Figur", "Tabell"))
              and p.text in expected}
    assert styles == {"Image Caption", "Table Caption"}
    kilder = [p.text for p in document.paragraphs if p.style.name == "Kilde"]
    assert kilder == [exhibits[i]["kilde"] for i in order if exhibits[i]["kilde"]]
    assert [p.text for p in document.paragraphs if p.style.name == "Tabellnote"] == [
        "Beløp i løpende kroner."]


def test_a_figure_stays_on_the_page_of_its_source_line(document):
    """Each picture is in a style Word keeps with the next paragraph, and that paragraph is the
    figure's «Kilde:» line (so a page break never falls between the two)."""
    figures = [i for i in used_exhibits() if i.startswith("fig-")]
    paragraphs = document.paragraphs
    pictures = [n for n, p in enumerate(paragraphs) if p._p.xpath(".//pic:pic")]
    assert len(pictures) == len(figures)
    for n in pictures:
        style = paragraphs[n].style
        assert style.name == "Figurbilde" and style.paragraph_format.keep_with_next
        assert paragraphs[n + 1].style.name == "Kilde", paragraphs[n + 1].text


def test_tables_are_real_word_tables_with_the_printed_cells(document):
    exhibits = shown_exhibits()
    tables = [i for i in used_exhibits() if i.startswith("tbl-")]
    assert len(document.tables) == len(tables)
    for table, ident in zip(document.tables, tables):
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        assert rows == exhibits[ident]["rows"], ident
        assert table.style is not None and table.style.name == "Table"


def test_figures_are_pictures_with_their_alt_text(document, copies):
    exhibits = shown_exhibits()
    figures = [i for i in used_exhibits() if i.startswith("fig-")]
    shapes = list(document.inline_shapes)
    assert len(shapes) == len(figures)
    for shape, ident in zip(shapes, figures):
        assert shape._inline.docPr.get("descr") == exhibits[ident]["alt"]
    with zipfile.ZipFile(copies[0]) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        assert media and all(n.endswith(".png") for n in media)


def test_house_style_norwegian_and_repeated_table_header(copies):
    with zipfile.ZipFile(copies[0]) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    assert 'w:val="nb-NO"' in styles
    assert "Source Sans" in styles
    table_style = re.search(r'<w:style [^>]*w:styleId="Table"[^>]*>.*?</w:style>',
                            styles, re.S).group(0)
    assert re.search(r"<w:tblHeader ?/>", table_style) and 'w:val="single"' in table_style


def test_report_docx_option_is_checked():
    from rapport.pipeline.cli import BuildError, render_formats

    assert render_formats({}) == ("html", "pdf")
    assert render_formats({"report": {"docx": True}}) == ("html", "pdf", "docx")
    with pytest.raises(BuildError, match=r"_quarto.yml: report.docx: expected true or false"):
        render_formats({"report": {"docx": "ja"}})


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_converts_it_with_every_exhibit(copies, tmp_path):
    a = copies[0]
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(a)], check=True, capture_output=True, timeout=240, env=env)
    pdf = tmp_path / "testrapport.pdf"
    assert pdf.is_file()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    exhibits = shown_exhibits()
    for ident in used_exhibits():
        caption = " ".join(exhibits[ident]["caption"].split()[:4])
        assert caption in " ".join(text.split()), ident
    assert text.count("Utkast – ikke for publisering") >= 2
