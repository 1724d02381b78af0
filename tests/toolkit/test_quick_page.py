"""The preview's fast path (rapport.pipeline.render.quick): after a prose edit to one chapter, the
one page re-rendered alone is byte for byte the page a full render of the edited book gives; an
edit that would change other pages (a new cross-reference target, a new citation, a new chapter
title) is left to the full render; a broken edit is one error and leaves the last good page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rapport.pipeline.checks import CheckError
from rapport.pipeline.render import render_book
from rapport.pipeline.render.quick import render_page

FIXTURE = Path(__file__).parent / "fixtures" / "mini_book"
EXTENSION = Path(__file__).resolve().parents[2] / "_extensions"
CHAPTER = "chapters/01-innledning.qmd"
PAGE = "01-innledning.html"


@pytest.fixture
def book(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The fixture book rendered (HTML only) into a site, with its index kept."""
    root = tmp_path / "proj"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(EXTENSION, root / "_extensions")
    site, state = tmp_path / "site", tmp_path / "index.json"
    render_book(root, site, formats=("html",), keep_index=state)
    return root, site, state


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_prose_edit_gives_the_page_a_full_render_gives(book, tmp_path):
    root, site, state = book
    others = {p.name: p.read_bytes() for p in site.glob("*.html") if p.name != PAGE}
    edit(root / CHAPTER, "Denne rapporten evaluerer et testtiltak.",
         "Denne rapporten vurderer et testtiltak.")
    assert render_page(root, site, [CHAPTER], state) == site / PAGE
    full = tmp_path / "full"
    render_book(root, full, formats=("html",))
    assert (site / PAGE).read_bytes() == (full / PAGE).read_bytes()
    assert "vurderer et testtiltak" in (site / PAGE).read_text(encoding="utf-8")
    # the other pages were not touched (and a full render gives them unchanged)
    assert {p.name: p.read_bytes() for p in site.glob("*.html") if p.name != PAGE} == others
    assert all((full / name).read_bytes() == data for name, data in others.items())


@pytest.mark.parametrize("old, new", [
    ("### Datagrunnlag {#sec-datagrunnlag}", "### Datagrunnlag {#sec-datagrunnlag}\n\n"
     "### Utvalg {#sec-utvalg}"),                                   # a new target
    ("Vi bruker matching [@caliendo2008] og", "Vi bruker matching og"),  # a citation less
    ("# Innledning {#sec-innledning}", "# Om evalueringen {#sec-innledning}"),  # the title
])
def test_an_edit_that_reaches_other_pages_is_left_to_the_full_render(book, old, new):
    root, site, state = book
    before = (site / PAGE).read_bytes()
    edit(root / CHAPTER, old, new)
    assert render_page(root, site, [CHAPTER], state) is None
    assert (site / PAGE).read_bytes() == before


def test_other_changes_are_left_to_the_full_render(book):
    root, site, state = book
    assert render_page(root, site, ["_quarto.yml"], state) is None
    assert render_page(root, site, [CHAPTER, "chapters/02-resultater.qmd"], state) is None
    state.unlink()
    assert render_page(root, site, [CHAPTER], state) is None  # no full render kept yet


@pytest.mark.parametrize("old, new, said", [
    # found by the book's checks after pandoc has run
    ("Se også @sec-resultater og", "Se også @sec-resultatene og", "@sec-resultatene"),
    # pandoc itself stops while the page is read (the exhibit shortcode inside a paragraph)
    ("Denne rapporten evaluerer et testtiltak.",
     "Denne rapporten evaluerer {{< exhibit 01-x/fig-x >}} et testtiltak.",
     "exhibit must stand alone on its own line"),
])
def test_a_broken_edit_is_one_error_and_the_last_good_page_stays(book, old, new, said):
    root, site, state = book
    before = (site / PAGE).read_bytes()
    edit(root / CHAPTER, old, new)
    with pytest.raises(CheckError) as info:
        render_page(root, site, [CHAPTER], state)
    assert len(info.value.problems) == 1
    assert f"{CHAPTER}:" in str(info.value) and said in str(info.value)
    assert (site / PAGE).read_bytes() == before
