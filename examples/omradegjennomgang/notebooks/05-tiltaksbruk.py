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
# # Kapittel 5.3–5.6: tiltaksbruk i NAVs registre
#
# Månedlige beholdninger 2010–2022 (syntetiske uttrekk, `scripts/generate_register.py`):
# årsgjennomsnitt med `rapport.stats.register`, tabeller med personvernregelen
# (`rapport.stats.protect_shares`), Figur 5-1 … 5-7 og 5-10.

# %%
import pandas as pd

from rapport import stats
from rapport.data import read_dataset
from rapport.exhibits import build_table, fact, fmt, publish_figure, publish_table, \
    series_grid, stacked_shares
from rapport.stats.register import annual_means, crosstab, difference_series, rank_robust

KILDE = "NAV (syntetisk gjengivelse)"
# The «*» marks the print's robustness flags in Tabell 5-5 and 5-6, so the disclosure rule
# prints «:» (SSB's symbol) in this chapter's tables.
REGEL = stats.DisclosureRule(symbol=":")
BG = {"arbeidssoker": "Registrerte arbeidssøkere", "nedsatt": "Nedsatt arbeidsevne"}



def publish(fig_id, fig, *, notes, **kwargs):
    """A figure with its «Note:» line (Oslo Economics' house style)."""
    return publish_figure(fig_id, fig, footer=[f"Note: {notes}"], **kwargs)


tiltak = read_dataset("tiltak_fylke")
brukere = read_dataset("brukere_fylke")
kjennetegn = read_dataset("kjennetegn")
kontor_brukere = read_dataset("kontor_brukere")
kontor_tiltak = read_dataset("kontor_tiltak")
panel = read_dataset("fylkespanel")

aar_tiltak = annual_means(tiltak, value="deltakere", by=["fylke", "brukergruppe",
                                                         "tiltaksgruppe"])
aar_brukere = pd.concat([annual_means(brukere, value=c, by=["fylke"]).set_index(["aar", "fylke"])
                         for c in ("arbeidssokere", "nedsatt_arbeidsevne", "arbeidsstyrke")],
                        axis=1).reset_index()
aar_kjennetegn = annual_means(kjennetegn, value="deltakere",
                              by=["brukergruppe", "kjennetegn", "kategori", "tiltaksgruppe"])
fact("register.aar_fra", int(aar_tiltak["aar"].min()), text=str(aar_tiltak["aar"].min()))
fact("register.aar_til", int(aar_tiltak["aar"].max()), text=str(aar_tiltak["aar"].max()))
fact("register.fylker", aar_tiltak["fylke"].nunique())
fact("register.tiltaksgrupper", fmt.count_words(aar_tiltak["tiltaksgruppe"].nunique() + 1),
     text=fmt.count_words(aar_tiltak["tiltaksgruppe"].nunique() + 1).capitalize())

# %% [markdown]
# ## Figur 5-1: deltakere og registrerte brukere, nasjonalt

# %%
nasjonalt = aar_tiltak.groupby(["aar", "brukergruppe"])["deltakere"].sum().unstack()
registrerte = aar_brukere.groupby("aar")[["arbeidssokere", "nedsatt_arbeidsevne"]].sum()
rows = []
for aar in nasjonalt.index:
    rows += [
        {"panel": "Antall tiltaksdeltakere", "aar": aar, "gruppe": "I alt",
         "antall": nasjonalt.loc[aar].sum()},
        {"panel": "Antall tiltaksdeltakere", "aar": aar, "gruppe": BG["arbeidssoker"],
         "antall": nasjonalt.loc[aar, "arbeidssoker"]},
        {"panel": "Antall tiltaksdeltakere", "aar": aar, "gruppe": BG["nedsatt"],
         "antall": nasjonalt.loc[aar, "nedsatt"]},
        {"panel": "Antall registrerte brukere", "aar": aar, "gruppe": BG["arbeidssoker"],
         "antall": registrerte.loc[aar, "arbeidssokere"]},
        {"panel": "Antall registrerte brukere", "aar": aar, "gruppe": BG["nedsatt"],
         "antall": registrerte.loc[aar, "nedsatt_arbeidsevne"]},
    ]
fig51 = pd.DataFrame(rows)
fig = series_grid(fig51, x="aar", y="antall", series="gruppe", facet="panel", ncols=2,
                  series_order=["I alt", *BG.values()], x_label="årene 2010–2022")
_ = publish("deltakere-nasjonalt", fig,
                   caption="Antall tiltaksdeltakere (venstre) og registrerte brukere (høyre)",
                   notes="Venstre: tiltaksdeltakere i alt, blant registrerte arbeidssøkere og "
                         "blant registrerte med nedsatt arbeidsevne. Høyre: antall registrerte "
                         "arbeidssøkere og registrerte med nedsatt arbeidsevne. "
                         "Årsgjennomsnitt av månedlige beholdninger.",
                   data=fig51, source=KILDE)
