"""The cross-reference index of the whole book, built from the pandoc AST of one output format.

Chapters 1, 2, …, sections 1.1, 1.1.1 (to `number-depth`); appendices «Vedlegg 1» or «Vedlegg A»
(`house-style.appendix-numbering`); figures and tables in reading order, «Figur 12» across the
book or «Figur 5-12» per chapter (`house-style.numbering`, `numbering-separator`), captions
«Figur 3: …» (`caption-delimiter`). The extension's filter (`_extensions/rapport/rapport.lua`)
reads this index to number headings and captions and to write every `@fig-`/`@tbl-`/`@sec-`
reference as a link to the right page.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from rapport.build.checks import CheckError, Problem, attr_of, stringify, walk
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
    problems: list[tuple[str, str]] = field(default_factory=list)  # (needle, message)

    def to_json(self, project: Project, fmt: str) -> dict:
        return {
            "format": fmt,
            "entries": {k: asdict(v) for k, v in sorted(self.entries.items())},
            "pages": [asdict(p) for p in self.pages],
            "refs_page": self.refs_page,
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
    style = project.house_style()
    delim = str(style.get("caption-delimiter", cr.get("title-delim", ":")))
    per_chapter = style.get("numbering", "global") == "chapter"
    separator = str(style.get("numbering-separator", "-"))
    letters = str(style.get("appendix-numbering", "1")) == "A"
    if per_chapter and not letters and any(c.part == "appendix" for c in project.chapters):
        raise CheckError("_quarto.yml:1: house-style: numbering: chapter needs appendix-numbering:"
                         ' "A" (with "1", «Tabell 3-1» would name a table in kapittel 3 and one in'
                         " vedlegg 3)")
    sec_prefix = cr.get("sec-prefix", "kapittel")
    apx_prefix = lang.get("crossref-apx-prefix", "vedlegg")
    apx_title = cr.get("appendix-title", "Vedlegg")
    apx_delim = cr.get("appendix-delim", ":")
    depth = project.number_depth()

    index = BookIndex()
    page: Page | None = None
    numbered = False
    chap_no = app_no = fig_no = tbl_no = 0
    counters: list = []
    chapter_label = ""   # «3» or «A»: the chapter part of per-chapter exhibit numbers

    def exhibit_number(n: int) -> str:
        return f"{chapter_label}{separator}{n}" if per_chapter and chapter_label else str(n)

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
                        counters = [(chr(64 + app_no) if letters else app_no) if appendix
                                    else chap_no]
                        chapter_label = str(counters[0])
                        if per_chapter:
                            fig_no = tbl_no = 0
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
                    n = exhibit_number(fig_no)
                    add(ident, Entry("fig", page.page, _caption(el), n, f"{fig_prefix} {n}",
                                     f"{fig_title} {n}{delim}", part=page.part))
                elif ident.startswith("tbl-") and "unnumbered" in classes:
                    # An unnumbered table (the published report's «tabellen under»): captioned,
                    # outside the Tabell count; a reference to it reads «tabellen».
                    add(ident, Entry("tbl", page.page, _caption(el), "", "tabellen", "",
                                     part=page.part))
                elif ident.startswith("tbl-"):
                    tbl_no += 1
                    n = exhibit_number(tbl_no)
                    add(ident, Entry("tbl", page.page, _caption(el), n, f"{tbl_prefix} {n}",
                                     f"{tbl_title} {n}{delim}", part=page.part))
            elif t == "Cite":
                for cit in el["c"][0]:
                    key = cit["citationId"]
                    if key in bib_keys and key not in index.citations:
                        index.citations.append(key)
    return index


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
