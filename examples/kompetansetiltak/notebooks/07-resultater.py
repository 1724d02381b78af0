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
# # Kapittel 7: resultater for dem som har fått kompetansetiltak
#
# NAVs vurdering etter tiltaket fra skjemaets nivå 3 (Figur 7-1 til 7-3), oppstart per kvartal
# i Arena (Figur 7-4), arbeid og ny arbeidsgiver i de tre månedene etter tiltaket (Figur 7-5,
# 7-6) og månedlige forløp etter kartleggingssamtalen for deltakere og for kandidater som bare
# hadde samtalen (Figur 7-7, 7-8), på et ubalansert panel: hver person telles så langt vi kan
# følge henne.

# %%
import sys

sys.path.insert(0, "notebooks")

import pandas as pd  # noqa: E402
from _populasjon import (DATA_END, UBESVART, answers, candidates, distribution,  # noqa: E402
                         labels_of, members, monthly_status, source)

from rapport.exhibits import (bar_chart, event_lines, fact, fmt, verbal, partial_quarter_note,  # noqa: E402
                              publish_figure, quarter_columns, quarter_label)
from rapport.stats.eventtime import at_risk, shares_by_month  # noqa: E402

kand = candidates()
SVAR = ["Ja", "Nei", "Delvis", "Vet ikke"]

# %% [markdown]
# ## 7.1 NAVs vurdering etter tiltaket (skjemaets nivå 3)

# %%
planlagt = members(kand, "planlagt")
status = members(kand, "status")
fact("resultater.n_planlagt", len(planlagt))
fact("resultater.n_status", len(status))
fact("resultater.n_uten_status", len(planlagt) - len(status))

d = distribution(answers(status["nyttig"]), SVAR + [UBESVART])
d = d[(d["count"] > 0) | (d["category"] != UBESVART)]
_ = publish_figure("nyttig", bar_chart(d, sort=False),
               caption="Opplevde kandidaten kompetansetiltak som nyttig (i den grad NAV har "
                       "kjennskap til kandidatens vurdering)?", source=source("status"), data=d)
nyttig = float(d.set_index("category").loc["Ja", "share"])
fact("resultater.nyttig_ja", nyttig, kind="pct")
fact("resultater.nyttig_ja_ord", nyttig, kind="share_words")

sit_order = list(labels_of("registreringsskjema", "situasjon").values())
d = distribution(status["situasjon"].astype("object"), sit_order)
_ = publish_figure("situasjon", bar_chart(d, sort=False),
               caption="Hva er kandidatens situasjon etter at kompetansetiltak er gjennomført?",
               source=source("status"), data=d)
s = d.set_index("category")["share"]
fact("resultater.sit_sok_ny", s[sit_order[0]], kind="pct")
fact("resultater.sit_jobb_ny", s[sit_order[1]], kind="pct")
fact("resultater.sit_ny_stilling", s[sit_order[2]], kind="pct")
fact("resultater.sit_samme", s[sit_order[3]], kind="pct")
i_jobb = s[sit_order[1]] + s[sit_order[2]] + s[sit_order[3]]
fact("resultater.sit_i_jobb", i_jobb, kind="pct")
fact("resultater.sit_jobb_eller_sok", i_jobb + s[sit_order[0]], kind="pct")
fact("resultater.sit_ovrige", 1 - i_jobb - s[sit_order[0]], kind="pct")

d = distribution(answers(status["bidratt"]), SVAR + [UBESVART])
d = d[(d["count"] > 0) | (d["category"] != UBESVART)]
_ = publish_figure("bidratt", bar_chart(d, sort=False),
               caption="Har kompetansetiltak bidratt til at kandidaten er i jobb eller på vei "
                       "mot jobb (NAVs vurdering)?", source=source("status"), data=d)
s = d.set_index("category")["share"]
fact("resultater.bidratt_ja", s["Ja"], kind="pct")
fact("resultater.bidratt_nei", s["Nei"], kind="pct")

# %% [markdown]
# ## 7.2 Forløp i etterkant av kompetansetiltak: oppstart per kvartal (Arena)

# %%
startet = members(kand, "startet")
q = startet["tiltak_fra"].dt.to_period("Q")
quarters = pd.period_range(q.min(), q.max(), freq="Q")
d = pd.DataFrame({"quarter": [quarter_label(p) for p in quarters],
                  "count": [int((q == p).sum()) for p in quarters]})
d["n"] = len(startet)
first, last = startet["tiltak_fra"].min(), startet["tiltak_fra"].max()
partial = [quarter_label(p) for p in (quarters[0], quarters[-1])
           if partial_quarter_note(p.start_time, p.end_time) is None]
