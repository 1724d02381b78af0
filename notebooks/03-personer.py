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
# # Kapittel 3.6: arbeidstakere i målgruppen for ekspertbistand
#
# Tabell 5: bakgrunnskjennetegn for personer som har mottatt ekspertbistand og personer i
# målgruppen som ikke har det, fra NAVs registre (syntetisk gjengivelse). Kjønn,
# innvandringsstatus, alder og sentralitet telles per person; diagnosen telles per
# sykefraværstilfelle, fordi en person kan ha flere tilfeller med ulike diagnoser.
#
# Differanse = ikke-mottakere − mottakere, som differansen mellom de avrundede prosentene (slik
# rapporten regner den), så kolonnen stemmer med cellene ved siden av.

#
# Registrene leses av en spørremotor (`rapport.register`, DuckDB som standard): bare
# tellingene per celle kommer inn i notebooken, uansett hvor mange personer registeret har.

# %%
import pandas as pd

from rapport.data import load_codebook
from rapport.exhibits import (build_table, difference, difference_note, fact,
                              fmt, publish_table)
from rapport.register import connect, counts, crosstab, open_dataset
from rapport.stats import protect_shares

KILDE = "NAVs registre over sykefravær og ytelser, bearbeidet av Oxford Research AS"

motor = connect()
personer = open_dataset("personer", motor)
tilfeller = open_dataset("sykefravaerstilfeller", motor, columns=["person_id", "diagnose"])
kodebok = load_codebook("personer")

# Diagnoses: the ICPC-2 chapters Tabell 5 shows one by one, in its order; the rest are «Annet».
DIAGNOSER = ["L", "R", "P", "N", "D", "A", "W"]
ANNET = "Annet"

# %% [markdown]
# ## Tabell 5

# %%
# Each sick-leave spell with its person's recipient status (every spell must have a person).
tilfeller_m = tilfeller.left_join(personer.select("person_id", "mottaker"), "person_id")
diagnoser = counts(tilfeller_m, ["diagnose", "mottaker"])
assert diagnoser["mottaker"].notna().all(), "tilfeller for personer som ikke er i personer"
diagnoser["diagnosegruppe"] = diagnoser["diagnose"].where(diagnoser["diagnose"].isin(DIAGNOSER),
                                                          ANNET)
diag_etiketter = {k: kodebok.labels("hoveddiagnose")[k] for k in DIAGNOSER} | {ANNET: ANNET}
n_pers = counts(personer, ["mottaker"]).set_index("mottaker")["n"]
n_tilf = diagnoser.groupby("mottaker")["n"].sum()

# (block label, counts [value × mottaker], number counted, {code: label} in the printed order)
BLOKKER = [
    ("Kjønn", crosstab(personer, "kjonn", "mottaker"), n_pers.sum(), {2: "Kvinne", 1: "Mann"}),
    ("Innvandringsstatus", crosstab(personer, "innvandringsstatus", "mottaker"), n_pers.sum(),
     dict(kodebok.labels("innvandringsstatus"))),
    # age bands as ranges with an en dash («15–24 år»; the codebook has the report's hyphen)
    ("Aldersgruppe", crosstab(personer, "aldersgruppe", "mottaker"), n_pers.sum(),
     {k: v.replace("-", "–") for k, v in kodebok.labels("aldersgruppe").items()}),
    ("Diagnosekategori (sykefraværstilfeller)",
     diagnoser.pivot_table(index="diagnosegruppe", columns="mottaker", values="n",
                           aggfunc="sum", fill_value=0),
     n_tilf.sum(), diag_etiketter),
    ("Sentralitet", crosstab(personer, "sentralitet", "mottaker"), n_pers.sum(),
     dict(kodebok.labels("sentralitet"))),
]
assert BLOKKER[0][3] == {k: kodebok.labels("kjonn")[k] for k in (2, 1)}

rader, csv, skjult = [], [], []
for blokk, tellinger, n_talt, etiketter in BLOKKER:
    antall = tellinger.reindex(index=list(etiketter), columns=[False, True], fill_value=0)
    antall.columns = ["ikke", "mott"]
    antall.index.name = None
    assert int(antall.to_numpy().sum()) == n_talt, f"{blokk}: verdier utenfor kodelisten"
    beskyttet = protect_shares(antall)  # counts and column shares, suppressed and checked
    andeler = beskyttet.shares
    diff = difference(andeler["ikke"], andeler["mott"], decimals=1, rounded=True)
    diff.index = andeler.index
    for kode, etikett in etiketter.items():
        m_ikke, m_mott = beskyttet.share_hidden(kode, "ikke"), beskyttet.share_hidden(kode, "mott")
        rader.append({
            "blokk": blokk, "kategori": etikett,
            "ikke": fmt.pct_n(andeler.loc[kode, "ikke"], antall.loc[kode, "ikke"]),
            "mott": fmt.pct_n(andeler.loc[kode, "mott"], antall.loc[kode, "mott"]),
            "diff": float(diff[kode]),
        })
        skjult.append({"ikke": m_ikke, "mott": m_mott, "diff": m_ikke or m_mott})
        csv.append({
            "blokk": blokk, "kategori": etikett,
            "ikke_mottatt_n": pd.NA if m_ikke else int(antall.loc[kode, "ikke"]),
            "ikke_mottatt_andel": pd.NA if m_ikke else float(andeler.loc[kode, "ikke"]),
            "mottatt_n": pd.NA if m_mott else int(antall.loc[kode, "mott"]),
            "mottatt_andel": pd.NA if m_mott else float(andeler.loc[kode, "mott"]),
            "differanse_pp": pd.NA if (m_ikke or m_mott) else float(diff[kode]),
            "skjult": m_ikke or m_mott,
        })