total = nasjonalt.sum(axis=1)
andel_nedsatt = nasjonalt["nedsatt"] / total
fact("register.deltakere_min", round(total.min(), -2), kind="int")
fact("register.deltakere_maks", round(total.max(), -2), kind="int")
fact("register.deltakere_2021", total.loc[2021], kind="int")
fact("register.andel_nedsatt_min", andel_nedsatt.min(), kind="pct")
fact("register.andel_nedsatt_maks", andel_nedsatt.max(), kind="pct")
forhold = registrerte["nedsatt_arbeidsevne"] / registrerte["arbeidssokere"]
normal = forhold.drop([2020, 2021])
fact("register.forhold_min", normal.min(), kind="decimal", decimals=1)
fact("register.forhold_maks", normal.max(), kind="decimal", decimals=1)
fact("register.forhold_2020", forhold.loc[2020], kind="decimal", decimals=1)
fact("register.paa_tiltak_nedsatt_2022",
     nasjonalt.loc[2022, "nedsatt"] / registrerte.loc[2022, "nedsatt_arbeidsevne"], kind="pct")
fact("register.paa_tiltak_arbeidssokere_2022",
     nasjonalt.loc[2022, "arbeidssoker"] / registrerte.loc[2022, "arbeidssokere"], kind="pct")
fig51.pivot_table(index="aar", columns=["panel", "gruppe"], values="antall").round()

# %% [markdown]
# ## Figur 5-2: deltakere etter tiltaksgruppe

# %%
I_REGI = ["Oppfølging", "AMO", "AFT", "Utvidet oppfølging i NAV", "IPS", "Jobbklubb",
          "Arbeidsrettet rehabilitering", "Annet"]
ORDINAERE = ["Midlertidig lønnstilskudd", "Varig lønnstilskudd", "Arbeidstrening", "Utdanning",
             "Tilrettelegging/tiltak i bedrift"]
gruppe_aar = aar_tiltak.groupby(["aar", "tiltaksgruppe"])["deltakere"].sum().unstack()
fig52 = (gruppe_aar.stack().rename("antall").reset_index()
         .assign(panel=lambda d: d["tiltaksgruppe"].map(
             lambda g: "I regi av NAV eller NAVs leverandører" if g in I_REGI
             else "I ordinære virksomheter og andre sektorer")))
fig = series_grid(fig52, x="aar", y="antall", series="tiltaksgruppe", facet="panel", ncols=1,
                  series_order=I_REGI + ORDINAERE, x_label="årene 2010–2022", panel_cm=6.5)
_ = publish("deltakere-grupper", fig,
                   caption="Antall deltakere på tiltak, etter tiltaksgruppe og kalenderår",
                   notes="Tiltaksdeltakere som er registrert arbeidssøker eller registrert med "
                         "nedsatt arbeidsevne. Årsgjennomsnitt. For lesbarhet er figuren delt "
                         "i to.", data=fig52, source=KILDE)
g = gruppe_aar
fact("register.oppfolging_fall", g.loc[2017, "Oppfølging"] - g.loc[2022, "Oppfølging"],
     kind="int", text=fmt.integer(round(g.loc[2017, "Oppfølging"] - g.loc[2022, "Oppfølging"],
                                         -2)))
fact("register.utvidet_okning", g.loc[2022, "Utvidet oppfølging i NAV"]
     - g.loc[2017, "Utvidet oppfølging i NAV"],
     text=fmt.integer(round(g.loc[2022, "Utvidet oppfølging i NAV"]
                            - g.loc[2017, "Utvidet oppfølging i NAV"], -2)))
fact("register.arbeidstrening_fall", 1 - g.loc[2022, "Arbeidstrening"] / g.loc[2016,
                                                                              "Arbeidstrening"],
     kind="pct")
fact("register.lonnstilskudd_faktor", g.loc[2022, "Midlertidig lønnstilskudd"]
     / g.loc[2014, "Midlertidig lønnstilskudd"], kind="decimal", decimals=1)
fact("register.utdanning_fall", 1 - g.loc[2022, "Utdanning"] / g.loc[2010, "Utdanning"],
     kind="pct")
fact("register.utvidet_start", int(g["Utvidet oppfølging i NAV"].gt(0).idxmax()),
     text=str(g["Utvidet oppfølging i NAV"].gt(0).idxmax()))
fact("register.ips_start", int(g["IPS"].gt(0).idxmax()), text=str(g["IPS"].gt(0).idxmax()))
g.round()

# %% [markdown]
# ## Figur 5-3 og 5-4: fylkene

# %%
fylke_aar = aar_tiltak.groupby(["aar", "fylke"])["deltakere"].sum().rename("antall").reset_index()
fylke_aar = fylke_aar.merge(aar_brukere, on=["aar", "fylke"])
fylke_aar["andel"] = fylke_aar["antall"] / fylke_aar["arbeidsstyrke"]
fig53 = pd.concat([
    fylke_aar.assign(panel="Antall tiltaksdeltakere", verdi=fylke_aar["antall"]),
    fylke_aar.assign(panel="Andel av arbeidsstyrken", verdi=fylke_aar["andel"])])[
    ["panel", "aar", "fylke", "verdi"]]
fig = series_grid(fig53, x="aar", y="verdi", series="fylke", facet="panel", ncols=2,
                  highlight=["Viken", "Oslo", "Agder"], x_label="årene 2010–2022",
                  facet_kinds={"Andel av arbeidsstyrken": ("pct", 1)})
