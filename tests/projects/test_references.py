"""Every entry in a report's bibliography is cited, and every citation has an entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapport.proofread import bibliography_problems
from tests.conftest import project_id, report_projects


@pytest.mark.parametrize("root", report_projects(), ids=project_id)
def test_bibliography_and_citations_agree(root: Path):
    problems = bibliography_problems(root)
    assert not problems, "\n".join(problems)


def test_a_reference_to_a_numbered_box_is_not_a_citation(tmp_path):
    from rapport.proofread import cited_keys
    from tests.conftest import write

    write(tmp_path / "_quarto.yml", """
        book:
          chapters: [index.qmd]
        crossref:
          custom:
            - kind: float
              key: box
              reference-prefix: Faktaboks
        """)
    write(tmp_path / "index.qmd", "Se @box-aktorer, @fig-x og [@hilsen2021].\n")
    assert cited_keys(tmp_path) == {"hilsen2021"}
