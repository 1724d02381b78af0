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
# # Spørreundersøkelsen til arbeidsgivere (kapittel 3.5 og 5.3)
#
# Svarinngangen (182 inviterte, 66 svar), Figur 2–7 og andelene teksten bruker, fra
# SurveyXact-eksporten `data/raw/arbeidsgiverundersokelse.csv` (kodebok
# `data/codebook/arbeidsgiverundersokelse.yml`).
#
# Regler, som i rapporten:
#
# * figurteksten er spørsmålsteksten fra kodeboken, så «(N = …)» regnet fra dataene: antall
#   som svarte på spørsmålet (filtrerte og ubesvarte spørsmål er ikke med i N);
# * «Vet ikke» står i nevneren; andeler uvektet;
# * hver figur får en feilmargin (95 prosent, den største i figuren, p(1−p) for den andelen
#   teksten omtaler) fordi N er lite;
# * andeler i ord lages med `rapport.exhibits.verbal.describe`, som nekter en formulering
#   verdien ikke bærer.

# %%
import pandas as pd

from rapport.data import load_codebook, read_dataset
from rapport.exhibits import bar_chart, fact, fmt, order_bars, publish_book_date, publish_figure
from rapport.exhibits.verbal import capitalize, describe
from rapport.stats import multi_select, single_choice
from rapport.stats.moe import moe_single

publish_book_date()  # «bok.dato»: forordets dato, fra book.date i _quarto.yml
KILDE = "Spørreundersøkelse til arbeidsgivere, januar 2023 (Oxford Research AS)"
svar_alle = read_dataset("arbeidsgiverundersokelse")
kb = load_codebook("arbeidsgiverundersokelse")
svar = svar_alle[svar_alle["statoverall"] == 2]


def n_caption(n: int) -> str:
    """The base as this report writes it. House style `n-format: "(N = {n})"`; passed
    explicitly until the house-style loader applies it to captions."""
    return f"(N\u00a0=\u00a0{fmt.integer(n)})"


def words(key: str, share: float, **kwargs) -> str:
    """Publish a share in words (and its capitalised form) with the share as the value."""
    text = describe(share, **kwargs)
    fact(f"{key}_ord", share, text)
    fact(f"{key}_ord_stor", share, capitalize(text))
    return text


def margin(key: str, share: float, n: int) -> str:
    """Publish the 95 % margin of error of `share` with base `n`; return the Kilde text that
    states it under the figure (the report prints none; with N this small it must be said)."""
    m = moe_single(share, n)
    text = fact(f"{key}.feilmargin", m, kind="pp")
    return f"{KILDE}. Feilmargin for andelen omtalt i teksten: ±{text}"


# %% [markdown]
# ## Svarinngang

# %%
inviterte = len(svar_alle)
besvart = len(svar)
sporsmal = sorted({c.group or c.name for c in kb.columns if c.question})
fact("survey.inviterte", inviterte)
fact("survey.svar", besvart)
fact("survey.svarprosent", besvart / inviterte, kind="pct")
fact("survey.sporsmal", len(sporsmal))
fact("survey.feilmargin_maks", moe_single(0.5, besvart), kind="pp")
pd.Series({"inviterte": inviterte, "svar": besvart, "spørsmål": len(sporsmal)})


# %%
def publish_single(fig_id: str, column: str, headline: list[int]) -> tuple[pd.DataFrame, int]:
    """A single-choice question as bars in the scale's order, captioned with the question and
    «(N = n)»; the Kilde line states the margin of error of the share of `headline` codes."""
    table = single_choice(svar[column], kb.labels(column))
    n = int(table["n"].iloc[0])
    key = f"survey.{fig_id.replace('-', '_')}"
    share = float(table.set_index("code").loc[headline, "share"].sum())
    publish_figure(fig_id, bar_chart(table, sort=False, label_width=42),
                   caption=kb.caption(column), data=table[["category", "count", "n", "share"]],
                   source=margin(key, share, n), n=n_caption(n))
    fact(f"{key}.n", n)
    return table.set_index("code"), n


# %% [markdown]
# ## Figur 2: svar på det arbeidsgiveren lurte på (filter: hadde spørsmål før samtalen)

# %%
t2, n2 = publish_single("svar-paa-sporsmal", "s_8", [1])
p = float(t2.loc[1, "share"])
words("survey.svar_paa_sporsmal.ja", p, fraction="to tredjedeler")
t2

# %% [markdown]
# ## Figur 3: lettere å stille krav

# %%
t3, n3 = publish_single("stille-krav", "s_9", [1])
p = float(t3.loc[1, "share"])
fact("survey.stille_krav.lettere", p, kind="pct")
words("survey.stille_krav.lettere", p, fraction="en tredjedel", qualifier="i underkant av")
som_for = float(t3.loc[2, "share"])
fact("survey.stille_krav.som_for", som_for, kind="pct")
words("survey.stille_krav.som_for", som_for, fraction="de aller fleste", qualifier="")
t3

