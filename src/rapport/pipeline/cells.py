"""Where each cell of a jupytext percent script sits in its `.py` file.

Used to make executed notebooks reproducible (cell ids from the cell's position, not random) and
to point messages at the notebook's own file and line (`notebooks/03-register.py:24`) instead
of IPython's names for a cell (`Cell In[3], line 7`, `/tmp/ipykernel_811/618692851.py:7`).
"""

from __future__ import annotations

import re

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
CELL_IN = re.compile(r"Cell In\[(\d+)\], line (\d+)")


def assign_ids(nb) -> None:
    """Give every cell an id that depends only on its position (`cell-1`, `cell-2`, …)."""
    for number, cell in enumerate(nb.cells, start=1):
        cell["id"] = f"cell-{number}"


def start_lines(text: str, nb) -> list[int | None]:
    """For each cell, the 1-based line in the script of the cell's first source line.

    None for markdown/raw cells and for code cells that cannot be found verbatim (jupytext
    comments out magics, for instance). Cells are searched in order, each after the previous.
    """
    lines = [line.rstrip() for line in text.splitlines()]
    position = 0
    out: list[int | None] = []
    for cell in nb.cells:
        source = cell.source.splitlines()
        first = next((i for i, line in enumerate(source) if line.strip()), None)
        if cell.cell_type != "code" or first is None:
            out.append(None)
            continue
        wanted = source[first].rstrip()
        found = next((i for i in range(position, len(lines)) if lines[i] == wanted), None)
        if found is None:
            out.append(None)
            continue
        start = found - first  # 0-based line of the cell's source line 1
        out.append(start + 1)
        position = start + len(source)
    return out


def file_line(starts: list[int | None], cell_index: int, line_in_cell: int) -> int | None:
    """The script line of line `line_in_cell` (1-based) of cell `cell_index` (0-based)."""
    start = starts[cell_index] if 0 <= cell_index < len(starts) else None
    return None if start is None else start + line_in_cell - 1


def error_location(nb, starts: list[int | None], cell_index: int, output) -> int | None:
    """The script line where the error in `output` (of cell `cell_index`) was raised.

    The innermost traceback frame that is a notebook cell wins (a function defined in an
    earlier cell and called here points into that earlier cell).
    """
    by_count = {c.get("execution_count"): i for i, c in enumerate(nb.cells)
                if c.cell_type == "code" and c.get("execution_count") is not None}
    frames = CELL_IN.findall(ANSI.sub("", "\n".join(output.get("traceback", []))))
    for count, line in reversed(frames):
        index = by_count.get(int(count), cell_index)
        located = file_line(starts, index, int(line))
        if located is not None:
            return located
    return None
