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
# # Kapittel 4: kostnads- og nyttevurderinger av arbeidsmarkedstiltakene
#
# Én parameterfil (`data/raw/cba_forutsetninger.yml`) og den ene modellen i `rapport.cba` gir
# alle tall i kapitlet: Tabell 4-2 og 4-4 til 4-9, Figur 4-1 til 4-5 og tallene i teksten.
# Kostnadene i Tabell 4-4 til 4-6 er de samme tallene som radene i Tabell 4-7, og Tabell 4-2 er
# Tabell 4-7s nyttestrømmer avrundet: tabellene kan ikke si hverandre imot. Til slutt sammenligner
# notebooken hvert beregnet tall med det trykte (`data/reference/`) og publiserer avvikene
# (vedlegg A); et avvik uten forklaring stopper bygget.

# %%
from __future__ import annotations

import math

import pandas as pd

from rapport.cba import (ROWS, break_even_duration, break_even_job_share, break_even_joint,
                         break_even_wage, employment_paths, load_parameters, priced_effects,
                         scenario, value_creation_stream, verdict)
from rapport.cba.model import discount_factors
from rapport.data import read_dataset, read_file
from rapport.exhibits import (build_table, fact, fmt, line_panels, publish_figure,
                              publish_table, sign_matrix)

PARAMS = load_parameters("data/raw/cba_forutsetninger.yml")
C = PARAMS.common
M = PARAMS.measures
KILDE = "Beregninger av Oslo Economics"
ORDER_42 = ["Midlertidig lønnstilskudd", "AFT", "Utdanning", "AMO-kurs",
            "Utvidet oppfølging i egenregi", "Oppfølging", "Arbeidstrening"]
ORDER_47 = ["Arbeidstrening", "AMO-kurs", "Oppfølging", "Midlertidig lønnstilskudd",
            "Utdanning", "Utvidet oppfølging i egenregi"]
SHORT = {"AMO-kurs": "AMO", "Utvidet oppfølging i egenregi": "Utvidet oppfølging i egenregi"}
RESULT = {name: priced_effects(m, C) for name, m in M.items()}


def slug(name: str) -> str:
    text = name.lower()
    for a, b in (("æ", "ae"), ("ø", "o"), ("å", "a"), (" ", "_"), ("-", "_")):
        text = text.replace(a, b)
    return text


def pct_fact(key: str, share: float) -> str:
    """A share in prose with as many decimals as it has (at most one): «6 prosent», «12,8 prosent»."""
    decimals = 0 if abs(share * 100 - round(share * 100)) < 1e-9 else 1
    return fact(key, share, kind="pct", decimals=decimals)


def round_to(value: float, step: int) -> int:
    return int(fmt.round_half_up(value / step, 0)) * step


pd.DataFrame(RESULT).T.round(0)

# %% [markdown]
# ## Felles forutsetninger (tall i teksten)

# %%
pct_fact("cba.rente", C.discount_rate)
fact("cba.periode_aar", C.horizon_years, text=f"{C.horizon_years:g}")
fact("cba.prisaar", C.price_year, text=str(C.price_year))
pct_fact("cba.skattefinansiering", C.tax_cost)
pct_fact("cba.reallonnsvekst", C.wage_growth)
pct_fact("cba.arbeidskraftkostnad", C.labour_cost_factor)
fact("cba.lonn", C.monthly_wage, text=fmt.kr_prose(C.monthly_wage))
pct_fact("cba.stilling", C.job_share)
pct_fact("cba.stilling_aft", M["AFT"].job_share)
pct_fact("cba.avgang_kontroll", C.exit_control)
pct_fact("cba.avgang_deltaker", C.exit_treated)
fact("cba.effekt_aar", C.effect_months / 12, text=fmt.decimal(C.effect_months / 12, 0))
fact("cba.trygd_aar", C.benefit_per_year, text=fmt.kr_prose(C.benefit_per_year))
fact("cba.trygd_per_krone", C.benefit_per_income_krone, text=fmt.decimal(C.benefit_per_income_krone, 2))
pct_fact("cba.skatt_trygd", C.benefit_tax)
fact("cba.tiltakspenger_mnd", C.tiltakspenger_per_month, text=fmt.kr_prose(C.tiltakspenger_per_month))
pct_fact("cba.tiltakspenger_andel", C.tiltakspenger_share)
fact("cba.tiltakspenger_dagsats", C.tiltakspenger_daily_rate,
     text=fmt.kr_prose(C.tiltakspenger_daily_rate))
