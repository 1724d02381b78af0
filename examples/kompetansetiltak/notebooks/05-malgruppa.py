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
# # Kapittel 5: målgruppa
#
# Kjennetegn ved de kartlagte kandidatene (Figur 5-1 til 5-12) og forskjeller mellom dem som
# har fått vedtak om kompetansetiltak og de øvrige (Figur 5-13 til 5-19). Hver figur navngir
# populasjonen den bygger på (`POP`), og n er antallet som faktisk står i figuren.

# %%
import sys

sys.path.insert(0, "notebooks")

import pandas as pd  # noqa: E402
from _populasjon import (GRUPPER, POP, REGISTER, UBESVART, age_band, answers, by_group,  # noqa: E402
                         candidates, distribution, labels_of, members, source)

from rapport.exhibits import (bar_chart, binned_columns, fact, fmt, verbal, group_columns,  # noqa: E402
                              publish_figure, two_panel_bars)
from rapport.exhibits.figures import cumulative_over_columns  # noqa: E402
from rapport.stats.bins import bin_counts, cumulative_shares  # noqa: E402

kand = candidates()
kartlagt = members(kand, "kartlagt")
koblet = members(kand, "koblet")
SVAR = ["Ja", "Nei", "Delvis", "Vet ikke", UBESVART]
fylker = labels_of("registreringsskjema", "fylke")
SPM = {c: f"Spørsmål: {q}" for c, q in (
    ("helse_naa", "Vil bruker ha helse til å stå i nåværende jobb i årene fremover?"),
    ("mangler_kompetanse", "Bidrar manglende kompetanse til at bruker ikke kan stå i sitt "
                           "nåværende arbeid?"),
    ("utdanning", "Hva er brukers høyeste fullførte utdanning?"),
    ("arsak_ikke_aktuell", "Dersom bruker er vurdert som ikke aktuell, hva er hovedårsaken til "
                           "det?"),
)}


def spm2(left: str, right: str) -> list[str]:
    return [f"Spørsmål til venstre: {left}", f"Spørsmål til høyre: {right}"]


def shares(d: pd.DataFrame) -> dict:
    return dict(zip(d["category"], d["share"]))


# %% [markdown]
# ## 5.1 Kandidatene som er kartlagt

# %%
d = distribution(kartlagt["fylke"].map(fylker), list(fylker.values()))
_ = publish_figure("kartlagt-fylke", bar_chart(d, sort=True),
               caption="Kartlagte kandidater fordelt på forsøksfylke",
               source=source("kartlagt"), data=d)
s = shares(d)
tre = s["Troms og Finnmark"] + s["Øst-Viken"] + s["Agder"]
fact("malgruppa.tre_fylker_andel", tre, text=verbal.pct_hedge(tre, "over", step=10))

# %%
mangler_dato = kartlagt["samtaledato"].isna()
andel_mangler = mangler_dato.mean()
obs = (f"Obs: {fmt.pct_prose(andel_mangler)} av samtalene mangler samtaledato, og disse "
       "kandidatene ligger ikke inne med alder.")
fact("malgruppa.n_kartlagt", len(kartlagt))
fact("malgruppa.n_koblet", len(koblet))
fact("malgruppa.n_mangler_dato", int(mangler_dato.sum()))
fact("malgruppa.andel_mangler_dato", andel_mangler, kind="pct")

koblet = koblet.assign(aldersgruppe=age_band(koblet["alder"]))
bands = [f"{lo}–{lo + 4} år" for lo in range(20, 70, 5)]
d = distribution(koblet["aldersgruppe"], bands)
_ = publish_figure("alder", binned_columns(d, outside_label=None),
               caption="Aldersfordeling blant kandidatene", source=source("koblet"),
               data=d, footer=[obs])
MIDT = (25, 54)  # the span where the ages are evenly spread (Figur 5-3)
mid = koblet["alder"].between(*MIDT).mean()
fact("malgruppa.alder_midt", f"{MIDT[0]}–{MIDT[1]}", text=f"mellom {MIDT[0]} og {MIDT[1]} år")
fact("malgruppa.andel_25_54", mid, text=verbal.pct_hedge(mid, "over", step=1))
kvinner = (kartlagt["kjonn"] == "Kvinne").mean()
fact("malgruppa.andel_kvinner", kvinner, kind="pct")
fact("malgruppa.andel_menn", 1 - kvinner, kind="pct")
fact("malgruppa.andel_fodt_norge", (koblet["fodeland"] == "Norge").mean(), kind="pct")
fact("malgruppa.registrert_fra", kartlagt["registrert"].min(), kind="month_year")
fact("malgruppa.registrert_til", kartlagt["registrert"].max(), kind="month_year")

