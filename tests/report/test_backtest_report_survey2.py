"""Backtests: the *published* artifacts of the survey notebooks for chapters 2.5.1, 4 and 5.2
reproduce the numbers seed 004 prints.

The three notebooks (`02-frafall`, `04-innhold`, `05-survey`) are built once per session with the
project's own runner in a scratch copy that holds only what they read (codebooks and survey
exports), so the test neither depends on nor disturbs the other notebooks. Then the CSVs and
facts they published are compared with data/reference/:

- figur_18, 19, 20, 23, 24, 25: the shares the text quotes, rounded half up to whole percent;
- tekst_surveytall: the survey numbers the text gives without a figure (the rows these
  notebooks own);
- frafallsanalyse: every share exactly; the Differanse exactly for the 36 rows the reference
  marks as reproduced by the data, within 0,2 pp for the other 9 (where no data set can hit
  the printed values together with the printed shares and n's).

Each test collects every mismatch and fails with exhibit, category, published and computed value.
"""

from __future__ import annotations

import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
REF = ROOT / "data" / "reference"
NOTEBOOKS = ["02-frafall", "04-innhold", "05-survey"]
APPROX_PP = 5  # verbal values («ca. 60 prosent», «nesten 100 prosent», «~17 prosent»)
DIFF_TOLERANCE_PP = 0.2  # frafall Differanse rows the data cannot reproduce exactly


def pct(share: float, decimals: int = 0) -> Decimal:
    """Share (0–1) as a percentage rounded half up, as the report prints it."""
    return (Decimal(repr(float(share))) * 100).quantize(Decimal(1).scaleb(-decimals),
                                                          rounding=ROUND_HALF_UP)


def norm(text: str) -> str:
    return " ".join(str(text).lower().split())


# --- build --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    """Run the three notebooks in a scratch project; return its _build/artifacts directory."""
    from rapport.pipeline.runner import run_notebooks

    root = tmp_path_factory.mktemp("survey2") / "proj"
    (root / "notebooks").mkdir(parents=True)
    for name in ("_quarto.yml", "requirements.lock"):
        shutil.copy2(ROOT / name, root / name)
    shutil.copytree(ROOT / "data" / "codebook", root / "data" / "codebook")
    shutil.copytree(ROOT / "_extensions", root / "_extensions")  # the house style
    shutil.copytree(ROOT / "data" / "raw" / "survey", root / "data" / "raw" / "survey")
    for stem in NOTEBOOKS:
        shutil.copy2(ROOT / "notebooks" / f"{stem}.py", root / "notebooks" / f"{stem}.py")
    outcomes = run_notebooks(root, force=True, log=lambda _m: None, only=NOTEBOOKS)
    assert [o.status for o in outcomes] == ["ran"] * len(NOTEBOOKS), outcomes
    return root / "_build" / "artifacts"


@pytest.fixture(scope="session")
def facts(artifacts) -> dict:
    merged = {}
    for stem in NOTEBOOKS:
        merged.update(yaml.safe_load((artifacts / stem / "facts.yml").read_text("utf-8")) or {})
    return merged


def published(artifacts: Path, stem: str, name: str) -> pd.DataFrame:
    path = artifacts / stem / name
    assert path.exists(), f"{stem} did not publish {name}"
    return pd.read_csv(path)


def reference(name: str) -> pd.DataFrame:
    return pd.read_csv(REF / f"{name}.csv", keep_default_na=False)


def check(problems: list[str], exhibit: str, category: str, printed, computed, ok: bool,
          note: str = "") -> None:
    if not ok:
        problems.append(f"{exhibit} | {category!r}: published {printed}, computed {computed}"
                        + (f" ({note})" if note else ""))


def compare(problems, exhibit, row, computed_share, n=None) -> None:
    """Compare one reference row (value_pct, relation, n) with an unrounded computed share."""
    printed = float(row["value_pct"])
    got = pct(computed_share)
    if row["relation"] == "approx":
        ok = abs(float(computed_share) * 100 - printed) <= APPROX_PP
        note = f"approx, ±{APPROX_PP} pp"
    else:
        ok = got == Decimal(str(int(printed))) if printed == int(printed) else False
        note = ""
    check(problems, exhibit, row["category"], f"{printed:g} %", f"{got} %", ok, note)
    if n is not None and str(row.get("n", "")).strip():
        check(problems, exhibit, f"{row['category']} (n)", row["n"], n, int(row["n"]) == int(n))


