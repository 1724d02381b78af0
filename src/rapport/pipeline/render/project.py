"""The book project: `_quarto.yml` (with its `metadata-files`), the chapter list, and the chapter
text with Quarto's own shortcodes (`var`, `meta`, `pagebreak`) resolved, every line remembering
its source file and line. The extension's shortcodes (`exhibit`) become placeholder divs that
filters/shortcodes.lua hands to the extension's handlers.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from rapport.dates import month_name
from rapport.pipeline.checks import CheckError, Problem, SourceMap
from rapport.pipeline.render.extension import Extension, load_extension
from rapport.pipeline.yamlfile import parse_yaml

SHORTCODE = re.compile(r"(\{?)\{\{<\s*([A-Za-z][\w-]*)\s*(.*?)\s*>\}\}(\}?)")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)(?:---|\.\.\.)\s*\n", re.S)
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$@~^])")

@dataclass
class Chapter:
    path: str                 # root-relative, posix
    part: str                 # "main" or "appendix"
    page: str                 # HTML file name
    source: SourceMap = field(default_factory=SourceMap)


@dataclass
class Project:
    root: Path
    config: dict
    variables: dict
    chapters: list[Chapter]
    extension: Extension
    metadata_files: list[Path] = field(default_factory=list)
    # Chapter texts to render instead of the files (the preview's review marks, same lines).
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def book(self) -> dict:
        return self.config.get("book") or {}

    @property
    def report(self) -> dict:
        return self.config.get("report") or {}

    @property
    def crossref(self) -> dict:
        return self.config.get("crossref") or {}

    @property
    def language(self) -> dict:
        lang = self.config.get("language") or {}
        return lang if isinstance(lang, dict) else {}

    def house_style(self) -> dict:
        """`house-style` as Quarto merges it: the `metadata-files`, then _quarto.yml's own keys."""
        merged: dict = {}
        for path in self.metadata_files:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            merged.update(data.get("house-style") or {})
        merged.update(self.config.get("house-style") or {})
        return merged

    def number_depth(self) -> int:
        return int(self.config.get("number-depth", 3))

    def toc_depth(self) -> int:
        return int(self.config.get("toc-depth", 2))

    def lang(self) -> str:
        return str(self.config.get("lang", "nb"))

    def bibliography(self) -> list[Path]:
        bib = self.config.get("bibliography") or []
        if isinstance(bib, str):
            bib = [bib]
        return [self.root / b for b in bib]

    def csl(self) -> Path | None:
        csl = self.config.get("csl")
        return self.root / csl if csl else None

    def pdf_name(self) -> str:
        """`book.output-file` (Quarto's key for the book's PDF name) + `.pdf`."""
        name = self.book.get("output-file")
        if not name:
            raise CheckError("_quarto.yml:1: book.output-file (the PDF's name) is not set")
        return f"{name}.pdf"

    def date_text(self) -> str:
        return format_date_nb(self.book.get("date"))

    def document_metadata(self) -> dict:
        """What Quarto gives the filters and the Typst template as document metadata."""
        book = self.book
        meta = {
            "lang": self.lang(),
            "title": book.get("title", ""),
            "date": self.date_text(),
            "toc-title": self.language.get("toc-title-document", "Innhold"),
            "toc-depth": self.toc_depth(),
            "number-depth": self.number_depth(),
            "crossref": self.crossref,
            "language": self.language,
            "report": self.report,
            "house-style": self.house_style(),
        }
        if meta["house-style"].get("logo"):  # Typst compiles from _build/render/: root-relative
            meta["house-style"] = {**meta["house-style"],
                                   "logo": "/" + str(meta["house-style"]["logo"]).lstrip("/")}
        for key in ("subtitle", "author"):
            if book.get(key):
                meta[key] = book[key]
        return meta

    def shortcode_names(self) -> set[str]:
        return {p.stem for p in self.extension.shortcodes()}

    def source(self, fmt: str = "html", chapters: list[Chapter] | None = None) -> SourceMap:
        """The whole book (or the `chapters` given) as one text: a marker div before each
        chapter, then its lines."""
        book = SourceMap()
        for ch in self.chapters if chapters is None else chapters:
            origin = (ch.path, 1)
            book.add(
                f'::: {{.rapport-chapter file="{ch.path}" part="{ch.part}" page="{ch.page}"}}',
                origin,
            )
            book.add(":::", origin)
            book.add("", origin)
            book.extend(ch.source)
            book.add("", (ch.path, len(ch.source.lines)))
        return book


