"""Generate the worked example's synthetic register extracts (not committed), when stale.

Usage: python -m ekspertbistand.generate [--scale full|small|2x|5x|10x|…] [--out data/raw/register]
       [--force]

Scales: `full` (the published register, 672 197 persons), `small` (about 1/18, for quick
runs), and `<k>x` (the full person registers replicated k times with offset identifiers; see
`ekspertbistand.replicate`).

The extracts are regenerated only when a file is missing or altered, or when the generator's own
source, the locked dependencies (`requirements.lock`: numpy's generators may change between
versions), the scale or the seed changed: a stamp file (`_generator.json`) records all of these.
Files are written into a staging directory and swapped into place in one step, so an
interrupted run never leaves a half-written extract behind. The survey exports are small and
committed (see `python -m ekspertbistand.survey`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

from rapport.data.recorder import file_sha256
from rapport.fsutil import replace_dir

PACKAGE_DIR = Path(__file__).resolve().parent
LOCK = PACKAGE_DIR.parents[1] / "requirements.lock"
STAMP = "_generator.json"
SEED = 4


def generator_hash() -> str:
    """Hash of the generator's source (the survey module excluded: its output is committed) and
    of the locked dependencies it runs on."""
    digest = hashlib.sha256(LOCK.read_bytes() if LOCK.is_file() else b"")
    for path in sorted(PACKAGE_DIR.glob("*.py")):
        if path.name.startswith("survey"):
            continue
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _stamp(out: Path, scale: str, files: dict[str, Path]) -> dict:
    return {
        "generator": generator_hash(),
        "scale": scale,
        "seed": SEED,
        "files": {name: file_sha256(path) for name, path in sorted(files.items())},
    }


def is_fresh(out: Path, scale: str) -> bool:
    try:
        stamp = json.loads((out / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if (stamp.get("generator"), stamp.get("scale"), stamp.get("seed")) != (
        generator_hash(),
        scale,
        SEED,
    ):
        return False
    for name, digest in stamp.get("files", {}).items():
        path = out / name
        if not path.is_file() or file_sha256(path) != digest:
            return False
    return True


def generate(out: Path, scale: str = "full", *, force: bool = False) -> bool:
    """Write the register extracts into `out`; return False when they were already fresh."""
    k = None
    if scale not in ("full", "small"):
        from ekspertbistand.replicate import factor

        k = factor(scale)
        if k is None:
            raise ValueError(f"unknown scale {scale!r} (full, small or <k>x such as 10x)")
    if not force and is_fresh(out, scale):
        return False
    # The generators (pyarrow, numpy) only when something is written: a fresh check is quick.
    from ekspertbistand.firms import generate_firm_registers
    from ekspertbistand.persons import generate_person_registers
    from ekspertbistand.replicate import replicate
    staging = out.with_name(out.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    written = {}
    written.update(generate_firm_registers(staging, scale="full" if k else scale, seed=SEED))
    persons = generate_person_registers(staging, scale="full" if k else scale, seed=SEED)
    if k is not None and k > 1:
        replicate({stem: Path(p) for stem, p in persons.items()}, k)
    written.update(persons)
    files = {Path(p).name: Path(p) for p in written.values()}
    stamp = _stamp(staging, scale, files)
    (staging / STAMP).write_text(json.dumps(stamp, indent=1, sort_keys=True) + "\n")
    replace_dir(staging, out)
    return True


def _scale(text: str) -> str:
    if text in ("full", "small"):
        return text
    from ekspertbistand.replicate import factor  # pyarrow: only for a replicated scale

    if factor(text):
        return text
    raise argparse.ArgumentTypeError(f"{text!r}: expected full, small or <k>x such as 10x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="full", type=_scale,
                        help="full, small or <k>x (the full extract k times, e.g. 10x)")
    parser.add_argument("--out", type=Path, default=Path("data/raw/register"))
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if generate(args.out, args.scale, force=args.force):
        print(f"    generated register extracts ({args.scale}) in {time.perf_counter() - started:.1f} s")
    else:
        print(f"    register extracts ({args.scale}) are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
