"""Stale output: whatever a step reads is in its key, and a killed build changes nothing.

- notebooks: a project file opened directly (`pd.read_csv("data/…")`, `open`, Parquet) is
  recorded like a `read_dataset` read, so changing it reruns exactly that notebook;
- render: every module of the package, `_extensions/`, house-style metadata files and files
  the renderer opens are in the skip-stamp key;
- `kill -9` at the worst moments of a build leaves nothing that changes the next build.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from rapport.pipeline import cli
from rapport.pipeline.cache import KERNEL_SIDE_BUILD_MODULES, Environment
from rapport.pipeline.runner import run_notebooks
from tests.conftest import write

REPO = Path(__file__).resolve().parents[2]
MINI_BOOK = REPO / "tests" / "toolkit" / "fixtures" / "mini_book"


def statuses(root, **kw):
    return {o.stem: o.status for o in run_notebooks(root, log=lambda m: None, **kw)}


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


# --- notebooks: direct reads are recorded ---------------------------------------------------


@pytest.fixture
def direct_reader(mini_project: Path) -> Path:
    """mini_project plus 03-c, which opens three project files without rapport.data."""
    import pandas as pd

    write(mini_project / "data" / "c.csv", "x\n1\n2\n")
    pd.DataFrame({"x": [5, 6]}).to_parquet(mini_project / "data" / "d.parquet", index=False)
    write(mini_project / "data" / "e.txt", "7\n")
    write(mini_project / "notebooks" / "03-c.py", '''
        # %%
        from pathlib import Path

        import pandas as pd
        from rapport import context

        # %%
        c = int(pd.read_csv("data/c.csv")["x"].sum())
        d = int(pd.read_parquet("data/d.parquet")["x"].sum())
        with open("data/e.txt", encoding="utf-8") as handle:
            e = int(handle.read())
        (context.artifacts_dir() / "facts.yml").write_text(f"c.sum:\\n  value: {c + d + e}\\n")
        ''')
    return mini_project


@pytest.mark.parametrize("changed, new", [
    ("c.csv", "x\n1\n3\n"),
    ("e.txt", "8\n"),
    ("d.parquet", None),
])
def test_a_file_opened_directly_reruns_its_notebook_when_it_changes(direct_reader, changed,
                                                                    new):
    import pandas as pd

    assert statuses(direct_reader) == {"01-a": "ran", "02-b": "ran", "03-c": "ran"}
    assert statuses(direct_reader) == {"01-a": "cached", "02-b": "cached", "03-c": "cached"}
    path = direct_reader / "data" / changed
    if new is None:
        pd.DataFrame({"x": [5, 7]}).to_parquet(path, index=False)
    else:
        path.write_text(new, encoding="utf-8")
    assert statuses(direct_reader) == {"01-a": "cached", "02-b": "cached", "03-c": "ran"}
    facts = (direct_reader / "_build" / "artifacts" / "03-c" / "facts.yml").read_text()
    expected = {"c.csv": 4 + 11 + 7, "e.txt": 3 + 11 + 8, "d.parquet": 3 + 12 + 7}[changed]
    assert f"value: {expected}" in facts


def test_direct_reads_are_in_the_cache_entry(direct_reader):
    import json

    statuses(direct_reader, only=["03-c"])
    entry = json.loads((direct_reader / "_build" / "cache" / "03-c.json").read_text())
    paths = {r["path"] for r in entry["reads"]}
    assert {"data/c.csv", "data/d.parquet", "data/e.txt"} <= paths
    assert not any(p.startswith(("_build/", "src/", ".venv/")) for p in paths), paths


# --- notebooks: the executed notebook is reproducible and tied to its cache entry ----------


def test_executed_notebooks_are_identical_between_two_runs(mini_project):
    statuses(mini_project)
    first = tree(mini_project / "_build" / "notebooks")
    executed = (mini_project / "_build" / "executed" / "01-a.ipynb").read_bytes()
    statuses(mini_project, force=True)
    assert tree(mini_project / "_build" / "notebooks") == first
    assert (mini_project / "_build" / "executed" / "01-a.ipynb").read_bytes() == executed


def test_cell_ids_are_positions(mini_project):
    import nbformat

    statuses(mini_project, only=["01-a"])
    nb = nbformat.read(mini_project / "_build" / "notebooks" / "01-a.ipynb", as_version=4)
    assert [c["id"] for c in nb.cells] == [f"cell-{i}" for i in range(1, len(nb.cells) + 1)]


def test_a_changed_executed_notebook_is_not_trusted(mini_project):
    statuses(mini_project)
    path = mini_project / "_build" / "executed" / "02-b.ipynb"
    path.write_text(path.read_text()[:50])  # torn, as a killed writer leaves it
    assert statuses(mini_project) == {"01-a": "cached", "02-b": "ran"}


# --- each module: changing it reruns what depends on it -------------------------------------


def _project_with_package(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    shutil.copytree(MINI_BOOK, root)
    shutil.copytree(REPO / "src", root / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(REPO / "_extensions", root / "_extensions")
    (root / "requirements.lock").write_text("x==1\n")
    return root


def test_every_module_is_in_the_render_key_and_notebook_modules_in_the_notebook_key(tmp_path):
    root = _project_with_package(tmp_path)
    config = cli.load_config(root)
    render_before = cli.render_inputs_hash(root, config)
    notebooks_before = Environment.of(root).package
    modules = sorted(p for p in (root / "src").rglob("*")
                     if p.is_file() and p.suffix in (".py", ".lua", ".css", ".typ", ".html"))
    assert len(modules) > 50
    for path in modules:
        rel = path.relative_to(root / "src").as_posix()
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        try:
            assert cli.render_inputs_hash(root, config) != render_before, rel
            notebooks_after = Environment.of(root).package
            if rel.startswith("rapport/pipeline/") and rel not in KERNEL_SIDE_BUILD_MODULES:
                assert notebooks_after == notebooks_before, rel  # renderer only: no rerun
            else:
                assert notebooks_after != notebooks_before, rel
        finally:
            path.write_bytes(original)
    assert cli.render_inputs_hash(root, config) == render_before


def test_extensions_and_metadata_files_are_in_the_render_key(tmp_path):
    root = _project_with_package(tmp_path)
    style = "_extensions/rapport/styles/oxford-research.yml"
    config_file = root / "_quarto.yml"
    config_file.write_text(config_file.read_text() + f"metadata-files:\n  - {style}\n")
    config = cli.load_config(root)
    before = cli.render_inputs_hash(root, config)
    for rel in [style, "_extensions/rapport/filters/new.lua"]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        original = path.read_bytes() if path.exists() else None
        path.write_bytes((original or b"") + b"\n# changed\n")
        assert cli.render_inputs_hash(root, config) != before, rel
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)
    assert cli.render_inputs_hash(root, config) == before


def render(root: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1718000000")
    return subprocess.run([sys.executable, "-m", "rapport.pipeline.cli", "render", "--root",
                           str(root)], capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def rendered_book(tmp_path_factory) -> Path:
    """The mini book with a copy of the package, rendered once through the CLI."""
    root = _project_with_package(tmp_path_factory.mktemp("stale"))
    proc = render(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root


@pytest.fixture
def book_copy(rendered_book, tmp_path) -> Path:
    root = tmp_path / "proj"
    shutil.copytree(rendered_book, root)
    return root


def test_a_changed_checks_module_renders_again(book_copy):
    proc = render(book_copy)
    assert "nothing changed" in proc.stdout
    checks = book_copy / "src" / "rapport" / "pipeline" / "checks.py"
    checks.write_text(checks.read_text() + "\n# edited\n")
    proc = render(book_copy)
    assert proc.returncode == 0, proc.stderr
    assert "nothing changed" not in proc.stdout and "published" in proc.stdout


def test_a_file_the_renderer_opens_is_in_the_stamp(book_copy):
    """A chapter includes a file outside the known folders: editing it renders again."""
    note = write(book_copy / "notes" / "merknad.md", "Første merknad.\n")
    chapter = book_copy / "chapters" / "01-innledning.qmd"
    chapter.write_text(chapter.read_text() + "\n{{< include /notes/merknad.md >}}\n")
    assert render(book_copy).returncode == 0
    assert "nothing changed" in render(book_copy).stdout
    note.write_text("Andre merknad.\n")
    proc = render(book_copy)
    assert "nothing changed" not in proc.stdout, proc.stdout
    assert "Andre merknad." in (book_copy / "_book" / "01-innledning.html").read_text()


# --- kill -9 leaves nothing that changes the next build --------------------------------------

KILL_BETWEEN_RENAMES = textwrap.dedent('''
    import os, signal, sys
    from pathlib import Path
    import rapport.pipeline.cli as cli

    def killed_swap(staging, final):
        old = final.with_name(f".{final.name}.old")
        if final.exists():
            final.rename(old)
        os.kill(os.getpid(), signal.SIGKILL)  # after the old book moved aside, before the new

    cli.replace_dir = killed_swap
    sys.exit(cli.main(["render", "--root", sys.argv[1]]))
''')

KILL_IN_RENDER = textwrap.dedent('''
    import os, signal, sys
    import rapport.pipeline.render as render

    original = render.render_book

    def killed_render(root, out_dir, **kw):
        original(root, out_dir, **kw)
        (out_dir / "stray.html").write_text("half a book")
        os.kill(os.getpid(), signal.SIGKILL)  # staging full, nothing published

    render.render_book = killed_render
    import rapport.pipeline.cli as cli
    sys.exit(cli.main(["render", "--root", sys.argv[1]]))
''')


@pytest.mark.parametrize("script", [KILL_BETWEEN_RENAMES, KILL_IN_RENDER],
                         ids=["between-renames", "during-render"])
def test_kill_during_render_leaves_nothing_that_changes_the_next_build(book_copy, tmp_path,
                                                                      rendered_book, script):
    chapter = book_copy / "chapters" / "01-innledning.qmd"
    chapter.write_text(chapter.read_text() + "\nEn ny setning.\n")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1718000000")
    killed = subprocess.run([sys.executable, "-c", script, str(book_copy)], env=env,
                            capture_output=True, text=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (book_copy / "_build" / "book.staging").exists() or \
        (book_copy / "._book.old").exists()

    proc = render(book_copy)
    assert proc.returncode == 0, proc.stderr
    clean = tmp_path / "clean"
    shutil.copytree(rendered_book, clean)
    (clean / "chapters" / "01-innledning.qmd").write_text(chapter.read_text())
    assert render(clean).returncode == 0
    assert tree(book_copy / "_book") == tree(clean / "_book")
    assert not (book_copy / "_build" / "book.staging").exists()
    assert not (book_copy / "._book.old").exists()
    assert "En ny setning." in (book_copy / "_book" / "01-innledning.html").read_text()


def test_a_book_moved_aside_by_a_killed_swap_is_restored_before_anything_else(book_copy):
    before = tree(book_copy / "_book")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1718000000")
    chapter = book_copy / "chapters" / "01-innledning.qmd"
    chapter.write_text(chapter.read_text() + "\nEn ny setning.\n")
    subprocess.run([sys.executable, "-c", KILL_BETWEEN_RENAMES, str(book_copy)], env=env,
                   capture_output=True)
    assert not (book_copy / "_book").exists()
    # a build that fails (a broken chapter) must still leave the last good book in place
    chapter.write_text(chapter.read_text() + "\nSe @tbl-finnes-ikke.\n")
    assert render(book_copy).returncode == 1
    assert tree(book_copy / "_book") == before


def test_notebook_page_cache_is_keyed_on_the_renderer_and_the_lock(tmp_path):
    """The «Se analysen» page cache (`_build/render-cache/analyse/`) must not serve a page made
    by an older renderer or another pandoc: its key covers them."""
    import nbformat

    from rapport.pipeline.render import html

    root = tmp_path / "proj"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1 + 1")]
    (root / "_build" / "notebooks").mkdir(parents=True)
    nbformat.write(nb, root / "_build" / "notebooks" / "01-a.ipynb")
    (root / "requirements.lock").write_text("pandoc==1\n")
    html.render_notebook(root, "01-a", tmp_path / "out1", "nb")
    first = sorted(p.name for p in (root / "_build" / "render-cache" / "analyse").iterdir())
    (root / "requirements.lock").write_text("pandoc==2\n")
    html.render_notebook(root, "01-a", tmp_path / "out2", "nb")
    second = sorted(p.name for p in (root / "_build" / "render-cache" / "analyse").iterdir())
    assert first != second and len(second) == 1
