"""The citation style the render paths share: copied from the locked package into _build/csl/,
with the report's language as its default locale (Quarto's book bibliography runs citeproc
without `lang`)."""

from __future__ import annotations

from pathlib import Path

from rapport.pipeline.render import pandoc
from rapport.pipeline.render.csl import install

BIB = """@online{side2022,
  author       = {{Arbeids- og inkluderingsdepartementet}},
  title        = {Høring om en ordning},
  date         = {2022-02-21},
  organization = {Regjeringen.no},
  url          = {https://www.regjeringen.no/}
}
"""


def test_references_are_norwegian_even_without_lang(tmp_path: Path):
    (tmp_path / "references.bib").write_text(BIB, encoding="utf-8")
    csl = install(tmp_path, {"csl": "_build/csl/apa.csl", "lang": "nb"})
    assert csl == tmp_path / "_build" / "csl" / "apa.csl" and csl.is_file()
    doc = tmp_path / "refs.md"
    doc.write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    out = pandoc.run([str(doc), "--citeproc", f"--bibliography={tmp_path / 'references.bib'}",
                      f"--csl={csl}", "-t", "plain"])  # no lang: the style's default locale
    # a web page dated 2022-02-21
    assert "(2022, februar 21)" in out and "February" not in out
    assert install(tmp_path, {"csl": "_build/csl/apa.csl", "lang": "nb"}).read_bytes() == csl.read_bytes()
