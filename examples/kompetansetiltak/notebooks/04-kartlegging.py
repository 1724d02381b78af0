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
# # Kapittel 4: identifisering, kartlegging og oppfølging av kandidater
#
# Hvordan kandidatene er identifisert (Figur 4-1), når samtalen ble holdt (Figur 4-2), hvem
# som holdt den (Figur 4-3), karriereveiledning (Figur 4-4) og kartlagte og vedtak per fylke
# (Figur 4-5).

# %%
import sys

sys.path.insert(0, "notebooks")

import pandas as pd  # noqa: E402
from _populasjon import candidates, distribution, labels_of, members, source  # noqa: E402

from rapport.exhibits import (bar_chart, binned_columns, fact, fmt, group_columns,  # noqa: E402
                              publish_figure)
from rapport.stats.bins import bin_counts  # noqa: E402

kand = candidates()
kartlagt = members(kand, "kartlagt")
koblet = members(kand, "koblet")
fylker = labels_of("registreringsskjema", "fylke")

# %% [markdown]
# ## 4.1 Identifisering av kandidater

# %%
order = list(labels_of("registreringsskjema", "identifisert_av").values())
d = distribution(kartlagt["identifisert_av"].astype("object"), order)
d["category"] = d["category"].replace({"NAV-veileder": "Fra NAV-veileder*"})
_ = publish_figure("identifisert", bar_chart(d, sort=True),
               caption="Andel kandidater som er identifisert som aktuelle for kompetansetiltak, "
                       "fordelt på ulike arenaer", source=source("kartlagt"), data=d,
               footer=["Note: *) Fra NAV-veileder omfatter prosjektgruppa og NAV-veileder med "
                       "ansvar for kompetansetiltak.",
                       "Spørsmål: Hvordan er bruker identifisert som relevant for "
                       "kompetansetiltak?"])
fact("kartlegging.andel_veileder", float(d.set_index("category").loc["Fra NAV-veileder*", "share"]),
     kind="pct")

# %% [markdown]
# ## 4.2 Antall kartlagte kandidater
#
# Kandidater registrert per måned i skjemaets periode (første til siste innsendingsmåned), og
# samtaler som ble holdt før skjemaet ble tatt i bruk og altså er registrert i etterkant.

# %%
reg_m = kartlagt["registrert"].dt.to_period("M")
n_maaneder = (reg_m.max() - reg_m.min()).n + 1
per_maaned = len(kartlagt) / n_maaneder
rundet = int(fmt.round_half_up(per_maaned / 10)) * 10
fact("kartlegging.per_maaned", per_maaned, text=f"om lag {fmt.integer(rundet)}")
for_skjema = kartlagt["samtaledato"].dt.to_period("M") < reg_m.min()
fact("kartlegging.n_samtale_for_skjema", int(for_skjema.sum()))

# %% [markdown]
# ## 4.2 Tidspunkt for første kartleggingssamtale
#
# Dager fra registrert arbeidsufør (start på sykepengeforløpet) til samtalen; «Utenfor» er
# kandidater som ikke var i et sykepengeforløp da samtalen ble holdt.

# %%
dager = (koblet["samtaledato"] - koblet["arbeidsufor_fra"]).dt.days
BINS = [(0, 30, "0–30 dager"), (31, 60, "31–60 dager"), (61, 90, "61–90 dager"),
        (91, 120, "91–120 dager"), (121, 180, "121–180 dager"), (181, 270, "181–270 dager"),
        (271, None, "Over 270 dager")]
d = bin_counts(dager, BINS, outside=koblet["arbeidsufor_fra"].isna())
mangler = kartlagt["samtaledato"].isna().mean()
_ = publish_figure("samtaletidspunkt", binned_columns(d),
               caption="Fordeling av kartlagte kandidater etter tidspunkt for gjennomført "
                       "samtale, målt som antall dager etter registrering som arbeidsufør",
               source=source("koblet"), data=d,
               footer=[f"Obs: {fmt.pct_prose(mangler)} av samtalene mangler samtaledato og "
                       "inngår ikke her. Kandidatene som er registrert som «Utenfor», var ikke "
                       "registrert i et sykepengeforløp da samtalen ble gjennomført."])
innen60 = float((dager <= 60).mean())
innen90 = float((dager <= 90).mean())
fact("kartlegging.innen_60_ord", innen60, kind="share_words")
fact("kartlegging.innen_90_ord", innen90, kind="share_words")
fact("kartlegging.andel_utenfor", float(koblet["arbeidsufor_fra"].isna().mean()), kind="pct")

