"""Where the running notebook publishes and records its reads.

The build runner sets these environment variables for each notebook's kernel; outside the
runner (an analyst running a notebook by hand) artifacts go to `_build/scratch/<stem>/` and
reads are not recorded. See docs/architecture.md, "The run context".
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_ROOT = "RAPPORT_ROOT"
ENV_NOTEBOOK = "RAPPORT_NOTEBOOK"
ENV_ARTIFACTS = "RAPPORT_ARTIFACTS"
ENV_READS = "RAPPORT_READS"


def project_root(start: Path | None = None) -> Path:
    """The project root: `RAPPORT_ROOT`, else the nearest parent holding `_quarto.yml`."""
    if os.environ.get(ENV_ROOT):
        return Path(os.environ[ENV_ROOT]).resolve()
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "_quarto.yml").is_file():
            return candidate
    raise FileNotFoundError(f"no _quarto.yml in {here} or any parent: not inside a report project")


# Set by Jupyter Server for the kernel of an open notebook: its path («notebooks/03-bruk.py»).
ENV_JUPYTER_SESSION = "JPY_SESSION_NAME"


def notebook_name() -> str:
    """Stem of the notebook being executed (e.g. `03-bruk`): the runner's, else the notebook
    open in JupyterLab, else `interactive`."""
    if os.environ.get(ENV_NOTEBOOK):
        return os.environ[ENV_NOTEBOOK]
    session = os.environ.get(ENV_JUPYTER_SESSION, "")
    if session.endswith((".py", ".ipynb")):
        return Path(session).stem
    return "interactive"


def artifacts_dir() -> Path:
    """Directory this notebook publishes into (created on demand)."""
    if os.environ.get(ENV_ARTIFACTS):
        path = Path(os.environ[ENV_ARTIFACTS])
    else:
        path = project_root() / "_build" / "scratch" / notebook_name()
    path.mkdir(parents=True, exist_ok=True)
    return path


def published_path(path: Path) -> str:
    """The project-rooted path (`/_build/artifacts/<stem>/<name>`) a snippet uses for a file.

    Snippets always point at the final location, not the staging directory.
    """
    return f"/_build/artifacts/{notebook_name()}/{Path(path).name}"


def reads_log() -> Path | None:
    """The JSON-lines file where reads are recorded, or None outside the runner."""
    value = os.environ.get(ENV_READS)
    return Path(value) if value else None
