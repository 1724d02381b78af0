"""Privacy on the notebook pages: no machine paths, no unsuppressed register outputs; and a
machine path that reaches the book stops the publish."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from rapport.pipeline import cli
from rapport.pipeline.leaks import published_leaks
from rapport.pipeline.publish_notebooks import publishable

REPO = Path(__file__).resolve().parents[2]


def executed(root: Path, stem: str, source: str, outputs: list[dict]):
    """A notebook as the kernel left it: one code cell (the script's) with `outputs`."""
    script = root / "notebooks" / f"{stem}.py"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(source, encoding="utf-8")
    code = source.split("# %%\n", 1)[1].rstrip("\n")
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(code, execution_count=1)
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    nb.cells = [cell]
    return nb


def stream(text: str) -> dict:
    return {"output_type": "stream", "name": "stderr", "text": text}


def test_machine_paths_become_project_paths(tmp_path):
    from ipykernel.compiler import get_tmp_hash_seed, murmur2_x86

    root = tmp_path / "proj"
    source = "# %%\nimport warnings\n\nwarnings.warn('gammel kode')\nout = 1\n"
    code = source.split("# %%\n", 1)[1].rstrip("\n")
    cell_file = f"/tmp/ipykernel_4711/{murmur2_x86(code, get_tmp_hash_seed())}.py"
    nb = executed(root, "03-x", source, [
        stream(f"{cell_file}:3: UserWarning: gammel kode\n"),
        {"output_type": "execute_result", "execution_count": 1, "metadata": {},
         "data": {"text/plain":
                  f"PosixPath('{root}/_build/staging/03-x/tbl-a.csv'), '{root}/data/x.csv', "
                  f"'{Path.home()}/.cache/x'"}},
    ])
    page = publishable(nb, root=root, stem="03-x", source=root / "notebooks" / "03-x.py",
                       restricted=False, reviewer=False)
    text = nbformat.writes(page)
    # the warning is on line 4 of the script: `# %%` is line 1, the cell starts on line 2
    assert "notebooks/03-x.py:4: UserWarning: gammel kode" in text
    assert "PosixPath('_build/artifacts/03-x/tbl-a.csv')" in text
    assert "'data/x.csv'" in text and "'~/.cache/x'" in text
    assert str(root) not in text and "ipykernel_" not in text


def test_register_outputs_are_withheld_and_a_reviewer_build_says_so(tmp_path):
    root = tmp_path / "proj"
    outputs = [{"output_type": "execute_result", "execution_count": 1, "metadata": {},
                "data": {"text/plain": "Øst-Viken  Vestby  3\nØst-Viken  Rælingen  2"}}]
    nb = executed(root, "06-x", "# %%\nantall\n", outputs)
    public = publishable(nb, root=root, stem="06-x", source=root / "notebooks" / "06-x.py",
                         restricted=True, reviewer=False)
    text = nbformat.writes(public)
    assert "Vestby" not in text and "Rælingen" not in text
    assert all(c.get("outputs", []) == [] for c in public.cells if c.cell_type == "code")
    assert "Utdata er holdt tilbake" in public.cells[0].source
    assert "antall" in text  # the code is still shown

    review = publishable(nb, root=root, stem="06-x", source=root / "notebooks" / "06-x.py",
                         restricted=True, reviewer=True)
    assert "Vestby" in nbformat.writes(review)
    assert "skal ikke publiseres" in review.cells[0].source


def test_unrestricted_notebooks_keep_their_outputs(tmp_path):
    root = tmp_path / "proj"
    nb = executed(root, "03-s", "# %%\nandel\n", [stream("0,42\n")])
    page = publishable(nb, root=root, stem="03-s", source=root / "notebooks" / "03-s.py",
                       restricted=False, reviewer=False)
    assert page.cells[0].outputs[0]["text"] == "0,42\n"


def test_a_machine_path_in_the_book_stops_the_publish(tmp_path, capsys):
    root = tmp_path / "proj"
    shutil.copytree(REPO / "tests" / "toolkit" / "fixtures" / "mini_book", root)
    shutil.copytree(REPO / "_extensions", root / "_extensions")  # the rendering rules
    csv = root / "_build" / "artifacts" / "01-test" / "tbl-tilsagn.csv"
    csv.write_text(csv.read_text() + f"{root}/data/hemmelig.csv,1\n")
    book = root / "_book"
    book.mkdir()
    (book / "index.html").write_text("siste gode bok", encoding="utf-8")
    assert cli.main(["render", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "paths of the build machine" in err and "tbl-tilsagn.csv" in err
    assert (book / "index.html").read_text(encoding="utf-8") == "siste gode bok"
    assert not (root / "_build" / "book.staging").exists()


def test_leak_scan_reports_file_and_line(tmp_path):
    book = tmp_path / "book"
    book.mkdir()
    (book / "a.html").write_text(f"<p>ok</p>\n<p>{tmp_path}/x</p>\n", encoding="utf-8")
    (book / "b.csv").write_text("a\n1\n", encoding="utf-8")
    leaks = published_leaks(tmp_path, book)
    assert len(leaks) == 1 and leaks[0].startswith("a.html:2:")


@pytest.mark.parametrize("prefix", ["data/raw/register/", "data/raw/register"])
def test_restricted_data_is_configurable(prefix):
    from rapport.pipeline.publish_notebooks import reads_restricted, restricted_prefixes

    prefixes = restricted_prefixes({"report": {"restricted-data": [prefix]}})
    assert reads_restricted([{"path": "data/raw/register/x.parquet"}], prefixes)
    assert not reads_restricted([{"path": "data/raw/survey/x.sav"}], prefixes)


def test_paths_of_the_root_a_notebook_ran_in_are_removed_after_a_move(tmp_path):
    from rapport.pipeline.execute import RUN_METADATA

    old_root, root = tmp_path / "old" / "proj", tmp_path / "proj"
    nb = executed(root, "03-y", "# %%\nsti\n", [stream(f"{old_root}/data/x.csv\n")])
    nb.metadata[RUN_METADATA] = {"root": str(old_root)}
    page = publishable(nb, root=root, stem="03-y", source=root / "notebooks" / "03-y.py",
                       restricted=False, reviewer=False)
    text = nbformat.writes(page)
    assert "data/x.csv" in text and str(tmp_path) not in text and RUN_METADATA not in text


def test_a_temporary_path_is_dropped_whole(tmp_path):
    root = tmp_path / "proj"
    nb = executed(root, "03-t", "# %%\nsti\n", [stream("lagret i /tmp/abc123/rapport.csv\n")])
    page = publishable(nb, root=root, stem="03-t", source=root / "notebooks" / "03-t.py",
                       restricted=False, reviewer=False)
    assert page.cells[0].outputs[0]["text"] == "lagret i <tmp>\n"


def test_a_page_is_derived_again_whenever_what_it_shows_may_differ(tmp_path, monkeypatch):
    """A build derives a published page only when its inputs changed; a reviewer build after a
    public one (and back), and a page edited by hand, are derived again."""
    from rapport.pipeline import publish_notebooks as pn

    root = tmp_path / "proj"
    outputs = [{"output_type": "execute_result", "execution_count": 1, "metadata": {},
                "data": {"text/plain": "Øst-Viken  Vestby  3"}}]
    nb = executed(root, "06-x", "# %%\nantall\n", outputs)
    ran = root / "_build" / "executed" / "06-x.ipynb"
    ran.parent.mkdir(parents=True)
    nbformat.write(nb, ran)
    reads = [{"path": "data/raw/register/personer.parquet", "sha256": "0" * 64}]
    page = root / "_build" / "notebooks" / "06-x.ipynb"

    def shown(reviewer: bool) -> bool:
        pn.publish(root, "06-x", ran, reads, {}, reviewer=reviewer)
        return "Vestby" in page.read_text(encoding="utf-8")

    assert not shown(False)
    assert shown(True)
    assert not shown(False)
    public = page.read_bytes()
    page.write_text(page.read_text(encoding="utf-8").replace("holdt tilbake", "vist"),
                    encoding="utf-8")
    assert not shown(False) and page.read_bytes() == public

    def derive(*args, **kwargs):
        raise AssertionError("derived again although nothing changed")

    monkeypatch.setattr(pn, "publishable", derive)
    assert not shown(False) and page.read_bytes() == public
    with pytest.raises(AssertionError, match="derived again"):
        shown(True)