fact("cba.tiltakspenger_dager", C.tiltakspenger_days_per_month,
     text=fmt.decimal(C.tiltakspenger_days_per_month, 0))
pct_fact("cba.lonnstilskudd_sats", M["Midlertidig lønnstilskudd"].wage_subsidy)
fact("cba.fritid_timer", C.leisure_hours, text=fmt.decimal(C.leisure_hours, 0))
fact("cba.fritid_timer_full", M["Utdanning"].leisure_hours,
     text=fmt.decimal(M["Utdanning"].leisure_hours, 1))
fact("cba.nettotimelonn", C.net_hourly_wage, text=fmt.kr_prose(round(C.net_hourly_wage, 1)))
fact("cba.fritid_mnd", C.leisure_hours * C.net_hourly_wage * C.leisure_value,
     text=fmt.kr_prose(round(C.leisure_hours * C.net_hourly_wage * C.leisure_value)))
fact("cba.timekostnad", C.caseworker_hourly_cost, text=fmt.decimal(C.caseworker_hourly_cost, 1))
# NAV's average hours per measure-month (Tabell 4-6): the measures of middling follow-up,
# such as Midlertidig lønnstilskudd, are given the average in the parameter file.
SNITT_TIMER = M["Midlertidig lønnstilskudd"].caseworker_hours
fact("cba.veiledertimer_snitt", SNITT_TIMER, text=fmt.decimal(SNITT_TIMER, 2))
ANDRE_SEKTORER = M["Utdanning"].other_sector_cost          # kroner per deltaker per måned
fact("cba.andre_sektorer_mnd", ANDRE_SEKTORER, text=fmt.kr_prose(ANDRE_SEKTORER))
fact("cba.andre_sektorer_aar", 12 * ANDRE_SEKTORER, text=fmt.kr_prose(12 * ANDRE_SEKTORER))
for name, m in M.items():
    fact(f"cba.varighet.{slug(name)}", m.duration_months, text=fmt.decimal(m.duration_months, 0))
    fact(f"cba.veiledertimer.{slug(name)}", m.caseworker_hours,
         text=fmt.decimal(m.caseworker_hours, 2).rstrip("0").rstrip(","))
    fact(f"cba.vc.{slug(name)}", RESULT[name]["value_creation"],
         text=fmt.kr_prose(round_to(RESULT[name]["value_creation"], 1000)))
    fact(f"cba.netto.{slug(name)}", RESULT[name]["sum"],
         text=fmt.kr_prose(round_to(RESULT[name]["sum"], 1000)))
for name in ("AMO-kurs", "Oppfølging", "Utvidet oppfølging i egenregi", "AFT", "Arbeidstrening"):
    m = M[name]
    pct_fact(f"cba.h0.{slug(name)}", m.base_hazard)
    pct_fact(f"cba.innlaasing.{slug(name)}", -m.lock_in)
    pct_fact(f"cba.etter.{slug(name)}", m.post_effect)

# %% [markdown]
# ## Figur 4-1: fra overgangssannsynlighet til verdiskaping (illustrert med AMO-kurs)

# %%
ILLUSTRASJON = "AMO-kurs"
MONTHS_SHOWN = 120
treated, control, hazard = employment_paths(M[ILLUSTRASJON], C)
monthly_value = value_creation_stream(M[ILLUSTRASJON], C) * discount_factors(
    scenario(M[ILLUSTRASJON], C, discount_rate=0.0)[1])
t = list(range(MONTHS_SHOWN))
panel_a = "A: Månedlig sannsynlighet for overgang til arbeid"
panel_b = "B: Månedlig sannsynlighet for å være sysselsatt"
panel_c = "C: Effekt av tiltaksdeltakelse på verdiskaping per måned (ikke neddiskontert)"
fig41 = pd.concat([
    pd.DataFrame({"panel": panel_a, "gruppe": "Deltakere", "maaned": t, "verdi": hazard[:MONTHS_SHOWN]}),
    pd.DataFrame({"panel": panel_a, "gruppe": "Kontrollgruppe", "maaned": t,
                  "verdi": M[ILLUSTRASJON].base_hazard}),
    pd.DataFrame({"panel": panel_b, "gruppe": "Deltakere", "maaned": t, "verdi": treated[:MONTHS_SHOWN]}),
    pd.DataFrame({"panel": panel_b, "gruppe": "Kontrollgruppe", "maaned": t, "verdi": control[:MONTHS_SHOWN]}),
    pd.DataFrame({"panel": panel_c, "gruppe": "Effekt", "maaned": t,
                  "verdi": monthly_value[:MONTHS_SHOWN]}),
], ignore_index=True)
fig = line_panels(fig41, x="maaned", y="verdi", series="gruppe", panel="panel", kind="kr",
                  x_label="måneder etter tiltaksstart", height_cm=5.0,
                  panel_kinds={panel_a: ("pct", 1), panel_b: ("pct", 0)})
