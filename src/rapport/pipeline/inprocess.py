"""Execute a notebook's cells in this process's own IPython shell, as nbclient and ipykernel would.

Used by the forked executor (`rapport.pipeline.zygote`): the child process, forked from a
process that already imported the heavy modules, runs the cells here instead of starting a
kernel and talking to it over ZeroMQ. What ends up in the notebook is what nbclient would write
from ipykernel's messages:

- the shell is ipykernel's own `ZMQInteractiveShell` class with ipykernel's cell compiler (cell
  files `<tmp>/ipykernel_<pid>/<hash>.py`, so warnings and tracebacks name cells the way the
  kernel does and publishing maps them to the script's lines the same way);
- display data and execute results are encoded with ipykernel's `encode_images`/`json_clean`
  and passed through JSON, then turned into outputs with nbformat's `output_from_msg`, as
  nbclient does; matplotlib's inline backend is activated as in a kernel (`MPLBACKEND`);
- what a cell prints is buffered per stream and flushed, stdout first, before each display,
  error and result and at the end of the cell, as ipykernel flushes (ipykernel also flushes
  on a 0,2 s timer, so a slow cell's prints may land in more pieces there, which the
  published pages join again: `publish_notebooks.coalesce_streams`);
- empty cells are skipped, execution counts start at 1, the first error stops the run with
  nbclient's `CellExecutionError` (cells tagged `raises-exception` may fail), and the
  notebook's `language_info` is ipykernel's.

Low-level output written straight to file descriptors 1 and 2 by native code is not captured
(ipykernel forwards it into the cell's stream output); it goes to the child's own stderr.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

CELL_TIMEOUT_SECONDS = 1800


class _Cell:
    """The outputs of the cell being run, and nbclient's handling of `clear_output`."""

    def __init__(self) -> None:
        self.outputs: list = []
        self.clear_on_next = False
        self.buffers = {"stdout": [], "stderr": []}

    def write(self, name: str, text: str) -> None:
        self.buffers[name].append(text)

    def flush(self, only: str | None = None) -> None:
        for name, parts in self.buffers.items():
            if parts and only in (None, name):
                text = "".join(parts)
                parts.clear()
                self.stream(name, text)

    def add(self, output) -> None:
        self.flush()
        if self.clear_on_next:
            self.outputs.clear()
            self.clear_on_next = False
        self.outputs.append(output)

    def stream(self, name: str, text: str) -> None:
        from nbformat.v4 import new_output

        if self.clear_on_next:
            self.outputs.clear()
            self.clear_on_next = False
        last = self.outputs[-1] if self.outputs else None
        if last is not None and last.get("output_type") == "stream" and last.get("name") == name:
            last["text"] += text
        else:
            self.outputs.append(new_output("stream", name=name, text=text))

    def clear(self, wait: bool) -> None:
        self.flush()
        if wait:
            self.clear_on_next = True
        else:
            self.outputs.clear()
            self.clear_on_next = False


_current = _Cell()


