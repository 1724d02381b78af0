"""Fixtures of the toolkit's tests: throwaway projects built from files under fixtures/, never
from the report the repository holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write


def bare_project(tmp_path: Path) -> Path:
    """The least a project is: a book's _quarto.yml, src/ and a lock file."""
    root = tmp_path / "proj"
    write(root / "_quarto.yml", "project:\n  type: book\n")
    (root / "src").mkdir(parents=True)
    (root / "requirements.lock").write_text("x==1\n")
    return root


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    """A project with two notebooks: 01-a reads data/a.csv, 02-b reads data/b.csv."""
    root = bare_project(tmp_path)
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


EXTENSION = Path(__file__).resolve().parents[2] / "_extensions" / "rapport"


def styled_project(root: Path, style: str | None = "oxford-research",
                   extra: str = "") -> Path:
    """A project root with a `_quarto.yml` that selects one of the toolkit's shipped house
    styles (copied from `_extensions/rapport/styles/`), plus `extra` YAML lines."""
    root.mkdir(parents=True, exist_ok=True)
    lines = ["project:", "  type: book"]
    if style:
        target = root / "_extensions" / "rapport" / "styles" / f"{style}.yml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((EXTENSION / "styles" / f"{style}.yml").read_bytes())
        lines += ["metadata-files:", f"  - _extensions/rapport/styles/{style}.yml"]
    (root / "_quarto.yml").write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return root


@pytest.fixture
def publishing(tmp_path, monkeypatch) -> Path:
    """The run context of a notebook `03-bruk` publishing into tmp_path/art, in a project of
    its own (tmp_path/proj, Oxford Research style). Returns the artifacts directory."""
    root = styled_project(tmp_path / "proj")
    monkeypatch.setenv("RAPPORT_ROOT", str(root))
    monkeypatch.setenv("RAPPORT_ARTIFACTS", str(tmp_path / "art"))
    monkeypatch.setenv("RAPPORT_NOTEBOOK", "03-bruk")
    monkeypatch.delenv("RAPPORT_READS", raising=False)
    return tmp_path / "art"
