"""Read the YAML files the build depends on; a syntax error is one message with file and line.

`_quarto.yml`, the house-style files it lists under `metadata-files`, `_variables.yml`, the facts
notebooks publish and the front matter of chapters are all YAML. A broken one must stop the
build with `file:line: not valid YAML: …`, never a `yaml.scanner.ScannerError` traceback.
(Codebooks have the same rule, reported as a `CodebookError` by `rapport.data.codebook`.)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

# libyaml's safe loader where PyYAML has it (the wheels do): the same documents, several times
# faster on the generated _variables.yml.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # and its emitter (the same text)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)


class YamlFileError(ValueError):
    """A YAML file (or a chapter's front matter) the build reads is not valid YAML."""


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return Path(path).as_posix()


def parse_yaml(text: str, shown: str, first_line: int = 1) -> Any:
    """`yaml.safe_load(text)`, with errors as `shown:line: not valid YAML: problem`."""
    try:
        return yaml.load(text, Loader=LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = (mark.line + first_line) if mark is not None else first_line
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        context = getattr(err, "context", None)
        detail = f"{reason} ({context})" if context else reason
        raise YamlFileError(f"{shown}:{line}: not valid YAML: {detail}") from None


def load_yaml_file(path: Path, root: Path | None = None) -> Any:
    """The parsed contents of `path` (None for an empty file)."""
    shown = _shown(path, root)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        line = Path(path).read_bytes()[: err.start].count(b"\n") + 1
        raise YamlFileError(f"{shown}:{line}: not UTF-8 text") from None
    return parse_yaml(text, shown)


def front_matter(path: Path, root: Path | None = None) -> Any:
    """The parsed front matter of a `.qmd` file (None when it has none)."""
    text = Path(path).read_text(encoding="utf-8").replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    return parse_yaml(match.group(1), _shown(path, root), first_line=2)


def metadata_files(config: dict) -> list[str]:
    """The `metadata-files` listed in `_quarto.yml` (root-relative), in order."""
    value = config.get("metadata-files") or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def check_project_yaml(root: Path, config: dict) -> None:
    """Parse every YAML file the render reads, so that a broken one fails with its line.

    `_quarto.yml` itself is parsed by the caller (it gives `config`). Raises YamlFileError.
    """
    for rel in metadata_files(config):
        path = root / rel
        if not path.is_file():
            raise YamlFileError(f"_quarto.yml: metadata-files lists {rel}, which does not exist")
        load_yaml_file(path, root)
    book = config.get("book") or {}
    for rel in _chapters(book.get("chapters")) + _chapters(book.get("appendices")):
        if (root / rel).is_file():
            front_matter(root / rel, root)


def _chapters(entries: Any) -> list[str]:
    out: list[str] = []
    for entry in entries or []:
        if isinstance(entry, str):
            out.append(entry)
        elif isinstance(entry, dict):
            if isinstance(entry.get("part"), str) and entry["part"].endswith(".qmd"):
                out.append(entry["part"])
            out.extend(_chapters(entry.get("chapters")))
    return out