_ = publish_figure(
    "overgang-verdiskaping", fig,
    caption=f"Illustrasjon av hvordan effekt på overgangssannsynlighet omsettes til effekt på "
            f"verdiskaping ({ILLUSTRASJON})",
    data=fig41, source=KILDE, n=False)
fact("cba.illustrasjon", ILLUSTRASJON, text=ILLUSTRASJON)

# %% [markdown]
# ## Figur 4-2 til 4-4: effekt på verdiskaping per måned, per tiltak

# %%
def curves(names, panels: bool):
    frames = []
    for i, name in enumerate(names):
        undiscounted = value_creation_stream(M[name], C) * discount_factors(
            scenario(M[name], C, discount_rate=0.0)[1])
        label = f"{'ABC'[i]}: {name} – effekt på verdiskaping" if panels else ""
        frames.append(pd.DataFrame({"panel": label, "tiltak": name, "maaned": range(C.months),
                                    "verdi": undiscounted}))
    return pd.concat(frames, ignore_index=True)


FIGURES = [
    ("verdiskaping-amo-oppfolging", ["AMO-kurs", "Oppfølging"], False,
     "Effekt på verdiskaping av AMO-kurs og Oppfølgingstiltaket"),
    ("verdiskaping-utvidet-lonnstilskudd-utdanning",
     ["Utvidet oppfølging i egenregi", "Midlertidig lønnstilskudd", "Utdanning"], True,
     "Effekt på verdiskaping av Utvidet oppfølging i egenregi, Midlertidig lønnstilskudd og "
     "Utdanning"),
    ("verdiskaping-aft-arbeidstrening", ["AFT", "Arbeidstrening"], False,
     "Effekt på verdiskaping av AFT og Arbeidstrening"),
]
for fig_id, names, panels, caption in FIGURES:
    data = curves(names, panels)
    fig = line_panels(data, x="maaned", y="verdi", series="tiltak",
                      panel="panel" if panels else None, kind="kr",
                      x_label="måneder etter tiltaksstart", y_label="kr per måned",
                      height_cm=5.0 if panels else 7.0)
    _ = publish_figure(fig_id, fig, caption=caption + " (kroner per måned, ikke neddiskontert)",
                   data=data, source=KILDE, n=False)

# %% [markdown]
# ## Tabell 4-2: nåverdi av verdiskaping og av spart trygd

# %%
t42 = pd.DataFrame({
    "tiltak": ORDER_42,
    "verdiskaping": [RESULT[n]["value_creation"] for n in ORDER_42],
    "trygd": [RESULT[n]["benefit_gain"] for n in ORDER_42],
})
shown = t42.assign(verdiskaping=t42.verdiskaping.map(lambda v: round_to(v, 1000)),
                   trygd=t42.trygd.map(lambda v: round_to(v, 100)))
_ = publish_table(
    "naverdi",
    build_table(shown, stub="tiltak", columns=["verdiskaping", "trygd"],
                formats={"verdiskaping": "int", "trygd": "int"},
                labels={"tiltak": "Tiltak", "verdiskaping": "Nåverdi av verdiskapingseffekt",
                        "trygd": "Nåverdi av skattefinansieringsgevinsten av reduserte "
                                 "trygdeutgifter"}),
    caption="Beregnet nåverdi av verdiskapingseffekten av arbeidsmarkedstiltak og reduserte "
            f"trygdeytelser ({C.price_year}-kroner per deltaker)",
    notes="Note: Tabellen viser den beregnede nåverdien av verdiskapingseffekten (avrundet til "
          "nærmeste 1 000 kroner) og skattefinansieringsgevinsten av reduserte trygdeutgifter "
          "(avrundet til nærmeste 100 kroner), basert på forutsetningene beskrevet i dette "
          "kapitlet. Tallene er de samme som i Tabell 4-7, der de står uavrundet.",
    data=t42, source=KILDE)

