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
# # Kapittel 2: metode og evalueringens design
#
# Tallene som beskriver hvordan evalueringen er gjennomført (casestudier, intervjuer,
# utsendelser, feltperioder, prosjektperiode, tilskuddets sats, kravspesifikasjonen og
# informantenes tall om rammeavtalene) og Figur 1 (OECDs DAC-kriterier).
#
# Kilder:
#
# * `data/raw/prosjekt/utvalg.csv` (kodebok `data/codebook/utvalg.yml`): designfakta fra
#   rapporten og dokumentene, én rad per faktum;
# * utvalgsfilen og svarfilen for spørreundersøkelsene (antall utsendt og antall svar telles,
#   ikke skrives inn);
# * personregisteret (populasjonens størrelse).
#
# Ingen tall skrives inn for hånd i teksten: alt går gjennom `fact(...)`.

# %%
import math

import pandas as pd

from rapport.data import read_dataset
from rapport.exhibits import dac_diagram, fact, publish_book_date, publish_figure
from rapport.stats import moe

# %% [markdown]
# ## Designfakta fra `utvalg.csv`
#
# Faktanøkkelen er `<gruppe>.<noekkel>`, med gruppenavnet fjernet fra starten av nøkkelen
# (`prosjekt_start` i gruppe `prosjekt` blir `prosjekt.start`). Enheten bestemmer formatet.

# %%
publish_book_date()  # «bok.dato»: forordets dato, fra book.date i _quarto.yml (skrevet én gang)
design = read_dataset("utvalg")


def fact_key(row) -> str:
    name = row.noekkel.removeprefix(f"{row.gruppe}_")
    return f"{row.gruppe}.{name}"


verdier = {}
for row in design.itertuples(index=False):
    key = fact_key(row)
    if row.enhet == "antall":
        verdier[key] = int(row.tall)
        fact(key, int(row.tall), kind="int")
    elif row.enhet == "kroner":
        verdier[key] = int(row.tall)
        fact(key, int(row.tall), kind="kr")
        fact(f"{key}_prosa", int(row.tall), kind="mill_kr")
        if pd.notna(row.dato):
            fact(f"{key}_dato", row.dato.date(), kind="date")
    elif row.enhet == "andel":
        verdier[key] = float(row.tall)
        fact(key, float(row.tall), kind="pct")
    elif row.enhet == "desimal":
        verdier[key] = float(row.tall)
        decimals = max(0, -int(math.floor(math.log10(abs(row.tall))))) if row.tall else 0
        fact(key, float(row.tall), kind="decimal", decimals=decimals)
    elif row.enhet == "dato":
        verdier[key] = row.dato
        fact(key, row.dato.date(), kind="date")
        fact(f"{key}_kort", row.dato.date(), kind="date_short")
    elif row.enhet == "maaned":
        verdier[key] = row.dato
        fact(key, row.dato.date(), kind="month_year")
    else:  # the codebook lists the units; a new one must be handled here
        raise ValueError(f"utvalg.csv: ukjent enhet {row.enhet!r} for {row.noekkel}")
design[["noekkel", "gruppe", "enhet", "tall", "dato"]]

# %% [markdown]
# ## Avledede tall om casestudier og intervjuer
#
# Rapporten oppgir 11 casestudier, hvorav 3 med delegert vedtaksmyndighet, men omtaler også
# «de ni ordinære casene». Her regnes de ordinære casene ut av de to første tallene (8), slik
# at teksten er i samsvar med seg selv (jf. vedlegget om avvik).

# %%
ordinaere = verdier["metode.casestudier_totalt"] - verdier["metode.casestudier_delegert"]
fact("metode.casestudier_ordinaere", ordinaere, kind="int")
eksperter = verdier["metode.casestudier_totalt"] - verdier["metode.casestudier_uten_ekspert"]
fact("metode.eksperter_intervjuet", eksperter, kind="int")
med_delegert = (verdier["metode.intervju_navkontor"]
                - verdier["metode.intervju_navkontor_uten_delegert"])
fact("metode.intervju_navkontor_med_delegert", med_delegert, kind="int")

ramme_sum = (verdier["rammeavtale.tilsagn_rammeavtale"]
             + verdier["rammeavtale.tilsagn_ordinaer"])
fact("rammeavtale.tilsagn_sum", ramme_sum, kind="int")
{"ordinære caser": ordinaere, "eksperter intervjuet": eksperter,
 "NAV-kontor med delegert": med_delegert, "tilsagn i utprøvingsperioden": ramme_sum}

# %% [markdown]
# ## Konfidensnivået for feilmarginene
#
# Svarinngang, feilmarginer per undersøkelse og registerpopulasjonen publiseres av notatbøkene
# som leser de dataene (03-survey, 03-ikke-mottakere, 03-personer); her står bare nivået.

# %%
konfidens = math.erf(moe.Z95 / math.sqrt(2))
fact("metode.konfidensniva", konfidens, kind="pct")
konfidens

# %% [markdown]
# ## Figur 1: OECDs DAC-kriterier
#
# Seks kriterier; de tre evalueringen bruker (relevans, samstemthet, måloppnåelse) er uthevet.

# %%
fig = dac_diagram()
publish_figure(
    "dac",
    fig,
    caption="OECDs DAC-kriterier",
    source="@oecd2019, tilpasset av Oxford Research AS",
)
