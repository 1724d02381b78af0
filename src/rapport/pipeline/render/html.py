"""HTML book: one page per chapter, sidebar with all chapters, on-page contents, previous/next,
Pagefind search, a link to the PDF; everything local (no CDN)."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from string import Template

from rapport.pipeline.checks import CheckError, Problem, attr_of, stringify, walk
from rapport.pipeline.render import pandoc
from rapport.pipeline.render.index import BookIndex, Page
from rapport.pipeline.render.project import Project

ASSETS = Path(__file__).parent / "assets"
TEMPLATES = Path(__file__).parent / "templates"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _page_label(page: Page) -> str:
    if page.prefix and page.part == "appendix":
        return f"{page.prefix} {page.title}"
    return page.title


def split_pages(ast: dict) -> list[tuple[dict, list]]:
    """Top-level blocks grouped by the chapter marker divs: [(marker attributes, blocks)]."""
    pages: list[tuple[dict, list]] = []
    for block in ast["blocks"]:
        a = attr_of(block) if block.get("t") == "Div" else None
        if a and "rapport-chapter" in a[1]:
            pages.append((a[2], []))
        elif pages:
            pages[-1][1].append(block)
    return pages


def _on_page_toc(blocks: list, depth: int) -> str:
    items = []
    for el in walk(blocks):
        if el["t"] != "Header":
            continue
        level = el["c"][0]
        if 2 <= level <= depth + 1:
            ident = attr_of(el)[0]
            text = stringify(el["c"][2])
            items.append(
                f'<li class="toc-l{level}"><a href="#{_esc(ident)}">{_esc(text)}</a></li>'
            )
    return "\n".join(items)


def _sidebar(project: Project, index: BookIndex, current: str) -> str:
    out = []
    appendix_open = False
    apx_title = project.language.get("section-title-appendices", "Vedlegg")
    for page in index.pages:
        if page.part == "appendix" and not appendix_open:
            out.append(f'<li class="sidebar-section">{_esc(apx_title)}</li>')
            appendix_open = True
        num = ""
        if page.prefix and page.part == "main":
            num = f'<span class="chapter-number">{_esc(page.prefix)}</span> '
        label = _esc(page.title if page.part != "appendix" else _page_label(page))
        cur = ' aria-current="page"' if page.page == current else ""
        out.append(f'<li><a href="{_esc(page.page)}"{cur}>{num}{label}</a></li>')
    return "\n".join(out)


def _title_block(project: Project) -> str:
    book = project.book
    authors = book.get("author") or []
    if isinstance(authors, str):
        authors = [authors]
    client = project.report.get("client")
    parts = ['<header class="title-block">', f'<p class="book-title">{_esc(str(book.get("title", "")))}</p>']
    if book.get("subtitle"):
        parts.append(f'<p class="book-subtitle">{_esc(str(book["subtitle"]))}</p>')
    meta = []
    if authors:
        meta.append(f"<div><dt>Forfattere</dt><dd>{_esc(', '.join(map(str, authors)))}</dd></div>")
    if client:
        meta.append(f"<div><dt>Oppdragsgiver</dt><dd>{_esc(str(client))}</dd></div>")
    for key, label in (("number", "Rapportnummer"), ("project-period", "Prosjektperiode"),
                       ("team", "Team")):
        if project.report.get(key):
            meta.append(f"<div><dt>{label}</dt><dd>{_esc(str(project.report[key]))}</dd></div>")
    if project.date_text():
        meta.append(f"<div><dt>Dato</dt><dd>{_esc(project.date_text())}</dd></div>")
    if meta:
        parts.append('<dl class="title-meta">' + "".join(meta) + "</dl>")
    parts.append("</header>")
    return "\n".join(parts)


def _nav_link(page: Page | None, rel: str) -> str:
    if page is None:
        return "<span></span>"
    word = "Forrige" if rel == "prev" else "Neste"
    arrow = "←" if rel == "prev" else "→"
    label = _esc(_page_label(page) if page.part == "appendix" else
                 (f"{page.prefix} {page.title}" if page.prefix else page.title))
    if rel == "prev":
        inner = f'<span class="pn-dir">{arrow} {word}</span><span class="pn-title">{label}</span>'
    else:
        inner = f'<span class="pn-dir">{word} {arrow}</span><span class="pn-title">{label}</span>'
    return f'<a class="page-{rel}" rel="{rel}" href="{_esc(page.page)}">{inner}</a>'


NOTEBOOK_LINK = re.compile(r'(?:src|href)="data/([^/"]+)/')


def analysis_links(body: str, root: Path) -> tuple[str, list[str]]:
    """«Se analysen» links to the executed notebooks whose exhibits this page shows."""
    stems = sorted({s for s in NOTEBOOK_LINK.findall(body)
                    if (root / "_build" / "notebooks" / f"{s}.ipynb").is_file()})
    if not stems:
        return "", []
    links = ", ".join(f'<a href="analyse/{_esc(s)}.html">{_esc(s)}</a>' for s in stems)
    return (f'<aside class="se-analysen" data-pagefind-ignore><p>Se analysen bak tallene i '
            f'kapitlet (kjørte notatbøker): {links}</p></aside>'), stems


def render_notebook(root: Path, stem: str, out_dir: Path, lang: str) -> list[Path]:
    """The executed notebook as an HTML page, its figures extracted beside it.

    Pages are cached in `_build/render-cache/analyse/<hash>/` by the executed notebook's content
    hash, so a prose edit does not convert every notebook again.
    """
    source = root / "_build" / "notebooks" / f"{stem}.ipynb"
    lock = root / "requirements.lock"  # and this module and pandoc's version: no stale pages
    key = hashlib.sha256(source.read_bytes() + lang.encode() + Path(__file__).read_bytes()
                         + (lock.read_bytes() if lock.is_file() else b"")).hexdigest()[:20]
    cached = root / "_build" / "render-cache" / "analyse" / f"{stem}-{key}"
    if not cached.is_dir():
        work = cached.with_name(cached.name + ".tmp")
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        pandoc.run(["-f", "ipynb", "-t", "html5", "--standalone", f"--extract-media=media-{stem}",
                    "--metadata", f"title=Analysen bak tallene: {stem}",
                    "--metadata", f"lang={lang}", "--css", "../assets/rapport.css",
                    "-V", 'include-before=<p class="tilbake"><a href="../index.html">← Tilbake til '
                    'rapporten</a></p>',
                    "-o", f"{stem}.html", str(source)],
                   fmt="html", cwd=work)
        for old in cached.parent.glob(f"{stem}-*"):
            if old != work:
                shutil.rmtree(old, ignore_errors=True)
        work.rename(cached)
    folder = out_dir / "analyse"
    written = []
    for path in sorted(p for p in cached.rglob("*") if p.is_file()):
        target = folder / path.relative_to(cached)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        written.append(target)
    return written


def meta_list(ast: dict, key: str) -> list:
    """A list of strings or of {key: string} maps from the AST's metadata (set by a filter)."""
    def plain(node):
        if node["t"] == "MetaMap":
            return {k: plain(v) for k, v in node["c"].items()}
        return node["c"] if node["t"] == "MetaString" else stringify(node["c"])
    node = ast["meta"].get(key)
    return [plain(item) for item in node["c"]] if node else []


