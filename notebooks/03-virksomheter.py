# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Kapittel 3.5: virksomheter som bruker ordningen og ikke
#
# Tabell 3 (kjennetegn ved mottakervirksomhetene per tilsagnsår) og Tabell 4 (mottakere mot
# ikke-mottakere i målgruppen), fra refusjonsregisteret koblet til Enhetsregisteret (syntetisk
# gjengivelse). Begge tabellene går gjennom personvernregelen (`rapport.stats.disclosure`) før
# de publiseres: Tabell 3s kolonne for 2019 bygger på bare et titalls virksomheter.
#
# Lesing av Tabell 4: i den publiserte rapporten stemmer ikke andelene og differansene for
# mottakere i næringsblokken med de trykte antallene (se `data/reference/tabell_4.csv`). Her er
# antall, andel og differanse beregnet fra de samme dataene som Tabell 3.

# %%
import pandas as pd

from rapport.data import load_codebook, read_dataset
from rapport.exhibits import (build_table, difference, difference_note, fact,
                              fmt, publish_table)
from rapport.stats import RULE, protect_shares

KILDE = "NAVs refusjonsregister koblet til Enhetsregisteret, bearbeidet av Oxford Research AS"

virksomheter = read_dataset("virksomheter")
kodebok = load_codebook("virksomheter")
mottakere = virksomheter[virksomheter["mottaker"]]
ikke_mottakere = virksomheter[~virksomheter["mottaker"]]
AAR = sorted(int(a) for a in mottakere["aar"].dropna().unique())

# Blocks as the report prints them: (column, block label in Tabell 3, block label in Tabell 4,
# category order). Tabell 3 and Tabell 4 order the industries differently.
NAERING_T3 = ["Q", "P", "O", "C", "F", "G", "H", "N", "M", "I", "ANNET"]
NAERING_T4 = ["Q", "P", "C", "F", "O", "G", "M", "H", "N", "I", "ANNET"]
BLOKKER = [
    ("sektor", "Sektor", "Sektor", list(kodebok.labels("sektor"))),
    ("naering", "Hovednæring", "Hovednæring", NAERING_T3),
    ("ansatte", "Antall ansatte i bedriften", "Ansatte", list(kodebok.labels("ansatte"))),
]
# Industry O: the report's Tabell 3 says «Offentlig administrasjon og forsvar mv.», its Tabell 4
# the long NACE label. Both tables use the short one here (one label for one industry, and the
# long label squeezes the number columns in the PDF).
KORT_ETIKETT = {"O": "Offentlig administrasjon og forsvar mv."}


def etikett(kolonne: str, kode, tabell: int = 4) -> str:
    if kolonne == "naering" and kode in KORT_ETIKETT:
        return KORT_ETIKETT[kode]
    return kodebok.labels(kolonne)[kode]


# %% [markdown]
# ## Personvernregelen
#
# Én regel for hele rapporten (`rapport.stats.RULE`): antall fra 1 til 3 skjules (primær
# prikking), og så mange andre celler at de skjulte ikke kan regnes ut fra radsummer,
# kolonnesummer og totaler (sekundær prikking, kontrollert med lineær programmering).

# %%
regel = (f"Celler med færre enn {RULE.threshold} enheter er skjult ({RULE.symbol}), og andre "
         "celler er skjult der det trengs for at de skjulte tallene ikke skal kunne regnes ut fra "
         "summene (sekundær prikking)")
fact("disclosure.regel", regel, kind="text")
fact("disclosure.terskel", RULE.threshold, kind="int")
fact("disclosure.symbol", RULE.symbol, kind="text")

# %% [markdown]
# ## Tabell 3: kjennetegn ved mottakervirksomhetene per tilsagnsår
#
# Kolonneprosent per blokk og år. Nevneren i hver blokk er virksomhetene med kjent verdi
# (sektor mangler for noen, størrelse for noen). Hver blokk er en tabell kategori × år med
# summer; summene per kategori (alle år) står i Tabell 4 og summene per år i tabellnoten, så
# regelen behandler begge som publisert.

