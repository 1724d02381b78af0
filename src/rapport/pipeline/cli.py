"""Command line: `python -m rapport.pipeline.cli {prepare,report,render,data}`.

- `data`    runs the project's data command (`report.data-command` in `_quarto.yml`), which
            generates inputs that are not committed (it decides itself whether they are stale).
- `prepare` = data + run stale notebooks + merge facts into `_variables.yml`. This is Quarto's
            `pre-render` command (path 1) and the first half of `report` (path 2).
- `render`  renders the book with the project's pandoc + Typst renderer into a staging directory
            and publishes it as `_book/` only if everything succeeded.
- `report`  = `quarto render` when Quarto is installed, else prepare + render.
- `docx`    = prepare + render, and the reviewers' Word copy `_book/<output-file>.docx`
            (a draft for comments; `report.docx: true` in `_quarto.yml` makes every render
            write it).

Every step prints what it does and how long it took. Failures print one clear message and exit
with status 1, leaving the previous `_book/` untouched.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from rapport import context
from rapport.pipeline import facts as facts_mod
from rapport.pipeline import review
from rapport.pipeline.cache import toolkit_paths, tree_sha256
from rapport.data.recorder import file_sha256
from rapport.fsutil import atomic_write_text, replace_dir
from rapport.pipeline.runner import NotebookError, discover, run_notebooks
from rapport.pipeline.leaks import published_leaks
from rapport.pipeline.publish_notebooks import REVIEWER_ENV
from rapport.pipeline.yamlfile import YamlFileError, check_project_yaml, load_yaml_file, metadata_files
from rapport.data import audit


LOCK_ENV = "RAPPORT_BUILD_LOCK_HELD"


class BuildError(RuntimeError):
    """A step failed; the message says which and why."""


def load_config(root: Path) -> dict:
    """`_quarto.yml` as a mapping; BuildError (file and line) when it is not valid YAML."""
    try:
        config = load_yaml_file(root / "_quarto.yml", root) or {}
    except YamlFileError as exc:
        raise BuildError(str(exc)) from None
    if not isinstance(config, dict):
        raise BuildError("_quarto.yml:1: expected a mapping of settings at the top level")
    check_report_settings(config)
    return config


# The project's own settings under `report:` (Quarto ignores them): a typo is an error.
REPORT_SETTINGS = {
    "client": "the client, on the cover and in the colophon",
    "number": "the report number («OE-rapport nr 2022-75»), in the colophon",
    "project-period": "the project period, in the colophon",
    "team": "the team, in the colophon",
    "place": "the place of the signature and the colophon (the date is book.date)",
    "data-command": "the command that generates the data, run before the notebooks",
    "docx": "true: write the reviewers' Word copy on every build",
    "restricted-data": "data whose notebook pages are not published",
    "engine": "the register engine (rapport.register)",
}


def check_report_settings(config: dict) -> None:
    """BuildError naming each unknown key under `report:` and the keys there are."""
    report = config.get("report")
    if report is None:
        return
    if not isinstance(report, dict):
        raise BuildError("_quarto.yml: report: expected a mapping of settings")
    unknown = sorted(set(report) - set(REPORT_SETTINGS))
    if unknown:
        hint = (" (the date is typed once, as book.date; the place is report.place)"
                if "place-date" in unknown else "")
        raise BuildError(f"_quarto.yml: report.{unknown[0]}: unknown setting{hint}; expected one "
                         "of " + ", ".join(sorted(REPORT_SETTINGS)))


@contextmanager
def step(name: str):
    started = time.perf_counter()
    print(f"==> {name}", flush=True)
    yield
    print(f"    {name}: {time.perf_counter() - started:.1f} s", flush=True)


def cmd_data(root: Path, config: dict) -> None:
    command = (config.get("report") or {}).get("data-command")
    if not command:
        return
    with step("data"):
        argv = [sys.executable if part == "python" else part for part in command]
        proc = subprocess.run(argv, cwd=root)
        if proc.returncode != 0:
            raise BuildError(f"data command failed (exit {proc.returncode}): {' '.join(command)}")


def cmd_prepare(root: Path, config: dict, *, force: bool = False) -> None:
    cmd_data(root, config)
    with step("notebooks"):
        try:
            run_notebooks(root, force=force, log=lambda m: print(m, flush=True))
        except NotebookError as exc:
            raise BuildError(f"a notebook failed; nothing was published.\n{exc}") from None
    with step("facts"):
        try:
            merged = facts_mod.merge(root, notebooks=[p.stem for p in discover(root)])
        except (facts_mod.ConflictError, YamlFileError) as exc:
            raise BuildError(str(exc)) from None
        print(f"    {len(merged)} facts -> _variables.yml")


RENDER_TREES = ("chapters", "_extensions", "src", "_build/artifacts", "_build/notebooks")


def render_inputs_hash(root: Path, config: dict) -> str:
    """One hash over everything the rendered book is known to depend on: the sources, facts,
    artifacts and published notebook pages, bibliography, CSL and house-style files, the whole
    package (`src/`: the renderer imports checks, exhibits, data, …), `_extensions/` (filters,
    templates, CSS, styles) and the locked environment. Files the renderer opens beyond these
    are recorded during the render and checked too (`render_reads_fresh`)."""
    digest = hashlib.sha256(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    digest.update(os.environ.get(REVIEWER_ENV, "").encode())
    src, lock = toolkit_paths(root)
    files = [root / "_quarto.yml", root / "_variables.yml", lock]
    files += sorted(root.glob("*.qmd"))
    for key in ("bibliography", "csl"):
        value = config.get(key) or []
        files += [root / v for v in ([value] if isinstance(value, str) else value)]
    files += [root / rel for rel in metadata_files(config)]
    for path in files:
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        digest.update(rel.encode() + (file_sha256(path) if path.is_file() else "-").encode())
    for folder in RENDER_TREES:
        digest.update(folder.encode() + tree_sha256(root / folder).encode())
    if src != root / "src":  # a project that builds with the toolkit of a checkout or a wheel
        digest.update(b"toolkit" + tree_sha256(src, ("rapport/**/*",)).encode())
    return digest.hexdigest()


def render_reads_fresh(root: Path, reads: list[dict]) -> bool:
    """Every file the last render opened still has the content it had then."""
    for read in reads:
        path = root / read["path"]
        if not path.is_file() or file_sha256(path) != read["sha256"]:
            return False
    return True


def clear_leftovers(root: Path, book: Path) -> None:
    """Remove what a killed build leaves behind, so that it cannot change the next build.

    Staging directories and files, render scratch files and the previous book of an interrupted
    swap. If the swap was interrupted after the old book was moved aside and before the new one
    was in place, the old (last good) book is put back.
    """
    build = root / "_build"
    old = book.with_name(f".{book.name}.old")
    if old.is_dir() and not book.exists():
        old.rename(book)
        (build / "render.json").unlink(missing_ok=True)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(build / "book.staging", ignore_errors=True)
    shutil.rmtree(build / "staging", ignore_errors=True)
    shutil.rmtree(build / "docx.staging", ignore_errors=True)
    shutil.rmtree(build / "render", ignore_errors=True)
    for folder in (build / "artifacts", build / "render-cache" / "analyse"):
        for leftover in folder.glob(".*.old") if folder.is_dir() else []:
            shutil.rmtree(leftover, ignore_errors=True)
        for leftover in folder.glob("*.tmp") if folder.is_dir() else []:
            shutil.rmtree(leftover, ignore_errors=True)


def render_formats(config: dict) -> tuple[str, ...]:
    """The formats a render publishes: HTML and PDF, and the Word copy when `report.docx`."""
    wanted = (config.get("report") or {}).get("docx", False)
    if not isinstance(wanted, bool):
        raise BuildError(f"_quarto.yml: report.docx: expected true or false, got {wanted!r}")
    return ("html", "pdf", "docx") if wanted else ("html", "pdf")


def cmd_render(root: Path, config: dict) -> None:
    from rapport.pipeline.checks import CheckError
    from rapport.pipeline.render import default_timestamp, render_book
    from rapport.pipeline.render.csl import install as install_csl

    try:
        check_project_yaml(root, config)
    except YamlFileError as exc:
        raise BuildError(f"{exc}\n_book/ left as it was.") from None
    install_csl(root, config)  # before the hash below, which covers the style file
    book = root / (config.get("project") or {}).get("output-dir", "_book")
    stamp = root / "_build" / "render.json"
    key = render_inputs_hash(root, config)
    try:
        previous = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    if (previous.get("inputs") == key and previous.get("book") == tree_sha256(book)
            and render_reads_fresh(root, previous.get("reads") or [])):
        print("==> render: nothing changed since the last render; _book/ is up to date")
        if not (root / review.CURRENT).is_file():
            review.keep_record(root, config)
        return
    staging = root / "_build" / "book.staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with step("render"), audit.opened_files(root) as opened:
        try:
            written = render_book(root, staging, timestamp=default_timestamp(config),
                                  formats=render_formats(config))
            leaks = published_leaks(root, staging)
            if leaks:
                raise BuildError("the book would publish paths of the build machine; "
                                 "_book/ left as it was.\n  " + "\n  ".join(leaks))
        except CheckError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise BuildError(f"check failed; _book/ left as it was.\n{exc}") from None
        except Exception:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    reads = sorted(
        ({"path": p.relative_to(root).as_posix(), "sha256": file_sha256(p)}
         for p in opened if p.is_file()), key=lambda r: r["path"])
    stamp.unlink(missing_ok=True)
    replace_dir(staging, book)
    atomic_write_text(stamp, json.dumps({"inputs": key, "book": tree_sha256(book),
                                         "reads": reads}, indent=1) + "\n")
    review.keep_record(root, config)
    print(f"    published {len(written)} files to _book/")


def cmd_report(root: Path, config: dict, *, force: bool = False, quarto: bool | None = None) -> None:
    use_quarto = shutil.which("quarto") is not None if quarto is None else quarto
    if use_quarto:
        if force:
            shutil.rmtree(root / "_build" / "cache", ignore_errors=True)
        # Into a staging folder, swapped in only on success: a failed `quarto render` leaves the
        # last good _book/ as it was (and no stray index.typ in the project).
        book = root / (config.get("project") or {}).get("output-dir", "_book")
        staging = root / "_build" / "book.quarto"
        shutil.rmtree(staging, ignore_errors=True)
        with step("quarto render"):
            proc = subprocess.run(["quarto", "render", "--output-dir", str(staging)], cwd=root)
            (root / "index.typ").unlink(missing_ok=True)
            if proc.returncode != 0:
                shutil.rmtree(staging, ignore_errors=True)
                raise BuildError(f"quarto render failed (exit {proc.returncode}); "
                                 "_book/ left as it was")
        replace_dir(staging, book)
        review.keep_record(root, config)
        return
    cmd_prepare(root, config, force=force)
    cmd_render(root, config)


def cmd_docx(root: Path, config: dict) -> Path:
    """The book as usual, then the Word copy placed into `_book/` beside the PDF (in one
    rename; the render stamp follows, so the next render does not start again for it)."""
    from rapport.pipeline.checks import CheckError
    from rapport.pipeline.render import default_timestamp, render_book
    from rapport.pipeline.render.docx import docx_name
    from rapport.pipeline.render.project import load_project

    cmd_prepare(root, config)
    cmd_render(root, config)
    book = root / (config.get("project") or {}).get("output-dir", "_book")
    target = book / docx_name(load_project(root))
    if "docx" in render_formats(config) and target.is_file():
        return target
    stamp = root / "_build" / "render.json"
    try:
        previous = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    consistent = previous.get("book") == tree_sha256(book)
    staging = root / "_build" / "docx.staging"
    shutil.rmtree(staging, ignore_errors=True)
    with step("docx"):
        try:
            (made,) = render_book(root, staging, timestamp=default_timestamp(config),
                                  formats=("docx",))
        except CheckError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise BuildError(f"check failed; _book/ left as it was.\n{exc}") from None
        os.replace(made, target)
        shutil.rmtree(staging, ignore_errors=True)
    if consistent:
        atomic_write_text(stamp, json.dumps({**previous, "book": tree_sha256(book)}, indent=1)
                          + "\n")
    print(f"    the Word copy: {target.relative_to(root)}")
    return target


@contextmanager
def build_lock(root: Path, book: Path | None = None):
    """One build at a time per project: a second one waits instead of sharing staging dirs.

    Commands started by a locked build (Quarto's pre-render `prepare`) inherit the lock.
    """
    if os.environ.get(LOCK_ENV) == str(root):
        yield
        return
    path = root / "_build" / ".lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("    another build of this project is running; waiting for it", flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        os.environ[LOCK_ENV] = str(root)
        try:
            clear_leftovers(root, book or root / "_book")
            yield
        finally:
            os.environ.pop(LOCK_ENV, None)


def review_command(root: Path, config: dict, args) -> int:
    """`changes`, `baseline` and `preview` (rapport.pipeline.review): they read the last build
    and never touch `_book/`."""
    if args.command == "changes":
        try:
            print(review.cmd_changes(root, config, baseline=args.baseline, out=args.out,
                                     label=args.label), end="")
        except (FileNotFoundError, ValueError) as exc:
            print(f"rapport changes: {exc}", file=sys.stderr)
            return 1
        return 0
    if args.command == "baseline":
        if not (root / review.CURRENT).is_file():
            print("rapport baseline: no build record yet; run `make report` first",
                  file=sys.stderr)
            return 1
        marked = review.cmd_baseline(root, config, label=args.label)
        print(f"==> baseline: {marked.relative_to(root)}")
        return 0

    def prepare(project_root: Path, project_config: dict) -> None:
        with build_lock(project_root):
            cmd_prepare(project_root, project_config)

    review.cmd_preview(root, load_config, prepare, port=args.port)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rapport", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["prepare", "report", "render", "data", "changes",
                                            "baseline", "preview", "docx"])
    parser.add_argument("--force", action="store_true", help="rerun every notebook")
    parser.add_argument("--root", type=Path, default=None, help="project root (default: search up)")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="changes: a record.json (or a folder holding one) to compare with "
                             "(default: the one `baseline` marked, else the previous build)")
    parser.add_argument("--out", type=Path, default=None, help="changes: also write the summary")
    parser.add_argument("--label", default=None,
                        help="baseline, changes: what the baseline is called («versjon 2 til "
                             "oppdragsgiver»; default: the day it was marked)")
    parser.add_argument("--port", type=int, default=4848, help="preview: port on localhost")
    parser.add_argument("--executor", choices=["fork", "nbclient"], default=None,
                        help="how notebooks run: children forked from one pre-imported process "
                             "(default on Linux) or nbclient with a fresh kernel each "
                             "(sets RAPPORT_EXECUTOR)")
    args = parser.parse_args(argv)
    if args.executor:
        os.environ["RAPPORT_EXECUTOR"] = args.executor
    root = (args.root or context.project_root()).resolve()
    os.chdir(root)
    started = time.perf_counter()
    try:
        config = load_config(root)
        if args.command in ("changes", "baseline", "preview"):
            return review_command(root, config, args)
        book = root / (config.get("project") or {}).get("output-dir", "_book")
        with build_lock(root, book):
            if args.command == "data":
                cmd_data(root, config)
            elif args.command == "prepare":
                cmd_prepare(root, config, force=args.force)
            elif args.command == "render":
                cmd_render(root, config)
            elif args.command == "docx":
                cmd_docx(root, config)
            else:
                cmd_report(root, config, force=args.force)
    except BuildError as exc:
        print(f"\nBUILD FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"==> {args.command} finished in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
