"""Nothing about the machine that built the report is published: scan the book before it is.

Every text file of the rendered book (HTML pages, executed-notebook pages, CSV downloads, SVG,
JSON, CSS, JavaScript) is searched for the project's absolute path, the home directory, the
temporary directory and IPython's temporary cell files. Found ones stop the publish with the
file and line, so the last good `_book/` stays.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

TEXT_SUFFIXES = {".html", ".htm", ".csv", ".txt", ".svg", ".json", ".css", ".js", ".md",
                 ".xml", ".ipynb", ".yml", ".yaml", ".bib"}


def temporary_dirs() -> list[str]:
    """The machine's temporary directories: this process's and the conventional ones.

    A kernel or a library may write under /tmp even when TMPDIR points elsewhere.
    """
    dirs = {tempfile.gettempdir(), "/tmp", "/var/tmp"}
    return sorted(d for d in dirs if d not in ("", "/"))


def machine_paths(root: Path) -> list[tuple[str, str]]:
    """(absolute path, what a published page writes instead), longest first."""
    pairs = [(str(Path(root).resolve()), "."), (str(root), ".")]
    home = str(Path.home())
    if home not in ("/", ""):
        pairs.append((home, "~"))
    pairs.extend((tmp, "<tmp>") for tmp in temporary_dirs())
    return sorted(set(pairs), key=lambda p: -len(p[0]))


def machine_markers(root: Path) -> list[str]:
    """Strings that only a build machine's paths contain: the paths above (home and temporary
    directories as folders), and IPython's temporary cell files."""
    markers = {path if instead == "." else path + "/" for path, instead in machine_paths(root)}
    markers.add("ipykernel_")
    return sorted(markers, key=len, reverse=True)


def published_leaks(root: Path, book: Path, limit: int = 20) -> list[str]:
    """`file:line: «…»` for each line of a published text file holding a machine path."""
    markers = machine_markers(root)
    found: list[str] = []
    for path in sorted(p for p in book.rglob("*") if p.is_file()):
        if path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (UnicodeDecodeError, OSError):
            continue
        if not any(m in text for m in markers):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            hit = next((m for m in markers if m in line), None)
            if hit:
                at = line.index(hit)
                excerpt = line[max(0, at - 30): at + len(hit) + 40].strip()
                found.append(f"{path.relative_to(book).as_posix()}:{number}: «{excerpt}»")
                if len(found) >= limit:
                    return found
    return found
