"""No number that comes from data is typed into the prose, in every report project; each
report lists its deliberate exceptions in tests/report/allowed-numbers.yml (rapport.proofread)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapport.proofread import Allowlist, AllowlistError, load_allowlist, typed_number_report, \
    typed_numbers
from tests.conftest import project_id, report_projects, write


# The examples were written before this rule covered every project: their prose still types
# numbers (years, dates, list and section numbers, and some counts that should be facts). Until
# each is converted (issues 11–13), the check runs on them as a strict expected failure: it is
# visible in every run, and it fails the suite as soon as an example passes, so the mark is
# removed then.
NOT_YET = {"examples/omradegjennomgang"}


def _marked(root: Path):
    if project_id(root) in NOT_YET:
        return pytest.param(root, marks=pytest.mark.xfail(
            strict=True, reason="prose not yet converted to facts (issues 11–13)"))
    return root


@pytest.mark.parametrize("root", [_marked(r) for r in report_projects()], ids=project_id)
def test_no_number_from_data_is_typed(root: Path):
    typed = typed_number_report(root)
    assert not typed, (
        "numbers typed into the prose; publish them as facts and use {{< var … >}}, or add them "
        "to tests/report/allowed-numbers.yml with the reason:\n  " + "\n  ".join(typed))


def test_the_scan_catches_a_typed_number():
    assert typed_numbers("Det er gitt tilsagn for 34,7 millioner kroner.") == [(1, "34,7")]
    assert typed_numbers("Se {{< var tilsagn.sum_2023 >}} (@tbl-x).") == []


def test_years_are_allowed_only_inside_the_configured_period():
    allow = Allowlist((2018, 2024), ())
    assert typed_numbers("I 2023 og i 1999 var det 2 050 søkere.", "x.qmd", allow) == [
        (1, "1999"), (1, "2"), (1, "050")]
    assert typed_numbers("I 2023 var det mange.", "x.qmd", Allowlist(None, ())) == [(1, "2023")]


def test_allowlist_entries_are_anchored_to_their_file_line_and_pattern(tmp_path):
    root = tmp_path / "p"
    write(root / "tests/report/allowed-numbers.yml", """
        allowed:
          - pattern: '§ \\d+'
            reason: law
          - file: index.qmd
            line: 'Bergen,'
            tokens: ['3.']
            reason: the signature date
        """)
    allow = load_allowlist(root)
    text = "Etter § 4 fikk 12 tilskudd.\nBergen, 3. mars\nDen 3. dagen"
    assert typed_numbers(text, "index.qmd", allow) == [(1, "12"), (3, "3.")]
    assert typed_numbers("Bergen, 3. mars", "chapters/a.qmd", allow) == [(1, "3.")]


def test_a_blanket_exemption_is_refused(tmp_path):
    root = tmp_path / "p"
    write(root / "tests/report/allowed-numbers.yml", "allowed:\n  - reason: alle tall\n")
    with pytest.raises(AllowlistError, match="anchor it with pattern, line or tokens"):
        load_allowlist(root)