note = partial_quarter_note(pd.Timestamp(first).replace(day=1), pd.Timestamp(last))
edge = [quarter_label(quarters[0]), quarter_label(quarters[-1])]
_ = publish_figure("oppstart-kvartal", quarter_columns(d, partial=edge if note else ()),
               caption="Oppstart for kompetansetiltak (kvartal)", source=source("startet"),
               data=d, footer=[note] if note else [])
START_SISTE = (pd.Timestamp("2022-01-01"), pd.Timestamp("2022-04-30"))  # the data's last year
jan_apr = startet["tiltak_fra"].between(*START_SISTE).mean()
fact("resultater.start_siste_periode", START_SISTE[0].strftime("%Y-%m"),
     text=f"{fmt.month_year(START_SISTE[0]).split()[0]}–{fmt.month_year(START_SISTE[1])}")
fact("resultater.n_startet", len(startet))
fact("resultater.andel_start_2022", jan_apr, text=verbal.pct_hedge(jan_apr, "om lag", step=10))
still_in = int((~startet["avsluttet"]).sum())
fact("resultater.n_fortsatt_i_tiltak", still_in)
fact("resultater.n_avsluttet", int(startet["avsluttet"].sum()))

# %% [markdown]
# ## 7.2.1 Arbeid i de tre månedene etter tiltaket

# %%
fulgt = members(kand, "fulgt")
mnd = monthly_status(kand)
end_m = fulgt.set_index("lopenr")["tiltak_til"].dt.to_period("M")
after = mnd[mnd["lopenr"].isin(end_m.index)].copy()
after["etter"] = [(m - end_m[p]).n for p, m in zip(after["lopenr"], after["month"])]
after = after[after["etter"].between(1, 3)]
months_in_work = after.groupby("lopenr")["i_arbeid"].sum().reindex(end_m.index, fill_value=0)
d = distribution(months_in_work.map(lambda k: f"{int(k)} måneder" if k != 1 else "1 måned"),
                 ["0 måneder", "1 måned", "2 måneder", "3 måneder"])
_ = publish_figure("maaneder-i-arbeid", bar_chart(d, sort=False),
               caption="Antall måneder registrert i arbeid ila. 3 måneder etter kompetansetiltak",
               source=source("fulgt"), data=d,
               footer=["Merknad: I arbeid betyr et registrert arbeidsforhold og ingen "
                       "sykepenger i måneden."])
fact("resultater.n_fulgt", len(fulgt))
fact("resultater.arbeid_minst_en", (months_in_work >= 1).mean(), kind="pct")
fact("resultater.arbeid_alle_tre", (months_in_work == 3).mean(), kind="pct")

ny = after.groupby("lopenr")["ny_arbeidsgiver"].any().reindex(end_m.index, fill_value=False)
d = distribution(ny.map({True: "Ny arbeidsgiver", False: "Samme arbeidsgiver"}),
                 ["Ny arbeidsgiver", "Samme arbeidsgiver"])
d["share"] = d["count"] / d["n"]
_ = publish_figure("ny-arbeidsgiver-etter", bar_chart(d, value="count", kind="int", sort=False),
               caption="Antall kandidater med ny arbeidsgiver ila. 3 mnd. etter kompetansetiltak",
               source=source("fulgt"), data=d,
               footer=["Merknad: Dersom en person har flere samtidige arbeidsforhold, har vi tatt "
                       "utgangspunkt i arbeidsforholdet med flest registrerte dagsverk per "
                       "måned."])
n_ny = int(ny.sum())
fact("resultater.n_ny_ag", n_ny)
fact("resultater.andel_ny_ag", n_ny / len(fulgt), kind="pct")
# The message heading of chapter 9.1 starts with the share in words («Om lag en av tre får …»).
fact("resultater.andel_ny_ag_ord_stor", n_ny / len(fulgt),
     text=verbal.capitalize(verbal.share_words(n_ny / len(fulgt))))
new_jobs = after[after["ny_arbeidsgiver"]].drop_duplicates("lopenr")
fact("resultater.ny_ag_privat", fmt.count_of((new_jobs["sektor"].astype("object") == "privat").sum(),
                                             n_ny), kind="text")
fact("resultater.ny_ag_prosess", int((new_jobs["yrke"].astype("object") == "8").sum()))
fact("resultater.ny_ag_salg", int((new_jobs["yrke"].astype("object") == "5").sum()))

# %% [markdown]
# ## 7.2.2 Utfall sammenlignet med dem som kun gjennomførte kartleggingssamtalen
#
# Gruppene: deltakere registrert i Arena (`POP["startet"]`) og koblede kandidater uten vedtak
# (kun kartleggingssamtale). Måned k telles for en person bare når samtalemåneden + k ligger
# innenfor dataene (til og med mars 2022).