tabell5 = pd.DataFrame(rader)
maske5 = pd.DataFrame(skjult, index=tabell5.index)
publish_table(
    "personer-mottakere",
    build_table(
        tabell5, stub="kategori", block="blokk", columns=["ikke", "mott", "diff"],
        formats={"ikke": "text", "mott": "text", "diff": "diff"},
        labels={"ikke": f"Ikke mottatt ekspertbistand {fmt.n_label(n_pers[False])}",
                "mott": f"Mottatt ekspertbistand {fmt.n_label(n_pers[True])}",
                "diff": "Differanse"},
        suppressed=maske5, min_widths={"diff": 14},
    ),
    caption=("Bakgrunnskjennetegn for personer i målgruppen for ekspertbistand, fordelt på "
             "mottakere og ikke-mottakere"),
    n=(f"(n = {fmt.integer(n_pers.sum())} personer og {fmt.integer(n_tilf.sum())} "
       "sykefraværstilfeller)"),
    data=pd.DataFrame(csv),
    notes=[note for note in [
        difference_note("Ikke-mottakere", "mottakere", rounded=True),
        ("Diagnosekategori er telt per sykefraværstilfelle "
         f"({fmt.integer(n_tilf[False])} for ikke-mottakere og {fmt.integer(n_tilf[True])} for "
         "mottakere); de andre blokkene er telt per person. «Annet» er de øvrige "
         "ICPC-2-kapitlene."),
    ] if note],
    source=KILDE,
)
tabell5

# %% [markdown]
# ## Tall til teksten

# %%
fact("personer.n_totalt", int(n_pers.sum()), kind="int")
fact("personer.n_mottakere", int(n_pers[True]), kind="int")
fact("personer.n_ikke_mottakere", int(n_pers[False]), kind="int")
fact("personer.n_virksomheter", int(personer["virksomhet_id"].nunique().to_pandas()), kind="int")
fact("personer.n_tilfeller", int(n_tilf.sum()), kind="int")
fact("personer.n_tilfeller_mottakere", int(n_tilf[True]), kind="int")
fact("personer.n_tilfeller_ikke_mottakere", int(n_tilf[False]), kind="int")

csv5 = pd.DataFrame(csv).set_index(["blokk", "kategori"])
for navn, blokk, kategori in [
    ("kvinner", "Kjønn", "Kvinne"),
    ("innvandrere", "Innvandringsstatus", "Innvandrer"),
    ("alder_40_54", "Aldersgruppe", "40–54 år"),
    ("alder_62_66", "Aldersgruppe", "62–66 år"),
    ("alder_15_24", "Aldersgruppe", "15–24 år"),
    ("muskel_skjelett", "Diagnosekategori (sykefraværstilfeller)", "Muskel og skjelettsystemet"),
    ("psykisk", "Diagnosekategori (sykefraværstilfeller)", "Psykisk"),
    ("nervesystemet", "Diagnosekategori (sykefraværstilfeller)", "Nervesystemet"),
    ("svangerskap", "Diagnosekategori (sykefraværstilfeller)",
     "Svangerskap, fødsel og familieplanlegging"),
    ("mest_sentrale", "Sentralitet", "Mest sentrale kommuner"),
    ("mellomsentrale_1", "Sentralitet", "Mellomsentrale kommuner 1"),
    ("minst_sentrale", "Sentralitet", "Minst sentrale kommuner"),
]:
    rad = csv5.loc[(blokk, kategori)]
    assert not rad["skjult"], f"{blokk}/{kategori} er skjult og kan ikke brukes i teksten"
    fact(f"personer.{navn}_mottakere", float(rad["mottatt_andel"]), kind="pct", decimals=1)
    fact(f"personer.{navn}_ikke_mottakere", float(rad["ikke_mottatt_andel"]), kind="pct",
         decimals=1)
    fact(f"personer.{navn}_differanse", float(rad["differanse_pp"]) / 100, kind="pp", decimals=1)
