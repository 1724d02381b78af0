"""Proofreading checks a report project runs on its own sources (its tests call them):

- no number that comes from data is typed into the prose: every digit in `index.qmd` and the
  chapters must sit in a shortcode, a reference, a citation, a comment, a URL, a year of the
  report's period, or an entry of the report's allowlist (`tests/report/allowed-numbers.yml`);
- every bibliography entry is cited, and every citation has an entry.

The allowlist is report configuration, each entry with its reason::

    years: [2018, 2024]          # the years the prose may name (the period the report covers)
    allowed:
      - pattern: '§§? \\d+[a-z]?'  # a regular expression; digits inside its matches are allowed
        reason: a paragraph of a law or regulation
      - file: index.qmd          # optional: only in this file (a glob, root-relative)
        line: 'Kristiansand,'    # optional: only on lines containing this text
        tokens: ['10.']          # optional: only these tokens (default: every number there)
        reason: the signature date
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ALLOWLIST = Path("tests") / "report" / "allowed-numbers.yml"
CITATION = re.compile(r"(?<![\w@])-?@([A-Za-z][\w:.#$%&+?<>~/-]*[\w])")
_ALWAYS = (r"<!--.*?-->", r"\{\{<.*?>\}\}", r"\{[#.][^}]*\}", r"\[?-?@[\w:.-]+", r"https?://\S+")
_TOKEN = re.compile(r"\S*\d\S*")


class AllowlistError(ValueError):
    """The allowlist file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Allowed:
    reason: str
    file: str | None = None
    line: str | None = None
    tokens: tuple[str, ...] | None = None
    pattern: re.Pattern | None = None

    def applies_to(self, rel: str) -> bool:
        return self.file is None or fnmatch.fnmatch(rel, self.file)


@dataclass(frozen=True)
class Allowlist:
    years: tuple[int, int] | None
    entries: tuple[Allowed, ...]


_ENTRY_KEYS = {"reason", "file", "line", "tokens", "pattern"}


def load_allowlist(root: Path) -> Allowlist:
    """The report's allowlist; no file means no exceptions at all (and no years)."""
    path = Path(root) / ALLOWLIST
    if not path.is_file():
        return Allowlist(None, ())
    where = ALLOWLIST.as_posix()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}:" if mark is not None else ""
        raise AllowlistError(f"{where}:{line} YAML error: {getattr(exc, 'problem', exc)}") from None
    unknown = set(data) - {"years", "allowed"}
    if unknown:
        raise AllowlistError(f"{where}: unknown keys {sorted(unknown)}; expected years, allowed")
    years = data.get("years")
    if years is not None:
        if not (isinstance(years, list) and len(years) == 2 and all(isinstance(y, int)
                                                                     for y in years)):
            raise AllowlistError(f"{where}: years: expected [first, last], e.g. [2018, 2024]")
        years = (years[0], years[1])
    entries = []
    for i, entry in enumerate(data.get("allowed") or [], start=1):
        if not isinstance(entry, dict) or not entry.get("reason"):
            raise AllowlistError(f"{where}: allowed entry {i}: expected a mapping with a reason")
        if set(entry) - _ENTRY_KEYS:
            raise AllowlistError(f"{where}: allowed entry {i}: unknown keys "
                                 f"{sorted(set(entry) - _ENTRY_KEYS)}; known: {sorted(_ENTRY_KEYS)}")
        if not (entry.get("pattern") or entry.get("line") or entry.get("tokens")):
            raise AllowlistError(f"{where}: allowed entry {i}: anchor it with pattern, line or "
                                 "tokens (a blanket exemption is not allowed)")
        try:
            pattern = re.compile(entry["pattern"]) if entry.get("pattern") else None
        except re.error as exc:
            raise AllowlistError(f"{where}: allowed entry {i}: pattern: {exc}") from None
        tokens = entry.get("tokens")
        entries.append(Allowed(reason=str(entry["reason"]), file=entry.get("file"),
                               line=entry.get("line"), pattern=pattern,
                               tokens=tuple(str(t) for t in tokens) if tokens else None))
    return Allowlist(years, tuple(entries))


