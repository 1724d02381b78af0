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
# # Kapittel 3: bruken av ordningen i spørreundersøkelsene
#
# Spørreundersøkelsen til ikke-mottakere 2024 (Figur 2–5), til mottakere 2024 (Figur 6–17,
# Tabell 6) og sammenligningen med mottakerundersøkelsen i forrige evaluering 2022 (Figur 6,
# 9, 10), feilmarginene i kapittel 3.3 og 3.4, og tallene teksten bruker.
#
# Regler (DESIGN §5): figurteksten er spørsmålsteksten ordrett fra kodeboken, med
# «(Flere svar mulig)» der spørsmålet har flere svar, og n regnet fra dataene. «Vet ikke» står
# i nevneren. Andeler er uvektede (som i rapporten).

# %%
import pandas as pd

from rapport.data import load_codebook, read_dataset
from rapport.exhibits import (
    bar_chart, fact, fmt, grouped_bars, likert_diverging, likert_stacked, publish_figure,
    publish_table,
)
from rapport.exhibits.tables import build_table
from rapport.stats import (
    RULE, TOTAL, Protected, battery, compare_rounds, crosstab, multi_select, share_of,
    single_choice, suppress_shares,
)

KILDE_IKKE = "Spørreundersøkelse til ikke-mottakere av tilskudd 2024 (Oxford Research AS)"
KILDE_MOTT = "Spørreundersøkelse til mottakere av tilskudd 2024 (Oxford Research AS)"
KILDE_RUNDER = ("Spørreundersøkelser til mottakere av tilskudd 2022 (forrige evaluering, "
                "AFI/OsloMet og Proba) og 2024 (Oxford Research AS)")

ikke = read_dataset("ikke_mottakere_2024")
mott = read_dataset("mottakere_2024")
m22 = read_dataset("mottakere_2022")
utvalg = read_dataset("utvalg_mottakere_2024")
design = read_dataset("utvalg")
kb_ikke = load_codebook("ikke_mottakere_2024")
kb_mott = load_codebook("mottakere_2024")
kb_22 = load_codebook("mottakere_2022")

# %% [markdown]
# ## Hjelpere
#
# «(Flere svar mulig)» følger kodeboken (`multi: true`). Rapporten mangler merket på Figur 4,
# 7, 9, 10 og 12 selv om spørsmålene har flere svar; her står det der det er sant.
# Kategorirekkefølge i søylefigurene: innholdssvarene etter størrelse, deretter de
# utelukkende «nei/ingen»-svarene, så «Annet» og til slutt «Vet ikke».

# %%
VET_IKKE = 9


def question(kb, qid: str) -> str:
    text = kb.question_text(qid)
    if not text:
        raise KeyError(f"{kb.dataset}: ingen spørsmålstekst for {qid}")
    return text


def is_multi(kb, qid: str) -> bool:
    return bool(kb.questions.get(qid) and kb.questions[qid].multi)


def suffix(col: str, group: str) -> str:
    return col.removeprefix(group + "_")


def is_none_option(label: str) -> bool:
    low = label.lower()
    return low.startswith(("nei, ingen", "hadde ikke", "nei,"))


def is_tail(label: str) -> bool:
    return label.lower().startswith(("annet", "vet ikke"))


def bar_order(labels_values: pd.Series) -> list[str]:
    """Substantive options by size, then «nei/ingen», «Annet», «Vet ikke»."""
    labels = list(labels_values.index)
    main = [c for c in labels if not is_none_option(c) and not is_tail(c)]
    main.sort(key=lambda c: -labels_values[c])
    none = [c for c in labels if is_none_option(c) and not is_tail(c)]
    annet = [c for c in labels if c.lower().startswith("annet")]
    vet = [c for c in labels if c.lower().startswith("vet ikke")]
    return main + none + annet + vet


def ordered(df: pd.DataFrame, by: str = "share") -> pd.DataFrame:
    order = bar_order(df.set_index("category")[by])
    return df.set_index("category").loc[order].reset_index()


