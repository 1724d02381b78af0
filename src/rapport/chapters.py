"""Chapters that follow a data table: one row per chapter, one committed .qmd per row.

A report built on a fixed chapter template (one chapter per measure, each with the same
sections) keeps the list of chapters as data: a table with, per row, the chapter file, its
title and its sections in order. The prose lives in the committed chapter files (so Quarto
finds every file `_quarto.yml` lists on a fresh clone); this module checks that the table and
the files agree, so adding a measure without its chapter, or a chapter without its row, stops
the build with one clear message:

* every row's file exists, and every file matching `pattern` has a row;
* `_quarto.yml` lists the files under `book.chapters` in the table's order;
* a chapter's first-level heading is the row's title, and its second-level headings are the
  row's sections in order (a leading section number «1.» or «1» is allowed and must count
  1, 2, 3 …).

Every file read is recorded for the build cache (`rapport.data.recorder`), so editing a chapter
reruns the check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from rapport import context
from rapport.data.recorder import record_read

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(\{[^}]*\})?\s*$")
_NUMBER = re.compile(r"^(\d+)\.?\s+(.*)$")
_FENCE = re.compile(r"^(```|~~~)")


class ChapterTableError(ValueError):
    """The chapter table and the chapter files disagree; one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


def headings(text: str) -> list[Heading]:
    """The ATX headings of a Markdown/Quarto text (outside fenced code), attributes dropped."""
    found, fenced = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            found.append(Heading(len(match.group(1)), match.group(2).strip(), number))
    return found


def _listed_chapters(config: Mapping) -> list[str]:
    """Files under book.chapters (parts flattened), in order."""
    out: list[str] = []

    def walk(items):
        for item in items or []:
            if isinstance(item, str):
                out.append(item)
            elif isinstance(item, Mapping):
                if "part" in item and isinstance(item["part"], str) and item["part"].endswith(".qmd"):
                    out.append(item["part"])
                walk(item.get("chapters"))

    walk((config.get("book") or {}).get("chapters"))
    return out


def _sections(value, separator: str) -> list[str]:
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [part.strip() for part in str(value).split(separator) if part.strip()]


def check_chapter_table(rows: Iterable[Mapping], *, table_path: str, root: str | Path | None = None,
                        file_column: str = "fil", title_column: str = "tittel",
                        sections_column: str | None = "seksjoner", separator: str = "|",
                        pattern: str = "chapters/[0-9][0-9]-*.qmd",
                        quarto_file: str = "_quarto.yml") -> None:
    """Raise ChapterTableError unless the table rows and the chapter files agree (see module).

    `rows` are the table's rows in file order (e.g. ``df.to_dict("records")``); `table_path`
    is the table's root-relative path, for the messages (header = row 1, first data row = 2).
    """
    root = Path(root).resolve() if root else context.project_root()
    rows = list(rows)
    problems: list[str] = []
    files: list[str] = []
    for index, row in enumerate(rows):
        where = f"{table_path}: row {index + 2}"
        name = str(row.get(file_column) or "").strip()
        if not name:
            problems.append(f'{where}: column "{file_column}" is empty; expected a chapter file')
            continue
        if name in files:
            problems.append(f'{where}: column "{file_column}": {name} is listed twice')
        files.append(name)
        path = root / name
        title = str(row.get(title_column) or "").strip()
        sections = _sections(row.get(sections_column), separator) if sections_column else []
        if not path.is_file():
            skeleton = " / ".join([f"# {title}"] + [f"## {i}. {s}" for i, s in
                                                     enumerate(sections, start=1)])
            problems.append(f'{where}: column "{file_column}": {name} does not exist; write the '
                            f"chapter, with the headings {skeleton}")
            continue
        record_read(path)
        found = headings(path.read_text(encoding="utf-8"))
        firsts = [h for h in found if h.level == 1]
        if not firsts or firsts[0].text != title:
            got = f"«{firsts[0].text}» (line {firsts[0].line})" if firsts else "no heading"
            problems.append(f'{name}: the chapter heading is {got}; expected «{title}» '
                            f'(column "{title_column}" of {table_path}, row {index + 2})')
        if sections_column:
            seconds = [h for h in found if h.level == 2]
            got_titles, numbers = [], []
            for h in seconds:
                match = _NUMBER.match(h.text)
                numbers.append((int(match.group(1)), h.line) if match else None)
                got_titles.append(match.group(2) if match else h.text)
            if got_titles != sections:
                problems.append(
                    f"{name}: the sections are {got_titles}; expected {sections} "
                    f'(column "{sections_column}" of {table_path}, row {index + 2})')
            for expected, got in enumerate(numbers, start=1):
                if got is not None and got[0] != expected:
                    problems.append(f"{name}: line {got[1]}: section number {got[0]}; "
                                    f"expected {expected}")
                    break
    for path in sorted(root.glob(pattern)):
        name = path.relative_to(root).as_posix()
        if name not in files:
            problems.append(f"{name}: has no row in {table_path} (a chapter without its row; "
                            f'add a row with "{file_column}" = {name}, or remove the file)')
    config_path = root / quarto_file
    record_read(config_path)
    listed = _listed_chapters(yaml.safe_load(config_path.read_text(encoding="utf-8")) or {})
    in_order = [f for f in listed if f in files]
    missing = [f for f in files if f not in listed]
    if missing:
        problems.append(f"{quarto_file}: book.chapters does not list {', '.join(missing)} "
                        f"(rows of {table_path})")
    elif in_order != files:
        problems.append(f"{quarto_file}: book.chapters lists the chapters in the order "
                        f"{in_order}; {table_path} has {files}")
    if problems:
        raise ChapterTableError(problems)
