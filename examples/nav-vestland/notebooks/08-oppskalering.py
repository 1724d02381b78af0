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
# # Kapittel 8: meldingen fra «Morgendagens SYFO» (Figur 10) og utviklingsprosessen i
# # FoU-planen for NAV (Figur 11)
#
# Begge er gjengivelser av dokumenter, ikke data: teksten står her én gang, ordrett fra
# rapporten (Figur 10 er meldingsmalen fra Vest-Viken; «Alternativ 1:1 …» er satt som
# svaralternativer).

# %%
from rapport.exhibits import logic_model, publish_figure
from rapport.exhibits.figures.text_box import text_box

hilsen = [
    ("text", "Jeg er din veileder i NAV. Jeg skriver til deg for å bli bedre kjent med "
             "situasjonen din."),
    ("text", "Jeg vil gjerne samarbeide med deg hvis du trenger oppfølging nå som du er "
             "sykmeldt. For å få bedre kjennskap til hvor du står i dag, håper jeg du har "
             "mulighet til å svare på tre spørsmål:"),
    ("strong", "1. Hvor sannsynlig er det at du kommer tilbake i jobben du ble sykmeldt fra?"),
    ("option", "Jeg tror det er veldig sannsynlig."),
    ("option", "Jeg er usikker."),
    ("option", "Jeg tror det er lite sannsynlig."),
    ("strong", "2. Hvordan vil du beskrive samarbeidet og relasjonen mellom deg og "
               "arbeidsgiveren din?"),
    ("option", "Jeg opplever samarbeidet vårt som godt."),
    ("option", "Jeg opplever samarbeidet vårt som vanskelig."),
    ("strong", "3. Hvor lenge tenker du at du har behov for å være sykmeldt?"),
    ("option", "Under 26 uker totalt (6 måneder)."),
    ("option", "Over 26 uker totalt (6 måneder)."),
    ("text", "NAV XX er med i et utviklingsprosjekt hvor vi prøver ut en ny og mer behovsbasert "
             "oppfølging av sykmeldte. Målet med prosjektet er å utvikle en bedre "
             "sykefraværsoppfølging for sykmeldte og arbeidsgivere, og for å nå dette målet "
             "trenger vi å oppbevare opplysninger om oppfølgingen vi gir deg og resultatene av "
             "denne i et dokument utenfor NAV sine fagsystemer. Opplysningene vil bli "
             "kodet/anonymisert slik at ingen personer er gjenkjennbare og oppbevart ut 2024. "
             "Dersom du ikke ønsker at vi skal oppbevare opplysninger om oppfølgingen du får til "
             "dette formålet, må du gi oss beskjed om dette."),
    ("plain", "Ser frem til å høre fra deg."),
    ("plain", "Mvh XX"),
]
publish_figure("forste-hilsen", text_box(hilsen, title="Første hilsen ut fra veilederen"),
               caption="Første hilsen ut – kjenner ikke bruker fra før",
               source="NAV Vest-Viken, «Morgendagens SYFO» (Oxford Research og NORCE, 2023)", n=False)

steg = [
    ("Steg 1", ["Lokale forsøk: NAV-kontor prøver ut nye arbeidsmåter på eget initiativ"]),
    ("Steg 2", ["Utprøving i flere NAV-kontor med prosessevaluering"]),
    ("Steg 3", ["Nasjonale forsøk med effektevaluering"]),
    ("Steg 4", ["Nye faglige anbefalinger"]),
]
utviklingsprosess = publish_figure("utviklingsprosess", logic_model(steg),
                                   caption="Utviklingsprosess (FoU-plan for NAV 2021–2025)",
                                   source="FoU-plan for NAV 2021–2025", n=False)
utviklingsprosess["alt"]
