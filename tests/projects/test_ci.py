"""CI that guards: every pull request is checked (lint and tests), whatever it changes."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def _workflow() -> dict:
    return yaml.safe_load((REPO / ".github" / "workflows" / "report.yml").read_text())


def test_every_pull_request_runs_the_workflow():
    triggers = _workflow()[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers
    pull_request = triggers["pull_request"] or {}
    assert "paths" not in pull_request and "paths-ignore" not in pull_request


def test_push_to_main_watches_tests_lock_config_and_ci_files():
    paths = _workflow()[True]["push"]["paths"]
    for watched in ("tests/**", "requirements.lock", "pyproject.toml", "Makefile",
                    ".github/**", "_extensions/**", "*.yml", "*.qmd", "*.bib"):
        assert watched in paths, watched


def test_workflow_runs_the_lint_before_the_tests():
    steps = [s.get("run") for s in _workflow()["jobs"]["build"]["steps"]]
    assert "make check" in steps
    assert steps.index("make check") < steps.index("make test")


def test_ci_entry_point_runs_check_and_test():
    commands = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    assert "make check" in commands and "make test" in commands


def test_change_summary_compares_with_the_restored_build_and_is_published_twice():
    """The summary is against the record saved before `make report` (not whatever an older
    build left as the previous record), into the step summary and an artifact."""
    steps = _workflow()["jobs"]["build"]["steps"]
    runs = [s.get("run") or "" for s in steps]
    build = runs.index("make report")
    keep = next(i for i, r in enumerate(runs) if "_build/ci-baseline.json" in r
                and "cp _build/record.json" in r)
    changes = next(i for i, r in enumerate(runs) if "rapport changes" in r)
    assert keep < build < changes
    assert "--baseline _build/ci-baseline.json" in runs[changes]
    assert "--out _build/endringer.md" in runs[changes]
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    assert any(s["with"]["path"] == "_build/endringer.md" for s in uploads)
    assert steps.index(next(s for s in uploads if s["with"]["path"] == "_build/endringer.md")) \
        > changes
