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
# # Kapittel 6: kompetansetiltakene
#
# Type tiltak (Figur 6-1), fordelt på kjønn, alder og yrke (Figur 6-2 til 6-4) og tidspunkt og
# varighet (Figur 6-5, 6-6). Krysstabellene etter type går gjennom pakkens
# avsløringsregel: celler under terskelen oppgis ikke, og en type med skjulte celler tas ut av
# figuren («for lavt til å oppgis»).

# %%
import sys

sys.path.insert(0, "notebooks")

import pandas as pd  # noqa: E402
from _populasjon import (age_band, candidates, distribution, labels_of, members,  # noqa: E402
                         source)

from rapport.exhibits import (bar_chart, binned_columns, fact, fmt, verbal, group_columns,  # noqa: E402
                              publish_figure)
from rapport.stats.bins import bin_counts  # noqa: E402
from rapport.stats.disclosure import RULE, suppress_table  # noqa: E402

kand = candidates()
vedtak = members(kand, "vedtak")
typer = list(labels_of("registreringsskjema", "tiltakstype").values())

# %% [markdown]
# ## 6.1 Type kompetansetiltak

# %%
typed = vedtak[vedtak["tiltakstype"].notna()]
d = distribution(typed["tiltakstype"].astype("object"), typer)
_ = publish_figure("tiltakstype", bar_chart(d, sort=False),
               caption="Fordeling mellom type kompetansetiltak", source=source("vedtak"), data=d)
s = d.set_index("category")["share"]
fact("tiltak.n_type", len(typed))
fact("tiltak.n_uten_type", len(vedtak) - len(typed))
fact("tiltak.andel_amo", s["AMO"], kind="pct")
fact("tiltak.andel_amo_omlag", s["AMO"], text=verbal.pct_hedge(s["AMO"], "om lag", step=10))
fact("tiltak.andel_fag", s["Fag- og yrkesopplæring"], kind="pct")
amo = typed[typed["tiltakstype"].astype("object") == "AMO"]
forer = (amo["amo_kurs"].astype("object") == "Førerkort, yrkessjåfør eller maskinfører").mean()
fact("tiltak.amo_forerkort_ord", forer, kind="share_words")
fact("tiltak.andel_norsk", (typed["amo_kurs"].astype("object") == "Norskkurs").mean(), kind="pct")
fact("tiltak.andel_okonomi",
     (typed["amo_kurs"].astype("object") == "Økonomi, kontor eller regnskap").mean(), kind="pct")

# %% [markdown]
# ## Kjønn, alder og yrke etter type (med avsløringskontroll)

# %%
linked_typed = typed[typed["koblet"]].copy()
counts = pd.crosstab(linked_typed["tiltakstype"].astype("object"),
                     linked_typed["kjonn"].astype("object")).reindex(typer, fill_value=0)
# A type with a cell under the threshold is left out of the figures as a whole; what is shown
# must then pass the rule without any hidden cell.
protected = suppress_table(counts)
hidden = [t for t in typer if protected.primary.loc[t].any()]
shown = [t for t in typer if t not in hidden]
if suppress_table(counts.loc[shown]).mask.to_numpy().any():
    raise ValueError("the counts by measure type shown still need suppression")
basis = linked_typed[linked_typed["tiltakstype"].astype("object").isin(shown)]
n_hidden = int(linked_typed["tiltakstype"].astype("object").isin(hidden).sum())
n_unlinked = int((~typed["koblet"]).sum())
avvik = len(typed) - len(basis)
hidden_txt = hidden[0].lower() if len(hidden) == 1 else "noen typer"
merknad = (f"Merknad: Avvik på {fmt.integer(avvik)} kandidater fra Figur 6-1 fordi "
           f"{fmt.integer(n_unlinked)} ikke er koblet til NAVs registre (mangler samtaledato), og "
           f"fordi antall kandidater som har fått {hidden_txt} som tiltak, er for lavt til å "
           f"oppgis (færre enn {RULE.threshold} i en celle).")
fact("tiltak.n_etter_type", len(basis))
fact("tiltak.avvik_type", avvik)
fact("tiltak.n_skjult", n_hidden)
fact("tiltak.n_ukoblet_type", n_unlinked)
basis = basis.assign(type=basis["tiltakstype"].astype("object"))


def by_type(column: str, order) -> pd.DataFrame:
    parts = []
    for t in shown:
        parts.append(distribution(basis.loc[basis["type"] == t, column], order).assign(group=t))
    return pd.concat(parts, ignore_index=True)[["category", "group", "count", "share", "n"]]


d = by_type("kjonn", ["Kvinne", "Mann"])
d["category"] = d["category"].astype("object").map({"Kvinne": "Kvinner", "Mann": "Menn"})
_ = publish_figure("type-kjonn", group_columns(d, groups=shown), caption="Kjønnsfordeling",
               source=source("vedtak"), data=d, n=len(basis), footer=[merknad])
g = d.set_index(["group", "category"])["share"]
fact("tiltak.amo_menn", g[("AMO", "Menn")], text=verbal.pct_hedge(g[("AMO", "Menn")], "nesten", step=10))
fact("tiltak.fag_kvinner", g[("Fag- og yrkesopplæring", "Kvinner")], kind="pct")

