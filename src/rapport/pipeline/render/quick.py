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
    from rapport.pipeline.render.html import (BODY_WRITER, check_missing, meta_list, split_pages,
                                              write_page)

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
        tmp = Path(tmpname)
        meta_args, filters, bib_keys = pandoc_setup(project, tmp)
        read_args, env = pandoc.reader(project.extension.shortcodes())
        first_pass = [*read_args, *meta_args, *filters]
        (tmp / "index.json").write_text(state["index"], encoding="utf-8")
        env.update(RAPPORT_PAGE_INDEX=str(tmp / "index.json"),
                   RAPPORT_PAGE_FIRST_PASS=str(tmp / "first.json"),
                   RAPPORT_PAGE_FILTERED=str(tmp / "filtered.json"))
        # Both passes of the full render, and the page body's writer, in one pandoc process.
        try:
            body = pandoc.run([*first_pass, pandoc.filter_arg("page_first_pass.lua"), *filters,
                               "--citeproc", pandoc.filter_arg("citelinks.lua"),
                               pandoc.filter_arg("page_body.lua"), *BODY_WRITER],
                              input=source.text(), fmt="html", cwd=project.root, env=env)
        except (CheckError, pandoc.RenderError):
            # Say what the book's checks say about the edit, as the full render would (a
            # failure in the first pass itself is already what the book's render says).
            if not (tmp / "first.json").is_file():
                raise
            ast = json.loads((tmp / "first.json").read_text(encoding="utf-8"))
            if not _fits_the_book(ast, old, full_index, chapter, source, bib_keys):
                return None
            raise
        ast = json.loads((tmp / "first.json").read_text(encoding="utf-8"))
        if not _fits_the_book(ast, old, full_index, chapter, source, bib_keys):
            return None  # the book's numbering, contents or reference list would change
        filtered = json.loads((tmp / "filtered.json").read_text(encoding="utf-8"))
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
                                    Path(staging), body=body)
            os.replace(written, site / chapter.page)
    return site / chapter.page


def _fits_the_book(ast: dict, old: dict, full_index, chapter, source, bib_keys: set[str]) -> bool:
    """Whether the first pass of the edited chapter leaves the rest of the book as it is (same
    targets in the same order, same works cited, same title); raises CheckError for what the
    book's checks find in it."""
    alone = read_index(ast)
    titles = {p.page: p.title for p in full_index.pages}
    if (page_keys(ast["blocks"], set(alone.entries)) != old
            or [p.title for p in alone.pages] != [titles.get(chapter.page)]):
        return False
    problems = list(problems_to_check(alone, source))
    try:
        check_document(ast["blocks"], set(full_index.entries), bib_keys, source, fmt="html")
    except CheckError as err:
        problems.extend(err.problems)
    if problems:
        raise CheckError(problems)
    return True
