"""The appendix «Avvik fra den publiserte rapporten» (notebooks/90-avvik.py) computes each
deviation from the data and the published numbers in data/reference/.

The notebook reads what the other notebooks published (their tables and facts under
_build/artifacts/), so it runs once (as a script, the way the runner's kernel would run its
cells) in the session's built copy of the report, into a scratch artifacts directory; the tests
read what it published: tbl-avvik.csv / .md and facts.yml.
"""

from __future__ import annotations

import json
import math
import runpy
from pathlib import Path

import pandas as pd
import pypandoc
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = REPO / "notebooks" / "90-avvik.py"
S = "\u00a0"  # the formatter's no-break space


@pytest.fixture(scope="module")
def published(tmp_path_factory, built_projects):
    root = built_projects(REPO)
    out = tmp_path_factory.mktemp("avvik")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RAPPORT_ROOT", str(root))
        mp.setenv("RAPPORT_NOTEBOOK", "90-avvik")
        mp.setenv("RAPPORT_ARTIFACTS", str(out))
        mp.delenv("RAPPORT_READS", raising=False)
        mp.chdir(root)
        runpy.run_path(str(root / "notebooks" / NOTEBOOK.name), run_name="__main__")
    rows = pd.read_csv(out / "tbl-avvik.csv", dtype={"publisert_verdi": str,
                                                     "beregnet_verdi": str})
    facts = yaml.safe_load((out / "facts.yml").read_text(encoding="utf-8"))
    return {"dir": out, "rows": rows.set_index("id"), "facts": facts}


def num(value) -> float:
    return float(value)


def test_tabell2_totals_differ_by_one_krone_from_ore_rounding(published):
    rows = published["rows"]
    for year, total in ((2021, "10 597 525"), (2022, "16 799 429")):
        row = rows.loc[f"tabell2-totalsum-{year}"]
        assert num(row.publisert_verdi) == 1  # printed rows − printed Totalsum
        assert num(row.beregnet_verdi) == 1  # rounded cells − rounded exact total
        assert f"kr{S}{total.replace(' ', S)}" in row.beregnet
        assert "øre" in row.forklaring
    assert not any(i.startswith("tabell2-totalsum-20") and i[-4:] not in ("2021", "2022")
                   for i in rows.index)


def test_county_amounts_one_rounding_rule(published):
    rows = published["rows"]
    trondelag = rows.loc["refusjon-region-50"]
    assert num(trondelag.publisert_verdi) == 13.5 and num(trondelag.beregnet_verdi) == 13.4
    assert trondelag.beregnet.startswith("13,4 millioner kroner")
    assert "for høyt" in trondelag.forklaring
    for code, printed, computed in (("06", 4.2, 4.3), ("04", 3.8, 3.9), ("10", 2.7, 2.8)):
        row = rows.loc[f"refusjon-region-{code}"]
        assert (num(row.publisert_verdi), num(row.beregnet_verdi)) == (printed, computed)
        assert row.forklaring.startswith("Avkortet")
    # the correctly rounded ones are not listed
    for code in ("08", "03", "12", "15", "02", "19", "18", "11"):
        assert f"refusjon-region-{code}" not in rows.index


def test_margin_of_error_4_9_is_4_5_with_n_271(published):
    rows = published["rows"]
    moe = rows[rows.index.str.startswith("moe-")]
    assert list(moe.index) == ["moe-via-andre-ansatte-i-virksomheten"]  # ±3,8 ±6,7 ±6,1 ±6,6 hold
    row = moe.iloc[0]
    # Printed: ±4,9 (the text) for the 17 % of n = 271 in Figur 6; computed here from the
    # printed share with the normal approximation, 1,96 · √(p(1 − p)/n), in points.
    printed = pd.read_csv(REPO / "data" / "reference" / "tekst_feilmarginer.csv")
    printed = printed[printed["kategori"] == "Via andre ansatte i virksomheten"].iloc[0]
    figur_6 = pd.read_csv(REPO / "data" / "reference" / "figur_6.csv")
    share = figur_6[(figur_6["series"] == 2024)
                    & (figur_6["category"] == "Via andre ansatte i virksomheten")].iloc[0]
    p, n = share["value_pct"] / 100, int(share["n"])
    expected = round(100 * 1.96 * math.sqrt(p * (1 - p) / n), 1)
    assert num(row.publisert_verdi) == printed["moe_pp"]
    assert num(row.beregnet_verdi) == expected and expected != printed["moe_pp"]
    assert f"n = {n}" in row.beregnet
    assert published["facts"]["avviksvedlegg.moe_andre_ansatte"]["text"] == \
        f"{expected:.1f}".replace(".", ",")