# %% [markdown]
# ## Hvem gjennomfører kartleggingssamtalen

# %%
hvem = list(labels_of("registreringsskjema", "gjennomfort_av").values())
parts = []
for kode, navn in fylker.items():
    sub = kartlagt[kartlagt["fylke"] == kode]
    parts.append(distribution(sub["gjennomfort_av"].astype("object"), hvem).assign(group=navn))
d = pd.concat(parts, ignore_index=True).rename(columns={"category": "ansvarlig",
                                                          "group": "category"})
_ = publish_figure("gjennomfort-av", group_columns(d.rename(columns={"ansvarlig": "group",
                                                                 "category": "category"}),
                                               category="category", group="group",
                                               groups=hvem, labels_on_bars=False),
               caption="Fordeling av aktører som har gjennomført kartleggingssamtalen, etter fylke",
               source=source("kartlagt"), data=d, n=len(kartlagt),
               footer=["Spørsmål: Hvem i NAV gjennomførte samtalen med bruker?"])
alle = distribution(kartlagt["gjennomfort_av"].astype("object"), hvem).set_index("category")
fact("kartlegging.andel_prosjektgruppa", float(alle.loc["Prosjektgruppa", "share"]), kind="pct")
fact("kartlegging.andel_nav_veileder", float(alle.loc["NAV-veileder", "share"]), kind="pct")
tf = d[(d["category"] == fylker["tromsfinnmark"]) & (d["ansvarlig"] == "Prosjektgruppa")]
fact("kartlegging.tf_andel_prosjektgruppa", float(tf["share"].iloc[0]), kind="pct")
tf = d[(d["category"] == fylker["tromsfinnmark"]) & (d["ansvarlig"] == "NAV-veileder")]
fact("kartlegging.tf_andel_nav_veileder", float(tf["share"].iloc[0]), kind="pct")

# %% [markdown]
# ## 4.3 Oppfølging fra andre aktører: karriereveiledning

# %%
svart = kartlagt[kartlagt["karriereveiledning"].notna()]
ja = svart["karriereveiledning"].astype("object") == "Ja"
d = pd.DataFrame({
    "category": ["Med vedtak om tiltak", "Uten vedtak om tiltak"],
    "count": [int((ja & svart["vedtak"]).sum()), int((ja & ~svart["vedtak"]).sum())],
})
d["n"] = len(svart)
_ = publish_figure("karriereveiledning", bar_chart(d, value="count", kind="int", sort=False),
               caption="Antall kandidater som har mottatt karriereveiledning",
               source=source("kartlagt"), data=d,
               footer=["Spørsmål: Har bruker fått karriereveiledning fra andre aktører enn "
                       "NAV-kontoret?"])
fact("kartlegging.n_karriere_svart", len(svart))
fact("kartlegging.karriere_n", int(ja.sum()))
fact("kartlegging.karriere_andel", float(ja.sum() / len(kartlagt)), kind="pct")
ved = kartlagt[kartlagt["vedtak"]]
ved_ja = (ved["karriereveiledning"].astype("object") == "Ja")
fact("kartlegging.karriere_vedtak_n", int(ved_ja.sum()))
fact("kartlegging.karriere_vedtak_andel", float(ved_ja.mean()), kind="pct")
fact("kartlegging.karriere_uten_vedtak_n", int((ja & ~svart["vedtak"]).sum()))

# %% [markdown]
# ## 4.4 Kartlagte og vedtak per fylke

# %%
rows = []
for kode, navn in fylker.items():
    sub = kartlagt[kartlagt["fylke"] == kode]
    rows.append({"category": navn, "group": "Kartlagte", "count": len(sub)})
    rows.append({"category": navn, "group": "Får tiltak", "count": int(sub["vedtak"].sum())})
d = pd.DataFrame(rows)
_ = publish_figure("kartlagt-vedtak-fylke",
               group_columns(d, value="count", groups=["Kartlagte", "Får tiltak"], kind="int"),
               caption="Antall kartlagte kandidater i de ulike forsøksfylkene og antall kandidater "
                       "som får tiltak", source=source("kartlagt"), data=d, n=len(kartlagt))
for kode, navn in fylker.items():
    fact(f"kartlegging.vedtak_{kode}", int(kartlagt.loc[kartlagt["fylke"] == kode, "vedtak"].sum()))
    fact(f"kartlegging.kartlagt_{kode}", int((kartlagt["fylke"] == kode).sum()))
# the report counts as «vedtak» a planned start in the form or a measure in Arena (footnote 3);
# here the form's own answer decides, and this is how many of them have either
ved = kartlagt[kartlagt["vedtak"]]
fact("kartlegging.n_vedtak_med_oppstart",
     int((ved["planlagt_oppstart"].notna() | ved["startet"]).sum()))
