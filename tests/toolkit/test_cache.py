"""The data-aware cache: exactly the notebooks whose inputs changed run again."""

from __future__ import annotations

import json

import pytest
import yaml

from rapport.pipeline import facts
from rapport.pipeline.runner import NotebookError, run_notebooks
from tests.conftest import write


def statuses(root, **kw):
    return {o.stem: o.status for o in run_notebooks(root, log=lambda m: None, **kw)}


def test_first_run_runs_all_then_nothing(mini_project):
    assert statuses(mini_project) == {"01-a": "ran", "02-b": "ran"}
    assert statuses(mini_project) == {"01-a": "cached", "02-b": "cached"}
    assert (mini_project / "_build" / "notebooks" / "01-a.ipynb").is_file()


def test_changed_data_file_reruns_only_its_reader(mini_project):
    statuses(mini_project)
    (mini_project / "data" / "b.csv").write_text("x\n10\n5\n")
    assert statuses(mini_project) == {"01-a": "cached", "02-b": "ran"}
    merged = facts.merge(mini_project)
    assert merged["b.total"]["value"] == 15


def test_same_bytes_rewritten_does_not_rerun(mini_project):
    statuses(mini_project)
    path = mini_project / "data" / "a.csv"
    path.write_bytes(path.read_bytes())  # new mtime, same content
    assert statuses(mini_project) == {"01-a": "cached", "02-b": "cached"}


def test_notebook_and_package_changes(mini_project):
    statuses(mini_project)
    nb = mini_project / "notebooks" / "01-a.py"
    nb.write_text(nb.read_text() + "\n# %%\nprint('edited')\n")
    assert statuses(mini_project) == {"01-a": "ran", "02-b": "cached"}
    write(mini_project / "src" / "helper.py", "X = 1\n")
    assert statuses(mini_project) == {"01-a": "ran", "02-b": "ran"}
    (mini_project / "requirements.lock").write_text("x==2\n")
    assert statuses(mini_project) == {"01-a": "ran", "02-b": "ran"}


def test_chapter_edit_reruns_nothing(mini_project):
    statuses(mini_project)
    write(mini_project / "chapters" / "01.qmd", "# Kapittel\n\nNy tekst.\n")
    assert statuses(mini_project) == {"01-a": "cached", "02-b": "cached"}


def test_tampered_or_half_written_cache_is_not_trusted(mini_project):
    statuses(mini_project)
    entry = mini_project / "_build" / "cache" / "01-a.json"
    entry.write_text(entry.read_text()[:20])  # torn write
    (mini_project / "_build" / "artifacts" / "02-b" / "facts.yml").write_text("b.total: {}\n")
    assert statuses(mini_project) == {"01-a": "ran", "02-b": "ran"}


def test_force_reruns_everything(mini_project):
    statuses(mini_project)
    assert statuses(mini_project, force=True) == {"01-a": "ran", "02-b": "ran"}


def test_failing_notebook_publishes_nothing(mini_project):
    statuses(mini_project)
    before = (mini_project / "_build" / "artifacts" / "02-b" / "facts.yml").read_text()
    entry_before = (mini_project / "_build" / "cache" / "02-b.json").read_text()
    nb = mini_project / "notebooks" / "02-b.py"
    nb.write_text(nb.read_text() + "\n# %%\nraise ValueError('kolonnen mangler')\n")
    with pytest.raises(NotebookError) as err:
        run_notebooks(mini_project, log=lambda m: None)
    message = str(err.value)
    assert "02-b.py" in message and "code cell 3" in message
    assert "ValueError: kolonnen mangler" in message
    assert (mini_project / "_build" / "artifacts" / "02-b" / "facts.yml").read_text() == before
    assert (mini_project / "_build" / "cache" / "02-b.json").read_text() == entry_before
    assert not (mini_project / "_build" / "staging" / "02-b").exists()


def test_duplicate_fact_is_an_error(mini_project):
    statuses(mini_project)
    (mini_project / "_build" / "artifacts" / "02-b" / "facts.yml").write_text(
        "a.total:\n  value: 1\n  text: '1'\n"
    )
    with pytest.raises(facts.ConflictError, match="'a.total' is published by 01-a, 02-b"):
        facts.merge(mini_project)