def test_tabell4_industry_block(published):
    rows = published["rows"]
    undervisning = rows.loc["tabell4-p"]
    assert undervisning.publisert == f"157 (14{S}%), differanse +14,3"
    assert undervisning.beregnet == f"157 (12{S}%), differanse +16,0"
    assert "12,0" in undervisning.forklaring
    t4 = rows[rows.index.str.startswith("tabell4-")]
    assert len(t4) == 10 and "tabell4-i" not in rows.index  # Overnatting is consistent
    assert "Tabell 3" in rows.loc["tabell4-f"].forklaring  # 91 printed, data 76


def test_survey_and_frame_deviations(published):
    rows = published["rows"]
    hr = rows.loc["tabell6-hr-ansvarlig"]
    assert num(hr.publisert_verdi) == 99 and "89 + 5 + 5" in hr.beregnet
    frame = rows.loc["frafall-n"]
    assert (num(frame.publisert_verdi), num(frame.beregnet_verdi)) == (1036, 1037)
    ref = pd.read_csv(REPO / "data" / "reference" / "frafallsanalyse.csv")
    not_reproduced = ref[ref["differanse_reproduced"] == "nei"]
    listed = rows[rows.index.str.match(r"frafall-(?!n$)")]
    assert len(listed) == len(not_reproduced) == 9
    assert sorted(listed["publisert_verdi"].map(num)) == sorted(not_reproduced["differanse_pct"])


def test_period_typos_and_tabell5(published):
    rows = published["rows"]
    period = rows.loc["tilsagn-periode"]
    assert num(period.beregnet_verdi) == 4.7 and "4 år og 8 måneder" in period.beregnet
    assert rows.loc["trykkfeil-1"].beregnet == "«537»"
    assert rows.loc["trykkfeil-3"].beregnet == "«Alderspensjonist»"
    innvandrer = rows.loc["tabell5-innvandringsstatus-innvandrer"]
    assert (num(innvandrer.publisert_verdi), num(innvandrer.beregnet_verdi)) == (3.4, 3.5)


def test_facts_and_snippet(published):
    rows, facts = published["rows"], published["facts"]
    assert facts["avviksvedlegg.antall"]["value"] == len(rows)
    assert facts["avviksvedlegg.trondelag_beregnet"]["text"] == "13,4 millioner kroner"
    md = (published["dir"] / "tbl-avvik.md").read_text(encoding="utf-8")
    assert md.startswith("::: {#tbl-avvik}\n+")
    assert "Kilde: " in md and "Last ned data (CSV)" in md
    ast = json.loads(pypandoc.convert_text(md, "json", format="markdown"))
    table = next(b for div in ast["blocks"] if div["t"] == "Div"
                 for b in div["c"][1] if b["t"] == "Table")
    colspecs, body = table["c"][2], table["c"][4][0][3]
    assert len(colspecs) == 4
    groups = facts["avviksvedlegg.antall_grupper"]["value"]
    assert len(body) == len(rows) + groups  # one spanning row per group
    head = pypandoc.convert_text(md, "plain", format="markdown")
    for title in ("Sted i rapporten", "Publisert", "Beregnet fra data", "Forklaring"):
        assert title in head
