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
# # Kapittel 5: utfall og vurderinger i spørreundersøkelsen til mottakere 2024
#
# Spørreundersøkelsen til mottakere av tilskudd 2024 (`mottakere_2024`): Figur 23 (utfallet
# for den ansatte, slutten av 5.1), Figur 24 (positiv eller negativ innvirkning), Figur 25
# («I hvilken grad har ekspertbistanden:») og tallene kapittel 5.2 bruker uten figur (ville
# brukt ordningen igjen, kjennskap til andre ordninger) og kryssanalysene teksten
# nevner. Faktanøklene ligger under `survey.virkning.*`. Nytteverdien (72/16/12) publiseres av
# kapittel 3s notebook (`survey.nytte.*`) og gjentas ikke her.
#
# «Vet ikke» står i nevneren (docs/cookbook.md «Conventions»). Figurtekstene er spørsmålstekstene ordrett fra
# kodeboken; Figur 24 får kolon etter nummeret av kryssreferansen (rapporten mangler det).

# %%
import pandas as pd

from rapport.data import load_codebook, read_dataset
from rapport.exhibits import bar_chart, fact, likert_stacked, publish_figure
from rapport.stats import battery, crosstab, moe_two_sample, share_of, single_choice

KILDE = "Spørreundersøkelse til mottakere av tilskudd 2024 (Oxford Research AS)"
P = "survey.virkning"

svar = read_dataset("mottakere_2024")
kodebok = load_codebook("mottakere_2024")


# %% [markdown]
# ## Figur 23: utfallet for den ansatte
#
# Svaralternativene står i spørreskjemaets rekkefølge (fra tilbake i samme stilling til
# forlatt arbeidsplassen), ikke sortert, så gruppene teksten summerer står samlet.

# %%
q = kodebok.questions["q_utfall"]
utfall = single_choice(svar["q_utfall"], kodebok.labels("q_utfall"))
publish_figure("utfall-ansatt", bar_chart(utfall, sort=False), caption=q.text, source=KILDE)
BEHOLDT = (1, 2, 3)  # same job, other tasks, still on sick leave: still employed
FORLATT = (4, 5, 6)  # resigned, cleared for other work, adapted work at another workplace
utfall

# %% [markdown]
# Kryssanalyse: andelen tilbake i samme stilling etter sektor og virksomhetsstørrelse, med
# feilmarginen for forskjellen mellom to grupper (95 %, to uavhengige utvalg).

# %%
samme = svar[svar["q_utfall"].notna()].assign(samme=lambda d: d["q_utfall"].astype(int).eq(1))


def by_group(column: str) -> pd.DataFrame:
    labels = kodebok.labels(column)
    g = samme.groupby(samme[column].astype(object))["samme"].agg(["mean", "size"])
    return g.rename(index=labels)


sektor = by_group("sektor")
storrelse = by_group("ansatte_kat")


def largest_gap(groups: pd.DataFrame) -> tuple[float, float]:
    """The largest difference between two groups' shares, and its margin of error."""
    hi, lo = groups["mean"].idxmax(), groups["mean"].idxmin()
    gap = groups.loc[hi, "mean"] - groups.loc[lo, "mean"]
    margin = moe_two_sample(groups.loc[lo, "mean"], groups.loc[lo, "size"],
                            groups.loc[hi, "mean"], groups.loc[hi, "size"])
    return float(gap), float(margin)


gap_sektor, moe_sektor = largest_gap(sektor)
gap_storrelse, moe_storrelse = largest_gap(storrelse)
assert gap_sektor <= moe_sektor and gap_storrelse <= moe_storrelse, "the text says «innenfor»"
sektor, storrelse, (gap_sektor, moe_sektor), (gap_storrelse, moe_storrelse)

# %% [markdown]
# ## Figur 24: positiv eller negativ innvirkning
#
# Ett spørsmål på en toveis skala. Vist som liggende søyler i skalaens rekkefølge (fra sterkt
# positiv til sterkt negativ, «Vet ikke» sist), ikke som divergerende søyle: med én søyle blir
# de små negative andelene og midtkategorien for smale til å få tall i en divergerende figur,
# mens søylene viser alle seks tallene.

# %%
q = kodebok.questions["q_innvirkning"]
innvirkning = single_choice(svar["q_innvirkning"], kodebok.labels("q_innvirkning"))
publish_figure("innvirkning", bar_chart(innvirkning, sort=False), caption=q.text, source=KILDE)
innvirkning

# %% [markdown]
# Kryssanalyse: de som svarer negativ eller sterkt negativ innvirkning, og om de foreslåtte
# tiltakene ble fulgt opp (de som fikk oppfølgingsspørsmålet).

# %%
negativ = svar[svar["q_innvirkning"].isin([4, 5])]
negativ_fulgt = single_choice(negativ["q_fulgt_opp"], kodebok.labels("q_fulgt_opp"))
assert share_of(negativ_fulgt, 2) == 1.0, "the text says all negative answers did not follow up"
negativ_fulgt

