"""The cross-reference index of the whole book, built from the pandoc AST of one output format.

Numbering is global across chapters: chapters 1, 2, …, sections 1.1, 1.1.1 (to `number-depth`),
appendices «Vedlegg 1», figures «Figur 1» … and tables «Tabell 1» … in reading order. The Lua
filter (`filters/rapport.lua`) reads this index to number headings and captions and to write
every `@fig-`/`@tbl-`/`@sec-` reference as a link to the right page.
"""

from __future__ import annotations

import posixpath
from dataclasses import asdict, dataclass, field

from rapport.build.checks import Problem, attr_of, stringify, walk
from rapport.build.render.project import Project


@dataclass
class Entry:
    kind: str            # "fig", "tbl" or "sec"
    page: str            # HTML page the target is on
    title: str           # plain text of the heading or caption
    number: str = ""     # "3", "3.1", "1" (appendix) or "" (unnumbered)
    label: str = ""      # text of a reference: «Figur 3», «kapittel 3.1», «vedlegg 1»
    prefix: str = ""     # what precedes a heading/caption: «3.1», «Vedlegg 1:», «Figur 3:»
    level: int = 0       # heading level (sections only)
    part: str = "main"   # "front", "main" or "appendix"


@dataclass
class Page:
    page: str
    file: str
    part: str            # "front", "main" or "appendix"
    title: str = ""
    prefix: str = ""     # «3» or «Vedlegg 1:»
    id: str = ""


@dataclass
class BookIndex:
    entries: dict[str, Entry] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    refs_page: str = ""
    citations: list[str] = field(default_factory=list)   # cited bibliography keys, first use order
    files: list[str] = field(default_factory=list)       # root-relative local files referenced
    problems: list[tuple[str, str]] = field(default_factory=list)  # (needle, message)

    def to_json(self, project: Project, fmt: str) -> dict:
        cr = project.crossref
        return {
            "format": fmt,
            "entries": {k: asdict(v) for k, v in sorted(self.entries.items())},
            "pages": [asdict(p) for p in self.pages],
            "refs_page": self.refs_page,
            "fig_title": cr.get("fig-title", "Figur"),
            "tbl_title": cr.get("tbl-title", "Tabell"),
            "title_delim": cr.get("title-delim", ":"),
        }


def _marker(el: dict) -> dict | None:
    if el.get("t") == "Div":
        ident, classes, kv = attr_of(el)
        if "rapport-chapter" in classes:
            return kv
    return None


