"""One page of the HTML book re-rendered after a prose edit: the live preview's fast path.

An edit to one chapter's prose changes one page, as long as it leaves the rest of the book alone:
the same cross-reference targets (sections, figures, tables, boxes) in the same order, the same
page title and the same works cited. Then the chapter is parsed on its own, numbered with the
index kept from the last full render (`render_book(keep_index=…)`, written by `save_state`),
checked like the book (references, citations, alt text, «Kilde:» lines), and its page replaces
the old one in the preview site (one file, replaced atomically). Other pages, the assets and the
search index stay as they are. For any other change `render_page` returns None, and the caller
renders the whole book.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import shutil

from rapport.fsutil import atomic_write_text
from rapport.pipeline.checks import CheckError, attr_of, check_document, walk, xref_kind
from rapport.pipeline.render import pandoc
from rapport.pipeline.render.index import problems_to_check, read_index
from rapport.pipeline.render.project import load_project


def page_keys(blocks: list, targets: set[str]) -> dict:
    """What a page contributes to the rest of the book: its cross-reference targets in the
    order they stand, and the bibliography keys it cites."""
    ids, cites = [], set()
    for el in walk(blocks):
        if el["t"] in ("Header", "Div"):
            ident = attr_of(el)[0]
            if ident in targets:
                ids.append(ident)
        elif el["t"] == "Cite":
            cites.update(c["citationId"] for c in el["c"][0] if xref_kind(c["citationId"]) is None)
    return {"targets": ids, "citations": sorted(cites)}


def save_state(path: Path, ast: dict) -> None:
    """Keep the first-pass HTML AST's index and each page's keys (see `page_keys`)."""
    from rapport.pipeline.render.html import split_pages

    raw = ast["meta"]["rapport-index"]["c"]
    targets = set(read_index(ast).entries)
    pages = {marker["page"]: page_keys(blocks, targets) for marker, blocks in split_pages(ast)}
    atomic_write_text(path, json.dumps({"index": raw, "pages": pages}, ensure_ascii=False,
                                       sort_keys=True))


def render_page(root: Path, site: Path, changed: list[str], state_file: Path) -> Path | None:
    """Re-render the one page whose chapter file is the only change, into the live `site`;
    None when the change needs the whole book (see the module's docstring)."""
    from rapport.pipeline.render import pandoc_setup
    from rapport.pipeline.render.html import check_missing, meta_list, split_pages, write_page

    if len(changed) != 1 or not state_file.is_file() or not (site / "index.html").is_file():
        return None
    project = load_project(root)
    chapter = next((c for c in project.chapters if c.path == changed[0]), None)
    if chapter is None:  # not a chapter of the book (an included file, a draft)
        return None
    state = json.loads(state_file.read_text(encoding="utf-8"))
    old = state["pages"].get(chapter.page)
    if old is None:
        return None
    full_index = read_index({"meta": {"rapport-index": {"c": state["index"]}}})
    if chapter.page == full_index.refs_page:  # its reference list is the whole book's
        return None

    source = project.source("html", [chapter])
    with tempfile.TemporaryDirectory(prefix="rapport-page-") as tmpname:
        meta_args, filters, bib_keys = pandoc_setup(project, Path(tmpname))
        ast = pandoc.to_json(source.text(), "html", project.root, project.extension.shortcodes(),
                             [*meta_args, *filters])
        alone = read_index(ast)
        titles = {p.page: p.title for p in full_index.pages}
        if (page_keys(ast["blocks"], set(alone.entries)) != old
                or [p.title for p in alone.pages] != [titles.get(chapter.page)]):
            return None  # the book's numbering, contents or reference list would change
        problems = list(problems_to_check(alone, source))
        try:
            check_document(ast["blocks"], set(full_index.entries), bib_keys, source, fmt="html")
        except CheckError as err:
            problems.extend(err.problems)
        if problems:
            raise CheckError(problems)
        # Second pass with the whole book's index, as in the full render.
        ast["meta"]["rapport-index"] = {"t": "MetaString", "c": state["index"]}
        out = pandoc.run(["-f", "json", "-t", "json", *filters, "--citeproc",
                          pandoc.filter_arg("citelinks.lua")],
                         input=json.dumps(ast), fmt="html", cwd=project.root)
        filtered = json.loads(out)
        check_missing(project, filtered)
        for f in meta_list(filtered, "rapport-files"):  # a file the page links to for the first time
            if not (site / f["site"]).is_file():
                (site / f["site"]).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(project.root / f["source"], site / f["site"])
        (marker, blocks), = split_pages(filtered)
        # citeproc appends this chapter's reference list; the book's stays on its own page
        blocks = [b for b in blocks if not (b["t"] == "Div" and attr_of(b)[0] == "refs")]
        with tempfile.TemporaryDirectory(prefix=".page-", dir=site) as staging:
            written, _ = write_page(project, full_index, filtered, marker["page"], blocks,
                                    Path(staging))
            os.replace(written, site / chapter.page)
    return site / chapter.page
