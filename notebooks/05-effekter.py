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
# # Kapittel 5.1: utfall for arbeidstakere som har mottatt ekspertbistand og ikke
#
# Registerdata (syntetisk gjengivelse): arbeidsmarkedsstatus per person og år 2018–2023 og
# januar 2024, i sju tilstander.
#
# - **Figur 21**: tilstandsfordelingen per år for mottakere og ikke-mottakere (som TraMineRs
#   `seqdplot`).
# - **Figur 22**: rapporten viser et regresjonstre (TraMineR `seqtree`). Det finnes ikke et
#   godt vedlikeholdt Python-bibliotek for regresjonstrær på sekvenser, og treet har uansett
#   bare én deling (mottaker eller ikke). Vi gjør derfor diskrepansanalysen som treet bygger på
#   (Studer mfl. 2011, Hamming-avstand, `rapport.stats.sequences.discrepancy`) og publiserer
#   pseudo R² som tall i teksten. Figur 22 viser hvor stor del av forskjellene mellom
#   sekvensene mottakerstatus forklarer i hvert enkelt år, i det matchede utvalget.
# - **Tabell 7**: fordelingen i 2023 og januar 2024 for mottakerne og en kontrollgruppe fra
#   propensity score-matching (logistisk regresjon på kjønn, innvandringsstatus, aldersgruppe,
#   sentralitet og hoveddiagnose; 1:1 nærmeste nabo uten tilbakelegging, caliper 0,01), med
#   kji-kvadrattest av sluttilstandene.
# - **Balansetabell** (vedlegg): standardiserte differanser før og etter matching.
#
# Matcheren (`rapport.stats.matching.match_nearest`) deler like avstander til kontrollen med
# lavest skår og deretter den tidligste raden. Alle i samme kovariatcelle har samme skår, så
# radrekkefølgen avgjør hvem som blir kontroller: personene tas derfor i person_id-orden.
#
# Registrene leses av en spørremotor (`rapport.register`, DuckDB som standard). Inn i
# notebooken kommer bare tellinger per celle (år × tilstand × gruppe, og kovariatcellene som
# skåremodellen estimeres på med frekvensvekter), én cellekode per person til matcheren og
# sekvensene til de matchede personene.

# %%
import numpy as np
import pandas as pd

from rapport.data import load_codebook
from rapport.exhibits import (bar_chart, build_table, fact, fmt, publish_figure,
                              publish_table, state_distribution, style)
from rapport.register import connect, counts, open_dataset, rows_for
from rapport.register.aggregate import cell_numbers
from rapport.stats import (assert_safe, balance_table_cells, discrepancy,
                           discrepancy_from_counts, distribution_from_counts, match_nearest,
                           outcome_comparison, propensity_scores_cells, suppress_distribution,
                           suppress_shares, suppress_table)

KILDE = ("NAVs registre over arbeidsforhold, sykefravær og ytelser, bearbeidet av "
         "Oxford Research AS")
CALIPER = 0.01
DELAAR = {2024: "januar"}
SKJULT = "Skjult (personvern)"

motor = connect()
personer = open_dataset("personer", motor)
status = open_dataset("arbeidsmarkedsstatus", motor)
kodebok = load_codebook("personer")
tilstander = dict(load_codebook("arbeidsmarkedsstatus").labels("status"))
GRUPPENAVN = {True: "Mottakere", False: "Ikke-mottakere"}

# %% [markdown]
# ## Sekvenser: tilstander per gruppe og år, talt i motoren

# %%
tellinger = counts(status.inner_join(personer.select("person_id", "mottaker"), "person_id"),
                   ["mottaker", "aar", "status"])
tellinger = pd.DataFrame({"group": tellinger["mottaker"].map(GRUPPENAVN),
                          "year": tellinger["aar"].astype("int64"),
                          "code": tellinger["status"].astype("int64"),
                          "count": tellinger["n"]})
aar = sorted(int(a) for a in tellinger["year"].unique())
n_grupper = counts(personer, ["mottaker"]).assign(
    gruppe=lambda d: d["mottaker"].map(GRUPPENAVN)).set_index("gruppe")["n"]
# The key (person_id, aar) is unique, so every person has a status in every year exactly when
# each group's count per year is the group's number of persons.
per_aar = tellinger.groupby(["group", "year"])["count"].sum()
assert (per_aar == per_aar.index.get_level_values("group").map(n_grupper)).all() \
    and len(per_aar) == len(n_grupper) * len(aar), "personer uten status for alle år"

