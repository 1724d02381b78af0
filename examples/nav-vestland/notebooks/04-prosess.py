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
# # Prosesstall: ringelisten fra roboten, samtaler per uke, arbeidsbenker (kapittel 4–8)
#
# Tallene kommer fra dokumenter og intervjuer, ikke fra mikrodata; de står én gang i
# `data/raw/prosesstall.csv` (kodebok `prosesstall.yml`) og går til teksten som
# `prosess.<noekkel>`. Intervaller skrives med tankestrek («30–60»), slik huset skriver
# intervaller (rapporten selv bruker bindestrek). Små antall av ting (enheter i `I_ORD`)
# skrives med ord i teksten («seks arbeidsbenker»), som rapporten gjør.

# %%
import pandas as pd

from rapport.data import read_dataset
from rapport.exhibits import fact, fmt
from rapport.exhibits.fmt import count_words

I_ORD = {"arbeidsbenker", "kontor", "personer", "verksteder", "samtaler per uke", "uker"}
NOYTRUM = {"kontor"}

tall = read_dataset("prosesstall")
for row in tall.itertuples(index=False):
    key = f"prosess.{row.noekkel}"
    if pd.isna(row.verdi_til) and row.enhet in I_ORD:
        fact(key, int(row.verdi), count_words(row.verdi, neuter=row.enhet in NOYTRUM))
    elif pd.isna(row.verdi_til):
        fact(key, int(row.verdi))
    else:
        fact(key, [int(row.verdi), int(row.verdi_til)],
             f"{fmt.integer(row.verdi)}{fmt.NDASH}{fmt.integer(row.verdi_til)}")
fact("prosess.liste_tid", int(tall.set_index("noekkel").loc["liste_klokkeslett", "verdi"]),
     f"kl. {int(tall.set_index('noekkel').loc['liste_klokkeslett', 'verdi']):02d}:00")
tall
