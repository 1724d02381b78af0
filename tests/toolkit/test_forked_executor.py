"""The forked executor (rapport.pipeline.zygote) keeps every notebook isolated and reports a
killed notebook like a failed one.

The observing notebook records the state a fresh process has: matplotlib's documented
default line width (1.5), no variable, module attribute, sys.path entry, module or warnings
filter that another notebook added, the project root as working directory, and the modules
the build's own processes leave out importable. Its record is
the same run alone, after a notebook that changed all of those (one worker, so both run in
turn in children of one zygote), and with nbclient (a fresh process and kernel each).
"""

from __future__ import annotations

import json
import shutil
from importlib import metadata
from pathlib import Path

import pytest

from tests.toolkit.conftest import bare_project

from rapport.pipeline import zygote
from rapport.pipeline.runner import NotebookError, run_notebooks
from tests.conftest import write

pytestmark = pytest.mark.skipif(not zygote.available(), reason="the forked executor needs Linux")

MUTATE = '''
    # %%
    import os
    import sys
    import warnings

    import matplotlib
    import rapport

    matplotlib.rcParams["lines.linewidth"] = 7.0
    rapport.leaked_global = "from 01"
    os.environ["RAPPORT_LEAK_PROBE"] = "from 01"
    sys.path.insert(0, os.path.abspath("extra"))
    import leak_probe  # noqa: F401  (extra/leak_probe.py)
    warnings.simplefilter("error", UserWarning)
    os.chdir("extra")
    '''

OBSERVE = '''
    # %%
    import json
    import os
    import sys
    import warnings

    import matplotlib
    import rapport
    from rapport import context

    with warnings.catch_warnings(record=True) as caught:
        warnings.warn("a user warning", UserWarning)
    state = {
        "linewidth": matplotlib.rcParams["lines.linewidth"],
        "global": getattr(rapport, "leaked_global", None),
        "env": os.environ.get("RAPPORT_LEAK_PROBE"),
        "path": any(p.endswith("extra") for p in sys.path),
        "module": "leak_probe" in sys.modules,
        "warning_raised": not caught,
        "cwd_is_root": os.path.samefile(os.getcwd(), os.environ["RAPPORT_ROOT"]),
    }
    try:  # the build's processes skip it (rapport.pipeline.LEAN_IMPORTS); a kernel does not
        import rfc3987_syntax  # noqa: F401
        state["lean_import"] = True
    except ImportError:
        state["lean_import"] = False
    (context.artifacts_dir() / "state.json").write_text(json.dumps(state, sort_keys=True))
    '''

def _installed(distribution: str) -> bool:
    try:
        metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        return False
    return True


FRESH = {"linewidth": 1.5, "global": None, "env": None, "path": False, "module": False,
         "warning_raised": False, "cwd_is_root": True,
         "lean_import": _installed("rfc3987-syntax")}


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    root = bare_project(tmp_path)
    write(root / "extra" / "leak_probe.py", "VALUE = 1\n")
    write(root / "notebooks" / "01-mutate.py", MUTATE)
    write(root / "notebooks" / "02-observe.py", OBSERVE)
    return root


def observed(root: Path, monkeypatch, executor: str, only=None) -> dict:
    monkeypatch.setenv("RAPPORT_EXECUTOR", executor)
    monkeypatch.setenv("RAPPORT_JOBS", "1")
    shutil.rmtree(root / "_build", ignore_errors=True)
    run_notebooks(root, force=True, log=lambda m: None, only=only)
    return json.loads((root / "_build" / "artifacts" / "02-observe" / "state.json").read_text())


def test_a_notebook_sees_nothing_of_the_one_before_it(pair, monkeypatch):
    after = observed(pair, monkeypatch, "fork")
    alone = observed(pair, monkeypatch, "fork", only=["02-observe"])
    fresh_kernel = observed(pair, monkeypatch, "nbclient")
    assert after == alone == fresh_kernel == FRESH


def test_the_zygote_runs_no_notebook_code(pair, monkeypatch):
    """A third notebook after both still sees a fresh state (nothing went into the zygote)."""
    write(pair / "notebooks" / "03-observe.py", OBSERVE.replace("state.json", "state3.json"))
    observed(pair, monkeypatch, "fork")
    third = json.loads((pair / "_build" / "artifacts" / "03-observe" / "state3.json").read_text())
    assert third == FRESH


def test_random_generators_differ_between_notebooks(pair, monkeypatch):
    """Each child draws from its own seed, as separate processes do (not the zygote's copy)."""
    for stem in ("01-a", "02-b"):
        write(pair / "notebooks" / f"{stem}.py", '''
            # %%
            import random
            import numpy as np
            from rapport import context

            (context.artifacts_dir() / "draw.txt").write_text(
                f"{random.random()} {np.random.random()}")
            ''')
    monkeypatch.setenv("RAPPORT_EXECUTOR", "fork")
    run_notebooks(pair, force=True, log=lambda m: None, only=["01-a", "02-b"])
    a, b = ((pair / "_build" / "artifacts" / s / "draw.txt").read_text().split()
            for s in ("01-a", "02-b"))
    assert a[0] != b[0] and a[1] != b[1]


def test_a_killed_notebook_fails_alone_and_publishes_nothing(pair, monkeypatch):
    monkeypatch.setenv("RAPPORT_EXECUTOR", "fork")
    monkeypatch.setenv("RAPPORT_JOBS", "1")
    run_notebooks(pair, log=lambda m: None)
    kept = sorted(p.name for p in (pair / "_build" / "artifacts" / "01-mutate").iterdir())
    executed = (pair / "_build" / "executed" / "01-mutate.ipynb").read_bytes()
    write(pair / "notebooks" / "01-mutate.py", '''
        # %%
        import os
        import signal

        os.kill(os.getpid(), signal.SIGKILL)
        ''')
    write(pair / "notebooks" / "02-observe.py", OBSERVE.rstrip(" ") + "    x = 2\n")
    with pytest.raises(NotebookError) as err:
        run_notebooks(pair, log=lambda m: None)
    message = str(err.value)
    assert "notebook 01-mutate.py failed" in message and "SIGKILL" in message
    # The previous run's artifacts and executed notebook stay as they were; no staging is left.
    assert sorted(p.name for p in (pair / "_build" / "artifacts" / "01-mutate").iterdir()) == kept
    assert (pair / "_build" / "executed" / "01-mutate.ipynb").read_bytes() == executed
    assert not (pair / "_build" / "staging" / "01-mutate").exists()
    # The other notebook ran in the same build, after the killed one, in a child of the same
    # zygote, and published.
    assert "02-observe" not in message
    assert json.loads((pair / "_build" / "artifacts" / "02-observe" / "state.json").read_text()) \
        == FRESH


def test_the_switch_selects_nbclient_and_rejects_other_values(monkeypatch):
    monkeypatch.setenv("RAPPORT_EXECUTOR", "nbclient")
    assert not zygote.available()
    monkeypatch.setenv("RAPPORT_EXECUTOR", "forkk")
    with pytest.raises(ValueError, match="RAPPORT_EXECUTOR"):
        zygote.available()
