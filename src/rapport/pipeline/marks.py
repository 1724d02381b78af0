"""Changed passages marked in the chapters themselves, for the preview's review pages.

`mark_chapters(changes, old_chapters, new_chapters)` returns the chapters' source texts with
inline HTML around what changed since the baseline, and where each mark went:

- every shown use of a fact whose text changed, `{{< var key >}}`, becomes
  `<mark class="rapport-endret-tall" id="…">{{< var key >}}<span class="rapport-for"> (før: …)</span></mark>`;
- every changed run of words (`changes.word_opcodes`, the same diff the summary shows) becomes
  `<del class="rapport-endring">old words</del><ins class="rapport-endring" id="…">new words</ins>`,
  each with a visually hidden «Fjernet tekst:»/«Ny tekst:» so that the change is not shown by
  colour or line style alone.

Only plain prose is marked: a run that holds Markdown syntax, crosses a paragraph, or sits on
a heading, table, list-marker or div line is left as it is (the change page still lists it),
so that marking never changes how the page is parsed. Line numbers stay as they were, so
the build's messages still name the right line. The published book never gets these texts.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from rapport.pipeline.changes import Changes, word_opcodes, words
from rapport.pipeline.render.project import FRONT_MATTER, escape_markdown, page_name

_VAR = re.compile(r"\{\{<\s*var\s+([A-Za-z0-9_.\-]+)\s*>\}\}")
_SYNTAX = re.compile(r"[{}\[\]<>|#*_`@$^~\\]|:::")
_SKIPPED_LINE = re.compile(r"^\s*(#|\||\+[-=]|:::|>|[-+*]\s|\d+[.)]\s|```|~~~)")
_LIST_MARKER = re.compile(r"^(?:[-+*]|\d+[.)])$")


@dataclass
class Marked:
    texts: dict[str, str] = field(default_factory=dict)         # chapter -> marked source
    facts: dict[tuple[str, str], str] = field(default_factory=dict)  # (key, "ch:line") -> href
    prose: dict[tuple[str, int], str] = field(default_factory=dict)  # (chapter, hunk) -> href
    count: int = 0                                                 # marks placed


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _blocked_lines(text: str) -> set[int]:
    """Line numbers (1-based) that are never marked: front matter, fenced code, and lines
    whose Markdown meaning depends on their first characters."""
    blocked: set[int] = set()
    front = FRONT_MATTER.match(text)
    skip_to = front.group(0).count("\n") if front else 0
    fence = None
    for n, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if n <= skip_to:
            blocked.add(n)
            continue
        if stripped.startswith(("```", "~~~")):
            fence = None if fence else stripped[:3]
            blocked.add(n)
            continue
        if fence or _SKIPPED_LINE.match(line):
            blocked.add(n)
    return blocked


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _prose_marks(old: str, new: str, stem: str, blocked: set[int]):
    """(offset, text to insert, hunk number) for each markable changed run of words."""
    a, b = words(old), words(new)
    inserts = []
    for k, (_tag, i1, i2, j1, j2) in enumerate(word_opcodes(old, new)):
        removed = " ".join(m.group(0) for m in a[i1:i2])
        if j2 > j1:
            start, end = b[j1].start(), b[j2 - 1].end()
        else:  # words removed only: mark the place after the word before
            start = end = b[j1 - 1].end() if j1 > 0 else (b[0].start() if b else 0)
        span = new[start:end]
        lines = range(_line_of(new, start), _line_of(new, end) + 1)
        if ("\n\n" in span or _SYNTAX.search(span) or any(n in blocked for n in lines)
                or any(_LIST_MARKER.match(m.group(0)) for m in b[j1:j2])):
            continue
        ident = f"endring-tekst-{stem}-{k + 1}"
        gone = ""
        if removed and not _SYNTAX.search(removed):
            gone = ('<del class="rapport-endring"><span class="visually-hidden">Fjernet tekst: '
                    f"</span>{html.escape(removed, quote=False)}</del>")
            if j2 > j1:
                gone += " "  # the old and the new words stay apart
        if j2 > j1:
            opening = (f'{gone}<ins class="rapport-endring" id="{ident}"><span '
                       'class="visually-hidden">Ny tekst: </span>')
            inserts += [(start, opening, k), (end, "</ins>", None)]
        elif gone:
            inserts.append((start, " " + gone.replace("<del ", f'<del id="{ident}" ', 1), k))
    return inserts


def _fact_marks(text: str, olds: dict[str, str], blocked: set[int], counter: dict):
    """(offset, text to insert, (key, line)) around each markable use of a changed fact."""
    inserts = []
    for n, line in enumerate(text.split("\n"), 1):
        if n in blocked:
            continue
        base = sum(len(x) + 1 for x in text.split("\n")[: n - 1])
        for match in _VAR.finditer(line):
            key = match.group(1)
            if key not in olds:
                continue
            before = _VAR.sub("", line[: match.start()])
            if before.count("{") > before.count("}") or before.count('"') % 2:
                continue  # inside an attribute or a quoted value
            counter[key] = counter.get(key, 0) + 1
            ident = f"endring-tall-{slug(key)}-{counter[key]}"
            old = olds[key]
            was = ("ny" if old is None else
                   "før: " + html.escape(escape_markdown(old), quote=False))
            inserts += [
                (base + match.start(), f'<mark class="rapport-endret-tall" id="{ident}">',
                 (key, n, ident)),
                (base + match.end(), f'<span class="rapport-for"> ({was})</span></mark>', None),
            ]
    return inserts


def mark_chapters(changes: Changes, old_chapters: dict[str, str],
                  new_chapters: dict[str, str]) -> Marked:
    """The new chapters' texts with the changes since `old_chapters` marked (see the module)."""
    marked = Marked()
    olds = {f.key: f.old for f in changes.facts if f.new is not None}
    counter: dict[str, int] = {}
    for rel, text in new_chapters.items():
        page = page_name(rel)
        blocked = _blocked_lines(text)
        inserts = _fact_marks(text, olds, blocked, counter)
        for _offset, _text, where in inserts:
            if where:
                key, line, ident = where
                marked.facts.setdefault((key, f"{rel}:{line}"), f"{page}#{ident}")
        if rel in changes.prose:
            stem = slug(rel.rsplit("/", 1)[-1].rsplit(".", 1)[0])
            for offset, piece, k in _prose_marks(old_chapters.get(rel, ""), text, stem, blocked):
                inserts.append((offset, piece, None))
                if k is not None:
                    marked.prose[(rel, k)] = f"{page}#endring-tekst-{stem}-{k + 1}"
        if not inserts:
            continue
        ordered = sorted(enumerate(inserts), key=lambda e: (e[1][0], e[0]))
        out, last = [], 0
        for _i, (offset, piece, _w) in ordered:
            out += [text[last:offset], piece]
            last = offset
        out.append(text[last:])
        marked.texts[rel] = "".join(out)
    marked.count = len(marked.facts) + len(marked.prose)
    return marked