_ = publish("fylker", fig,
                   caption="Antall tiltaksdeltakere per fylke, absolutt antall (til venstre) og "
                           "som andel av fylkets arbeidsstyrke (høyre)",
                   notes="Registrerte arbeidssøkere og registrerte med nedsatt arbeidsevne på "
                         "tiltak per fylke. Årsgjennomsnitt.", data=fig53, source=KILDE)
siste = fylke_aar[fylke_aar["aar"] == 2022].set_index("fylke")
fact("fylke.lavest_andel", siste["andel"].idxmin(), text=siste["andel"].idxmin())
fact("fylke.hoyest_andel", siste["andel"].idxmax(), text=siste["andel"].idxmax())
fact("fylke.andel_min_2022", siste["andel"].min(), kind="pct", decimals=1)
fact("fylke.andel_maks_2022", siste["andel"].max(), kind="pct", decimals=1)
fact("fylke.flest", siste["antall"].idxmax(), text=siste["antall"].idxmax())
ned = (aar_tiltak[(aar_tiltak["aar"] == 2022) & (aar_tiltak["brukergruppe"] == "nedsatt")]
       .groupby("fylke")["deltakere"].sum() / siste["nedsatt_arbeidsevne"])
fact("fylke.nedsatt_lavest", ned.idxmin(), text=ned.idxmin())
fact("fylke.nedsatt_hoyest", ned.idxmax(), text=ned.idxmax())
fact("fylke.nedsatt_min", ned.min(), kind="pct")
fact("fylke.nedsatt_maks", ned.max(), kind="pct")
siste[["antall", "andel"]].assign(nedsatt_paa_tiltak=ned)

# %%
UTVALGTE = ["AMO", "AFT", "Arbeidstrening", "Midlertidig lønnstilskudd", "Utdanning",
            "Oppfølging", "Utvidet oppfølging i NAV", "IPS"]
per_gruppe = (aar_tiltak.groupby(["aar", "fylke", "tiltaksgruppe"])["deltakere"].sum()
              .rename("antall").reset_index().merge(aar_brukere, on=["aar", "fylke"]))
per_gruppe["promille"] = per_gruppe["antall"] / per_gruppe["arbeidsstyrke"] * 1000
fig54 = per_gruppe[per_gruppe["tiltaksgruppe"].isin(UTVALGTE)][
    ["tiltaksgruppe", "aar", "fylke", "promille"]]
fig = series_grid(fig54, x="aar", y="promille", series="fylke", facet="tiltaksgruppe",
                  facets=UTVALGTE, ncols=2, kind="permille", decimals=1, panel_cm=4.2,
                  highlight=["Oslo", "Agder", "Møre og Romsdal", "Vestfold og Telemark"],
                  x_label="årene 2010–2022", y_label="Promille")
_ = publish("fylker-grupper", fig,
                   caption="Tiltaksdeltakere etter tiltaksgruppe, som andel av arbeidsstyrken "
                           "(merk at skala på y-aksen varierer mellom figurene)",
                   notes="Deltakere i hver tiltaksgruppe, blant registrerte arbeidssøkere og "
                         "registrerte med nedsatt arbeidsevne, i promille av arbeidsstyrken. "
                         "Årsgjennomsnitt.",
                   data=fig54, source=KILDE + ". Beregninger og illustrasjon av Oslo Economics")
p22 = per_gruppe[per_gruppe["aar"] == 2022].pivot(index="fylke", columns="tiltaksgruppe",
                                                   values="promille")
ned22 = (aar_tiltak[(aar_tiltak["aar"] == 2022) & (aar_tiltak["brukergruppe"] == "nedsatt")]
         .pivot_table(index="fylke", columns="tiltaksgruppe", values="deltakere", aggfunc="sum")
         .div(siste["nedsatt_arbeidsevne"], axis=0))
