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
# # Kapittel 3: bruken av ordningen i mottakerundersøkelsene
#
# Spørreundersøkelsen til mottakere 2024 (Figur 6–17, Tabell 6) og sammenligningen med
# mottakerundersøkelsen i forrige evaluering 2022 (Figur 6, 9, 10), feilmarginene i kapittel
# 3.3 og 3.4, og tallene teksten bruker. Ikke-mottakerne (Figur 2–5) står i
# `03-ikke-mottakere.py`, så en endret ikke-mottakerfil ikke kjører denne notatboken på nytt.
#
# Regler (docs/cookbook.md «Conventions»): figurteksten er spørsmålsteksten ordrett fra kodeboken, med
# «(Flere svar mulig)» der spørsmålet har flere svar, og n regnet fra dataene. «Vet ikke» står
# i nevneren. Andeler er uvektede (som i rapporten).
#
# «(Flere svar mulig)» følger kodeboken (`multi: true`). Rapporten mangler merket på Figur 7,
# 9, 10 og 12 selv om spørsmålene har flere svar; her står det der det er sant.
# Kategorirekkefølge i søylefigurene (`order_bars`): innholdssvarene etter størrelse, deretter
# de utelukkende «nei/ingen»-svarene, så «Annet» og til slutt «Vet ikke».

# %%
import pandas as pd

from rapport.data import load_codebook, read_dataset
from rapport.exhibits import (
    bar_order, fact, fmt, grouped_bars, likert_diverging, likert_stacked, order_bars,
    publish_bars, publish_figure, publish_question, publish_table,
)
from rapport.exhibits.tables import build_table
from rapport.stats.moe import moe_max
from rapport.stats import (
    RULE, TOTAL, Protected, battery, compare_rounds, crosstab, multi_select, option_key,
    order_items, share_of, single_choice, suppress_shares,
)

KILDE_MOTT = "Spørreundersøkelse til mottakere av tilskudd 2024 (Oxford Research AS)"
KILDE_RUNDER = ("Spørreundersøkelser til mottakere av tilskudd 2022 (forrige evaluering, "
                "AFI/OsloMet og Proba) og 2024 (Oxford Research AS)")
VET_IKKE = 9  # «Vet ikke» in the survey codebooks

mott = read_dataset("mottakere_2024")
m22 = read_dataset("mottakere_2022")
utvalg = read_dataset("utvalg_mottakere_2024")
kb_mott = load_codebook("mottakere_2024")
kb_22 = load_codebook("mottakere_2022")

# %% [markdown]
# ## Svarinngang: inviterte, svar og svarprosent
#
# Utvalgsfilen har én rad per invitert virksomhet; svar = fullført (svarstatus 3).

# %%
mott_inviterte = len(utvalg)
mott_svar = int((mott["svarstatus"] == 3).sum())
fact("survey.mottakere.inviterte", mott_inviterte, kind="int")
fact("survey.mottakere.svar", mott_svar, kind="int")
fact("survey.mottakere.svarprosent", mott_svar / mott_inviterte, kind="pct")
# The largest 95 % margin of error for a share over all complete answers (p = 0,5).
fact("survey.mottakere.feilmargin_maks", moe_max(mott_svar), kind="pp", decimals=1)
fact("survey.mottakere.startet", len(mott), kind="int")
fact("survey.mottakere.mottatt", int((mott["q_mottatt"] == 1).sum()), kind="int")
pd.Series({"inviterte": mott_inviterte, "svar": mott_svar})

# %% [markdown]
# ## Sammenligning av to runder
#
# Alternativene matches på kolonnenavn (samme suffiks i begge rundene) og får 2024-teksten.
# Et alternativ som ikke fantes i 2022 har ingen rad for 2022 og merkes «ikke spurt 2022».

# %%
def rounds(group: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    r24 = multi_select(mott, kb_mott.options(group), group=group)
    r22 = multi_select(m22, kb_22.options(group), group=group)
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
        caption=question_text or kb_mott.caption(group),
        multi=kb_mott.is_multi(group),
        data=both[["round", "category", "count", "n", "share"]],
        source=KILDE_RUNDER,
    )
    return r22.set_index("key"), r24.set_index("key")


