"""End to end, for every report project the repository holds (the root one and each
`examples/*/`): build it in a scratch copy and inspect what a reader gets.

One full build per project (data, every notebook, render) is shared by the tests here and by the
report's own tests; tests that break something work on their own copy of that built project.
Nothing here knows what a particular report says: its own tests (`tests/report/`) do.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.conftest import cli, pdf_text, project_id, report_projects

pytestmark = pytest.mark.slow
PROJECTS = pytest.mark.parametrize("source", report_projects(), ids=project_id)


def tree_hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def config(root: Path) -> dict:
    return yaml.safe_load((root / "_quarto.yml").read_text(encoding="utf-8"))


def pdf_path(root: Path) -> Path:
    from rapport.pipeline.render.project import load_project

    return root / "_book" / load_project(root).pdf_name()


@pytest.fixture
def copy_of(built_projects, tmp_path):
    """A copy of a built project (cache, artifacts and book included) to break things in."""
    def make(source: Path) -> Path:
        root = tmp_path / "proj"
        shutil.copytree(built_projects(source), root, symlinks=True)
        return root
    return make


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images: list[dict] = []
        self.links: list[str] = []
        self.lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "html":
            self.lang = attrs.get("lang")


@PROJECTS
def test_book_has_every_chapter_page_and_the_pdf(built_projects, source):
    root = built_projects(source)
    book = config(root)["book"]
    chapters = book["chapters"][1:] + (book.get("appendices") or [])
    for page in ["index.html"] + [Path(c).stem + ".html" for c in chapters]:
        assert (root / "_book" / page).is_file(), page
    assert pdf_path(root).stat().st_size > 10_000


@PROJECTS
def test_html_is_norwegian_resolved_and_accessible(built_projects, source):
    root = built_projects(source)
    pages = sorted((root / "_book").glob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        parser = _Page()
        parser.feed(text)
        assert parser.lang == "nb", page.name
        assert "{{<" not in text and "??" not in text, f"unresolved shortcode in {page.name}"
        assert not re.search(r"@(fig|tbl|sec)-", text), f"unresolved cross-reference in {page.name}"
        for img in parser.images:
            assert img.get("alt", "").strip(), f"image without alt text in {page.name}: {img}"
        assert "cdn." not in text and "googleapis" not in text, page.name
        for link in parser.links:
            if link.endswith(".csv"):
                assert (root / "_book" / link).is_file(), f"{page.name}: broken link {link}"


@PROJECTS
def test_every_exhibit_carries_a_kilde_line(built_projects, source):
    root = built_projects(source)
    snippets = sorted((root / "_build" / "artifacts").glob("*/[ft][ib][gl]-*.md"))
    for snippet in snippets:
        assert "Kilde: " in snippet.read_text(encoding="utf-8"), snippet.name


@PROJECTS
def test_every_fact_reaches_the_variables(built_projects, source):
    root = built_projects(source)
    variables = yaml.safe_load((root / "_variables.yml").read_text(encoding="utf-8")) or {}
    for facts in sorted((root / "_build" / "artifacts").glob("*/facts.yml")):
        for key, entry in (yaml.safe_load(facts.read_text(encoding="utf-8")) or {}).items():
            node = variables
            for part in key.split("."):
                node = node[part]
            assert node == entry["text"], key


@PROJECTS
def test_pdf_is_tagged_pdf_ua_with_norwegian_language(built_projects, source):
    from pypdf import PdfReader

    root = built_projects(source)
    reader = PdfReader(pdf_path(root))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert str(catalog.get("/Lang", "")).startswith("nb")
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp  # declared PDF/UA-1
    text = pdf_text(pdf_path(root))
    assert config(root)["book"]["title"] in text.replace("\n", " ")
    assert "Innhold" in text and "Kilde:" in text


MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember")


@PROJECTS
def test_the_date_is_typed_once(built_projects, source):
    """book.date is the report's one date: the PDF colophon's «Sted og dato» and the first
    page (signature or ©-line) show it in words, and no other setting types it."""
    root = built_projects(source)
    settings = config(root)
    assert "place-date" not in (settings.get("report") or {})
    place = (settings.get("report") or {}).get("place")
    text = " ".join(pdf_text(pdf_path(root)).split())
    date = str(settings["book"]["date"])
    if place is None:  # a date in words («Våren 2022») is shown as typed, without a place
        assert date in text
        return
    year, month, day = (int(x) for x in date.split("-"))
    in_words = f"{day}. {MONTHS[month - 1]} {year}"
    assert f"{place}, {in_words}" in text  # the colophon's «Sted og dato»
    index = (root / "_book" / "index.html").read_text(encoding="utf-8")
    assert in_words in " ".join(re.sub(r"<[^>]+>", " ", index).split())  # signature or ©


@PROJECTS
def test_a_rebuild_from_scratch_is_byte_identical(built_projects, copy_of, source):
    root = copy_of(source)
    before = tree_hashes(root / "_book")
    for generated in ("_book", "_build", "_variables.yml"):
        path = root / generated
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    proc = cli(root, "report")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert tree_hashes(root / "_book") == before


@PROJECTS
def test_second_build_is_a_no_op(copy_of, source):
    root = copy_of(source)
    before = tree_hashes(root / "_book")
    proc = cli(root, "report")
    assert proc.returncode == 0, proc.stderr
    assert ": running (" not in proc.stdout, proc.stdout  # every notebook from cache
    assert "nothing changed since the last render" in proc.stdout
    assert tree_hashes(root / "_book") == before


@PROJECTS
def test_failing_notebook_leaves_the_last_good_book(copy_of, source):
    root = copy_of(source)
    before = tree_hashes(root / "_book")
    notebook = sorted((root / "notebooks").glob("*.py"))[0]
    notebook.write_text(notebook.read_text() + "\n# %%\nraise RuntimeError('ødelagt med vilje')\n")
    proc = cli(root, "report")
    assert proc.returncode == 1
    assert f"{notebook.name} failed in code cell" in proc.stderr, proc.stderr
    assert "RuntimeError: ødelagt med vilje" in proc.stderr
    assert tree_hashes(root / "_book") == before


@PROJECTS
@pytest.mark.parametrize(
    "line, expected",
    [("Se {{< var finnes.ikke >}}.", "unresolved var: finnes.ikke"),
     ("Se @tbl-finnes-ikke.", "tbl-finnes-ikke"),
     ("{{< exhibit 99-finnes-ikke/tbl-finnes-ikke >}}",
      "_build/artifacts/99-finnes-ikke/tbl-finnes-ikke.md")],
)
def test_failed_check_names_file_and_line_and_keeps_the_book(copy_of, source, line, expected):
    root = copy_of(source)
    before = tree_hashes(root / "_book")
    rel = config(root)["book"]["chapters"][1]
    chapter = root / rel
    lines = chapter.read_text().splitlines()
    heading = next(i for i, text in enumerate(lines) if text.startswith("# "))
    lines.insert(heading + 2, line)
    chapter.write_text("\n".join(lines) + "\n")
    proc = cli(root, "report")
    assert proc.returncode == 1
    assert f"{rel}:{heading + 3}:" in proc.stderr and expected in proc.stderr, proc.stderr
    assert tree_hashes(root / "_book") == before
