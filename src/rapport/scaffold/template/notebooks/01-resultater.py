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
# # Kapittel 1: resultater
#
# Et skjelett: les data gjennom kodeboken, publiser én figur, én tabell og tallene teksten
# bruker. Oppskrifter for spørsmål, batterier, flervalg, registertabeller med
# diskresjonskontroll og feilmarginer står i verktøyets docs/cookbook.md.

# %%
from rapport.data import load_codebook, read_dataset
from rapport.exhibits import build_table, fact, publish_book_date, publish_question, publish_table
from rapport.stats import share_of

KILDE = "Spørreundersøkelse til deltakerne"

svar = read_dataset("svar")
kodebok = load_codebook("svar")
publish_book_date()  # «bok.dato»: the signature's date, from book.date in _quarto.yml

# %% [markdown]
# ## Figur: hvor fornøyde deltakerne er

# %%
fordeling = publish_question("fornoyd", svar, kodebok, "q_fornoyd", source=KILDE)
fact("svar.n", len(svar), kind="int")
fact("svar.fornoyd", share_of(fordeling, 4, 5), kind="pct")
fordeling

# %% [markdown]
# ## Tabell: svar per region

# %%
per_region = (svar.groupby("region", observed=False).size().rename("antall").reset_index())
per_region["region"] = per_region["region"].map(kodebok.labels("region"))
per_region["andel"] = per_region["antall"] / per_region["antall"].sum()
tabell = build_table(per_region, stub="region", columns=["antall", "andel"],
                     stub_label="Region", labels={"antall": "Antall", "andel": "Andel"},
                     formats={"antall": "int", "andel": "pct"}, total="Totalt")
publish_table("svar-per-region", tabell, caption="Svar per region", data=per_region,
              n=len(svar), source=KILDE)
per_region
