"""The reviewers' Word copy under Quarto (`quarto render --to rapport-docx`) carries what the
project's own Word copy carries: every «Kilde:» line in the house's «Kilde» style, every figure
as a picture with its alt text, and the draft marking in the page header.

Runs only where a Quarto CLI is on PATH (and rsvg-convert, which pandoc needs to put the SVG
figures into Word under Quarto); elsewhere it is skipped and says so. The project is cloned
fresh from the committed files, as in tests/projects/test_quarto.py.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.projects.test_quarto import QUARTO, REPO
from tests.projects.test_quarto import pytestmark as needs_quarto

pytestmark = [*needs_quarto, pytest.mark.skipif(shutil.which("rsvg-convert") is None,
                                                reason="rsvg-convert (librsvg2-bin) not installed")]


def _word(path: Path) -> dict:
    import docx

    document = docx.Document(str(path))
    return {
        "kilde": [(p.text, p.style.name) for p in document.paragraphs
                  if p.text.startswith("Kilde:")],
        "alt": [s._inline.docPr.get("descr") for s in document.inline_shapes],
        "header": document.sections[0].header.paragraphs[0].text,
    }


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> tuple[dict, dict]:
    root = tmp_path_factory.mktemp("quarto-docx") / "proj"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(root)], check=True)
    register = REPO / "data" / "raw" / "register"
    if register.is_dir():  # generated data (not committed): reuse instead of regenerating
        shutil.copytree(register, root / "data" / "raw" / "register")
    proc = subprocess.run([QUARTO, "render", "--to", "rapport-docx"], cwd=root,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    config = yaml.safe_load((root / "_quarto.yml").read_text(encoding="utf-8"))
    name = f"{config['book']['output-file']}.docx"
    quarto_copy = root / "_book" / name
    assert quarto_copy.is_file(), f"quarto render gave no _book/{name}"
    shutil.move(quarto_copy, root / "quarto.docx")
    proc = subprocess.run([str(root / ".venv" / "bin" / "python"), "-m", "rapport.pipeline.cli",
                           "docx"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return _word(root / "quarto.docx"), _word(root / "_book" / name)


def test_every_source_line_in_the_house_style(copies):
    quarto, own = copies
    assert quarto["kilde"] == own["kilde"]
    assert own["kilde"] and {style for _, style in quarto["kilde"]} == {"Kilde"}


def test_every_figure_a_picture_with_its_alt_text(copies):
    quarto, own = copies
    assert quarto["alt"] == own["alt"] and all(quarto["alt"])


def test_marked_as_a_draft(copies):
    quarto, own = copies
    assert quarto["header"] == own["header"] == "Utkast – ikke for publisering"