andel = kartlagt["vedtak"].mean()
fact("kartlegging.andel_vedtak", float(andel), kind="pct")
fact("kartlegging.andel_vedtak_ord", float(andel), kind="share_words")

# %% [markdown]
# ## Tabell 4-1 og 4-2: andel vurdert som aktuelle i Agder, og tidspunkt for vurdering
#
# Andelene er heltall i prosent, som i rapporten; totalraden er regnet av summene (ikke summen
# av andelene).

# %%
from rapport.data import read_dataset  # noqa: E402
from rapport.exhibits import build_table, publish_table  # noqa: E402

agder = read_dataset("agder_ukeuttak")
AGDER_PERIODE = ("januar", "april 2022")  # the weeks the offices' extracts cover
fact("kartlegging.agder_periode", "–".join(AGDER_PERIODE), kind="text")
tot = pd.DataFrame({"kontor": ["Totalt"], "sykmeldte_10_uker": [agder["sykmeldte_10_uker"].sum()],
                    "vurdert_aktuelle": [agder["vurdert_aktuelle"].sum()]})
t41 = pd.concat([agder, tot], ignore_index=True)
t41["andel"] = t41["vurdert_aktuelle"] / t41["sykmeldte_10_uker"]
_ = publish_table(
    "agder-aktuelle",
    build_table(t41, stub="kontor", columns=["sykmeldte_10_uker", "vurdert_aktuelle", "andel"],
                formats={"sykmeldte_10_uker": "int", "vurdert_aktuelle": "int", "andel": "pct"},
                labels={"sykmeldte_10_uker": "Antall sykmeldte 10 uker",
                        "vurdert_aktuelle": "Vurdert som aktuelle",
                        "andel": "Andel vurdert som aktuelle"},
                stub_label="Kontor", bold=["Totalt"]),
    caption="Andel sykmeldte ved 10 uker vurdert som aktuelle for kompetansetiltak, fra de fire "
            "forsøkskontorene i Agder", data=t41,
    source="NAV. Sum av kontorenes ukentlige uttak fra NAVs ledelsesverktøy, perioden "
           f"{AGDER_PERIODE[0]} til {AGDER_PERIODE[1]}")
fact("kartlegging.agder_sykmeldte", int(tot["sykmeldte_10_uker"].iloc[0]))
fact("kartlegging.agder_andel", float(t41["andel"].iloc[-1]), kind="pct")
fact("kartlegging.agder_aktuelle", int(tot["vurdert_aktuelle"].iloc[0]))
kontorer = t41.iloc[:-1].sort_values("andel")
fact("kartlegging.agder_hoyest_kontor", kontorer["kontor"].iloc[-1], kind="text")
fact("kartlegging.agder_hoyest_andel", float(kontorer["andel"].iloc[-1]), kind="pct")
fact("kartlegging.agder_lavest_andel", float(kontorer["andel"].iloc[0]), kind="pct")

uker = read_dataset("identifisering_uker")
weeks = ["4", "5", "6", "8", "10", "12", "16", "Øvrige"]
unknown = sorted(set(uker["uke"]) - set(weeks))
if unknown:
    raise ValueError(f"identifisering_uker: ukjente uker {unknown}")
keys = list(dict.fromkeys(zip(uker["fylke"], uker["ansvarlig"].astype("object"))))
rows = []
for fylke, ansvarlig in keys:
    sel = uker[(uker["fylke"] == fylke) & (uker["ansvarlig"].astype("object") == ansvarlig)]
    rows.append({"rad": f"{fylke}: {ansvarlig}",
                 **{w: ("x" if w in set(sel["uke"]) else "") for w in weeks}})
t42 = pd.DataFrame(rows)
tabell = build_table(t42, stub="rad", columns=weeks, formats={w: "text" for w in weeks},
                     labels={"Øvrige": "Øvrige rutiner"}, stub_label="Fylke: ansvarlig",
                     groups=[("Tidspunkt for identifisering (uker etter sykmelding)", weeks[:-1])])
tabell.align = ["l"] + ["c"] * len(weeks)  # check marks centred under their week
_ = publish_table(
    "identifisering-uker", tabell,
    caption="Tidspunkt for vurdering av sykmeldte til kompetansetiltak, per forsøksfylke",
    data=uker,
    source="Intervjuer med prosjektgruppa og utvalgte veiledere i forsøksfylkene. Rutinene kan "
           "også variere mellom NAV-kontorer innad i fylkene.")