# %%
rader3, csv3, skjult3 = [], [], []
blokk_n3, aar_n3 = {}, {}
for kolonne, navn3, _navn4, orden in BLOKKER:
    data = mottakere.dropna(subset=[kolonne])
    antall = (pd.crosstab(data[kolonne], data["aar"].astype(int))
              .reindex(index=orden, columns=AAR, fill_value=0))
    beskyttet = protect_shares(antall)  # counts and column shares, suppressed and checked
    n_aar = antall.sum(axis=0)
    andeler = beskyttet.shares
    blokk_n3[navn3] = int(antall.to_numpy().sum())
    aar_n3[navn3] = n_aar
    for kode in orden:
        rad = {"blokk": navn3, "kategori": etikett(kolonne, kode, tabell=3)}
        maske = {}
        for aar in AAR:
            skjult = beskyttet.share_hidden(kode, aar)
            rad[str(aar)] = float(andeler.loc[kode, aar])
            maske[str(aar)] = skjult
            csv3.append({"blokk": navn3, "kategori": rad["kategori"], "aar": aar,
                         "antall": pd.NA if skjult else int(antall.loc[kode, aar]),
                         "n_aar": int(n_aar[aar]),
                         "andel": pd.NA if skjult else float(andeler.loc[kode, aar]),
                         "skjult": skjult})
        rader3.append(rad)
        skjult3.append(maske)

tabell3 = pd.DataFrame(rader3)
maske3 = pd.DataFrame(skjult3, index=tabell3.index)
alle_aar = aar_n3["Hovednæring"]  # every recipient firm-year has an industry
n_noter = ", ".join(f"{fmt.integer(n)} i {aar}" for aar, n in alle_aar.items())
ulike = mottakere["virksomhet_id"].nunique()
publish_table(
    "virksomheter-aar",
    build_table(tabell3, stub="kategori", block="blokk", block_n=blokk_n3,
                columns=[str(a) for a in AAR], formats={str(a): "pct" for a in AAR},
                suppressed=maske3),
    caption="Kjennetegn ved virksomheter som har mottatt ekspertbistand",
    n=int(len(mottakere)),
    data=pd.DataFrame(csv3),
    notes=[
        "Prosent av virksomhetene med tilsagn i året (kolonneprosent per blokk). En virksomhet "
        f"telles én gang per år den fikk tilsagn: {fmt.integer(len(mottakere))} virksomhetsår "
        f"fordelt på {fmt.integer(ulike)} ulike virksomheter. Antall virksomheter per år: "
        f"{n_noter}. Sektor og antall ansatte mangler for noen virksomheter; andelene i disse "
        "blokkene er beregnet av virksomhetene med kjent verdi.",
    ],
    source=KILDE,
)
skjulte3 = int(maske3.to_numpy().sum())
fact("virksomheter.tabell3_skjulte_celler", skjulte3, kind="int")
tabell3

# %% [markdown]
# ## Tabell 4: mottakere og ikke-mottakere i målgruppen
#
# Antall og andel per gruppe, Differanse = ikke-mottakere − mottakere i prosentpoeng av
# uavrundede andeler. Nevneren er virksomhetene med kjent verdi i blokken.

# %%
rader4, csv4, skjult4 = [], [], []
nevnere = {}
for kolonne, _navn3, navn4, orden in BLOKKER:
    orden4 = NAERING_T4 if kolonne == "naering" else orden
    antall = pd.DataFrame({
        "ikke": ikke_mottakere[kolonne].value_counts().reindex(orden4, fill_value=0),
        "mott": mottakere[kolonne].value_counts().reindex(orden4, fill_value=0),
    })
    beskyttet = protect_shares(antall)
    n = antall.sum(axis=0)
    nevnere[navn4] = n
    andeler = beskyttet.shares
    diff = difference(andeler["ikke"], andeler["mott"]).set_axis(orden4)
    for kode in orden4:
        m_ikke, m_mott = beskyttet.share_hidden(kode, "ikke"), beskyttet.share_hidden(kode, "mott")
        rad = {"blokk": navn4, "kategori": etikett(kolonne, kode),
               "ikke_n": int(antall.loc[kode, "ikke"]), "ikke_pct": andeler.loc[kode, "ikke"],
               "mott_n": int(antall.loc[kode, "mott"]), "mott_pct": andeler.loc[kode, "mott"],
               "diff": float(diff[kode])}
        maske = {"ikke_n": beskyttet.count_hidden(kode, "ikke"), "ikke_pct": m_ikke,
                 "mott_n": beskyttet.count_hidden(kode, "mott"), "mott_pct": m_mott,
                 "diff": m_ikke or m_mott}
        rader4.append(rad)
        skjult4.append(maske)
        csv4.append({k: (pd.NA if maske.get(k) else v) for k, v in rad.items()}
                    | {"ikke_nevner": int(n["ikke"]), "mott_nevner": int(n["mott"]),
                       "skjult": any(maske.values())})