amo = p22["AMO"]
fact("fylke.amo_oslo", amo.loc["Oslo"], kind="decimal", decimals=1)
fact("fylke.amo_ovrige_min", amo.drop("Oslo").min(), kind="decimal", decimals=1)
fact("fylke.amo_ovrige_maks", amo.drop("Oslo").max(), kind="decimal", decimals=1)
fact("fylke.amo_ovrige_lavest", amo.drop("Oslo").idxmin(), text=amo.drop("Oslo").idxmin())
fact("fylke.amo_ovrige_hoyest", amo.drop("Oslo").idxmax(), text=amo.drop("Oslo").idxmax())
aft = p22["AFT"]
fact("fylke.aft_hoyest", aft.idxmax(), text=aft.idxmax())
fact("fylke.aft_lavest", aft.idxmin(), text=aft.idxmin())
fact("fylke.aft_forhold", aft.max() / aft.min(), kind="decimal", decimals=0)
fact("fylke.aft_nedsatt_hoyest", ned22.loc[aft.idxmax(), "AFT"], kind="pct", decimals=1)
fact("fylke.aft_nedsatt_lavest", ned22.loc[aft.idxmin(), "AFT"], kind="pct", decimals=1)
lt = p22["Midlertidig lønnstilskudd"]
fact("fylke.lt_hoyest", lt.idxmax(), text=lt.idxmax())
fact("fylke.lt_lavest", lt.idxmin(), text=lt.idxmin())
fact("fylke.lt_maks", lt.max(), kind="decimal", decimals=1)
fact("fylke.lt_min", lt.min(), kind="decimal", decimals=1)
ltn = ned22["Midlertidig lønnstilskudd"]
fact("fylke.lt_nedsatt_maks", ltn.max(), kind="pct", decimals=1)
fact("fylke.lt_nedsatt_min", ltn.min(), kind="pct", decimals=1)
ovrige = ltn.drop([ltn.idxmax(), ltn.idxmin()])
fact("fylke.lt_nedsatt_ovrige_min", ovrige.min(), kind="pct", decimals=1)
fact("fylke.lt_nedsatt_ovrige_maks", ovrige.max(), kind="pct", decimals=1)
utd = p22["Utdanning"]
fact("fylke.utdanning_min_2022", utd.min(), kind="decimal", decimals=1)
fact("fylke.utdanning_maks_2022", utd.max(), kind="decimal", decimals=1)
fact("fylke.utdanning_hoyest_2022", utd.idxmax(), text=utd.idxmax())
p10 = per_gruppe[per_gruppe["aar"] == 2010].pivot(index="fylke", columns="tiltaksgruppe",
                                                   values="promille")["Utdanning"]
fact("fylke.utdanning_hoyest_2010", p10.idxmax(), text=p10.idxmax())
fact("fylke.utdanning_lavest_2010", p10.idxmin(), text=p10.idxmin())
fact("fylke.utdanning_maks_2010", p10.max(), kind="decimal", decimals=1)
fact("fylke.utdanning_min_2010", p10.min(), kind="decimal", decimals=1)
opp = p22["Oppfølging"]
fact("fylke.oppfolging_hoyest", opp.idxmax(), text=opp.idxmax())
fact("fylke.oppfolging_maks", opp.max(), kind="decimal", decimals=1)
fact("fylke.oppfolging_lavest", opp.idxmin(), text=opp.idxmin())
fact("fylke.oppfolging_min", opp.min(), kind="decimal", decimals=1)
ips = ned22["IPS"]
fact("fylke.ips_hoyest", ips.idxmax(), text=ips.idxmax())
fact("fylke.ips_lavest", ips.idxmin(), text=ips.idxmin())
fact("fylke.ips_maks", ips.max(), kind="pct", decimals=1)
fact("fylke.ips_min", ips.min(), kind="pct", decimals=1)
p22[UTVALGTE].round(2)

# %% [markdown]
# ## Tabell 5-1 … 5-7: tiltaksgrupper etter kjennetegn (2021)

# %%
TABELLER = {
    "innvandring-arbeidssokere": ("arbeidssoker", "alder_landgruppe",
                                  "Deltakerandeler i tiltak etter innvandringsbakgrunn og alder "
                                  "(registrerte arbeidssøkere på tiltak, 2021)"),
    "innvandring-nedsatt": ("nedsatt", "alder_landgruppe",
                            "Deltakerandeler i tiltak etter innvandringsbakgrunn og alder "
                            "(nedsatt arbeidsevne på tiltak, 2021)"),
    "ytelse-arbeidssokere": ("arbeidssoker", "ytelse",
                             "Deltakerandeler i tiltak etter ytelsesmottak (registrerte "
                             "arbeidssøkere på tiltak, 2021)"),
    "ytelse-nedsatt": ("nedsatt", "ytelse", "Deltakerandeler i tiltak etter ytelsesmottak "
                       "(nedsatt arbeidsevne på tiltak, 2021)"),
    "utdanning-arbeidssokere": ("arbeidssoker", "utdanning",
                                "Andeler av registrerte arbeidssøkere på tiltak etter deres "
                                "utdanningsnivå (2021)"),
    "utdanning-nedsatt": ("nedsatt", "utdanning", "Andeler av registrerte med nedsatt "
                          "arbeidsevne på tiltak etter deres utdanningsnivå (2021)"),
    "ledighet": ("arbeidssoker", "ledighet", "Andeler av registrerte arbeidssøkere på tiltak "
                 "etter lengde på arbeidsledighet, for ulike tiltak (2021)"),
}
KATEGORIER = {
    "alder_landgruppe": ["Landgruppe 1–2, 30 år eller eldre", "Landgruppe 1–2, under 30 år",
                         "Landgruppe 3–4, 30 år eller eldre", "Landgruppe 3–4, under 30 år"],
    "ytelse": ["AAP", "Dagpenger", "Sykepenger", "Sosialhjelp", "Tiltakspenger", "Uføretrygd",
               "Ingen"],
    "utdanning": ["Ikke fullført VGS", "Fullført VGS", "Høyere utdanning", "Ukjent"],
    "ledighet": ["0–25 uker", "26–51 uker", "52–103 uker", "104 uker og lenger"],
}
GRUPPER = {"alder_landgruppe": [
    ("Ikke innvandrer, landgruppe 1 og 2", ["Landgruppe 1–2, 30 år eller eldre",
                                            "Landgruppe 1–2, under 30 år"]),
    ("Landgruppe 3 og 4", ["Landgruppe 3–4, 30 år eller eldre", "Landgruppe 3–4, under 30 år"])]}