# %% [markdown]
# ## Figur 21: tilstandsfordeling per år, mottakere og ikke-mottakere
#
# Personvern: hver gruppe og hvert år er en fordeling med summen (gruppens n) publisert.
# Tilstander med 1–3 personer skjules sammen med den nest minste tilstanden (sekundær
# prikking); i figuren står de skjulte samlet som «Skjult (personvern)».

# %%
fordeling = distribution_from_counts(tellinger, states=tilstander, years=aar)
deler, skjulte_21 = [], []
for (g, a), del_ in fordeling.groupby(["group", "year"], sort=False):
    antall = del_.set_index("state")["count"]
    beskyttet = suppress_distribution(antall)
    assert_safe(beskyttet)
    maske = beskyttet.mask.drop(beskyttet.total)
    del_ = del_.assign(skjult=del_["state"].map(maske).astype(bool))
    if del_["skjult"].any():
        skjulte_21 += [(g, a, s) for s in del_.loc[del_["skjult"], "state"]]
        samlet = del_[del_["skjult"]]
        del_ = pd.concat([del_[~del_["skjult"]], pd.DataFrame([{
            "group": g, "year": a, "code": 0, "state": SKJULT,
            "count": samlet["count"].sum(), "n": samlet["n"].iloc[0],
            "share": samlet["share"].sum(), "skjult": True}])])
    deler.append(del_)
figurdata = pd.concat(deler, ignore_index=True)
gruppenavn = {g: f"{g} {fmt.n_label(n_grupper[g])}" for g in ["Mottakere", "Ikke-mottakere"]}
figurdata["gruppe"] = figurdata["group"].map(gruppenavn)
rekkefolge = list(tilstander.values()) + ([SKJULT] if skjulte_21 else [])
farger = dict(zip(tilstander.values(), style.OKABE_ITO)) | {SKJULT: "#4D4D4D"}
fig21 = state_distribution(figurdata, group="gruppe", year="year", state="state", value="share",
                           groups=list(gruppenavn.values()), states=rekkefolge, colors=farger,
                           partial=DELAAR)


def alt21() -> str:
    """Alt text: shares in the first and the last whole year per group; hidden states named."""
    hele = [a for a in aar if a not in DELAAR]
    deler = []
    for g, navn in gruppenavn.items():
        for a in (hele[0], hele[-1]):
            d = fordeling[(fordeling["group"] == g) & (fordeling["year"] == a)]
            skjult = {s for gg, aa, s in skjulte_21 if gg == g and aa == a}
            synlig = ", ".join(f"{r.state.lower() if i else r.state} {fmt.pct(r.share)}"
                               for i, r in enumerate(d[~d["state"].isin(skjult)].itertuples()))
            if skjult:
                sum_skjult = fmt.pct(d[d["state"].isin(skjult)]["share"].sum())
                synlig += (f"; {' og '.join(sorted(s.lower() for s in skjult))} er skjult av "
                           f"personvernhensyn (til sammen {sum_skjult})")
            deler.append(f"{navn}, {a}: {synlig}")
    return ("Stablede søylediagrammer i to paneler, mottakere øverst og ikke-mottakere nederst, "
            f"med andelen i hver av {len(tilstander)} arbeidsmarkedsstatuser per år "
            f"{aar[0]}–{aar[-1]}"
            + "".join(f" ({a} bare {m}, i lysere farger)" for a, m in DELAAR.items())
            + ". " + ". ".join(deler) + ".")


csv21 = figurdata.rename(columns={"group": "gruppe_kort", "year": "aar", "state": "tilstand",
                                  "count": "antall", "share": "andel"})
csv21 = csv21[["gruppe_kort", "aar", "tilstand", "antall", "n", "andel"]]
publish_figure(
    "sekvenser",
    fig21,
    caption=("Sekvensanalyser av mottakere og ikke-mottakere i målgruppen for tilskudd til "
             "ekspertbistand: andel i hver arbeidsmarkedsstatus per år"),
    data=csv21,
    alt=alt21(),
    n=(f"(n mottakere = {fmt.integer(n_grupper['Mottakere'])}, n ikke-mottakere = "
       f"{fmt.integer(n_grupper['Ikke-mottakere'])})"),
    source=KILDE,
)
skjulte_21

# %% [markdown]
# ## Matching

#
# Skåremodellen estimeres på kovariatcellene (én rad per kombinasjon av bakgrunnsvariablene og
# mottakerstatus, med antall personer som frekvensvekt): samme modell og samme
# sannsynlighetsmaksimum som med én rad per person. Hver person får skåren til sin celle.

