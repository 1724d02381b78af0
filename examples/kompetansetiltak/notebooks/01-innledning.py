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
from rapport.exhibits import logic_model, publish_book_date, publish_figure

publish_book_date()  # «bok.dato»: the colophon's date, from book.date in _quarto.yml
publish_book_date("bok.maaned", kind="month_year", capitalize=True)  # the cover: «Oktober 2022»

kjede = read_dataset("virkningskjede")
aktorer = [str(a) for a in kjede["aktor"].cat.categories]  # the codebook's order = the legend's
kolonner = [(str(ledd), [(r.boks, str(r.aktor)) for r in kjede[kjede["ledd"] == ledd].itertuples()])
            for ledd in kjede["ledd"].cat.categories]
_ = publish_figure("virkningskjede", logic_model(kolonner, groups=aktorer),
                   caption="Prosjektets virkningskjede", data=kjede, n=False,
                   source="Oslo Economics (2021)",
                   footer=["Merknad: Boksene følger prosessen fra implementering til måloppnåelse. "
                           "Mørkeblå bokser er oppgaver for prosjektet i NAV, lyseblå for NAV i "
                           "oppfølgingen av sykmeldte, grå det den sykmeldte selv gjør, og hvite "
                           "bokser er andre aktører som kan bidra. Illustrasjon: Oslo Economics"])
