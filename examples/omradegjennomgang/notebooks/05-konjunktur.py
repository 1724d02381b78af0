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
# (Figur 5-8), per tiltaksgruppe (Figur 5-9) og for personer med nedsatt arbeidsevne, med
# kontroll for antall registrerte med nedsatt arbeidsevne (Figur 5-11). Som i rapporten stopper
# modellene i desember 2019, før bruddet pandemien gir i ledighetsstatistikken. Panelet er
# syntetisk (`scripts/generate_panel.py`).

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
ANDEL_TIL = "2021-12"             # the print's average share covers 2010–2021 (l.1962)
andel = panel[panel["maaned"] <= ANDEL_TIL]
fact("konjunktur.andel_paa_tiltak", andel["paa_tiltak"].sum() / andel["helt_ledige"].sum(),
     kind="pct")
fact("konjunktur.andel_til_aar", int(ANDEL_TIL[:4]), text=ANDEL_TIL[:4])
fact("konjunktur.fylker", panel["fylke"].nunique())
SLUTT = "2019-12"                # the last month of the models (the print: to December 2019)
MAANED = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember"]


def maaned_tekst(month: str) -> str:
    """«2019-12» → «desember 2019»."""
    return f"{MAANED[int(month[5:]) - 1]} {month[:4]}"


modell = panel[panel["maaned"] <= SLUTT].reset_index(drop=True)
fact("konjunktur.maaneder", modell["maaned"].nunique())
fact("konjunktur.periode_fra", modell["maaned"].min(), text=maaned_tekst(modell["maaned"].min()))
fact("konjunktur.periode_til", modell["maaned"].max(), text=maaned_tekst(modell["maaned"].max()))
NOTE = ("Estimatene kommer fra regresjonsmodeller med faste effekter for fylke og tid, estimert "
        f"på månedlige data for perioden {maaned_tekst(modell['maaned'].min())} til og med "
        f"{maaned_tekst(modell['maaned'].max())}.")
WHERE = "data/raw/register/fylkespanel.csv"

# %% [markdown]
# ## Figur 5-8: alle tiltak, lag 0–12

# %%
NIVAA = 0.95                     # the confidence level of every interval in the figures
LAGGED = ("De ulike estimatene er basert på ulike modeller hvor vi har variert hvor mange "
          "måneder registrert helt ledige er lagget. ")


def lag_figure(lags: pd.DataFrame, name: str, caption: str, x_label: str, note: str):
    """The estimates for lags 0–12 per 100 more helt ledige as a forest plot (12 months on top),
    published with its data; returns the estimates per 100."""
    per100 = lags.assign(**{c: lags[c] * 100 for c in ("coef", "ci_low", "ci_high", "se")})
    per100["label"] = per100["lag"].map(lambda k: f"{k} måneder")
    fig = forest_plot(per100, label="label", order=[f"{k} måneder" for k in range(12, -1, -1)],
                      x_label=x_label)
    publish_figure(name, fig, caption=caption,
                   data=per100[["lag", "coef", "se", "ci_low", "ci_high", "p", "n"]],
                   source=KILDE, n=False, footer=[note + LAGGED + NOTE])
    return per100


lags = twfe_lags(modell, y="paa_tiltak", x="helt_ledige", unit="fylke", time="maaned",
                 lags=range(13), level=NIVAA, where=WHERE)
per100 = lag_figure(
    lags, "konjunktur-lag",
    "Sammenheng mellom antall registrert helt ledige og antall arbeidssøkere på tiltak, "
    "etter antall måneder ledigheten er forskjøvet (lag)",
    "Flere arbeidssøkere på tiltak per 100 flere helt ledige",
    "Note: Figuren presenterer effekten av 100 flere registrert helt ledige på antall "
    "arbeidssøkere på tiltak. ")
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
    est = twfe_lags(modell.rename(columns={group: "_y"}), y="_y", x="helt_ledige", unit="fylke",
                    time="maaned", lags=[0], level=NIVAA, where=WHERE)
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
    n=False,
    footer=["Note: Figuren presenterer effekten av 100 flere registrert helt ledige på antall "
            "arbeidssøkere på tiltak i hver av våre egendefinerte tiltaksgrupper. " + NOTE])
KEYS = {"Arbeidstrening": "arbeidstrening", "AMO": "amo", "Oppfølging": "oppfolging",
        "Midlertidig lønnstilskudd": "lonnstilskudd", "Jobbklubb": "jobbklubb",
        "Utvidet oppfølging i NAV": "utvidet", "Utdanning": "utdanning",
        "Tilrettelegging/tiltak i bedrift": "tilrettelegging"}
for rec in groups.itertuples():
    fact(f"konjunktur.gruppe.{KEYS[rec.tiltaksgruppe]}", rec.coef,
         text=fmt.decimal(rec.coef, 0 if abs(rec.coef) >= 0.95 else 1))
groups

# %% [markdown]
# ## Figur 5-11: personer med nedsatt arbeidsevne, lag 0–12
#
# Samme modell med antall registrerte med nedsatt arbeidsevne på tiltak som utfall og antall
# registrerte med nedsatt arbeidsevne som kontroll (rapportens modell 2, l.2000–2001).

# %%
nedsatt = lag_figure(
    twfe_lags(modell, y="nedsatt_paa_tiltak", x="helt_ledige", unit="fylke", time="maaned",
              lags=range(13), controls=["nedsatt_registrert"], level=NIVAA, where=WHERE),
    "konjunktur-nedsatt",
    "Estimerte effekter på total tiltaksbruk blant dem med nedsatt arbeidsevne som følge av "
    "flere registrert helt ledige",
    "Flere med nedsatt arbeidsevne på tiltak per 100 flere helt ledige",
    "Note: Figuren presenterer effekten av 100 flere registrert helt ledige på antall personer "
    "med nedsatt arbeidsevne på tiltak, med kontroll for antall registrerte med nedsatt "
    "arbeidsevne. ")
signifikant = nedsatt["ci_low"] > 0
uten = nedsatt.loc[~signifikant, "lag"]
# the lags without an effect form one run from lag 0, and every later lag is positive
forste = int(nedsatt.loc[signifikant, "lag"].min())
assert uten.tolist() == list(range(forste)), nedsatt[["lag", "coef", "ci_low"]]
fact("konjunktur.nedsatt.uten_effekt_til", forste - 1)
fact("konjunktur.nedsatt.forste_positive", forste)
fact("konjunktur.nedsatt.effekt_lag12", nedsatt["coef"].iloc[12], kind="decimal", decimals=0)
fact("konjunktur.nedsatt.lavere_enn_arbeidssokere",
     bool(nedsatt["coef"].iloc[12] < per100["coef"].iloc[12]),
     text="lavere" if nedsatt["coef"].iloc[12] < per100["coef"].iloc[12] else "ikke lavere")
nedsatt
