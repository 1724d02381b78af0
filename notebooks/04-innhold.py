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
# # Kapittel 4: innholdet i ekspertbistanden
#
# Spørreundersøkelsen til mottakere av tilskudd 2024 (`mottakere_2024`, kodebok
# `data/codebook/mottakere_2024.yml`): Figur 18 (hva eksperten gjorde), Figur 19 (foreslåtte
# tiltak), Figur 20 (hvorfor tiltakene ikke ble fulgt opp) og tallene teksten bruker om
# oppfølgingen av tiltakene, som bare står i teksten.
#
# Reglene (docs/cookbook.md «Conventions»): figurteksten er spørsmålsteksten ordrett fra kodeboken, med «(Flere svar
# mulig)» for flervalgsspørsmål og n fra dataene; andelene er andeler av respondentene som fikk
# spørsmålet, med «Vet ikke» i nevneren.

# %%
import pandas as pd

from rapport.data import load_codebook, read_dataset
from rapport.exhibits import bar_chart, fact, fmt, publish_figure
from rapport.stats import multi_select, share_of, single_choice

KILDE = "Spørreundersøkelse til mottakere av tilskudd 2024 (Oxford Research AS)"

svar = read_dataset("mottakere_2024")
kodebok = load_codebook("mottakere_2024")


def ranked(table: pd.DataFrame) -> list:
    """Option codes by share, largest first («Annet» and «Vet ikke» not ranked)."""
    real = table[~table["category"].isin(["Annet", "Vet ikke"])]
    return list(real.sort_values("share", ascending=False, kind="stable")["code"])


# %% [markdown]
# ## Figur 18: hva eksperten gjorde
#
# Flervalgsspørsmål (rapportens figurtekst mangler «(Flere svar mulig)»; her står den).

# %%
q = kodebok.questions["q_bistand"]
bistand = multi_select(svar, kodebok.options("q_bistand"))
publish_figure("ekspert-gjorde", bar_chart(bistand), caption=q.text, multi=q.multi, source=KILDE)
assert ranked(bistand)[:2] == ["q_bistand_avklare", "q_bistand_handlingsrom"]
bistand

# %% [markdown]
# ## Figur 19: foreslåtte tiltak
#
# Spurt når ekspertbistanden var avsluttet (rapport levert): et filtrert utvalg.

# %%
q = kodebok.questions["q_foreslatt"]
foreslatt = multi_select(svar, kodebok.options("q_foreslatt"))
publish_figure("foreslatte-tiltak", bar_chart(foreslatt), caption=q.text, multi=q.multi,
               source=KILDE)
assert ranked(foreslatt)[:2] == ["q_foreslatt_arbeidstaker", "q_foreslatt_arbeidsgiver"]
avsluttet = single_choice(svar["q_avsluttet"], kodebok.labels("q_avsluttet"))
assert int(foreslatt["n"].iloc[0]) == int(avsluttet.set_index("code").loc[1, "count"])
foreslatt

# %% [markdown]
# ## Oppfølging av tiltakene (bare i teksten) og Figur 20
#
# «Ble tiltakene som eksperten foreslo fulgt opp?» er stilt dem som fikk forslag om tiltak;
# Figur 20 bare dem som svarte «Nei, ikke eller bare delvis» (et filtrert utvalg).

# %%
fulgt = single_choice(svar["q_fulgt_opp"], kodebok.labels("q_fulgt_opp"))
q = kodebok.questions["q_ikke_fulgt"]
ikke_fulgt = multi_select(svar, kodebok.options("q_ikke_fulgt"))
n_ikke_fulgt = int(ikke_fulgt["n"].iloc[0])
assert n_ikke_fulgt == int(fulgt.set_index("code").loc[2, "count"]), "Figur 20 base is not «Nei»"
publish_figure(
    "ikke-fulgt-opp",
    bar_chart(ikke_fulgt),
    caption=q.text,
    multi=q.multi,
    n=(f"({fmt.n_label(n_ikke_fulgt, parens=False)}: de som svarte at tiltakene ikke, "
       "eller bare delvis, ble fulgt opp)"),
    source=KILDE,
)
assert ranked(ikke_fulgt)[:2] == ["q_ikke_fulgt_ikke_relevant", "q_ikke_fulgt_sykemeldt"]
fulgt, ikke_fulgt

# %% [markdown]
# ## Tall til teksten

# %%
fact("innhold.bistand.n", int(bistand["n"].iloc[0]), kind="int")
fact("innhold.bistand.avklare", share_of(bistand, "q_bistand_avklare"), kind="pct")
fact("innhold.bistand.handlingsrom", share_of(bistand, "q_bistand_handlingsrom"), kind="pct")

fact("innhold.avsluttet.n", int(avsluttet["n"].iloc[0]), kind="int")
fact("innhold.foreslatt.n", int(foreslatt["n"].iloc[0]), kind="int")
fact("innhold.foreslatt.arbeidstaker", share_of(foreslatt, "q_foreslatt_arbeidstaker"),
     kind="pct")
fact("innhold.foreslatt.arbeidsgiver", share_of(foreslatt, "q_foreslatt_arbeidsgiver"),
     kind="pct")
fact("innhold.foreslatt.arbeidsgiver_ord", share_of(foreslatt, "q_foreslatt_arbeidsgiver"),
     kind="share_words")

fact("innhold.fulgt_opp.n", int(fulgt["n"].iloc[0]), kind="int")
fact("innhold.fulgt_opp.ja", share_of(fulgt, 1), kind="pct")
fact("innhold.fulgt_opp.nei", share_of(fulgt, 2), kind="pct")
fact("innhold.fulgt_opp.vet_ikke", share_of(fulgt, 9), kind="pct")

fact("innhold.ikke_fulgt.n", n_ikke_fulgt, kind="int")
fact("innhold.ikke_fulgt.ikke_relevant", share_of(ikke_fulgt, "q_ikke_fulgt_ikke_relevant"),
     kind="pct")
fact("innhold.ikke_fulgt.sykemeldt", share_of(ikke_fulgt, "q_ikke_fulgt_sykemeldt"), kind="pct")
