"""Reading and validating inputs: codebooks, readers, schemas, and the read log.

Notebooks read every input through this package:

    from rapport.data import read_dataset, load_codebook
    svar = read_dataset("mottakere_2024")           # typed, validated, recorded
    kodebok = load_codebook("mottakere_2024")       # labels, question texts

Any problem with a file raises `DataError` with one plain message (file, column, rows, values,
what was expected). See docs/architecture.md, "Codebooks" and "Data reads".

Names are imported lazily, so `rapport.data.recorder` (used by the build) stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Codebook": "codebook",
    "Column": "codebook",
    "Question": "codebook",
    "codebook_markdown": "codebook",
    "list_codebooks": "codebook",
    "load_codebook": "codebook",
    "load_codes": "codebook",
    "write_codebook_readme": "codebook",
    "check_frame": "dataset",
    "read_dataset": "dataset",
    "read_file": "dataset",
    "published_facts": "published",
    "read_published": "published",
    "CodebookError": "errors",
    "DataError": "errors",
    "build_schema": "schema",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        module = importlib.import_module(f"rapport.data.{_EXPORTS[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'rapport.data' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
