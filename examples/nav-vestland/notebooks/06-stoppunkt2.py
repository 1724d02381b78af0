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
# # Stoppunkt 2: trakten fra melding til samtale (kapittel 6.1.5) og Figur 9
#
# Saksloggen `data/raw/stoppunkt2_logg.csv` har én rad per melding om jobbforventning sendt
# i uke 37 (2022) til uke 6 (2023). Trakten: meldinger sendt → svar → prioritert (svar
# «Passar dårleg» eller «Passar svært dårleg», modellens regel) → registrert telefonsamtale.
#
# Rapporten skriver «om lag 47 prosent» for andelen av de prioriterte som fikk samtale;
# loggen gir 46 av 103 = 44,7 prosent. Teksten bruker tallet fra dataene; avviket står i
# vedlegget.

# %%
import pandas as pd

from rapport.data import load_codebook, read_dataset
from rapport.exhibits import fact, publish_figure
from rapport.exhibits.figures.text_box import text_box
from rapport.exhibits.fmt import count_words

logg = read_dataset("stoppunkt2_logg")
kb = load_codebook("stoppunkt2_logg")

sendt = len(logg)
svar = int(logg["svar"].notna().sum())
lav = logg["svar"].isin([4, 5])
prioritert = int(lav.sum())
samtaler = int(logg["telefonsamtale"].sum())
if int((logg["telefonsamtale"] & ~lav).sum()):
    raise ValueError("data/raw/stoppunkt2_logg.csv: telefonsamtale registrert for en sak som "
                     "ikke var prioritert (svar 4 eller 5)")
first = logg.sort_values(["aar", "uke"]).iloc[0]
last = logg.sort_values(["aar", "uke"]).iloc[-1]

fact("stoppunkt2.sendt", sendt)
fact("stoppunkt2.svar", svar)
fact("stoppunkt2.svarandel", svar / sendt, kind="pct")
fact("stoppunkt2.prioritert", prioritert)
fact("stoppunkt2.prioritert_andel_av_svar", prioritert / svar, kind="pct")
fact("stoppunkt2.samtaler", samtaler)
fact("stoppunkt2.samtaler_andel", samtaler / prioritert, kind="pct")
fact("stoppunkt2.samtaler_andel_tall", round(100 * samtaler / prioritert, 1), kind="decimal",
     decimals=1)
fact("stoppunkt2.fra_uke", int(first.uke))
fact("stoppunkt2.fra_aar", int(first.aar), str(int(first.aar)))
fact("stoppunkt2.til_uke", int(last.uke))
fact("stoppunkt2.til_aar", int(last.aar), str(int(last.aar)))
fact("stoppunkt2.uker", int(logg[["aar", "uke"]].drop_duplicates().shape[0]))
fact("avvik.stoppunkt2_andel.publisert", 47)
fact("avvik.stoppunkt2_andel.samtaler_som_gir_47", 48)
pd.Series({"sendt": sendt, "svar": svar, "prioritert": prioritert, "samtaler": samtaler})

# %% [markdown]
# ## Figur 9: meldingen med spørsmålet om jobbforventning
#
# Meldingsteksten (nynorsk, som sendt) står som en tekstboks; svaralternativene er
# kodebokens etiketter for `svar`, så figuren og loggen bruker samme skala.

# %%
MELDING = ("Du har no vore sjukmeld i nokre veker, og vi ønskjer å vite meir om kva "
           "forventningar du har for å komme tilbake i arbeid. Vi ber derfor om at du svarar "
           "på følgjande påstand:")
PAASTAND = "«Eg reknar med å vere tilbake i jobb om nokre veker»."
alternativer = list(kb.labels("svar").values())


publish_figure("melding-jobbforventning",
               text_box([("lead", "Melding til sjukemeld ved 6 ukers sjukemelding:"),
                         ("text", MELDING), ("strong", PAASTAND), ("text", "Svaralternativ:")]
                        + [("option", o) for o in alternativer], title="Melding til sjukemelde"),
               caption="Melding med spørsmål om jobbforventninger, som sendes til sykmeldte ved "
                       "seks ukers sykmelding.",
               source="NAV region Sunnfjord (meldingsmalen i stoppunkt 2)", n=False)
fact("stoppunkt2.skala", len(alternativer), count_words(len(alternativer)))
