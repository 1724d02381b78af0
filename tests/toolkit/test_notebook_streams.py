"""The published notebook page does not depend on how the kernel split what a cell printed.

ipykernel sends a cell's stdout in pieces timed by its flush interval: the same two `print`
calls arrive as one stream output on one run and as two on another (observed on the NAV
Vestland example's theory-of-change page, which differed between two clean rebuilds).
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from rapport.pipeline.publish_notebooks import coalesce_streams, publishable


def _notebook(root: Path, outputs: list[dict]):
    script = root / "notebooks" / "05-x.py"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text("# %%\nprint('a')\nprint('b')\n", encoding="utf-8")
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print('a')\nprint('b')", execution_count=1)
    cell["id"] = "cell-1"
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    nb.cells = [cell]
    return nb


def _out(text: str, name: str = "stdout") -> dict:
    return {"output_type": "stream", "name": name, "text": text}


def _page(root: Path, outputs: list[dict]) -> str:
    nb = _notebook(root, outputs)
    page = publishable(nb, root=root, stem="05-x", source=root / "notebooks" / "05-x.py",
                       restricted=False, reviewer=False)
    return nbformat.writes(page)


def test_one_flush_or_two_give_the_same_page(tmp_path):
    root = tmp_path / "p"
    split = _page(root, [_out("Figur 1: alt\n"), _out("Figur 8: alt\n")])
    whole = _page(root, [_out("Figur 1: alt\nFigur 8: alt\n")])
    assert split == whole
    outputs = nbformat.reads(whole, as_version=4).cells[0].outputs
    assert [o["text"] for o in outputs] == ["Figur 1: alt\nFigur 8: alt\n"]


def test_only_adjacent_streams_of_one_name_are_joined():
    display = {"output_type": "display_data", "metadata": {}, "data": {"text/plain": "x"}}
    joined = coalesce_streams([
        _out("a\n"), _out("b\n"), _out("w\n", "stderr"), _out("c\n"), display, _out("d\n"),
        _out("e\n")])
    assert [(o["output_type"], o.get("name"), o.get("text")) for o in joined] == [
        ("stream", "stdout", "a\nb\n"), ("stream", "stderr", "w\n"), ("stream", "stdout", "c\n"),
        ("display_data", None, None), ("stream", "stdout", "d\ne\n")]


def test_the_executed_notebook_is_not_changed(tmp_path):
    root = tmp_path / "p"
    nb = _notebook(root, [_out("a\n"), _out("b\n")])
    publishable(nb, root=root, stem="05-x", source=root / "notebooks" / "05-x.py",
                restricted=False, reviewer=False)
    assert [o["text"] for o in nb.cells[0].outputs] == ["a\n", "b\n"]


def test_text_given_as_a_list_of_lines_is_joined():
    assert coalesce_streams([_out(["a\n", "b\n"]), _out("c\n")])[0]["text"] == "a\nb\nc\n"
