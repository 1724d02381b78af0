"""The data-aware notebook cache: decide whether a notebook must run again.

A notebook is fresh when its own source, the package source (`src/`), the locked dependency set
(`requirements.lock`) and every project file it opened on its last run (through `rapport.data`
or directly: `rapport.data.audit`) have the same content hashes as then, and its published
artifacts and executed notebook are exactly the ones that run produced. Entries live in
`_build/cache/<stem>.json` and are written atomically, after the artifacts are in place, so a
build killed at any point leaves either a valid entry or none (and then the notebook runs again).
"""

from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import dataclass, field
from pathlib import Path

from rapport.fsutil import atomic_write_text
from rapport.data.recorder import file_sha256

CACHE_VERSION = 2

# Build modules that decide what an executed notebook contains (how it is run, its cell ids):
# a change to them reruns the notebooks; the rest of `rapport/pipeline/` only re-renders.
KERNEL_SIDE_BUILD_MODULES = ("rapport/pipeline/execute.py", "rapport/pipeline/cells.py",
                             "rapport/pipeline/inprocess.py", "rapport/pipeline/zygote.py")


def tree_sha256(root: Path, patterns: tuple[str, ...] = ("**/*",),
                exclude: tuple[str, ...] = ()) -> str:
    """One hash over the relative paths and contents of the files under `root` (sorted).

    `exclude` lists relative folder prefixes to leave out.
    """
    digest = hashlib.sha256()
    if not root.exists():
        return digest.hexdigest()
    files = sorted(
        {p for pattern in patterns for p in root.glob(pattern) if p.is_file()},
        key=lambda p: p.relative_to(root).as_posix(),
    )
    for path in files:
        rel = path.relative_to(root).as_posix()
        if "__pycache__" in rel or rel.endswith(".pyc") or rel.startswith(exclude):
            continue
        digest.update(rel.encode() + b"\0" + file_sha256(path).encode() + b"\n")
    return digest.hexdigest()


TOOLKIT_SRC = Path(__file__).resolve().parents[2]   # the checkout's src/ (holds rapport/)


def toolkit_paths(root: Path) -> tuple[Path, Path]:
    """The package source and lock file a project builds with: its own `src/` and
    `requirements.lock`, or, for a project without `src/` (an example under `examples/`),
    those of the toolkit checkout it runs from."""
    if (root / "src").is_dir():
        return root / "src", root / "requirements.lock"
    return TOOLKIT_SRC, TOOLKIT_SRC.parent / "requirements.lock"


@dataclass(frozen=True)
class Environment:
    """Hashes every notebook depends on: the package source and the locked dependencies.

    The build layer (`src/rapport/pipeline/`) is left out except the modules that run the notebook
    (KERNEL_SIDE_BUILD_MODULES): notebooks never import it, so a change to the renderer
    re-renders the book without re-running any analysis.
    """

    package: str
    lock: str

    @classmethod
    def of(cls, root: Path) -> "Environment":
        src, lock = toolkit_paths(root)
        # A project with its own src/ is keyed on all of it; one that builds with an installed
        # toolkit on the toolkit package alone (not the rest of site-packages).
        patterns = ("**/*",) if src == root / "src" else ("rapport/**/*",)
        package = hashlib.sha256(
            tree_sha256(src, patterns, exclude=("rapport/pipeline/",)).encode())
        package.update(platform.python_version().encode())  # the interpreter runs the kernels
        for module in KERNEL_SIDE_BUILD_MODULES:  # these shape the executed notebook itself
            path = src / module
            package.update(module.encode() + (file_sha256(path) if path.is_file() else "").encode())
        return cls(
            package=package.hexdigest(),
            lock=file_sha256(lock) if lock.exists() else "",
        )


@dataclass
class Entry:
    """What one successful run of a notebook depended on and produced."""

    source: str
    package: str
    lock: str
    reads: list[dict] = field(default_factory=list)
    artifacts: str = ""
    executed: str = ""  # hash of _build/executed/<stem>.ipynb, the notebook as it ran
    seconds: float = 0.0
    version: int = CACHE_VERSION

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=1, sort_keys=True) + "\n"


class Cache:
    """The cache directory (`_build/cache/`)."""

    def __init__(self, root: Path):
        self.root = root
        self.dir = root / "_build" / "cache"
        self._input_hashes: dict[Path, str] = {}  # one hash per input file per build

    def input_hash(self, path: Path) -> str:
        """Content hash of an input, computed once per build however many notebooks read it
        (not kept for another notebook's artifacts under `_build/`: they change mid-build)."""
        if path.is_relative_to(self.root / "_build"):
            return file_sha256(path)
        if path not in self._input_hashes:
            self._input_hashes[path] = file_sha256(path)
        return self._input_hashes[path]

    def path(self, stem: str) -> Path:
        return self.dir / f"{stem}.json"

    def load(self, stem: str) -> Entry | None:
        try:
            data = json.loads(self.path(stem).read_text(encoding="utf-8"))
            entry = Entry(**data)
        except (OSError, ValueError, TypeError):
            return None
        return entry if entry.version == CACHE_VERSION else None

    def store(self, stem: str, entry: Entry) -> None:
        atomic_write_text(self.path(stem), entry.to_json())

    def invalidate(self, stem: str) -> None:
        self.path(stem).unlink(missing_ok=True)

    def stale_reason(self, stem: str, source: Path, env: Environment, artifacts: Path) -> str | None:
        """Why the notebook must run again, or None when its cached outputs are exact."""
        entry = self.load(stem)
        if entry is None:
            return "never run"
        if entry.source != file_sha256(source):
            return "notebook changed"
        if entry.package != env.package:
            return "package source changed"
        if entry.lock != env.lock:
            return "locked dependencies changed"
        for read in entry.reads:
            path = self.root / read["path"]
            if not path.is_file():
                return f"input missing: {read['path']}"
            if self.input_hash(path) != read["sha256"]:
                return f"input changed: {read['path']}"
        if not artifacts.is_dir():
            return "published artifacts missing"
        if entry.artifacts != tree_sha256(artifacts):
            return "published artifacts differ from the cached run"
        executed = self.root / "_build" / "executed" / f"{stem}.ipynb"
        if not executed.is_file() or file_sha256(executed) != entry.executed:
            return "executed notebook missing or differs from the cached run"
        return None


def dedupe_reads(lines: list[str]) -> list[dict]:
    """Unique reads (path, hash) from a JSON-lines read log, sorted by path.

    If one run read the same path twice with different contents, both hashes are kept, and the
    entry can never match again: the notebook reruns, which is the safe answer.
    """
    seen = {(d["path"], d["sha256"]) for d in (json.loads(line) for line in lines if line.strip())}
    return [{"path": p, "sha256": h} for p, h in sorted(seen)]
