"""The project's own renderer ("path 2"): the Quarto book rendered with pandoc + Lua filters
(HTML book) and pandoc's Typst writer + `typst` (PDF/UA-1), from the same sources.

    render_book(root, out_dir, timestamp=...)  -> list of files written

The rendering rules live in the project's Quarto extension, `_extensions/rapport/` (shortcodes,
filters, CSS, fonts, Typst template partials), which `quarto render` uses as well; this package
only does what Quarto itself would do. Steps (see docs/architecture.md):
1. `project.load_project`: read `_quarto.yml` (+ `metadata-files`), `_variables.yml` and the
   chapters; resolve Quarto's `var`, `meta` and `pagebreak` shortcodes (errors name file, line).
2. For each output format (html, typst): pandoc reads the whole book (one document, a marker div
   before each chapter) into an AST, calling the extension's shortcodes and choosing Quarto's
   conditional content for that format; `index.build_index` numbers chapters, sections,
   figures and tables as the house style says; `checks` checks references, citations, alt text
   and «Kilde:» lines.
3. HTML: pandoc applies the extension's filters + citeproc to the whole book, then each chapter
   becomes a page (`html.render_html`); Pagefind indexes the site.
4. PDF: the same filters, pandoc's Typst writer with the extension's Typst template partials,
   `typst.compile` (PDF/UA-1).
5. Word (format "docx", when asked for): the same filters for docx, pandoc's docx writer with
   a reference document in the house style made at build time (`docx.py`), marked as a draft.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import yaml

from rapport.pipeline.checks import CheckError, Problem, check_document
from rapport.pipeline.render import pandoc
from rapport.pipeline.render.index import problems_to_check, read_index
from rapport.pipeline.render.project import load_project

__all__ = ["render_book", "pandoc_setup", "default_timestamp", "CheckError"]


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


def pandoc_setup(project, tmp: Path) -> tuple[list[str], list[str], set[str]]:
    """What every pandoc run of the book gets: the metadata arguments (the style's metadata
    files, then this render's own, written into `tmp`), the extension's filters, and the
    bibliography's keys. Checks that the bibliography and the CSL exist."""
    from rapport.pipeline.render.csl import install as install_csl

    missing = [b for b in project.bibliography() if not b.exists()]
    if missing:
        raise CheckError([Problem("_quarto.yml", 1, f"bibliography not found: {m.name}")
                          for m in missing])
    install_csl(project.root, project.config)
    if project.csl() and not project.csl().exists():
        raise CheckError([Problem("_quarto.yml", 1, f"csl not found: {project.csl().name}")])
    bib_keys = pandoc.bibliography_keys(project.bibliography())
    meta = {**project.document_metadata(), "link-citations": True}
    if bib_keys:
        meta["bibliography"] = [str(b) for b in project.bibliography()]
    if project.csl():
        meta["csl"] = str(project.csl())
    meta_file = tmp / "meta.yml"
    meta_file.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=True),
                         encoding="utf-8")
    # The style's metadata files first, as Quarto merges them; this render's own last.
    meta_args = [f"--metadata-file={m}" for m in [*project.metadata_files, meta_file]]
    filters = [pandoc.filter_arg(f) for f in project.extension.filters()]
    return meta_args, filters, bib_keys


