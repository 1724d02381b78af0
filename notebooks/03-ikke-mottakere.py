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
# # Kapittel 3: ikke-mottakerne i spørreundersøkelsen
#
# Spørreundersøkelsen til ikke-mottakere 2024 (Figur 2–5): svarinngang, kjennskap, om
# ordningen er aktuell, hvorfor de ikke søkte og hva som ville fått dem til å søke, og tallene
# teksten bruker. Mottakerundersøkelsene (Figur 6–17, Tabell 6) står i `03-survey.py`; delingen
# gjør at en endret ikke-mottakerfil bare kjører denne notatboken på nytt.
#
# Regler (docs/cookbook.md «Conventions»): figurteksten er spørsmålsteksten ordrett fra kodeboken, med
# «(Flere svar mulig)» der spørsmålet har flere svar, og n regnet fra dataene. «Vet ikke» står
# i nevneren. Andeler er uvektede (som i rapporten). Kategorirekkefølgen i søylefigurene
# (`order_bars`): innholdssvarene etter størrelse, deretter de utelukkende «nei/ingen»-svarene,
# så «Annet» og til slutt «Vet ikke».

# %%
from rapport.data import load_codebook, read_dataset
from rapport.exhibits import (
    fact, likert_stacked, order_bars, publish_bars, publish_figure, publish_question,
)
from rapport.stats import battery, multi_select, order_items, share_of, single_choice
from rapport.stats.moe import moe_max

KILDE_IKKE = "Spørreundersøkelse til ikke-mottakere av tilskudd 2024 (Oxford Research AS)"
VET_IKKE = 9  # «Vet ikke» in the survey codebooks

ikke = read_dataset("ikke_mottakere_2024")
design = read_dataset("utvalg")
kb_ikke = load_codebook("ikke_mottakere_2024")

# %% [markdown]
# ## Svarinngang: inviterte, svar og svarprosent
#
# Svarfilen har bare fullførte svar; antallet inviterte står i prosjektets designfil
# (`utvalg.csv`).

# %%
ikke_inviterte = int(design.set_index("noekkel").loc["ikke_mottakere_utsendt", "tall"])
ikke_svar = len(ikke)
fact("survey.ikke_mottakere.inviterte", ikke_inviterte, kind="int")
fact("survey.ikke_mottakere.svar", ikke_svar, kind="int")
fact("survey.ikke_mottakere.svarprosent", ikke_svar / ikke_inviterte, kind="pct")
# The largest 95 % margin of error for a share over all complete answers (p = 0,5).
fact("survey.ikke_mottakere.feilmargin_maks", moe_max(ikke_svar), kind="pp", decimals=1)
fact("survey.ikke_mottakere.n", ikke_svar, kind="int")
{"inviterte": ikke_inviterte, "svar": ikke_svar}

# %% [markdown]
# ## Figur 2: kjennskap blant ikke-mottakere

# %%
hort = publish_question("kjennskap", ikke, kb_ikke, "q_hort_om", source=KILDE_IKKE)
har_hort = ikke["q_hort_om"].isin([1, 2])
fact("survey.ikke_mottakere.hort_om", float(har_hort.mean()), kind="pct")
fact("survey.ikke_mottakere.hort_om_ord", float(har_hort.mean()), kind="share_words")
fact("survey.ikke_mottakere.hort_om_n", int(har_hort.sum()), kind="int")
fact("survey.ikke_mottakere.kjenner_godt", share_of(hort, 1), kind="pct")
# «av disse oppgir 30 prosent at de ikke er så godt kjent»: of those who had heard
# (README of the codebook, reading figur_2_30).
fact("survey.ikke_mottakere.ikke_godt_kjent_av_hort",
     float((ikke.loc[har_hort, "q_hort_om"] == 2).mean()), kind="pct")
sektorer = kb_ikke.labels("sektor")
ikke_hort_sektor = ikke.groupby("sektor", observed=False)["q_hort_om"].apply(
    lambda s: float((s == 3).mean()))
