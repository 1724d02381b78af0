"""Numbered boxes of a custom float kind (`crossref: custom:`, Quarto's syntax): the project's
renderer counts them per chapter like figures, titles the box «Faktaboks 2-1: …» in HTML and
Typst, and resolves @box-x. Runs the filter's two passes with pandoc (no Quarto)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from rapport.pipeline.checks import CheckError, SourceMap, check_document
from rapport.pipeline.render import pandoc

FILTER = Path(__file__).resolve().parents[2] / "_extensions" / "rapport" / "rapport.lua"

BOOK = """---
crossref:
  custom:
    - kind: float
      key: box
      reference-prefix: Faktaboks
house-style:
  numbering: chapter
  numbering-separator: "-"
  caption-delimiter: ":"
---

::: {{.rapport-chapter file="a.qmd" part="main" page="a.html"}}
:::

# Første {{#sec-a}}

Se @box-b.

::: {{.rapport-chapter file="b.qmd" part="main" page="b.html"}}
:::

# Andre {{#sec-b}}

{body}

::: {{#box-a}}
**Arbeidsgivere** kan bidra.

Relevante aktører
:::

::: {{#box-b}}
Tekst.

Den andre boksen
:::
"""


def two_passes(text: str, to: str) -> str:
    env = dict(os.environ, RAPPORT_FORMAT=to, LC_ALL="C.UTF-8")

    def run(args, data: bytes) -> bytes:
        proc = subprocess.run([pandoc.pandoc_path(), *args, f"--lua-filter={FILTER}"],
                              input=data, capture_output=True, env=env)
        assert proc.returncode == 0, proc.stderr.decode()
        return proc.stdout

    first = run(["-f", "markdown", "-t", "json"], text.encode())
    return run(["-f", "json", "-t", to], first).decode()


def index_of(text: str) -> dict:
    env = dict(os.environ, RAPPORT_FORMAT="html", LC_ALL="C.UTF-8")
    proc = subprocess.run([pandoc.pandoc_path(), "-f", "markdown", "-t", "json",
                           f"--lua-filter={FILTER}"], input=text.encode(), capture_output=True,
                          env=env, check=True)
    meta = json.loads(proc.stdout)["meta"]["rapport-index"]
    return json.loads(meta["c"])  # a MetaString


def test_boxes_are_numbered_per_chapter_with_their_own_counter():
    entries = index_of(BOOK.format(body="![x](x.png){#fig-x}"))["entries"]
    assert entries["box-a"]["label"] == "Faktaboks 2-1"
    assert entries["box-a"]["prefix"] == "Faktaboks 2-1:"
    assert entries["box-a"]["title"] == "Relevante aktører"
    assert entries["box-b"]["label"] == "Faktaboks 2-2"   # not counted with the figure


def test_html_box_has_its_title_on_top_and_the_reference_links_to_it():
    html = two_passes(BOOK.format(body=""), "html")
    assert ('<div id="box-a" class="boks rapport-box">\n<div class="boks-tittel">\n'
            '<span class="caption-nr">Faktaboks 2-1:</span> Relevante aktører\n</div>\n'
            '<p><strong>Arbeidsgivere</strong> kan bidra.</p>\n</div>') in html
    assert '<a href="b.html#box-b" class="xref">Faktaboks 2-2</a>' in html
    assert "<p>Relevante aktører</p>" not in html  # the caption is the title, not a paragraph


def test_typst_box_is_framed_titled_and_labelled():
    typ = two_passes(BOOK.format(body=""), "typst")
    assert ('#rapport-boks[#block(below: 0.8em, text(weight: "semibold")[Faktaboks 2-1: '
            'Relevante aktører])') in typ
    assert "] <box-a>" in typ and "#link(<box-b>)[Faktaboks 2-2]" in typ


def test_a_custom_key_that_shadows_a_kind_is_refused():
    bad = BOOK.replace("key: box", "key: fig").format(body="")
    env = dict(os.environ, RAPPORT_FORMAT="html", LC_ALL="C.UTF-8")
    proc = subprocess.run([pandoc.pandoc_path(), "-f", "markdown", "-t", "json",
                           f"--lua-filter={FILTER}"], input=bad.encode(), capture_output=True,
                          env=env)
    assert proc.returncode != 0
    assert "crossref: custom: entry 1: key «fig»" in proc.stderr.decode()


def test_the_build_check_accepts_a_reference_to_a_box_and_not_to_a_missing_one():
    cite = {"t": "Cite", "c": [[{"citationId": "box-b", "citationPrefix": [], "citationSuffix": [],
                                 "citationMode": {"t": "NormalCitation"}, "citationNoteNum": 0,
                                 "citationHash": 0}], []]}
    source = SourceMap()
    source.add("Se @box-b.", ("b.qmd", 3))
    check_document([{"t": "Para", "c": [cite]}], {"box-b"}, set(), source, fmt="html")
    with pytest.raises(CheckError, match="citation \\[@box-b\\] not found"):
        check_document([{"t": "Para", "c": [cite]}], set(), set(), source, fmt="html")


def test_the_report_number_is_in_the_html_title_block_and_the_pdf_colophon():
    from rapport.pipeline.render.html import _title_block
    from rapport.pipeline.render.project import Project

    config = {"book": {"title": "T", "date": "2022-10-14"},
              "report": {"number": "OE-rapport nr 2022-75"}}
    html = _title_block(Project(Path("."), config, {}, [], None))
    assert "<dt>Rapportnummer</dt><dd>OE-rapport nr 2022-75</dd>" in html
    show = (FILTER.parent / "typst" / "typst-show.typ").read_text(encoding="utf-8")
    assert '("Rapportnummer", [#""$report.number$])' in show
