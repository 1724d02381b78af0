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
# # Galleri: figur- og tabelltyper
#
# Én av hver figur- og tabelltype i `rapport.exhibits`, laget av små eksempeldata som står her
# i notebooken (ikke rapportens data). Galleriet viser hvordan typene ser ut i HTML og PDF, og
# er en oppskrift: hver celle viser funksjonen som lager utstillingen. Alle id-er begynner med
# `galleri-`.

# %%
import pandas as pd

from rapport.exhibits import (bar_chart, build_table, county_bars, dac_diagram, difference,
                              difference_note, grouped_bars, likert_diverging, likert_stacked,
                              logic_model, pct_n_cells, publish_figure, publish_table,
                              state_distribution)
from rapport.exhibits.tables.builders import disclosure_note
from rapport.stats import suppress_table

KILDE = "Eksempeldata (galleri), Oxford Research AS"

# %% [markdown]
# ## Figurer
#
# ### Liggende søyler, ett svar (`bar_chart`)

# %%
kjennskap = pd.DataFrame({
    "category": ["Ja, og jeg kjenner godt til den", "Ja, men kjenner ikke så godt til den",
                 "Nei"],
    "share": [0.33, 0.14, 0.53], "n": 214})
publish_figure(
    "galleri-en", bar_chart(kjennskap, sort=False),
    caption="Hadde du hørt om tilskudd til ekspertbistand før du mottok denne undersøkelsen?",
    source=KILDE)

# %% [markdown]
# ### Liggende søyler, flere svar mulig (`bar_chart`, `multi=True`)

# %%
utfordringer = pd.DataFrame({
    "category": ["Psykiske helseplager", "Muskel- og skjelettplager", "Krevende livssituasjon",
                 "Utmattelse/utbrenthet", "Konflikter på arbeidsplassen", "Annet", "Vet ikke"],
    "share": [0.47, 0.43, 0.30, 0.30, 0.18, 0.09, 0.02], "n": 216})
publish_figure(
    "galleri-flervalg", bar_chart(utfordringer),
    caption="Hva var utfordringene som lå til grunn for at det ble søkt om ekspertbistand?",
    multi=True, source=KILDE)

# %% [markdown]
# ### To runder sammenlignet, med et svaralternativ som bare ble spurt i én runde
# (`grouped_bars`)

# %%
kilder = pd.DataFrame({
    "category": ["Via IA-rådgiver", "Via IA-rådgiver", "Via bedriftshelsetjenesten",
                 "Via bedriftshelsetjenesten", "Via andre ansatte", "Via andre ansatte",
                 "Via tilbyder av ekspertbistand"],
    "round": [2022, 2024, 2022, 2024, 2022, 2024, 2024],
    "share": [0.41, 0.46, 0.28, 0.28, 0.10, 0.17, 0.15],
    "n": [261, 271, 261, 271, 261, 271, 271]})
publish_figure("galleri-runder", grouped_bars(kilder, rounds=[2022, 2024]),
               caption="Hvordan fikk du høre om tilskuddet?", multi=True, source=KILDE)

# %% [markdown]
# ### Stablet Likert med «vet ikke» for seg (`likert_stacked`)

# %%
GRAD = ["I stor grad", "I noen grad", "I liten grad", "Ikke involvert"]
involvering = pd.DataFrame(
    [(aktor, niva, andel)
     for aktor, andeler in {"Tillitsvalgte/fagforeninger": [0.08, 0.22, 0.26, 0.40, 0.04],
                            "Bransje-/arbeidsgiverorganisasjoner": [0.07, 0.12, 0.14, 0.60, 0.07]
                            }.items()
     for niva, andel in zip(GRAD + ["Vet ikke"], andeler)],
    columns=["item", "level", "share"]).assign(n=203)
publish_figure("galleri-likert", likert_stacked(involvering, levels=GRAD),
               caption="I hvilken grad har følgende aktører vært involvert i saken?",
               source=KILDE)

# %% [markdown]
# ### Divergerende Likert med «vet ikke» for seg (`likert_diverging`)

# %%
ENIG = ["Helt uenig", "Delvis uenig", "Verken enig eller uenig", "Delvis enig", "Helt enig"]
pastander = pd.DataFrame(
    [(pastand, niva, andel)
     for pastand, andeler in {
         "Den økonomiske rammen er tilstrekkelig": [0.03, 0.07, 0.06, 0.36, 0.45, 0.03],
         "Det er enkelt å få utgiftene refundert": [0.04, 0.06, 0.07, 0.33, 0.47, 0.03],
         "Det er enkelt å søke om tilskudd": [0.12, 0.20, 0.10, 0.33, 0.22, 0.03],
         "Det er enkelt å forstå NAVs rolle": [0.11, 0.19, 0.16, 0.30, 0.18, 0.06]}.items()
     for niva, andel in zip(ENIG + ["Vet ikke"], andeler)],
    columns=["item", "level", "share"]).assign(n=203)
