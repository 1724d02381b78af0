"""Build checks: each failure names the file and line of the source that caused it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rapport.pipeline.checks import CheckError, Problem, xref_kind
from rapport.pipeline.render import render_book

FIXTURE = Path(__file__).parent / "fixtures" / "mini_book"
EXTENSION = Path(__file__).resolve().parents[2] / "_extensions"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(EXTENSION, root / "_extensions")  # the rendering rules
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def fails(root: Path, tmp_path: Path) -> str:
    with pytest.raises(CheckError) as info:
        render_book(root, tmp_path / "out")
    return str(info.value)


def test_unresolved_cross_reference(book, tmp_path):
    ch = book / "chapters" / "02-resultater.qmd"
    edit(ch, "## Oppsummering\n", "## Oppsummering\n\nSe @fig-finnes-ikke og @sec-borte.\n")
    msg = fails(book, tmp_path)
    n = line_of(ch, "@fig-finnes-ikke")
    assert f"chapters/02-resultater.qmd:{n}: unresolved cross-reference @fig-finnes-ikke" in msg
    assert f"chapters/02-resultater.qmd:{n}: unresolved cross-reference @sec-borte" in msg


def test_missing_exhibit(book, tmp_path):
    ch = book / "chapters" / "01-innledning.qmd"
    edit(ch, "### Datagrunnlag", "{{< exhibit 01-test/fig-borte >}}\n\n### Datagrunnlag")
    n = line_of(ch, "fig-borte")
    assert (f"chapters/01-innledning.qmd:{n}: exhibit 01-test/fig-borte: "
            "_build/artifacts/01-test/fig-borte.md does not exist") in fails(book, tmp_path)


def test_include_of_a_generated_file_is_refused(book, tmp_path):
    ch = book / "chapters" / "01-innledning.qmd"
    edit(ch, "### Datagrunnlag", "{{< include /_build/artifacts/01-test/fig-kjennskap.md >}}\n\n### Datagrunnlag")
    n = line_of(ch, "include")
    assert f"chapters/01-innledning.qmd:{n}: include is not supported" in fails(book, tmp_path)


def test_unknown_var(book, tmp_path):
    ch = book / "index.qmd"
    edit(ch, "{{< var survey.n >}}", "{{< var survey.finnes_ikke >}}")
    n = line_of(ch, "survey.finnes_ikke")
    assert f"index.qmd:{n}: unresolved var: survey.finnes_ikke" in fails(book, tmp_path)


def test_unknown_citation(book, tmp_path):
    ch = book / "chapters" / "01-innledning.qmd"
    edit(ch, "[@caliendo2008]", "[@caliendo2008; @ukjent2020]")
    n = line_of(ch, "@ukjent2020")
    msg = fails(book, tmp_path)
    assert f"chapters/01-innledning.qmd:{n}: citation [@ukjent2020] not found" in msg


def test_image_without_alt_text(book, tmp_path):
    snippet = book / "_build" / "artifacts" / "01-test" / "fig-fordeling.md"
    text = snippet.read_text(encoding="utf-8")
    start = text.index("{fig-alt=")
    snippet.write_text(text[:start] + text[text.index("}", start) + 1:], encoding="utf-8")
    n = line_of(snippet, "fig-kjennskap.svg")
    msg = fails(book, tmp_path)
    assert f"_build/artifacts/01-test/fig-fordeling.md:{n}: image without alt text" in msg


def test_exhibit_without_kilde(book, tmp_path):
    snippet = book / "_build" / "artifacts" / "01-test" / "tbl-tilsagn.md"
    edit(snippet, "::: {.kilde}\nKilde: NAV, registerdata\n:::\n", "")
    n = line_of(snippet, "#tbl-tilsagn")
    msg = fails(book, tmp_path)
    assert f"_build/artifacts/01-test/tbl-tilsagn.md:{n}: tbl-tilsagn has no «Kilde:» line" in msg


def test_problems_in_several_files_are_all_reported_sorted(book, tmp_path):
    edit(book / "index.qmd", "{{< var survey.n >}}", "{{< var a.b >}}")
    edit(book / "chapters" / "00-sammendrag.qmd", "{{< var tilsagn.sum_2023 >}}", "{{< var c >}}")
    lines = fails(book, tmp_path).splitlines()
    assert [line.split(":")[0] for line in lines] == ["chapters/00-sammendrag.qmd", "index.qmd"]


def test_check_error_format_and_xref_kind():
    err = CheckError([Problem("b.qmd", 3, "x"), Problem("a.qmd", 10, "y")])
    assert str(err) == "a.qmd:10: y\nb.qmd:3: x"
    assert xref_kind("fig-a") == "fig" and xref_kind("Tbl-b") == "tbl"
    assert xref_kind("caliendo2008") is None and xref_kind("nav-2024") is None