# %% [markdown]
# ### Sykefraværshistorikk og diagnose
#
# Intervallene er lukkede og disjunkte (0–99, 100–200, 201–300, over 300 dager): rapporten
# skriver «mellom 100 og 200 … mellom 200 og 300», der 200 faller i to grupper.

# %%
SP_BINS = [(0, 99, "Under 100 dager"), (100, 200, "100–200 dager"),
           (201, 300, "201–300 dager"), (301, None, "Over 300 dager")]
SP_NOTE = ("Note: Antall erstattede dager kan overstige det som totalt er mulig å motta i "
           "løpet av fem år, fordi dager med gradert sykmelding telles som hele dager.")
d = bin_counts(koblet["sykepengedager_5aar"], SP_BINS)
_ = publish_figure("sykepengedager", binned_columns(d, outside_label=None),
               caption="Fordeling av kandidater etter antall dager med sykepenger i løpet av de "
                       "siste fem årene før første kartleggingssamtale",
               source=source("koblet"), data=d, footer=[SP_NOTE])
for key, cat in zip(("under100", "d100_200", "d201_300", "over300"), d["category"]):
    fact(f"malgruppa.sp_{key}", float(d.set_index("category").loc[cat, "share"]), kind="pct")
    fact(f"malgruppa.dager_{key}", cat, text=cat[0].lower() + cat[1:])  # «under 100 dager»
fact("malgruppa.dager_over200", SP_BINS[1][1], text=f"mer enn {SP_BINS[1][1]} dager")

icpc = labels_of("sykepenger", "diagnose")
DIAG = {"L": "Muskel- og skjelettlidelser", "P": "Psykiske lidelser", "A": "Allment og uspesifisert",
        "K": "Hjerte og kar", "N": "Nervesystemet", "R": "Luftveier"}
diag_label = koblet["diagnose"].astype("object").map(lambda c: DIAG.get(c, "Andre diagnoser"))
DIAG_ORDER = list(DIAG.values()) + ["Andre diagnoser"]
d = distribution(diag_label, DIAG_ORDER)
_ = publish_figure("diagnose", bar_chart(d, sort=False),
               caption="Andel kandidater fordelt over diagnoser ved siste sykmelding (ICPC-2)",
               source="Diagnose fra data om utbetaling av sykepenger", data=d)
fact("malgruppa.andel_muskel", shares(d)["Muskel- og skjelettlidelser"], kind="pct")
fact("malgruppa.andel_psykisk", shares(d)["Psykiske lidelser"], kind="pct")

# %% [markdown]
# ### Ansettelsesforhold, yrke og utdanning

# %%
styrk = labels_of("arbeidsforhold", "yrke")
yrke_label = koblet["yrke"].astype("object").map(styrk)
d = distribution(yrke_label, list(styrk.values()))
_ = publish_figure("yrke", bar_chart(d, sort=True), caption="Yrkesklassifisering",
               source=REGISTER, data=d)
s = shares(d)
fact("malgruppa.andel_salg_service", s["Salgs- og serviceyrker"], kind="pct")
akad = s["Akademiske yrker"] + s["Høyskoleyrker"]
fact("malgruppa.andel_akademisk_hoyskole", akad, kind="pct")
manuelle = (s["Håndverkere"] + s["Prosess- og maskinoperatører, transportarbeidere mv."]
            + s["Renholdere, hjelpearbeidere mv."])
fact("malgruppa.andel_manuelle", manuelle, text=verbal.pct_hedge(manuelle, "over", step=10))
sektor = labels_of("arbeidsforhold", "sektor")
ds = distribution(koblet["sektor"].astype("object").map(sektor), list(sektor.values()))
s = shares(ds)
fact("malgruppa.andel_privat", s["Privat sektor"], text=verbal.pct_hedge(s["Privat sektor"], "over", step=10))
fact("malgruppa.andel_kommune", s["Kommuneforvaltningen"], kind="pct")
fact("malgruppa.andel_stat", s["Statsforvaltningen"], kind="pct")

