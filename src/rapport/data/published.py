"""Reading what another notebook published: its tables' and figures' data and its facts.

A number has one publisher. A notebook that needs a number another notebook published (an
appendix comparing the published tables with the printed report) reads that notebook's
artifacts under `_build/artifacts/<notebook>/` instead of computing the number again:

    from rapport.data import published_facts, read_published
    tabell2 = read_published("03-register", "tbl-refusjon-per-region")   # the table's CSV
    fakta = published_facts("03-register")                   # {key: raw value}

Each read is recorded (path and content hash, `rapport.data.recorder`), so the build knows the
reading notebook depends on those artifacts: it runs the publishing notebook first and reruns
the reader whenever what it read changed (docs/architecture.md, «Notebooks that read other
notebooks»). A missing artifact is a `DataError` naming the file and the notebook that
publishes it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from rapport import context
from rapport.data.errors import DataError
from rapport.data.recorder import record_read

ARTIFACTS = "_build/artifacts"


def artifact_path(notebook: str, name: str) -> Path:
    """The file `name` (e.g. «tbl-x.csv», «facts.yml») that `notebook` published."""
    path = context.project_root() / ARTIFACTS / notebook / name
    if not path.is_file():
        raise DataError(
            f"{ARTIFACTS}/{notebook}/{name}: missing. Expected the artifact that "
            f"notebooks/{notebook}.py publishes: build the report (make report) so that it runs "
            "first, or check the notebook and exhibit names.")
    return path


def read_published(notebook: str, exhibit: str, **read_csv) -> pd.DataFrame:
    """The data (tidy CSV: `,`, `.` decimals) of exhibit `exhibit` («tbl-x», «fig-y») that
    `notebook` published. Cells the exhibit hides are empty (NaN) here too. Keyword arguments
    go to `pandas.read_csv` (e.g. `dtype={"kode": str}` to keep codes such as «03»)."""
    name = exhibit if exhibit.endswith(".csv") else f"{exhibit}.csv"
    path = artifact_path(notebook, name)
    record_read(path)
    return pd.read_csv(path, **({"keep_default_na": False, "na_values": [""]} | read_csv))


def published_facts(notebook: str) -> dict:
    """The raw values of the facts `notebook` published ({key: value}; dates as ISO text)."""
    path = artifact_path(notebook, "facts.yml")
    record_read(path)
    facts = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {key: entry["value"] for key, entry in facts.items()}