# %% [markdown]
# ## Tabell 4-4, 4-5 og 4-6: kostnadene

# %%
cost_rows = []
for name in ORDER_42:
    m = M[name]
    cost_rows.append({
        "tiltak": name, "varighet": m.duration_months,
        "tiltakspenger_mnd": C.tiltakspenger_per_month if m.tiltakspenger else 0.0,
        "tiltakspenger": -RESULT[name]["tiltakspenger"],
        "kostnad_mnd": m.nav_cost + m.nav_transfer,
        "gjennomforing": -RESULT[name]["nav_cost"],
        "veileder_timer": m.caseworker_hours,
        "veileder": -RESULT[name]["caseworker"],
    })
costs = pd.DataFrame(cost_rows)
_ = publish_table(
    "tiltakspenger",
    build_table(costs, stub="tiltak", columns=["varighet", "tiltakspenger_mnd", "tiltakspenger"],
                formats={"varighet": "int", "tiltakspenger_mnd": "int", "tiltakspenger": "int"},
                labels={"tiltak": "Tiltak", "varighet": "Gjennomsnittlig varighet (måneder)",
                        "tiltakspenger_mnd": "Kostnader til tiltakspenger per måned "
                                             "(budsjettkostnad)",
                        "tiltakspenger": "Samfunnsøkonomisk kostnad ved gjennomføring"}),
    caption="Beregnede kostnader ved tiltaksgjennomføring knyttet til tiltakspenger (kroner per "
            "deltaker)",
    notes=f"Note: Tiltakspenger er en overføring. Den samfunnsøkonomiske kostnaden er "
          f"skattefinansieringskostnaden, {fmt.pct_prose(C.tax_cost)} av forventede "
          f"tiltakspenger per måned ganger varigheten. Deltakere på lønnstilskudd får ikke "
          f"tiltakspenger.",
    data=costs[["tiltak", "varighet", "tiltakspenger_mnd", "tiltakspenger"]], source=KILDE)
_ = publish_table(
    "gjennomforing",
    build_table(costs, stub="tiltak", columns=["varighet", "kostnad_mnd", "gjennomforing"],
                formats={"varighet": "int", "kostnad_mnd": "int", "gjennomforing": "int"},
                labels={"tiltak": "Tiltak", "varighet": "Gjennomsnittlig varighet (måneder)",
                        "kostnad_mnd": "Tiltakskostnad per måned (budsjettkostnad)",
                        "gjennomforing": "Samfunnsøkonomisk kostnad ved gjennomføring"}),
    caption="Beregnet samfunnsøkonomisk kostnad ved gjennomføring av tiltak i NAV (kroner per "
            "deltaker)",
    notes=f"Note: Budsjettkostnad per måned ganger varighet, med "
          f"{fmt.pct_prose(C.tax_cost)} skattefinansieringskostnad. Lønnstilskuddet er en "
          f"overføring; bare skattefinansieringskostnaden regnes.",
    data=costs[["tiltak", "varighet", "kostnad_mnd", "gjennomforing"]], source=KILDE)
_ = publish_table(
    "veileder",
    build_table(costs, stub="tiltak", columns=["varighet", "veileder_timer", "veileder"],
                formats={"varighet": "int", "veileder_timer": lambda v: fmt.decimal(v, 2),
                         "veileder": "int"},
                labels={"tiltak": "Tiltak", "varighet": "Gjennomsnittlig varighet (måneder)",
                        "veileder_timer": "Gjennomsnittlig tidsbruk for veileder per måned i "
                                          "tiltak (timer)",
                        "veileder": "Kostnad mer-tidsbruk for NAV-veileder (kroner)"}),
    caption="Beregnede kostnader ved tiltaksgjennomføring knyttet til veilederes oppfølging av "
            "tiltaksdeltakere",
    notes=f"Note: Timer per måned ganger varighet ganger en timekostnad på "
          f"{fmt.decimal(C.caseworker_hourly_cost, 1)} kroner.",
    data=costs[["tiltak", "varighet", "veileder_timer", "veileder"]], source=KILDE)

# %% [markdown]
# ## Tabell 4-7: samlede virkninger

