"""The project's own renderer ("path 2"): the Quarto book rendered with pandoc + Lua filters
(HTML book) and pandoc's Typst writer + `typst` (PDF/UA-1), from the same sources.

    render_book(root, out_dir, timestamp=...)  -> list of files written

Steps (see docs/architecture.md):
1. `project.load_project`: read `_quarto.yml`, `_variables.yml` and the chapters; resolve the
   `include`, `var`, `meta` and `pagebreak` shortcodes (errors name file and line).
2. For each output format (html, typst): pandoc reads the whole book (one document, a marker div
   before each chapter) into an AST with Quarto's conditional content resolved for that format;
   `index.build_index` numbers chapters, sections, figures and tables globally; `checks` checks
   references, citations, alt text and «Kilde:» lines.
3. HTML: pandoc applies `filters/rapport.lua` + citeproc to the whole book, then each chapter
   becomes a page (`html.render_html`); Pagefind indexes the site.
4. PDF: the same filters, pandoc's Typst writer with `templates/book.typ`, `typst.compile`.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import yaml

from rapport.build.checks import CheckError, Problem, check_document
from rapport.build.render import pandoc
from rapport.build.render.index import build_index, problems_to_check
from rapport.build.render.project import load_project

__all__ = ["render_book", "default_timestamp", "CheckError"]


def default_timestamp(config: dict) -> datetime:
    """SOURCE_DATE_EPOCH if set, else the book's date (midnight UTC), else 2000-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    date = str((config.get("book") or {}).get("date", ""))
    try:
        return datetime.fromisoformat(date[:10]).replace(tzinfo=timezone.utc)
    except ValueError:
        return datetime(2000, 1, 1, tzinfo=timezone.utc)


def render_book(root: Path, out_dir: Path, *, timestamp: datetime | None = None,
                formats: tuple[str, ...] = ("html", "pdf")) -> list[Path]:
    """Render the book described by root/_quarto.yml into out_dir (an empty staging dir the
    caller later publishes atomically). Reads root/_variables.yml (generated), chapters, and
    exhibits under root/_build/artifacts/. Returns the files written. Raises
    rapport.build.checks.CheckError (message names file and line) for any failed check."""
    from rapport.build.render.html import render_html
    from rapport.build.render.pdf import compile_pdf, typst_source

    root = Path(root).resolve()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    project = load_project(root)
    if timestamp is None:
        timestamp = default_timestamp(project.config)
    if timestamp.tzinfo is None:
        timestamp = timestamp.replace(tzinfo=timezone.utc)

    missing = [b for b in project.bibliography() if not b.exists()]
    if missing:
        raise CheckError([Problem("_quarto.yml", 1, f"bibliography not found: {m.name}")
                          for m in missing])
    if project.csl() and not project.csl().exists():
        raise CheckError([Problem("_quarto.yml", 1, f"csl not found: {project.csl().name}")])
    bib_keys = pandoc.bibliography_keys(project.bibliography())

    targets = {"html": "html", "pdf": "typst"}
    asts: dict[str, dict] = {}
    indexes = {}
    problems: list[Problem] = []

    def parse(fmt: str):
        source = project.source(fmt)
        ast = pandoc.to_json(source.text(), targets[fmt])
        index = build_index(project, ast["blocks"], bib_keys)
        found = list(problems_to_check(index, source))
        try:
            check_document(ast["blocks"], set(index.entries), bib_keys, source, fmt=fmt)
        except CheckError as err:
            found.extend(err.problems)
        return ast, index, found

    # The formats are independent: parse (and later render) them side by side on two cores.
    with ThreadPoolExecutor(max_workers=2) as pool:
        for fmt, (ast, index, found) in zip(formats, pool.map(parse, formats)):
            asts[fmt], indexes[fmt] = ast, index
            problems.extend(found)
    if problems:
        plain = {(p.file, p.line, p.message) for p in problems}
        suffix = " (in the PDF)"
        problems = [p for p in problems if not (
            p.message.endswith(suffix) and (p.file, p.line, p.message[: -len(suffix)]) in plain)]
        raise CheckError(problems)

    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="rapport-render-") as tmpname:
        tmp = Path(tmpname)

        def produce(fmt: str) -> list[Path]:
            tfmt = targets[fmt]
            index = indexes[fmt]
            index_file = tmp / f"index-{tfmt}.json"
            index_file.write_text(
                json.dumps(index.to_json(project, tfmt), ensure_ascii=False, sort_keys=True),
                encoding="utf-8",
            )
            meta = {
                "lang": project.lang(),
                "link-citations": True,
                "rapport-index": str(index_file),
                "rapport-refs-page": index.refs_page,
            }
            if bib_keys:
                meta["bibliography"] = [str(b) for b in project.bibliography()]
            if project.csl():
                meta["csl"] = str(project.csl())
            meta_file = tmp / f"meta-{tfmt}.yml"
            meta_file.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=True),
                                 encoding="utf-8")
            ast_json = json.dumps(asts[fmt])
            if fmt == "html":
                out = pandoc.run(
                    ["-f", "json", "-t", "json", f"--metadata-file={meta_file}",
                     pandoc.filter_arg("rapport.lua"), "--citeproc",
                     pandoc.filter_arg("citelinks.lua")],
                    input=ast_json, fmt="html",
                )
                return render_html(project, index, json.loads(out), out_dir, tmp)
            typ = typst_source(project, ast_json, meta_file)
            return [compile_pdf(project, typ, out_dir / project.pdf_name(), tmp, timestamp)]

        with ThreadPoolExecutor(max_workers=2) as pool:
            for files in pool.map(produce, formats):
                written.extend(files)
    return sorted(set(written))