def test_merge_writes_nested_variables(mini_project):
    statuses(mini_project)
    facts.merge(mini_project)
    variables = yaml.safe_load((mini_project / "_variables.yml").read_text())
    assert variables == {"a": {"total": "3"}, "b": {"total": "10"}}
    raw = json.loads((mini_project / "_build" / "facts.json").read_text())
    assert raw["a.total"]["notebook"] == "01-a"


def test_missing_artifacts_directory_is_stale(mini_project):
    import shutil

    statuses(mini_project)
    shutil.rmtree(mini_project / "_build" / "artifacts" / "02-b")
    assert statuses(mini_project) == {"01-a": "cached", "02-b": "ran"}


def test_concurrent_builds_wait_for_each_other(mini_project):
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "rapport.pipeline.cli", "prepare", "--root", str(mini_project)]
    first = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.run(cmd, capture_output=True, text=True)
    out, err = first.communicate()
    assert first.returncode == 0 and second.returncode == 0, err + second.stderr
    runs = out.count(": running (") + second.stdout.count(": running (")
    assert runs == 2, out + second.stdout  # each notebook ran once, not once per build
    for stem in ("01-a", "02-b"):
        assert (mini_project / "_build" / "artifacts" / stem / "facts.yml").is_file()


def test_build_layer_changes_do_not_rerun_notebooks(mini_project):
    statuses(mini_project)
    write(mini_project / "src" / "rapport" / "pipeline" / "render" / "style.css", "body {}\n")
    assert statuses(mini_project) == {"01-a": "cached", "02-b": "cached"}
    write(mini_project / "src" / "rapport" / "exhibits" / "fmt.py", "X = 2\n")
    assert statuses(mini_project) == {"01-a": "ran", "02-b": "ran"}


def _reader_of_b(root, extra: str = ""):
    """A notebook 00-c (first in name order) that reads the fact 02-b published."""
    write(root / "notebooks" / "00-c.py", f'''
        # %%
        from rapport import context
        from rapport.data import published_facts

        # %%
        total = published_facts("02-b")["b.total"]{extra}
        (context.artifacts_dir() / "facts.yml").write_text(
            "c.double:\\n  value: %d\\n  text: '%d'\\n" % (2 * total, 2 * total))
        ''')


def test_a_reader_of_published_facts_runs_after_the_publisher_and_reruns_with_it(mini_project):
    _reader_of_b(mini_project)
    # 00-c sorts first, yet needs 02-b's facts: it runs after it, in the same build
    assert statuses(mini_project) == {"00-c": "ran", "01-a": "ran", "02-b": "ran"}
    assert facts.merge(mini_project)["c.double"]["value"] == 20  # 2 × (10), data/b.csv
    entry = json.loads((mini_project / "_build" / "cache" / "00-c.json").read_text())
    assert "_build/artifacts/02-b/facts.yml" in [r["path"] for r in entry["reads"]]
    assert statuses(mini_project) == {"00-c": "cached", "01-a": "cached", "02-b": "cached"}
    (mini_project / "data" / "b.csv").write_text("x\n10\n5\n")
    assert statuses(mini_project) == {"00-c": "ran", "01-a": "cached", "02-b": "ran"}
    assert facts.merge(mini_project)["c.double"]["value"] == 30  # 2 × (10 + 5)
    # the publisher reran with the same result: its reader stays cached
    nb = mini_project / "notebooks" / "02-b.py"
    nb.write_text(nb.read_text() + "\n# %%\nprint('edited')\n")
    assert statuses(mini_project) == {"00-c": "cached", "01-a": "cached", "02-b": "ran"}


def test_a_reader_is_not_run_when_its_publisher_fails(mini_project):
    _reader_of_b(mini_project)
    write(mini_project / "data" / "b.csv", "x\nikke et tall\n")
    with pytest.raises(NotebookError) as err:
        statuses(mini_project)
    assert "notebooks/00-c.py: not run, because it reads what notebooks/02-b.py publishes" \
        in str(err.value)
    assert not (mini_project / "_build" / "artifacts" / "00-c").exists()


def test_notebooks_reading_each_other_are_a_cycle_error(mini_project):
    _reader_of_b(mini_project)
    nb = mini_project / "notebooks" / "02-b.py"
    nb.write_text(nb.read_text() + '\n# %%\nfrom rapport.data import published_facts\n'
                  'published_facts("00-c")\n')
    with pytest.raises(NotebookError, match="cycle: notebooks/00-c.py, notebooks/02-b.py"):
        statuses(mini_project)
