"""Backtests: the *published* survey exhibits of chapter 3 reproduce every number seed 004 prints.

Unlike tests/test_backtest_survey.py (which checks the raw exports), this runs the chapter's
survey notebooks `notebooks/03-ikke-mottakere.py` (Figur 2–5) and `notebooks/03-survey.py`
(Figur 6–17, Tabell 6) through the project's own build (`rapport.pipeline.cli prepare`) in a
throwaway copy of the project that holds only what the notebooks read, and compares what they
published (`_build/artifacts/<stem>/fig-*.csv`, `tbl-*.csv`, `_build/facts.json`) with
data/reference/figur_{2..17}.csv and tabell_6.csv. Each exhibit must come from its own notebook
(`owner`).

Shares are recomputed exactly as count / n from the published CSVs and rounded half-up to a
whole percent. Each reference row is checked by its `relation` (=, derived: exact; approx:
within 5 pp; <, >; range a-b). A failure names the figure, the category, the printed and the
published value.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[2]
REF = REPO / "data" / "reference"
STEMS = ("03-ikke-mottakere", "03-survey")
# The non-recipient exhibits have their own notebook (a change to that survey re-runs only it).
IKKE_MOTTAKERE = {"fig-kjennskap", "fig-relevans", "fig-arsak-ikke-sokt", "fig-grep"}
APPROX_PP = 5

# What the notebooks read (plus the package, linked) — nothing else, so the build is quick.
COPY = ["data/codebook", "data/raw/survey", "data/raw/prosjekt", "requirements.lock", "_extensions"]


def rhu(x, nd: int = 0) -> Decimal:
    if isinstance(x, Fraction):
        d = Decimal(x.numerator) / Decimal(x.denominator)
    else:
        d = Decimal(repr(float(x)))
    return d.quantize(Decimal(1).scaleb(-nd), rounding=ROUND_HALF_UP)


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("survey-project")
    for rel in COPY:
        src, dst = REPO / rel, root / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dst)
    (root / "src").symlink_to(REPO / "src")
    (root / "notebooks").mkdir()
    for stem in STEMS:
        shutil.copy2(REPO / "notebooks" / f"{stem}.py", root / "notebooks" / f"{stem}.py")
    (root / "_quarto.yml").write_text(
        "project:\n  type: book\nmetadata-files:\n  - _extensions/rapport/styles/oxford-research.yml\n",
        encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.run([sys.executable, "-m", "rapport.pipeline.cli", "prepare", "--root",
                           str(root)], cwd=root, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, f"prepare failed:\n{proc.stdout}\n{proc.stderr}"
    return root


def owner(name: str) -> str:
    """The notebook that publishes exhibit `name` (e.g. "fig-kjennskap")."""
    return "03-ikke-mottakere" if name in IKKE_MOTTAKERE else "03-survey"


@pytest.fixture(scope="session")
def artifacts(build) -> Path:
    """The artifacts root; an exhibit's files are under its owner's directory."""
    return build / "_build" / "artifacts"


def artifact(artifacts: Path, name: str, suffix: str) -> Path:
    return artifacts / owner(name) / f"{name}.{suffix}"


def test_both_notebooks_published_only_their_own_exhibits(artifacts):
    for stem in STEMS:
        published = {p.stem for p in (artifacts / stem).glob("*.md")}
        assert published, f"{stem} published nothing"
        wrong = sorted(name for name in published if owner(name) != stem)
        assert not wrong, f"{stem} published exhibits that belong to the other notebook: {wrong}"
    assert {p.stem for p in (artifacts / "03-ikke-mottakere").glob("*.md")} == IKKE_MOTTAKERE


@pytest.fixture(scope="session")
def facts(build) -> dict:
    return json.loads((build / "_build" / "facts.json").read_text(encoding="utf-8"))


def csv(artifacts: Path, name: str) -> pd.DataFrame:
    path = artifact(artifacts, name, "csv")
    assert path.exists(), f"{owner(name)}/{name}.csv was not published"
    return pd.read_csv(path)


# --- selectors: published CSV rows -> list of (exact share, n) --------------------------------

def bars(fig, *cats, rnd=None, each=False):
    """Sum of the shares of `cats` in a bar figure (or each separately with each=True)."""
    def f(art, _facts):
        d = csv(art, fig)
        if rnd is not None:
            d = d[d["round"] == rnd]
        rows = d.set_index("category")
        missing = [c for c in cats if c not in rows.index]
        assert not missing, f"{fig}: categories {missing} not published; have {list(rows.index)}"
        n = int(rows.loc[cats[0], "n"])
        if each:
            return [(Fraction(int(rows.loc[c, "count"]) * 100, int(rows.loc[c, "n"])),
                     int(rows.loc[c, "n"])) for c in cats]
        k = sum(int(rows.loc[c, "count"]) for c in cats)
        return [(Fraction(k * 100, n), n)]
    return f


def likert(fig, item, *levels):
    def f(art, _facts):
        d = csv(art, fig)
        d = d[d["item"] == item]
        assert len(d), f"{fig}: item «{item}» not published"
        rows = d.set_index("level")
        n = int(rows["n"].iloc[0])
        return [(Fraction(sum(int(rows.loc[lv, "count"]) for lv in levels) * 100, n), n)]
    return f


def of_heard(art, _facts):
    """Figur 2 «av disse … 30 prosent»: «not so well known» among those who had heard."""
    rows = csv(art, "fig-kjennskap").set_index("category")
    good = int(rows.loc["Ja, og jeg kjenner godt til den", "count"])
    poor = int(rows.loc["Ja, men kjenner ikke så godt til den", "count"])
    return [(Fraction(poor * 100, good + poor), None)]


def diff(f24, f22):
    def f(art, fa):
        (p24, _), (p22, _) = f24(art, fa)[0], f22(art, fa)[0]
        return [(p24 - p22, None)]
    return f


def fact_pct(key):
    def f(_art, facts):
        assert key in facts, f"fact {key} not published"
        return [(Fraction(repr(float(facts[key]["value"]))) * 100, None)]
    return f


def each(*fs):
    def f(art, fa):
        return [x for g in fs for x in g(art, fa)]
    return f


K = "fig-kilde"
MAP = {
    ("figur_2", "2024 ikke-mottakere, alle", "Har hørt om ordningen (total)"):
        bars("fig-kjennskap", "Ja, og jeg kjenner godt til den",
             "Ja, men kjenner ikke så godt til den"),
    ("figur_2", "2024 ikke-mottakere, alle", "Hørt om, men ikke så godt kjent"): of_heard,
    ("figur_2", "2024 ikke-mottakere, privat sektor", "Ikke hørt om tilskuddet"):
        fact_pct("survey.ikke_mottakere.ikke_hort_privat"),
    ("figur_2", "2024 ikke-mottakere, kommunal sektor", "Ikke hørt om tilskuddet"):
        fact_pct("survey.ikke_mottakere.ikke_hort_kommunal"),
    ("figur_3", "2024 ikke-mottakere", "I stor grad aktuell"): bars("fig-relevans", "I stor grad"),
    ("figur_4", "2024 ikke-mottakere som lot være å søke", "Manglende Altinn-tilgang"):
        bars("fig-arsak-ikke-sokt", "Manglende tilgang i Altinn"),
    ("figur_6", "2024", "Via IA-rådgiver ved NAV Arbeidslivssenter"):
        bars(K, "Via IA-rådgiver ved NAV Arbeidslivssenter", rnd=2024),
    ("figur_6", "2024", "Via bedriftshelsetjenesten (BHT)"):
        bars(K, "Via bedriftshelsetjenesten (BHT)", rnd=2024),
    ("figur_6", "2024", "Via andre ansatte i virksomheten"):
        bars(K, "Via andre ansatte i virksomheten", rnd=2024),
    ("figur_6", "2024", "Via tilbyder av ekspertbistand"):
        bars(K, "Via tilbyder av ekspertbistand", rnd=2024),
    ("figur_6", "2024", "Via partene i arbeidslivet (two categories)", 3):
        bars(K, "Via arbeidstakerorganisasjon eller tillitsvalgt", rnd=2024),
    ("figur_6", "2024", "Via partene i arbeidslivet (two categories)", 1):
        bars(K, "Via arbeidsgiverorganisasjon eller bransjeorganisasjon", rnd=2024),
    ("figur_6", "2022", "Via IA-rådgiver ved NAV Arbeidslivssenter"):
        bars(K, "Via IA-rådgiver ved NAV Arbeidslivssenter", rnd=2022),
    ("figur_6", "2022", "Via bedriftshelsetjeneste"):
        bars(K, "Via bedriftshelsetjenesten (BHT)", rnd=2022),
    ("figur_6", "2022", "Via NAV-veileder"): bars(K, "Via NAV-veileder", rnd=2022),
    ("figur_6", "2022", "Via andre ansatte i virksomheten"):
        bars(K, "Via andre ansatte i virksomheten", rnd=2022),
    ("figur_7", "2024 mottakere", "I forbindelse med refusjon"):
        bars("fig-dialog-nav", "I forbindelse med refusjon"),
    ("figur_7", "2024 mottakere", "Under gjennomføringen av ekspertbistanden"):
        bars("fig-dialog-nav", "Under gjennomføringen av ekspertbistanden"),
    ("figur_7", "2024 mottakere", "Rundt videre oppfølging av saken og tiltak etter avlevert rapport"):
        bars("fig-dialog-nav", "Rundt videre oppfølging av saken og tiltak etter avlevert rapport"),
    ("figur_8", "2024 mottakere", "Psykiske helseplager"):
        bars("fig-utfordringer", "Psykiske helseplager"),
    ("figur_8", "2024 mottakere", "Muskel- og skjelettplager"):
        bars("fig-utfordringer", "Muskel- og skjelettplager"),
    ("figur_8", "2024 mottakere", "Krevende livssituasjon / utmattelse/utbrenthet"):
        bars("fig-utfordringer", "Krevende livssituasjon", "Utmattelse/utbrenthet", each=True),
    ("figur_9", "2024", "Avklare den ansattes arbeidsevne opp mot krav i stillingen"):
        bars("fig-mal", "Avklare den ansattes arbeidsevne opp mot krav i stillingen", rnd=2024),
    ("figur_9", "2024", "Få den ansatte tilbake i sin stilling"):
        bars("fig-mal", "Få den ansatte tilbake i sin stilling", rnd=2024),
    ("figur_9", "2022", "Få den ansatte tilbake i sin stilling"):
        bars("fig-mal", "Få den ansatte tilbake i sin stilling", rnd=2022),
    ("figur_9", "2024 minus 2022", "Avklare den ansatte mot annet arbeid annet sted"):
        diff(bars("fig-mal", "Avklare den ansatte mot annet arbeid annet sted", rnd=2024),
             bars("fig-mal", "Avklare den ansatte mot annet arbeid annet sted", rnd=2022)),
    ("figur_10", "2024", "Tilpasning av arbeidsoppgaver"):
        bars("fig-andre-tiltak", "Tilpasning av arbeidsoppgaver", rnd=2024),
    ("figur_10", "2024", "Tilpasning av arbeidstid"):
        bars("fig-andre-tiltak", "Tilpasning av arbeidstid", rnd=2024),
    ("figur_10", "2024", "Ergonomisk eller fysisk tilrettelegging"):
        bars("fig-andre-tiltak", "Ergonomisk eller fysisk tilrettelegging", rnd=2024),
    ("figur_10", "2024", "Oppfølging fra bedriftshelsetjeneste"):
        bars("fig-andre-tiltak", "Oppfølging fra bedriftshelsetjeneste", rnd=2024),
    ("figur_11", "2024", "Én ekspert"): bars("fig-antall-eksperter", "Én ekspert"),
    ("figur_11", "2022", "Én ekspert"): fact_pct("survey.eksperter.en_2022"),
    ("figur_11", "2024, saker med >1 ekspert",
     "Arbeids- og/eller organisasjonspsykologi og relasjonskompetanse"):
        fact_pct("survey.eksperter.flere_ao_psykologi"),
    ("figur_12", "2024", "Coaching, veiledning og motivasjon"):
        bars("fig-kompetanse", "Coaching, veiledning og motivasjon"),
    ("figur_12", "2024", "Arbeidsavklaring; arbeids- og organisasjonspsykologi; arbeidshelse; "
     "ergonomi og fysioterapi; tilrettelegging av arbeidsplass"):
        bars("fig-kompetanse", "Arbeidsavklaring", "Arbeids- og organisasjonspsykologi",
             "Arbeidshelse", "Ergonomi og fysioterapi", "Tilrettelegging av arbeidsplass",
             each=True),
    ("figur_12", "2024", "Omstilling og omorganisering; konflikthåndtering"):
        bars("fig-kompetanse", "Omstilling og omorganisering", "Konflikthåndtering", each=True),
    ("figur_13", "2024", "Ekstern bedriftshelsetjeneste"):
        bars("fig-ekspert-org", "Ekstern bedriftshelsetjeneste"),
    ("figur_13", "2024", "Enkeltpersonforetak/freelancere"):
        bars("fig-ekspert-org", "Enkeltpersonforetak/freelancere"),
    ("figur_13", "2024", "Intern bedriftshelsetjeneste"):
        bars("fig-ekspert-org", "Intern bedriftshelsetjeneste"),
    ("figur_14", "2024", "Tillitsvalgte/fagforeninger: involvert (any degree)"):
        likert("fig-aktorer", "Tillitsvalgte/fagforeninger", "I stor grad", "I noen grad",
               "I liten grad"),
    ("figur_14", "2024", "Tillitsvalgte/fagforeninger: i stor grad"):
        likert("fig-aktorer", "Tillitsvalgte/fagforeninger", "I stor grad"),
    ("figur_14", "2024", "Bransjeorganisasjoner/arbeidsgiverorganisasjoner: involvert (any degree)"):
        likert("fig-aktorer", "Bransjeorganisasjoner/arbeidsgiverorganisasjoner", "I stor grad",
               "I noen grad", "I liten grad"),
    ("figur_14", "2024", "Bransjeorganisasjoner/arbeidsgiverorganisasjoner: i stor grad"):
        likert("fig-aktorer", "Bransjeorganisasjoner/arbeidsgiverorganisasjoner", "I stor grad"),
    ("figur_15", "2024", "Den økonomiske rammen er tilstrekkelig: delvis/helt enig"):
        likert("fig-pastander", "Den økonomiske rammen for tilskuddet er tilstrekkelig",
               "Delvis enig", "Helt enig"),
    ("figur_15", "2024", "Det er enkelt å få utgiftene refundert: delvis/helt enig"):
        likert("fig-pastander", "Det er enkelt å få utgiftene refundert", "Delvis enig",
               "Helt enig"),
    ("figur_15", "2024", "Det er enkelt å søke om tilskudd: delvis/helt uenig"):
        likert("fig-pastander", "Det er enkelt å søke om tilskudd", "Helt uenig",
               "Delvis uenig"),
    ("figur_15", "2024", "Det er enkelt å forstå NAVs rolle: delvis/helt uenig"):
        likert("fig-pastander", "Det er enkelt å forstå NAVs rolle i forbindelse med "
               "ekspertbistand", "Helt uenig", "Delvis uenig"),
    ("figur_15", "2022",
     "Enkelt å forstå NAV Arbeidslivssenter/IA-rådgivers rolle: delvis/helt uenig"):
        fact_pct("survey.pastand.ia_rolle_uenig_2022"),
    ("figur_15", "2022", "Enkelt å forstå NAV-kontor/NAV-veileders rolle: delvis/helt uenig"):
        fact_pct("survey.pastand.navkontor_rolle_uenig_2022"),
    ("figur_16", "2024", "Ja, betalt for mer bistand enn refundert"): bars("fig-betalt-mer", "Ja"),
    ("figur_17", "2024", "Verken eller"): bars("fig-ressursbruk", "Verken eller"),
    ("figur_17", "2024", "Noe økt ressursbruk"): bars("fig-ressursbruk", "Noe økt ressursbruk"),
    ("figur_17", "2024", "Sterkt økt ressursbruk"):
        bars("fig-ressursbruk", "Sterkt økt ressursbruk"),
}

FIGURES = [f"figur_{i}" for i in (2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17)]


def _rows():
    for stem in FIGURES:
        ref = pd.read_csv(REF / f"{stem}.csv", dtype=str, keep_default_na=False)
        for i, row in ref.iterrows():
            yield pytest.param(stem, row.to_dict(), id=f"{stem}:{i + 2}:{row['category'][:40]}")


def _lookup(stem, row):
    value = int(row["value_pct"]) if row["value_pct"] else None
    for key in ((stem, row["series"], row["category"], value),
                (stem, row["series"], row["category"])):
        if key in MAP:
            return MAP[key]
    return None


@pytest.mark.parametrize("stem,row", list(_rows()))
def test_published_figure_number(stem, row, artifacts, facts):
    where = (f"{stem.replace('figur_', 'Figur ')} «{row['series']}» / «{row['category']}» "
             f"({row['source']})")
    fn = _lookup(stem, row)
    assert fn is not None, f"{where}: no published value mapped for this printed number"
    relation, printed = row["relation"], row["value_pct"]
    for p, n in fn(artifacts, facts):
        got = float(p)
        shown = f"published {got:.2f} % → {rhu(p)} %" + (f" (n = {n})" if n else "")
        if relation in ("=", "derived"):
            assert rhu(p) == Decimal(printed), f"{where}: printed {printed} %, {shown}"
        elif relation == "approx":
            assert abs(got - float(printed)) <= APPROX_PP, f"{where}: printed ≈{printed} %, {shown}"
        elif relation == "<":
            assert got < float(printed), f"{where}: printed < {printed} %, {shown}"
        elif relation == ">":
            assert got > float(printed), f"{where}: printed > {printed} %, {shown}"
        elif relation.startswith("range"):
            lo, hi = (int(x) for x in relation.split()[1].split("-"))
            assert lo <= rhu(p) <= hi, f"{where}: printed {lo}–{hi} %, {shown}"
        else:
            raise AssertionError(f"{where}: unknown relation {relation!r}")
        if row["n"] and n is not None:
            assert n == int(row["n"]), f"{where}: printed n = {row['n']}, published n = {n}"


# --- captions: n and «(Flere svar mulig)» as the report (and docs/cookbook.md «Conventions») want ---------------

CAPTIONS = {
    "fig-kjennskap": "(n = 214)",
    "fig-relevans": "(n = 208)",
    "fig-arsak-ikke-sokt": "(Flere svar mulig) (n = 37)",
    "fig-grep": "(n = 54)",
    "fig-kilde": "(Flere svar mulig) (n 2022 = 261, n 2024 = 271)",
    "fig-utfordringer": "(Flere svar mulig) (n = 216)",
    "fig-mal": "(n 2022 = 231, n 2024 = 216)",
    "fig-andre-tiltak": "søkt om ekspertbistand? (Flere svar mulig) (n 2022 = 231, n 2024 = 216)",
    "fig-antall-eksperter": "(n = 210)",
    "fig-kompetanse": "(Flere svar mulig) (n = 211)",
    "fig-ekspert-org": "(n = 211)",
    "fig-betalt-mer": "(n = 203)",
}


@pytest.mark.parametrize("fig,tail", list(CAPTIONS.items()), ids=list(CAPTIONS))
def test_caption(fig, tail, artifacts):
    text = artifact(artifacts, fig, "md").read_text(encoding="utf-8").replace("\u00a0", " ")
    caption = [line for line in text.splitlines() if line.rstrip().endswith(")")
               and "(n" in line]
    assert caption and caption[0].endswith(tail), (
        f"{fig}: caption should end with «{tail}», is «{caption[0] if caption else '—'}»")


# --- Tabell 6 ------------------------------------------------------------------------------

ROLES = {"Leder_pct": "Leder", "Mellomleder_pct": "Mellomleder",
         "HR-ansvarlig_pct": "HR-ansvarlig", "Annet_pct": "Annet"}


def test_tabell_6(artifacts):
    ref = pd.read_csv(REF / "tabell_6.csv", dtype=str, keep_default_na=False)
    pub = csv(artifacts, "tbl-involvering-rolle")
    md = artifact(artifacts, "tbl-involvering-rolle", "md").read_text(encoding="utf-8")
    assert "n = 211" in md.replace("\u00a0", " "), "Tabell 6: corner «n = 211» missing"
    assert "¹ For eksempel i møter, dialog med ekspert eller i søknadsprosess." in md
    assert "saken?¹" in md, "Tabell 6: the footnote has no anchor in the stub header"
    for _, row in ref.iterrows():
        answer = row["involvert_andre"]
        for col, role in ROLES.items():
            where = f"Tabell 6 «{answer}» × {role} ({row['source']})"
            cell = pub[(pub["q_involvert"] == answer) & (pub["q_rolle"] == role)]
            if role == "Annet":  # n = 3: suppressed by the disclosure rule, not published
                assert cell.empty, f"{where}: published although the column has n < 4"
                continue
            assert len(cell) == 1, f"{where}: not published"
            got = float(cell["share"].iloc[0]) * 100
            assert rhu(got) == Decimal(row[col]), (
                f"{where}: printed {row[col]} %, published {got:.2f} % → {rhu(got)} %")
    last = [line.split("|")[-2].strip() for line in md.splitlines() if line.startswith("| ")]
    starred = sum(cell in ("\\*", "**\\***") for cell in last)
    assert starred == len(ref), (
        f"Tabell 6: the «Annet» column should print the suppression symbol in all {len(ref)} "
        f"rows; {starred} do")
    assert "Skjult av personvernhensyn" in md, "Tabell 6: the suppression is not explained"


# --- margins of error ----------------------------------------------------------------------

MOE = [
    # key, single-sample margin, verdict, two-sample margin, verdict (report: l. 508–510, 603, 660)
    ("tilbake", "6,7", "innenfor", "9,3", "innenfor"),
    ("annet_arbeid", "6,1", "reell", None, "reell"),
    ("arbeidstid", "6,6", "innenfor", None, "innenfor"),
    ("navweb", "3,8", "innenfor", None, "innenfor"),
    ("andre_ansatte", "4,5", "reell", None, "reell"),
]


@pytest.mark.parametrize("key,single,verdict,two,verdict_two", MOE, ids=[m[0] for m in MOE])
def test_margins_of_error(key, single, verdict, two, verdict_two, facts):
    base = f"survey.moe.{key}"
    for suffix in ("margin", "verdict", "margin_to_utvalg", "verdict_to_utvalg"):
        assert f"{base}.{suffix}" in facts, f"fact {base}.{suffix} not published"
    text = facts[f"{base}.margin"]["text"].replace("\u00a0", " ")
    assert text == f"{single} prosentpoeng", f"{base}.margin: report ±{single}, published «{text}»"
    assert facts[f"{base}.verdict"]["value"] == verdict, (
        f"{base}.verdict: report «{verdict}», published {facts[f'{base}.verdict']}")
    if two:
        text2 = facts[f"{base}.margin_to_utvalg"]["text"].replace("\u00a0", " ")
        assert text2 == f"{two} prosentpoeng", f"{base}: two-sample ±{two}, published «{text2}»"
    assert facts[f"{base}.verdict_to_utvalg"]["value"] == verdict_two, (
        f"{base}: the report's verdict should hold under the two-sample rule")
    assert (facts[f"{base}.margin_to_utvalg"]["value"] > facts[f"{base}.margin"]["value"]), (
        f"{base}: the two-sample margin must exceed the single-sample one")


def test_published_moe_deviation(facts):
    assert facts["avvik.moe_andre_ansatte.publisert"]["text"] == "4,9"
    assert facts["avvik.moe_andre_ansatte.beregnet"]["text"] == "4,5"


def test_response_facts(facts):
    expect = {"survey.mottakere.inviterte": 1037, "survey.mottakere.svar": 234,
              "survey.ikke_mottakere.inviterte": 1426, "survey.ikke_mottakere.svar": 214}
    for key, value in expect.items():
        assert facts[key]["value"] == value, f"{key}: expected {value}, got {facts[key]}"
    assert facts["survey.mottakere.svarprosent"]["text"] == "23 prosent"
    assert facts["survey.ikke_mottakere.svarprosent"]["text"] == "15 prosent"