# %%
CELLE = ["kjonn", "innvandringsstatus", "aldersgruppe", "sentralitet", "hoveddiagnose",
         "mottaker"]
KOVARIATER = ["kjonn", "innvandringsstatus", "aldersgruppe", "sentralitet", "diagnosegruppe"]
celler_raa = counts(personer, CELLE)
ids, celle = cell_numbers(personer, CELLE, celler_raa, ["person_id"])
assert (np.diff(ids) > 0).all()  # persons in person_id order: ties go to the earlier row
celler = celler_raa.copy()
for var in KOVARIATER[:-1]:  # as read_dataset types them: Categoricals of all codebook codes
    celler[var] = pd.Categorical(celler[var], categories=list(kodebok.column(var).codes))
diag = celler["hoveddiagnose"].astype(str)
celler["diagnosegruppe"] = diag.where(diag.isin(["L", "R", "P", "N", "D", "A", "W"]), "Annet")
celler["behandlet"] = celler["mottaker"].astype(int)
skaar, koeffisienter = propensity_scores_cells(celler, "behandlet", KOVARIATER)
match = match_nearest(pd.Series(skaar.to_numpy()[celle]),
                      pd.Series(celler["mottaker"].to_numpy()[celle]), caliper=CALIPER)
behandlet_id = ids[match.pairs["treated"].to_numpy()]
kontroll_id = ids[match.pairs["control"].to_numpy()]
celler["matched_treated"] = np.bincount(celle[match.pairs["treated"].to_numpy()],
                                        minlength=len(celler))
celler["matched_control"] = np.bincount(celle[match.pairs["control"].to_numpy()],
                                        minlength=len(celler))
# The matched persons' sequences: one row per person, one column per year.
matchet = rows_for(status, "person_id", np.r_[behandlet_id, kontroll_id],
                   ["person_id", "aar", "status"])
sekvenser = matchet.pivot(index="person_id", columns="aar", values="status").astype("int64")
sekvenser.columns = [int(a) for a in sekvenser.columns]
assert len(sekvenser) == 2 * match.n_matched and sekvenser.notna().all().all()
print(f"matchet {match.n_matched} av {match.n_treated}, umatchet {match.n_unmatched}, "
      f"største avstand {match.pairs['distance'].max():.2e}")

# %% [markdown]
# ## Tabell 7: utfall i 2023 og januar 2024, mottakere mot matchet kontrollgruppe
#
# Differanse = mottakergruppe − kontrollgruppe, i prosentpoeng av uavrundede andeler (derfor
# kan de avrundede prosentene se ut til å gi en annen differanse).

# %%
ETIKETT_T7 = {k: ("Ukjent" if v == "Ukjent status" else v) for k, v in tilstander.items()}
rader7, csv7, skjult7, tester = [], [], [], {}
for a in (2023, 2024):
    sammenligning = outcome_comparison(sekvenser.loc[kontroll_id, a],
                                       sekvenser.loc[behandlet_id, a],
                                       categories=list(tilstander))
    tester[a] = sammenligning.chi2
    t = sammenligning.table
    beskyttet = suppress_table(t[["count_control", "count_treated"]])
    assert_safe(beskyttet)
    maske = suppress_shares(t[["share_control", "share_treated"]].set_axis(
        ["count_control", "count_treated"], axis=1), beskyttet).mask
    for kode in tilstander:
        mk, mb = bool(maske.loc[kode, "count_control"]), bool(maske.loc[kode, "count_treated"])
        rad = {"aar": str(a) + (f" ({DELAAR[a]})" if a in DELAAR else ""),
               "tilstand": ETIKETT_T7[kode],
               "kontroll_n": int(t.loc[kode, "count_control"]),
               "mottaker_n": int(t.loc[kode, "count_treated"]),
               "kontroll_pct": float(t.loc[kode, "share_control"]),
               "mottaker_pct": float(t.loc[kode, "share_treated"]),
               "diff": float(t.loc[kode, "diff"]) * 100}
        m = {"kontroll_n": mk, "mottaker_n": mb, "kontroll_pct": mk, "mottaker_pct": mb,
             "diff": mk or mb}
        rader7.append(rad)
        skjult7.append(m)
        csv7.append({"aar": a, **{k: (pd.NA if m.get(k) else v) for k, v in rad.items()
                                   if k != "aar"}, "skjult": mk or mb})
