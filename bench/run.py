"""Benchmark the build on the full-scale example (a measurement, not a test).

Runs in a scratch copy of the project (so the working tree is never touched), with this
project's interpreter, and writes the figures to bench/results.md:

  generate      the synthetic register extracts at full scale (seconds, peak memory)
  cold          a full build from nothing but the data (notebooks + render), with the forked
                executor (the default) and, in the same run, with nbclient and a fresh kernel
                per notebook (RAPPORT_EXECUTOR=nbclient); the two builds' artifacts, executed
                notebooks, notebook pages and book are compared byte for byte
  no-op         the same build again, nothing changed
  prose edit    one sentence added to a chapter (no notebook may run)
  survey edit   one survey export changed (only the notebooks that read it may run)
  register      the register notebooks on their own, forced (seconds, peak memory)

Each figure is the median of `--repeat` runs; ratios are against the cold build of the same run.

`scale` mode (`python bench/run.py scale`, `make bench-scale`) measures the register analyses at
larger-than-life scales instead (bench/scale.py): the generator's `<k>x` extracts, and every
notebook that reads the register on its own, each with its wall time and peak memory. It writes
the «Scale» section of bench/results.md and leaves the rest of the file as it was; the default
mode keeps the «Scale» section.

`preview` mode (`python bench/run.py preview`, `make bench-preview`) measures the live preview's
save-to-reload times (bench/preview.py) into the «Preview» section.

Usage: python bench/run.py [--repeat 1]
       python bench/run.py scale [--scales 1x,2x,5x,10x,15x] [--repeat 1] [--scratch DIR]
       python bench/run.py preview [--repeat 3] [--new]
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[1]
# .tmp: the engineers' TMPDIR lives inside the clone, and the copy may be made under it.
COPY_IGNORE = shutil.ignore_patterns(".venv", ".git", ".tmp", "_build", "_book", "_variables.yml",
                                     "*.staging")
SURVEY_FILE = "data/raw/survey/ikke_mottakere_2024.csv"
PROSE_FILE = "chapters/03-bruk.qmd"


WRAP = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
        "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print('MAXRSS_KIB', u.ru_maxrss, 'CPU_S', u.ru_utime + u.ru_stime, "
        "file=sys.stderr); sys.exit(r.returncode)")


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, str, float]:
    """Wall seconds, peak RSS (GiB) of the largest process the command ran, its output, and
    the CPU seconds (user + system) of every process it ran (which other load on a shared
    machine inflates less than the wall time).

    The command runs under a small wrapper whose RUSAGE_CHILDREN high-water mark covers every
    waited-for descendant (notebook subprocesses and their kernels included).
    """
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", WRAP, *cmd], cwd=cwd, capture_output=True,
                          text=True, env=env)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stdout}\n{proc.stderr}")
    fields = proc.stderr.rsplit("MAXRSS_KIB", 1)[1].split()
    return seconds, int(fields[0]) / 2**20, proc.stdout, float(fields[2])


def ran_notebooks(output: str) -> list[str]:
    return sorted(line.split(":")[0].strip() for line in output.splitlines() if ": done in" in line)


def copy_project(tmp: str) -> Path:
    """A scratch copy of the project under `tmp`, without the register extracts."""
    work = Path(tmp) / "proj"
    shutil.copytree(REPO, work, ignore=COPY_IGNORE, symlinks=True)
    (work / ".venv").symlink_to(REPO / ".venv")  # the CSL style and fonts live there
    shutil.rmtree(work / "data" / "raw" / "register", ignore_errors=True)
    return work


COMPARED = ("_build/artifacts", "_build/executed", "_build/notebooks", "_book")


def digests(work: Path) -> dict[str, str]:
    """Every file of the compared outputs, with its content hash."""
    import hashlib

    out = {}
    for folder in COMPARED:
        for path in sorted((work / folder).rglob("*")):
            if path.is_file():
                out[path.relative_to(work).as_posix()] = hashlib.sha256(
                    path.read_bytes()).hexdigest()
    return out


def load() -> str:
    import os

    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


SECTIONS = ("Scale", "Preview")  # written by the other modes, kept by each


def write_results(text: str, *, section: str | None = None) -> None:
    """Write bench/results.md: the main part (section None) or the «## <section>» section,
    keeping whatever the other modes wrote."""
    path = REPO / "bench" / "results.md"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    parts = re.split(r"\n(?=## (?:%s)\n)" % "|".join(SECTIONS), "\n" + old)
    head, kept = parts[0].strip("\n"), {}
    for part in parts[1:]:
        kept[part.splitlines()[0][3:].strip()] = part.strip("\n")
    if section is None:
        head = text.strip("\n")
    else:
        kept[section] = text.strip("\n")
    blocks = [head] if head else []
    blocks += [kept[name] for name in SECTIONS if name in kept]
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", default="build", choices=("build", "scale", "preview"))
    parser.add_argument("--new", action="store_true",
                        help="preview mode: measure a report made by `rapport new`")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--scales", default="1x,2x,5x,10x,15x",
                        help="scale mode: the generator scales to measure, comma-separated")
    parser.add_argument("--scratch", type=Path, default=None,
                        help="scale mode: a directory for the copy (default: a temporary one)")
    args = parser.parse_args(argv)
    if args.mode == "preview":
        from preview import run_preview  # bench/preview.py, beside this file

        return run_preview(repeat=args.repeat, new_report=args.new)
    if args.mode == "scale":
        from scale import run_scale  # bench/scale.py, beside this file

        return run_scale(args.scales.split(","), repeat=args.repeat, scratch=args.scratch)
    py = sys.executable
    rows: list[tuple[str, float, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="rapport-bench-") as tmp:
        work = copy_project(tmp)

        gen = run([py, "-m", "ekspertbistand.generate", "--scale", "full"], work)
        rows.append(("generate register data (full scale)", gen[0], gen[1], ""))

        colds, old_colds, noops, proses, surveys = [], [], [], [], []
        ran_prose: list[str] = []
        ran_survey: list[str] = []
        differ: set[str] = set()
        loads = [load()]
        import os

        old_env = dict(os.environ, RAPPORT_EXECUTOR="nbclient")
        for _ in range(args.repeat):
            for path in ("_build", "_book"):
                shutil.rmtree(work / path, ignore_errors=True)
            old_colds.append(run([py, "-m", "rapport.pipeline.cli", "report"], work, old_env))
            old = digests(work)
            for path in ("_build", "_book"):
                shutil.rmtree(work / path, ignore_errors=True)
            colds.append(run([py, "-m", "rapport.pipeline.cli", "report"], work))
            new = digests(work)
            differ |= {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}
            noops.append(run([py, "-m", "rapport.pipeline.cli", "report"], work))
            chapter = work / PROSE_FILE
            chapter.write_text(chapter.read_text() + "\nEn ny setning i prosaen.\n")
            proses.append(run([py, "-m", "rapport.pipeline.cli", "report"], work))
            ran_prose = ran_notebooks(proses[-1][2])
            survey = work / SURVEY_FILE
            data = survey.read_bytes()
            # Same answers, different bytes: the other line-ending convention.
            survey.write_bytes(data.replace(b"\r\n", b"\n") if b"\r\n" in data
                               else data.replace(b"\n", b"\r\n"))
            surveys.append(run([py, "-m", "rapport.pipeline.cli", "report"], work))
            ran_survey = ran_notebooks(surveys[-1][2])
            survey.write_bytes(data)

        def med(samples, i=0):
            return statistics.median(s[i] for s in samples)

        loads.append(load())
        cold = med(colds)
        old_cold = med(old_colds)
        same = ("byte-identical: " + ", ".join(COMPARED)) if not differ else (
            "DIFFER: " + ", ".join(sorted(differ)[:8]))
        cpu, old_cpu = med(colds, 3), med(old_colds, 3)
        rows += [
            ("cold build, nbclient executor (a kernel per notebook)", old_cold,
             max(s[1] for s in old_colds), f"{old_cpu:.1f} CPU-s"),
            ("cold build (notebooks + render), forked executor", cold, max(s[1] for s in colds),
             f"{cpu:.1f} CPU-s; {old_cold / cold:.2f} × faster than nbclient in wall time, "
             f"{old_cpu / cpu:.2f} × in CPU; {same}"),
            ("no-op rebuild", med(noops), max(s[1] for s in noops), "none ran"),
            ("rebuild after a prose edit", med(proses), max(s[1] for s in proses),
             ", ".join(ran_prose) or "none ran"),
            ("rebuild after one survey file changed", med(surveys), max(s[1] for s in surveys),
             ", ".join(ran_survey) or "none ran"),
        ]
        register = json.loads((REPO / "bench" / "register_notebooks.json").read_text())
        register_cmd = [py, "-c", (
            "from pathlib import Path; from rapport.pipeline.runner import run_notebooks;"
            f"run_notebooks(Path('.').resolve(), force=True, only={register!r}, log=print)"
        )]
        scaling = []
        for scale in ("full", "small"):
            run([py, "-m", "ekspertbistand.generate", "--scale", scale], work)
            persons = pq.ParquetFile(work / "data/raw/register/personer.parquet").metadata.num_rows
            reg = run(register_cmd, work)
            scaling.append((scale, persons, reg[0], reg[1]))
            count = format(persons, ",").replace(",", " ")
            rows.append((f"register notebooks alone, {scale} scale ({count} persons)",
                         reg[0], reg[1], ", ".join(register)))

    lines = [
        "# Benchmark",
        "",
        f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'}"
        f" ({platform.processor() or platform.machine()}, {__import__('os').cpu_count()} cores),"
        f" median of {args.repeat} run(s), load average (1/5/15 min) {loads[0]} before,"
        f" {loads[1]} after the builds. Produced by `make bench` (bench/run.py).",
        "",
        "| step | seconds | % of cold | peak memory (GiB) | notebooks that ran |",
        "|---|---:|---:|---:|---|",
    ]
    for name, seconds, peak, note in rows:
        share = f"{100 * seconds / cold:.1f}" if "rebuild" in name else ""
        mem = "" if peak != peak else f"{peak:.2f}"
        lines.append(f"| {name} | {seconds:.1f} | {share} | {mem} | {note} |")
    lines += [
        "",
        "Goals (issue 2): no-op ≤ 3 % of cold; prose edit ≤ 10 % of cold with no notebook run;",
        "one survey file changed ≤ 30 % of cold with only its readers run.",
        "Issue 5: register notebooks together < 60 s and < 4 GiB peak on 2 cores.",
        "Issue 16: cold full-scale build ≤ 20 s on 2 cores (the forked executor's row).",
    ]
    (full, n_full, t_full, _), (_, n_small, t_small, _) = scaling
    lines += [
        "",
        f"Scaling: {n_full / n_small:.1f} × the persons took {t_full / t_small:.1f} × the time in the"
        " register notebooks (linear or better when the second ratio is not larger than the first;"
        " fixed costs such as kernel start-up make small runs relatively slower).",
    ]
    text = "\n".join(lines) + "\n"
    write_results(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
