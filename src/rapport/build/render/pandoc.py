"""Running pandoc (from pypandoc_binary) with this package's Lua filters."""

from __future__ import annotations

import json
import os
import subprocess
from functools import lru_cache
from pathlib import Path

FILTERS = Path(__file__).parent / "filters"
TEMPLATES = Path(__file__).parent / "templates"


class RenderError(RuntimeError):
    """pandoc or Typst failed for a reason the checks did not catch."""


@lru_cache(maxsize=1)
def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def run(args: list[str], *, input: str | None = None, fmt: str = "", cwd: Path | None = None) -> str:
    env = {**os.environ, "RAPPORT_FORMAT": fmt, "LC_ALL": "C.UTF-8"}
    proc = subprocess.run(
        [pandoc_path(), *args],
        input=input.encode("utf-8") if input is not None else None,
        capture_output=True,
        env=env,
        cwd=cwd,
    )
    if proc.returncode != 0:
        raise RenderError(f"pandoc {' '.join(args[:4])}… failed:\n{proc.stderr.decode('utf-8', 'replace')}")
    return proc.stdout.decode("utf-8")


def filter_arg(name: str) -> str:
    return f"--lua-filter={FILTERS / name}"


def to_json(text: str, fmt: str) -> dict:
    """Markdown (Quarto's dialect, shortcodes resolved) -> pandoc AST, conditional content
    already chosen for `fmt` ("html" or "typst")."""
    out = run(["-f", "markdown", "-t", "json", filter_arg("content_visible.lua")],
              input=text, fmt=fmt)
    return json.loads(out)


def bibliography_keys(paths: list[Path]) -> set[str]:
    keys: set[str] = set()
    for path in paths:
        if not path.exists():
            continue
        out = run([str(path), "-t", "csljson"])
        keys.update(item["id"] for item in json.loads(out))
    return keys
