"""Run the analysis notebooks that are stale, in parallel, and publish their artifacts.

Each notebook (`notebooks/NN-name.py`, a jupytext percent script) runs in its own process,
working directory the project root: on Linux a child forked from a process that imported the
heavy modules once per build (`rapport.pipeline.zygote`), elsewhere or with
`RAPPORT_EXECUTOR=nbclient` a subprocess with nbclient and a fresh kernel
(`rapport.pipeline.execute`); both write the same executed notebook and failure report. It publishes into a staging directory and
its executed notebook is written beside it; only when it succeeds do they replace
`_build/artifacts/<stem>/` and `_build/executed/<stem>.ipynb`, and only then is its cache entry
written. A failing notebook therefore publishes nothing and leaves the previous artifacts,
executed notebook and cache entry of every notebook as they were. After the runs, the pages
readers see (`_build/notebooks/`) are derived from the executed notebooks
(`rapport.pipeline.publish_notebooks`).

A notebook that reads what another published (`rapport.data.read_published`,
`published_facts`) runs after it: the runner orders the notebooks by those reads (named in the
source, and recorded in the last run's read log) and decides whether a reader is stale only
after its publishers ran, so a changed table reruns its readers in the same build.

When several notebooks fail with the same error (one bad input file read by five notebooks),
the error is reported once, with every notebook and line that hit it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from rapport import context
from rapport.fsutil import replace_dir
from rapport.pipeline import publish_notebooks
from rapport.pipeline.cache import Cache, Entry, Environment, dedupe_reads, tree_sha256
from rapport.pipeline import zygote as forked
from rapport.data.recorder import file_sha256


class NotebookError(RuntimeError):
    """A notebook raised; the message names the notebook, the cell and the error."""


@dataclass
class Outcome:
    stem: str
    status: str  # "cached" | "ran" | "failed"
    reason: str = ""
    seconds: float = 0.0
    message: str = ""
    failure: dict | None = None  # what execute reported (file, line, error), when it failed


def discover(root: Path) -> list[Path]:
    """The analysis notebooks, in name order."""
    return sorted(p for p in (root / "notebooks").glob("*.py") if not p.name.startswith("_"))


_PUBLISHED_CALL = re.compile(r"""\b(?:read_published|published_facts)\(\s*["']([^"']+)["']""")


def upstream(source: Path, cache: Cache, stems: set[str]) -> set[str]:
    """The notebooks whose artifacts `source` reads: named in its calls of
    `read_published`/`published_facts`, or recorded under `_build/artifacts/` in its last run."""
    deps = set(_PUBLISHED_CALL.findall(source.read_text(encoding="utf-8")))
    entry = cache.load(source.stem)
    for read in entry.reads if entry else []:
        parts = read["path"].split("/")
        if parts[:2] == ["_build", "artifacts"] and len(parts) > 3:
            deps.add(parts[2])
    return (deps & stems) - {source.stem}


def levels(deps: dict[str, set[str]]) -> list[list[str]]:
    """The notebooks in runs that may go in parallel: each after every notebook it reads.
    Raises NotebookError for a cycle, naming its notebooks."""
    left = dict(deps)
    order: list[list[str]] = []
    while left:
        ready = sorted(stem for stem, d in left.items() if not d & set(left))
        if not ready:
            raise NotebookError("notebooks read each other's artifacts in a cycle: "
                                + ", ".join(f"notebooks/{s}.py" for s in sorted(left)))
        order.append(ready)
        for stem in ready:
            del left[stem]
    return order


def workers() -> int:
    """Parallel notebook runs: one per core (2 on these machines), at least one."""
    return max(1, min(os.cpu_count() or 1, int(os.environ.get("RAPPORT_JOBS", "0")) or 99))


def _kernel_env(root: Path, stem: str, staging: Path, reads: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            context.ENV_ROOT: str(root),
            context.ENV_NOTEBOOK: stem,
            context.ENV_ARTIFACTS: str(staging),
            context.ENV_READS: str(reads),
            "PYTHONHASHSEED": "0",
        }
    )
    # The kernel's `python` must be this interpreter (ipykernel's kernelspec calls `python`).
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop("MPLBACKEND", None)  # let the kernel show figures inline in the executed notebook
    return env


def _zygote_env(root: Path) -> dict[str, str]:
    """The zygote's environment: what every notebook's process gets before its own variables
    (the hash seed cannot change after start-up)."""
    env = _kernel_env(root, "", root, root)
    for name in (context.ENV_NOTEBOOK, context.ENV_ARTIFACTS, context.ENV_READS):
        env.pop(name, None)
    return env


def _exit_message(status: int) -> str:
    if status < 0:
        import signal

        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        return f"exit status {status} (killed by {name})"
    return f"exit status {status}"


def _execute(root: Path, source: Path, staged_nb: Path, env: dict[str, str],
             zygote: "forked.Zygote | None") -> tuple[int, str, str]:
    """Run the notebook: (exit status, stdout, stderr), through the zygote when there is one."""
    if zygote is not None:
        out = staged_nb.with_name(staged_nb.stem + ".stdout")
        err = staged_nb.with_name(staged_nb.stem + ".stderr")
        try:
            status = zygote.run(source, staged_nb, root, env, out, err)
        except forked.ZygoteDied:
            status = None
        if status is not None:
            texts = []
            for path in (out, err):
                texts.append(path.read_text(encoding="utf-8", errors="replace")
                             if path.exists() else "")
                path.unlink(missing_ok=True)
            return status, texts[0], texts[1]
    proc = subprocess.run(
        [sys.executable, "-m", "rapport.pipeline.execute", str(source), str(staged_nb)],
        cwd=root, env=env, capture_output=True, text=True)
    return proc.returncode, proc.stdout, proc.stderr


def run_one(root: Path, source: Path, cache: Cache, env_hashes: Environment,
            zygote: "forked.Zygote | None" = None) -> Outcome:
    stem = source.stem
    build = root / "_build"
    final = build / "artifacts" / stem
    staging = build / "staging" / stem
    reads = build / "staging" / f"{stem}.reads.jsonl"
    staged_nb = build / "staging" / f"{stem}.ipynb"
    executed = build / "executed" / f"{stem}.ipynb"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    reads.unlink(missing_ok=True)
    staged_nb.unlink(missing_ok=True)
    executed.parent.mkdir(parents=True, exist_ok=True)
    source_hash = file_sha256(source)

    started = time.perf_counter()
    status, stdout, stderr = _execute(root, source, staged_nb,
                                      _kernel_env(root, stem, staging, reads), zygote)
    seconds = time.perf_counter() - started
    if status != 0:
        shutil.rmtree(staging, ignore_errors=True)
        reads.unlink(missing_ok=True)
        message = stderr.strip() or stdout.strip()
        if status < 0 or not message:
            # Killed (out of memory, a signal): nothing of it was reported by the notebook's
            # process itself, so say which notebook and how it ended.
            ended = f"notebook {source.name} failed: its process ended with {_exit_message(status)}"
            message = ended + (f"\n{message}" if message else "")
        from rapport.pipeline.execute import failure_path  # jupytext, nbclient: when one ran

        report = failure_path(staged_nb)
        try:
            failure = json.loads(report.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            failure = None
        report.unlink(missing_ok=True)
        return Outcome(stem, "failed", seconds=seconds, message=message, failure=failure)

    read_lines = reads.read_text(encoding="utf-8").splitlines() if reads.exists() else []
    reads.unlink(missing_ok=True)
    # Invalidate first: if we are killed between the swaps and the new entry, the notebook reruns.
    cache.invalidate(stem)
    replace_dir(staging, final)
    os.replace(staged_nb, executed)
    cache.store(
        stem,
        Entry(
            source=source_hash,
            package=env_hashes.package,
            lock=env_hashes.lock,
            reads=dedupe_reads(read_lines),
            artifacts=tree_sha256(final),
            executed=file_sha256(executed),
            seconds=round(seconds, 2),
        ),
    )
    return Outcome(stem, "ran", seconds=seconds)


def failure_report(failed: list[Outcome]) -> str:
    """The failures, one block per distinct error: the same error from several notebooks (one
    bad input file that all of them read) is printed once, with each notebook and line."""
    groups: dict[str, list[Outcome]] = {}
    for outcome in failed:
        error = (outcome.failure or {}).get("error")
        key = error if error else f"\0{outcome.stem}"
        groups.setdefault(key, []).append(outcome)
    blocks = []
    for key, outcomes in groups.items():
        if len(outcomes) == 1:
            blocks.append(outcomes[0].message)
            continue
        where = []
        for o in outcomes:
            f = o.failure or {}
            place = f"{f.get('notebook', o.stem)}:{f['line']}" if f.get("line") else \
                f.get("notebook", o.stem)
            where.append(f"{place} (code cell {f.get('cell', '?')})")
        blocks.append(f"{key}\n  the same error stopped {len(outcomes)} notebooks: "
                      + ", ".join(where))
    return "\n".join(blocks)


def run_notebooks(
    root: Path, *, force: bool = False, log=print, only: list[str] | None = None
) -> list[Outcome]:
    """Bring every notebook's artifacts up to date; raise NotebookError if any notebook failed."""
    cache = Cache(root)
    env_hashes = Environment.of(root)
    notebooks = [p for p in discover(root) if only is None or p.stem in only]
    by_stem = {p.stem: p for p in notebooks}
    deps = {p.stem: upstream(p, cache, set(by_stem)) for p in notebooks}
    outcomes: dict[str, Outcome] = {}

    zygote: forked.Zygote | None = None
    zygote_tried = False

    def job(item: tuple[Path, str]) -> Outcome:
        source, reason = item
        log(f"  {source.stem}: running ({reason})")
        outcome = run_one(root, source, cache, env_hashes, zygote)
        outcome.reason = reason
        verb = "done" if outcome.status == "ran" else "FAILED"
        log(f"  {source.stem}: {verb} in {outcome.seconds:.1f} s")
        return outcome

    # Each notebook starts as soon as every notebook it reads has finished (not a whole level
    # after the previous one), in the levels' order; whether it is stale is decided then.
    order = [stem for level in levels(deps) for stem in level]
    with ThreadPoolExecutor(max_workers=workers()) as pool:
        running: dict = {}
        try:
            while order or running:
                for stem in [s for s in order if deps[s] <= set(outcomes)]:
                    order.remove(stem)
                    source = by_stem[stem]
                    blocked = sorted(d for d in deps[stem] if outcomes[d].status == "failed")
                    if blocked:
                        outcomes[stem] = Outcome(stem, "failed", message=(
                            f"notebooks/{stem}.py: not run, because it reads what "
                            + ", ".join(f"notebooks/{b}.py" for b in blocked) + " publishes"))
                        continue
                    artifacts = root / "_build" / "artifacts" / stem
                    reason = "forced" if force else cache.stale_reason(stem, source, env_hashes,
                                                                       artifacts)
                    if reason is None:
                        outcomes[stem] = Outcome(stem, "cached")
                        log(f"  {stem}: from cache")
                        continue
                    if zygote is None and not zygote_tried:
                        zygote_tried = True
                        if forked.available():  # a zygote that fails to start: nbclient
                            zygote = forked.Zygote(root, _zygote_env(root))
                    running[pool.submit(job, (source, reason))] = stem
                if not running:
                    continue  # a cached or blocked notebook may have released its readers
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    del running[future]
                    outcome = future.result()
                    outcomes[outcome.stem] = outcome
        finally:
            if zygote is not None:
                zygote.close()

    failed = [o for o in outcomes.values() if o.status == "failed"]
    if failed:
        raise NotebookError(failure_report(sorted(failed, key=lambda o: o.stem)))
    publish_pages(root, cache, [p.stem for p in notebooks], prune=only is None)
    return [outcomes[p.stem] for p in notebooks]


def publish_pages(root: Path, cache: Cache, stems: list[str], *, prune: bool = True) -> None:
    """Derive the published notebook pages from the executed notebooks (every build: cheap)."""
    from rapport.pipeline.yamlfile import load_yaml_file

    config_file = root / "_quarto.yml"
    config = (load_yaml_file(config_file, root) or {}) if config_file.is_file() else {}
    for stem in stems:
        executed = root / "_build" / "executed" / f"{stem}.ipynb"
        entry = cache.load(stem)
        if entry is not None and executed.is_file():
            publish_notebooks.publish(root, stem, executed, entry.reads, config)
    if prune:
        publish_notebooks.prune(root, [p.stem for p in discover(root)])