bands = [f"{lo}–{lo + 4} år" for lo in range(20, 65, 5)]
basis = basis.assign(aldersgruppe=age_band(basis["alder"]))
d = by_type("aldersgruppe", bands)
_ = publish_figure("type-alder", group_columns(d, groups=shown, labels_on_bars=False),
               caption="Aldersfordeling", source=source("vedtak"), data=d, n=len(basis),
               footer=[merknad])
fag = basis[basis["type"] == "Fag- og yrkesopplæring"]
FAG_ALDER = (25, 34)
fag_25_34 = fag["alder"].between(*FAG_ALDER).mean()
fact("tiltak.fag_alder", f"{FAG_ALDER[0]}–{FAG_ALDER[1]}",
     text=f"mellom {FAG_ALDER[0]} og {FAG_ALDER[1]} år")
fact("tiltak.fag_25_34", fag_25_34, text=verbal.pct_hedge(fag_25_34, "om lag", step=10))

styrk = labels_of("arbeidsforhold", "yrke")
basis = basis.assign(yrke_l=basis["yrke"].astype("object").map(styrk))
d = by_type("yrke_l", list(styrk.values()))
_ = publish_figure("type-yrke", group_columns(d, groups=shown, labels_on_bars=False, label_width=12),
               caption="Yrkesfordeling", source=source("vedtak"), data=d, n=len(basis),
               footer=[merknad])
fag_salg = (fag["yrke"].astype("object") == "5").mean()
fact("tiltak.fag_salg_ord", fag_salg, kind="share_words")
# the four largest occupations on AMO courses, largest first, quoted as the figure labels them
# (the labels hold commas of their own)
amo_yrker = d[d["group"] == "AMO"].sort_values("count", ascending=False, kind="stable")
fact("tiltak.amo_storste_yrker", list(amo_yrker["category"].head(4)),
     text=fmt.join_list(f"«{c}»" for c in amo_yrker["category"].head(4)))

# %% [markdown]
# ## 6.2 Tidspunkt for oppstart og varighet

# %%
gyldig = members(kand, "gyldig")
fact("tiltak.n_gyldig", len(gyldig))
med_dato = gyldig[gyldig["samtaledato"].notna()]
uker = ((med_dato["planlagt_oppstart"] - med_dato["samtaledato"]).dt.days // 7)
WEEK_BINS = [(0, 1, "0–1 uke"), (2, 3, "2–3 uker"), (4, 6, "4–6 uker"), (7, 8, "7–8 uker"),
             (9, 12, "9–12 uker"), (13, None, "Over 12 uker")]
d = bin_counts(uker, WEEK_BINS)
_ = publish_figure("uker-til-oppstart", binned_columns(d, outside_label=None),
               caption="Andel kandidater fordelt på antall uker mellom kartleggingssamtale og "
                       "planlagt oppstart på kompetansetiltak", source=source("gyldig"), data=d)
fact("tiltak.n_uker_til_oppstart", len(med_dato))
fact("tiltak.start_3_uker", (uker <= 3).mean(), text=verbal.pct_hedge((uker <= 3).mean(), "om lag", step=10))
fact("tiltak.start_8_uker", (uker <= 8).mean(), text=verbal.pct_hedge((uker <= 8).mean(), "over", step=10))
fact("tiltak.start_etter_12", (uker > 12).mean(), kind="pct")

varighet_dager = (gyldig["planlagt_slutt"] - gyldig["planlagt_oppstart"]).dt.days
positiv = gyldig[varighet_dager > 0]
varighet = -(-(positiv["planlagt_slutt"] - positiv["planlagt_oppstart"]).dt.days // 7)
DUR_BINS = [(1, 8, "1–8 uker"), (9, 16, "9–16 uker"), (17, 24, "17–24 uker"),
            (25, 36, "25–36 uker"), (37, 48, "37–48 uker"), (49, None, "Over 48 uker")]
d = bin_counts(varighet, DUR_BINS)
_ = publish_figure("varighet", binned_columns(d, outside_label=None),
               caption="Andel kandidater etter planlagt varighet på kompetansetiltak",
               source=source("gyldig"), data=d,
               footer=[f"Merknad: {fmt.integer(len(gyldig) - len(positiv))} kandidater med samme "
                       "planlagte oppstarts- og sluttdato er ikke med."])
kort = (varighet <= 8).mean()
fact("tiltak.n_varighet", len(positiv))
fact("tiltak.varighet_8_uker", kort, text=verbal.pct_hedge(kort, "om lag", step=10))
fact("tiltak.varighet_8_uker_ord", kort, kind="share_words")
fact("tiltak.varighet_resten", f"{DUR_BINS[1][0]}–{DUR_BINS[-2][1]}",  # the bins after 1–8 weeks
     text=f"fra {DUR_BINS[1][0]} til {DUR_BINS[-2][1]} uker")
utover = (gyldig["utover_sykepengeperioden"].astype("object") == "Ja")
fact("tiltak.utover_sp_andel", utover.mean(), kind="pct")
fact("tiltak.utover_sp_n", int(utover.sum()))
FERDIG_FRIST = pd.Timestamp("2022-04-30")  # the form's last registrations
ferdig = (gyldig["planlagt_slutt"] <= FERDIG_FRIST).sum()
fact("tiltak.ferdig_frist", FERDIG_FRIST, kind="month_year")
fact("tiltak.n_ferdig_april_2022", int(ferdig))
