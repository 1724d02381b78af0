"""Settings under `report:` in _quarto.yml: the known ones load, a typo is one clear error."""

from __future__ import annotations

import pytest

from rapport.pipeline.cli import BuildError, load_config


def project(tmp_path, report: str):
    (tmp_path / "_quarto.yml").write_text(f"project:\n  type: book\nreport:\n{report}",
                                          encoding="utf-8")
    return tmp_path


def test_known_settings_load(tmp_path):
    root = project(tmp_path, "  client: Arbeids- og velferdsdirektoratet\n  place: Oslo\n")
    assert load_config(root)["report"]["place"] == "Oslo"


def test_a_typo_is_an_error_naming_the_key(tmp_path):
    with pytest.raises(BuildError, match=r"_quarto.yml: report.clinet: unknown setting; "
                                         r"expected one of client, "):
        load_config(project(tmp_path, "  clinet: NAV\n"))


def test_the_old_place_date_points_to_book_date(tmp_path):
    with pytest.raises(BuildError, match="typed once, as book.date"):
        load_config(project(tmp_path, "  place-date: Oslo, 10. juni 2024\n"))