tabell7 = pd.DataFrame(rader7)
maske7 = pd.DataFrame(skjult7, index=tabell7.index)
publish_table(
    "utfall-matchet",
    build_table(
        tabell7, stub="tilstand", block="aar",
        columns=["kontroll_n", "kontroll_pct", "mottaker_n", "mottaker_pct", "diff"],
        formats={"kontroll_n": "int", "mottaker_n": "int", "kontroll_pct": "pct",
                 "mottaker_pct": "pct", "diff": "diff0"},
        labels={"kontroll_n": "n", "mottaker_n": "n", "kontroll_pct": "%",
                "mottaker_pct": "%", "diff": "Differanse"},
        groups=[("Kontrollgruppe", ["kontroll_n", "kontroll_pct"]),
                ("Mottakergruppe", ["mottaker_n", "mottaker_pct"])],
        stub_label="Arbeidsmarkedsstatus",
        suppressed=maske7, min_widths={"diff": 12},
    ),
    caption="Forskjeller i utfall mellom kontrollgruppe og mottakere av ekspertbistand",
    n=(f"(n = {fmt.integer(match.n_matched)} i hver gruppe)"),
    data=pd.DataFrame(csv7),
    notes=[note for note in [
        ("Differanse = mottakergruppe − kontrollgruppe, i prosentpoeng (beregnet av uavrundede "
         "andeler og deretter avrundet, så den kan avvike med ett poeng fra differansen mellom "
         "de avrundede prosentene). Positivt tall: høyere andel blant mottakerne."),
        ("Kontrollgruppen er funnet med propensity score-matching: logistisk regresjon på kjønn, "
         "innvandringsstatus, aldersgruppe, sentralitet og hoveddiagnose, én kontroll per "
         f"mottaker (nærmeste nabo, caliper {fmt.decimal(CALIPER, 2)}). "
         + " ".join(f"{a} gjelder bare {m}." for a, m in DELAAR.items())),
    ] if note],
    source=KILDE,
)
tabell7

# %% [markdown]
# ## Kji-kvadrattest av sluttilstandene

# %%
def kji2_tekst(test) -> str:
    p = ("p < 0,001" if test.p_value < 0.001 else f"p = {fmt.decimal(test.p_value, 3)}")
    return f"χ² = {fmt.integer(test.statistic)}, df = {test.df}, {p}"


for a, test in tester.items():
    fact(f"effekt.kji2_{a}", float(test.statistic), text=kji2_tekst(test))
    fact(f"effekt.kji2_{a}_p", float(test.p_value),
         text="under 0,001" if test.p_value < 0.001 else fmt.decimal(test.p_value, 3))
{a: kji2_tekst(t) for a, t in tester.items()}

# %% [markdown]
# ## Diskrepansanalyse (pseudo R²) og Figur 22

# %%
matchet_ids = np.r_[behandlet_id, kontroll_id]
matchet_seq = sekvenser.loc[matchet_ids].reset_index(drop=True)
matchet_gruppe = pd.Series(["Mottakere"] * len(behandlet_id)
                           + ["Kontrollgruppe"] * len(kontroll_id))
PERMUTASJONER = 999
disk_matchet = discrepancy(matchet_seq, matchet_gruppe, permutations=PERMUTASJONER, seed=4)
disk_alle = discrepancy_from_counts(tellinger)
per_aar = pd.DataFrame([
    {"category": f"{a} ({DELAAR[a]})" if a in DELAAR else str(a), "aar": a,
     "share": discrepancy(matchet_seq[[a]], matchet_gruppe).pseudo_r2,
     "n": len(matchet_seq)}
    for a in aar])
fig22 = bar_chart(per_aar, category="category", value="share", sort=False, kind="pct",
                  decimals=1)
publish_figure(
    "diskrepans",
    fig22,
    caption=("Diskrepansanalyse av mottakere og matchet kontrollgruppe: andel av forskjellene "
             "mellom sekvensene som forklares av mottakerstatus (pseudo R²), per år"),
    data=per_aar.rename(columns={"category": "aar_tekst", "share": "pseudo_r2"}),
    n=len(matchet_seq),
    source=KILDE,
)
fact("effekt.pseudo_r2", disk_matchet.pseudo_r2, kind="pct", decimals=1)
fact("effekt.pseudo_r2_alle", disk_alle.pseudo_r2, kind="pct", decimals=2)
fact("effekt.pseudo_f", disk_matchet.pseudo_f, kind="decimal", decimals=0)
fact("effekt.pseudo_r2_p", disk_matchet.p_value, kind="decimal", decimals=3)
fact("effekt.permutasjoner", PERMUTASJONER, kind="int")
topp = per_aar.loc[per_aar["share"].idxmax()]
fact("effekt.pseudo_r2_toppaar", str(topp["aar"]), kind="text")
fact("effekt.pseudo_r2_toppaar_andel", float(topp["share"]), kind="pct", decimals=1)
disk_matchet, disk_alle.pseudo_r2

