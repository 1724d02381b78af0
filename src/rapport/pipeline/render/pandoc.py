"""Running pandoc (from pypandoc_binary) in the project root, with this renderer's stand-ins for
Quarto (filters/: shortcodes, conditional content, citation links) and the extension's filters."""

from __future__ import annotations

import json
import os
import re
import subprocess
from functools import lru_cache
from pathlib import Path

from rapport.pipeline.checks import CheckError, Problem

FILTERS = Path(__file__).parent / "filters"
# A filter's error that names a source line («chapters/03-bruk.qmd:14: …»).
SOURCE_ERROR = re.compile(r"^(\S+\.(?:qmd|md|yml)):(\d+): (.+)$", re.M)


class RenderError(RuntimeError):
    """pandoc or Typst failed for a reason the checks did not catch."""


@lru_cache(maxsize=1)
def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def run(args: list[str], *, input: str | None = None, fmt: str = "", cwd: Path | None = None,
        env: dict | None = None) -> str:
    env = {**os.environ, "RAPPORT_FORMAT": fmt, "LC_ALL": "C.UTF-8", **(env or {})}
    proc = subprocess.run(
        [pandoc_path(), *args],
        input=input.encode("utf-8") if input is not None else None,
        capture_output=True,
        env=env,
        cwd=cwd,
    )
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace")
        found = SOURCE_ERROR.findall(err)
        if found:
            raise CheckError([Problem(f, int(n), m.strip()) for f, n, m in found])
        raise RenderError(f"pandoc {' '.join(args[:4])}… failed:\n{err}")
    return proc.stdout.decode("utf-8")


def run_bytes(args: list[str]) -> bytes:
    """pandoc's output as bytes (a data file such as the default reference.docx)."""
    proc = subprocess.run([pandoc_path(), *args], capture_output=True,
                          env={**os.environ, "LC_ALL": "C.UTF-8"})
    if proc.returncode != 0:
        raise RenderError(f"pandoc {' '.join(args[:4])}… failed:\n"
                          + proc.stderr.decode("utf-8", "replace"))
    return proc.stdout


def filter_arg(path: Path | str) -> str:
    return f"--lua-filter={path if isinstance(path, Path) else FILTERS / path}"


def reader(shortcodes: list[Path]) -> tuple[list[str], dict]:
    """How the book's Markdown is read (Quarto's dialect, Quarto's shortcodes resolved): the
    arguments up to the first filter of the first pass, and the environment they need."""
    return (["-f", "markdown", filter_arg("shortcodes.lua"), filter_arg("content_visible.lua")],
            {"RAPPORT_SHORTCODES": os.pathsep.join(str(p) for p in shortcodes)})


def bibliography_keys(paths: list[Path]) -> set[str]:
    keys: set[str] = set()
    for path in paths:
        if path.exists():
            stat = path.stat()
            keys.update(_bibliography_keys(str(path), stat.st_mtime_ns, stat.st_size))
    return keys


@lru_cache(maxsize=16)
def _bibliography_keys(path: str, mtime_ns: int, size: int) -> frozenset[str]:
    """The keys of one bibliography file, read once per version of the file (the preview
    re-renders a page many times in one process)."""
    return frozenset(item["id"] for item in json.loads(run([path, "-t", "csljson"])))