def render_book(root: Path, out_dir: Path, *, timestamp: datetime | None = None,
                formats: tuple[str, ...] = ("html", "pdf"),
                texts: dict[str, str] | None = None, keep_index: Path | None = None,
                cell_marks: list | None = None) -> list[Path]:
    """Render the book described by root/_quarto.yml into out_dir (an empty staging dir the
    caller later publishes atomically). Reads root/_variables.yml (generated), chapters, and
    exhibits under root/_build/artifacts/. Returns the files written. Raises
    rapport.pipeline.checks.CheckError (message names file and line) for any failed check.
    `texts` replaces chapters' contents (the preview's review marks; never for the book).
    `keep_index`: a file to keep the HTML book's index in, for the preview's one-page
    re-render after a prose edit (`render/quick.py`). `cell_marks`: the changed exhibits since
    the baseline (`changes.ExhibitChange`), whose changed table cells the HTML marks."""
    from rapport.pipeline.render.html import meta_list, render_html
    from rapport.pipeline.render.pdf import compile_pdf, typst_writer

    root = Path(root).resolve()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    project = load_project(root, texts)
    if timestamp is None:
        timestamp = default_timestamp(project.config)
    if timestamp.tzinfo is None:
        timestamp = timestamp.replace(tzinfo=timezone.utc)

    targets = {"html": "html", "pdf": "typst", "docx": "docx"}
    asts: dict[str, dict] = {}
    indexes = {}
    problems: list[Problem] = []
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="rapport-render-") as tmpname:
        tmp = Path(tmpname)
        meta_args, filters, bib_keys = pandoc_setup(project, tmp)

        read_args, read_env = pandoc.reader(project.extension.shortcodes())
        first_pass = [*read_args, *meta_args, *filters]
        second_pass = [*filters, "--citeproc"]
        writers = {"html": [pandoc.filter_arg("citelinks.lua"),
                            pandoc.filter_arg("page_bodies.lua"), "-t", "json"],
                   "docx": ["-t", "json"], "pdf": typst_writer(project)}
        outputs: dict[str, str] = {}

        def check(fmt: str, ast: dict, source) -> tuple:
            """The first pass's index and what the book's checks find in it."""
            for rel in meta_list(ast, "rapport-sources"):  # snippets, to name their lines
                for n, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), 1):
                    source.add(line, (rel, n))
            index = read_index(ast)
            found = list(problems_to_check(index, source))
            try:
                check_document(ast["blocks"], set(index.entries), bib_keys, source, fmt=fmt)
            except CheckError as err:
                found.extend(err.problems)
            return index, found

        def parse(fmt: str):
            """Both passes of the extension's filter (the first numbers, the second applies
            the numbers), citeproc and the format's writer in one pandoc process; the first
            pass is kept (RAPPORT_PAGE_FIRST_PASS) for the checks. Table cells marked as
            changed (the review build) are marked between the passes, in two processes."""
            first = tmp / f"first-{fmt}.json"
            env = {**read_env, "RAPPORT_PAGE_FIRST_PASS": str(first),
                   "RAPPORT_PAGE_BODIES": str(tmp / "bodies.json")}
            source = project.source(fmt)
            text, target = source.text(), targets[fmt]
            try:
                if cell_marks and fmt == "html":
                    from rapport.pipeline.marks import mark_table_cells

                    ast = json.loads(pandoc.run([*first_pass, "-t", "json"], input=text,
                                                fmt=target, cwd=root, env=env))
                    mark_table_cells(ast["blocks"], cell_marks)
                    outputs[fmt] = pandoc.run(["-f", "json", *second_pass, *writers[fmt]],
                                              input=json.dumps(ast), fmt=target, cwd=root,
                                              env=env)
                else:
                    outputs[fmt] = pandoc.run(
                        [*first_pass, pandoc.filter_arg("page_first_pass.lua"), *second_pass,
                         *writers[fmt]], input=text, fmt=target, cwd=root, env=env)
            except (CheckError, pandoc.RenderError):
                if not first.is_file():
                    raise
                ast = json.loads(first.read_text(encoding="utf-8"))
                index, found = check(fmt, ast, source)
                if found:  # say what the book's checks say, rather than the second pass
                    return ast, index, found
                raise
            if not (cell_marks and fmt == "html"):
                ast = json.loads(first.read_text(encoding="utf-8"))
            return ast, *check(fmt, ast, source)

        # The formats are independent: render them side by side on two cores.
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

        def produce(fmt: str) -> list[Path]:
            """The pages, the Word copy or the PDF from the format's output."""
            if fmt == "html":
                bodies = json.loads((tmp / "bodies.json").read_text(encoding="utf-8"))
                return render_html(project, indexes[fmt], json.loads(outputs[fmt]), bodies,
                                   out_dir, tmp)
            if fmt == "docx":
                from rapport.pipeline.render.docx import docx_name, write_docx

                return [write_docx(project, json.loads(outputs[fmt]), out_dir / docx_name(project),
                                   tmp, timestamp)]
            return [compile_pdf(project, outputs[fmt], out_dir / project.pdf_name(), tmp,
                                timestamp)]

        with ThreadPoolExecutor(max_workers=2) as pool:
            for files in pool.map(produce, formats):
                written.extend(files)
    if keep_index is not None and "html" in asts:  # only once the whole book has rendered
        from rapport.pipeline.render.quick import save_state

        save_state(keep_index, asts["html"])
    return sorted(set(written))