ETIKETTER = {k: k.split(", ")[-1].replace("30 år", "30 år").capitalize()
             for k in KATEGORIER["alder_landgruppe"]}
LANDGRUPPER = ("Landgruppe 1: vesteuropeiske land som var medlem av EU før 2004, EØS og EFTA, "
               "Canada, USA, Australia og New Zealand. Landgruppe 2: Estland, Latvia, Litauen, "
               "Polen, Tsjekkia, Slovakia, Ungarn, Slovenia, Kroatia, Bulgaria og Romania. "
               "Landgruppe 3: resten av verden. Landgruppe 4: ikke-bosatte innvandrere.")
YTELSER = ("Den som mottar flere ytelser, står under én, i denne rekkefølgen: sosialhjelp, "
           "uføretrygd, sykepenger, arbeidsrettede ytelser (AAP, dagpenger, tiltakspenger).")
ROBUST = ("\\* Andelens rangering mot de andre utdanningsgruppene i raden endres ikke om alle "
          "med ukjent utdanning hører til denne gruppen, enten ingen eller alle av dem i "
          "tiltaksgruppen (se vedlegg A).")


def bredder(kategorier) -> dict | None:
    """Fixed column widths for a table of many one-word headers («Dagpenger», «Sykepenger»):
    sized by their text, Typst sets such headers edge to edge. None for a few columns."""
    if len(kategorier) < 6:
        return None
    return {"tiltaksgruppe": 26, **{k: max(len(k), 8) + 6 for k in kategorier}}


def kjennetegn_tabell(tbl_id, brukergruppe, kjennetegn_navn, caption):
    sub = aar_kjennetegn[(aar_kjennetegn["aar"] == 2021)
                         & (aar_kjennetegn["brukergruppe"] == brukergruppe)
                         & (aar_kjennetegn["kjennetegn"] == kjennetegn_navn)]
    kategorier = KATEGORIER[kjennetegn_navn]
    antall = crosstab(sub, rows="tiltaksgruppe", columns="kategori", value="deltakere",
                      column_order=kategorier).round().astype(int)
    rekker = sorted([r for r in antall.index if r != "Annet"]) + \
        (["Annet"] if "Annet" in antall.index else [])
    antall = antall.loc[rekker]
    vernet = stats.protect_shares(antall, rule=REGEL)
    skjult = vernet.share_mask
    flagg = (rank_robust(antall, unknown="Ukjent") & ~skjult
             if kjennetegn_navn == "utdanning" else None)
    tekst = vernet.shares.apply(lambda col: col.map(lambda v: fmt.pct(v)))
    rader = tekst.reset_index()
    n = antall.sum()
    rader.loc[len(rader)] = ["Antall i gruppen", *[fmt.integer(v) for v in n]]
    rader.index = list(antall.index) + ["Antall i gruppen"]
    tabell = build_table(rader, stub="tiltaksgruppe", columns=kategorier,
                         formats={c: "text" for c in kategorier},
                         labels=ETIKETTER if kjennetegn_navn in GRUPPER else None,
                         stub_label="Tiltaksgruppe", groups=GRUPPER.get(kjennetegn_navn, ()),
                         suppressed=skjult, rule=REGEL, flags=flagg, bold=["Antall i gruppen"],
                         widths=bredder(kategorier) if kjennetegn_navn not in GRUPPER else None)
    lang = (vernet.shares.where(~skjult).stack(future_stack=True).rename("andel").reset_index()
            .merge(n.rename("n").rename_axis("kategori").reset_index(), on="kategori"))
    if flagg is not None:
        lang = lang.merge(flagg.rename_axis(index="tiltaksgruppe", columns="kategori").stack()
                          .rename("rangering_robust").reset_index(),
                          on=["tiltaksgruppe", "kategori"])
    forste = vernet.shares.iloc[0]
    hvem = ("registrerte arbeidssøkere på tiltak" if brukergruppe == "arbeidssoker"
            else "registrerte med nedsatt arbeidsevne på tiltak")
    notes = [f"Andel av {hvem} i kolonnens gruppe som deltok i hver tiltaksgruppe; for "
             f"eksempel deltok {fmt.pct_prose(forste.iloc[0])} i gruppen «{kategorier[0]}» i "
             f"{rekker[0]}. Nederste rad er antall i gruppen, nevneren i andelene. "
             "Årsgjennomsnitt for 2021 av beholdningene ved utgangen av hver måned."]
    if kjennetegn_navn == "alder_landgruppe":
        notes.append(LANDGRUPPER)
    if kjennetegn_navn == "ytelse":
        notes.append(YTELSER)
    if kjennetegn_navn == "ledighet":
        ukjent = sub[sub["kategori"] == "Ukjent"]["deltakere"].sum()
        notes.append(f"{fmt.integer(round(ukjent))} arbeidssøkere på tiltak uten registrert "
                     "ledighetsvarighet er ikke med. De som nylig ble ledige, registrerer seg "
                     "ofte hos NAV etter en tid; de registrerte korttidsledige kan derfor være "
                     "mer selektert enn de langtidsledige.")
    if flagg is not None:
        notes.append(ROBUST)
    publish_table(tbl_id, tabell, caption=caption, data=lang, notes=" ".join(notes),
                  source=KILDE)
    return antall, vernet, flagg