tabell4 = pd.DataFrame(rader4)
maske4 = pd.DataFrame(skjult4, index=tabell4.index)
n_ikke, n_mott = len(ikke_mottakere), len(mottakere)
mangler = " og ".join(
    f"{fmt.integer(nevnere[blokk]['mott'])} i blokken {blokk}"
    for blokk in nevnere if nevnere[blokk]["mott"] != n_mott)
publish_table(
    "virksomheter-mottakere",
    build_table(
        tabell4, stub="kategori", block="blokk",
        columns=["ikke_n", "ikke_pct", "mott_n", "mott_pct", "diff"],
        formats={"ikke_n": "int", "ikke_pct": "pct", "mott_n": "int", "mott_pct": "pct",
                 "diff": "diff"},
        labels={"ikke_n": "n", "ikke_pct": "%", "mott_n": "n", "mott_pct": "%",
                "diff": "Differanse"},
        groups=[(f"Ikke-mottakere {fmt.n_label(n_ikke)}", ["ikke_n", "ikke_pct"]),
                (f"Mottakere {fmt.n_label(n_mott)}", ["mott_n", "mott_pct"])],
        suppressed=maske4, min_widths={"diff": 14},
    ),
    caption=("Bakgrunnskjennetegn for virksomheter i målgruppen for ekspertbistand, fordelt på "
             "mottakere og ikke-mottakere"),
    n=n_ikke + n_mott,
    data=pd.DataFrame(csv4),
    notes=[note for note in [
        difference_note("Ikke-mottakere", "mottakere"),
        ("Andelene er beregnet av virksomhetene med kjent verdi i blokken: for mottakerne er "
         f"nevneren {mangler}." if mangler else ""),
        ("I den publiserte rapporten stemmer ikke andelene og differansene for mottakere i "
         "næringsblokken med de trykte antallene. Her er antall, andel og differanse beregnet fra "
         "de samme dataene som @tbl-virksomheter-aar."),
    ] if note],
    source=KILDE,
)
tabell4

# %% [markdown]
# ## Tall til teksten
#
# Bare publiserte (ikke skjulte) celler brukes i teksten.

# %%
fact("virksomheter.n_mottakere", n_mott, kind="int")
fact("virksomheter.n_mottakere_ulike", int(ulike), kind="int")
fact("virksomheter.n_ikke_mottakere", n_ikke, kind="int")
fact("virksomheter.n_tabell4", n_ikke + n_mott, kind="int")


def t4(blokk: str, kode: str) -> pd.Series:
    rad = tabell4[(tabell4["blokk"] == blokk)
                  & (tabell4["kategori"] == etikett(dict(
                      Sektor="sektor", Hovednæring="naering", Ansatte="ansatte")[blokk], kode))]
    assert len(rad) == 1
    i = rad.index[0]
    assert not maske4.loc[i].any(), f"{blokk}/{kode} er skjult og kan ikke brukes i teksten"
    return rad.iloc[0]


for navn, blokk, kode in [("offentlig", "Sektor", 1), ("helse", "Hovednæring", "Q"),
                          ("undervisning", "Hovednæring", "P"), ("ansatte_21_50", "Ansatte", 2),
                          ("over_100", "Ansatte", 4)]:
    rad = t4(blokk, kode)
    fact(f"virksomheter.{navn}_mottakere", rad["mott_pct"], kind="pct")
    fact(f"virksomheter.{navn}_ikke_mottakere", rad["ikke_pct"], kind="pct")
    fact(f"virksomheter.{navn}_differanse", rad["diff"] / 100, kind="pp", decimals=1)


def aarsspenn(blokk: str, kategori: str) -> tuple[float, float]:
    """Lowest and highest published yearly share of a Tabell 3 row (suppressed years left out)."""
    i = tabell3.index[(tabell3["blokk"] == blokk) & (tabell3["kategori"] == kategori)][0]
    verdier = [tabell3.loc[i, str(a)] for a in AAR if not maske3.loc[i, str(a)]]
    return min(verdier), max(verdier)


for navn, blokk, kategori in [("offentlig", "Sektor", "Offentlig"),
                              ("helse", "Hovednæring", "Helse- og sosialtjenester"),
                              ("ansatte_21_50", "Antall ansatte i bedriften", "21 til 50")]:
    lav, hoy = aarsspenn(blokk, kategori)
    fact(f"virksomheter.aar_{navn}_min", lav, kind="pct")
    fact(f"virksomheter.aar_{navn}_maks", hoy, kind="pct")
fact("virksomheter.aar_forste", AAR[0], kind="text")
fact("virksomheter.aar_siste", AAR[-1], kind="text")
fact("virksomheter.n_forste_aar", int(alle_aar[AAR[0]]), kind="int")
