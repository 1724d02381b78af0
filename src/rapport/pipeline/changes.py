"""What changed between two builds of a report, for reviewers: facts, table cells, figure data,
exhibits added or removed, and the prose word by word.

Input is two build records (`rapport.pipeline.record`); output is a `Changes` value that the
Markdown summary (CI, pull requests) and the HTML change page are written from. Tables are
compared as shown (the cells of the rendered table, formatted), figures by the data behind them,
facts by the text the prose shows (and the raw value), chapters by their words.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import math
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FactChange:
    key: str
    old: str | None          # text as the prose showed it (None: the fact is new)
    new: str | None          # None: the fact was removed
    used: tuple[str, ...]    # chapter:line places that show it (in the new build, else the old)


@dataclass(frozen=True)
class CellChange:
    row: str                 # the row's label (first cell), or «rad N»
    column: str
    old: str | None
    new: str | None


@dataclass
class ExhibitChange:
    ident: str
    caption: str
    cells: list[CellChange] = field(default_factory=list)     # table cells as shown / figure data
    text: list[tuple[str, str, str]] = field(default_factory=list)  # (part, old, new): caption…
    images: tuple[list[str], list[str]] = ([], [])           # (old, new) image paths, figures


@dataclass(frozen=True)
class ProseHunk:
    before: str              # a few words of context
    removed: str
    added: str
    after: str


@dataclass
class Changes:
    facts: list[FactChange] = field(default_factory=list)
    exhibits: list[ExhibitChange] = field(default_factory=list)
    added: list[str] = field(default_factory=list)            # exhibit ids
    removed: list[str] = field(default_factory=list)
    prose: dict[str, list[ProseHunk]] = field(default_factory=dict)  # chapter -> hunks

    def empty(self) -> bool:
        return not (self.facts or self.exhibits or self.added or self.removed or self.prose)


# ------------------------------------------------------------------------------------------
# Exhibits as shown: caption, table cells, notes and source line, from the snippets' Markdown


def _stringify(node) -> str:
    if isinstance(node, list):
        return "".join(_stringify(n) for n in node)
    if not isinstance(node, dict):
        return ""
    kind, content = node.get("t"), node.get("c")
    if kind == "Str":
        return content
    if kind in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if kind in ("Link", "Image"):
        return _stringify(content[1])
    if kind in ("Span", "Div"):
        return _stringify(content[1])
    if kind in ("Code", "Math"):
        return content[1]
    if kind == "Quoted":
        return "«" + _stringify(content[1]) + "»"
    if kind == "Cite":
        return _stringify(content[1])
    if kind in ("Para", "Plain", "Emph", "Strong", "Underline", "Strikeout", "SmallCaps",
                "Superscript", "Subscript"):
        return _stringify(content)
    if isinstance(content, list):
        return _stringify(content)
    return ""


def table_cells(table) -> list[list]:
    """Every row of a pandoc Table (head, bodies, foot), each a list of its pandoc cells."""
    _attr, _caption, _specs, head, bodies, foot = table["c"]
    rows = [row[1] for row in head[1]]
    for body in bodies:
        rows += [row[1] for row in (*body[2], *body[3])]
    return rows + [row[1] for row in foot[1]]


def cell_text(cell) -> str:
    return " ".join(_stringify(cell[4]).split())


def _table_rows(table) -> list[list[str]]:
    """Every row of a pandoc Table (head, bodies, foot) as cell texts."""
    return [[cell_text(cell) for cell in row] for row in table_cells(table)]


def row_keys(body: list[list[str]]) -> list[str]:
    """How the rows of a table's body are told apart: by their first cell when it is unique
    (a label column), else by position («rad 1», «rad 2», …)."""
    labels = [row[0] if row else "" for row in body]
    if len(set(labels)) == len(labels):
        return labels
    return [f"rad {i + 1}" for i in range(len(body))]


def _find_table(blocks):
    for block in blocks:
        if block.get("t") == "Table":
            return block
        if block.get("t") == "Div":
            found = _find_table(block["c"][1])
            if found:
                return found
    return None


def shown(snippets: dict[str, str]) -> dict[str, dict]:
    """Exhibit id -> {caption, rows, notes, source} from the snippets' Markdown (one pandoc run)."""
    if not snippets:
        return {}
    import pypandoc

    text = "\n\n".join(snippets[k] for k in sorted(snippets))
    doc = json.loads(pypandoc.convert_text(text, "json", format="markdown"))
    result: dict[str, dict] = {}
    current = None
    for block in doc["blocks"]:
        if block.get("t") != "Div":
            continue
        (ident, classes, _kv), inner = block["c"]
        if ident in snippets:
            paragraphs = [b for b in inner if b.get("t") in ("Para", "Plain")]
            table = _find_table(inner)
            current = result[ident] = {
                "caption": " ".join(_stringify(paragraphs[-1]).split()) if paragraphs else "",
                "rows": _table_rows(table) if table else [],
                "notes": "",
                "source": "",
            }
        elif current is not None and "kilde" in classes:
            current["source"] = " ".join(_stringify(inner).split())
        elif current is not None and "tabellnote" in classes:
            current["notes"] = " ".join(_stringify(inner).split())
    return result


