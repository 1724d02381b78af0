"""Every key in a shipped house-style file is documented in docs/house-style.md."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
STYLES = sorted((ROOT / "_extensions" / "rapport" / "styles").glob("*.yml"))


def documented_keys() -> set[str]:
    keys = set()
    for line in (ROOT / "docs" / "house-style.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            keys.update(re.findall(r"`([a-z][a-z0-9.-]*)`", line.split("|")[1]))
    return keys


def flat(mapping, prefix=""):
    for key, value in mapping.items():
        if isinstance(value, dict):
            yield from flat(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}"


@pytest.mark.parametrize("path", STYLES, ids=lambda p: p.name)
def test_style_uses_only_documented_keys(path):
    style = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(style) == ["house-style"]
    unknown = sorted(set(flat(style["house-style"])) - documented_keys())
    assert not unknown, f"{path.name}: keys not in docs/house-style.md: {unknown}"


def test_there_are_styles():
    assert len(STYLES) >= 3