# %% [markdown]
# ## Figur 4: bedre forberedt (filter: tok kontakt med den sykmeldte)

# %%
t4, n4 = publish_single("bedre-forberedt", "s_15", [1, 2, 3])
minst_noen = float(t4.loc[[1, 2, 3], "share"].sum())
fact("survey.bedre_forberedt.minst_noen_grad", minst_noen, kind="pct")
words("survey.bedre_forberedt.minst_noen_grad", minst_noen, fraction="de fleste",
      qualifier="")
fact("survey.bedre_forberedt.noen_grad", float(t4.loc[3, "share"]), kind="pct")
t4

# %% [markdown]
# ## Figur 5: tryggere i rollen; de to andre spørsmålene i samme avsnitt

# %%
t5, n5 = publish_single("tryggere", "s_11", [1])
p = float(t5.loc[1, "share"])
words("survey.tryggere.ja", p, fraction="en tredjedel")

bevisst = single_choice(svar["s_10"], kb.labels("s_10")).set_index("code")
fact("survey.bevisst.ja", float(bevisst.loc[1, "share"]), kind="pct")
fact("survey.bevisst.n", int(bevisst["n"].iloc[0]))
innsikt = single_choice(svar["s_12"], kb.labels("s_12")).set_index("code")
words("survey.innsikt.ja", float(innsikt.loc[1, "share"]), fraction="1 av 3",
      qualifier="noe mer enn")
fact("survey.innsikt.n", int(innsikt["n"].iloc[0]))
t5

# %% [markdown]
# ## Figur 6: hva skjedde etter samtalen (flere svar mulig)
#
# N = de som krysset av for minst ett alternativ (også «Nei, ingen av disse»). Alternativene
# står etter størrelse, «Nei, ingen av disse» sist.

# %%
t6 = multi_select(svar, kb.options("s_13"), group="s_13")
t6 = order_bars(t6)
n6 = int(t6["n"].iloc[0])
s6 = t6.set_index("key")
publish_figure("etter-samtalen", bar_chart(t6, sort=False, label_width=44),
               caption=kb.caption("s_13"), multi=kb.is_multi("s_13"),
               data=t6[["category", "count", "n", "share"]], n=n_caption(n6),
               source=margin("survey.etter_samtalen", float(s6.loc["1", "share"]), n6))
fact("survey.etter_samtalen.n", n6)
s6 = t6.set_index("key")
words("survey.etter_samtalen.kontakt", float(s6.loc["1", "share"]), fraction="en tredjedel",
      qualifier="rundt")
words("survey.etter_samtalen.oppfordret", float(s6.loc["2", "share"]), fraction="én av ti")
words("survey.etter_samtalen.samarbeid", float(s6.loc["3", "share"]), fraction="én av fem",
      qualifier="rundt")
fact("survey.etter_samtalen.tjenester", float(s6.loc["4", "share"]), kind="pct")
fact("survey.etter_samtalen.rutiner", float(s6.loc["5", "share"]), kind="pct")
words("survey.etter_samtalen.tilrettelegging", float(s6.loc["6", "share"]),
      fraction="én av ti", qualifier="ca.")
nytt_syn = int(s6.loc["7", "count"])
fact("survey.etter_samtalen.nytt_syn", nytt_syn,
     {1: "én arbeidsgiver"}.get(nytt_syn, f"{fmt.integer(nytt_syn)} arbeidsgivere"))
noe = 1 - float(s6.loc["8", "share"])
fact("survey.etter_samtalen.minst_ett_grep", noe, kind="pct")
words("survey.etter_samtalen.minst_ett_grep", noe, fraction="halvparten", qualifier="om lag")
# «Nesten like mange» (requested NAV services) compares two options; the check: fewer, but
# by at most two respondents.
assert 0 < s6.loc["3", "count"] - s6.loc["4", "count"] <= 2, s6

annerledes = single_choice(svar["s_14"], kb.labels("s_14")).set_index("code")
fact("survey.annerledes.nei", float(annerledes.loc[2, "share"]), kind="pct")
fact("survey.annerledes.n", int(annerledes["n"].iloc[0]))
t6

# %% [markdown]
# ## Figur 7: nytten av at NAV ringte tidlig (alle som svarte)

# %%
t7, n7 = publish_single("nytte", "s_6", [1, 2, 3])
nytte = float(t7.loc[[1, 2, 3], "share"].sum())
fact("survey.nytte.minst_noen_grad", nytte, kind="pct")
words("survey.nytte.minst_noen_grad", nytte, fraction="fire av fem", qualifier="nesten")
fact("survey.nytte.minst_noen_grad_ord_sifre", nytte,
     describe(nytte, fraction="4 av 5", qualifier="nesten"))
fact("survey.nytte.stor_grad", float(t7.loc[[1, 2], "share"].sum()), kind="pct")
t7