# %% [markdown]
# ## Balanse før og etter matching (vedlegg)
#
# Andel med hver verdi blant mottakerne, blant alle ikke-mottakere og i kontrollgruppen, og den
# standardiserte differansen (SMD) før og etter matching. Tellingene bak andelene går gjennom
# personvernregelen som Tabell 5.

# %%
balanse = balance_table_cells(celler, "behandlet", KOVARIATER)
VARIABELNAVN = {"kjonn": "Kjønn", "innvandringsstatus": "Innvandringsstatus",
                "aldersgruppe": "Aldersgruppe", "sentralitet": "Sentralitet",
                "diagnosegruppe": "Hoveddiagnose"}
diag_etiketter = dict(kodebok.labels("hoveddiagnose")) | {"Annet": "Annet"}


def antall_per_verdi(var: str, vekt: pd.Series) -> pd.Series:
    """Persons per value of `var` (as value_counts: values with persons, most frequent first)."""
    n = vekt.groupby(celler[var].astype(object)).sum()
    return n[n > 0].sort_values(ascending=False).rename("count")


rader_b, csv_b, skjult_b = [], [], []
for var in KOVARIATER:
    etiketter = diag_etiketter if var == "diagnosegruppe" else dict(kodebok.labels(var))
    antall = pd.DataFrame({
        "mott": antall_per_verdi(var, celler["n"].where(celler["mottaker"], 0)),
        "ikke": antall_per_verdi(var, celler["n"].where(~celler["mottaker"], 0)),
        "kontroll": antall_per_verdi(var, celler["matched_control"]),
    }).fillna(0).astype(int)
    beskyttet = suppress_table(antall)
    assert_safe(beskyttet)
    maske = beskyttet.mask
    nivaer = [k for k in etiketter if k in antall.index]
    for kode in nivaer:
        b = balanse.loc[f"{var}={kode}"]
        skjul = {"mott": bool(maske.loc[kode, "mott"]), "ikke": bool(maske.loc[kode, "ikke"]),
                 "kontroll": bool(maske.loc[kode, "kontroll"])}
        rad = {"variabel": VARIABELNAVN[var], "verdi": str(etiketter[kode]).replace("-", "–")
               if var == "aldersgruppe" else str(etiketter[kode]),
               "mott": float(b["mean_treated_before"]), "ikke": float(b["mean_control_before"]),
               "smd_for": float(b["smd_before"]), "kontroll": float(b["mean_control_after"]),
               "smd_etter": float(b["smd_after"])}
        m = {"mott": skjul["mott"], "ikke": skjul["ikke"], "kontroll": skjul["kontroll"],
             "smd_for": skjul["mott"] or skjul["ikke"],
             "smd_etter": skjul["mott"] or skjul["kontroll"]}
        rader_b.append(rad)
        skjult_b.append(m)
        csv_b.append({k: (pd.NA if m.get(k) else v) for k, v in rad.items()})
tabell_b = pd.DataFrame(rader_b)
maske_b = pd.DataFrame(skjult_b, index=tabell_b.index)
publish_table(
    "balanse",
    build_table(
        tabell_b, stub="verdi", block="variabel",
        columns=["mott", "ikke", "smd_for", "kontroll", "smd_etter"],
        formats={"mott": "pct1", "ikke": "pct1", "smd_for": "decimal2", "kontroll": "pct1",
                 "smd_etter": "decimal2"},
        labels={"mott": "Mottakere", "ikke": "Ikke-mottakere", "smd_for": "SMD",
                "kontroll": "Kontrollgruppe", "smd_etter": "SMD"},
        groups=[("Før matching", ["mott", "ikke", "smd_for"]),
                ("Etter matching", ["kontroll", "smd_etter"])],
        suppressed=maske_b,
    ),
    caption=("Balanse i bakgrunnsvariablene før og etter matching: andel med hver verdi og "
             "standardisert differanse (SMD)"),
    n=(f"(n mottakere = {fmt.integer(match.n_treated)}, n ikke-mottakere = "
       f"{fmt.integer(n_grupper['Ikke-mottakere'])}, n kontrollgruppe = "
       f"{fmt.integer(match.n_matched)})"),
    data=pd.DataFrame(csv_b),
    notes=[note for note in [
        ("SMD = (andel blant mottakerne − andel i sammenligningsgruppen) / √((s²₁ + s²₀) / 2), "
         "med standardavvikene fra utvalget før matching i begge kolonnene. En vanlig "
         "tommelfingerregel er at |SMD| under 0,1 betyr god balanse."),
    ] if note],
    source=KILDE,
)
smd_maks_for = float(balanse["smd_before"].abs().max())
smd_maks_etter = float(balanse["smd_after"].abs().max())
fact("effekt.smd_maks_for", smd_maks_for, kind="decimal", decimals=2)
fact("effekt.smd_maks_etter", smd_maks_etter, kind="decimal", decimals=2)
tabell_b