utd_order = list(labels_of("registreringsskjema", "utdanning").values()) + [UBESVART]
d = distribution(answers(kartlagt["utdanning"]), utd_order)
_ = publish_figure("utdanning", bar_chart(d, sort=False), caption="Kandidatenes utdanning",
               source=source("kartlagt"), data=d, footer=[SPM["utdanning"]])
s = shares(d)
fact("malgruppa.andel_bachelor", s["Bachelorgrad"], kind="pct")
fact("malgruppa.andel_master", s["Mastergrad eller høyere"], kind="pct")
fact("malgruppa.andel_fagbrev", s["Fag- eller mesterbrev (ev. fagskole)"], kind="pct")
fact("malgruppa.andel_grunnskole", s["Grunnskole eller ingen utdanning"],
     text=verbal.pct_hedge(s["Grunnskole eller ingen utdanning"], "om lag"))
fact("malgruppa.andel_studiespes", s["Videregående, studiespesialisering"], kind="pct")

# %% [markdown]
# ### Helse, tilrettelegging, kompetanse og ønsker

# %%
d = distribution(answers(kartlagt["helse_naa"]), ["Ja", "Nei", "Delvis", UBESVART])
_ = publish_figure("helse", bar_chart(d, sort=False),
               caption="Om kandidaten har helse til å stå i nåværende jobb",
               source=source("kartlagt"), data=d, footer=[SPM["helse_naa"]])
s = shares(d)
for key, cat in (("nei", "Nei"), ("delvis", "Delvis"), ("ubesvart", UBESVART)):
    fact(f"malgruppa.helse_{key}", s[cat], kind="pct")
fact("malgruppa.helse_ikke_ja", 1 - s["Ja"], kind="pct")


def panel_data(left: tuple[str, str], right: tuple[str, str]) -> pd.DataFrame:
    parts = []
    for column, title in (left, right):
        d = distribution(answers(kartlagt[column]), SVAR)
        parts.append(d.assign(panel=title))
    return pd.concat(parts, ignore_index=True)


d = panel_data(("ag_tilrettelagt", "Har arbeidsgiver tilrettelagt?"),
               ("ag_muligheter", "Har arbeidsgiver gjenværende muligheter?"))
_ = publish_figure("tilrettelegging", two_panel_bars(d, categories=SVAR),
               caption="Arbeidsgivers tilrettelegging for sykmeldte", source=source("kartlagt"),
               data=d, n=len(kartlagt),
               footer=spm2("Har arbeidsgiver tilrettelagt for bruker?",
                           "Har arbeidsgiver gjenværende muligheter for å tilrettelegge for "
                           "bruker?"))
left = d[d["panel"] == "Har arbeidsgiver tilrettelagt?"].set_index("category")["share"]
right = d[d["panel"] == "Har arbeidsgiver gjenværende muligheter?"].set_index("category")["share"]
fact("malgruppa.tilrettelagt_ja", left["Ja"], kind="share_words")
fact("malgruppa.tilrettelagt_nei", left["Nei"], kind="share_words")
fact("malgruppa.muligheter_nei", right["Nei"], text=verbal.pct_hedge(right["Nei"], "over", step=10))
mulig = right["Ja"] + right["Delvis"]
fact("malgruppa.muligheter_ja_delvis", mulig, text=verbal.pct_hedge(mulig, "i underkant av"))

d = distribution(answers(kartlagt["mangler_kompetanse"]), SVAR)
_ = publish_figure("mangler-kompetanse", bar_chart(d, sort=False),
               caption="Om manglende kompetanse bidrar til at kandidaten ikke kan stå i "
                       "nåværende arbeid", source=source("kartlagt"), data=d,
               footer=[SPM["mangler_kompetanse"]])
fact("malgruppa.mangler_kompetanse_ja", shares(d)["Ja"], kind="pct")

d = panel_data(("onsker_annet_arbeid", "Ønsker annet arbeid?"),
               ("onsker_annen_ag", "Ønsker annen arbeidsgiver?"))
_ = publish_figure("onsker", two_panel_bars(d, categories=SVAR),
               caption="Kandidatens ønske om annet arbeid eller arbeidsgiver",
               source=source("kartlagt"), data=d, n=len(kartlagt),
               footer=spm2("Ønsker bruker annet arbeid?", "Ønsker bruker annen arbeidsgiver?"))
left = d[d["panel"] == "Ønsker annet arbeid?"].set_index("category")["share"]
right = d[d["panel"] == "Ønsker annen arbeidsgiver?"].set_index("category")["share"]
for key, cat in (("ja", "Ja"), ("nei", "Nei"), ("delvis", "Delvis")):
    fact(f"malgruppa.annet_arbeid_{key}", left[cat], kind="pct")
