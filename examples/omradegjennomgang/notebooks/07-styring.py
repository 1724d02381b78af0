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
# # Kapittel 6 og 7: intervjuutvalget (Tabell 6-1) og bevilgningene (Tabell 7-3)

# %%
import pandas as pd

from rapport.data import read_dataset
from rapport.exhibits import build_table, fact, fmt, publish_book_date, publish_table

# %% [markdown]
# ## Tabell 6-1: tiltak veilederne valgte for reelle brukere

# %%
publish_book_date()  # «bok.dato»: kolofonens dato, fra book.date i _quarto.yml
kasus = read_dataset("veileder_kasus")
_ = publish_table(
    "veileder-kasus",
    build_table(kasus, stub="tiltak", columns=["antall_brukere"],
                formats={"antall_brukere": "int"},
                labels={"tiltak": "Tiltak", "antall_brukere": "Antall brukere"},
                total="Sum"),
    caption="Oversikt over veilederens valg av tiltak for reelle brukere og antall brukere",
    data=kasus, source="Intervjuer med NAV-veiledere, Oslo Economics og Proba")
fact("veiledere.kasus", int(kasus["antall_brukere"].sum()))
fact("veiledere.kasus_tekst", int(kasus["antall_brukere"].sum()),
     text=fmt.integer(kasus["antall_brukere"].sum()))

# %% [markdown]
# ## Tabell 7-3: bevilgninger i kap. 634 (1 000 kroner)

# %%
bev = read_dataset("bevilgninger_kap634")
_ = publish_table(
    "bevilgninger",
    build_table(bev, stub="post", columns=["bevilgning_1000_kr"],
                formats={"bevilgning_1000_kr": "int"},
                labels={"post": "Post", "bevilgning_1000_kr": "Bevilgning (1 000 kroner)"},
                total="Sum"),
    caption="Bevilgninger i kap. 634 Arbeidsmarkedstiltak (1 000 kroner)",
    data=bev, source="Prop. 1 S (2022–2023)")
total = int(bev["bevilgning_1000_kr"].sum()) * 1000
fact("styring.kap634_sum", total, text=fmt.kr_prose(total))
pd.concat([bev, pd.DataFrame([{"post": "Sum", "bevilgning_1000_kr": total // 1000}])])
