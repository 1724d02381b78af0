"""Save-to-reload times of the live preview (a measurement, not a test): `python bench/run.py
preview`.

In a scratch copy of a report (the flagship by default; `--new` measures a report made by
`rapport new` instead), after one full build, `rapport preview` is started as an author starts
it, and the benchmark listens to its events the way the page's reload script does. Each
measured time runs from the moment a file is saved to the moment the reloaded page has been
fetched from the preview server:

  prose edit     one sentence added to a chapter (the page is rendered again, no notebook runs)
  notebook edit  a comment added to the notebook behind that chapter (it runs, then the page)

Each figure is the median of `--repeat` saves. Writes the «Preview» section of
bench/results.md; the machine's load average is recorded with it, since the machine is shared.
"""

from __future__ import annotations

import http.client
import os
import platform
import queue
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from run import copy_project, write_results

EVENTS = "/__rapport/events"  # rapport.pipeline.preview.EVENTS
FLAGSHIP = ("chapters/03-bruk.qmd", "notebooks/03-ikke-mottakere.py", "03-bruk.html")
NEW_REPORT = ("chapters/01-resultater.qmd", "notebooks/01-resultater.py", "01-resultater.html")
TIMEOUT = 900.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listen(port: int, events: queue.Queue) -> None:
    """Put (event name, arrival time) for each server-sent event of the preview."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    conn.request("GET", EVENTS)
    response = conn.getresponse()
    while True:
        line = response.fp.readline()
        if not line:
            return
        if line.startswith(b"event: "):
            events.put((line[7:].decode().strip(), time.perf_counter()))


def wait_for(events: queue.Queue, name: str) -> float:
    while True:
        event, at = events.get(timeout=TIMEOUT)
        if event == "failed":
            raise RuntimeError("the preview build failed")
        if event == name:
            return at


def save_and_reload(path: Path, text: str, port: int, page: str, events: queue.Queue) -> float:
    """Seconds from saving `text` into `path` to the fetched reloaded `page`."""
    while not events.empty():
        events.get_nowait()
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    saved = time.perf_counter()
    wait_for(events, "reload")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/" + page)
    body = conn.getresponse().read()
    assert b"<html" in body[:2000].lower(), page
    return time.perf_counter() - saved


def run_preview(*, repeat: int = 3, new_report: bool = False) -> int:
    py = sys.executable
    chapter, notebook, page = NEW_REPORT if new_report else FLAGSHIP
    with tempfile.TemporaryDirectory(prefix="rapport-bench-preview-") as tmp:
        if new_report:
            work = Path(tmp) / "ny"
            subprocess.run([str(Path(py).parent / "rapport"), "new", str(work)], check=True)
        else:
            work = copy_project(tmp)
        started = time.perf_counter()
        subprocess.run([py, "-m", "rapport.pipeline.cli", "report"], cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
        cold = time.perf_counter() - started
        port = free_port()
        server = subprocess.Popen([py, "-m", "rapport.pipeline.cli", "preview", "--port",
                                   str(port)], cwd=work, stdout=subprocess.PIPE, text=True)
        try:
            for line in server.stdout:  # the first preview build, then the address
                if line.startswith("==> preview: http"):
                    break
            events: queue.Queue = queue.Queue()
            threading.Thread(target=listen, args=(port, events), daemon=True).start()
            time.sleep(0.5)  # subscribed before the first save
            load_before = os.getloadavg()
            prose = [save_and_reload(work / chapter, f"\nEn ny setning nummer {i}.\n", port,
                                     page, events) for i in range(repeat)]
            code = [save_and_reload(work / notebook, f"\n# kommentar {i}\n", port, page, events)
                    for i in range(repeat)]
            load_after = os.getloadavg()
        finally:
            server.terminate()
            server.wait(timeout=30)
    which = "a report made by `rapport new`" if new_report else "the flagship report"
    text = "\n".join([
        "## Preview",
        "",
        f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on "
        f"{platform.node() or 'this machine'} ({os.cpu_count()} cores), {which}, median of "
        f"{repeat} saves; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after. "
        "Produced by `python bench/run.py preview` (bench/preview.py).",
        "",
        "| step | seconds (median) | min | max |",
        "|---|---:|---:|---:|",
        f"| full build before the preview starts | {cold:.1f} | | |",
        f"| prose edit: save to reloaded page | {statistics.median(prose):.2f} | "
        f"{min(prose):.2f} | {max(prose):.2f} |",
        f"| notebook edit: save to reloaded page | {statistics.median(code):.2f} | "
        f"{min(code):.2f} | {max(code):.2f} |",
        "",
        "Goal (issue 14): a prose edit ≤ 1 s on these machines.",
        "",
    ])
    write_results(text, section="Preview")
    print(text)
    return 0