# ------------------------------------------------------------------------------------------
# Changed table cells, marked in the tables themselves (the parsed book, HTML only)


def _str(text: str) -> list[dict]:
    """Inlines for plain text (words and spaces)."""
    out: list[dict] = []
    for n, word in enumerate(text.split(" ")):
        if n:
            out.append({"t": "Space"})
        if word:
            out.append({"t": "Str", "c": word})
    return out


def _span(ident: str, classes: list[str], inlines: list[dict]) -> dict:
    return {"t": "Span", "c": [[ident, classes, []], inlines]}


def _table_cells(table: dict) -> tuple[list[str], dict[str, list]]:
    """The header texts and the body rows by key, each row its list of pandoc cells: the
    same rows and keys as `changes.cell_changes` compares."""
    from rapport.pipeline.changes import cell_text, row_keys, table_cells

    rows = table_cells(table)
    if not rows:
        return [], {}
    text = [[cell_text(cell) for cell in row] for row in rows]
    return text[0], dict(zip(row_keys(text[1:]), rows[1:]))


def mark_table_cells(blocks: list[dict], exhibits) -> dict[tuple[str, str, str], str]:
    """Mark, in the parsed book's tables, every cell whose shown value changed
    (`changes.ExhibitChange.cells` of tables): the new value in a highlighted span with the
    old one after it («(før: 12 %)»), and a visually hidden «Endret tall:» so the change is
    not shown by colour alone. Returns (exhibit id, row, column) -> the mark's anchor id."""
    from rapport.pipeline.changes import _find_table

    wanted = {e.ident: e.cells for e in exhibits if e.ident.startswith("tbl-") and e.cells}
    anchors: dict[tuple[str, str, str], str] = {}

    def visit(items: list[dict]) -> None:
        for block in items:
            if block.get("t") != "Div":
                continue
            ident = block["c"][0][0]
            if ident not in wanted:
                visit(block["c"][1])
                continue
            table = _find_table(block["c"][1])
            if table is None:
                continue
            header, rows = _table_cells(table)
            for n, change in enumerate(c for c in wanted[ident]
                                       if c.old is not None and c.new is not None):
                cells = rows.get(change.row)
                if cells is None or change.column not in header:
                    continue
                cell = cells[header.index(change.column)]
                anchor = f"endret-celle-{ident}-{n + 1}"
                content = [i for b in cell[4] if b["t"] in ("Plain", "Para") for i in b["c"]]
                cell[4] = [{"t": "Plain", "c": [_span(anchor, ["rapport-endret-celle"], [
                    _span("", ["visually-hidden"], _str("Endret tall:")), {"t": "Space"},
                    *content,
                    _span("", ["rapport-for"], [{"t": "Space"}, *_str(f"(før: {change.old})")]),
                ])]}]
                anchors[(ident, change.row, change.column)] = anchor

    visit(blocks)
    return anchors
