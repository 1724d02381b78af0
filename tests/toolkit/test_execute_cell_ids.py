"""Executed notebooks carry cell ids that do not change between builds."""

import jupytext

from rapport.build.execute import stable_cell_ids

SCRIPT = "# %% [markdown]\n# Tittel\n\n# %%\nx = 1\n\n# %%\nx + 1\n"


def test_two_reads_get_the_same_ids():
    first, second = jupytext.reads(SCRIPT, fmt="py:percent"), jupytext.reads(SCRIPT, fmt="py:percent")
    stable_cell_ids(first)
    stable_cell_ids(second)
    assert [c["id"] for c in first.cells] == [c["id"] for c in second.cells] == [
        "cell-1", "cell-2", "cell-3"]
