"""The extension's Quarto branches, run by pandoc under a minimal stand-in for Quarto's Lua API
(`quarto.project.directory`, `quarto.utils.string_to_blocks`, `quarto.doc.include_text`).

No Quarto CLI runs here (tests/test_quarto.py does that where one is installed); this checks
what the extension itself does when Quarto calls it: the `exhibit` shortcode reads the snippet,
hands numbered exhibits to Quarto's reader and makes an unnumbered table a plain captioned
table; the filter leaves numbering to Quarto, wraps «Kilde:» for Typst and puts the house
colours into the HTML head.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from rapport.pipeline.render import pandoc

EXT = Path(__file__).resolve().parents[2] / "_extensions" / "rapport"

FAKE_QUARTO = """
quarto = { project = { directory = os.getenv("PROJECT") }, utils = {}, doc = {} }
read_by_quarto = 0
function quarto.utils.string_to_blocks(text)
  read_by_quarto = read_by_quarto + 1
  return pandoc.read(text, "markdown").blocks
end
function quarto.doc.include_text(where, text) HEAD = where .. "|" .. text end
local handlers = dofile(os.getenv("SHORTCODE"))
function Pandoc(doc)
  local blocks = pandoc.Blocks({})
  for _, name in ipairs({ "nb/tbl-numbered", "nb/tbl-unnumbered" }) do
    blocks:extend(handlers.exhibit({ pandoc.Inlines({ pandoc.Str(name) }) }, {}, doc.meta))
  end
  doc.blocks = blocks
  doc.meta["read-by-quarto"] = tostring(read_by_quarto)
  return doc
end
"""

# The filter under the same stand-in (globals do not carry over between pandoc's filters).
FAKE_QUARTO_FILTER = """
quarto = { doc = {} }
function quarto.doc.include_text(where, text) HEAD = where .. "|" .. text end
dofile(os.getenv("FILTER"))
local inner = Pandoc
function Pandoc(doc)
  doc = inner(doc) or doc
  doc.meta["head"] = HEAD or ""
  return doc