resultater = {}
for tbl_id, (bg, kj, caption) in TABELLER.items():
    resultater[tbl_id] = kjennetegn_tabell(tbl_id, bg, kj, caption)
{k: int(v[1].protected_shares.n_suppressed) for k, v in resultater.items()}

# %%
def andel(tbl_id, rad, kolonne):
    return resultater[tbl_id][1].shares.loc[rad, kolonne]


N = {k: v[0].sum() for k, v in resultater.items()}
fact("grupper.n_arbeidssokere", N["innvandring-arbeidssokere"].sum(), kind="int")
fact("grupper.n_nedsatt", N["innvandring-nedsatt"].sum(), kind="int")
fact("grupper.n_ledighet", N["ledighet"].sum(), kind="int")
K = KATEGORIER
fact("grupper.amo_lg34_30", andel("innvandring-arbeidssokere", "AMO", K["alder_landgruppe"][2]),
     kind="pct")
fact("grupper.amo_lg12_30", andel("innvandring-arbeidssokere", "AMO", K["alder_landgruppe"][0]),
     kind="pct")
fact("grupper.arbeidstrening_unge",
     andel("innvandring-arbeidssokere", "Arbeidstrening", K["alder_landgruppe"][1]), kind="pct")
fact("grupper.oppfolging_lg12_30",
     andel("innvandring-arbeidssokere", "Oppfølging", K["alder_landgruppe"][0]), kind="pct")
fact("grupper.varig_lt_lg12_30",
     andel("innvandring-nedsatt", "Varig lønnstilskudd", K["alder_landgruppe"][0]), kind="pct")
fact("grupper.aft_unge", andel("innvandring-nedsatt", "AFT", K["alder_landgruppe"][1]),
     kind="pct")
fact("grupper.utdanning_unge",
     andel("innvandring-nedsatt", "Utdanning", K["alder_landgruppe"][1]), kind="pct")
fact("grupper.amo_lg34_30_nedsatt",
     andel("innvandring-nedsatt", "AMO", K["alder_landgruppe"][2]), kind="pct")
fact("grupper.lt_sykepenger",
     andel("ytelse-arbeidssokere", "Midlertidig lønnstilskudd", "Sykepenger"), kind="pct")
fact("grupper.lt_ingen", andel("ytelse-arbeidssokere", "Midlertidig lønnstilskudd", "Ingen"),
     kind="pct")
fact("grupper.oppfolging_aap", andel("ytelse-arbeidssokere", "Oppfølging", "AAP"), kind="pct")
fact("grupper.arbeidstrening_tiltakspenger",
     andel("ytelse-arbeidssokere", "Arbeidstrening", "Tiltakspenger"), kind="pct")
aft = [andel("ytelse-nedsatt", "AFT", y) for y in ("AAP", "Sosialhjelp", "Tiltakspenger")]
fact("grupper.aft_ytelser_min", min(aft), kind="pct_table", text=fmt.decimal(100 * min(aft), 0))
fact("grupper.aft_ytelser_maks", max(aft), kind="pct")
fact("grupper.varig_lt_ufore", andel("ytelse-nedsatt", "Varig lønnstilskudd", "Uføretrygd"),
     kind="pct")
fact("grupper.utdanning_aap", andel("ytelse-nedsatt", "Utdanning", "AAP"), kind="pct")
U = K["utdanning"]
for i, kat in enumerate(U[:3]):
    fact(f"grupper.jobbklubb_utd{i}", andel("utdanning-arbeidssokere", "Jobbklubb", kat),
         kind="pct")
    fact(f"grupper.oppfolging_utd{i}", andel("utdanning-arbeidssokere", "Oppfølging", kat),
         kind="pct")
    fact(f"grupper.utdanning_nedsatt_utd{i}", andel("utdanning-nedsatt", "Utdanning", kat),
         kind="pct")
    fact(f"grupper.aft_utd{i}", andel("utdanning-nedsatt", "AFT", kat), kind="pct")
    fact(f"grupper.oppfolging_nedsatt_utd{i}", andel("utdanning-nedsatt", "Oppfølging", kat),
         kind="pct")
L = K["ledighet"]
fact("grupper.jobbklubb_kort", andel("ledighet", "Jobbklubb", L[0]), kind="pct")
fact("grupper.jobbklubb_lang", andel("ledighet", "Jobbklubb", L[3]), kind="pct")
fact("grupper.oppfolging_kort", andel("ledighet", "Oppfølging", L[0]), kind="pct")
fact("grupper.oppfolging_lang", andel("ledighet", "Oppfølging", L[3]), kind="pct")
fact("grupper.utvidet_lang", andel("ledighet", "Utvidet oppfølging i NAV", L[3]), kind="pct")

