"""The house style of a project: the one loader of the `house-style:` settings (docs/house-style.md).

A project selects a style in `_quarto.yml` with Quarto's `metadata-files:` (e.g.
`_extensions/rapport/styles/oxford-research.yml`) and may override single keys under its own
`house-style:`. This module merges the two as Quarto does (metadata files in order, then the
project; mappings key by key), and refuses unknown keys and wrong values with the file and the
key. A YAML syntax error names the file and the line.

Python uses `source`, `n-format` and `n-placement` (the caption and Kilde builders in
`rapport.exhibits.snippet`); the Lua filters and templates read the other keys from the same
merged metadata.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rapport import context

CONFIG = "_quarto.yml"


class HouseStyleError(ValueError):
    """A house-style setting is unknown or has a wrong value; the message names file and key."""


# --- keys and their checks (one place: docs/house-style.md describes the same table) ---------

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_SIZE = re.compile(r"^\d+(\.\d+)?(pt|px|em|rem)$")


def _text(value) -> str | None:
    return None if isinstance(value, str) and value.strip() else "a text"


def _nonempty(what: str):
    def check(value):
        return None if isinstance(value, str) and value else what
    return check


def _choice(*options):
    def check(value):
        return None if value in options else " or ".join(repr(o) for o in options)
    return check


def _pattern(regex: re.Pattern, what: str):
    def check(value):
        return None if isinstance(value, str) and regex.match(value) else what
    return check


def _n_format(value):
    from rapport.exhibits.fmt import n_template_parts  # the formatter owns the rule

    try:
        n_template_parts(value)
        return None
    except ValueError:
        pass
    return 'a base such as "(n = {n})", "(n={n})" or "(N = {n})": n or N, "=", {n}'


def _logo(value):
    return None if value is None or (isinstance(value, str) and value.strip()) else \
        "a path to an image, or null"


def _wordmark(value):
    return None if value is None or (isinstance(value, str) and value.strip()) else \
        "a short text for the cover, or null"


def _back_cover(value):
    ok = value is None or (isinstance(value, list) and value
                           and all(isinstance(v, str) and v.strip() for v in value))
    return None if ok else "a list of lines for the back cover (the firm's contact details), or null"


KEYS: dict[str, Any] = {
    "name": _text,
    "source": _text,
    "n-format": _n_format,
    "n-placement": _choice("caption", "source"),
    "numbering": _choice("global", "chapter"),
    "numbering-separator": _nonempty('a text such as "-" or "."'),
    "appendix-numbering": _choice("1", "A"),
    "caption-delimiter": _nonempty('a text such as ":"'),
    "font": _text,
    "font-size": _pattern(_SIZE, "a size such as 10.5pt"),
    "colors": {"primary": _pattern(_COLOR, "a colour #rrggbb"),
               "accent": _pattern(_COLOR, "a colour #rrggbb")},
    "logo": _logo,
    "wordmark": _wordmark,
    "back-cover": _back_cover,
}

DEFAULTS: dict[str, Any] = {
    "name": "", "source": None, "n-format": "(n = {n})", "n-placement": "caption",
    "numbering": "global", "numbering-separator": "-", "appendix-numbering": "1",
    "caption-delimiter": ":", "font": None, "font-size": None,
    "colors": {"primary": None, "accent": None}, "logo": None, "wordmark": None,
    "back-cover": None,
}


@dataclass(frozen=True)
class HouseStyle:
    """The merged settings, and the files they came from (recorded as reads)."""

    settings: dict[str, Any]
    files: tuple[Path, ...] = field(default=())

    def __getitem__(self, key: str):
        return self.settings[key]

    @property
    def source(self) -> str | None:
        return self.settings["source"]

    @property
    def n_format(self) -> str:
        return self.settings["n-format"]

    @property
    def n_placement(self) -> str:
        return self.settings["n-placement"]


# --- reading ----------------------------------------------------------------------------------


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_yaml(path: Path, root: Path | None = None) -> Any:
    """A YAML file; a syntax error names the file and the line."""
    root = root or path.parent
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise HouseStyleError(f"{_rel(path, root)}: file not found") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}:" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise HouseStyleError(f"{_rel(path, root)}:{where} YAML error: {problem}") from None


def project_config(root: Path | None = None) -> dict:
    """The project's `_quarto.yml` as a mapping."""
    root = Path(root) if root else context.project_root()
    config = read_yaml(root / CONFIG, root) or {}
    if not isinstance(config, dict):
        raise HouseStyleError(f"{CONFIG}: expected a mapping at the top")
    return config


def _check(values, checks: dict, where: str, prefix: str = "") -> None:
    if not isinstance(values, dict):
        raise HouseStyleError(f"{where}: house-style{prefix}: expected a mapping of settings")
    for key, value in values.items():
        dotted = f"house-style{prefix}.{key}"
        if key not in checks:
            close = difflib.get_close_matches(str(key), list(checks), n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            known = ", ".join(checks)
            raise HouseStyleError(f"{where}: {dotted}: unknown key{hint}; known keys: {known}")
        check = checks[key]
        if isinstance(check, dict):
            _check(value, check, where, f"{prefix}.{key}")
            continue
        expected = check(value)
        if expected:
            raise HouseStyleError(f"{where}: {dotted}: {value!r} is not {expected}")


def _merge(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load(root: Path | None = None, *, record: bool = True) -> HouseStyle:
    """The project's house style: its `metadata-files` in order, then its own `house-style:`.

    Every file read is recorded for the notebook cache (record=False for the build's own use),
    so a changed style reruns the notebooks whose captions it shapes.
    """
    root = Path(root) if root else context.project_root()
    config = project_config(root)
    files = [root / CONFIG]
    layers: list[tuple[str, dict]] = []
    metadata_files = config.get("metadata-files") or []
    if isinstance(metadata_files, str):
        metadata_files = [metadata_files]
    if not isinstance(metadata_files, list):
        raise HouseStyleError(f"{CONFIG}: metadata-files: expected a list of files")
    for rel in metadata_files:
        path = root / str(rel)
        if not path.is_file():
            raise HouseStyleError(f"{CONFIG}: metadata-files: {rel}: file not found")
        data = read_yaml(path, root) or {}
        files.append(path)
        if isinstance(data, dict) and "house-style" in data:
            layers.append((_rel(path, root), data["house-style"]))
    if "house-style" in config:
        layers.append((CONFIG, config["house-style"]))
    settings = DEFAULTS
    for where, values in layers:
        _check(values, KEYS, where)
        settings = _merge(settings, values)
    if record:
        from rapport.data.recorder import record_read

        for path in files:
            record_read(path)
    return HouseStyle(settings, tuple(files))