def fail_on(problems: list[str]) -> None:
    if problems:
        pytest.fail("\n".join(["published artifacts differ from the report:", *problems]))


# --- figures --------------------------------------------------------------------------------


def by_label(data: pd.DataFrame, label: str, column: str = "category") -> pd.Series:
    """The row whose label equals the reference category, or ends with it («Ja, tiltak som …»
    in the questionnaire, «Tiltak som …» in the text), case-insensitively."""
    key = norm(label)
    hits = data[data[column].map(norm) == key]
    if hits.empty:
        hits = data[data[column].map(norm).str.endswith(key)]
    assert len(hits) == 1, f"no unique row for {label!r} in {list(data[column])}"
    return hits.iloc[0]


@pytest.mark.parametrize("figure,stem,name", [
    ("figur_18", "04-innhold", "fig-ekspert-gjorde.csv"),
    ("figur_19", "04-innhold", "fig-foreslatte-tiltak.csv"),
    ("figur_20", "04-innhold", "fig-ikke-fulgt-opp.csv"),
])
def test_multi_select_figures(artifacts, figure, stem, name):
    data = published(artifacts, stem, name)
    problems: list[str] = []
    for _, row in reference(figure).iterrows():
        hit = by_label(data, row["category"])
        compare(problems, f"{figure} ({name})", row, hit["share"], n=hit["n"])
    fail_on(problems)


def test_figur_23_outcome(artifacts):
    data = published(artifacts, "05-survey", "fig-utfall-ansatt.csv").set_index("code")
    share = data["share"]
    n = int(data["n"].iloc[0])
    groups = {  # the text's categories as codes of q_utfall
        "Tilbake i samme stilling": [(1,)],
        # «9 prosent … andre arbeidsoppgaver eller fortsatt sykemeldt»: 9 % each
        "Tilbake på arbeidsplassen med andre arbeidsoppgaver eller fortsatt sykemeldt":
            [(2,), (3,)],
        "Beholdt arbeidsforholdet (sum)": [(1, 2, 3)],
        "Forlatt arbeidsplassen (sagt opp / avklart mot annet arbeid / tilrettelagt arbeid annen "
        "arbeidsplass)": [(4, 5, 6)],
    }
    problems: list[str] = []
    for _, row in reference("figur_23").iterrows():
        for codes in groups[row["category"]]:
            compare(problems, f"figur_23 codes {codes}", row, share.loc[list(codes)].sum(), n=n)
    fail_on(problems)


def test_figur_24_impact(artifacts):
    data = published(artifacts, "05-survey", "fig-innvirkning.csv")
    positive = data[data["category"].isin(["Positiv", "Sterkt positiv"])]
    assert len(positive) == 2, list(data["category"])
    problems: list[str] = []
    for _, row in reference("figur_24").iterrows():
        compare(problems, "figur_24 (fig-innvirkning.csv)", row, positive["share"].sum())
    fail_on(problems)


def test_figur_25_battery(artifacts):
    data = published(artifacts, "05-survey", "fig-virkninger.csv")
    problems: list[str] = []
    for _, row in reference("figur_25").iterrows():
        item = by_label(data.drop_duplicates("item"), row["category"], column="item")["item"]
        degree = data[(data["item"] == item) & data["level"].isin(["I stor grad", "I noen grad"])]
        assert len(degree) == 2, degree
        compare(problems, "figur_25 (fig-virkninger.csv, i stor + noen grad)", row,
                degree["share"].sum())
    fail_on(problems)


# --- numbers only in the text ---------------------------------------------------------------

TEXT_FACTS = {  # (series, category) in tekst_surveytall.csv -> fact key
    ("2024 mottakere", "Foreslåtte tiltak ble fulgt opp"): "innhold.fulgt_opp.ja",
    ("2024 mottakere", "Tiltak ikke eller bare delvis fulgt opp"): "innhold.fulgt_opp.nei",
    ("2024 mottakere", "Ville benyttet ordningen igjen"): "survey.virkning.bruke_igjen.ja",
    ("2024 mottakere, svært liten reduksjon i sykefravær", "Ville ikke benyttet ordningen igjen"):
        "survey.virkning.bruke_igjen.liten_nei",
    ("2024 mottakere, betydelig reduksjon", "Ville benyttet ordningen igjen"):
        "survey.virkning.bruke_igjen.betydelig_ja",
    ("2024 mottakere", "Ikke kjent med andre ordninger som dekker tilsvarende behov"):
        "survey.virkning.andre_ordninger.nei",
    ("2024 mottakere", "Kjent med andre ordninger"): "survey.virkning.andre_ordninger.ja",
    ("Frafall/vekting", "Endring i differanse vektet vs uvektet ('Det er enkelt å forstå hva "
                        "tilskudd til ekspertbistand kan brukes til')"):
        "frafall.vekting_endring_pp",
}