def multi(df: pd.DataFrame, kb, group: str) -> pd.DataFrame:
    """Multi-select shares with a short `key` per option (the column name without the group)."""
    out = multi_select(df, kb.options(group))
    out["key"] = [suffix(c, group) for c in out["code"]]
    return out


def single(df: pd.DataFrame, kb, col: str) -> pd.DataFrame:
    return single_choice(df[col], kb.labels(col))


def items(df: pd.DataFrame, kb, group: str, scale: dict) -> pd.DataFrame:
    """A battery (items on one scale) with the answer label as `level`, for the Likert figures."""
    return battery(df, kb.options(group), scale).rename(columns={"category": "level"})


def sorted_items(table: pd.DataFrame, by: pd.Series) -> pd.DataFrame:
    """Battery rows with the items in the order of `by` (item → sort order), codes in scale
    order within each item."""
    out = table.assign(item=pd.Categorical(table["item"], categories=list(by.index),
                                           ordered=True))
    out = out.sort_values(["item", "code"]).reset_index(drop=True)
    return out.assign(item=out["item"].astype(str))


def tidy(table: pd.DataFrame, cols=("category", "count", "n", "share")) -> pd.DataFrame:
    return table[list(cols)].reset_index(drop=True)


def scale_figure(fig_id: str, df: pd.DataFrame, kb, col: str, source: str) -> pd.DataFrame:
    """A single-choice question as bars in the answer scale's order; returns its shares."""
    table = single(df, kb, col)
    publish_figure(fig_id, bar_chart(table, sort=False), caption=question(kb, col),
                   data=tidy(table), source=source)
    return table


# %% [markdown]
# ## Svarinngang: inviterte, svar og svarprosent
#
# Mottakere 2024: utvalgsfilen har én rad per invitert virksomhet; svar = fullført
# (svarstatus 3). Ikke-mottakere 2024: svarfilen har bare fullførte svar; antallet inviterte
# står i prosjektets designfil (`utvalg.csv`).

# %%
mott_inviterte = len(utvalg)
mott_svar = int((mott["svarstatus"] == 3).sum())
ikke_inviterte = int(design.set_index("noekkel").loc["ikke_mottakere_utsendt", "tall"])
ikke_svar = len(ikke)
fact("survey.mottakere.inviterte", mott_inviterte, kind="int")
fact("survey.mottakere.svar", mott_svar, kind="int")
fact("survey.mottakere.svarprosent", mott_svar / mott_inviterte, kind="pct")
fact("survey.mottakere.startet", len(mott), kind="int")
fact("survey.mottakere.mottatt", int((mott["q_mottatt"] == 1).sum()), kind="int")
fact("survey.ikke_mottakere.inviterte", ikke_inviterte, kind="int")
fact("survey.ikke_mottakere.svar", ikke_svar, kind="int")
fact("survey.ikke_mottakere.svarprosent", ikke_svar / ikke_inviterte, kind="pct")
fact("survey.ikke_mottakere.n", ikke_svar, kind="int")
pd.Series({"mottakere inviterte": mott_inviterte, "mottakere svar": mott_svar,
           "ikke-mottakere inviterte": ikke_inviterte, "ikke-mottakere svar": ikke_svar})

# %% [markdown]
# ## Figur 2: kjennskap blant ikke-mottakere

# %%
hort = scale_figure("kjennskap", ikke, kb_ikke, "q_hort_om", KILDE_IKKE)
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
relevans = scale_figure("relevans", ikke, kb_ikke, "q_relevans", KILDE_IKKE)
fact("survey.ikke_mottakere.relevans_n", int(relevans["n"].iloc[0]), kind="int")
fact("survey.ikke_mottakere.relevans_stor", share_of(relevans, 1), kind="pct")
fact("survey.ikke_mottakere.relevans_stor_noen", share_of(relevans, 1, 2), kind="pct")
relevans

# %% [markdown]
# ## Figur 4: hvorfor lot de være å søke?