# %%
ROW_LABELS = {
    "nav_cost": "Tiltakskostnader finansiert av NAV",
    "other_sector_cost": "Tiltakskostnader i andre sektorer",
    "tiltakspenger": "Tiltakspenger",
    "caseworker": "Merkostnad NAV-veileder tidsbruk",
    "leisure": "Fritidskostnad",
    "value_creation": "Effekt på verdiskaping",
    "benefit_gain": "Spart trygd som følge av økt arbeid",
    "sum": "Sum prissatte virkninger",
}
records = []
for key in [*ROWS, "sum"]:
    records.append({"virkning": ROW_LABELS[key], "blokk": "Prissatte virkninger (kroner)",
                    **{n: fmt.integer(RESULT[n][key]) for n in ORDER_47}})
for effect in PARAMS.unpriced:
    records.append({"virkning": effect.name, "blokk": "Ikke-prissatte virkninger",
                    **{n: effect.consequences[n][1].replace("-", "\u2212") for n in ORDER_47}})
records.append({"virkning": "Samlet netto nytte", "blokk": "Ikke-prissatte virkninger",
                **{n: verdict(RESULT[n]["sum"]).text for n in ORDER_47}})
t47 = pd.DataFrame(records)
_ = publish_table(
    "samlet",
    build_table(t47, stub="virkning", columns=ORDER_47, formats={n: "text" for n in ORDER_47},
                labels={"virkning": "Virkning", **SHORT},
                block="blokk", stub_label="Virkning",
                widths={"virkning": 26, **{n: 14 for n in ORDER_47}},
                bold=["Sum prissatte virkninger", "Samlet netto nytte"]),
    caption=f"Samlede samfunnsøkonomiske virkninger av ulike arbeidsmarkedstiltak "
            f"({C.price_year}-kroner per deltaker)",
    notes="Note: Kostnader er negative. «Samlet netto nytte» er fortegnet til summen av de "
          "prissatte virkningene; de ikke-prissatte virkningene er vurdert etter DFØs "
          "konsekvensmatrise (Figur 4-5). AFT er utelatt fordi effektestimatet ikke er "
          "sammenlignbart med de andre tiltakenes (se kapittel 4.4.1).",
    data=pd.DataFrame(
        [{"virkning": ROW_LABELS[k], "tiltak": n, "verdi": RESULT[n][k]}
         for k in [*ROWS, "sum"] for n in ORDER_47]
        + [{"virkning": e.name, "tiltak": n, "verdi": e.consequences[n][1]}
           for e in PARAMS.unpriced for n in ORDER_47]
        + [{"virkning": "Samlet netto nytte", "tiltak": n, "verdi": verdict(RESULT[n]["sum"]).text}
           for n in ORDER_47]),
    source=KILDE)

# %% [markdown]
# ## Figur 4-5: DFØs konsekvensmatrise

# %%
from rapport.cba import CONSEQUENCE_MATRIX, MAGNITUDES, SIGNIFICANCES  # noqa: E402

matrix = pd.DataFrame(
    [[" / ".join(CONSEQUENCE_MATRIX[m][j]).replace("-", "\u2212") for j in range(3)]
     for m in MAGNITUDES],
    index=[m.capitalize() for m in MAGNITUDES], columns=[s.capitalize() for s in SIGNIFICANCES])
_ = publish_figure("konsekvensmatrise",
               sign_matrix(matrix, row_title="Omfang", column_title="Betydning"),
               caption="Illustrasjon av konsekvensmatrise for ikke-prissatte virkninger",
               source="dfø.no, Veileder i samfunnsøkonomiske analyser", n=False)

# %% [markdown]
# ## Tabell 4-8: lønn og stillingsprosent der tiltaket slutter å lønne seg
#
# Den trykte tabellen oppgir hele prosent under nullpunktet: nivået der tiltaket er ulønnsomt.

# %%
rows48 = []
for name in ("AFT", "AMO-kurs"):
    m = M[name]
    wage = break_even_wage(m, C)
    share = break_even_job_share(m, C)
    joint = break_even_joint(m, C)
    rows48.append({"tiltak": SHORT.get(name, name), "lonn": math.floor(wage * 100) / 100,
                   "stilling": math.floor(share * 100) / 100, "lonn_eksakt": wage,
                   "stilling_eksakt": share, "felles_reduksjon": joint})
    pct_fact(f"cba.nullpunkt.{slug(name)}.lonn", math.floor(wage * 100) / 100)
    pct_fact(f"cba.nullpunkt.{slug(name)}.stilling", math.floor(share * 100) / 100)
    reduction = math.ceil(joint * 100) / 100
    pct_fact(f"cba.nullpunkt.{slug(name)}.felles", reduction)
    pct_fact(f"cba.nullpunkt.{slug(name)}.felles_stilling",
             round((m.job_share or C.job_share) * (1 - reduction), 3))
    fact(f"cba.nullpunkt.{slug(name)}.felles_lonn", C.monthly_wage * (1 - reduction),
         text=fmt.kr_prose(round(C.monthly_wage * (1 - reduction))))
