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
# # Kapittel 5.7: tiltaksbruk over konjunkturene
#
# Faste effekter for fylke og måned, ett estimat per lag 0–12 av antall registrert helt ledige
# (Figur 5-8), og per tiltaksgruppe (Figur 5-9). Panelet er syntetisk
# (`scripts/generate_panel.py`).

# %%
import pandas as pd

from rapport.data import read_dataset
from rapport.exhibits import fact, fmt, forest_plot, publish_figure
from rapport.stats.panel import twfe_lags

KILDE = "NAV (syntetisk gjengivelse). Beregninger av Frischsenteret"
GROUPS = ["Arbeidstrening", "AMO", "Oppfølging", "Midlertidig lønnstilskudd", "Jobbklubb",
          "Utvidet oppfølging i NAV", "Utdanning", "Tilrettelegging/tiltak i bedrift"]
panel = read_dataset("fylkespanel")
panel["fylke"] = panel["fylke"].astype(str)
fact("konjunktur.andel_paa_tiltak", panel["paa_tiltak"].sum() / panel["helt_ledige"].sum(),
     kind="pct")
fact("konjunktur.fylker", panel["fylke"].nunique())
fact("konjunktur.maaneder", panel["maaned"].nunique())

# %% [markdown]
# ## Figur 5-8: alle tiltak, lag 0–12

# %%
NIVAA = 0.95                     # the confidence level of every interval in the figures
lags = twfe_lags(panel, y="paa_tiltak", x="helt_ledige", unit="fylke", time="maaned",
                 lags=range(13), level=NIVAA, where="data/raw/register/fylkespanel.csv")
per100 = lags.assign(**{c: lags[c] * 100 for c in ("coef", "ci_low", "ci_high", "se")})
per100["label"] = per100["lag"].map(lambda k: f"{k} måneder")
fig = forest_plot(per100, label="label", order=[f"{k} måneder" for k in range(12, -1, -1)],
                  x_label="Flere arbeidssøkere på tiltak per 100 flere helt ledige")
_ = publish_figure(
    "konjunktur-lag", fig,
    caption="Sammenheng mellom antall registrert helt ledige og antall arbeidssøkere på tiltak, "
            "etter antall måneder ledigheten er forskjøvet (lag)",
    data=per100[["lag", "coef", "se", "ci_low", "ci_high", "p", "n"]], source=KILDE, n=False)
fact("konjunktur.modeller", len(lags), text=str(len(lags)))
fact("konjunktur.nivaa", NIVAA, kind="pct", decimals=0)
fact("konjunktur.effekt_min", per100["coef"].min(), kind="decimal", decimals=1)
fact("konjunktur.effekt_maks", per100["coef"].max(), kind="decimal", decimals=1)
fact("konjunktur.effekt_lag0", per100["coef"].iloc[0], kind="decimal", decimals=0)
fact("konjunktur.effekt_lag12", per100["coef"].iloc[12], kind="decimal", decimals=0)
fact("konjunktur.alle_signifikante", bool((per100["ci_low"] > 0).all()),
     text="alle" if (per100["ci_low"] > 0).all() else "ikke alle")
per100

# %% [markdown]
# ## Figur 5-9: per tiltaksgruppe, lag 0

# %%
rows = []
for group in GROUPS:
    est = twfe_lags(panel.rename(columns={group: "_y"}), y="_y", x="helt_ledige", unit="fylke",
                    time="maaned", lags=[0], level=NIVAA,
                    where="data/raw/register/fylkespanel.csv")
    rows.append({"tiltaksgruppe": group, **est.iloc[0].to_dict()})
groups = pd.DataFrame(rows)
groups[["coef", "se", "ci_low", "ci_high"]] *= 100
fig = forest_plot(groups, label="tiltaksgruppe", order=GROUPS,
                  x_label="Flere arbeidssøkere på tiltak per 100 flere helt ledige")
_ = publish_figure(
    "konjunktur-grupper", fig,
    caption="Sammenheng mellom antall registrert helt ledige og antall arbeidssøkere på tiltak, "
            "etter tiltaksgruppe (samme måned)",
    data=groups[["tiltaksgruppe", "coef", "se", "ci_low", "ci_high", "p", "n"]], source=KILDE,
    n=False)
KEYS = {"Arbeidstrening": "arbeidstrening", "AMO": "amo", "Oppfølging": "oppfolging",
        "Midlertidig lønnstilskudd": "lonnstilskudd", "Jobbklubb": "jobbklubb",
        "Utvidet oppfølging i NAV": "utvidet", "Utdanning": "utdanning",
        "Tilrettelegging/tiltak i bedrift": "tilrettelegging"}
for rec in groups.itertuples():
    fact(f"konjunktur.gruppe.{KEYS[rec.tiltaksgruppe]}", rec.coef,
         text=fmt.decimal(rec.coef, 0 if abs(rec.coef) >= 0.95 else 1))
groups
