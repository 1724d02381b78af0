"""Quarto's pre-render step for a report project (`project: pre-render:` in _quarto.yml).

`quarto render` in a fresh clone runs this with the Python it finds (3.11). It creates `.venv`
from requirements.lock when it is missing or older than the lock (as `make` does), then runs
`rapport.pipeline.cli prepare` (data, notebooks, _variables.yml), installs the citation style
into _build/csl/ and writes the Word reference document in the house style
(_build/docx/reference.docx, for `quarto render --to rapport-docx`), all with the project's
environment. A failure stops `quarto render` with the
step's own message.
"""

import os
import subprocess
import sys
from pathlib import Path

root = Path(os.environ.get("QUARTO_PROJECT_DIR") or Path.cwd()).resolve()
venv = root / ".venv"
python = venv / "bin" / "python"
stamp = venv / ".installed"
lock = root / "requirements.lock"


def run(*args: str) -> None:
    if subprocess.run(args, cwd=root).returncode != 0:
        sys.exit(f"pre-render: `{' '.join(args)}` failed (see above)")


if sys.version_info[:2] != (3, 11) and not python.exists():
    sys.exit(f"pre-render: this project needs Python 3.11 (found {sys.version.split()[0]}); "
             "run `make report` with python3.11 once, or set QUARTO_PYTHON to a Python 3.11")
if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
    print("pre-render: creating .venv from requirements.lock", flush=True)
    if not python.exists():
        run(sys.executable, "-m", "venv", str(venv))
    run(str(python), "-m", "pip", "install", "--quiet", "--require-hashes", "--no-deps",
        "-r", str(lock))
    if (root / "pyproject.toml").is_file():  # the toolkit's own checkout: install it editable
        run(str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
            "-e", str(root))
    stamp.touch()
run(str(python), "-m", "rapport.pipeline.cli", "prepare")
run(str(python), "-m", "rapport.pipeline.render.csl")
run(str(python), "-m", "rapport.pipeline.render.docx")  # for `quarto render --to rapport-docx`