def moe_facts(key: str, r22: pd.DataFrame, r24: pd.DataFrame, option: str):
    """The report's verdict (single-sample margin of the 2024 estimate) and the two-sample one.

    The report judges a change 2022 → 2024 against 1,96·√(p(1−p)/n) of the 2024 estimate
    (data/reference/tekst_feilmarginer.csv); the correct margin for a difference of two independent shares is
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
# the data give ±4,5 (data/reference/tekst_feilmarginer.csv, reading n_271). Both go to the deviations appendix.
fact("avvik.moe_andre_ansatte.publisert", 4.9, kind="decimal", decimals=1)
fact("avvik.moe_andre_ansatte.beregnet", moe_andre["single"].margin * 100, kind="decimal",
     decimals=1)
pd.DataFrame({k: vars(v) for k, v in {**{f"andre_{r}": c for r, c in moe_andre.items()},
                                      **{f"navweb_{r}": c for r, c in moe_web.items()}}.items()})

# %% [markdown]
# ## Figur 7: når hadde du dialog med NAV?

# %%
dialog = order_bars(multi_select(mott, kb_mott.options("q_dialog"), group="q_dialog").assign(
    sortkey=lambda d: range(len(d), 0, -1)), by="sortkey")  # process order, not size
publish_bars("dialog-nav", dialog, caption=kb_mott.caption("q_dialog"),
             multi=kb_mott.is_multi("q_dialog"), source=KILDE_MOTT, label_width=44)
for opt in ("soknad", "ekspert", "gjennomforing", "oppfolging", "refusjon"):
    fact(f"survey.dialog.{opt}", share_of(dialog, opt, column="key"), kind="pct")
dialog

# %% [markdown]
# ## Figur 8: utfordringene bak søknaden

# %%
utf = order_bars(multi_select(mott, kb_mott.options("q_utfordring"), group="q_utfordring"))
publish_bars("utfordringer", utf, caption=kb_mott.caption("q_utfordring"),
             multi=kb_mott.is_multi("q_utfordring"), source=KILDE_MOTT, label_width=44)
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
tiltak_text = kb_mott.caption("q_tiltak").rstrip()
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
antall = publish_question("antall-eksperter", mott, kb_mott, "q_antall_eksperter",
                          source=KILDE_MOTT)
antall22 = single_choice(m22["q_antall_eksperter"], kb_22.labels("q_antall_eksperter"))
fact("survey.eksperter.en_2024", share_of(antall, 1), kind="pct")
fact("survey.eksperter.en_2022", share_of(antall22, 1), kind="pct")
flere = mott["q_antall_eksperter"] == 2
fact("survey.eksperter.flere_ao_psykologi",
     float(mott.loc[flere, "q_kompetanse_aopsykologi"].astype(float).mean()), kind="pct")
antall

# %% [markdown]
# ## Figur 12: ekspertens kompetanse

# %%
komp = order_bars(multi_select(mott, kb_mott.options("q_kompetanse"), group="q_kompetanse"))
publish_bars("kompetanse", komp, caption=kb_mott.caption("q_kompetanse"),
             multi=kb_mott.is_multi("q_kompetanse"), source=KILDE_MOTT, label_width=44)
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
komp22 = multi_select(m22, kb_22.options("q_kompetanse"), group="q_kompetanse").set_index("key")
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
org = order_bars(single_choice(mott["q_ekspert_org"], kb_mott.labels("q_ekspert_org")))
publish_bars("ekspert-org", org, caption=kb_mott.caption("q_ekspert_org"), source=KILDE_MOTT,
             label_width=40)
fact("survey.ekspert_org.ekstern_bht", share_of(org, 1), kind="pct")
fact("survey.ekspert_org.ekstern_bht_ord", share_of(org, 1), kind="share_words")
fact("survey.ekspert_org.intern_bht", share_of(org, 2), kind="pct")
fact("survey.ekspert_org.enkeltperson", share_of(org, 3), kind="pct")
org

# %% [markdown]
# ## Figur 14: involvering av andre aktører (Likert)

# %%
aktor_scale = kb_mott.labels("q_aktor_tillitsvalgt")
aktor = battery(mott, kb_mott.options("q_aktor"), aktor_scale).rename(
    columns={"category": "level"})
# «Bransjeorganisasjoner/arbeidsgiverorganisasjoner» has no space to wrap at: let it break
# after the slash in the figure (the CSV keeps the codebook label).
aktor_plot = aktor.assign(item=aktor["item"].str.replace("/", "/ ", regex=False))
publish_figure(
    "aktorer",
    likert_stacked(aktor_plot, levels=[aktor_scale[c] for c in (1, 2, 3, 4)],
                   dont_know=aktor_scale[VET_IKKE], label_width=26),
    caption=kb_mott.caption("q_aktor"),
    data=aktor[["item", "level", "count", "n", "share"]],
    source=KILDE_MOTT,
)
for col in kb_mott.options("q_aktor"):
    key = option_key(col, "q_aktor")
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
rolle_q = kb_mott.caption("q_rolle")
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
    caption=f"«{kb_mott.caption('q_involvert')}» krysset med «{rolle_q}»",
    data=(ct.shares.rename_axis(index="q_involvert", columns="q_rolle").stack()
          .rename("share").reset_index()
          .merge(counts.rename_axis(index="q_involvert", columns="q_rolle").stack()
                 .rename("count").reset_index(), on=["q_involvert", "q_rolle"])
          .query("q_rolle not in @skjult")),
    notes=[
        "¹ For eksempel i møter, dialog med ekspert eller i søknadsprosess.",
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
past = battery(mott, kb_mott.options("q_pastand"), enig).rename(columns={"category": "level"})
agree = past[past["code"].isin([4, 5])].groupby("item")["share"].sum().sort_values(
    ascending=False)
past = order_items(past, agree.index)
publish_figure(
    "pastander",
    likert_diverging(past, levels=[enig[c] for c in (1, 2, 3, 4, 5)], negative=2,
                     neutral=enig[3], dont_know=enig[VET_IKKE], label_width=36),
    caption=kb_mott.caption("q_pastand"),
    data=past[["item", "level", "count", "n", "share"]],
    source=KILDE_MOTT,
)
for col in kb_mott.options("q_pastand"):
    key = option_key(col, "q_pastand")
    fact(f"survey.pastand.{key}_enig", share_of(past, 4, 5, item=col), kind="pct")
    fact(f"survey.pastand.{key}_uenig", share_of(past, 1, 2, item=col), kind="pct")
for col in ("q_pastand_ia_rolle", "q_pastand_navkontor_rolle"):
    fact(f"survey.pastand.{option_key(col, 'q_pastand')}_uenig_2022",
         share_of(single_choice(m22[col], kb_22.labels(col)), 1, 2), kind="pct")
agree

# %% [markdown]
# ## Figur 16: betalt mer enn refundert

# %%
betalt = publish_question("betalt-mer", mott, kb_mott, "q_betalt_mer", source=KILDE_MOTT)
fact("survey.betalt_mer.ja", share_of(betalt, 1), kind="pct")
betalt

# %% [markdown]
# ## Figur 17: intern ressursbruk (bipolar skala, i skalaens rekkefølge)

# %%
ressurs = publish_question("ressursbruk", mott, kb_mott, "q_ressursbruk", source=KILDE_MOTT)
fact("survey.ressursbruk.verken", share_of(ressurs, 3), kind="pct")
fact("survey.ressursbruk.noe_okt", share_of(ressurs, 4), kind="pct")
fact("survey.ressursbruk.sterkt_okt", share_of(ressurs, 5), kind="pct")
fact("survey.ressursbruk.redusert", share_of(ressurs, 1, 2), kind="pct")

# Nytteverdi (text only, no figure): shares of all on page 8, «vet ikke» in the denominator.
nytte = single_choice(mott["q_nytte"], kb_mott.labels("q_nytte"))
fact("survey.nytte.ja", share_of(nytte, 1), kind="pct")
fact("survey.nytte.nei", share_of(nytte, 2), kind="pct")
fact("survey.nytte.vet_ikke", share_of(nytte, VET_IKKE), kind="pct")
positiv = mott["q_innvirkning"].isin([1, 2]) & mott["q_nytte"].notna()
fact("survey.nytte.nei_blant_positive",
     float((mott.loc[positiv, "q_nytte"] == 2).mean()), kind="pct")
ressurs, nytte