def check_missing(project: Project, ast: dict) -> None:
    """The files the filter found missing (an image, a CSV download), named by source line."""
    missing = meta_list(ast, "rapport-missing")
    if missing:
        default = ("_quarto.yml", 1)
        source = project.source("html")
        raise CheckError([Problem(*source.locate(t, default), f"file not found: {t}")
                          for t in missing])


@lru_cache(maxsize=1)
def _page_template() -> Template:
    return Template((TEMPLATES / "page.html").read_text(encoding="utf-8"))


# How a page's body is written: by the one-page preview render (render/quick.py); the book's
# render writes every page's body with the same options in filters/page_bodies.lua.
BODY_WRITER = ("-t", "html5", "--wrap=none", "--section-divs")


def write_page(project: Project, index: BookIndex, ast: dict, page_name: str, blocks: list,
               out_dir: Path, body: str) -> tuple[Path, set[str]]:
    """One page of the book (`page_name`, e.g. «03-bruk.html») from its blocks of the filtered
    AST and its body as pandoc's HTML writer wrote them: the sidebar, on-page contents and
    previous/next from the index. Returns the file written and the notebooks the page links
    to."""
    template = _page_template()
    book_title = str(project.book.get("title", ""))
    house_css = ast["meta"].get("rapport-head", {}).get("c", "")  # a <style> from the filter
    by_page = {p.page: p for p in index.pages}
    order = [p.page for p in index.pages]
    page, n = by_page[page_name], order.index(page_name)
    aside, stems = analysis_links(body, project.root)
    body += aside
    toc = _on_page_toc(blocks, project.toc_depth())
    prev_page = by_page[order[n - 1]] if n > 0 else None
    next_page = by_page[order[n + 1]] if n + 1 < len(order) else None
    heading = _page_label(page) if page.part == "appendix" else page.title
    if page.prefix and page.part == "main":
        heading = f"{page.prefix} {page.title}"
    text = template.substitute(
        lang=_esc(project.lang()),
        house_css=house_css,
        page_title=_esc(f"{heading} – {book_title}" if heading else book_title),
        book_title=_esc(book_title),
        pdf_href=_esc(project.pdf_name()),
        sidebar=_sidebar(project, index, page.page),
        title_block=_title_block(project) if page.page == "index.html" else "",
        body=body,
        toc_title=_esc(project.language.get("toc-title-website", "På denne siden")),
        toc=toc,
        toc_class="" if toc else " empty",
        prev=_nav_link(prev_page, "prev"),
        next=_nav_link(next_page, "next"),
    )
    target = out_dir / page.page
    target.write_text(text, encoding="utf-8")
    return target, set(stems)


