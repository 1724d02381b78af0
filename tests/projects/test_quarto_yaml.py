"""Every project's YAML configuration is read by Quarto's reader, which refuses a duplicated
key («YAMLException: duplicated mapping key») before it renders anything. PyYAML, which the
project's own renderer uses, silently keeps the last value, so only this test catches it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import project_id, report_projects


class _StrictLoader(yaml.SafeLoader):
    pass


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicated mapping key {key!r} (first at line {seen[key]})",
                key_node.start_mark)
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def test_strict_loader_refuses_a_duplicated_key():
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicated mapping key 'a'"):
        yaml.load("a: 1\nb: 2\na: 3\n", Loader=_StrictLoader)


@pytest.mark.parametrize("root", report_projects(), ids=project_id)
def test_no_duplicated_keys(root: Path):
    files = [root / "_quarto.yml", *sorted((root / "_extensions").glob("*/**/*.yml"))]
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
