"""Record every project file a notebook's kernel opens, for the build cache.

`rapport.data.read_dataset` records its reads itself; a notebook that opens a project file any
other way (`pd.read_csv("data/…")`, `open("data/…")`, `Path(…).read_text()`, openpyxl) is seen
by a Python audit hook on `open`, installed in the kernel at start-up by the runner
(`python -m rapport.pipeline.execute` passes `install()` as a kernel exec line). Parquet and SPSS
files are opened by native code that Python's audit hooks never see, so the readers of
`pyarrow.parquet` and `pyreadstat` are wrapped to record their path argument too.

Recorded: files under the project root, opened for reading, that exist, outside `_build/`,
`.venv/`, `.git/` and `src/` (the package is part of every cache key anyway). Not seen: other
native readers (DuckDB, Polars, …) and directory listings; use `rapport.data.read_file` or
`read_dataset` for those (docs/architecture.md, "The run context").
"""

from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from rapport import context
from rapport.data.recorder import record_read

EXCLUDED = ("_build/", ".venv/", ".git/", "src/")
_state = threading.local()
_installed = False


def _relevant(path, root: Path) -> Path | None:
    if isinstance(path, int):
        return None  # a file descriptor: its path was seen when it was opened
    try:
        full = Path(os.fsdecode(path))
    except TypeError:
        return None
    full = full if full.is_absolute() else Path.cwd() / full
    try:
        rel = Path(os.path.normpath(full)).relative_to(root).as_posix()
    except ValueError:
        return None
    if rel.startswith(EXCLUDED) or rel in ("_build", ".venv", ".git", "src"):
        return None
    return full if full.is_file() else None


def _reading(mode, flags) -> bool:
    if isinstance(mode, str):
        return not any(ch in mode for ch in "wax+")
    if isinstance(flags, int):
        return (flags & (os.O_WRONLY | os.O_RDWR)) == 0
    return True


def record_path(path, root: Path | None = None) -> None:
    """Record `path` when it is a project file outside the excluded folders (no recursion)."""
    if getattr(_state, "busy", False):
        return
    _state.busy = True
    try:
        full = _relevant(path, root or context.project_root())
        if full is not None:
            for collector in list(_collectors):
                collector.add(full)
            if _installed:
                stat = full.stat()
                key = (str(full), stat.st_mtime_ns, stat.st_size)
                if key not in _seen:
                    _seen.add(key)
                    record_read(full)
    except OSError:
        pass
    finally:
        _state.busy = False


_seen: set[tuple[str, int, int]] = set()
_collectors: list[set[Path]] = []


@contextmanager
def opened_files(root: Path):
    """Collect the project files this process opens for reading inside the `with` block.

    For the build's own steps (the render), whose inputs are keyed the same way as a notebook's.
    """
    global _root
    _ensure_hook()
    _root = Path(root).resolve()
    collected: set[Path] = set()
    _collectors.append(collected)
    try:
        yield collected
    finally:
        _collectors.remove(collected)


def _hook(event: str, args: tuple) -> None:
    if event == "open" and args and (_installed or _collectors) and _reading(
            args[1] if len(args) > 1 else None, args[2] if len(args) > 2 else None):
        record_path(args[0], _root)


_hooked = False


def _ensure_hook() -> None:
    global _hooked
    if not _hooked:
        sys.addaudithook(_hook)
        _hooked = True


def _wrap(module, name: str) -> None:
    original = getattr(module, name, None)
    if original is None or getattr(original, "_rapport_recorded", False):
        return

    def wrapper(source, *args, **kwargs):
        if isinstance(source, (str, os.PathLike)):
            record_path(source, _root)
        return original(source, *args, **kwargs)

    wrapper._rapport_recorded = True
    wrapper.__doc__ = original.__doc__
    wrapper.__name__ = getattr(original, "__name__", name)
    setattr(module, name, wrapper)


def _wrap_class_init(cls) -> None:
    original = cls.__init__
    if getattr(original, "_rapport_recorded", False):
        return

    def __init__(self, source, *args, **kwargs):
        if isinstance(source, (str, os.PathLike)):
            record_path(source, _root)
        original(self, source, *args, **kwargs)

    __init__._rapport_recorded = True
    cls.__init__ = __init__


_root: Path | None = None


def install() -> None:
    """Start recording (idempotent; a no-op outside the runner, where nothing is recorded)."""
    global _installed, _root
    if _installed or context.reads_log() is None:
        return
    _root = context.project_root()
    _installed = True
    _ensure_hook()
    try:
        import pyarrow.parquet as pq

        _wrap(pq, "read_table")
        _wrap(pq, "read_schema")
        _wrap(pq, "read_metadata")
        _wrap_class_init(pq.ParquetFile)
    except ImportError:
        pass
    try:
        import pyreadstat

        for name in ("read_sav", "read_dta", "read_sas7bdat", "read_por", "read_xport"):
            _wrap(pyreadstat, name)
    except ImportError:
        pass