def render_html(project: Project, index: BookIndex, ast: dict, bodies: dict[str, str],
                out_dir: Path, tmp: Path, *, search: bool = True) -> list[Path]:
    """The HTML book from its filtered AST and the pages' bodies as the render's pandoc process
    wrote them (filters/page_bodies.lua)."""
    check_missing(project, ast)
    written: list[Path] = []
    notebooks: set[str] = set()
    for marker, blocks in split_pages(ast):
        target, stems = write_page(project, index, ast, marker["page"], blocks, out_dir,
                                   bodies[marker["page"]])
        written.append(target)
        notebooks.update(stems)

    # Assets: the extension's CSS and its resources (fonts), the page script; the files the
    # book links to (images, CSV downloads) as the extension's filter listed them.
    ext = project.extension
    assets = out_dir / "assets"
    copies = [(ext.css(), assets / ext.css().name), (ASSETS / "rapport.js", assets / "rapport.js")]
    copies += [(f, assets / f.relative_to(ext.dir)) for f in ext.html_resources()]
    copies += [(project.root / f["source"], out_dir / f["site"]) for f in meta_list(ast, "rapport-files")]
    for src, dst in copies:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        written.append(dst)
    for stem in sorted(notebooks):
        written.extend(render_notebook(project.root, stem, out_dir, project.lang()))
    if search:
        written.extend(run_pagefind(out_dir))
    return written


def run_pagefind(out_dir: Path) -> list[Path]:
    before = {p for p in out_dir.rglob("*") if p.is_file()}
    proc = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(out_dir), "--output-subdir", "pagefind"],
        capture_output=True,
    )
    if proc.returncode != 0:
        raise pandoc.RenderError("pagefind failed:\n" + proc.stdout.decode() + proc.stderr.decode())
    return sorted(p for p in out_dir.rglob("*") if p.is_file() and p not in before)