publish_figure(
    "galleri-divergerende",
    likert_diverging(pastander, levels=ENIG, negative=2, neutral="Verken enig eller uenig"),
    caption="Ta stilling til følgende påstander om tilskudd til ekspertbistand",
    source=KILDE)

# %% [markdown]
# ### Fylke × år (`county_bars`)

# %%
fylker = ["50 Trøndelag", "08 Vestfold og Telemark", "03 Oslo", "12 Vestland", "06 Vest-Viken",
          "10 Agder"]
niva = [3.2, 4.1, 1.2, 1.0, 0.9, 0.6]
vekst = {2019: 0.05, 2020: 0.45, 2021: 0.7, 2022: 1.0, 2023: 1.1, 2024: 0.12}
fylkesdata = pd.DataFrame([(f, aar, round(n * v * 1e6)) for f, n in zip(fylker, niva)
                           for aar, v in vekst.items()], columns=["county", "year", "value"])
publish_figure("galleri-fylke-aar",
               county_bars(fylkesdata, year_labels={2024: "2024*"}),
               caption="Refunderte beløp per NAV-region og år (2024* til og med 5. mai)",
               source=KILDE)

# %% [markdown]
# ### Tilstandsfordeling over tid, to paneler (`state_distribution`)

# %%
TILSTANDER = ["Fulltidsarbeid", "Sysselsatt", "Ufør", "AAP/Tiltakspenger", "Langtidssykemeldt",
              "Ukjent status"]
forlop = {
    "Mottakere": [[.62, .10, .02, .04, .18, .04], [.45, .09, .02, .06, .34, .04],
                  [.18, .06, .04, .16, .53, .03], [.42, .07, .06, .23, .17, .05]],
    "Ikke-mottakere": [[.64, .11, .03, .03, .15, .04], [.50, .10, .03, .05, .28, .04],
                       [.36, .08, .05, .08, .41, .02], [.55, .08, .06, .10, .16, .05]],
}
aarene = [2018, 2020, 2023, 2024]
tilstandsdata = pd.DataFrame([(g, aar, s, v) for g, rader in forlop.items()
                              for aar, rad in zip(aarene, rader)
                              for s, v in zip(TILSTANDER, rad)],
                             columns=["group", "year", "state", "share"])
publish_figure("galleri-tilstander",
               state_distribution(tilstandsdata, states=TILSTANDER, partial={2024: "januar"}),
               caption="Arbeidsmarkedsstatus per år for mottakere og ikke-mottakere",
               source=KILDE)

# %% [markdown]
# ### Begrepsdiagram fra en liten spesifikasjon (`dac_diagram`, `logic_model`)

# %%
publish_figure("galleri-dac", dac_diagram(), caption="OECDs DAC-kriterier",
               source="OECD, bearbeidet av Oxford Research AS")
publish_figure(
    "galleri-logikkmodell",
    logic_model([
        ("Innsatsfaktorer", ["Tilskudd inntil maksimalsatsen", "NAVs veiledning"]),
        ("Aktiviteter", ["Ekspert kartlegger situasjonen", "Rapport med anbefalte tiltak"]),
        ("Resultater", ["Tilrettelegging på arbeidsplassen", "Avklaring av arbeidsevne"]),
        ("Virkninger", ["Mindre sykefravær", "Færre går ut av arbeidslivet"]),
    ]),
    caption="Logikkmodell for tilskudd til ekspertbistand", source=KILDE)

# %% [markdown]
# ## Tabeller
#
# ### Blokktabell med egen n per blokk (`build_table(block=…, block_n=…)`)

# %%
blokker = pd.DataFrame({
    "blokk": ["Sektor"] * 2 + ["Antall ansatte"] * 4,
    "verdi": ["Offentlig", "Privat", "10 til 20", "21 til 50", "51 til 100", "Over 100"],
    "a2022": [0.65, 0.35, 0.15, 0.39, 0.24, 0.22],
    "a2023": [0.62, 0.38, 0.16, 0.37, 0.21, 0.26]})
publish_table(
    "galleri-blokker",
    build_table(blokker, stub="verdi", block="blokk",
                block_n={"Sektor": 1291, "Antall ansatte": 1298}, columns=["a2022", "a2023"],
                formats={"a2022": "pct", "a2023": "pct"}, labels={"a2022": "2022", "a2023": "2023"}),
    caption="Kjennetegn ved virksomheter som har mottatt ekspertbistand", data=blokker,
    source=KILDE)

# %% [markdown]
# ### To nivåer i overskriften, med differanse (`build_table(groups=…)`, `difference`)

# %%
grupper = pd.DataFrame({
    "blokk": ["Sektor"] * 2,
    "verdi": ["Offentlig", "Privat"],
    "ikke_n": [900, 526], "mott_n": [799, 492]})