def _csv_rows(text: str | None) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text))) if text else []


def cell_changes(old: list[list[str]], new: list[list[str]]) -> list[CellChange]:
    """Cells that differ between two tables given as rows (the first row is the header).

    Rows are matched by their first cell when it is unique in both tables (a label column),
    otherwise by position; columns by header text. Added and removed rows and columns show as
    cells with old or new None.
    """
    if not old and not new:
        return []
    old_head, old_body = (old[0], old[1:]) if old else ([], [])
    new_head, new_body = (new[0], new[1:]) if new else ([], [])

    def keyed(body):
        keys = row_keys(body)
        return dict(zip(keys, body)), keys

    old_rows, old_keys = keyed(old_body)
    new_rows, new_keys = keyed(new_body)
    order = new_keys + [k for k in old_keys if k not in new_rows]
    columns = list(new_head) + [c for c in old_head if c not in new_head]
    changes = []
    for key in order:
        before, after = old_rows.get(key), new_rows.get(key)
        for column in columns:
            a = _cell(before, old_head, column)
            b = _cell(after, new_head, column)
            if a != b:
                changes.append(CellChange(key, column, a, b))
    return changes


def _cell(row, head, column):
    if row is None or column not in head:
        return None
    index = head.index(column)
    return row[index] if index < len(row) else ""


# ------------------------------------------------------------------------------------------
# Prose, word by word

_WORD = re.compile(r"\S+")


def words(text: str) -> list[re.Match]:
    """The words of a text (runs of non-space), with their places in it."""
    return list(_WORD.finditer(text))


