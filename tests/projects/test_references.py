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