fact("survey.ikke_mottakere.ikke_hort_privat", ikke_hort_sektor[1], kind="pct")
fact("survey.ikke_mottakere.ikke_hort_kommunal", ikke_hort_sektor[2], kind="pct")
ikke_hort_str = ikke.groupby("ansatte_kat", observed=False)["q_hort_om"].apply(
    lambda s: float((s == 3).mean()))
fact("survey.ikke_mottakere.ikke_hort_storrelse_min", ikke_hort_str.min(), kind="pct")
fact("survey.ikke_mottakere.ikke_hort_storrelse_maks", ikke_hort_str.max(), kind="pct")
hort, ikke_hort_sektor.rename(sektorer), ikke_hort_str

# %% [markdown]
# ## Figur 3: er ordningen aktuell?
#
# Spurt alle; 6 lot spørsmålet stå ubesvart (ikke i n). Skalaen står i sin egen rekkefølge.

# %%
relevans = publish_question("relevans", ikke, kb_ikke, "q_relevans", source=KILDE_IKKE)
fact("survey.ikke_mottakere.relevans_n", int(relevans["n"].iloc[0]), kind="int")
fact("survey.ikke_mottakere.relevans_stor", share_of(relevans, 1), kind="pct")
fact("survey.ikke_mottakere.relevans_stor_noen", share_of(relevans, 1, 2), kind="pct")
relevans

# %% [markdown]
# ## Figur 4: hvorfor lot de være å søke?
#
# «(Flere svar mulig)» følger kodeboken (`multi: true`). Rapporten mangler merket på Figur 4
# selv om spørsmålet har flere svar; her står det der det er sant.

# %%
sokt = single_choice(ikke["q_sokt"], kb_ikke.labels("q_sokt"))
fact("survey.ikke_mottakere.sokt_av_hort", share_of(sokt, 1), kind="pct")
arsak = order_bars(multi_select(ikke, kb_ikke.options("q_arsak"), group="q_arsak"))
publish_bars("arsak-ikke-sokt", arsak, caption=kb_ikke.caption("q_arsak"),
             multi=kb_ikke.is_multi("q_arsak"), source=KILDE_IKKE, label_width=46)
fact("survey.ikke_mottakere.arsak_n", int(arsak["n"].iloc[0]), kind="int")
for opt in ("vilkar", "arbeidstaker", "altinn"):
    fact(f"survey.ikke_mottakere.arsak_{opt}", share_of(arsak, opt, column="key"), kind="pct")
arsak

# %% [markdown]
# ## Figur 5: grep som ville økt sannsynligheten for å søke
#
# Et batteri med Ja/Nei/Vet ikke per grep; stablet, sortert etter andelen «Ja».

# %%
JA_NEI = kb_ikke.labels("q_grep_tydelig")
grep = battery(ikke, kb_ikke.options("q_grep"), JA_NEI).rename(columns={"category": "level"})
ja = grep[grep["code"] == 1].set_index("item")["share"].sort_values(ascending=False)
grep = order_items(grep, ja.index)
publish_figure(
    "grep",
    likert_stacked(grep, levels=[JA_NEI[1], JA_NEI[2]], dont_know=JA_NEI[VET_IKKE],
                   label_width=40),
    caption=kb_ikke.caption("q_grep"),
    data=grep[["item", "level", "count", "n", "share"]],
    source=KILDE_IKKE,
)
fact("survey.ikke_mottakere.grep_n", int(grep["n"].max()), kind="int")
fact("survey.ikke_mottakere.grep_tydelig_ja", float(ja.iloc[0]), kind="pct")
fact("survey.ikke_mottakere.grep_finne_info_ja", share_of(grep, 1, item="q_grep_finne_info"),
     kind="pct")
fact("survey.ikke_mottakere.grep_kontakt_ja", share_of(grep, 1, item="q_grep_kontakt"),
     kind="pct")
ja