def word_opcodes(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """The changed runs of words (difflib opcodes over `words`, the equal runs left out): the
    one rule by which both the change summary and the marks in the chapter pages diff prose."""
    a = [m.group(0) for m in words(old)]
    b = [m.group(0) for m in words(new)]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [op for op in matcher.get_opcodes() if op[0] != "equal"]


def prose_hunks(old: str, new: str, context: int = 6) -> list[ProseHunk]:
    """The changed runs of words between two texts, each with a few words of context."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    hunks = []
    for _tag, i1, i2, j1, j2 in word_opcodes(old, new):
        before, after = a[max(0, i1 - context):i1], a[i2:i2 + context]
        # The context is prose a reader sees: it stops at a shortcode's source.
        cut = [k for k, w in enumerate(before) if ">}}" in w]
        before = before[cut[-1] + 1:] if cut else before
        cut = [k for k, w in enumerate(after) if "{{<" in w]
        after = after[:cut[0]] if cut else after
        hunks.append(ProseHunk(
            before=" ".join(before),
            removed=" ".join(a[i1:i2]),
            added=" ".join(b[j1:j2]),
            after=" ".join(after),
        ))
    return hunks


# ------------------------------------------------------------------------------------------


def same_raw(a, b) -> bool:
    """Two raw fact values are the same when equal, or when both are numbers that differ only by
    floating-point noise (a sum of shares computed in another order), which no reader sees."""
    if a == b:
        return True
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool) \
            and not isinstance(b, bool):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return False


def compare(old: dict, new: dict) -> Changes:
    """Everything a reviewer needs to know that changed from record `old` to record `new`."""
    changes = Changes()
    old_facts, new_facts = old.get("facts", {}), new.get("facts", {})
    for key in sorted(set(old_facts) | set(new_facts)):
        a, b = old_facts.get(key), new_facts.get(key)
        a_text = None if a is None else str(a.get("text"))
        b_text = None if b is None else str(b.get("text"))
        same_value = a is not None and b is not None and same_raw(a.get("value"), b.get("value"))
        if a_text != b_text or not same_value:
            used = tuple((b or a).get("used", []))
            changes.facts.append(FactChange(key, a_text, b_text, used))

    old_ex, new_ex = old.get("exhibits", {}), new.get("exhibits", {})
    changes.added = sorted(set(new_ex) - set(old_ex))
    changes.removed = sorted(set(old_ex) - set(new_ex))
    common = sorted(set(old_ex) & set(new_ex))
    old_shown = shown({k: old_ex[k]["snippet"] for k in common})
    new_shown = shown({k: new_ex[k]["snippet"] for k in common})
    for ident in common:
        a, b = old_shown.get(ident, {}), new_shown.get(ident, {})
        change = ExhibitChange(ident, b.get("caption", ""))
        for part, label in (("caption", "Tittel"), ("notes", "Merknad"), ("source", "Kilde")):
            if a.get(part, "") != b.get(part, ""):
                change.text.append((label, a.get(part, ""), b.get(part, "")))
        if ident.startswith("tbl-") and (a.get("rows") or b.get("rows")):
            change.cells = cell_changes(a.get("rows", []), b.get("rows", []))
        else:
            change.cells = cell_changes(_csv_rows(old_ex[ident].get("data")),
                                        _csv_rows(new_ex[ident].get("data")))
        if change.cells or change.text:
            change.images = (old_ex[ident].get("images", []), new_ex[ident].get("images", []))
            changes.exhibits.append(change)

    old_ch, new_ch = old.get("chapters", {}), new.get("chapters", {})
    for name in list(new_ch) + [n for n in old_ch if n not in new_ch]:
        hunks = prose_hunks(old_ch.get(name, ""), new_ch.get(name, ""))
        if hunks:
            changes.prose[name] = hunks
    return changes


# ------------------------------------------------------------------------------------------
# Markdown summary (CI step summary, pull-request comment, artifact)


def counts(n: int, one: str, many: str) -> str:
    """«1 kapittel», «2 kapitler»."""
    return f"{n} {one if n == 1 else many}"


def counts_line(changes: Changes) -> str:
    """The one-line count of what changed, in the summary and on the change page."""
    line = (f"Endret: {counts(len(changes.facts), 'tall', 'tall')} i teksten, "
            f"{counts(len(changes.exhibits), 'tabell eller figur', 'tabeller og figurer')}, "
            f"tekst i {counts(len(changes.prose), 'kapittel', 'kapitler')}")
    if changes.added or changes.removed:
        line += (f"; {counts(len(changes.added), 'ny', 'nye')} og "
                 f"{counts(len(changes.removed), 'fjernet', 'fjernede')} tabeller og figurer")
    return line + "."


def _md(text: str | None) -> str:
    if text is None:
        return "–"
    return str(text).replace("|", "\\|").replace("\n", " ") or "(tom)"


def to_markdown(changes: Changes, baseline: str) -> str:
    """A Markdown summary in Norwegian: what a data or text change did to the report."""
    lines = [f"## Endringer i rapporten siden {baseline}", ""]
    if changes.empty():
        lines.append("Ingen tall, tabeller, figurer eller tekst er endret.")
        return "\n".join(lines) + "\n"
    lines += [counts_line(changes), ""]
    if changes.facts:
        lines += ["### Tall i teksten", "", "| nøkkel | før | nå | brukt i |", "|---|---|---|---|"]
        for f in changes.facts:
            lines.append(f"| `{f.key}` | {_md(f.old)} | {_md(f.new)} | {', '.join(f.used) or '–'} |")
        lines.append("")
    if changes.added or changes.removed:
        lines += ["### Nye og fjernede tabeller og figurer", ""]
        lines += [f"- lagt til: `{i}`" for i in changes.added]
        lines += [f"- fjernet: `{i}`" for i in changes.removed]
        lines.append("")
    for ex in changes.exhibits:
        lines += [f"### `{ex.ident}`: {_md(ex.caption)}", ""]
        for label, a, b in ex.text:
            lines.append(f"- {label}: «{_md(a)}» → «{_md(b)}»")
        if ex.cells:
            one, many = ("celle", "celler") if ex.ident.startswith("tbl-") else (
                "datapunkt", "datapunkter")
            lines += [""] if ex.text else []
            lines += ["| rad | kolonne | før | nå |", "|---|---|---|---|"]
            lines += [f"| {_md(c.row)} | {_md(c.column)} | {_md(c.old)} | {_md(c.new)} |"
                      for c in ex.cells]
            lines.append(f"\n{len(ex.cells)} {one if len(ex.cells) == 1 else many} endret.")
        lines.append("")
    if changes.prose:
        lines += ["### Teksten, ord for ord", ""]
        for name, hunks in changes.prose.items():
            lines.append(f"**{name}**")
            lines.append("")
            for h in hunks:
                removed = f"~~{_md(h.removed)}~~ " if h.removed else ""
                added = f"**{_md(h.added)}** " if h.added else ""
                lines.append(f"- …{_md(h.before)} {removed}{added}{_md(h.after)}…")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
