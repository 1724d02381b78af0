"""The notebook authors' cookbook (docs/cookbook.md) stays true: every name it imports from
the package exists, every fact kind is in its table, and each row of that table gives the
text the formatter gives (the table's texts are written by hand)."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from pathlib import Path

import pytest

from rapport.exhibits.facts import KINDS, format_value

COOKBOOK = Path(__file__).resolve().parents[2] / "docs" / "cookbook.md"
TEXT = COOKBOOK.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, flags=re.S)
IMPORT = re.compile(r"^from (rapport[\w.]*) import (?:\(([^)]*)\)|((?:[^\n]*\\\n)*[^\n]*))",
                    flags=re.M)


def imported_names() -> list[tuple[str, str]]:
    names = []
    for block in BLOCKS:
        for module, grouped, line in IMPORT.findall(block):
            listed = (grouped or line).replace("\\\n", " ").split("#")[0]
            names += [(module, n.strip()) for n in listed.replace("\n", " ").split(",")
                      if n.strip()]
    return names


def kind_rows() -> list[tuple[str, str, str]]:
    section = TEXT[TEXT.index("## Facts of each kind"):]
    lines = section[section.index("|---|"):].splitlines()[1:]
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        kind, value, text = (cell.strip() for cell in line.strip("|").split("|"))
        rows.append((kind.strip("`"), value, text))
    return rows


def test_the_cookbook_has_examples():
    assert len(BLOCKS) >= 10 and len(imported_names()) >= 10


@pytest.mark.parametrize("module, name", imported_names())
def test_imported_names_exist(module, name):
    assert hasattr(importlib.import_module(module), name), f"docs/cookbook.md: {module}.{name}"


def test_every_kind_is_in_the_table():
    assert {kind for kind, _, _ in kind_rows()} == set(KINDS)


@pytest.mark.parametrize("kind, values, texts", kind_rows())
def test_table_row_is_what_the_formatter_writes(kind, values, texts):
    code = re.findall(r"`([^`]+)`", values)
    kwargs = dict(c.split("=") for c in code if re.fullmatch(r"\w+=\d+", c))
    inputs = [eval(c, {"date": dt.date}) for c in code if c not in
              {f"{k}={v}" for k, v in kwargs.items()}]
    expected = re.findall(r"«([^»]+)»", texts)
    assert len(inputs) == len(expected), f"{kind}: {values} / {texts}"
    decimals = int(kwargs["decimals"]) if "decimals" in kwargs else None
    got = [format_value(v, kind, decimals).replace("\u00a0", " ") for v in inputs]
    assert got == expected
