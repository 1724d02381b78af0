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
# # Kapittel 3: effekter av arbeidsmarkedstiltak – en litteraturoversikt
#
# Tabell 3-2 (egenskaper ved tiltakene, i to deler fordi den er bred), Tabell 3-3 og 3-4
# (konjunkturer) og Figur 3-1 (traktdiagram over standardiserte effekter i nordiske og tyske
# studier, med stemmetelling). Estimatene bak Figur 3-1 er syntetiske
# (`scripts/generate_metastudier.py`); rapporten oppgir bare antallet norske estimater.

# %%

from rapport.data import read_dataset
from rapport.exhibits import build_table, fact, funnel_plot, publish_figure, publish_table
from rapport.stats.meta import CLASSES, effect_sizes, vote_count

KILDE = "Oslo Economics, Frischsenteret og Proba"


def text_left(table, numeric=()):
    """Text tables read better left-aligned; numbers (by column position) stay right."""
    table.align = ["l"] + ["r" if i in numeric else "l" for i in range(len(table.align) - 1)]
    return table

# %% [markdown]
# ## Tabell 3-2: egenskaper ved utvalgte tiltak

# %%
portefolje = read_dataset("tiltaksportefolje")
PANEL_1 = ["omgivelsene", "grad_av_oppfolging", "oppmotekompetanse", "varighet",
           "grad_av_merittering", "leverandor"]
PANEL_2 = ["verdiskaping", "samarbeid_med_helse", "andel_nedsatt_arbeidsevne",
           "deltakere_per_maned_2022", "overgang_til_jobb"]
LABELS = {"tiltak": "Tiltak", "omgivelsene": "Omgivelsene", "grad_av_oppfolging": "Grad av oppfølging",
          "oppmotekompetanse": "Oppmøte-kompetanse", "varighet": "Varighet",
          "grad_av_merittering": "Grad av merittering", "leverandor": "Leverandør",
          "verdiskaping": "Verdiskaping", "samarbeid_med_helse": "Samarbeid med helse",
          "andel_nedsatt_arbeidsevne": "Andel nedsatt arbeidsevne",
          "deltakere_per_maned_2022": "Deltakere per måned 2022",
          "overgang_til_jobb": "Overgang til jobb"}
shown = portefolje.assign(leverandor=portefolje["leverandor"].fillna(""),
                          hovedgruppe=portefolje["hovedgruppe"].astype(str))
CAPTION_32 = ("Oversikt over vår vurdering av egenskaper ved utvalgte tiltak og oppsummering av "
              "litteratur om effekt")
_ = publish_table(
    "portefolje",
    text_left(build_table(shown, stub="tiltak", columns=PANEL_1,
                          formats={c: "text" for c in PANEL_1}, labels=LABELS,
                          block="hovedgruppe", stub_label="Tiltak",
                          widths={"tiltak": 16, "omgivelsene": 10, "grad_av_oppfolging": 10,
                                  "oppmotekompetanse": 11, "varighet": 12,
                                  "grad_av_merittering": 11, "leverandor": 10})),
    caption=CAPTION_32 + " (del 1 av 2)",
    data=portefolje, source=KILDE)
_ = publish_table(
    "portefolje-del2",
    text_left(build_table(shown, stub="tiltak", columns=PANEL_2,
                          formats={**{c: "text" for c in PANEL_2}, "deltakere_per_maned_2022": "int"},
                          labels=LABELS, block="hovedgruppe", stub_label="Tiltak"), numeric={3}),
    caption=CAPTION_32 + " (del 2 av 2)",
    notes="Note: Deltakere per måned er gjennomsnittlig antall deltakere per måned i 2022.",
    data=portefolje, source=KILDE, numbered=False)

# %% [markdown]
# ## Tabell 1-1 (sammendraget): kunnskap om tiltakenes effekter
#
# Et utdrag av Tabell 3-2, fra de samme dataene: tabellene kan ikke si hverandre imot (den
# trykte Tabell 1-1 oppgir «Ukjent» effekt for AFT, Tabell 3-2 «Middels»).