# %% [markdown]
# ## Figur 25: «I hvilken grad har ekspertbistanden:»
#
# Batteri med samme skala; hvert utsagn fullfører figurteksten. Andelene teksten nevner er
# «i stor grad» og «i noen grad» til sammen.

# %%
q = kodebok.questions["q_virkning"]
grad = kodebok.labels("q_virkning_utover")
virkning = battery(svar, kodebok.options("q_virkning"), grad)
publish_figure(
    "virkninger",
    likert_stacked(virkning.rename(columns={"category": "level"}),
                   levels=[grad[k] for k in (1, 2, 3, 4)]),
    caption=q.text,
    source=KILDE,
)
virkning


# %% [markdown]
# ## Tall som bare står i teksten

# %%
igjen = single_choice(svar["q_bruke_igjen"], kodebok.labels("q_bruke_igjen"))
andre = single_choice(svar["q_andre_ordninger"], kodebok.labels("q_andre_ordninger"))

# Would use the scheme again, by how much sick leave was reduced (column shares)
kryss = crosstab(svar, "q_bruke_igjen", "q_sykefravaer",
                 row_labels=kodebok.labels("q_bruke_igjen"),
                 col_labels=kodebok.labels("q_sykefravaer"))
sf = kodebok.labels("q_sykefravaer")
ja, nei, vet_ikke = (kodebok.labels("q_bruke_igjen")[k] for k in (1, 2, 9))
betydelig_ja = float(kryss.shares.loc[ja, sf[1]])
liten_nei = float(kryss.shares.loc[nei, sf[3]])
# only those who saw little or no reduction answered «Nei»; the rest of them «Vet ikke»
assert kryss.counts.loc[nei].drop([sf[3], "Total"]).sum() == 0
assert kryss.shares.loc[ja, sf[3]] == 0
kryss.shares.round(3)

# %% [markdown]
# ## Tall til teksten

# %%
n_utfall = int(utfall["n"].iloc[0])
fact(f"{P}.utfall.n", n_utfall, kind="int")
fact(f"{P}.utfall.samme_stilling", share_of(utfall, 1), kind="pct")
fact(f"{P}.utfall.andre_oppgaver", share_of(utfall, 2), kind="pct")
fact(f"{P}.utfall.sykemeldt", share_of(utfall, 3), kind="pct")
fact(f"{P}.utfall.beholdt", share_of(utfall, *BEHOLDT), kind="pct")
fact(f"{P}.utfall.forlatt", share_of(utfall, *FORLATT), kind="pct")
fact(f"{P}.utfall.annet", share_of(utfall, 7), kind="pct")
fact(f"{P}.utfall.samme_offentlig", float(sektor.loc["Offentlig", "mean"]), kind="pct")
fact(f"{P}.utfall.samme_privat", float(sektor.loc["Privat", "mean"]), kind="pct")
fact(f"{P}.utfall.samme_storrelse_min", float(storrelse["mean"].min()), kind="pct")
fact(f"{P}.utfall.samme_storrelse_maks", float(storrelse["mean"].max()), kind="pct")
fact(f"{P}.utfall.storrelse_gap", gap_storrelse, kind="pp")
fact(f"{P}.utfall.storrelse_moe", moe_storrelse, kind="pp")

fact(f"{P}.innvirkning.n", int(innvirkning["n"].iloc[0]), kind="int")
fact(f"{P}.innvirkning.positiv", share_of(innvirkning, 1, 2), kind="pct")
fact(f"{P}.innvirkning.negativ", share_of(innvirkning, 4, 5), kind="pct")

fact(f"{P}.grad.n", int(virkning["n"].max()), kind="int")
fact(f"{P}.grad.utover", share_of(virkning, 1, 2, item="q_virkning_utover"), kind="pct")
fact(f"{P}.grad.kompetanse", share_of(virkning, 1, 2, item="q_virkning_kompetanse"), kind="pct")

fact(f"{P}.bruke_igjen.n", int(igjen["n"].iloc[0]), kind="int")
fact(f"{P}.bruke_igjen.ja", share_of(igjen, 1), kind="pct")
fact(f"{P}.bruke_igjen.betydelig_ja", betydelig_ja, kind="pct")
fact(f"{P}.bruke_igjen.betydelig_ja_ord", betydelig_ja, kind="share_words")
fact(f"{P}.bruke_igjen.liten_nei", liten_nei, kind="pct")

fact(f"{P}.andre_ordninger.n", int(andre["n"].iloc[0]), kind="int")
fact(f"{P}.andre_ordninger.nei", share_of(andre, 2), kind="pct")
fact(f"{P}.andre_ordninger.ja", share_of(andre, 1), kind="pct")