def _blank(match: re.Match) -> str:  # keeps line numbers and columns
    return re.sub(r"[^\n]", " ", match.group(0))


def typed_numbers(text: str, rel: str = "", allow: Allowlist = Allowlist(None, ())
                  ) -> list[tuple[int, str]]:
    """(line, token) for every token with a digit that nothing above accounts for."""
    source = text.split("\n")  # line anchors match the text as written
    for pattern in _ALWAYS:
        text = re.sub(pattern, _blank, text, flags=re.S)
    if allow.years:
        first, last = allow.years
        text = re.sub(r"(?<!\d)(?<!\d,)(?<!\d\.)\d{4}(?!\d)(?!,\d)",
                      lambda m: _blank(m) if first <= int(m.group(0)) <= last else m.group(0),
                      text)
    entries = [e for e in allow.entries if e.applies_to(rel)]
    lines = text.split("\n")
    found = []
    for number, (line, raw) in enumerate(zip(lines, source), start=1):
        here = [e for e in entries if e.line is None or e.line in raw]
        for entry in here:
            if entry.pattern is not None:
                line = entry.pattern.sub(_blank, line)
        for match in _TOKEN.finditer(line):
            token = match.group(0)
            if any(e.pattern is None and (e.tokens is None or token in e.tokens) for e in here):
                continue
            found.append((number, token))
    return found


def prose_files(root: Path) -> list[Path]:
    """`index.qmd` and every chapter and appendix `_quarto.yml` lists."""
    config = yaml.safe_load((Path(root) / "_quarto.yml").read_text(encoding="utf-8")) or {}
    book = config.get("book") or {}
    listed = list(book.get("chapters") or []) + list(book.get("appendices") or [])
    return [Path(root) / rel for rel in dict.fromkeys(["index.qmd", *listed])
            if (Path(root) / rel).is_file()]


def typed_number_report(root: Path) -> list[str]:
    """«file:line: «token»» for every typed number in the project's prose."""
    root = Path(root)
    allow = load_allowlist(root)
    problems = []
    for path in prose_files(root):
        rel = path.relative_to(root).as_posix()
        for line, token in typed_numbers(path.read_text(encoding="utf-8"), rel, allow):
            problems.append(f"{rel}:{line}: «{token}»")
    return problems


def xref_prefixes(root: Path) -> tuple[str, ...]:
    """The prefixes of cross-references: fig-, tbl-, sec- and the keys of the custom float
    kinds in `crossref: custom:` (e.g. box- for a numbered «Faktaboks»)."""
    config = yaml.safe_load((Path(root) / "_quarto.yml").read_text(encoding="utf-8")) or {}
    custom = (config.get("crossref") or {}).get("custom") or []
    keys = [str(c["key"]) for c in custom if isinstance(c, dict) and c.get("key")]
    return tuple(f"{k}-" for k in ("fig", "tbl", "sec", *keys))


def cited_keys(root: Path) -> set[str]:
    keys: set[str] = set()
    for path in prose_files(root):
        keys |= set(CITATION.findall(path.read_text(encoding="utf-8")))
    prefixes = xref_prefixes(root)
    return {k for k in keys if not k.lower().startswith(prefixes)}


def bibliography_problems(root: Path) -> list[str]:
    """Entries no chapter cites, and citations without an entry."""
    from rapport.pipeline.render.pandoc import bibliography_keys

    root = Path(root)
    config = yaml.safe_load((root / "_quarto.yml").read_text(encoding="utf-8")) or {}
    bib = config.get("bibliography") or []
    files = [root / b for b in ([bib] if isinstance(bib, str) else bib)]
    entries = bibliography_keys(files) if files else set()
    cited = cited_keys(root)
    return ([f"not cited: {key}" for key in sorted(entries - cited)]
            + [f"no bibliography entry: {key}" for key in sorted(cited - entries)])
