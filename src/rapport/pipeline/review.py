"""Commands for reviewers and authors: what changed since a baseline, and the live preview.

- `keep_record` runs after every successful render: the build's record (`record.py`) goes to
  `_build/record.json`, and the one it replaces (when different) to `_build/record.previous.json`.
- `rapport baseline` marks the current build as the version reviewers have read
  (`_build/baseline.json`, with its label and the day it was marked; the figures' images are
  kept beside it in `_build/baseline.files/`); `rapport changes` compares the current build with it (or with any
  record file or folder given) and prints the Norwegian summary, also into CI's step summary
  (`GITHUB_STEP_SUMMARY`) when that is set.
- `rapport preview` serves the HTML book from `_build/preview/` and rebuilds it on save: a
  prose edit renders HTML only and runs no notebook; a change to notebooks, data or the
  package first reruns the notebooks whose inputs changed (the cache decides). When a baseline
  is set, the preview also has the change page «Endringer siden …» (`render/changepage.py`),
  linked from every page, and the changes marked in the chapters (`marks.py`); without one it
  is the HTML book as published.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import time
from pathlib import Path

from rapport.pipeline import changes, marks, record
from rapport.fsutil import atomic_write_text, replace_dir

BASELINE = "_build/baseline.json"
BASELINE_FILES = "_build/baseline.files"
PREVIOUS = "_build/record.previous.json"
CURRENT = "_build/record.json"
PREVIEW_SITE = "_build/preview"
PREVIEW_INDEX = "_build/preview.index.json"  # the book index of the last full preview render
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


def cmd_baseline(root: Path, config: dict, label: str | None = None,
                 today: _dt.date | None = None) -> Path:
    """Mark the current build as the baseline later change reports compare against: its
    record, a label (default: the day it was marked) and a copy of every figure's image."""
    target = root / BASELINE
    current = json.loads((root / CURRENT).read_text(encoding="utf-8"))
    day = (today or _dt.date.today()).isoformat()
    current["baseline"] = {"label": label or f"versjonen fra {_date_nb(day)}", "marked": day}
    files = root / BASELINE_FILES
    shutil.rmtree(files, ignore_errors=True)
    for item in current.get("exhibits", {}).values():
        for rel in item.get("images", []):
            if (root / rel).is_file():
                (files / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(root / rel, files / rel)
    atomic_write_text(target, json.dumps(current, ensure_ascii=False, indent=1, sort_keys=True)
                      + "\n")
    return target


def _date_nb(iso: str) -> str:
    from rapport.pipeline.render.project import format_date_nb

    return format_date_nb(iso)


def baseline_label(base: dict, given: str | None = None) -> str:
    """What the baseline is called in the change report: given, as marked, or a default."""
    return given or (base.get("baseline") or {}).get("label") or "forrige versjon"


def cmd_changes(root: Path, config: dict, *, baseline: Path | None = None,
                out: Path | None = None, label: str | None = None) -> str:
    """The Markdown change summary of the current build against the baseline."""
    base = baseline_path(root, baseline)
    old = record.load(base)
    new = record.collect(root, config)
    text = changes.to_markdown(changes.compare(old, new), baseline_label(old, label))
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
    """One preview rebuild: a prose edit to one chapter re-renders that page alone
    (`render/quick.py`) when no baseline is marked; otherwise notebooks only when the change can
    reach them, then HTML only, published into the preview site in one swap (a failure leaves
    the last good site)."""
    from rapport.pipeline.render import render_book
    from rapport.pipeline.render.quick import render_page

    state = root / PREVIEW_INDEX
    if not needs_notebooks(changed) and not (root / BASELINE).is_file():
        if render_page(root, root / PREVIEW_SITE, changed, state) is not None:
            return
    config = config_loader(root)
    if needs_notebooks(changed):
        prepare(root, config)
    staging = root / "_build" / "preview.staging"
    shutil.rmtree(staging, ignore_errors=True)
    review = review_since_baseline(root, config)
    try:
        render_book(root, staging, formats=("html",),
                    texts=review["marked"].texts if review else None, keep_index=state,
                    cell_marks=review["changes"].exhibits if review else None)
        if review:
            decorate_preview(root, staging, review)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replace_dir(staging, root / PREVIEW_SITE)


def review_since_baseline(root: Path, config: dict) -> dict | None:
    """What changed since the marked baseline, and the chapters with the changes marked; None
    when no baseline is set (the preview is then the book as published)."""
    if not (root / BASELINE).is_file():
        return None
    old = record.load(root / BASELINE)
    new = record.collect(root, config)
    found = changes.compare(old, new)
    return {"old": old, "new": new, "changes": found, "label": baseline_label(old),
            "marked": marks.mark_chapters(found, old.get("chapters", {}), new["chapters"])}


def decorate_preview(root: Path, site: Path, review: dict) -> Path:
    """The change page in the preview site, linked from every page (`render/changepage.py`)."""
    from rapport.pipeline.render import changepage

    found, marked, label = review["changes"], review["marked"], review["label"]
    images = changepage.copy_images(site, root, found, root / BASELINE_FILES)
    old_alts = changepage.figure_alts(review["old"].get("exhibits", {}))
    new_alts = changepage.figure_alts(review["new"].get("exhibits", {}))
    alts = {k: (old_alts.get(k, ""), new_alts.get(k, "")) for k in set(old_alts) | set(new_alts)}
    body = changepage.change_page(found, label, marked, review["new"]["chapters"], images, alts)
    count = (len(found.facts) + len(found.exhibits) + len(found.added) + len(found.removed)
             + sum(len(h) for h in found.prose.values()))
    return changepage.decorate_site(site, body, label, count,
                                    [e.ident for e in found.exhibits] + found.added)


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