t48 = pd.DataFrame(rows48)
_ = publish_table(
    "lonn-stilling",
    build_table(t48, stub="tiltak", columns=["lonn", "stilling"],
                formats={"lonn": "pct", "stilling": "pct"},
                labels={"tiltak": "Tiltak", "lonn": "Lønn som andel av medianlønn",
                        "stilling": "Stillingsprosent"}),
    caption="Test av forutsetninger om lønn og stillingsprosent",
    notes="Note: Tabellen viser hvor lav lønnen (som andel av medianlønnen) eller "
          "stillingsprosenten må være, med de øvrige forutsetningene uendret, før summen av de "
          "prissatte virkningene blir negativ (hele prosent under nullpunktet).",
    data=t48, source=KILDE)

# %% [markdown]
# ## Tabell 4-9: varigheten der tiltaket slutter å lønne seg

# %%
durations = read_dataset("tiltak_varighet")
rows49 = []
for rec in durations.itertuples():
    m = M[rec.tiltak]
    if rec.gjennomsnitt_maaneder != m.duration_months:
        raise ValueError(f"data/raw/tiltak_varighet.csv: {rec.tiltak}: gjennomsnitt "
                         f"{rec.gjennomsnitt_maaneder} ≠ varighet {m.duration_months} i "
                         f"data/raw/cba_forutsetninger.yml")
    no_leisure = break_even_duration(*scenario(m, C, leisure_hours=0))
    rows49.append({"tiltak": rec.tiltak, "gjennomsnitt": rec.gjennomsnitt_maaneder,
                   "median": rec.median_maaneder, "margin": break_even_duration(m, C),
                   "margin_uten_fritid": no_leisure})
    fact(f"cba.margin.{slug(rec.tiltak)}", rows49[-1]["margin"],
         text=fmt.decimal(rows49[-1]["margin"], 1 if rows49[-1]["margin"] % 1 else 0))
    fact(f"cba.margin_uten_fritid.{slug(rec.tiltak)}", no_leisure,
         text=fmt.decimal(no_leisure, 1 if no_leisure % 1 else 0))
t49 = pd.DataFrame(rows49)
_ = publish_table(
    "varighet",
    build_table(t49, stub="tiltak", columns=["gjennomsnitt", "median", "margin"],
                formats={"gjennomsnitt": lambda v: fmt.decimal(v, 0 if v % 1 == 0 else 1),
                         "median": lambda v: fmt.decimal(v, 0 if v % 1 == 0 else 1),
                         "margin": lambda v: fmt.decimal(v, 0 if v % 1 == 0 else 1)},
                labels={"tiltak": "Tiltak", "gjennomsnitt": "Gjennomsnitt", "median": "Median",
                        "margin": "Margin"}),
    caption="Test av forutsetninger om tiltakenes gjennomsnittlige varighet (måneder)",
    notes="Note: «Margin» er den korteste varigheten, i halve måneder, der summen av de "
          "prissatte virkningene blir negativ når alle kostnader som følger varigheten, og "
          "innlåsingen, forlenges. Gjennomsnitt og median er tall fra Arbeids- og "
          "velferdsdirektoratet.",
    data=t49, source=KILDE)

# %% [markdown]
# ## Scenarioer i teksten

# %%
def vc(name, **changes):
    m, c = scenario(M[name], C, **changes)
    return priced_effects(m, c)["value_creation"]


