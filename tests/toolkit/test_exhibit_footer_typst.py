"""An exhibit's footer in the PDF: a «Kilde:» line followed by a figure note is kept on the
same page as the note (sticky), and the space after the exhibit comes after the note, not
between the two. Runs the filter's two passes with pandoc (no Quarto)."""

from __future__ import annotations

from tests.toolkit.test_numbered_boxes import two_passes

CHAPTER = """::: {{.rapport-chapter file="a.qmd" part="main" page="a.html"}}
:::

# Kapittel {{#sec-a}}

::: {{.kilde}}
Kilde: Registreringsskjema (n=198)
:::
{note}
Neste avsnitt.
"""

NOTE = """
::: {.tabellnote .figurnote}
Merk at K3 2020 kun består av september 2020.
:::
"""


def test_a_source_line_followed_by_a_figure_note_sticks_to_it():
    typ = two_passes(CHAPTER.format(note=NOTE), "typst")
    assert "#rapport-kilde(noted: true)[\nKilde: Registreringsskjema (n=198)\n\n]" in typ
    assert "#rapport-figurnote[\nMerk at K3 2020" in typ
    assert "#rapport-tabellnote[" not in typ


def test_a_source_line_alone_keeps_its_space_below():
    typ = two_passes(CHAPTER.format(note=""), "typst")
    assert "#rapport-kilde[\nKilde: Registreringsskjema (n=198)" in typ
    assert "noted" not in typ


def test_the_template_defines_the_footer_blocks():
    from tests.toolkit.test_numbered_boxes import FILTER
    template = (FILTER.parent / "typst" / "typst-template.typ").read_text(encoding="utf-8")
    assert "#let rapport-kilde(body, noted: false)" in template
    assert "#let rapport-figurnote(body)" in template