def build_index(project: Project, blocks: list, bib_keys: set[str]) -> BookIndex:
    cr = project.crossref
    lang = project.language
    fig_prefix = cr.get("fig-prefix", "Figur")
    tbl_prefix = cr.get("tbl-prefix", "Tabell")
    fig_title = cr.get("fig-title", "Figur")
    tbl_title = cr.get("tbl-title", "Tabell")
    delim = cr.get("title-delim", ":")
    sec_prefix = cr.get("sec-prefix", "kapittel")
    apx_prefix = lang.get("crossref-apx-prefix", "vedlegg")
    apx_title = cr.get("appendix-title", "Vedlegg")
    apx_delim = cr.get("appendix-delim", ":")
    depth = project.number_depth()

    index = BookIndex()
    page: Page | None = None
    numbered = False
    chap_no = app_no = fig_no = tbl_no = 0
    counters: list[int] = []

    def add(ident: str, entry: Entry) -> None:
        if not ident:
            return
        if ident in index.entries:
            index.problems.append(("#" + ident, f"duplicate id #{ident} (also on {index.entries[ident].page})"))
            return
        index.entries[ident] = entry

    for top in blocks:
        kv = _marker(top)
        if kv is not None:
            part = kv["part"]
            page = Page(kv["page"], kv["file"], part)
            index.pages.append(page)
            numbered = None  # decided by the chapter's first level-1 heading
            continue
        if page is None:
            continue
        for el in walk(top):
            t = el["t"]
            if t == "Header":
                level = el["c"][0]
                ident, classes, _ = attr_of(el)
                title = stringify(el["c"][2])
                unnumbered = "unnumbered" in classes
                if level == 1 and numbered is None:
                    numbered = not (unnumbered or page.page == "index.html")
                    if not numbered and page.part == "main":
                        page.part = "front"
                    page.title, page.id = title, ident
                entry = Entry("sec", page.page, title, level=level, part=page.part)
                if numbered and not unnumbered and level <= depth:
                    appendix = page.part == "appendix"
                    if level == 1:  # chapters and appendices are counted apart
                        if appendix:
                            app_no += 1
                        else:
                            chap_no += 1
                        counters = [app_no if appendix else chap_no]
                    else:
                        counters = (counters + [0] * level)[:level]
                        counters[level - 1] += 1
                    entry.number = ".".join(map(str, counters))
                    entry.label = f"{apx_prefix if appendix else sec_prefix} {entry.number}"
                    entry.prefix = (f"{apx_title} {entry.number}{apx_delim}"
                                    if appendix and level == 1 else entry.number)
                    if level == 1:
                        page.prefix = entry.prefix
                else:
                    entry.label = title
                add(ident, entry)
            elif t in ("Div", "Figure", "Table"):
                ident, classes, _ = attr_of(el)
                if ident == "refs":
                    index.refs_page = page.page
                if ident.startswith("fig-"):
                    fig_no += 1
                    cap = _caption(el)
                    add(ident, Entry("fig", page.page, cap, str(fig_no), f"{fig_prefix} {fig_no}",
                                     f"{fig_title} {fig_no}{delim}", part=page.part))
                elif ident.startswith("tbl-") and "unnumbered" in classes:
                    # An unnumbered table (the published report's «tabellen under»): captioned,
                    # outside the Tabell count; a reference to it reads «tabellen».
                    add(ident, Entry("tbl", page.page, _caption(el), "", "tabellen", "",
                                     part=page.part))
                elif ident.startswith("tbl-"):
                    tbl_no += 1
                    cap = _caption(el)
                    add(ident, Entry("tbl", page.page, cap, str(tbl_no), f"{tbl_prefix} {tbl_no}",
                                     f"{tbl_title} {tbl_no}{delim}", part=page.part))
            elif t == "Cite":
                for cit in el["c"][0]:
                    key = cit["citationId"]
                    if key in bib_keys and key not in index.citations:
                        index.citations.append(key)
            elif t in ("Image", "Link"):
                target = el["c"][2][0]
                if _is_local(target):
                    rel = resolve_local(target, page.file)
                    if rel.endswith(".qmd"):
                        continue
                    if not (project.root / rel).is_file():
                        index.problems.append((target, f"file not found: {target}"))
                    elif rel not in index.files:
                        index.files.append(rel)
    return index


def resolve_local(target: str, chapter_file: str) -> str:
    """Root-relative path of a local link/image target (`/x` = project root, else relative to
    the chapter file), without `#fragment`. Mirrors `resolve` in filters/rapport.lua."""
    path = target.split("#", 1)[0]
    base = path[1:] if path.startswith("/") else posixpath.join(posixpath.dirname(chapter_file), path)
    parts: list[str] = []
    for seg in base.split("/"):
        if seg == "..":
            if parts:
                parts.pop()
        elif seg not in ("", "."):
            parts.append(seg)
    return "/".join(parts)


def site_path(rel: str) -> str:
    """Where a root-relative file goes in the HTML site (mirrors `site_path` in rapport.lua)."""
    prefix = "_build/artifacts/"
    return "data/" + rel[len(prefix):] if rel.startswith(prefix) else rel


def _is_local(target: str) -> bool:
    if not target or target.startswith("#"):
        return False
    if ":" in target.split("/")[0]:  # http:, https:, mailto:, data:
        return False
    return True


def _caption(el: dict) -> str:
    """Caption text of an exhibit: the last paragraph of a fig/tbl div, or the caption field."""
    t = el["t"]
    if t == "Div":
        body = el["c"][1]
        if body and body[-1]["t"] in ("Para", "Plain"):
            return stringify(body[-1]["c"])
        return ""
    if t == "Figure":
        return stringify(el["c"][1])
    if t == "Table":
        return stringify(el["c"][1])
    return ""


def problems_to_check(index: BookIndex, source) -> list[Problem]:
    out = []
    default = source.origins[0] if source.origins else ("?", 0)
    for needle, message in index.problems:
        file, line = source.locate(needle, default)
        out.append(Problem(file, line, message))
    return out
