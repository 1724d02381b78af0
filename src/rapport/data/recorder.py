"""Record every input file a notebook reads, with its content hash, for the build cache."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from rapport import context


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    """Content hash of a file (streamed, so large register extracts are fine)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def record_read(path: str | Path) -> None:
    """Append `path` and its hash to the run's read log (no-op outside the runner).

    Paths are stored relative to the project root so that the cache survives a move.
    """
    log = context.reads_log()
    if log is None:
        return
    path = Path(path).resolve()
    root = context.project_root()
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.as_posix()
    entry = {"path": rel, "sha256": file_sha256(path)}
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, sort_keys=True) + "\n")
