"""Build checks: every failure names the source file and line («file:line: message»).

The renderer (`rapport.pipeline.render`) calls these while it builds; each raises `CheckError`.

Source-level checks (on the raw chapter text, before pandoc sees it):
- an `include` shortcode whose file does not exist (or includes itself);
- a `var` shortcode whose key is not in `_variables.yml`;
- an unknown shortcode.

Document-level checks (on the pandoc AST of the whole book, per output format):
- a cross-reference (`@fig-`, `@tbl-`, `@sec-`, ...) to an id that does not exist;
- a citation whose key is not in the bibliography;
- an image without alt text (neither `fig-alt` nor an image description);
- a figure or table (`#fig-…` / `#tbl-…` div) not followed by a `.kilde` div (a `.tabellnote`
  div may sit in between).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

# Cross-reference prefixes Quarto knows; a citation key with one of these prefixes is a
# cross-reference, never a bibliography key.
XREF_PREFIXES = (
    "fig", "tbl", "sec", "eq", "lst", "thm", "lem", "cor", "prp", "cnj", "def", "exm", "exr",
)
SUPPORTED_XREF = ("fig", "tbl", "sec")


class CheckError(Exception):
    """A failed build check. `str(err)` is «file:line: message» (one or more lines)."""

    def __init__(self, problems: Iterable["Problem"] | str):
        if isinstance(problems, str):
            self.problems: list[Problem] = []
            text = problems
        else:
            self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.message))
            text = "\n".join(str(p) for p in self.problems)
        super().__init__(text)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def xref_kind(key: str) -> str | None:
    """`fig` for `fig-x` (also `Fig-x`), None if the key is not a cross-reference."""
    head = key.split("-", 1)[0].lower()
    if "-" in key and head in XREF_PREFIXES:
        return head
    return None


# ---------------------------------------------------------------------------------------------
# Source map: which file and line a line of the expanded book text came from.


class SourceMap:
    """Lines of the expanded book text with their origin (file, line)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origins: list[tuple[str, int]] = []

    def add(self, line: str, origin: tuple[str, int]) -> None:
        self.lines.append(line)
        self.origins.append(origin)

    def extend(self, other: "SourceMap") -> None:
        self.lines.extend(other.lines)
        self.origins.extend(other.origins)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def locate(self, needle: str | re.Pattern, default: tuple[str, int],
               nth: int = 0) -> tuple[str, int]:
        """Origin of the `nth` (0-based) line that contains `needle` (a string or a compiled
        regex); the last such line if there are fewer; `default` if there is none."""
        found = None
        for line, origin in zip(self.lines, self.origins):
            hit = needle in line if isinstance(needle, str) else needle.search(line)
            if hit:
                found = origin
                if nth == 0:
                    return origin
                nth -= 1
        return found or default


# ---------------------------------------------------------------------------------------------
# Pandoc JSON AST helpers (plain dicts, as `pandoc -t json` writes them).


def walk(node) -> Iterator[dict]:
    """Every AST element (dict with "t") under `node`, in document order."""
    if isinstance(node, dict):
        if "t" in node:
            yield node
        for value in node.values():
            if isinstance(value, (list, dict)):
                yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def attr_of(el: dict) -> tuple[str, list[str], dict[str, str]] | None:
    """(id, classes, attributes) of a Div, Header, Image, Table, Figure, Span, Link..."""
    t = el.get("t")
    c = el.get("c")
    if t in ("Div", "Figure", "Table", "Span", "CodeBlock", "Code"):
        a = c[0]
    elif t == "Header":
        a = c[1]
    elif t in ("Image", "Link"):
        a = c[0]
    else:
        return None
    return a[0], a[1], dict(a[2])


def stringify(node) -> str:
    """Plain text of inlines (like pandoc.utils.stringify)."""
    out: list[str] = []
    for el in walk(node):
        t = el["t"]
        if t == "Str":
            out.append(el["c"])
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif t in ("Code", "Math", "RawInline"):
            out.append(el["c"][1])
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Document checks.


def check_document(
    blocks: list,
    ids: set[str],
    bib_keys: set[str],
    source: SourceMap,
    *,
    fmt: str,
) -> None:
    """Run all AST checks on the whole book (one output format); raise CheckError if any fail."""
    default = source.origins[0] if source.origins else ("?", 0)
    problems: list[Problem] = []

    def at(needle, message: str, nth: int = 0) -> None:
        file, line = source.locate(needle, default, nth)
        problems.append(Problem(file, line, message))

    seen_src: dict[str, int] = {}

    for el in walk(blocks):
        t = el["t"]
        if t == "Cite":
            for cit in el["c"][0]:
                key = cit["citationId"]
                kind = xref_kind(key)
                needle = re.compile(r"@" + re.escape(key) + r"(?![\w-])")
                if kind is not None:
                    if kind not in SUPPORTED_XREF:
                        at(needle, f"cross-reference type not supported: @{key}")
                    elif key[0].lower() + key[1:] not in ids:
                        at(needle, f"unresolved cross-reference @{key}" + ("" if fmt == "html" else " (in the PDF)"))
                elif key[0].lower() + key[1:] in ids and "-" in key:
                    pass  # a numbered box of a custom float kind (`crossref: custom:`)
                elif key not in bib_keys:
                    at(needle, f"citation [@{key}] not found in the bibliography")
        elif t == "Image":
            ident, classes, kv = attr_of(el)
            src = el["c"][2][0]
            alt = kv.get("fig-alt", "").strip() or stringify(el["c"][1]).strip()
            nth = seen_src.get(src, 0)
            seen_src[src] = nth + 1
            if not alt:
                at(src, f"image without alt text: {src} (add fig-alt=\"…\")", nth)

    _check_kilde(blocks, at)
    if problems:
        raise CheckError(problems)


def _is_exhibit(el: dict) -> str | None:
    """The id of a figure or table exhibit block (`#fig-…`/`#tbl-…` div, figure or table)."""
    if el.get("t") not in ("Div", "Figure", "Table"):
        return None
    ident = attr_of(el)[0]
    if ident.startswith(("fig-", "tbl-")):
        return ident
    return None


def _has_class(el: dict, cls: str) -> bool:
    a = attr_of(el)
    return a is not None and el.get("t") == "Div" and cls in a[1]


def _check_kilde(blocks: list, at) -> None:
    """Every exhibit block must be followed by a `.kilde` div (after an optional `.tabellnote`)."""

    def visit(seq: list) -> None:
        for i, el in enumerate(seq):
            if not isinstance(el, dict):
                continue
            ident = _is_exhibit(el)
            if ident:
                j = i + 1
                while j < len(seq) and _has_class(seq[j], "tabellnote"):
                    j += 1
                needle = re.compile(r"#" + re.escape(ident) + r"(?![\w-])")
                if not (j < len(seq) and _has_class(seq[j], "kilde")):
                    at(needle, f"{ident} has no «Kilde:» line after it (add a ::: {{.kilde}} div)")
                elif not stringify(seq[j]["c"][1]).lstrip().startswith("Kilde"):
                    at(needle, f"the .kilde div after {ident} does not start with «Kilde:»")
            # Recurse into block containers (divs, block quotes, list items).
            t = el.get("t")
            if t == "Div":
                visit(el["c"][1])
            elif t == "BlockQuote":
                visit(el["c"])
            elif t in ("BulletList",):
                for item in el["c"]:
                    visit(item)
            elif t == "OrderedList":
                for item in el["c"][1]:
                    visit(item)

    visit(blocks)