lt_zero = vc("Midlertidig lønnstilskudd", income_during=0.0)
utd_stop = vc("Utdanning", income_decay=1.0)
aft_88 = vc("AFT", job_share=C.job_share)
lt_two = vc("Midlertidig lønnstilskudd", income_constant_years=2)
years_positive = next(y for y in range(4, 21) if vc("Arbeidstrening", effect_months=12 * y) > 0)
fact("cba.scenario.lt_null_under", lt_zero, text=fmt.kr_prose(round_to(lt_zero, 1000)))
fact("cba.scenario.utdanning_stopp", utd_stop, text=fmt.kr_prose(round_to(utd_stop, 1000)))
fact("cba.scenario.aft_88", aft_88, text=fmt.kr_prose(round_to(aft_88, 1000)))
fact("cba.scenario.lt_to_aar", lt_two, text=fmt.kr_prose(round_to(lt_two, 1000)))
fact("cba.scenario.arbeidstrening_aar", years_positive, text=str(years_positive))
LAVERE = 0.25                    # the report's scenario: wage and job share a quarter lower
pct_fact("cba.scenario.amo25_lavere", LAVERE)
amo25 = {d: priced_effects(*scenario(M["AMO-kurs"], C, duration_months=d,
                                     job_share=C.job_share * (1 - LAVERE)),
                           wage_factor=1 - LAVERE)["sum"]
         for d in (5, 6)}
fact("cba.scenario.amo25_5", amo25[5], text=fmt.kr_prose(round_to(amo25[5], 100)))
fact("cba.scenario.amo25_6", amo25[6], text=fmt.kr_prose(round_to(amo25[6], 100)))
assert amo25[5] > 0 > amo25[6], amo25
{"lt_zero": lt_zero, "utd_stop": utd_stop, "aft_88": aft_88, "lt_two": lt_two,
 "years": years_positive, "amo25": amo25}

# %% [markdown]
# ## Avvik fra den trykte rapporten (vedlegg A)
#
# Hver celle i de trykte tabellene sammenlignes med beregningen. Avvik innenfor toleransen
# (avrunding i den trykte tabellen; nåverdiene innenfor 3,1 prosent, som den uavhengige
# gjenberegningen) er ikke avvik. Alle andre må ha en forklaring her.

# %%
EXPLAIN = {
    ("Tabell 4-5", "Utdanning"): "Tabellen viser 140 400, men 1 000 kroner per måned i 13 "
        "måneder med 20 prosent skattefinansieringskostnad er 15 600, som Tabell 4-7 bruker.",
    ("Tabell 4-7", "Tiltakskostnader finansiert av NAV", "Midlertidig lønnstilskudd"):
        "Tabell 4-7 viser 0. Teksten og Tabell 4-5 regner skattefinansieringskostnaden av "
        "lønnstilskuddet (20 prosent av 23 400 kroner i 7 måneder); det gjør modellen også.",
    ("Tabell 4-7", "Tiltakspenger", "Midlertidig lønnstilskudd"):
        "Tabell 4-7 viser −750, men deltakere på lønnstilskudd får ikke tiltakspenger (teksten "
        "og Tabell 4-4); −750 følger ikke av noen oppgitt regel.",
    ("Tabell 4-7", "Tiltakskostnader i andre sektorer", "Utdanning"):
        "Tabell 4-7 viser −32 760 (lønnstilskuddets NAV-kostnad, trolig feilplassert). Teksten "
        "oppgir 139 600 (8 950 kroner per måned i 13 måneder med skattefinansieringskostnad); "
        "marginen 16,5 måneder i Tabell 4-9 følger bare av tekstens regel.",
    ("Tabell 4-7", "Spart trygd som følge av økt arbeid", "Midlertidig lønnstilskudd"):
        "Den oppgitte regelen (0,30 trygdekroner per krone arbeidsinntekt, 20 prosent av "
        "beløpet etter 11 prosent skatt) gir ikke det trykte tallet; modellen følger regelen.",
    ("Tabell 4-7", "Spart trygd som følge av økt arbeid", "Utdanning"):
        "Som for lønnstilskudd: den oppgitte regelen gir ikke det trykte tallet.",
    ("Tabell 4-2", "trygd", "Midlertidig lønnstilskudd"): "Se Tabell 4-7, spart trygd.",
    ("Tabell 4-2", "trygd", "Utdanning"): "Se Tabell 4-7, spart trygd.",
    ("Tabell 4-7", "Sum prissatte virkninger", "Midlertidig lønnstilskudd"):
        "Følger av radene over (NAV-kostnad, tiltakspenger, spart trygd).",
    ("Tabell 4-7", "Sum prissatte virkninger", "Utdanning"):
        "Følger av radene over (kostnader i andre sektorer, spart trygd).",
}
TOLERANCE = 0.031   # relative, for the model's present values
avvik = []