# %% [markdown]
# ## Figur 5-5: utdanning blant deltakere med nedsatt arbeidsevne

# %%
ned_kj = aar_kjennetegn[aar_kjennetegn["brukergruppe"] == "nedsatt"].copy()
ned_kj["panel"] = ned_kj["kjennetegn"].map({
    "alder_landgruppe": "Alder", "utdanning": "Utdanningsnivå", "ytelse": "Ytelse"})
alder = ned_kj[ned_kj["kjennetegn"] == "alder_landgruppe"]
innv = alder.assign(panel="Innvandringsbakgrunn",
                    kategori=alder["kategori"].str.split(", ").str[0])
alder = alder.assign(kategori=alder["kategori"].str.split(", ").str[1])
komp = pd.concat([alder, innv, ned_kj[ned_kj["kjennetegn"].isin(["utdanning", "ytelse"])]])
tot = komp.groupby(["panel", "aar", "kategori"])["deltakere"].sum()
utd = komp[komp["tiltaksgruppe"] == "Utdanning"].groupby(["panel", "aar", "kategori"])[
    "deltakere"].sum()
fig55 = (utd / tot).rename("andel").reset_index()
fig55 = fig55[fig55["kategori"] != "Ukjent"]
fig = series_grid(fig55, x="aar", y="andel", series="kategori", facet="panel",
                  facets=["Alder", "Utdanningsnivå", "Innvandringsbakgrunn", "Ytelse"], ncols=2,
                  kind="pct", x_label="årene 2010–2021", panel_cm=5.0)
_ = publish("utdanning-nedsatt", fig,
                   caption="Andel i utdanning som opplæringstiltak blant deltakere med nedsatt "
                           "arbeidsevne, etter alder, utdanningsnivå, innvandringsbakgrunn og "
                           "ytelse",
                   notes="Andelen av tiltaksdeltakerne med nedsatt arbeidsevne i hver gruppe "
                         "som deltar i utdanning. Årsgjennomsnitt. " + LANDGRUPPER,
                   data=fig55, source=KILDE)
f55 = fig55.set_index(["panel", "kategori", "aar"])["andel"]
for key, (panel_, kat) in {"over30": ("Alder", "30 år eller eldre"),
                           "under30": ("Alder", "under 30 år"),
                           "uten_vgs": ("Utdanningsnivå", "Ikke fullført VGS"),
                           "vgs": ("Utdanningsnivå", "Fullført VGS"),
                           "hoyere": ("Utdanningsnivå", "Høyere utdanning")}.items():
    fact(f"utdanning.{key}_2010", f55.loc[(panel_, kat, 2010)], kind="pct")
    fact(f"utdanning.{key}_2021", f55.loc[(panel_, kat, 2021)], kind="pct")
    fact(f"utdanning.{key}_fall", 1 - f55.loc[(panel_, kat, 2021)] / f55.loc[(panel_, kat, 2010)],
         kind="pct")
fig55.pivot_table(index="aar", columns=["panel", "kategori"], values="andel").round(3)

# %% [markdown]
# ## Tabell 5-8 og Figur 5-6: kontorstørrelse (2022)

# %%
kontor_aar = annual_means(kontor_brukere, value="registrerte_brukere",
                          by=["kontor", "kontorgruppe"])
GRUPPER_KONTOR = ["Små", "Ganske små", "Medium", "Ganske store", "Store", "Veldig store"]
BAND = dict(zip(GRUPPER_KONTOR, ["0–20 %", "20–40 %", "40–60 %", "60–80 %", "80–90 %",
                                 "90–100 %"]))
t58 = (kontor_aar.groupby("kontorgruppe")["registrerte_brukere"]
       .agg(snitt="mean", enheter="size", sum="sum").reindex(GRUPPER_KONTOR))
t58["andel"] = t58["sum"] / t58["sum"].sum()
rader58 = t58.reset_index().assign(gruppe=lambda d: d["kontorgruppe"].map(
    lambda g: f"{BAND[g]} {g}"))
tabell = build_table(rader58, stub="gruppe", columns=["snitt", "enheter", "andel"],
                     formats={"snitt": "int", "enheter": "int", "andel": "pct"},
                     labels={"snitt": "Gjennomsnittlig antall brukere ved NAV-enheter i "
                                      "gruppen",
                             "enheter": "Antall NAV-enheter i gruppen",
                             "andel": "Gruppens andel av NAVs brukere"},
                     stub_label="Gruppe")
publish_table("kontorstorrelse", tabell,
              caption="Gruppering av NAV-kontor etter antall registrerte brukere",
              data=rader58[["kontorgruppe", "snitt", "enheter", "sum", "andel"]],
              notes=["Brukere er registrerte arbeidssøkere og registrerte med nedsatt "
                     "arbeidsevne, årsgjennomsnitt for 2022 av beholdningene ved utgangen av "
                     "hver måned. Gruppene er NAVs inndeling etter persentiler av antall "
                     "brukere."], source=KILDE)
fact("kontor.enheter", int(t58["enheter"].sum()))
fact("kontor.brukere_sum", int(t58["sum"].sum()),
     text=fmt.integer(round(int(t58["sum"].sum()), -2)))
