"""The executed notebooks as readers may see them («Se analysen»): `_build/notebooks/<stem>.ipynb`.

The runner keeps each notebook exactly as its kernel ran it in `_build/executed/<stem>.ipynb`
(with the cache entry). What is published is derived from that, every build, by two rules:

- **Nothing about the build machine.** The project root, the notebook's staging directory, the
  kernel's temporary cell files (`/tmp/ipykernel_811/618692851.py:7`, which become
  `notebooks/03-register.py:24`), the temporary directory and the home directory are written
  out of every output.
- **The same page however the kernel flushed.** The kernel sends what a cell prints in pieces
  timed by its flush interval, so two `print` calls land in one stream output on one run and in
  two on the next (more often on a loaded machine). Adjacent stream outputs of the same name
  are joined into one, so the page depends on what was printed, not on when.
- **The disclosure rule on every page.** A notebook that read restricted data (register
  extracts: `report.restricted-data` in `_quarto.yml`, default `data/raw/register/`) shows its
  code and text but none of its outputs: those print counts before primary and secondary
  suppression, and the report's tables show the suppressed figures. A reviewer build
  (`RAPPORT_REVIEWER=1`) keeps the outputs and says on the page that it is not for
  publication.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
from importlib import metadata
from pathlib import Path

from rapport.pipeline import cells, leaks
from rapport.pipeline.cells import file_line, start_lines
from rapport.pipeline.leaks import machine_paths
from rapport.fsutil import atomic_write_text

REVIEWER_ENV = "RAPPORT_REVIEWER"
DEFAULT_RESTRICTED = ("data/raw/register/",)
KERNEL_CELL = re.compile(
    r"(?:[^\s'\"()]*[/\\])?ipykernel_\d+[/\\](\d+)\.py(?:(:|\", line |, line )(\d+))?")

WITHHELD_NB = (
    "**Utdata er holdt tilbake.** Denne analysen leser registerdata. Utdataene (tabeller, tall "
    "og figurer) viser tall før primær og sekundær prikking og vises derfor ikke her. Tallene "
    "som publiseres, med prikking, står i rapportens tabeller og figurer og i "
    "nedlastingsfilene under dem."
)
REVIEWER_NB = (
    "**Intern gjennomgangsversjon – skal ikke publiseres.** Denne siden viser utdata fra "
    "registerdata før prikking (bygget med `RAPPORT_REVIEWER=1`)."
)


def reviewer_build() -> bool:
    return os.environ.get(REVIEWER_ENV, "") not in ("", "0")


def restricted_prefixes(config: dict) -> tuple[str, ...]:
    value = (config.get("report") or {}).get("restricted-data")
    if value is None:
        return DEFAULT_RESTRICTED
    values = [value] if isinstance(value, str) else list(value)
    return tuple(v.rstrip("/") + "/" if not v.endswith("/") else v for v in values)


def reads_restricted(reads: list[dict], prefixes: tuple[str, ...]) -> bool:
    return any(str(r.get("path", "")).startswith(prefixes) for r in reads)


def _cell_names(nb, starts: list[int | None]) -> dict[str, int]:
    """Kernel temp-file hash (as in ipykernel's cell file names) → index of the cell."""
    from ipykernel.compiler import get_tmp_hash_seed, murmur2_x86

    names = {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            names[str(murmur2_x86(cell.source, get_tmp_hash_seed()))] = index
    return names


def scrub(text: str, root: Path, stem: str, source_rel: str, starts, names,
          ran_in: str | None = None) -> str:
    """`text` with the machine's paths replaced by project-relative ones.

    `ran_in` is the root the notebook ran in when the project has moved since.
    """
    if ran_in and ran_in != str(root):
        text = scrub(text, Path(ran_in), stem, source_rel, starts, names)
    def kernel(match: re.Match) -> str:
        index = names.get(match.group(1))
        if index is None:
            return source_rel
        if match.group(3) is None:
            return source_rel
        line = file_line(starts, index, int(match.group(3)))
        return f"{source_rel}:{line}" if line else source_rel

    text = KERNEL_CELL.sub(kernel, text)
    for prefix in {str(root.resolve()), str(root)}:
        text = text.replace(f"{prefix}/_build/staging/{stem}", f"_build/artifacts/{stem}")
    for absolute, instead in machine_paths(root):
        if instead == "<tmp>":  # a temporary path says nothing useful: drop all of it
            pattern = re.compile(r"(?<![\w./:-])" + re.escape(absolute)
                                 + r"(?:/[^\s'\"<>&),;:]*)?(?=[\\'\"\s),:;<&]|$)")
            text = pattern.sub(instead, text)
            continue
        pattern = re.compile(r"(?<![\w./:-])" + re.escape(absolute)
                             + r"(?:(/)|(?=[\\'\"\s),:;<&]|$))")
        text = pattern.sub(lambda m: "" if instead == "." and m.group(1)
                           else instead + (m.group(1) or ""), text)
    return text


def _scrub_node(node, fn):
    if isinstance(node, str):
        return fn(node)
    if isinstance(node, list):
        return [_scrub_node(v, fn) for v in node]
    if isinstance(node, dict):
        return {k: _scrub_node(v, fn) for k, v in node.items()}
    return node


def coalesce_streams(outputs: list) -> list:
    """`outputs` with each run of adjacent stream outputs of the same name (stdout, stderr)
    joined into one, in order; every other output is kept as it is."""
    joined: list = []
    for output in outputs:
        last = joined[-1] if joined else None
        if (output.get("output_type") == "stream" and last is not None
                and last.get("output_type") == "stream" and last.get("name") == output.get("name")):
            text = output.get("text", "")
            last["text"] = last.get("text", "") + ("".join(text) if isinstance(text, list) else text)
            continue
        if output.get("output_type") == "stream":
            output = copy.deepcopy(output)
            if isinstance(output.get("text"), list):
                output["text"] = "".join(output["text"])
        joined.append(output)
    return joined


def publishable(nb, *, root: Path, stem: str, source: Path, restricted: bool,
                reviewer: bool):
    """A copy of executed notebook `nb` fit to publish (see the module docstring)."""
    import nbformat

    from rapport.pipeline.execute import RUN_METADATA

    nb = copy.deepcopy(nb)
    ran_in = (nb.metadata.pop(RUN_METADATA, None) or {}).get("root")
    source_rel = source.resolve().relative_to(root.resolve()).as_posix()
    starts = start_lines(source.read_text(encoding="utf-8"), nb) if source.is_file() else []
    names = _cell_names(nb, starts)

    def fn(text: str) -> str:
        return scrub(text, root, stem, source_rel, starts, names, ran_in)

    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if restricted and not reviewer:
            cell.outputs = []
            cell.execution_count = None
        else:
            cell.outputs = [nbformat.from_dict(_scrub_node(dict(o), fn))
                            for o in coalesce_streams(cell.outputs)]
    nb.metadata = nbformat.from_dict(_scrub_node(dict(nb.metadata), fn))
    if restricted:
        note = REVIEWER_NB if reviewer else WITHHELD_NB
        banner = nbformat.v4.new_markdown_cell(note)
        banner["id"] = "rapport-disclosure-note"
        nb.cells.insert(0, banner)
    return nb


# The code that shapes a page: a change to any of it derives every page again.
_CODE = (Path(__file__), Path(cells.__file__), Path(leaks.__file__))


def page_key(root: Path, stem: str, executed: Path, reads: list[dict], restricted: bool,
             reviewer: bool) -> str:
    """Everything a published page is derived from: the executed notebook, its source (for the
    line numbers), what it read, the two rules' inputs (the machine's paths, restricted or not,
    reviewer or not), and the code and nbformat that write it."""
    source = root / "notebooks" / f"{stem}.py"
    digest = hashlib.sha256()
    for part in (executed.read_bytes(), source.read_bytes() if source.is_file() else b"",
                 json.dumps([reads, restricted, reviewer, machine_paths(root),
                             metadata.version("nbformat")], sort_keys=True, default=str).encode(),
                 *(path.read_bytes() for path in _CODE)):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def publish(root: Path, stem: str, executed: Path, reads: list[dict], config: dict,
            *, reviewer: bool | None = None) -> Path:
    """Write `_build/notebooks/<stem>.ipynb` from the executed notebook (only if it changed).
    A build whose page inputs are those of the page in place, which is as written, derives
    nothing (`_build/cache/pages/<stem>.sha256` holds both hashes)."""
    reviewer = reviewer_build() if reviewer is None else reviewer
    restricted = reads_restricted(reads, restricted_prefixes(config))
    target = root / "_build" / "notebooks" / f"{stem}.ipynb"
    stamp = root / "_build" / "cache" / "pages" / f"{stem}.sha256"
    key = page_key(root, stem, executed, reads, restricted, reviewer)
    if stamp.is_file() and target.is_file() and stamp.read_text(encoding="utf-8") == (
            f"{key} {hashlib.sha256(target.read_bytes()).hexdigest()}"):
        return target
    import nbformat  # only when a page is derived (a no-op build imports neither)

    nb = nbformat.read(executed, as_version=4)
    page = publishable(nb, root=root, stem=stem, source=root / "notebooks" / f"{stem}.py",
                       restricted=restricted, reviewer=reviewer)
    text = nbformat.writes(page) + "\n"
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        atomic_write_text(target, text)
    atomic_write_text(stamp, f"{key} {hashlib.sha256(text.encode('utf-8')).hexdigest()}")
    return target


def prune(root: Path, stems: list[str]) -> None:
    """Remove published notebooks (and stale failure copies) of notebooks that do not exist."""
    folder = root / "_build" / "notebooks"
    for path in folder.glob("*.ipynb") if folder.is_dir() else []:
        if path.name.endswith(".failed.ipynb") or path.stem not in stems:
            path.unlink(missing_ok=True)
