"""The build record: what a reviewer can compare between two builds of the same report.

After a successful render the build writes `_build/record.json`: every fact (raw value and the
text the prose shows, with the places in the chapters that use it), every exhibit (its snippet,
i.e. caption, table as shown, notes and source line, and the data file behind it) and the source
of every chapter. The record holds only what the report publishes, so it may be kept as a
baseline, attached to a CI run or shipped beside a published version. `rapport.pipeline.changes`
compares two records.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from rapport.fsutil import atomic_write_text

RECORD_VERSION = 1
_VAR = re.compile(r"\{\{<\s*var\s+([A-Za-z0-9_.\-]+)\s*>\}\}")


def chapter_files(root: Path, config: dict) -> list[str]:
    """Root-relative chapter files in book order (chapters, then appendices)."""
    book = config.get("book") or {}
    files: list[str] = []
    for key in ("chapters", "appendices"):
        for item in book.get(key) or []:
            if isinstance(item, str):
                files.append(item)
            elif isinstance(item, dict):  # a part: {part: ..., chapters: [...]}
                files += [c for c in item.get("chapters") or [] if isinstance(c, str)]
    return files or sorted(p.relative_to(root).as_posix() for p in root.glob("chapters/*.qmd"))


def fact_uses(chapters: dict[str, str]) -> dict[str, list[str]]:
    """Fact key → the places («chapters/03-bruk.qmd:12») where the prose shows it."""
    uses: dict[str, list[str]] = {}
    for name, text in chapters.items():
        for lineno, line in enumerate(text.splitlines(), start=1):
            for match in _VAR.finditer(line):
                uses.setdefault(match.group(1), []).append(f"{name}:{lineno}")
    return uses


def collect(root: Path, config: dict) -> dict:
    """The record of the build now in `root/_build` (facts, exhibits, chapters)."""
    chapters = {}
    for rel in chapter_files(root, config):
        path = root / rel
        if path.is_file():
            chapters[rel] = path.read_text(encoding="utf-8")
    facts_path = root / "_build" / "facts.json"
    raw = json.loads(facts_path.read_text(encoding="utf-8")) if facts_path.is_file() else {}
    uses = fact_uses(chapters)
    facts = {
        key: {"value": item.get("value"), "text": item.get("text"), "used": uses.get(key, [])}
        for key, item in sorted(raw.items())
    }
    exhibits = {}
    for snippet in sorted((root / "_build" / "artifacts").glob("*/*.md")):
        ident = snippet.stem
        if not ident.startswith(("fig-", "tbl-")):
            continue
        data = snippet.with_suffix(".csv")
        images = sorted(
            p.relative_to(root).as_posix()
            for p in snippet.parent.glob(ident + ".*")
            if p.suffix in (".svg", ".png")
        )
        exhibits[ident] = {
            "notebook": snippet.parent.name,
            "snippet": snippet.read_text(encoding="utf-8"),
            "data": data.read_text(encoding="utf-8") if data.is_file() else None,
            "images": images,
        }
    return {"version": RECORD_VERSION, "facts": facts, "exhibits": exhibits, "chapters": chapters}


def write(root: Path, config: dict, path: Path | None = None) -> Path:
    """Write the record of the current build (default `_build/record.json`)."""
    path = path or root / "_build" / "record.json"
    text = json.dumps(collect(root, config), ensure_ascii=False, indent=1, sort_keys=True)
    return atomic_write_text(path, text + "\n")


def load(path: Path) -> dict:
    """Read a record; a previous `_book/` or build folder holding `record.json` also works."""
    if path.is_dir():
        for candidate in (path / "record.json", path / "_build" / "record.json"):
            if candidate.is_file():
                path = candidate
                break
        else:
            raise FileNotFoundError(f"{path}: no record.json in this folder")
    record = json.loads(path.read_text(encoding="utf-8"))
    if record.get("version") != RECORD_VERSION:
        raise ValueError(
            f"{path}: build record version {record.get('version')!r}, expected {RECORD_VERSION}"
        )
    return record
