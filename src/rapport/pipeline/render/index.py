"""The book index as the extension's filter computed it (`_extensions/rapport/rapport.lua`,
`build_index`): the numbers of chapters, sections, figures and tables as the house style says,
every cross-reference target, and the pages. The filter writes it into the parsed document's
metadata (`rapport-index`, JSON); this renderer reads it for the checks and the HTML pages."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from rapport.pipeline.checks import Problem


@dataclass
class Page:
    page: str            # HTML file name
    file: str            # chapter file
    part: str            # "front", "main" or "appendix"
    title: str = ""
    prefix: str = ""     # «3» or «Vedlegg 1:»
    id: str = ""


@dataclass
class BookIndex:
    entries: dict[str, dict] = field(default_factory=dict)   # id -> {kind, page, number, label, …}
    pages: list[Page] = field(default_factory=list)
    refs_page: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)  # (needle, message)


def read_index(ast: dict) -> BookIndex:
    data = json.loads(ast["meta"]["rapport-index"]["c"])
    return BookIndex(data.get("entries") or {}, [Page(**p) for p in data.get("pages") or []],
                     data.get("refs_page", ""), [tuple(p) for p in data.get("problems") or []])


def problems_to_check(index: BookIndex, source) -> list[Problem]:
    default = source.origins[0] if source.origins else ("?", 0)
    return [Problem(*source.locate(needle, default), message) for needle, message in index.problems]