# %%
koblet = members(kand, "koblet")
GRP = ("Gjennomført kompetansetiltak", "Kun kartleggingssamtale")
events = pd.concat([
    members(kand, "startet").assign(gruppe2=GRP[0]),
    koblet[~koblet["vedtak"]].assign(gruppe2=GRP[1]),
])[["lopenr", "samtaledato", "gruppe2"]]
events = events[events["samtaledato"].dt.to_period("M") <= DATA_END]
HORIZON = 12  # months after the conversation shown in Figur 7-7 and 7-8
panel = at_risk(events, id="lopenr", start="samtaledato", data_end=str(DATA_END), horizon=HORIZON,
                group="gruppe2")
panel = panel.merge(mnd[["lopenr", "month", "i_arbeid", "ny_arbeidsgiver"]],
                    on=["lopenr", "month"], how="left", validate="one_to_one")
if panel[["i_arbeid", "ny_arbeidsgiver"]].isna().any().any():
    raise ValueError("monthly status missing for some person-months in the panel")
panel = panel.astype({"i_arbeid": bool, "ny_arbeidsgiver": bool})
MIN_N = 40   # months with fewer people in a group are not drawn
merk = ("Merknad: I figuren har vi inkludert alle personer vi kan følge, så langt vi kan følge "
        "dem. Antallet observasjoner synker derfor jo lenger ut i forløpet vi kommer; antall "
        f"personer i måned 3, 6 og 12 står under figuren. Figuren viser {HORIZON} måneder; "
        f"måneder med færre enn {MIN_N} personer i en gruppe er ikke vist.")
for fig_id, outcome, caption in (
    ("ny-arbeidsgiver-forlop", "ny_arbeidsgiver",
     "Andel med ny arbeidsgiver etter kartleggingssamtale, per måned"),
    ("jobb-uten-sykmelding", "i_arbeid",
     "Andel i jobb uten sykmelding etter kartleggingssamtale, per måned"),
):
    d = shares_by_month(panel, outcome=outcome, group="gruppe2")
    fig = event_lines(d, group="gruppe2", groups=list(GRP), min_n=MIN_N)
    plotted = d[(d["k"] >= 1) & (d["n"] >= MIN_N)]
    _ = publish_figure(fig_id, fig, caption=caption, source=source("startet"), data=plotted,
                   n=False, footer=[merk])
    key = "ny_ag" if outcome == "ny_arbeidsgiver" else "jobb"
    for g, gk in zip(GRP, ("tiltak", "kun")):
        for k in (3, 6, 12):
            row = d[(d["gruppe2"] == g) & (d["k"] == k)].iloc[0]
            fact(f"forlop.{key}_{gk}_m{k}.n", int(row["n"]))
            fact(f"forlop.{key}_{gk}_m{k}.count", int(row["count"]))
            fact(f"forlop.{key}_{gk}_m{k}.share", float(row["share"]), kind="pct")
            fact(f"forlop.{key}_{gk}_m{k}.av", fmt.count_of(row["count"], row["n"]), kind="text")
d = shares_by_month(panel, outcome="i_arbeid", group="gruppe2")
t13 = d[(d["gruppe2"] == GRP[0]) & d["k"].between(1, 3)]["share"].max()
fact("forlop.jobb_tiltak_m1_3_maks", float(t13), kind="pct")
k3 = d[(d["gruppe2"] == GRP[1]) & (d["k"] == 3)]["share"].iloc[0]
fact("forlop.jobb_kun_m3_ord", float(k3), text=verbal.pct_hedge(k3, "nesten"))
for g, gk in zip(GRP, ("tiltak", "kun")):
    v6 = d[(d["gruppe2"] == g) & (d["k"] == 6)]["share"].iloc[0]
    v12 = d[(d["gruppe2"] == g) & (d["k"] == 12)]["share"].iloc[0]
    fact(f"forlop.jobb_{gk}_m6_ord", float(v6), text=verbal.pct_hedge(v6, "om lag", step=10))
    fact(f"forlop.jobb_{gk}_m12_ord", float(v12), kind="share_words")
# Both groups together twelve months after the conversation (chapter 9.3): the share *not* in
# work without sick leave, that is still on sickness benefits or without a main employment. The
# printed report calls them «utenfor arbeidslivet», which Figur 7-8 cannot show.
m12 = d[d["k"] == 12]
ikke12 = 1 - m12["count"].sum() / m12["n"].sum()
fact("forlop.alle_m12_n", int(m12["n"].sum()))
fact("forlop.ikke_jobb_alle_m12", float(ikke12), kind="pct")
fact("forlop.ikke_jobb_alle_m12_ord", float(ikke12), kind="share_words")
