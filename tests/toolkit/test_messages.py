"""Messages a user can act on: the notebook's own file and line, one bad file reported once,
and the survey tables' disclosure promise stated exactly in the data card."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapport.pipeline.runner import NotebookError, run_notebooks
from tests.conftest import write

REPO = Path(__file__).resolve().parents[2]


def failure(root: Path) -> str:
    with pytest.raises(NotebookError) as err:
        run_notebooks(root, log=lambda m: None)
    return str(err.value)


def test_error_names_the_notebook_file_and_line(mini_project):
    nb = mini_project / "notebooks" / "02-b.py"
    nb.write_text(nb.read_text() + "\n# %%\nx = 1\n\ny = 2\nraise ValueError('kolonnen mangler')\n")
    line = nb.read_text().splitlines().index("raise ValueError('kolonnen mangler')") + 1
    message = failure(mini_project)
    assert f"notebooks/02-b.py:{line}" in message
    assert "ValueError: kolonnen mangler" in message
    assert "ipykernel_" not in message and "Cell In[" not in message


def test_error_inside_a_function_points_at_the_raising_line(mini_project):
    nb = mini_project / "notebooks" / "02-b.py"
    nb.write_text(nb.read_text() + "\n# %%\ndef check(v):\n    if v:\n"
                  "        raise KeyError('mangler')\n\n\n# %%\ncheck(1)\n")
    line = nb.read_text().splitlines().index("        raise KeyError('mangler')") + 1
    assert f"notebooks/02-b.py:{line}" in failure(mini_project)


def test_one_bad_file_is_reported_once_for_all_its_readers(mini_project):
    write(mini_project / "data" / "felles.csv", "a,b\n1,2\n3\n")
    for stem in ("01-a", "02-b"):
        nb = mini_project / "notebooks" / f"{stem}.py"
        nb.write_text(nb.read_text() + "\n# %%\nfrom rapport.data import read_file\n"
                      "read_file('data/felles.csv')\n")
    message = failure(mini_project)
    assert message.count("data/felles.csv: ") == 1, message
    assert "row 3 has 1" in message
    assert "the same error stopped 2 notebooks" in message
    assert "notebooks/01-a.py:" in message and "notebooks/02-b.py:" in message


def test_different_errors_are_each_reported(mini_project):
    for stem, text in (("01-a", "første"), ("02-b", "andre")):
        nb = mini_project / "notebooks" / f"{stem}.py"
        nb.write_text(nb.read_text() + f"\n# %%\nraise RuntimeError('{text}')\n")
    message = failure(mini_project)
    assert "RuntimeError: første" in message and "RuntimeError: andre" in message
    assert "the same error" not in message