def compare(where, row, col, printed, computed, *, tol_rel=0.0, tol_abs=0.5):
    if pd.isna(printed):
        return
    if abs(computed - printed) <= max(tol_abs, tol_rel * abs(printed)):
        return
    key = (where, row, col) if (where, row, col) in EXPLAIN else (where, row)
    if key not in EXPLAIN:
        raise ValueError(f"{where}, {row}, {col}: trykt {printed}, beregnet {computed:.0f}; "
                         f"avviket har ingen forklaring i EXPLAIN")
    avvik.append({"tabell": where, "rad": row, "kolonne": col, "trykt": float(printed),
                  "beregnet": float(computed), "forklaring": EXPLAIN[key]})


ref45 = read_file("data/reference/tabell_4-5.csv").set_index("tiltak")
for name in ref45.index:
    compare("Tabell 4-5", name, "kostnad", ref45.loc[name, "samfunnsokonomisk_kostnad_ved_gjennomforing_kr"],
            -RESULT[name]["nav_cost"], tol_abs=100)   # printed to the nearest 100 (truncated)
ref47 = read_file("data/reference/tabell_4-7.csv").set_index("virkning")
ref_rows = dict(zip(ref47.index, [*ROWS, "sum"]))
for label, key in ref_rows.items():
    for name in ORDER_47:
        col = {"AMO-kurs": "AMO"}.get(name, name)
        tol = TOLERANCE if key in ("value_creation", "benefit_gain", "sum") else 0.0
        compare("Tabell 4-7", label, name, ref47.loc[label, col], RESULT[name][key],
                tol_rel=tol, tol_abs=1.0 if tol == 0 else 0.5)
ref44 = read_file("data/reference/tabell_4-4.csv").set_index("tiltak")
for name in ref44.index:
    compare("Tabell 4-4", name, "kostnad", ref44.loc[name, "samfunnsokonomisk_kostnad_ved_gjennomforing_kr"],
            -RESULT[name]["tiltakspenger"])
ref46 = read_file("data/reference/tabell_4-6.csv").set_index("tiltak")
for name in ref46.index:
    compare("Tabell 4-6", name, "kostnad", ref46.loc[name, "kostnad_mer_tidsbruk_nav_veileder_kr"],
            -RESULT[name]["caseworker"], tol_abs=1.0)
ref42 = read_file("data/reference/tabell_4-2.csv").set_index("tiltak")
for name in ref42.index:
    compare("Tabell 4-2", "verdiskaping", name, ref42.loc[name, "naverdi_verdiskapingseffekt_kr"],
            RESULT[name]["value_creation"], tol_rel=TOLERANCE, tol_abs=500)
    compare("Tabell 4-2", "trygd", name,
            ref42.loc[name, "naverdi_skattefinansieringsgevinst_reduserte_trygdeutgifter_kr"],
            RESULT[name]["benefit_gain"], tol_rel=TOLERANCE, tol_abs=50)
avvik_df = pd.DataFrame(avvik)
pct_fact("cba.toleranse", TOLERANCE)
OPPF = RESULT["Oppfølging"]["value_creation"] / ref42.loc["Oppfølging",
                                                           "naverdi_verdiskapingseffekt_kr"] - 1
assert OPPF < 0, OPPF                    # the text: the model's value is below the printed one
fact("cba.avvik_oppfolging", -OPPF, kind="pct", decimals=0)
shown = avvik_df.assign(sted=avvik_df.tabell + ", " + avvik_df.rad.where(
    avvik_df.rad != avvik_df.kolonne, "") + avvik_df.kolonne.map(lambda c: f" ({c})"))
avvik_table = build_table(
    shown.assign(trykt=shown.trykt.map(fmt.integer), beregnet=shown.beregnet.map(fmt.integer)),
    stub="sted", columns=["trykt", "beregnet", "forklaring"],
    formats={"trykt": "text", "beregnet": "text", "forklaring": "text"},
    labels={"sted": "Sted", "trykt": "Trykt", "beregnet": "Beregnet", "forklaring": "Forklaring"},
    widths={"sted": 24, "trykt": 9, "beregnet": 9, "forklaring": 48})
avvik_table.align = ["l", "r", "r", "l"]      # the explanation is prose: left-aligned
_ = publish_table(
    "avvik-cba",
    avvik_table,
    caption="Tall i kapittel 4 der den trykte rapporten avviker fra modellen",
    notes="Note: Nåverdier som ligger innenfor 3,1 prosent av det trykte tallet, og kostnader "
          "som er avrundet i den trykte tabellen, er ikke tatt med.",
    data=avvik_df, source=KILDE)
fact("cba.avvik_antall", len(avvik_df))
avvik_df