# %%
_ = publish_table(
    "kunnskap",
    build_table(shown, stub="tiltak",
                columns=["andel_nedsatt_arbeidsevne", "deltakere_per_maned_2022",
                         "overgang_til_jobb"],
                formats={"andel_nedsatt_arbeidsevne": "text", "deltakere_per_maned_2022": "int",
                         "overgang_til_jobb": "text"},
                labels={"tiltak": "Tiltak",
                        "andel_nedsatt_arbeidsevne": "Andel deltakere med nedsatt arbeidsevne",
                        "deltakere_per_maned_2022": "Snitt, antall deltakere per måned i 2022",
                        "overgang_til_jobb": "Effekt på overgang til arbeid"}),
    caption="Kunnskap om tiltakenes effekter",
    data=portefolje[["tiltak", "andel_nedsatt_arbeidsevne", "deltakere_per_maned_2022",
                     "overgang_til_jobb"]], source=KILDE)

# %% [markdown]
# ## Tabell 3-3 og 3-4: konjunkturer

# %%
mek = read_dataset("konjunktur_mekanismer")
_ = publish_table(
    "konjunktur-mekanismer",
    text_left(build_table(mek, stub="forhold", columns=["lavkonjunktur", "hoykonjunktur"],
                          formats={"lavkonjunktur": "text", "hoykonjunktur": "text"},
                          labels={"lavkonjunktur": "Lavkonjunktur",
                                  "hoykonjunktur": "Høykonjunktur"}, stub_label=" ")),
    caption="Beskrivelse av hvordan konjunkturer påvirker aktører og virkningsmekanismer ved "
            "arbeidsmarkedstiltak",
    data=mek, source=KILDE)
virk = read_dataset("konjunktur_virkemidler")
_ = publish_table(
    "konjunktur-virkemidler",
    text_left(build_table(virk, stub="aktor", columns=["lavkonjunktur", "hoykonjunktur"],
                          formats={"lavkonjunktur": "text", "hoykonjunktur": "text"},
                          labels={"lavkonjunktur": "Lavkonjunktur",
                                  "hoykonjunktur": "Høykonjunktur"}, stub_label=" ")),
    caption="Egnede virkemidler etter konjunktursituasjon",
    data=virk, source=KILDE)

# %% [markdown]
# ## Figur 3-1: traktdiagram og stemmetelling

# %%
studier = read_dataset("metastudier")
sizes = effect_sizes(studier, effect="effekt", se="se", baseline="baseline",
                     where="data/raw/metastudier.csv")
sizes["gruppe"] = sizes["gruppe"].astype(str)
sizes["tiltakstype"] = sizes["tiltakstype"].astype(str)
fig = funnel_plot(sizes, x="d", y="se_d", facet="tiltakstype", group="gruppe",
                  groups=["Norden", "Tyskland"],
                  x_label="Standardisert effekt (standardavvik)", y_label="Standardfeil")
_ = publish_figure(
    "trakt", fig,
    caption="Standardisert effekt på sannsynlighet for sysselsetting (minst 12 måneder etter "
            "tiltaksstart) og presisjon for studier fra Nord-Europa etter tiltakstype",
    data=sizes[["estimat_id", "studie", "land", "gruppe", "tiltakstype", "horisont_maaneder",
                "d", "se_d", "z_verdi", "klasse"]],
    source="Vooren m.fl. (2019), syntetisk gjengivelse; beregninger av Frischsenteret", n=False)

norske = sizes[sizes["land"].astype(str) == "Norge"]
fact("meta.norske_studier", norske["studie"].nunique())
fact("meta.norske_estimater", len(norske))
for study, n in norske.groupby("studie", sort=False).size().items():
    key = {"Raaum og Torp (2002)": "raaum_torp", "Lorentzen og Dahl (2005)": "lorentzen_dahl",
           "Dahl og Lorentzen (2005)": "dahl_lorentzen",
           "Markussen og Røed (2016)": "markussen_roed"}[study]
    fact(f"meta.estimater.{key}", int(n))
votes = vote_count(sizes, by="gruppe")
for rec in votes.itertuples():
    cls = {CLASSES[0]: "positiv", CLASSES[1]: "ikke", CLASSES[2]: "negativ"}[rec.klasse]
    fact(f"meta.stemmer.{rec.gruppe.lower()}.{cls}", rec.andel, kind="pct")
fact("meta.estimater_totalt", len(sizes))
votes
