"""A notebook run by hand in JupyterLab (`make lab`) writes the artifacts the build would, into
_build/scratch/<notebook>/ instead of _build/artifacts/, and records no reads."""

from __future__ import annotations

import pandas as pd

from rapport import context
from rapport.exhibits import bar_chart, fact, publish_figure
from tests.toolkit.conftest import styled_project


def test_a_notebook_open_in_jupyterlab_publishes_under_its_own_name(tmp_path, monkeypatch):
    root = styled_project(tmp_path / "proj")
    for var in ("RAPPORT_ROOT", "RAPPORT_ARTIFACTS", "RAPPORT_NOTEBOOK", "RAPPORT_READS"):
        monkeypatch.delenv(var, raising=False)
    (root / "notebooks").mkdir()
    monkeypatch.chdir(root / "notebooks")  # JupyterLab starts the kernel in the notebook's folder
    monkeypatch.setenv("JPY_SESSION_NAME", str(root / "notebooks" / "03-bruk.py"))
    data = pd.DataFrame({"category": ["Ja", "Nei"], "share": [0.5, 0.5], "n": [10, 10]})
    out = publish_figure("svar", bar_chart(data), caption="Svarte du?")
    fact("svar.n", 10)
    scratch = root / "_build" / "scratch" / "03-bruk"
    assert out["md"] == scratch / "fig-svar.md"
    assert (scratch / "facts.yml").is_file()
    # The snippet points where the build will put the file, as the build's snippet does.
    assert "](/_build/artifacts/03-bruk/fig-svar.svg)" in out["md"].read_text(encoding="utf-8")
    assert not (root / "_build" / "artifacts").exists()


def test_without_jupyter_the_scratch_folder_is_interactive(monkeypatch):
    monkeypatch.delenv("RAPPORT_NOTEBOOK", raising=False)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    assert context.notebook_name() == "interactive"
    monkeypatch.setenv("JPY_SESSION_NAME", "Console-1")  # a console, not a notebook
    assert context.notebook_name() == "interactive"