fact("malgruppa.annet_arbeid_vetikke_ubesvart", left["Vet ikke"] + left[UBESVART], kind="pct")
fact("malgruppa.annen_ag_ja", right["Ja"], kind="pct")

d = panel_data(("trenger_kompetanse", "Trenger ny kompetanse?"),
               ("aktuell", "Aktuell for kompetansetiltak?"))
_ = publish_figure("aktuelle", two_panel_bars(d, categories=SVAR),
               caption="Kandidater som er aktuelle for kompetansetiltak",
               source=source("kartlagt"), data=d, n=len(kartlagt),
               footer=spm2("Trenger bruker ny kompetanse for å komme i annet arbeid?",
                           "Er bruker aktuell for å delta i kompetansetiltak?"))
left = d[d["panel"] == "Trenger ny kompetanse?"].set_index("category")["share"]
right = d[d["panel"] == "Aktuell for kompetansetiltak?"].set_index("category")["share"]
fact("malgruppa.trenger_ja", left["Ja"], text=verbal.pct_hedge(left["Ja"], "om lag", step=1))
fact("malgruppa.trenger_vetikke_ubesvart", left["Vet ikke"] + left[UBESVART], kind="pct")
fact("malgruppa.aktuell_ja", right["Ja"], kind="pct")
fact("malgruppa.aktuell_delvis", right["Delvis"], kind="pct")
fact("malgruppa.aktuell_vetikke_ubesvart", right["Vet ikke"] + right[UBESVART], kind="pct")
fact("malgruppa.aktuell_nei", right["Nei"], kind="pct")

arsak = kartlagt["arsak_ikke_aktuell"].dropna().astype("object")
arsak_order = list(labels_of("registreringsskjema", "arsak_ikke_aktuell").values())
d = distribution(arsak, arsak_order)
ikke_ja = int((kartlagt["aktuell"].astype("object") != "Ja").sum())
merknad = (f"Merknad: {fmt.integer(len(arsak))} har svart på spørsmålet, mens "
           f"{fmt.integer(ikke_ja)} ikke er vurdert som aktuelle (svart noe annet enn «Ja» eller "
           "ikke svart). Også noen som er vurdert som aktuelle, har oppgitt en årsak.")
_ = publish_figure("arsak-ikke-aktuell", bar_chart(d, sort=True),
               caption="Årsak til at kandidaten ikke er aktuell", source=source("kartlagt"),
               data=d, footer=[SPM["arsak_ikke_aktuell"], merknad])
s = shares(d)
fact("malgruppa.n_arsak", len(arsak))
fact("malgruppa.n_ikke_ja", ikke_ja)
fact("malgruppa.arsak_tilbake", s[arsak_order[0]], text=verbal.pct_hedge(s[arsak_order[0]], "i underkant av"))
fact("malgruppa.arsak_helse", s[arsak_order[1]], text=verbal.pct_hedge(s[arsak_order[1]], "i underkant av"))
fact("malgruppa.arsak_andre_tiltak", s[arsak_order[2]], text=verbal.pct_hedge(s[arsak_order[2]], "om lag", step=1))
fact("malgruppa.arsak_andre", s["Andre årsaker"], kind="pct")
fact("malgruppa.arsak_friskmelding", s[arsak_order[0]] + s[arsak_order[1]], kind="pct")

# %% [markdown]
# ## 5.2 Kandidater som får kompetansetiltak
#
# «Fått tiltak» er kandidatene med vedtak om kompetansetiltak (`POP["vedtak"]`); figurene med
# registeropplysninger bygger på de koblede (`POP["koblet"]`).

# %%
n_vedtak = int(kartlagt["vedtak"].sum())
fact("malgruppa.n_vedtak", n_vedtak)
fact("malgruppa.andel_vedtak", n_vedtak / len(kartlagt), kind="pct")
fact("malgruppa.andel_vedtak_ord", n_vedtak / len(kartlagt), kind="share_words")
fact("malgruppa.n_vedtak_koblet", int(koblet["vedtak"].sum()))
d = by_group(kartlagt, "kjonn", ["Kvinne", "Mann"])
d["category"] = d["category"].map({"Kvinne": "Kvinner", "Mann": "Menn"})
_ = publish_figure("kjonn-gruppe", group_columns(d, groups=list(GRUPPER)),
               caption="Kjønnsfordeling blant kandidater som har fått og ikke fått tiltak",
               source=source("kartlagt"), data=d, n=len(kartlagt))
