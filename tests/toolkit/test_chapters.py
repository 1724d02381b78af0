"""The chapter table check (rapport.chapters): rows and chapter files must agree."""

import pytest

from rapport.chapters import ChapterTableError, check_chapter_table, headings

TABLE = "data/raw/deler.csv"

A = """# Første tiltak

## 1. Overordnet

Tekst.

```python
# not a heading
```

## 2. Vurderinger {#sec-a}
"""
B = "# Andre tiltak\n\n## Overordnet\n\n## Vurderinger\n"
QUARTO = "book:\n  chapters:\n    - index.qmd\n    - chapters/01-a.qmd\n    - chapters/02-b.qmd\n"


def rows():
    return [
        {"fil": "chapters/01-a.qmd", "tittel": "Første tiltak", "seksjoner": "Overordnet|Vurderinger"},
        {"fil": "chapters/02-b.qmd", "tittel": "Andre tiltak", "seksjoner": "Overordnet | Vurderinger"},
    ]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "01-a.qmd").write_text(A, encoding="utf-8")
    (tmp_path / "chapters" / "02-b.qmd").write_text(B, encoding="utf-8")
    (tmp_path / "_quarto.yml").write_text(QUARTO, encoding="utf-8")
    return tmp_path


def problems(root, table=None):
    with pytest.raises(ChapterTableError) as info:
        check_chapter_table(table or rows(), table_path=TABLE, root=root)
    return info.value.problems


def test_agreeing_table_and_files_pass(project):
    check_chapter_table(rows(), table_path=TABLE, root=project)


def test_headings_skip_code_and_attributes():
    found = headings(A)
    assert [(h.level, h.text) for h in found] == [
        (1, "Første tiltak"), (2, "1. Overordnet"), (2, "2. Vurderinger")]


def test_row_without_chapter_names_row_and_skeleton(project):
    table = rows() + [{"fil": "chapters/03-c.qmd", "tittel": "Tredje", "seksjoner": "Om|Vurderinger"}]
    (project / "_quarto.yml").write_text(QUARTO + "    - chapters/03-c.qmd\n", encoding="utf-8")
    [problem] = problems(project, table)
    assert problem.startswith(f"{TABLE}: row 4: column \"fil\": chapters/03-c.qmd does not exist")
    assert "# Tredje / ## 1. Om / ## 2. Vurderinger" in problem


def test_chapter_without_row(project):
    (project / "chapters" / "03-c.qmd").write_text("# C\n", encoding="utf-8")
    [problem] = problems(project)
    assert problem.startswith(f"chapters/03-c.qmd: has no row in {TABLE}")


def test_wrong_title_and_sections(project):
    (project / "chapters" / "02-b.qmd").write_text(
        "# Andre\n\n## 1. Overordnet\n\n## 3. Erfaringer\n", encoding="utf-8")
    found = problems(project)
    assert any("the chapter heading is «Andre» (line 1); expected «Andre tiltak»" in p for p in found)
    assert any("the sections are ['Overordnet', 'Erfaringer']; expected "
               "['Overordnet', 'Vurderinger']" in p for p in found)
    assert any("line 5: section number 3; expected 2" in p for p in found)


def test_quarto_order_and_missing(project):
    (project / "_quarto.yml").write_text(
        "book:\n  chapters:\n    - chapters/02-b.qmd\n    - chapters/01-a.qmd\n", encoding="utf-8")
    [problem] = problems(project)
    assert problem.startswith("_quarto.yml: book.chapters lists the chapters in the order")
    (project / "_quarto.yml").write_text("book:\n  chapters:\n    - chapters/01-a.qmd\n",
                                         encoding="utf-8")
    [problem] = problems(project)
    assert problem == f"_quarto.yml: book.chapters does not list chapters/02-b.qmd (rows of {TABLE})"


def test_parts_are_flattened(project):
    (project / "_quarto.yml").write_text(
        "book:\n  chapters:\n    - part: Del 1\n      chapters: [chapters/01-a.qmd, chapters/02-b.qmd]\n",
        encoding="utf-8")
    check_chapter_table(rows(), table_path=TABLE, root=project)


def test_empty_file_cell(project):
    table = [dict(rows()[0]), {"fil": "", "tittel": "X"}]
    found = problems(project, table)
    assert f'{TABLE}: row 3: column "fil" is empty; expected a chapter file' in found