# %%
sokt = single(ikke, kb_ikke, "q_sokt")
fact("survey.ikke_mottakere.sokt_av_hort", share_of(sokt, 1), kind="pct")
arsak = ordered(multi(ikke, kb_ikke, "q_arsak"))
publish_figure(
    "arsak-ikke-sokt",
    bar_chart(arsak, sort=False, label_width=46),
    caption=question(kb_ikke, "q_arsak"),
    multi=is_multi(kb_ikke, "q_arsak"),
    data=tidy(arsak),
    source=KILDE_IKKE,
)
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
grep = items(ikke, kb_ikke, "q_grep", JA_NEI)
ja = grep[grep["code"] == 1].set_index("item")["share"].sort_values(ascending=False)
grep = sorted_items(grep, ja)
publish_figure(
    "grep",
    likert_stacked(grep, levels=[JA_NEI[1], JA_NEI[2]], dont_know=JA_NEI[VET_IKKE],
                   label_width=40),
    caption=question(kb_ikke, "q_grep"),
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

# %% [markdown]
# ## Sammenligning av to runder
#
# Alternativene matches på kolonnenavn (samme suffiks i begge rundene) og får 2024-teksten.
# Et alternativ som ikke fantes i 2022 har ingen rad for 2022 og merkes «ikke spurt 2022».

# %%
def rounds(group: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    r24 = multi(mott, kb_mott, group)
    r22 = multi(m22, kb_22, group)
    labels = dict(zip(r24["key"], r24["category"]))
    r22["category"] = r22["key"].map(labels).fillna(r22["category"])
    r24["round"], r22["round"] = 2024, 2022
    both = pd.concat([r22, r24], ignore_index=True)
    order = bar_order(r24.set_index("category")["share"])
    both["category"] = pd.Categorical(both["category"], categories=order, ordered=True)
    both = both.sort_values(["category", "round"]).reset_index(drop=True)
    both["category"] = both["category"].astype(str)
    return both, r22, r24


def round_figure(fig_id: str, group: str, *, question_text: str | None = None):
    both, r22, r24 = rounds(group)
    publish_figure(
        fig_id,
        grouped_bars(both, rounds=[2022, 2024], sort=False, label_width=44),
        caption=question_text or question(kb_mott, group),
        multi=is_multi(kb_mott, group),
        data=both[["round", "category", "count", "n", "share"]],
        source=KILDE_RUNDER,
    )
    return r22.set_index("key"), r24.set_index("key")


def moe_facts(key: str, r22: pd.DataFrame, r24: pd.DataFrame, option: str):
    """The report's verdict (single-sample margin of the 2024 estimate) and the two-sample one.

    The report judges a change 2022 → 2024 against 1,96·√(p(1−p)/n) of the 2024 estimate
    (seed004.md §9); the correct margin for a difference of two independent shares is
    1,96·√(p₁q₁/n₁ + p₂q₂/n₂). Both are published with their verdict words.
    """
    p22, n22 = float(r22.loc[option, "share"]), int(r22.loc[option, "n"])
    p24, n24 = float(r24.loc[option, "share"]), int(r24.loc[option, "n"])
    words = {"reell": "over feilmarginen", "innenfor": "innenfor feilmarginen"}
    out = {}
    for rule, tag in (("single", ""), ("two_sample", "_to_utvalg")):
        cmp = compare_rounds(p22, n22, p24, n24, rule=rule)
        fact(f"survey.moe.{key}.margin{tag}", cmp.margin, kind="pp", decimals=1)
        fact(f"survey.moe.{key}.margin{tag}_tall", cmp.margin * 100, kind="decimal", decimals=1)
        fact(f"survey.moe.{key}.verdict{tag}", cmp.verdict, words[cmp.verdict])
        out[rule] = cmp
    fact(f"survey.moe.{key}.p2022", p22, kind="pct")
    fact(f"survey.moe.{key}.p2024", p24, kind="pct")
    fact(f"survey.moe.{key}.endring", abs(p24 - p22), kind="pp")
    fact(f"survey.moe.{key}.retning", p24 - p22, "økning" if p24 > p22 else "nedgang")
    return out


# %% [markdown]
# ## Figur 6: hvordan fikk du høre om tilskuddet? (2022 og 2024)

# %%
k22, k24 = round_figure("kilde", "q_kilde")
for opt in ("ia", "bht", "naveil", "ansatte", "tilbyder", "navweb", "arbtaker_org",
            "arbgiver_org"):
    fact(f"survey.kilde.{opt}_2024", float(k24.loc[opt, "share"]), kind="pct")
    if opt in k22.index:
        fact(f"survey.kilde.{opt}_2022", float(k22.loc[opt, "share"]), kind="pct")
fact("survey.kilde.n_2024", int(k24["n"].iloc[0]), kind="int")
fact("survey.kilde.n_2022", int(k22["n"].iloc[0]), kind="int")
moe_andre = moe_facts("andre_ansatte", k22, k24, "ansatte")
moe_web = moe_facts("navweb", k22, k24, "navweb")

# The report prints ±4,9 for «andre ansatte» (l. 510); with the printed n = 271 and p = 17 %
# the data give ±4,5 (seed004.md §9, reading n_271). Both go to the deviations appendix.
fact("avvik.moe_andre_ansatte.publisert", 4.9, kind="decimal", decimals=1)
fact("avvik.moe_andre_ansatte.beregnet", moe_andre["single"].margin * 100, kind="decimal",
     decimals=1)
pd.DataFrame({k: vars(v) for k, v in {**{f"andre_{r}": c for r, c in moe_andre.items()},
                                      **{f"navweb_{r}": c for r, c in moe_web.items()}}.items()})

# %% [markdown]
# ## Figur 7: når hadde du dialog med NAV?

# %%
dialog = ordered(multi(mott, kb_mott, "q_dialog").assign(
    sortkey=lambda d: range(len(d), 0, -1)), by="sortkey")  # process order, not size
publish_figure(
    "dialog-nav",
    bar_chart(dialog, sort=False, label_width=44),
    caption=question(kb_mott, "q_dialog"),
    multi=is_multi(kb_mott, "q_dialog"),
    data=tidy(dialog),
    source=KILDE_MOTT,
)
for opt in ("soknad", "ekspert", "gjennomforing", "oppfolging", "refusjon"):
    fact(f"survey.dialog.{opt}", share_of(dialog, opt, column="key"), kind="pct")
dialog

# %% [markdown]
# ## Figur 8: utfordringene bak søknaden

# %%
utf = ordered(multi(mott, kb_mott, "q_utfordring"))
publish_figure(
    "utfordringer",
    bar_chart(utf, sort=False, label_width=44),
    caption=question(kb_mott, "q_utfordring"),
    multi=is_multi(kb_mott, "q_utfordring"),
    data=tidy(utf),
    source=KILDE_MOTT,
)
for opt in ("psykisk", "muskel", "livssituasjon", "utmattelse"):
    fact(f"survey.utfordring.{opt}", share_of(utf, opt, column="key"), kind="pct")
fact("survey.utfordring.n", int(utf["n"].iloc[0]), kind="int")
utf

# %% [markdown]
# ## Figur 9: målet med ekspertbistanden (2022 og 2024)

# %%
mal22, mal24 = round_figure("mal", "q_mal")
fact("survey.mal.arbeidsevne_2024", float(mal24.loc["arbeidsevne", "share"]), kind="pct")
fact("survey.mal.tilbake_2024", float(mal24.loc["tilbake", "share"]), kind="pct")
moe_tilbake = moe_facts("tilbake", mal22, mal24, "tilbake")
moe_annet = moe_facts("annet_arbeid", mal22, mal24, "annet_arbeid")
pd.DataFrame({f"{k}_{r}": vars(c) for k, d in (("tilbake", moe_tilbake),
                                               ("annet_arbeid", moe_annet))
              for r, c in d.items()})

# %% [markdown]
# ## Figur 10: andre tiltak prøvd før søknaden (2022 og 2024)
#
# Rapportens figurtekst mangler spørsmålstegnet; kodeboken har teksten uten, så det settes på
# her.

# %%
tiltak_text = question(kb_mott, "q_tiltak").rstrip()
tiltak_text = tiltak_text if tiltak_text.endswith("?") else tiltak_text + "?"
t22, t24 = round_figure("andre-tiltak", "q_tiltak", question_text=tiltak_text)
for opt in ("oppgaver", "arbeidstid", "ergonomi", "bht"):
    fact(f"survey.tiltak.{opt}_2024", float(t24.loc[opt, "share"]), kind="pct")
fact("survey.tiltak.bht_2022", float(t22.loc["bht", "share"]), kind="pct")
fact("survey.tiltak.ingen_2024", float(t24.loc["ingen", "share"]), kind="pct")
moe_tid = moe_facts("arbeidstid", t22, t24, "arbeidstid")
moe_bht = moe_facts("tiltak_bht", t22, t24, "bht")
pd.DataFrame({f"{k}_{r}": vars(c) for k, d in (("arbeidstid", moe_tid), ("bht", moe_bht))
              for r, c in d.items()})

# %% [markdown]
# ## Figur 11: én eller flere eksperter

# %%
antall = scale_figure("antall-eksperter", mott, kb_mott, "q_antall_eksperter", KILDE_MOTT)
antall22 = single(m22, kb_22, "q_antall_eksperter")
fact("survey.eksperter.en_2024", share_of(antall, 1), kind="pct")
fact("survey.eksperter.en_2022", share_of(antall22, 1), kind="pct")
flere = mott["q_antall_eksperter"] == 2
fact("survey.eksperter.flere_ao_psykologi",
     float(mott.loc[flere, "q_kompetanse_aopsykologi"].astype(float).mean()), kind="pct")
antall

# %% [markdown]
# ## Figur 12: ekspertens kompetanse

# %%
komp = ordered(multi(mott, kb_mott, "q_kompetanse"))
publish_figure(
    "kompetanse",
    bar_chart(komp, sort=False, label_width=44),
    caption=question(kb_mott, "q_kompetanse"),
    multi=is_multi(kb_mott, "q_kompetanse"),
    data=tidy(komp),
    source=KILDE_MOTT,
)
fact("survey.kompetanse.coaching", share_of(komp, "coaching", column="key"), kind="pct")
midt = [share_of(komp, k, column="key") for k in ("arbeidsavklaring", "aopsykologi",
                                                   "arbeidshelse", "ergonomi", "tilrettelegging")]
fact("survey.kompetanse.midt_min", min(midt), kind="pct_table")
fact("survey.kompetanse.midt_min_tall", min(midt) * 100, kind="decimal", decimals=0)
fact("survey.kompetanse.midt_maks", max(midt), kind="pct")
fact("survey.kompetanse.omstilling", share_of(komp, "omstilling", column="key"), kind="pct")
fact("survey.kompetanse.konflikt", share_of(komp, "konflikt", column="key"), kind="pct")
# 2022 against 2024 for the work-environment competences (the report: a small decrease,
# within the margins). The largest decrease among them, judged by both rules.
komp22 = multi(m22, kb_22, "q_kompetanse").set_index("key")
komp24 = komp.set_index("key")
miljo = ["aopsykologi", "arbeidshelse", "tilrettelegging", "omstilling", "konflikt"]
fall = {k: float(komp24.loc[k, "share"] - komp22.loc[k, "share"]) for k in miljo}
storst = min(fall, key=fall.get)
moe_komp = moe_facts("kompetanse_miljo", komp22, komp24, storst)
navn = str(komp24.loc[storst, "category"])
fact("survey.moe.kompetanse_miljo.navn", navn, navn[0].lower() + navn[1:], kind="text")
komp, fall

# %% [markdown]
# ## Figur 13: hvor jobber ekspertene til vanlig?

# %%
org = single(mott, kb_mott, "q_ekspert_org")
org = ordered(org)
publish_figure(
    "ekspert-org",
    bar_chart(org, sort=False, label_width=40),
    caption=question(kb_mott, "q_ekspert_org"),
    data=tidy(org),
    source=KILDE_MOTT,
)
fact("survey.ekspert_org.ekstern_bht", share_of(org, 1), kind="pct")
fact("survey.ekspert_org.ekstern_bht_ord", share_of(org, 1), kind="share_words")
fact("survey.ekspert_org.intern_bht", share_of(org, 2), kind="pct")
fact("survey.ekspert_org.enkeltperson", share_of(org, 3), kind="pct")
org

# %% [markdown]
# ## Figur 14: involvering av andre aktører (Likert)

# %%
aktor_scale = kb_mott.labels("q_aktor_tillitsvalgt")
aktor = items(mott, kb_mott, "q_aktor", aktor_scale)
# «Bransjeorganisasjoner/arbeidsgiverorganisasjoner» has no space to wrap at: let it break
# after the slash in the figure (the CSV keeps the codebook label).
aktor_plot = aktor.assign(item=aktor["item"].str.replace("/", "/ ", regex=False))
publish_figure(
    "aktorer",
    likert_stacked(aktor_plot, levels=[aktor_scale[c] for c in (1, 2, 3, 4)],
                   dont_know=aktor_scale[VET_IKKE], label_width=26),
    caption=question(kb_mott, "q_aktor"),
    data=aktor[["item", "level", "count", "n", "share"]],
    source=KILDE_MOTT,
)
for col in kb_mott.options("q_aktor"):
    key = suffix(col, "q_aktor")
    fact(f"survey.aktor.{key}_involvert", share_of(aktor, 1, 2, 3, item=col), kind="pct")
    fact(f"survey.aktor.{key}_stor", share_of(aktor, 1, item=col), kind="pct")
aktor

# %% [markdown]
# ## Tabell 6: involvering av andre i virksomheten × respondentens rolle
#
# Kolonneprosent blant dem som svarte på involveringsspørsmålet (corner n). Tabellen viser
# andeler, ikke antall, og ikke kolonnenes n. Personvernregelen (`rapport.stats.disclosure`,
# færre enn 4 → skjult) brukes derfor på nevneren for hver andel: en rollekolonne med færre
# enn 4 svar er en primærcelle, og `suppress_shares` skjuler da alle andelene i kolonnen
# (også «Total»-raden, som ellers ville vise «100 %» for en skjult gruppe).
#
# Spørsmålsteksten i forspalten har en fotnote for parentesen som er kortet bort. Den merkes
# med «¹», ikke «*» som i rapporten, fordi «*» er prosjektets tegn for skjulte celler og står
# i samme tabell.

# %%
inv = mott[mott["q_involvert"].notna()]
roller = kb_mott.labels("q_rolle")
ct = crosstab(inv, "q_involvert", "q_rolle", row_labels=kb_mott.labels("q_involvert"),
              col_labels=roller)
role_cols = list(roller.values())
counts = ct.counts
primary = pd.DataFrame(False, index=counts.index, columns=counts.columns)
primary.loc[TOTAL, role_cols] = RULE.is_sensitive(counts.loc[TOTAL, role_cols].to_numpy())
counts_protected = Protected(values=counts, mask=primary.copy(), primary=primary, rule=RULE,
                             kind="table", total=TOTAL)
shares = ct.shares[role_cols]
shares_protected = suppress_shares(shares, counts_protected, denominator="column")

tab6 = shares.copy()
tab6.insert(0, "svar", tab6.index)
tab6 = tab6.reset_index(drop=True)
suppressed = shares_protected.mask.reset_index(drop=True)
corner = fmt.n_label(ct.n, parens=False)
rolle_q = question(kb_mott, "q_rolle")
stub_head = ("Har andre enn deg (og evt. tillitsvalgt) fra virksomheten vært involvert i den "
             "aktuelle saken?¹")
# Fixed column widths: sized by its longest text, the stub (the long question and answer
# texts, wrapped in their cells) would take most of the page and squeeze the role columns.
t6 = build_table(tab6, stub="svar", columns=role_cols, formats={c: "pct" for c in role_cols},
                 suppressed=suppressed, groups=[(rolle_q, role_cols)],
                 corner=corner, stub_label=stub_head, bold=[TOTAL],
                 widths={"svar": 40, **{c: 13 for c in role_cols}})
skjult = [c for c in role_cols if bool(shares_protected.mask[c].all())]
publish_table(
    "involvering-rolle",
    t6,
    caption=f"«{question(kb_mott, 'q_involvert')}» krysset med «{rolle_q}»",
    data=(ct.shares.rename_axis(index="q_involvert", columns="q_rolle").stack()
          .rename("share").reset_index()
          .merge(counts.rename_axis(index="q_involvert", columns="q_rolle").stack()
                 .rename("count").reset_index(), on=["q_involvert", "q_rolle"])
          .query("q_rolle not in @skjult")),
    notes=[
        "¹ For eksempel i møter, dialog med ekspert eller i søknadsprosess.",
        (f"\\{RULE.symbol} Skjult av personvernhensyn: færre enn {RULE.threshold} svar i "
         f"kolonnen ({', '.join(skjult)})."
         if skjult else ""),
        "Kolonneprosent. På grunn av avrunding summerer ikke alle kolonnene til 100 %.",
    ],
    source=KILDE_MOTT,
)
fact("survey.involvert.n", ct.n, kind="int")
ct.shares.round(3)

# %% [markdown]
# ## Figur 15: påstander om tilskuddet (enighet, divergerende)
#
# Påstandene sorteres etter andelen som er delvis eller helt enige.

# %%
enig = kb_mott.labels("q_pastand_ramme")
past = items(mott, kb_mott, "q_pastand", enig)
agree = past[past["code"].isin([4, 5])].groupby("item")["share"].sum().sort_values(
    ascending=False)
past = sorted_items(past, agree)
publish_figure(
    "pastander",
    likert_diverging(past, levels=[enig[c] for c in (1, 2, 3, 4, 5)], negative=2,
                     neutral=enig[3], dont_know=enig[VET_IKKE], label_width=36),
    caption=question(kb_mott, "q_pastand"),
    data=past[["item", "level", "count", "n", "share"]],
    source=KILDE_MOTT,
)
for col in kb_mott.options("q_pastand"):
    key = suffix(col, "q_pastand")
    fact(f"survey.pastand.{key}_enig", share_of(past, 4, 5, item=col), kind="pct")
    fact(f"survey.pastand.{key}_uenig", share_of(past, 1, 2, item=col), kind="pct")
for col in ("q_pastand_ia_rolle", "q_pastand_navkontor_rolle"):
    fact(f"survey.pastand.{suffix(col, 'q_pastand')}_uenig_2022",
         share_of(single(m22, kb_22, col), 1, 2), kind="pct")
agree

# %% [markdown]
# ## Figur 16: betalt mer enn refundert

# %%
betalt = scale_figure("betalt-mer", mott, kb_mott, "q_betalt_mer", KILDE_MOTT)
fact("survey.betalt_mer.ja", share_of(betalt, 1), kind="pct")
betalt

# %% [markdown]
# ## Figur 17: intern ressursbruk (bipolar skala, i skalaens rekkefølge)

# %%
ressurs = scale_figure("ressursbruk", mott, kb_mott, "q_ressursbruk", KILDE_MOTT)
fact("survey.ressursbruk.verken", share_of(ressurs, 3), kind="pct")
fact("survey.ressursbruk.noe_okt", share_of(ressurs, 4), kind="pct")
fact("survey.ressursbruk.sterkt_okt", share_of(ressurs, 5), kind="pct")
fact("survey.ressursbruk.redusert", share_of(ressurs, 1, 2), kind="pct")

# Nytteverdi (text only, no figure): shares of all on page 8, «vet ikke» in the denominator.
nytte = single(mott, kb_mott, "q_nytte")
fact("survey.nytte.ja", share_of(nytte, 1), kind="pct")
fact("survey.nytte.nei", share_of(nytte, 2), kind="pct")
fact("survey.nytte.vet_ikke", share_of(nytte, VET_IKKE), kind="pct")
positiv = mott["q_innvirkning"].isin([1, 2]) & mott["q_nytte"].notna()
fact("survey.nytte.nei_blant_positive",
     float((mott.loc[positiv, "q_nytte"] == 2).mean()), kind="pct")
ressurs, nytte
