"""Backtests: the committed survey exports reproduce every survey number seed 004 prints.

The files are read with plain pandas / pyreadstat, independently of the generator. Shares
follow the report's rules: unrounded share = count / n (multi-select: share of respondents),
«Vet ikke» in the denominator, rounded half-up to a whole percent. Each row of
data/reference/{figur_*,tekst_surveytall,tabell_6,frafallsanalyse}.csv is checked according
to its `relation` (=, derived: exact; approx: within 5 pp; <, >; range a-b).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw" / "survey"
REF = ROOT / "data" / "reference"
APPROX_PP = 5  # tolerance for verbal values («ca. halvparten», «nesten 100 prosent»)


def rhu(x: Fraction | float, nd: int = 0) -> Decimal:
    """Round half-up (away from zero), on the exact value."""
    if isinstance(x, Fraction):
        d = Decimal(x.numerator) / Decimal(x.denominator)
    else:
        d = Decimal(repr(x))
    return d.quantize(Decimal(1).scaleb(-nd), rounding=ROUND_HALF_UP)


# --- data ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def r24() -> pd.DataFrame:
    df, _ = pyreadstat.read_sav(RAW / "mottakere_2024.sav")
    return df


@pytest.fixture(scope="module")
def nr24() -> pd.DataFrame:
    return pd.read_csv(RAW / "ikke_mottakere_2024.csv", sep=";", decimal=",",
                       encoding="utf-8-sig")


@pytest.fixture(scope="module")
def r22() -> pd.DataFrame:
    return pd.read_excel(RAW / "mottakere_2022.xlsx", sheet_name="Data")


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return pd.read_csv(RAW / "utvalg_mottakere_2024.csv", sep=";", dtype=str,
                       keep_default_na=False)


@pytest.fixture(scope="module")
def data(r24, nr24, r22, frame):
    return {"r24": r24, "nr24": nr24, "r22": r22, "frame": frame}


def share(df: pd.DataFrame, col: str, codes=(1,), base: pd.Series | None = None):
    """(count/n*100 as a Fraction, n) on the rows where `col` is answered (and `base`)."""
    mask = df[col].notna()
    if base is not None:
        mask &= base
    n = int(mask.sum())
    k = int(df.loc[mask, col].isin(codes).sum())
    if n == 0:
        raise AssertionError(f"{col}: empty base")
    return Fraction(100 * k, n), n


# --- mapping of every printed number to a computation ---------------------------------------
# (file, series, category, printed value) -> function(data) -> list of (share, n, check_n)

def _s(ds, col, codes=(1,), base=None, check_n=True):
    def f(d):
        df = d[ds]
        b = base(df) if base else None
        p, n = share(df, col, codes, b)
        return [(p, n, check_n)]
    return f


def _each(*fs):
    def f(d):
        return [x for g in fs for x in g(d)]
    return f


def _diff(f1, f2):
    def f(d):
        (p1, _, _), (p2, _, _) = f1(d)[0], f2(d)[0]
        return [(p1 - p2, None, False)]
    return f


def heard(df):
    return df["q_hort_om"].isin([1, 2])


MAP = {
    # Figur 2 (non-recipients). «av disse … 30 prosent»: of those who had heard (n = 101).
    ("figur_2", "2024 ikke-mottakere, alle", "Har hørt om ordningen (total)"):
        _s("nr24", "q_hort_om", (1, 2)),
    ("figur_2", "2024 ikke-mottakere, alle", "Hørt om, men ikke så godt kjent"):
        _s("nr24", "q_hort_om", (2,), base=heard, check_n=False),
    ("figur_2", "2024 ikke-mottakere, privat sektor", "Ikke hørt om tilskuddet"):
        _s("nr24", "q_hort_om", (3,), base=lambda df: df["sektor"] == 1),
    ("figur_2", "2024 ikke-mottakere, kommunal sektor", "Ikke hørt om tilskuddet"):
        _s("nr24", "q_hort_om", (3,), base=lambda df: df["sektor"] == 2),
    ("figur_3", "2024 ikke-mottakere", "I stor grad aktuell"): _s("nr24", "q_relevans", (1,)),
    ("figur_4", "2024 ikke-mottakere som lot være å søke", "Manglende Altinn-tilgang"):
        _s("nr24", "q_arsak_altinn"),
    # Figur 6
    ("figur_6", "2024", "Via IA-rådgiver ved NAV Arbeidslivssenter"): _s("r24", "q_kilde_ia"),
    ("figur_6", "2024", "Via bedriftshelsetjenesten (BHT)"): _s("r24", "q_kilde_bht"),
    ("figur_6", "2024", "Via andre ansatte i virksomheten"): _s("r24", "q_kilde_ansatte"),
    ("figur_6", "2024", "Via tilbyder av ekspertbistand"): _s("r24", "q_kilde_tilbyder"),
    ("figur_6", "2024", "Via partene i arbeidslivet (two categories)", 3):
        _s("r24", "q_kilde_arbtaker_org"),
    ("figur_6", "2024", "Via partene i arbeidslivet (two categories)", 1):
        _s("r24", "q_kilde_arbgiver_org"),
    ("figur_6", "2022", "Via IA-rådgiver ved NAV Arbeidslivssenter"): _s("r22", "q_kilde_ia"),
    ("figur_6", "2022", "Via bedriftshelsetjeneste"): _s("r22", "q_kilde_bht"),
    ("figur_6", "2022", "Via NAV-veileder"): _s("r22", "q_kilde_naveil"),
    ("figur_6", "2022", "Via andre ansatte i virksomheten"): _s("r22", "q_kilde_ansatte"),
    # Figur 7
    ("figur_7", "2024 mottakere", "I forbindelse med refusjon"): _s("r24", "q_dialog_refusjon"),
    ("figur_7", "2024 mottakere", "Under gjennomføringen av ekspertbistanden"):
        _s("r24", "q_dialog_gjennomforing"),
    ("figur_7", "2024 mottakere",
     "Rundt videre oppfølging av saken og tiltak etter avlevert rapport"):
        _s("r24", "q_dialog_oppfolging"),
    # Figur 8: «Krevende livssituasjoner og utmattelse/utbrenthet (med 30 prosent)»: each 30 %
    ("figur_8", "2024 mottakere", "Psykiske helseplager"): _s("r24", "q_utfordring_psykisk"),
    ("figur_8", "2024 mottakere", "Muskel- og skjelettplager"): _s("r24", "q_utfordring_muskel"),
    ("figur_8", "2024 mottakere", "Krevende livssituasjon / utmattelse/utbrenthet"):
        _each(_s("r24", "q_utfordring_livssituasjon"), _s("r24", "q_utfordring_utmattelse")),
    # Figur 9
    ("figur_9", "2024", "Avklare den ansattes arbeidsevne opp mot krav i stillingen"):
        _s("r24", "q_mal_arbeidsevne"),
    ("figur_9", "2024", "Få den ansatte tilbake i sin stilling"): _s("r24", "q_mal_tilbake"),
    ("figur_9", "2022", "Få den ansatte tilbake i sin stilling"): _s("r22", "q_mal_tilbake"),
    ("figur_9", "2024 minus 2022", "Avklare den ansatte mot annet arbeid annet sted"):
        _diff(_s("r24", "q_mal_annet_arbeid"), _s("r22", "q_mal_annet_arbeid")),
    # Figur 10
    ("figur_10", "2024", "Tilpasning av arbeidsoppgaver"): _s("r24", "q_tiltak_oppgaver"),
    ("figur_10", "2024", "Tilpasning av arbeidstid"): _s("r24", "q_tiltak_arbeidstid"),
    ("figur_10", "2024", "Ergonomisk eller fysisk tilrettelegging"):
        _s("r24", "q_tiltak_ergonomi"),
    ("figur_10", "2024", "Oppfølging fra bedriftshelsetjeneste"): _s("r24", "q_tiltak_bht"),
    # Figur 11
    ("figur_11", "2024", "Én ekspert"): _s("r24", "q_antall_eksperter", (1,)),
    ("figur_11", "2022", "Én ekspert"): _s("r22", "q_antall_eksperter", (1,)),
    ("figur_11", "2024, saker med >1 ekspert",
     "Arbeids- og/eller organisasjonspsykologi og relasjonskompetanse"):
        _s("r24", "q_kompetanse_aopsykologi", base=lambda df: df["q_antall_eksperter"] == 2,
           check_n=False),
    # Figur 12
    ("figur_12", "2024", "Coaching, veiledning og motivasjon"): _s("r24", "q_kompetanse_coaching"),
    ("figur_12", "2024", "Arbeidsavklaring; arbeids- og organisasjonspsykologi; arbeidshelse; "
     "ergonomi og fysioterapi; tilrettelegging av arbeidsplass"):
        _each(*[_s("r24", f"q_kompetanse_{c}") for c in
                ("arbeidsavklaring", "aopsykologi", "arbeidshelse", "ergonomi",
                 "tilrettelegging")]),
    ("figur_12", "2024", "Omstilling og omorganisering; konflikthåndtering"):
        _each(_s("r24", "q_kompetanse_omstilling"), _s("r24", "q_kompetanse_konflikt")),
    # Figur 13
    ("figur_13", "2024", "Ekstern bedriftshelsetjeneste"): _s("r24", "q_ekspert_org", (1,)),
    ("figur_13", "2024", "Enkeltpersonforetak/freelancere"): _s("r24", "q_ekspert_org", (3,)),
    ("figur_13", "2024", "Intern bedriftshelsetjeneste"): _s("r24", "q_ekspert_org", (2,)),
    # Figur 14: «involvert» = any degree
    ("figur_14", "2024", "Tillitsvalgte/fagforeninger: involvert (any degree)"):
        _s("r24", "q_aktor_tillitsvalgt", (1, 2, 3)),
    ("figur_14", "2024", "Tillitsvalgte/fagforeninger: i stor grad"):
        _s("r24", "q_aktor_tillitsvalgt", (1,)),
    ("figur_14", "2024", "Bransjeorganisasjoner/arbeidsgiverorganisasjoner: involvert (any degree)"):
        _s("r24", "q_aktor_bransje", (1, 2, 3)),
    ("figur_14", "2024", "Bransjeorganisasjoner/arbeidsgiverorganisasjoner: i stor grad"):
        _s("r24", "q_aktor_bransje", (1,)),
    # Figur 15
    ("figur_15", "2024", "Den økonomiske rammen er tilstrekkelig: delvis/helt enig"):
        _s("r24", "q_pastand_ramme", (4, 5)),
    ("figur_15", "2024", "Det er enkelt å få utgiftene refundert: delvis/helt enig"):
        _s("r24", "q_pastand_refusjon", (4, 5)),
    ("figur_15", "2024", "Det er enkelt å søke om tilskudd: delvis/helt uenig"):
        _s("r24", "q_pastand_soke", (1, 2)),
    ("figur_15", "2024", "Det er enkelt å forstå NAVs rolle: delvis/helt uenig"):
        _s("r24", "q_pastand_navrolle", (1, 2)),
    ("figur_15", "2022",
     "Enkelt å forstå NAV Arbeidslivssenter/IA-rådgivers rolle: delvis/helt uenig"):
        _s("r22", "q_pastand_ia_rolle", (1, 2)),
    ("figur_15", "2022", "Enkelt å forstå NAV-kontor/NAV-veileders rolle: delvis/helt uenig"):
        _s("r22", "q_pastand_navkontor_rolle", (1, 2)),
    ("figur_16", "2024", "Ja, betalt for mer bistand enn refundert"):
        _s("r24", "q_betalt_mer", (1,)),
    ("figur_17", "2024", "Verken eller"): _s("r24", "q_ressursbruk", (3,)),
    ("figur_17", "2024", "Noe økt ressursbruk"): _s("r24", "q_ressursbruk", (4,)),
    ("figur_17", "2024", "Sterkt økt ressursbruk"): _s("r24", "q_ressursbruk", (5,)),
    ("figur_18", "2024", "Avklare arbeidstakers situasjon og behov"): _s("r24", "q_bistand_avklare"),
    ("figur_18", "2024",
     "Bevisstgjøre den ansatte rundt virksomhetens handlingsrom for tilrettelegging"):
        _s("r24", "q_bistand_handlingsrom"),
    ("figur_19", "2024", "Tiltak som arbeidstaker kunne gjennomføre"):
        _s("r24", "q_foreslatt_arbeidstaker"),
    ("figur_19", "2024", "Tiltak som arbeidsgiver kunne gjennomføre"):
        _s("r24", "q_foreslatt_arbeidsgiver"),
    ("figur_20", "2024", "Tiltakene opplevdes ikke relevante av arbeidstaker"):
        _s("r24", "q_ikke_fulgt_ikke_relevant"),
    ("figur_20", "2024", "Arbeidstaker forble sykemeldt eller gikk over i andre tiltak"):
        _s("r24", "q_ikke_fulgt_sykemeldt"),
    # Figur 23
    ("figur_23", "2024", "Tilbake i samme stilling"): _s("r24", "q_utfall", (1,)),
    ("figur_23", "2024",
     "Tilbake på arbeidsplassen med andre arbeidsoppgaver eller fortsatt sykemeldt"):
        _each(_s("r24", "q_utfall", (2,)), _s("r24", "q_utfall", (3,))),
    ("figur_23", "2024", "Beholdt arbeidsforholdet (sum)"): _s("r24", "q_utfall", (1, 2, 3)),
    ("figur_23", "2024", "Forlatt arbeidsplassen (sagt opp / avklart mot annet arbeid / "
     "tilrettelagt arbeid annen arbeidsplass)"): _s("r24", "q_utfall", (4, 5, 6)),
    ("figur_24", "2024", "Positiv eller sterkt positiv innvirkning"):
        _s("r24", "q_innvirkning", (1, 2)),
    # Figur 25: «i stor grad» + «i noen grad»
    ("figur_25", "2024",
     "Hatt positive virkninger for enheten/virksomheten utover den konkrete saken"):
        _s("r24", "q_virkning_utover", (1, 2)),
    ("figur_25", "2024", "Tilført relevant kompetanse"): _s("r24", "q_virkning_kompetanse", (1, 2)),
    # numbers printed only in the text
    ("tekst_surveytall", "2024 ikke-mottakere som har hørt om ordningen", "Har søkt om tilskudd"):
        _s("nr24", "q_sokt", (1,)),
    ("tekst_surveytall", "2024 mottakere", "Nytteverdien oversteg kostnadene: enig"):
        _s("r24", "q_nytte", (1,)),
    ("tekst_surveytall", "2024 mottakere", "Nytteverdien oversteg ikke kostnadene"):
        _s("r24", "q_nytte", (2,)),
    ("tekst_surveytall", "2024 mottakere", "Nytteverdi: vet ikke"): _s("r24", "q_nytte", (9,)),
    ("tekst_surveytall", "2024 mottakere, positiv innvirkning",
     "Nytteverdien oversteg ikke kostnadene"):
        _s("r24", "q_nytte", (2,), base=lambda df: df["q_innvirkning"].isin([1, 2])),
    ("tekst_surveytall", "2024 mottakere", "Foreslåtte tiltak ble fulgt opp"):
        _s("r24", "q_fulgt_opp", (1,)),
    ("tekst_surveytall", "2024 mottakere", "Tiltak ikke eller bare delvis fulgt opp"):
        _s("r24", "q_fulgt_opp", (2,)),
    ("tekst_surveytall", "2024 mottakere", "Ville benyttet ordningen igjen"):
        _s("r24", "q_bruke_igjen", (1,)),
    ("tekst_surveytall", "2024 mottakere, svært liten reduksjon i sykefravær",
     "Ville ikke benyttet ordningen igjen"):
        _s("r24", "q_bruke_igjen", (2,), base=lambda df: df["q_sykefravaer"] == 3),
    ("tekst_surveytall", "2024 mottakere, betydelig reduksjon", "Ville benyttet ordningen igjen"):
        _s("r24", "q_bruke_igjen", (1,), base=lambda df: df["q_sykefravaer"] == 1),
    ("tekst_surveytall", "2024 mottakere",
     "Ikke kjent med andre ordninger som dekker tilsvarende behov"):
        _s("r24", "q_andre_ordninger", (2,)),
    ("tekst_surveytall", "2024 mottakere", "Kjent med andre ordninger"):
        _s("r24", "q_andre_ordninger", (1,)),
}

# Printed numbers the data cannot give, with the reason (listed in data/README.md).
NOT_COMPUTABLE = {
    ("tekst_surveytall", "Frafall/vekting"):
        "weighted vs unweighted shift: the report does not describe its weighting scheme",
}

FIGURE_FILES = sorted(p.stem for p in REF.glob("figur_*.csv")) + ["tekst_surveytall"]


def _rows():
    for stem in FIGURE_FILES:
        ref = pd.read_csv(REF / f"{stem}.csv", dtype=str, keep_default_na=False)
        for i, row in ref.iterrows():
            if (stem, row["series"]) in NOT_COMPUTABLE:
                continue
            yield pytest.param(stem, row.to_dict(), id=f"{stem}:{i + 2}:{row['category'][:40]}")


def _lookup(stem: str, row: dict):
    for key in ((stem, row["series"], row["category"], int(row["value_pct"] or -1)),
                (stem, row["series"], row["category"])):
        if key in MAP:
            return MAP[key]
    return None


@pytest.mark.parametrize("stem,row", list(_rows()))
def test_printed_survey_number(stem, row, data):
    where = f"{stem} «{row['series']}» / «{row['category']}» ({row['source']})"
    fn = _lookup(stem, row)
    assert fn is not None, f"{where}: no computation mapped for this printed number"
    relation = row["relation"]
    printed = row["value_pct"]
    for p, n, check_n in fn(data):
        got = float(p)
        if relation in ("=", "derived"):
            assert rhu(p) == Decimal(printed), (
                f"{where}: printed {printed} %, data {got:.2f} % (n = {n})")
        elif relation == "approx":
            assert abs(got - float(printed)) <= APPROX_PP, (
                f"{where}: printed ≈{printed} %, data {got:.2f} % (n = {n})")
        elif relation == "<":
            assert got < float(printed), f"{where}: printed < {printed} %, data {got:.2f} %"
        elif relation == ">":
            assert got > float(printed), f"{where}: printed > {printed} %, data {got:.2f} %"
        elif relation.startswith("range"):
            lo, hi = (int(x) for x in relation.split()[1].split("-"))
            assert lo <= rhu(p) <= hi, (
                f"{where}: printed {lo}–{hi} %, data {got:.2f} % (n = {n})")
        else:
            raise AssertionError(f"{where}: unknown relation {relation!r}")
        if check_n and row["n"] and n is not None:
            assert n == int(row["n"]), f"{where}: printed n = {row['n']}, data n = {n}"


# --- per-question n as printed in the captions ---------------------------------------------

N_PRINTED = [
    ("nr24", "q_hort_om", 214, "Figur 2"),
    ("nr24", "q_relevans", 208, "Figur 3"),
    ("nr24", "q_arsak_vilkar", 37, "Figur 4"),
    ("nr24", "q_grep_tydelig", 54, "Figur 5"),
    ("r24", "q_kilde_ia", 271, "Figur 6 (2024)"),
    ("r22", "q_kilde_ia", 261, "Figur 6 (2022)"),
    ("r24", "q_utfordring_psykisk", 216, "Figur 8"),
    ("r24", "q_mal_tilbake", 216, "Figur 9 (2024)"),
    ("r22", "q_mal_tilbake", 231, "Figur 9 (2022)"),
    ("r24", "q_tiltak_arbeidstid", 216, "Figur 10 (2024)"),
    ("r22", "q_tiltak_arbeidstid", 231, "Figur 10 (2022)"),
    ("r24", "q_antall_eksperter", 210, "Figur 11"),
    ("r24", "q_kompetanse_coaching", 211, "Figur 12"),
    ("r24", "q_ekspert_org", 211, "Figur 13"),
    ("r24", "q_betalt_mer", 203, "Figur 16"),
    ("r24", "q_bistand_avklare", 209, "Figur 18"),
    ("r24", "q_foreslatt_arbeidstaker", 168, "Figur 19"),
    ("r24", "q_ikke_fulgt_sykemeldt", 37, "Figur 20"),
    ("r24", "q_utfall", 209, "Figur 23"),
    ("r24", "q_involvert", 211, "Tabell 6"),
]


@pytest.mark.parametrize("ds,col,n,what", N_PRINTED, ids=[x[3] for x in N_PRINTED])
def test_printed_n(ds, col, n, what, data):
    got = int(data[ds][col].notna().sum())
    assert got == n, f"{what}: printed n = {n}, data n = {got} ({ds}.{col})"


def test_response_counts(r24, nr24, frame):
    assert len(frame) == 1037, "frame: 1 037 recipient firms (l. 311)"
    assert int((r24["svarstatus"] == 3).sum()) == 234, "234 complete responses (l. 311)"
    assert rhu(Fraction(234 * 100, 1037)) == 23, "svarandel 23 prosent"
    assert len(r24) == 271 and int((r24["svarstatus"] >= 2).sum()) == 251
    assert int((r24["q_mottatt"] == 1).sum()) == 220, "«Totalt 220 respondenter» (l. 772)"
    assert len(nr24) == 214 and rhu(Fraction(214 * 100, 1426)) == 15
    # every respondent in the export is in the frame with the same status
    fr = frame.set_index("lopenr")
    st = fr.loc[r24["lopenr"].astype(int).astype(str), "svarstatus"].astype(int).to_numpy()
    assert (st == r24["svarstatus"].astype(int).to_numpy()).all()


# --- routing -------------------------------------------------------------------------------


def _group(df, prefix):
    return df[[c for c in df.columns if c.startswith(prefix + "_")]]


def test_routing_recipients(r24):
    asked = lambda g: _group(r24, g).notna().all(axis=1)  # noqa: E731
    assert (asked("q_foreslatt") == (r24["q_avsluttet"] == 1)).all(), "Figur 19 filter"
    tiltak = _group(r24, "q_foreslatt")[
        ["q_foreslatt_arbeidstaker", "q_foreslatt_arbeidsgiver", "q_foreslatt_andre"]
    ].sum(axis=1) > 0
    assert (r24["q_fulgt_opp"].notna() == tiltak).all(), "follow-up asked when measures proposed"
    assert (asked("q_ikke_fulgt") == (r24["q_fulgt_opp"] == 2)).all(), "Figur 20 filter"
    case = r24["q_mottatt"] == 1
    for g in ("q_utfordring", "q_mal", "q_tiltak", "q_kompetanse", "q_bistand"):
        assert not (asked(g) & ~case).any(), f"{g} asked outside the case block"
    # multi-select: at least one option, exclusive options alone
    for g, excl in [("q_kilde", ["vetikke"]), ("q_utfordring", ["vetikke"]),
                    ("q_mal", ["vetikke"]), ("q_tiltak", ["ingen", "vetikke"]),
                    ("q_dialog", ["ingen", "vetikke"]), ("q_kompetanse", ["vetikke"]),
                    ("q_bistand", ["vetikke"]), ("q_foreslatt", ["ingen", "vetikke"]),
                    ("q_ikke_fulgt", ["vetikke"])]:
        m = _group(r24, g).dropna()
        assert (m.sum(axis=1) >= 1).all(), f"{g}: a respondent without an answer"
        for e in excl:
            assert (m.loc[m[f"{g}_{e}"] == 1].sum(axis=1) == 1).all(), f"{g}_{e} not exclusive"


def test_routing_non_recipients(nr24):
    heard_ = nr24["q_hort_om"].isin([1, 2])
    assert (nr24["q_sokt"].notna() == heard_).all()
    assert (_group(nr24, "q_arsak").notna().all(axis=1) == (nr24["q_sokt"] == 2)).all()
    base5 = heard_ & nr24["q_sokt"].isin([2, 3]) & nr24["q_relevans"].isin([1, 2])
    assert (_group(nr24, "q_grep").notna().all(axis=1) == base5).all()
    assert (_group(nr24, "q_arsak").dropna().sum(axis=1) >= 1).all()


# --- prose: rankings and judgements --------------------------------------------------------


def _pct(df, col, codes=(1,)):
    return float(share(df, col, codes)[0])


def test_figur_4_ranking(nr24):
    p = {c: _pct(nr24, f"q_arsak_{c}") for c in
         ("vilkar", "arbeidstaker", "annet", "ikke_relevant", "behov", "arbeidskrevende",
          "informasjon", "ekspert", "altinn")}
    order = ["vilkar", "arbeidstaker", "annet", "ikke_relevant", "behov", "arbeidskrevende"]
    for a, b in zip(order, order[1:]):
        assert p[a] > p[b], f"Figur 4: «{a}» should rank above «{b}» ({p[a]:.1f} vs {p[b]:.1f})"
    assert max(p["informasjon"], p["ekspert"]) < p["arbeidskrevende"] and p["altinn"] == 0


def test_figur_5_and_other_rankings(nr24, r24):
    grep = {c: _pct(nr24, f"q_grep_{c}") for c in
            ("tydelig", "finne_info", "kontakt", "soknad", "finne_ekspert", "belop", "raskere")}
    top = sorted(grep, key=grep.get, reverse=True)
    assert top[0] == "tydelig" and set(top[1:3]) == {"finne_info", "kontakt"}, grep
    assert _pct(nr24, "q_relevans", (1, 2)) > 70, "Figur 3: «et stort flertall» relevant"
    kilde = {c: _pct(r24, f"q_kilde_{c}") for c in ("ia", "bht", "naveil", "ansatte", "tilbyder")}
    assert kilde["ia"] > kilde["bht"] > kilde["naveil"] > kilde["ansatte"], "Figur 6 order"
    assert _pct(r24, "q_dialog_soknad") > 50 and _pct(r24, "q_dialog_ekspert") > 50, "Figur 7"
    assert _pct(r24, "q_mal_arbeidsevne") > _pct(r24, "q_mal_tilbake"), "Figur 9 order"
    liten = r24.loc[(r24["q_sykefravaer"] == 3) & r24["q_bruke_igjen"].notna(), "q_bruke_igjen"]
    assert set(liten.unique()) <= {2, 9}, "l. 1198: the rest of this group answer «vet ikke»"
    neg = r24["q_innvirkning"].isin([4, 5])
    assert (r24.loc[neg, "q_fulgt_opp"] == 2).all(), "l. 1200: negative ⇒ not followed up"


def moe(p: Fraction, n: int) -> float:
    q = float(p) / 100
    return 100 * 1.96 * math.sqrt(q * (1 - q) / n)


@pytest.mark.parametrize("ds24,col,ds22,printed,exceeds,what", [
    ("r24", "q_mal_tilbake", "r22", "6.7", False, "Figur 9 tilbake i stilling (l. 603)"),
    ("r24", "q_mal_annet_arbeid", "r22", "6.1", True, "Figur 9 annet arbeid (l. 603)"),
    ("r24", "q_tiltak_arbeidstid", "r22", "6.6", False, "Figur 10 arbeidstid (l. 660)"),
    ("r24", "q_kilde_navweb", "r22", "3.8", False, "Figur 6 NAV nettsider (l. 508)"),
    # l. 510 prints ±4,9: not reproducible with n = 271 (data/reference/tekst_feilmarginer.csv); the data give 4,5
    ("r24", "q_kilde_ansatte", "r22", "4.5", True, "Figur 6 andre ansatte (l. 510)"),
])
def test_margins_of_error(ds24, col, ds22, printed, exceeds, what, data):
    p24, n24 = share(data[ds24], col)
    p22, _ = share(data[ds22], col)
    m = moe(p24, n24)
    assert rhu(m, 1) == Decimal(printed), f"{what}: printed ±{printed}, data ±{m:.2f}"
    assert (abs(float(p24 - p22)) > m) == exceeds, (
        f"{what}: change {float(p24 - p22):+.2f} pp vs margin {m:.2f} (exceeds={exceeds})")


def test_round_comparisons_direction(r24, r22):
    assert _pct(r24, "q_kilde_navweb") > _pct(r22, "q_kilde_navweb"), "l. 508 small increase"
    assert _pct(r24, "q_tiltak_arbeidstid") < _pct(r22, "q_tiltak_arbeidstid"), "l. 660"
    assert _pct(r24, "q_tiltak_bht") < _pct(r22, "q_tiltak_bht"), "l. 660 small decrease"


# --- Tabell 6 ------------------------------------------------------------------------------

ROLES = {"Leder_pct": 1, "Mellomleder_pct": 2, "HR-ansvarlig_pct": 3, "Annet_pct": 4}
INVOLVERT = {
    "Ja, leder for enheten/avdelingen": 1,
    "Ja, leder utenfor enheten/avdelingen": 2,
    "Ja, HR eller personalansvarlig for enheten/avdeling": 3,
    "Ja, HR eller personalansvarlig utenfor enheten/avdelingen": 4,
    "Verneombud": 5, "Andre": 6, "Nei": 7, "Vet ikke": 9,
}


def test_tabell_6(r24):
    ref = pd.read_csv(REF / "tabell_6.csv", dtype=str, keep_default_na=False)
    answered = r24[r24["q_involvert"].notna()]
    assert len(answered) == 211, f"Tabell 6: printed n = 211, data {len(answered)}"
    col_n = {k: int((answered["q_rolle"] == v).sum()) for k, v in ROLES.items()}
    assert list(col_n.values()) == [156, 33, 19, 3], f"Tabell 6 column n's: {col_n}"
    for _, row in ref.iterrows():
        for col, role in ROLES.items():
            sub = answered[answered["q_rolle"] == role]
            codes = list(INVOLVERT.values()) if row["involvert_andre"] == "Total" else [
                INVOLVERT[row["involvert_andre"]]]
            p = Fraction(100 * int(sub["q_involvert"].isin(codes).sum()), len(sub))
            assert rhu(p) == Decimal(row[col]), (
                f"Tabell 6 «{row['involvert_andre']}» × {col}: printed {row[col]} %, "
                f"data {float(p):.2f} %")


# --- frafall table -------------------------------------------------------------------------

FRAFALL_VAR = {"Tilsagnsår": "tilsagnsar", "Sektor": "sektor", "Hovednæring": "hovednaering",
               "Ansatte": "ansatte_kat", "Fylke": "fylke"}


def _label_to_code():
    import yaml

    codes = yaml.safe_load((ROOT / "data" / "codebook" / "codes.yml").read_text("utf-8"))
    out = {}
    for var, lst in [("sektor", "sektor"), ("hovednaering", "nace_hovednaering"),
                     ("ansatte_kat", "ansatte_gruppe"), ("fylke", "fylke_2024")]:
        out[var] = {str(label): str(code) for code, label in codes[lst]["codes"].items()}
    return out


def test_frafall_table(frame):
    linked = frame[frame["koblet_enhetsregisteret"] == "1"]
    resp = linked[linked["respondent"] == "1"]
    rest = linked[linked["respondent"] == "0"]
    assert (len(resp), len(rest), len(frame) - len(linked)) == (251, 785, 1), (
        "frafall header: Respondenter n = 251, Populasjon ellers n = 785, 1 firm unlinked")
    assert (frame.loc[frame["koblet_enhetsregisteret"] == "0", "respondent"] == "0").all()
    l2c = _label_to_code()
    ref = pd.read_csv(REF / "frafallsanalyse.csv", dtype=str, keep_default_na=False)
    for _, row in ref.iterrows():
        var = FRAFALL_VAR[row["variabel"]]
        code = row["verdi"] if var == "tilsagnsar" else l2c[var][row["verdi"]]
        pr = Fraction(100 * int((resp[var] == code).sum()), len(resp))
        po = Fraction(100 * int((rest[var] == code).sum()), len(rest))
        where = f"frafall {row['variabel']} «{row['verdi']}» ({row['source']})"
        assert rhu(pr) == Decimal(row["respondenter_pct_n251"]), (
            f"{where}: respondents printed {row['respondenter_pct_n251']} %, data {float(pr):.2f}")
        assert rhu(po) == Decimal(row["populasjon_ellers_pct_n785"]), (
            f"{where}: rest printed {row['populasjon_ellers_pct_n785']} %, data {float(po):.2f}")
        diff = rhu(pr - po, 1)
        assert diff == Decimal(row["differanse_pct_data"]), f"{where}: reference file stale"
        assert abs(diff - Decimal(row["differanse_pct"])) <= Decimal("0.2"), (
            f"{where}: Differanse printed {row['differanse_pct']}, data {diff}")
    exact = (ref["differanse_reproduced"] == "ja").sum()
    assert exact >= 36, f"frafall: only {exact} of 45 Differanse values exact"


# --- disclosure and determinism -------------------------------------------------------------


def test_no_identifiers_or_free_text(r24, nr24, r22, frame):
    for name, df in [("r24", r24), ("nr24", nr24), ("r22", r22)]:
        assert all(pd.api.types.is_numeric_dtype(df[c]) for c in df.columns), (
            f"{name}: only coded numeric columns (no free text)")
    assert set(frame.columns) == {"lopenr", "tilsagnsar", "sektor", "hovednaering",
                                  "ansatte_kat", "fylke", "koblet_enhetsregisteret",
                                  "svarstatus", "respondent"}


def test_committed_files_equal_fresh_generation(tmp_path):
    from ekspertbistand.survey import codebook, generate_surveys, write_codebooks

    paths = generate_surveys(tmp_path / "survey")
    for name, path in paths.items():
        committed = RAW / path.name
        assert committed.read_bytes() == path.read_bytes(), (
            f"{committed.relative_to(ROOT)} differs from a fresh generation: run "
            "`python -m ekspertbistand.survey`")
    for name, path in write_codebooks(tmp_path / "codebook").items():
        committed = ROOT / "data" / "codebook" / path.name
        assert committed.read_text("utf-8") == path.read_text("utf-8"), (
            f"{committed.relative_to(ROOT)} differs from the spec")
        assert codebook(name)["dataset"] == name


def test_generation_is_deterministic(tmp_path):
    from ekspertbistand.survey import generate_surveys

    a = generate_surveys(tmp_path / "a", seed=4)
    b = generate_surveys(tmp_path / "b", seed=4)
    for k in a:
        assert a[k].read_bytes() == b[k].read_bytes(), f"{k}: two runs differ"
    c = generate_surveys(tmp_path / "c", seed=5)
    assert c["mottakere_2024"].read_bytes() != a["mottakere_2024"].read_bytes()
