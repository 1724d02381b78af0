"""The GitHub Actions workflow is valid against the GitHub workflow schema (offline)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def test_workflows_validate_against_schema():
    assert WORKFLOWS, "no workflow files"
    exe = Path(sys.executable).with_name("check-jsonschema")
    proc = subprocess.run(
        [str(exe), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflow_rebuilds_on_input_changes_and_uploads_the_book():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "report.yml").read_text())
    paths = workflow[True]["push"]["paths"]  # YAML 1.1 reads the key `on` as True
    for watched in ("data/**", "notebooks/**", "chapters/**", "src/**"):
        assert watched in paths
    steps = [s.get("run") or s.get("uses") for s in workflow["jobs"]["build"]["steps"]]
    assert "make test" in steps and "make report" in steps
    assert any(str(s).startswith("actions/upload-artifact") for s in steps)