grupper["ikke_pct"] = grupper["ikke_n"] / grupper["ikke_n"].sum()
grupper["mott_pct"] = grupper["mott_n"] / grupper["mott_n"].sum()
grupper["diff"] = difference(grupper["ikke_pct"], grupper["mott_pct"])
publish_table(
    "galleri-to-nivaaer",
    build_table(grupper, stub="verdi", block="blokk",
                columns=["ikke_n", "ikke_pct", "mott_n", "mott_pct", "diff"],
                formats={"ikke_pct": "pct", "mott_pct": "pct", "diff": "diff"},
                labels={"ikke_n": "n", "ikke_pct": "%", "mott_n": "n", "mott_pct": "%",
                        "diff": "Differanse"},
                groups=[("Ikke-mottakere (n = 1 426)", ["ikke_n", "ikke_pct"]),
                        ("Mottakere (n = 1 291)", ["mott_n", "mott_pct"])]),
    caption="Virksomheter fordelt på sektor, mottakere og ikke-mottakere", data=grupper,
    notes=difference_note("Ikke-mottakere", "mottakere"), source=KILDE)

# %% [markdown]
# ### Celler med prosent og antall (`pct_n_cells`)

# %%
kjonn = pd.DataFrame({"verdi": ["Kvinne", "Mann"], "ikke_n": [423471, 245497],
                      "mott_n": [2463, 766]})
kjonn["ikke_pct"] = kjonn["ikke_n"] / kjonn["ikke_n"].sum()
kjonn["mott_pct"] = kjonn["mott_n"] / kjonn["mott_n"].sum()
kjonn["ikke"] = pct_n_cells(kjonn["ikke_pct"], kjonn["ikke_n"])
kjonn["mott"] = pct_n_cells(kjonn["mott_pct"], kjonn["mott_n"])
kjonn["diff"] = difference(kjonn["ikke_pct"], kjonn["mott_pct"])
publish_table(
    "galleri-prosent-n",
    build_table(kjonn, stub="verdi", columns=["ikke", "mott", "diff"],
                formats={"ikke": "text", "mott": "text", "diff": "diff"},
                labels={"verdi": "Kjønn", "ikke": "Ikke mottatt ekspertbistand",
                        "mott": "Mottatt ekspertbistand", "diff": "Differanse"}),
    caption="Personer i målgruppen etter kjønn", data=kjonn.drop(columns=["ikke", "mott"]),
    notes=difference_note("Ikke mottatt", "mottatt"), source=KILDE)

# %% [markdown]
# ### Kronetabell med «Totalsum» av uavrundede beløp (`build_table(total=…)`)

# %%
refusjon = pd.DataFrame({
    "region": ["03 Oslo", "10 Agder", "50 Trøndelag"],
    "a2021": [682503.4, 287231.3, 2616854.2], "a2022": [1334200.4, 571166.6, 4256518.7]})
publish_table(
    "galleri-totalsum",
    build_table(refusjon, stub="region", columns=["a2021", "a2022"],
                formats={"a2021": "kr", "a2022": "kr"}, labels={"a2021": "2021", "a2022": "2022"},
                stub_label="NAV-region", total="Totalsum"),
    caption="Refunderte beløp per NAV-region og år", data=refusjon,
    notes="Beløp i hele kroner. Totalsum er summen av de eksakte beløpene, avrundet.",
    source=KILDE)

# %% [markdown]
# ### Lang tabell som brytes over flere sider i PDF, med gjentatt overskrift

# %%
kontorer = pd.DataFrame({"kontor": [f"NAV-kontor {i:02d}" for i in range(1, 61)]})
kontorer["tilsagn"] = [(i * 37) % 50 + 4 for i in range(60)]
kontorer["andel"] = kontorer["tilsagn"] / kontorer["tilsagn"].sum()
publish_table(
    "galleri-lang",
    build_table(kontorer, stub="kontor", columns=["tilsagn", "andel"],
                formats={"tilsagn": "int", "andel": "pct1"},
                labels={"tilsagn": "Antall tilsagn", "andel": "Andel"}, stub_label="Enhet",
                total="Totalt"),
    caption="Antall tilsagn per enhet (lang tabell)", data=kontorer, source=KILDE)

# %% [markdown]
# ### Tabell med celler skjult av personvernhensyn (`suppress_table` + `build_table(suppressed=…)`)
#
# Primær skjuling av små tall (færre enn 4) og sekundær skjuling slik at de ikke kan regnes ut
# fra summene.

# %%
antall = pd.DataFrame({"Leder": [45, 6, 37, 49], "Mellomleder": [17, 0, 6, 4],
                       "HR-ansvarlig": [17, 0, 0, 1], "Annet": [2, 0, 1, 0]},
                      index=["Ja, leder for enheten", "Ja, leder utenfor enheten",
                             "Ja, HR for enheten", "Nei"])
beskyttet = suppress_table(antall)
skjult = beskyttet.values.reset_index(names="svar")
publish_table(
    "galleri-skjult",
    build_table(skjult, stub="svar", columns=list(beskyttet.values.columns),
                formats={c: "int" for c in beskyttet.values.columns},
                stub_label="Involvert", suppressed=beskyttet.mask.reset_index(drop=True)),
    caption="Andre involvert i saken etter respondentens rolle (antall)",
    data=beskyttet.masked().reset_index(names="svar"),
    notes=disclosure_note(beskyttet.rule),
    source=KILDE)
beskyttet.n_suppressed