class _Stream:
    """sys.stdout / sys.stderr while a cell runs: text goes to the cell's stream outputs."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self, name: str) -> None:
        self.name = name

    def write(self, text) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            _current.write(self.name, text)
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        _current.flush(self.name)

    def isatty(self) -> bool:
        return False

    def readable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    @property
    def closed(self) -> bool:
        return False


def _message_output(msg_type: str, content: dict):
    """The notebook output nbclient makes of a kernel message with `content`."""
    from ipykernel.jsonutil import json_clean
    from nbformat.v4 import output_from_msg

    content = json.loads(json.dumps(json_clean(content)))
    return output_from_msg({"header": {"msg_type": msg_type}, "content": content})


def shell():
    """ipykernel's shell class, publishing into the current cell instead of a socket (one per
    process: the forked executor makes it before its pre-imports, so that they see a kernel's
    shell as a notebook's imports would)."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from ipykernel.compiler import XCachingCompiler
    from ipykernel.jsonutil import encode_images
    from ipykernel.zmqshell import ZMQInteractiveShell
    from traitlets.config import Config

    if ZMQInteractiveShell.initialized():
        return ZMQInteractiveShell.instance()

    class Publisher(DisplayPublisher):
        def publish(self, data, metadata=None, source=None, *, transient=None, update=False,
                    **kwargs):
            if update:
                return  # nbclient updates earlier outputs by display id; none are kept here
            content = {"data": encode_images(data), "metadata": metadata or {},
                       "transient": transient or {}}
            _current.add(_message_output("display_data", content))

        def clear_output(self, wait=False):
            _current.clear(wait)

    class Hook(DisplayHook):
        def start_displayhook(self):
            self.content = {"data": {}, "metadata": {}}

        def write_output_prompt(self):
            self.content["execution_count"] = self.prompt_count

        def write_format_data(self, format_dict, md_dict=None):
            self.content["data"] = encode_images(format_dict)
            self.content["metadata"] = md_dict

        def finish_displayhook(self):
            if self.content["data"]:
                _current.add(_message_output("execute_result", self.content))
            self.content = {"data": {}, "metadata": {}}

    # "zmq" in the class name: pandas (console.in_ipython_frontend) formats frames for a
    # notebook front end only when the shell's type says so, as ipykernel's does.
    class ZMQShell(ZMQInteractiveShell):
        displayhook_class = Hook
        display_pub_class = Publisher

        def _showtraceback(self, etype, evalue, stb):
            _current.add(_message_output("error", {
                "traceback": stb, "ename": str(etype.__name__), "evalue": str(evalue)}))
            self._last_traceback = stb

    config = Config()
    config.HistoryManager.enabled = False  # no history database (and no thread): none reads it
    config.HistoryManager.hist_file = ":memory:"
    return ZMQShell.instance(config=config, compiler_class=XCachingCompiler)


def _timeout(signum, frame):
    from nbclient.exceptions import CellTimeoutError

    raise CellTimeoutError(f"A cell timed out after {CELL_TIMEOUT_SECONDS} seconds.")


def run(nb, cwd: Path) -> None:
    """Execute the code cells of `nb` in order, filling in their outputs and counts.

    Raises nbclient's CellExecutionError for the first cell that raised (its error output
    recorded), as NotebookClient.execute does.
    """
    from ipykernel.ipkernel import IPythonKernel
    from nbclient.exceptions import CellExecutionError

    from rapport.pipeline.execute import KERNEL_START

    os.chdir(cwd)
    ip = shell()
    ip.run_cell(KERNEL_START, store_history=False)  # as the kernel's exec line
    nb.metadata["language_info"] = json.loads(json.dumps(IPythonKernel.language_info))
    real = sys.stdout, sys.stderr
    previous_alarm = signal.signal(signal.SIGALRM, _timeout)
    global _current
    try:
        for cell in nb.cells:
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            _current = _Cell()
            cell.outputs = _current.outputs
            sys.stdout, sys.stderr = _Stream("stdout"), _Stream("stderr")
            signal.alarm(CELL_TIMEOUT_SECONDS)
            try:
                result = ip.run_cell(cell.source, store_history=True, silent=False,
                                        cell_id=cell.get("id"))
            finally:
                signal.alarm(0)
                _current.flush()
                sys.stdout, sys.stderr = real
            cell.outputs = _current.outputs
            cell.execution_count = ip.execution_count - 1
            allowed = "raises-exception" in cell.metadata.get("tags", [])
            if not result.success and not allowed:
                error = next((o for o in cell.outputs if o.get("output_type") == "error"), None)
                raise CellExecutionError.from_cell_and_msg(cell, {
                    "ename": error.get("ename") if error else "",
                    "evalue": error.get("evalue") if error else "",
                    "traceback": error.get("traceback", []) if error else []})
    finally:
        sys.stdout, sys.stderr = real
        signal.signal(signal.SIGALRM, previous_alarm)
