"""`rapport new DIR`: a complete minimal report project that builds and passes its tests at once.

The project's files are the templates under `template/` (one place: edit them there), with a few
placeholders (`@@TITLE@@`, `@@DATE@@` …) filled in. Added to them:

- `_extensions/rapport/`: the toolkit's Quarto extension (house styles), copied from the checkout;
- `vendor/rapport-<version>-py3-none-any.whl`: the toolkit, built as a wheel from the checkout
  that runs `rapport new`, and pinned with its hash in the project's `requirements.lock` (the
  toolkit's own lock plus that line), so the project installs exactly this toolkit;
- `data/codebook/README.md`, generated from the codebook skeleton.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "template"
RENAMED = {"github": ".github", "gitignore": ".gitignore"}  # kept without a dot in the package
STYLES = ("oxford-research", "oslo-economics")
# Wheel timestamps (zip entries) from a fixed date, so the same checkout gives the same wheel.
WHEEL_EPOCH = "1704067200"


class ScaffoldError(RuntimeError):
    """`rapport new` cannot make the project; the message says why."""


def toolkit_checkout() -> Path:
    """The checkout this `rapport` runs from (an editable install): it holds pyproject.toml,
    requirements.lock and _extensions/rapport/."""
    import rapport

    checkout = Path(rapport.__file__).resolve().parents[2]
    needed = ["pyproject.toml", "requirements.lock", "_extensions/rapport", "src/rapport"]
    missing = [name for name in needed if not (checkout / name).exists()]
    if missing:
        raise ScaffoldError(
            f"rapport is not running from a toolkit checkout ({checkout} lacks "
            f"{', '.join(missing)}): run `rapport new` from the checkout's .venv")
    return checkout


def toolkit_version(checkout: Path) -> str:
    import tomllib

    return tomllib.loads((checkout / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["version"]


def build_wheel(checkout: Path, out: Path) -> Path:
    """The toolkit (the `rapport` package only) as a wheel in `out`, built offline from a clean
    copy of the checkout's pyproject.toml and src/rapport/ (nothing written into the checkout)."""
    with tempfile.TemporaryDirectory(prefix="rapport-wheel-") as tmp:
        source = Path(tmp) / "src"
        shutil.copy2(checkout / "pyproject.toml", source.parent / "pyproject.toml")
        shutil.copytree(checkout / "src" / "rapport", source / "rapport",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        env = dict(os.environ, SOURCE_DATE_EPOCH=WHEEL_EPOCH, PIP_NO_INDEX="1")
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
             "--no-build-isolation", "--wheel-dir", str(out), str(source.parent)],
            capture_output=True, text=True, env=env)
        if proc.returncode != 0:
            raise ScaffoldError(f"building the toolkit wheel failed:\n{proc.stderr.strip()}")
    wheels = sorted(out.glob("rapport-*.whl"))
    if len(wheels) != 1:
        raise ScaffoldError(f"expected one rapport wheel in {out}, found {len(wheels)}")
    return wheels[0]


def _fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    if "@@" in text:
        start = text.index("@@")
        raise ScaffoldError(f"unfilled placeholder in a template: {text[start:start + 30]!r}")
    return text


def _copy_template(root: Path, values: dict[str, str]) -> None:
    for path in sorted(TEMPLATE.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(TEMPLATE)
        rel = Path(RENAMED.get(rel.parts[0], rel.parts[0]), *rel.parts[1:])
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_fill(path.read_text(encoding="utf-8"), values), encoding="utf-8")


def new_project(directory: Path | str, *, title: str = "Evaluering av tiltaket",
                author: str = "Oxford Research AS", place: str = "Oslo",
                client: str = "Arbeids- og velferdsdirektoratet",
                style: str = "oxford-research", date: _dt.date | None = None) -> Path:
    """Create the project in `directory` (new, or empty) and return its path."""
    root = Path(directory).resolve()
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ScaffoldError(f"{directory} exists and is not empty")
    if style not in STYLES:
        raise ScaffoldError(f"unknown house style {style!r}; shipped: {', '.join(STYLES)}")
    checkout = toolkit_checkout()
    version = toolkit_version(checkout)
    date = date or _dt.date.today()
    values = {"TITLE": title, "AUTHOR": author, "PLACE": place, "CLIENT": client,
              "STYLE": style, "DATE": date.isoformat(), "YEAR": str(date.year),
              "VERSION": version}
    with tempfile.TemporaryDirectory(prefix="rapport-new-", dir=root.parent if
                                     root.parent.exists() else None) as tmp:
        staging = Path(tmp) / "project"
        _copy_template(staging, values)
        shutil.copytree(checkout / "_extensions" / "rapport", staging / "_extensions" / "rapport",
                        ignore=shutil.ignore_patterns("__pycache__"))
        wheel = build_wheel(checkout, staging / "vendor")
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        lock = (checkout / "requirements.lock").read_text(encoding="utf-8").rstrip("\n")
        lock += (f"\n# The rapport toolkit {version}, built by `rapport new` from its checkout.\n"
                 f"./vendor/{wheel.name} \\\n    --hash=sha256:{digest}\n")
        (staging / "requirements.lock").write_text(lock, encoding="utf-8")
        from rapport.data.codebook_doc import write_codebook_readme

        write_codebook_readme(staging)
        root.parent.mkdir(parents=True, exist_ok=True)
        if root.exists():
            root.rmdir()
        shutil.move(str(staging), str(root))
    return root