fact("kontor.brukere", t58["sum"].sum(), kind="int")
fact("kontor.store_andel", t58.loc[["Store", "Veldig store"], "andel"].sum(), kind="pct")

# %%
kt = annual_means(kontor_tiltak.merge(kontor_brukere[["maaned", "kontor", "kontorgruppe"]],
                                      on=["maaned", "kontor"]),
                  value="deltakere", by=["kontorgruppe", "brukergruppe", "tiltaksgruppe"])
kt["andel"] = kt["deltakere"] / kt.groupby(["kontorgruppe", "brukergruppe"])[
    "deltakere"].transform("sum")
kt = kt[kt["deltakere"] > 0]
kt["panel"] = kt["brukergruppe"].map(BG)
fig = stacked_shares(kt, group="kontorgruppe", part="tiltaksgruppe", value="andel",
                     panel="panel", panels=list(BG.values()), groups=GRUPPER_KONTOR)
_ = publish("kontor-tiltak", fig,
                   caption="Tiltaksbruk og kontorstørrelse, arbeidssøkere (øverst) og personer "
                           "med nedsatt arbeidsevne (nederst)",
                   notes="Fordelingen av tiltaksdeltakerne på tiltaksgrupper i hver "
                         "kontorgruppe i 2022, årsgjennomsnitt. Tallene er andeler av alle "
                         "tiltaksdeltakere i brukergruppen ved kontorene i gruppen.",
                   data=kt[["panel", "kontorgruppe", "tiltaksgruppe", "deltakere", "andel"]],
                   source=KILDE)
ks = kt.set_index(["brukergruppe", "kontorgruppe", "tiltaksgruppe"])["andel"]
fact("kontor.aft_sma", ks.loc[("nedsatt", "Små", "AFT")], kind="pct")
fact("kontor.aft_veldig_store", ks.loc[("nedsatt", "Veldig store", "AFT")], kind="pct")
fact("kontor.lt_amo_sma", ks.loc[("arbeidssoker", "Små", "Midlertidig lønnstilskudd")]
     + ks.loc[("arbeidssoker", "Små", "AMO")], kind="pct")
fact("kontor.lt_amo_veldig_store",
     ks.loc[("arbeidssoker", "Veldig store", "Midlertidig lønnstilskudd")]
     + ks.loc[("arbeidssoker", "Veldig store", "AMO")], kind="pct")
t58

# %% [markdown]
# ## Figur 5-7 og 5-10: ledigheten i Rogaland

# %%
styrke = aar_brukere[["aar", "fylke", "arbeidsstyrke"]]
mnd = panel.assign(fylke=panel["fylke"].astype(str),
                   aar=panel["maaned"].str.slice(0, 4).astype(int),
                   dato=pd.to_datetime(panel["maaned"] + "-01")).merge(styrke, on=["aar", "fylke"])
mnd["ledighetsrate"] = mnd["helt_ledige"] / mnd["arbeidsstyrke"]
mnd["tiltaksandel"] = mnd["paa_tiltak"] / mnd["arbeidsstyrke"]
fig57 = mnd.assign(periode=mnd["aar"].map(lambda a: "2010–2019" if a <= 2019 else "2020–2022"))[
    ["periode", "dato", "fylke", "ledighetsrate"]]
fig = series_grid(fig57, x="dato", y="ledighetsrate", series="fylke", facet="periode", ncols=2,
                  highlight=["Rogaland", "Agder"], kind="pct", decimals=1,
                  x_label="månedene 2010–2022")
_ = publish("ledighet-fylker", fig,
                   caption="Arbeidsledighetsraten i Rogaland, Agder og øvrige fylker 2010–2019 "
                           "(venstre) og 2020–2022 (høyre). NB: ulik skala på y-aksen",
                   notes="Registrerte helt ledige som andel av arbeidsstyrken, månedlig.",
                   data=fig57, source=KILDE)
for_2020 = mnd[mnd["aar"] <= 2019]
diff = pd.concat([
    difference_series(for_2020, unit="fylke", focus="Rogaland", value=v, time="dato",
                      exclude=["Agder"]).rename(columns={v: "differanse"}).assign(serie=label)
    for v, label in (("ledighetsrate", "Ledighetsrate"),
                     ("tiltaksandel", "Arbeidssøkere på tiltak, andel av arbeidsstyrken"))])
fig = series_grid(diff, x="dato", y="differanse", series="serie", kind="pp", decimals=1,
                  zero_line=True, x_label="månedene 2010–2019", y_label="Prosentpoeng")
_ = publish("rogaland", fig, caption="Case-studie av oljeprisfallet i Rogaland",
                   notes="Rogaland minus det uvektede gjennomsnittet av de andre fylkene "
                         "utenom Agder, i prosentpoeng av arbeidsstyrken.",
                   data=diff, source=KILDE)
d = diff.pivot(index="dato", columns="serie", values="differanse")
topp = d["Ledighetsrate"].idxmax()
fact("rogaland.topp", topp.date(), kind="month_year")
fact("rogaland.topp_pp", d["Ledighetsrate"].max(), kind="pp", decimals=1)
d.resample("YS").mean().round(4)
