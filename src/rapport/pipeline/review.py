"""Commands for reviewers and authors: what changed since a baseline, and the live preview.

- `keep_record` runs after every successful render: the build's record (`record.py`) goes to
  `_build/record.json`, and the one it replaces (when different) to `_build/record.previous.json`.
- `rapport baseline` marks the current build as the version reviewers have read
  (`_build/baseline.json`); `rapport changes` compares the current build with it (or with any
  record file or folder given) and prints the Norwegian summary, also into CI's step summary
  (`GITHUB_STEP_SUMMARY`) when that is set.
- `rapport preview` serves the HTML book from `_build/preview/` and rebuilds it on save: a
  prose edit renders HTML only and runs no notebook; a change to notebooks, data or the
  package first reruns the notebooks whose inputs changed (the cache decides).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from rapport.pipeline import changes, record
from rapport.fsutil import atomic_write_text, replace_dir

BASELINE = "_build/baseline.json"
PREVIOUS = "_build/record.previous.json"
CURRENT = "_build/record.json"
PREVIEW_SITE = "_build/preview"
# Paths whose change can alter what a notebook publishes; anything else is render-only.
ANALYSIS = ("notebooks/", "data/", "src/", "requirements.lock")


def keep_record(root: Path, config: dict) -> Path:
    """Write the record of the build just rendered; keep the one it replaces as the previous."""
    current = root / CURRENT
    new = record.collect(root, config)
    if current.is_file():
        try:
            old = record.load(current)
        except (ValueError, OSError):
            old = None
        if old is not None and old != new:
            shutil.copyfile(current, root / PREVIOUS)
    return record.write(root, config, current)


def baseline_path(root: Path, given: Path | None) -> Path:
    if given is not None:
        return given
    for candidate in (root / BASELINE, root / PREVIOUS):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        "no baseline: run `rapport baseline` on the version reviewers have read, or give "
        "--baseline with a record.json (or a folder holding one) from an earlier build")


def cmd_baseline(root: Path, config: dict) -> Path:
    """Mark the current build as the baseline later change reports compare against."""
    target = root / BASELINE
    atomic_write_text(target, (root / CURRENT).read_text(encoding="utf-8"))
    return target


def cmd_changes(root: Path, config: dict, *, baseline: Path | None = None,
                out: Path | None = None, label: str | None = None) -> str:
    """The Markdown change summary of the current build against the baseline."""
    base = baseline_path(root, baseline)
    old = record.load(base)
    new = record.collect(root, config)
    text = changes.to_markdown(changes.compare(old, new), label or "forrige versjon")
    if out is not None:
        atomic_write_text(out, text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    return text


def needs_notebooks(changed: list[str]) -> bool:
    return any(path.startswith(ANALYSIS) or path == "_quarto.yml" for path in changed)


def preview_rebuild(root: Path, config_loader, prepare, changed: list[str]) -> None:
    """One preview rebuild: notebooks only when the change can reach them, then HTML only,
    published into the preview site in one swap (a failure leaves the last good site)."""
    from rapport.pipeline.render import render_book

    config = config_loader(root)
    if needs_notebooks(changed):
        prepare(root, config)
    staging = root / "_build" / "preview.staging"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        render_book(root, staging, formats=("html",))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replace_dir(staging, root / PREVIEW_SITE)


def cmd_preview(root: Path, config_loader, prepare, *, port: int = 4848,
                host: str = "127.0.0.1") -> None:
    """Serve the HTML book on localhost and rebuild on save until interrupted."""
    from rapport.pipeline.preview import Preview

    started = time.perf_counter()
    preview_rebuild(root, config_loader, prepare, ["_quarto.yml"])
    print(f"    first build: {time.perf_counter() - started:.1f} s", flush=True)
    server = Preview(root, root / PREVIEW_SITE,
                     lambda changed: preview_rebuild(root, config_loader, prepare, changed),
                     host=host, port=port).start()
    print(f"==> preview: {server.url}  (Ctrl-C stops)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
