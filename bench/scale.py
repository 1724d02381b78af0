"""Scale runs of the register analyses (a measurement, not a test): `python bench/run.py scale`.

In a scratch copy of the project (so the working tree is never touched), for each scale (the
generator's `<k>x`: the full-scale person registers k times, offset ids; `1x` is the full
extract):

  generate       `python -m ekspertbistand.generate --scale <k>x` (wall seconds, peak memory)
  <notebook>     each notebook that reads the register, alone and forced, in the order the build
                 runs them: wall seconds and peak memory of the whole command (runner, executor
                 process and kernel), as /usr/bin/time -v reports them
  together       the benchmark's register notebooks (bench/register_notebooks.json) as the build
                 runs them (two at a time on two cores); the peak is the largest single process

Every notebook runs with the forked executor (`rapport.pipeline.zygote`, RAPPORT_EXECUTOR=fork),
as the build runs it: the runner's one zygote per command is part of each figure. The copy is
prepared once at full scale first (every notebook), so a notebook that reads what others
publish (90-avvik) finds their artifacts. Each figure is the median of `--repeat` runs.
The load average before and after each scale is recorded with it, since the machine is shared.
Writes the «Scale» section of bench/results.md.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import pyarrow.parquet as pq

from run import REPO, copy_project, write_results

# The notebooks whose input grows with the scale (03-personer, 05-effekter read the person
# registers) and the deviations appendix, which reads what they publish.
SCALE_NOTEBOOKS = ["03-personer", "05-effekter", "90-avvik"]
ROWS = {"persons": "personer", "spells": "sykefravaerstilfeller", "status rows": "arbeidsmarkedsstatus"}
GNU_TIME = Path("/usr/bin/time")


# The build's executor, whatever the caller's environment says.
NOTEBOOK_ENV = {"RAPPORT_EXECUTOR": "fork"}


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, float]:
    """Wall seconds, peak RSS in GiB (the largest process of the command and its waited-for
    descendants: /usr/bin/time -v's «Maximum resident set size») and CPU seconds (user + system
    of the command and those descendants: what the work costs, whatever else the machine runs)."""
    if not GNU_TIME.exists():
        raise SystemExit("bench scale needs GNU time at /usr/bin/time (Debian package «time»)")
    started = time.perf_counter()
    proc = subprocess.run([str(GNU_TIME), "-v", *cmd], cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, **env) if env else None)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stdout}\n{proc.stderr}")
    report = {line.strip().rsplit(": ", 1)[0]: line.rsplit(": ", 1)[1]
              for line in proc.stderr.splitlines() if ": " in line}
    kib = int(report["Maximum resident set size (kbytes)"])
    cpu = float(report["User time (seconds)"]) + float(report["System time (seconds)"])
    return seconds, kib / 2**20, cpu


def notebook_cmd(stems: list[str]) -> list[str]:
    return [sys.executable, "-c", (
        "from pathlib import Path; from rapport.pipeline.runner import run_notebooks;"
        f"run_notebooks(Path('.').resolve(), force=True, only={stems!r}, log=print)")]


def median_run(cmd: list[str], cwd: Path, repeat: int) -> tuple[float, float, float]:
    """(median wall seconds, largest peak GiB, median CPU seconds) of `repeat` runs."""
    samples = [timed(cmd, cwd, NOTEBOOK_ENV) for _ in range(repeat)]
    return (statistics.median(s[0] for s in samples), max(s[1] for s in samples),
            statistics.median(s[2] for s in samples))


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def measure(work: Path, scale: str, repeat: int, together: list[str]) -> dict:
    """One scale: the extracts generated, then each notebook alone and the register set."""
    py = sys.executable
    before = load()
    gen = timed([py, "-m", "ekspertbistand.generate", "--scale", scale, "--force"], work)
    reg = work / "data" / "raw" / "register"
    rows = {what: pq.ParquetFile(reg / f"{stem}.parquet").metadata.num_rows
            for what, stem in ROWS.items()}
    result = {"scale": scale, "rows": rows, "generate": gen, "notebooks": {}}
    for stem in SCALE_NOTEBOOKS:
        result["notebooks"][stem] = median_run(notebook_cmd([stem]), work, repeat)
        print(f"  {scale} {stem}: {cell(result['notebooks'][stem])}", flush=True)
    result["together"] = median_run(notebook_cmd(together), work, repeat)
    result["load"] = (before, load())
    print(f"  {scale} together: {cell(result['together'])}", flush=True)
    return result


def memory_total() -> str:
    try:
        kib = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal:"))
    except (OSError, StopIteration):
        return "unknown memory"
    return f"{kib / 2**20:.0f} GiB memory"


def number(n: int) -> str:
    return format(n, ",").replace(",", " ")


def cell(m: tuple[float, float, float]) -> str:
    """'19.3 s (12.1 CPU-s) · 0.36 GiB'."""
    return f"{m[0]:.1f} s ({m[2]:.1f} CPU-s) · {m[1]:.2f} GiB"


def section(results: list[dict], repeat: int, together: list[str]) -> str:
    lines = [
        "## Scale",
        "",
        f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'}"
        f" ({platform.processor() or platform.machine()}, {os.cpu_count()} cores,"
        f" {memory_total()}, shared with other work: the load average, 1/5/15 min, is given"
        f" before and after each scale), median of {repeat} run(s). Produced by"
        " `make bench-scale` (bench/run.py scale, bench/scale.py) in a scratch copy; the engine"
        " is the default (DuckDB through Ibis), the executor the build's forked one"
        " (`rapport.pipeline.zygote`: one pre-imported process per command, a fork per"
        " notebook).",
        "",
        "Each notebook alone, forced, with the runner and its forked executor: wall time"
        " (CPU seconds, user + system, which the machine's other load does not inflate as much)"
        " · peak memory of the largest process (/usr/bin/time -v). «Together» is "
        + ", ".join(together) + " as the build runs them, two at a time.",
        "",
        "| | " + " | ".join(r["scale"] for r in results) + " |",
        "|---|" + "---:|" * len(results),
    ]
    for what in ROWS:
        lines.append(f"| {what} | " + " | ".join(number(r["rows"][what]) for r in results) + " |")
    measured = [("generate the extracts", lambda r: r["generate"])]
    measured += [(f"`{s}` alone", lambda r, s=s: r["notebooks"][s]) for s in SCALE_NOTEBOOKS]
    measured += [("register notebooks together", lambda r: r["together"])]
    for name, get in measured:
        lines.append(f"| {name} | " + " | ".join(cell(get(r)) for r in results) + " |")
    lines.append("| load average before → after | "
                 + " | ".join(f"{r['load'][0]} → {r['load'][1]}" for r in results) + " |")
    first = results[0]
    for last in [r for r in results[1:] if r["scale"] in ("10x", results[-1]["scale"])]:
        k = last["rows"]["persons"] / first["rows"]["persons"]
        lines += ["", f"Growth from {first['scale']} to {last['scale']} ({k:.1f} × the persons;"
                  " linear or better when each ratio is at most that):"]
        for name, a, b in [(s, first["notebooks"][s], last["notebooks"][s]) for s in SCALE_NOTEBOOKS] \
                + [("together", first["together"], last["together"])]:
            lines.append(f"- {name}: {b[0] / a[0]:.1f} × the wall time, {b[2] / a[2]:.1f} × the CPU"
                         f" time, {b[1] / a[1]:.1f} × the peak memory")
    lines += [
        "",
        "Goal (issue 16): the register notebooks at 10 × the persons in ≤ 30 s and ≤ 4 GiB peak,"
        " growing at most linearly in time and memory from 1 × to 10 ×; 15 × completing.",
    ]
    ten = next((r for r in results if r["scale"] == "10x"), None)
    if ten is not None:
        wall, peak, cpu = ten["together"]
        met = "met" if wall <= 30 and peak <= 4 else "not met"
        lines.append(f"At 10 ×: {wall:.1f} s wall ({cpu:.1f} CPU-s) and {peak:.2f} GiB: {met}"
                     " (wall time at the load average noted above).")
    return "\n".join(lines) + "\n"


def run_scale(scales: list[str], *, repeat: int = 1, scratch: Path | None = None) -> int:
    together = json.loads((REPO / "bench" / "register_notebooks.json").read_text())
    if scratch is not None:
        scratch.mkdir(parents=True, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="rapport-scale-", dir=scratch) as tmp:
        work = copy_project(tmp)
        py = sys.executable
        timed([py, "-m", "ekspertbistand.generate", "--scale", "full"], work)
        timed([py, "-m", "rapport.pipeline.cli", "prepare"], work)
        for scale in scales:
            results.append(measure(work, scale, repeat, together))
            # Written after every scale: a run stopped at 10x keeps the smaller ones.
            write_results(section(results, repeat, together), section="Scale")
    print(section(results, repeat, together))
    return 0