g = d.set_index(["group", "category"])["share"]
fact("malgruppa.tiltak_kvinner", g[("Fått tiltak", "Kvinner")], kind="pct")
fact("malgruppa.tiltak_menn", g[("Fått tiltak", "Menn")], kind="pct")
fact("malgruppa.ikke_tiltak_kvinner", g[("Ikke fått tiltak", "Kvinner")], kind="pct")

d = by_group(koblet, "aldersgruppe", bands)
_ = publish_figure("alder-gruppe", group_columns(d, groups=list(GRUPPER), labels_on_bars=False),
               caption="Aldersfordeling for kandidater som har fått og ikke fått tiltak",
               source=source("koblet"), data=d, n=len(koblet))
# The prose: those with a measure are more often 20–39, the others more often 40–59.
UNG, ELDRE = (20, 39), (40, 59)
andel_ung = {g_: koblet.loc[koblet["gruppe"] == g_, "alder"].between(*UNG).mean() for g_ in GRUPPER}
andel_eldre = {g_: koblet.loc[koblet["gruppe"] == g_, "alder"].between(*ELDRE).mean()
               for g_ in GRUPPER}
if not (andel_ung[GRUPPER[0]] > andel_ung[GRUPPER[1]]
        and andel_eldre[GRUPPER[1]] > andel_eldre[GRUPPER[0]]):
    raise ValueError(f"Figur 5-14: the prose says {GRUPPER[0]} are more often {UNG} and "
                     f"{GRUPPER[1]} more often {ELDRE}; the data give {andel_ung}, {andel_eldre}")
fact("malgruppa.alder_ung", f"{UNG[0]}–{UNG[1]}", text=f"mellom {UNG[0]} og {UNG[1]} år")
fact("malgruppa.alder_eldre", f"{ELDRE[0]}–{ELDRE[1]}",
     text=f"mellom {ELDRE[0]} og {ELDRE[1]} år")
for g_ in GRUPPER:
    sub = koblet[koblet["gruppe"] == g_]
    key = "tiltak" if g_ == GRUPPER[0] else "ikke_tiltak"
    fact(f"malgruppa.{key}_fodt_norge", (sub["fodeland"] == "Norge").mean(),
         text=verbal.pct_hedge((sub["fodeland"] == "Norge").mean(), "om lag", step=10))

d = by_group(koblet.assign(spbin=pd.cut(koblet["sykepengedager_5aar"], [-1, 99, 200, 300, 10**6],
                                        labels=[b[2] for b in SP_BINS]).astype("object")),
             "spbin", [b[2] for b in SP_BINS])
top_x = int(koblet["sykepengedager_5aar"].max()) + 10
cdf = cumulative_shares(koblet["sykepengedager_5aar"], koblet["gruppe"], range(0, top_x, 10))
_ = publish_figure("sykepengedager-gruppe",
               cumulative_over_columns(cdf, d, groups=list(GRUPPER), marks=(100, 200, 300),
                                       xlabel="Dager med sykepenger siste fem år"),
               caption="Andel kandidater fordelt på antall dager med sykepenger i løpet av de "
                       "siste fem årene før første kartleggingssamtale, akkumulert (øverst) og "
                       "kategorisert (nederst)",
               source=POP["koblet"].source, data=d, n=len(koblet), footer=[SP_NOTE])
g = d.set_index(["group", "category"])["share"]
over200 = {grp: g[(grp, "201–300 dager")] + g[(grp, "Over 300 dager")] for grp in GRUPPER}
fact("malgruppa.sp_over200_tiltak", over200[GRUPPER[0]], kind="pct")
fact("malgruppa.sp_over200_ikke", over200[GRUPPER[1]], kind="pct")
diff_u100 = (fmt.round_half_up(g[(GRUPPER[1], "Under 100 dager")] * 100)
             - fmt.round_half_up(g[(GRUPPER[0], "Under 100 dager")] * 100))
fact("malgruppa.sp_under100_diff", int(diff_u100), text=f"{int(diff_u100)} prosentpoeng")
diff_201 = (fmt.round_half_up(g[(GRUPPER[0], "201–300 dager")] * 100)
            - fmt.round_half_up(g[(GRUPPER[1], "201–300 dager")] * 100))
