"""Shared test helpers: a throwaway report project to build in."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    """A project with two notebooks: 01-a reads data/a.csv, 02-b reads data/b.csv."""
    root = tmp_path / "proj"
    write(root / "_quarto.yml", "project:\n  type: book\n")
    (root / "src").mkdir(parents=True)
    (root / "requirements.lock").write_text("x==1\n")
    write(root / "data" / "a.csv", "x\n1\n2\n")
    write(root / "data" / "b.csv", "x\n10\n")
    for stem, name in (("01-a", "a"), ("02-b", "b")):
        write(
            root / "notebooks" / f"{stem}.py",
            f'''
            # %%
            import pandas as pd
            from rapport import context
            from rapport.data.recorder import record_read

            # %%
            record_read("data/{name}.csv")
            total = int(pd.read_csv("data/{name}.csv")["x"].sum())
            out = context.artifacts_dir()
            (out / "facts.yml").write_text(
                "{name}.total:\\n  value: %d\\n  text: '%d'\\n" % (total, total)
            )
            ''',
        )
    return root


@pytest.fixture(scope="session")
def register_data() -> Path:
    """The full-scale synthetic register extracts in data/raw/register, generated if missing or
    stale (what `make data` does; the folder is not committed)."""
    from ekspertbistand.generate import generate

    out = REPO / "data" / "raw" / "register"
    generate(out, "full")
    return out
