"""The forked executor: import the heavy modules once, then fork a fresh child per notebook.

`python -m rapport.pipeline.zygote` (started once per build by the runner, `Zygote`) imports
what every notebook imports (pandas, pyarrow, matplotlib, statsmodels, pandera, the package,
IPython and ipykernel), then waits for requests on its standard input, one JSON line each:
`{"id", "source", "output", "cwd", "env", "stdout", "stderr"}`. For each it forks a child
that takes the working directory and exactly the environment given (as the runner's
subprocess would), sends its standard output and error to the files named, runs the notebook
with `rapport.pipeline.execute.execute` through an in-process IPython shell
(`rapport.pipeline.inprocess`) and exits with execute's status. When a child ends, the zygote
answers `{"id", "status"}` on its standard output (status < 0: killed by that signal).

Isolation: the zygote itself never runs notebook code, so nothing a notebook does (modules it
imports, rcParams, module globals, sys.path, environment, warnings filters, cwd) can reach
another notebook; each child starts from the zygote's state, which is that of a process that
imported those modules and nothing else. Random generators are reseeded from the OS in the
child (`random` does so itself on fork; numpy's global generator here), as in a fresh process.

Linux only (fork, pidfd); elsewhere, or with `RAPPORT_EXECUTOR=nbclient`, the runner starts
`python -m rapport.pipeline.execute` per notebook instead (nbclient and a fresh kernel).
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
import traceback
from pathlib import Path

EXECUTOR_ENV = "RAPPORT_EXECUTOR"
PRELOAD = ("numpy", "pandas", "pyarrow", "pyarrow.parquet", "matplotlib", "matplotlib.pyplot",
           "statsmodels.api", "pandera", "scipy.stats", "jupytext", "nbformat", "nbclient",
           "IPython", "ipykernel.zmqshell", "ipykernel.ipkernel", "ipykernel.compiler",
           "duckdb", "ibis", "rapport", "rapport.data", "rapport.stats", "rapport.exhibits",
           "rapport.register", "rapport.pipeline.execute", "rapport.pipeline.inprocess")
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


def available() -> bool:
    """Whether the forked executor is used: Linux (fork and pidfd), unless switched off."""
    wanted = os.environ.get(EXECUTOR_ENV, "fork")
    if wanted not in ("fork", "nbclient"):
        raise ValueError(f"{EXECUTOR_ENV}={wanted!r}: expected 'fork' or 'nbclient'")
    return wanted == "fork" and sys.platform == "linux" and hasattr(os, "pidfd_open")


def preload() -> None:
    import importlib

    # As ipykernel_launcher does: the working directory is not on sys.path while modules load
    # (the child puts '' back where IPython does, `_kernel_path`).
    if sys.path and (sys.path[0] == "" or Path(sys.path[0]) == Path.cwd()):
        del sys.path[0]

    # As ipykernel does before any user code: figures go inline (matplotlib reads this once).
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    environ = dict(os.environ)
    from rapport.pipeline import inprocess

    # The kernel's shell first, then the imports inside it, as a notebook's first cell would
    # import them (pandas, for one, sets its display defaults from whether a kernel runs it).
    ip = inprocess.shell()
    with ip.builtin_trap:
        for name in PRELOAD:
            try:
                importlib.import_module(name)
            except ImportError:
                pass
    # What the shell and the imports set (TERM, PYDEVD_USE_FRAME_EVAL, …): the child's
    # environment is the notebook's own plus these, as in a kernel.
    PRELOADED["env"] = {k: v for k, v in os.environ.items() if environ.get(k) != v}


PRELOADED: dict = {}


def _die_with_parent() -> None:
    """Ask Linux to kill this child when the zygote ends (no orphan keeps writing)."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _kernel_path() -> None:
    """'' on sys.path before the first site-packages, as IPython's InteractiveShellApp puts it."""
    if "" in sys.path or sys.flags.safe_path:
        return
    index = next((i for i, path in enumerate(sys.path)
                  if os.path.basename(path) in ("site-packages", "dist-packages")), 0)
    sys.path.insert(index, "")


