"""The flagship's data card keeps its promise on survey disclosure: it names the one survey
table exempt from the cell rule, and why."""

from __future__ import annotations

import re

from tests.conftest import REPO


def test_data_card_names_every_exempt_survey_table_and_why():
    card = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    privacy = card.split("## Personvern")[1]
    assert "`tbl-frafall`" in privacy
    paragraph = next(p for p in privacy.split("\n\n") if "`tbl-frafall`" in p)
    assert re.search(r"unntatt|unntak", paragraph)
    assert "`tbl-involvering-rolle`" in privacy  # the survey crosstab with a hidden column
    assert "02-frafall" in paragraph