def format_date_nb(value) -> str:
    """«10. juni 2024» from a date or an ISO string; other strings pass through."""
    if value is None:
        return ""
    text = str(value)
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not m:
        return text
    year, month, day = int(m[1]), int(m[2]), int(m[3])
    return f"{day}. {month_name(month)} {year}"


def _chapter_files(entries) -> list[str]:
    """Flatten `book.chapters`/`book.appendices` (plain files or `part:` entries)."""
    out: list[str] = []
    for entry in entries or []:
        if isinstance(entry, str):
            out.append(entry)
        elif isinstance(entry, dict):
            part = entry.get("part")
            if isinstance(part, str) and part.endswith((".qmd", ".md")):
                out.append(part)
            out.extend(_chapter_files(entry.get("chapters")))
    return out


def page_name(path: str) -> str:
    stem = Path(path).stem
    return "index.html" if path == "index.qmd" else f"{stem}.html"


def load_project(root: Path, texts: dict[str, str] | None = None) -> Project:
    """The project at `root`; `texts` replaces chapter files' contents (same line count)."""
    root = Path(root)
    config_file = root / "_quarto.yml"
    if not config_file.exists():
        raise CheckError(f"{config_file}:1: no _quarto.yml")
    config = parse_yaml(config_file.read_text(encoding="utf-8"), "_quarto.yml") or {}
    var_file = root / "_variables.yml"
    variables = {}
    if var_file.exists():
        variables = parse_yaml(var_file.read_text(encoding="utf-8"), "_variables.yml") or {}
    book = config.get("book") or {}
    chapters: list[Chapter] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for part, files in (("main", book.get("chapters")), ("appendix", book.get("appendices"))):
        for rel in _chapter_files(files):
            if rel in seen:
                problems.append(Problem("_quarto.yml", 1, f"chapter listed twice: {rel}"))
                continue
            seen.add(rel)
            if not (root / rel).exists():
                problems.append(Problem("_quarto.yml", _line_of(config_file, rel),
                                        f"chapter file not found: {rel}"))
                continue
            chapters.append(Chapter(rel, part, page_name(rel)))
    if problems:
        raise CheckError(problems)
    meta_files = [root / m for m in config.get("metadata-files") or []]
    problems.extend(Problem("_quarto.yml", _line_of(config_file, m.name),
                            f"metadata file not found: {m.relative_to(root)}")
                    for m in meta_files if not m.is_file())
    if problems:
        raise CheckError(problems)
    project = Project(root, config, variables, chapters, load_extension(root), meta_files,
                      dict(texts or {}))
    for ch in chapters:
        ch.source = expand(project, ch.path, problems)
    if problems:
        raise CheckError(problems)
    return project


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    return 1


def lookup(tree, dotted: str):
    """Value at a dotted key in nested dicts (`a.b.c`), or KeyError."""
    node = tree
    if isinstance(node, dict) and dotted in node:  # a flat dotted key also works
        return node[dotted]
    for part in dotted.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise KeyError(dotted)
    return node


def escape_markdown(text: str) -> str:
    return MD_SPECIAL.sub(r"\\\1", text)


