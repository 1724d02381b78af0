"""Execute one jupytext percent script as a notebook in a fresh kernel (run as a subprocess).

Usage: python -m rapport.build.execute NOTEBOOK.py OUTPUT.ipynb

The caller sets the RAPPORT_* environment (see rapport.context) and the working directory.
On success the executed notebook is written to OUTPUT.ipynb. When a cell raises, the partly
executed notebook is written to OUTPUT (with `.failed.ipynb`), a short report naming the cell and
the error goes to stderr, and the exit status is 1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

CELL_TIMEOUT_SECONDS = 1800


def _failing_cell(nb) -> tuple[int, object] | tuple[None, None]:
    """The first code cell whose outputs hold an error (1-based index among code cells)."""
    number = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        number += 1
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return number, cell
    return None, None


def _short_error(nb, cell) -> str:
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return f"{output.get('ename')}: {output.get('evalue')}"
    return "unknown error"


def execute(source: Path, output: Path, cwd: Path) -> int:
    nb = jupytext.read(source)
    # Drop outputs a percent script cannot carry anyway, and any kernelspec it names: the run
    # always uses the project's own interpreter.
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    # nbformat gives each cell a random id; the executed notebook is published (analyse/*.html),
    # so number the cells instead: the same script gives the same page.
    for index, cell in enumerate(nb.cells, start=1):
        cell["id"] = f"cell-{index}"
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT_SECONDS,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
    )
    failed = output.with_name(output.stem + ".failed.ipynb")
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        nbformat.write(nb, failed)
        number, cell = _failing_cell(nb)
        if cell is not None:
            first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
            print(
                f"notebook {source.name} failed in code cell {number} («{first_line[:70]}»):\n"
                f"  {_short_error(nb, cell)}\n"
                f"  executed notebook with the traceback: {failed}",
                file=sys.stderr,
            )
        else:
            print(f"notebook {source.name} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    nbformat.write(nb, output)
    failed.unlink(missing_ok=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    return execute(Path(args[0]), Path(args[1]), Path(os.getcwd()))


if __name__ == "__main__":
    sys.exit(main())