def test_text_only_numbers(facts):
    ref = reference("tekst_surveytall").set_index(["series", "category"])
    problems: list[str] = []
    for key, fact_key in TEXT_FACTS.items():
        assert key in ref.index, f"tekst_surveytall.csv has no row {key}"
        assert fact_key in facts, f"no fact {fact_key}"
        row = ref.loc[key].copy()
        row["category"] = " / ".join(key)
        compare(problems, f"tekst_surveytall -> {fact_key}", row, facts[fact_key]["value"])
    fail_on(problems)


def test_figure_bases(facts):
    """The n's in the captions and text: 209, 168, 37, and the follow-up question's 166."""
    expected = {"innhold.bistand.n": 209, "innhold.foreslatt.n": 168, "innhold.ikke_fulgt.n": 37,
                "innhold.fulgt_opp.n": 166, "survey.virkning.utfall.n": 209}
    wrong = [f"{k}: published {v}, computed {facts[k]['value']}" for k, v in expected.items()
             if facts[k]["value"] != v]
    assert not wrong, "\n".join(wrong)


# --- frafall table --------------------------------------------------------------------------


def test_frafall_table(artifacts, facts):
    data = published(artifacts, "02-frafall", "tbl-frafall.csv")
    ref = reference("frafallsanalyse")
    problems: list[str] = []
    check(problems, "frafall", "n respondenter", 251, facts["frafall.n_respondenter"]["value"],
          facts["frafall.n_respondenter"]["value"] == 251)
    check(problems, "frafall", "n populasjon ellers", 785, facts["frafall.n_ellers"]["value"],
          facts["frafall.n_ellers"]["value"] == 785)
    check(problems, "frafall", "rows", len(ref), len(data), len(ref) == len(data))
    exact = 0
    for _, row in ref.iterrows():
        label = f"{row['variabel']}: {row['verdi']}"
        hits = data[(data["variabel"] == row["variabel"])
                    & (data["verdi"].astype(str) == str(row["verdi"]))]
        if len(hits) != 1:
            problems.append(f"frafall | {label!r}: row missing from tbl-frafall.csv")
            continue
        hit = hits.iloc[0]
        for column, ref_column in (("andel_respondenter", "respondenter_pct_n251"),
                                   ("andel_ellers", "populasjon_ellers_pct_n785")):
            got = pct(hit[column])
            check(problems, f"frafall {column}", label, f"{row[ref_column]} %", f"{got} %",
                  got == Decimal(str(row[ref_column])))
        diff = (Decimal(repr(float(hit["differanse_pp"])))
                .quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
        printed = Decimal(str(row["differanse_pct"]))
        if row["differanse_reproduced"] == "ja":
            exact += 1
            check(problems, "frafall Differanse", label, printed, diff, diff == printed)
        else:
            check(problems, "frafall Differanse", label, printed, diff,
                  abs(diff - printed) <= Decimal(str(DIFF_TOLERANCE_PP)),
                  f"not reproducible; within ±{DIFF_TOLERANCE_PP} pp")
            check(problems, "frafall Differanse (nearest attainable)", label,
                  row["differanse_pct_data"], diff,
                  diff == Decimal(str(row["differanse_pct_data"])))
    check(problems, "frafall", "rows reproduced exactly", 36, exact, exact == 36)
    fail_on(problems)


def test_frafall_bold_rows_match_text(artifacts):
    """The rows set in bold are the groups the text calls over- or under-represented."""
    data = published(artifacts, "02-frafall", "tbl-frafall.csv")
    bold = set(data.loc[data["markert"], "verdi"].astype(str))
    assert bold == {"2021", "2023", "Privat", "Offentlig", "Helse- og sosialtjenester",
                    "21 til 50", "Over 100"}, bold