# %% [markdown]
# ## Tall til teksten

# %%
fact("effekt.n_matchet", match.n_matched, kind="int")
fact("effekt.n_umatchet", match.n_unmatched, kind="int")
fact("effekt.n_behandlet", match.n_treated, kind="int")
fact("effekt.matchet_tekst", match.n_matched,
     text=(f"Alle de {fmt.integer(match.n_treated)} mottakerne"
           if match.n_unmatched == 0 else
           f"{fmt.integer(match.n_matched)} av de {fmt.integer(match.n_treated)} mottakerne"))
fact("effekt.caliper", CALIPER, kind="decimal", decimals=2)
fact("effekt.n_matchet_utvalg", len(matchet_seq), kind="int")
fact("effekt.aar_forste", aar[0], kind="text")
fact("effekt.aar_siste_hele", max(a for a in aar if a not in DELAAR), kind="text")
(delaar, maaned), = DELAAR.items()
fact("effekt.delaar", f"{maaned} {delaar}", kind="text")

t7 = tabell7.assign(aar_tall=[int(a[:4]) for a in tabell7["aar"]]).set_index(
    ["aar_tall", "tilstand"])
for navn, tilstand in [("fulltid", "Fulltidsarbeid"), ("sysselsatt", "Sysselsatt"),
                       ("langtidssykemeldt", "Langtidssykemeldt"), ("aap", "AAP/Tiltakspenger"),
                       ("ufor", "Ufør")]:
    for a in (2023, 2024):
        rad = t7.loc[(a, tilstand)]
        fact(f"effekt.{navn}_{a}_pp", rad["diff"] / 100, kind="pp")
        fact(f"effekt.{navn}_{a}_mottakere", rad["mottaker_pct"], kind="pct")
        fact(f"effekt.{navn}_{a}_kontroll", rad["kontroll_pct"], kind="pct")

# Figur 21 in the prose: published (not hidden) shares only.


def andel21(g: str, a: int, states: list[str]) -> float:
    d = fordeling[(fordeling["group"] == g) & (fordeling["year"] == a)
                  & (fordeling["state"].isin(states))]
    assert len(d) == len(states)
    assert not any((g, a, s) in skjulte_21 for s in states), f"{g} {a} {states} er skjult"
    return float(d["share"].sum())


forste, siste = aar[0], max(a for a in aar if a not in DELAAR)
for kort, g in [("mottakere", "Mottakere"), ("ikke_mottakere", "Ikke-mottakere")]:
    fact(f"effekt.fig21.arbeid_forste_{kort}",
         andel21(g, forste, ["Fulltidsarbeid", "Sysselsatt"]), kind="pct")
    for navn, tilstand in [("langtid", "Langtidssykemeldt"), ("aap", "AAP/Tiltakspenger"),
                           ("pensjon", "Alderspensjonist"), ("fulltid", "Fulltidsarbeid")]:
        fact(f"effekt.fig21.{navn}_siste_{kort}", andel21(g, siste, [tilstand]), kind="pct",
             decimals=1 if navn == "pensjon" else 0)
if skjulte_21:
    skjult_aar = sorted({a for _, a, _ in skjulte_21})
    skjult_tilstander = sorted({s.lower() for _, _, s in skjulte_21})
    spenn = (f"{skjult_aar[0]}–{skjult_aar[-1]}"
             if skjult_aar == list(range(skjult_aar[0], skjult_aar[-1] + 1))
             else ", ".join(map(str, skjult_aar)))
    fact("effekt.fig21.skjult", len(skjulte_21),
         text=f"{' og '.join(skjult_tilstander)} blant mottakerne i {spenn}")
else:
    fact("effekt.fig21.skjult", 0, text="ingen")