end
"""

SNIPPET = """::: {{#tbl-{name}{cls}}}
| A | B |
|---|---|
| 1 | 2 |

Tekst til {name}
:::

::: {{.kilde}}
Kilde: Test
:::
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "_build" / "artifacts" / "nb").mkdir(parents=True)
    for name, cls in (("numbered", ""), ("unnumbered", " .unnumbered")):
        (tmp_path / "_build" / "artifacts" / "nb" / f"tbl-{name}.md").write_text(
            SNIPPET.format(name=name, cls=cls), encoding="utf-8")
    (tmp_path / "fake_quarto.lua").write_text(FAKE_QUARTO, encoding="utf-8")
    (tmp_path / "fake_filter.lua").write_text(FAKE_QUARTO_FILTER, encoding="utf-8")
    return tmp_path


def run(project: Path, to: str, *extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "RAPPORT_FORMAT"}
    env.update(PROJECT=str(project), SHORTCODE=str(EXT / "exhibit.lua"),
               FILTER=str(EXT / "rapport.lua"), LC_ALL="C.UTF-8")
    proc = subprocess.run([pandoc.pandoc_path(), "-f", "markdown", "-t", to,
                           f"--lua-filter={project / 'fake_quarto.lua'}", *extra],
                          input=b"", capture_output=True, env=env, cwd=project)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode()


def test_shortcode_hands_numbered_exhibits_to_quarto_and_unnumbers_the_other(project):
    doc = json.loads(run(project, "json"))
    # both through Quarto's reader (its conditional content); the unnumbered one after the
    # shortcode took its id away
    assert doc["meta"]["read-by-quarto"]["c"] == "2"
    html = run(project, "html")
    assert 'id="tbl-numbered"' in html
    # the unnumbered table: no tbl- id left for Quarto to number, its caption on the table
    assert 'id="tbl-unnumbered"' not in html and 'data-exhibit="tbl-unnumbered"' in html
    assert "<caption>Tekst til unnumbered</caption>" in html


def test_filter_under_quarto_wraps_kilde_for_typst_and_sets_house_colours(project):
    typ = run(project, "typst", f"--lua-filter={project / 'fake_filter.lua'}")
    assert "#rapport-kilde[" in typ and typ.count("#rapport-kilde[") == 2
    assert "Tabell 1" not in typ  # numbering is Quarto's, not the filter's
    style = project / "style.yml"
    style.write_text('house-style:\n  colors: {primary: "#00313c", accent: "#c8102e"}\n'
                     "  font: Source Sans Pro\n", encoding="utf-8")
    doc = json.loads(run(project, "json", f"--metadata-file={style}",
                         f"--lua-filter={project / 'fake_filter.lua'}"))
    assert doc["meta"]["head"]["c"] == ('in-header|<style>:root { --navy: #00313c; '
                                        '--accent: #c8102e; --font: "Source Sans Pro" }</style>')


def test_a_figure_note_gets_its_own_block_with_room_below(project):
    # under a figure the note is the last line of the exhibit (the table's stands above Kilde)
    text = ("::: {.tabellnote}\nTabellnote.\n:::\n\n::: {.kilde}\nKilde: Test\n:::\n\n"
            "::: {.tabellnote .figurnote}\nNote: Figurnote.\n:::\n")
    env = {k: v for k, v in os.environ.items() if k != "RAPPORT_FORMAT"}
    env.update(FILTER=str(EXT / "rapport.lua"), LC_ALL="C.UTF-8")
    proc = subprocess.run([pandoc.pandoc_path(), "-f", "markdown", "-t", "typst",
                           f"--lua-filter={project / 'fake_filter.lua'}"],
                          input=text.encode(), capture_output=True, env=env, cwd=project)
    assert proc.returncode == 0, proc.stderr.decode()
    typ = proc.stdout.decode()
    assert typ.count("#rapport-tabellnote[") == 1 and typ.count("#rapport-figurnote[") == 1
    assert typ.index("#rapport-figurnote[") > typ.index("Kilde: Test")
    template = (EXT / "typst" / "typst-template.typ").read_text(encoding="utf-8")
    assert "#let rapport-figurnote(body) = block(above: 0.4em, below: 1.5em" in template


def test_the_word_copy_under_quarto_gets_the_house_styles_and_alt_text(project):
    """`quarto render --to rapport-docx`: the filter gives «Kilde:» lines and notes the reference
    document's styles and the picture its `fig-alt` as Word's description."""
    import docx
    from PIL import Image

    Image.new("RGB", (4, 4), "white").save(project / "bilde.png")
    text = ('![](bilde.png){fig-alt="Søyler for 2022 og 2024"}\n\n'
            "::: {.tabellnote}\nTabellnote.\n:::\n\n::: {.kilde}\nKilde: Test\n:::\n")
    env = {k: v for k, v in os.environ.items() if k != "RAPPORT_FORMAT"}
    env.update(FILTER=str(EXT / "rapport.lua"), LC_ALL="C.UTF-8")
    out = project / "kopi.docx"
    proc = subprocess.run([pandoc.pandoc_path(), "-f", "markdown", "-t", "docx", "-o", str(out),
                           f"--lua-filter={project / 'fake_filter.lua'}"],
                          input=text.encode(), capture_output=True, env=env, cwd=project)
    assert proc.returncode == 0, proc.stderr.decode()
    document = docx.Document(str(out))
    styles = {p.text: p.style.name for p in document.paragraphs if p.text}
    assert styles["Kilde: Test"] == "Kilde" and styles["Tabellnote."] == "Tabellnote"
    [shape] = document.inline_shapes
    assert shape._inline.docPr.get("descr") == "Søyler for 2022 og 2024"
