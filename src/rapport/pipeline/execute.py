"""Execute one jupytext percent script as a notebook in a fresh kernel (run as a subprocess).

Usage: python -m rapport.pipeline.execute NOTEBOOK.py OUTPUT.ipynb

This is the nbclient path. The forked executor (`rapport.pipeline.zygote`, the runner's default
on Linux) calls `execute` too, in a forked child, with the cells run in-process
(`rapport.pipeline.inprocess.run`): the notebook's preparation, the failure copy, messages and
report below are the same code for both.

The caller sets the RAPPORT_* environment (see rapport.context) and the working directory.
The kernel records every project file it opens (`rapport.data.audit`, installed at start-up).
Cell ids are the cells' positions, so two runs of the same script give the same notebook.

On success the executed notebook is written to OUTPUT.ipynb. When a cell raises, the partly
executed notebook is written beside OUTPUT (`.failed.ipynb`), a short report naming the
notebook's file and line, the cell and the error goes to stderr, the same facts go to
`OUTPUT.failure.json` (for the runner, which reports one bad input file once however many
notebooks read it), and the exit status is 1.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from rapport.pipeline.cells import assign_ids, error_location, start_lines

CELL_TIMEOUT_SECONDS = 1800
RUN_METADATA = "rapport-run"
KERNEL_START = "__import__('rapport.data.audit', fromlist=['install']).install()"


def _failing_cell(nb) -> tuple[int, int, object, object] | None:
    """(index among all cells, 1-based number among code cells, cell, error output)."""
    number = 0
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        number += 1
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return index, number, cell, output
    return None


def _shown(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return str(path)


def failure_path(output: Path) -> Path:
    return output.with_name(output.stem + ".failure.json")


KERNEL_START_ATTEMPTS = 3


def _started_no_cell(nb) -> bool:
    return not any(c.get("execution_count") or c.get("outputs")
                   for c in nb.cells if c.cell_type == "code")


def _run(nb, cwd: Path) -> None:
    """Execute `nb` in a fresh kernel. A kernel that dies while starting, before any cell ran
    (seen under load: two kernels picked the same free TCP port, «Address already in use»),
    is started again, up to KERNEL_START_ATTEMPTS times; no user code has run, so nothing
    about the result depends on it."""
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        client = NotebookClient(
            nb,
            timeout=CELL_TIMEOUT_SECONDS,
            kernel_name="python3",
            resources={"metadata": {"path": str(cwd)}},
            record_timing=False,
            extra_arguments=[f"--IPKernelApp.exec_lines={KERNEL_START}"],
        )
        try:
            client.execute()
            return
        except RuntimeError as exc:
            if (attempt == KERNEL_START_ATTEMPTS or "before replying to kernel_info" not in
                    str(exc) or not _started_no_cell(nb)):
                raise
            print(f"kernel did not start ({exc}); starting it again", file=sys.stderr)


def execute(source: Path, output: Path, cwd: Path, run=None) -> int:
    """Run `source` and write the executed notebook to `output` (status 0) or the failure
    copy and report (status 1). `run(nb, cwd)` executes the cells in place: nbclient and a
    fresh kernel by default, or `rapport.pipeline.inprocess.run` in a forked child."""
    text = source.read_text(encoding="utf-8")
    nb = jupytext.reads(text, fmt="py:percent")
    assign_ids(nb)
    # The run always uses the project's own interpreter, whatever kernelspec the script names.
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    failed = output.with_name(output.stem + ".failed.ipynb")
    report = failure_path(output)
    report.unlink(missing_ok=True)
    shown = _shown(source, cwd)
    try:
        (run or _run)(nb, cwd)
    except (CellExecutionError, CellTimeoutError, DeadKernelError, AssertionError,
            RuntimeError) as exc:
        # A cell's error is the cause even when nbclient's kernel clean-up then fails on its
        # own (seen under load: `assert self.km is not None`): report the failing cell first.
        nbformat.write(nb, failed)
        found = _failing_cell(nb)
        facts = {"notebook": shown, "executed": _shown(failed, cwd)}
        if found is not None:
            index, number, cell, out = found
            line = error_location(nb, start_lines(text, nb), index, out)
            first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
            facts.update(cell=number, line=line, first_line=first_line[:70],
                         error=f"{out.get('ename')}: {out.get('evalue')}",
                         ename=out.get("ename"), evalue=out.get("evalue"))
            where = f"{shown}:{line}" if line else shown
            print(
                f"notebook {source.name} failed in code cell {number}, {where} "
                f"(«{first_line[:70]}»):\n"
                f"  {facts['error']}\n"
                f"  executed notebook with the traceback: {facts['executed']}",
                file=sys.stderr,
            )
        else:
            facts.update(error=f"{type(exc).__name__}: {exc}")
            print(f"notebook {source.name} failed: {facts['error']}", file=sys.stderr)
        report.write_text(json.dumps(facts, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        return 1
    # Where it ran, so that publishing can write those paths out even after the project moved
    # (the published copy drops this key: rapport.pipeline.publish_notebooks).
    nb.metadata[RUN_METADATA] = {"root": str(cwd.resolve())}
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