def _child(request: dict) -> int:
    """In the forked child: become the notebook's process and run it."""
    _die_with_parent()
    out = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    null = os.open(os.devnull, os.O_RDONLY)
    for fd, target in ((null, 0), (out, 1), (err, 2)):
        os.dup2(fd, target)
        os.close(fd)
    sys.stdin = open(0, encoding="utf-8", closefd=False)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False, buffering=1)
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False, buffering=1)
    os.environ.clear()
    os.environ.update(request["env"])
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    os.environ.update(PRELOADED.get("env", {}))
    os.chdir(request["cwd"])
    import tempfile

    tempfile.tempdir = None  # the notebook's TMPDIR, not the zygote's
    from rapport.pipeline import LEAN_IMPORTS

    for name in LEAN_IMPORTS:  # the notebook's own code may import them, as in a kernel
        if name in sys.modules and sys.modules[name] is None:
            del sys.modules[name]
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed()
    _kernel_path()
    import ipykernel

    # What a kernel's process has: its launcher as argv[0], its parent's pid (jupyter_client).
    sys.argv = [str(Path(ipykernel.__file__).parent.parent / "ipykernel_launcher.py")]
    os.environ["JPY_PARENT_PID"] = str(os.getppid())
    from rapport.pipeline import execute, inprocess

    return execute.execute(Path(request["source"]), Path(request["output"]),
                           Path(request["cwd"]), run=inprocess.run)


def serve() -> int:
    """The zygote's loop: requests on stdin, a forked child each, answers on stdout."""
    answers = os.dup(1)  # the answers' pipe; whatever a module prints goes to stderr instead
    os.dup2(2, 1)
    preload()
    os.write(answers, b'{"ready": true}\n')
    buffer = b""
    running: dict[int, tuple[int, int]] = {}  # pidfd -> (pid, request id)
    stdin_open = True
    while stdin_open or running:
        watched = ([0] if stdin_open else []) + list(running)
        ready, _, _ = select.select(watched, [], [])
        for fd in ready:
            if fd == 0:
                chunk = os.read(0, 65536)
                if not chunk:
                    stdin_open = False
                    continue
                buffer += chunk
                while b"\n" in buffer:
                    line, buffer = buffer.split(b"\n", 1)
                    request = json.loads(line)
                    pid = os.fork()
                    if pid == 0:
                        status = 1
                        try:
                            for inherited in (answers, *running):
                                os.close(inherited)
                            status = execute_child(request)
                        finally:
                            os._exit(status)
                    running[os.pidfd_open(pid)] = (pid, request["id"])
            else:
                pid, ident = running.pop(fd)
                os.close(fd)
                _, wait_status = os.waitpid(pid, 0)
                status = os.waitstatus_to_exitcode(wait_status)
                os.write(answers, json.dumps({"id": ident, "status": status}).encode() + b"\n")
    return 0


def execute_child(request: dict) -> int:
    try:
        return _child(request)
    except BaseException:  # noqa: BLE001 - the child must exit with a status, whatever happened
        traceback.print_exc()
        return 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001
                pass


class ZygoteDied(RuntimeError):
    """The zygote process ended before answering."""


class Zygote:
    """The runner's side: start the zygote, run notebooks through it from several threads."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "rapport.pipeline.zygote"], cwd=root, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.lock = threading.Lock()
        self.next_id = 0
        self.waiting: dict[int, list] = {}
        self.dead = False
        self.reader: threading.Thread | None = None

    def _started(self) -> None:
        """Wait (once) until the zygote has imported everything: the runner goes on deciding
        which notebooks are stale meanwhile. Called with the lock held."""
        if self.reader is not None or self.dead:
            return
        first = self.proc.stdout.readline()
        if not first.strip():
            self.dead = True
            raise ZygoteDied(f"the forked executor did not start (exit status {self.proc.wait()})")
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            answer = json.loads(line)
            with self.lock:
                slot = self.waiting.pop(answer["id"])
            slot.append(answer["status"])
            slot[0].set()
        with self.lock:
            self.dead = True
            for slot in self.waiting.values():
                slot[0].set()
            self.waiting.clear()

    def run(self, source: Path, output: Path, cwd: Path, env: dict[str, str],
            stdout: Path, stderr: Path) -> int:
        """Run one notebook in a forked child; its exit status (negative: killed by a signal)."""
        done = threading.Event()
        slot: list = [done]
        with self.lock:
            self._started()
            if self.dead:
                raise ZygoteDied("the forked executor has stopped")
            self.next_id += 1
            ident = self.next_id
            self.waiting[ident] = slot
            request = {"id": ident, "source": str(source), "output": str(output),
                       "cwd": str(cwd), "env": env, "stdout": str(stdout), "stderr": str(stderr)}
            self.proc.stdin.write(json.dumps(request).encode() + b"\n")
            self.proc.stdin.flush()
        done.wait()
        if len(slot) < 2:
            raise ZygoteDied("the forked executor stopped while a notebook ran")
        return slot[1]

    def close(self) -> None:
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        self.proc.wait()


if __name__ == "__main__":
    # Every child has been waited for and nothing is left to save: skip the interpreter's
    # teardown of everything imported (about 1 s at the end of every build).
    code = serve()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