def expand(project: Project, rel: str, problems: list[Problem]) -> SourceMap:
    """Text of `rel` with Quarto's shortcodes resolved."""
    out = SourceMap()
    path = project.root / rel
    text = project.texts.get(rel) or path.read_text(encoding="utf-8")
    text = text.replace("\r\n", "\n")
    offset = 0
    m = FRONT_MATTER.match(text)
    if m:
        meta = yaml.safe_load(m.group(1)) or {}
        offset = m.group(0).count("\n")
        text = text[m.end():]
        if isinstance(meta, dict) and meta.get("title") and not re.search(r"^# ", text, re.M):
            out.add(f"# {meta['title']}", (rel, 1))
            out.add("", (rel, 1))
    fence: str | None = None
    for lineno, line in enumerate(text.split("\n"), 1 + offset):
        origin = (rel, lineno)
        stripped = line.strip()
        fm = re.match(r"^(`{3,}|~{3,})", stripped)
        if fm:
            if fence is None:
                fence = fm.group(1)
            elif stripped.startswith(fence) and stripped.strip("`~") == "":
                fence = None
        own = re.fullmatch(r"\{\{<\s*([A-Za-z][\w-]*)\s+(.*?)\s*>\}\}", stripped)
        if own and fence is None and own.group(1) == "include":
            included = _included(project, rel, own.group(2).strip("\"'"), origin, problems)
            if included is not None:
                out.extend(included)
                continue
        if own and fence is None and own.group(1) in project.shortcode_names():
            # A block of its own, even where the line sits inside a paragraph.
            for text in ("", f'::: {{.rapport-shortcode name="{own.group(1)}" '
                         f'args="{own.group(2)}" origin="{rel}:{lineno}"}}', ":::", ""):
                out.add(text, origin)
            continue
        if stripped in ("{{< pagebreak >}}",) and fence is None:
            out.add("::: {.rapport-pagebreak}", origin)
            out.add(":::", origin)
            continue
        out.add(_shortcodes(project, line, origin, problems), origin)
    return out


def _included(project: Project, rel: str, target: str, origin: tuple[str, int],
              problems: list[Problem]) -> SourceMap | None:
    """A committed Markdown file placed with `{{< include >}}` (resolved like Quarto: `/x` from
    the project root, else from the including file). Generated files cannot be included:
    Quarto expands includes before pre-render has made them (the exhibit shortcode places
    those)."""
    path = target.lstrip("/") if target.startswith("/") else str(
        (Path(rel).parent / target).as_posix())
    path = os.path.normpath(path)
    if path.startswith(("_build/", "_book/")) or path.startswith(".."):
        problems.append(Problem(*origin, f"include of {target}: only committed files of the "
                                "project can be included (Quarto expands include before "
                                "pre-render); place generated exhibits with {{< exhibit … >}}"))
        return None
    if not (project.root / path).is_file():
        problems.append(Problem(*origin, f"include of {target}: file not found ({path})"))
        return None
    return expand(project, path, problems)


def _shortcodes(project: Project, line: str, origin: tuple[str, int],
                problems: list[Problem]) -> str:
    def repl(m: re.Match) -> str:
        open_, name, args, close = m.groups()
        if open_ and close:  # {{{< x >}}} is an escaped shortcode: print it literally
            return m.group(0)[1:-1]
        args = args.strip().strip("\"'")
        if name in ("var", "meta"):
            tree = project.variables if name == "var" else {**project.book, **project.config}
            try:
                value = lookup(tree, args)
            except KeyError:
                where = "_variables.yml" if name == "var" else "_quarto.yml"
                problems.append(Problem(*origin, f"unresolved {name}: {args} (not in {where})"))
                return m.group(0)
            if isinstance(value, (dict, list)):
                problems.append(Problem(*origin, f"{name} {args} is not a single value"))
                return m.group(0)
            return open_ + escape_markdown(_scalar(value)) + close
        if name == "pagebreak":
            return open_ + "`\\pagebreak`{=rapport}" + close
        if name == "include":
            problems.append(Problem(*origin, "include is not supported: Quarto expands it before "
                                    "pre-render has made the file; use {{< exhibit … >}}"))
            return m.group(0)
        if name in project.shortcode_names():
            problems.append(Problem(*origin, f"{name} must stand alone on its own line"))
            return m.group(0)
        problems.append(Problem(*origin, f"unknown shortcode: {name}"))
        return m.group(0)

    return SHORTCODE.sub(repl, line)


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
