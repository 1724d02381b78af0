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
# # Kapittel 2: metode
#
# Tabell 2-1 (informanter i intervjurunden våren 2022) og deltakertrakten: én populasjon per
# trinn, talt fra dataene, som alle figurene navngir.

# %%
import sys

sys.path.insert(0, "notebooks")

import pandas as pd  # noqa: E402
from _populasjon import DATA_END, POP, candidates, check_funnel  # noqa: E402

from rapport.data import read_dataset  # noqa: E402
from rapport.exhibits import build_table, fact, fmt, publish_table  # noqa: E402

inf = read_dataset("informanter")
_ = publish_table(
    "informanter",
    build_table(inf, stub="aktortype", columns=["informanter"], formats={"informanter": "int"},
                labels={"informanter": "Antall"}, stub_label="Type aktør", total="Totalt"),
    caption="Oversikt over informanter", data=inf,
    notes=["Note: \\*) NAV-veiledere er veilederne utenom prosjektmedarbeidere. \\*\\*) Én "
           "utdanningskoordinator, én kontorleder og én IA-rådgiver."],
    source="Oslo Economics")
fact("metode.n_informanter", int(inf["informanter"].sum()))
fact("metode.register_til", DATA_END.to_timestamp(), kind="month_year")
fact("metode.n_arbeidsgivere", int(inf.set_index("aktortype").loc["Arbeidsgivere", "informanter"]),
     kind="count_words")

# %% [markdown]
# ## Evalueringens forløp
#
# Månedene for intervjurundene, workshopene og møtene i referansegruppen, fra evalueringens egen
# logg, så kapittel 2 ikke skriver inn en eneste dato selv.

# %%
forlop = read_dataset("evalueringsforlop").set_index("kode")
for kode, row in forlop.iterrows():
    if pd.notna(row["maaned"]):
        fact(f"metode.{kode}", row["maaned"], kind="month_year")
fact("metode.n_intervjuer", int(forlop.loc["intervju_2", "antall"]))
fact("metode.n_intervju_mai", int(forlop.loc["intervju_1_siste", "antall"]),
     fmt.count_words(int(forlop.loc["intervju_1_siste", "antall"]), neuter=True))
fact("metode.n_referansemoter", int(forlop.index.str.startswith("referansegruppe_").sum()),
     kind="count_words")
fact("metode.n_workshops", int(forlop.index.str.startswith("workshop_").sum()),
     kind="count_words")

# %% [markdown]
# ## Deltakertrakten

# %%
kand = candidates()
counts = check_funnel(kand)
rows = [{"trinn": POP[k].label, "kilde": POP[k].source, "antall": n} for k, n in counts.items()]
trakt = pd.DataFrame(rows)
tabell = build_table(trakt, stub="trinn", columns=["kilde", "antall"],
                     formats={"kilde": "text", "antall": "int"},
                     labels={"kilde": "Kilde", "antall": "Antall"}, stub_label="Populasjon")
tabell.align = ["l", "l", "r"]  # a text column reads from the left
_ = publish_table(
    "populasjoner", tabell,
    caption="Populasjonene i evalueringen", data=trakt,
    source="Registreringsskjema og individdata fra NAV", numbered=False)
for k, n in counts.items():
    fact(f"trakt.{k}", n)
