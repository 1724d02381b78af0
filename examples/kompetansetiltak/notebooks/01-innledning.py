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
# # Kapittel 1: prosjektets virkningskjede (Figur 1-1), tegnet fra spesifikasjonen i data/raw.

# %%
from rapport.data import read_dataset
from rapport.exhibits import logic_model, publish_figure

kjede = read_dataset("virkningskjede")
kolonner = [(str(ledd), list(kjede.loc[kjede["ledd"] == ledd, "boks"]))
            for ledd in kjede["ledd"].cat.categories]
_ = publish_figure("virkningskjede", logic_model(kolonner), caption="Prosjektets virkningskjede",
               data=kjede, source="Oslo Economics (2021)", n=False,
               footer=["Merknad: Boksene følger prosessen fra implementering til måloppnåelse. "
                       "Illustrasjon: Oslo Economics"])