fact("malgruppa.sp_201_300_diff", int(diff_201), text=f"{int(diff_201)} prosentpoeng")

d = by_group(koblet.assign(diag=diag_label), "diag", DIAG_ORDER)
_ = publish_figure("diagnose-gruppe", group_columns(d, groups=list(GRUPPER)),
               caption="Fordeling etter diagnoser (ICPC-2)", source=POP["koblet"].source,
               data=d, n=len(koblet))
g = d.set_index(["group", "category"])["share"]
fact("malgruppa.tiltak_muskel", g[(GRUPPER[0], "Muskel- og skjelettlidelser")],
     text=verbal.pct_hedge(g[(GRUPPER[0], "Muskel- og skjelettlidelser")], "om lag", step=10))
fact("malgruppa.tiltak_psykisk", g[(GRUPPER[0], "Psykiske lidelser")], kind="pct")

sek = koblet["sektor"].astype("object").map(sektor)
d = by_group(koblet.assign(sek=sek), "sek", list(sektor.values()))
_ = publish_figure("sektor-gruppe", group_columns(d, groups=list(GRUPPER)),
               caption="Fordeling etter sektor", source=POP["koblet"].source, data=d,
               n=len(koblet))
g = d.set_index(["group", "category"])["share"]
fact("malgruppa.tiltak_privat", g[(GRUPPER[0], "Privat sektor")],
     text=verbal.pct_hedge(g[(GRUPPER[0], "Privat sektor")], "over", step=10))
fact("malgruppa.tiltak_offentlig", 1 - g[(GRUPPER[0], "Privat sektor")], kind="pct")
kommune = koblet[koblet["sektor"].astype("object") == "kommune"]
ikke_akt = (kommune["aktuell"].astype("object") != "Ja").mean()
fact("malgruppa.kommune_ikke_aktuell", ikke_akt, kind="share_words")

d = by_group(koblet.assign(yrke_l=yrke_label), "yrke_l", list(styrk.values()))
_ = publish_figure("yrke-gruppe", group_columns(d, groups=list(GRUPPER), labels_on_bars=False,
                                            label_width=12),
               caption="Fordeling etter yrkesklassifisering", source=POP["koblet"].source,
               data=d, n=len(koblet))
g = d.set_index(["group", "category"])["share"]
fact("malgruppa.tiltak_salg", g[(GRUPPER[0], "Salgs- og serviceyrker")], kind="pct")
fact("malgruppa.ikke_tiltak_salg", g[(GRUPPER[1], "Salgs- og serviceyrker")], kind="pct")
# The groups as chapter 9.1 sums them up: manual occupations and academic or college ones.
MANUELLE = ("Håndverkere", "Prosess- og maskinoperatører, transportarbeidere mv.",
            "Renholdere, hjelpearbeidere mv.")
AKADEMISKE = ("Akademiske yrker", "Høyskoleyrker")
for grp, gk in zip(GRUPPER, ("tiltak", "ikke_tiltak")):
    fact(f"malgruppa.{gk}_manuelle", sum(g[(grp, c)] for c in MANUELLE), kind="pct")
    fact(f"malgruppa.{gk}_akademisk_hoyskole", sum(g[(grp, c)] for c in AKADEMISKE), kind="pct")

d = by_group(kartlagt.assign(utd=answers(kartlagt["utdanning"])), "utd", utd_order)
_ = publish_figure("utdanning-gruppe", group_columns(d, groups=list(GRUPPER), labels_on_bars=False,
                                                 label_width=12),
               caption="Fordeling etter høyest fullførte utdanning", source=source("kartlagt"),
               data=d, n=len(kartlagt))
u = d.set_index(["group", "category"])["share"]
fact("malgruppa.tiltak_fagbrev_grunnskole",
     u[(GRUPPER[0], "Fag- eller mesterbrev (ev. fagskole)")]
     + u[(GRUPPER[0], "Grunnskole eller ingen utdanning")], kind="share_words")
# Chapter 9.1 compares the groups: the two largest education groups together, in per cent.
LAV_UTD = ("Fag- eller mesterbrev (ev. fagskole)", "Grunnskole eller ingen utdanning")
for grp, gk in zip(GRUPPER, ("tiltak", "ikke_tiltak")):
    fact(f"malgruppa.lav_utd_{gk}", sum(u[(grp, c)] for c in LAV_UTD), kind="pct")
