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
# # Kapittel 2.5.1: frafallsanalyse for spørreundersøkelsen til mottakere 2024
#
# Respondentene sammenlignes med resten av utvalget (populasjonen ellers) på tilsagnsår, sektor,
# hovednæring, antall ansatte og fylke (inndeling 2024). Kilde: utvalgsfilen
# `utvalg_mottakere_2024` (kodebok `data/codebook/utvalg_mottakere_2024.yml`), der hver
# virksomhet i utvalget har et flagg for om den er respondent.
#
# Lesemåten for 1 036 mot 1 037: utvalget har 1 037 virksomheter, men én kunne ikke kobles mot
# Enhetsregisteret (ingen registeropplysninger) og er holdt utenfor tabellen; den svarte ikke.
# Derfor 251 respondenter + 785 andre = 1 036 (se kodebokens `notes`).
#
# Regler (som i rapporten): andelene er hele prosent; Differanse = respondenter − populasjon
# ellers, i prosentpoeng med én desimal, regnet av de uavrundede andelene. Rader med en
# differanse på minst fem prosentpoeng settes i fet skrift (rapportens «markert i fet skrift»).

# %%
import pandas as pd

from rapport.data import load_codebook, read_dataset
from rapport.exhibits import build_table, difference, difference_note, fact, fmt, publish_table
from rapport.stats import rake, single_choice

KILDE = ("Utvalget til spørreundersøkelsen til mottakere av tilskudd 2024, koblet mot "
         "Enhetsregisteret (Oxford Research AS)")
TERSKEL_PP = 5.0  # |Differanse| at or above this is set in bold and called a skew in the text

utvalg = read_dataset("utvalg_mottakere_2024")
kodebok = load_codebook("utvalg_mottakere_2024")

koblet = utvalg[utvalg["koblet_enhetsregisteret"]]
respondenter = koblet[koblet["respondent"]]
ellers = koblet[~koblet["respondent"]]
ikke_koblet = utvalg[~utvalg["koblet_enhetsregisteret"]]
assert not ikke_koblet["respondent"].any(), "an unlinked frame firm responded: revisit the reading"
len(utvalg), len(koblet), len(respondenter), len(ellers)

# %% [markdown]
# ## Fordelingene per blokk
#
# Rekkefølgen følger rapporten: tilsagnsår stigende, sektor (privat før offentlig), hovednæring i
# NACE-rekkefølge (A–S, også næringer uten virksomheter i utvalget), ansatte i stigende
# størrelse, fylker alfabetisk.

# %%
# NACE sections T (private households as employers) and U (international organisations) are
# not employers in NAV's refund register; the report's table lists sections A–S, empty ones too.
UTELATT = ("T", "U")
assert koblet["hovednaering"].astype(object).isin(UTELATT).sum() == 0

kodebook_labels = {c: kodebok.labels(c) for c in ("sektor", "hovednaering", "ansatte_kat",
                                                    "fylke")}
aar = sorted(koblet["tilsagnsar"].unique())
BLOKKER = [
    ("Tilsagnsår", "tilsagnsar", {a: str(a) for a in aar}),
    ("Sektor", "sektor", {k: kodebook_labels["sektor"][k] for k in (2, 1)}),
    ("Hovednæring", "hovednaering", {k: v for k, v in kodebook_labels["hovednaering"].items()
                                     if k not in UTELATT}),
    ("Ansatte", "ansatte_kat", kodebook_labels["ansatte_kat"]),
    ("Fylke", "fylke", dict(sorted(kodebook_labels["fylke"].items(), key=lambda kv: kv[1]))),
]

rader = []
for blokk, kolonne, etiketter in BLOKKER:
    a = single_choice(respondenter[kolonne].astype(object), etiketter)
    b = single_choice(ellers[kolonne].astype(object), etiketter)
    del_ = pd.DataFrame({
        "variabel": blokk,
        "kode": a["code"].astype(str),
        "verdi": a["category"],
        "antall_respondenter": a["count"],
        "n_respondenter": a["n"],
        "andel_respondenter": a["share"],
        "antall_ellers": b["count"],
        "n_ellers": b["n"],
        "andel_ellers": b["share"],
    })
    rader.append(del_)
frafall = pd.concat(rader, ignore_index=True)
frafall["differanse_pp"] = difference(frafall["andel_respondenter"], frafall["andel_ellers"])
frafall["markert"] = frafall["differanse_pp"].abs().round(6) >= TERSKEL_PP

# every block covers the same respondents and the same rest of the population
assert frafall.groupby("variabel")["n_respondenter"].nunique().eq(1).all()
assert set(frafall["n_respondenter"]) == {len(respondenter)}
assert set(frafall["n_ellers"]) == {len(ellers)}
frafall

# %% [markdown]
# ## Tabellen

# %%
n_resp, n_ellers = len(respondenter), len(ellers)
tabell = build_table(
    frafall,
    stub="verdi",
    block="variabel",
    columns=["andel_respondenter", "andel_ellers", "differanse_pp"],
    formats={"andel_respondenter": "pct", "andel_ellers": "pct", "differanse_pp": "diff"},
    labels={
        "andel_respondenter": f"Respondenter {fmt.n_label(n_resp)}",
        "andel_ellers": f"Populasjon ellers {fmt.n_label(n_ellers)}",
        "differanse_pp": "Differanse (prosentpoeng)",
    },
)
# Bold the skewed rows: body rows are the data rows in order, with a block header row before
# each block.
data_row = iter(frafall["markert"].tolist())
tabell.bold_rows = {i for i, row in enumerate(tabell.body)
                    if not hasattr(row, "text") and next(data_row)}

publish_table(
    "frafall",
    tabell,
    numbered=False,  # unnumbered in the published report; Tabell 1–8 keep their numbers
    caption=("Frafallsanalyse: respondentene sammenlignet med resten av populasjonen etter "
             "tilsagnsår, sektor, hovednæring, antall ansatte og fylke"),
    data=frafall,
    notes=[
        difference_note("Respondenter", "Populasjon ellers"),
        f"Rader med en differanse på minst {fmt.decimal(TERSKEL_PP, 0)} prosentpoeng i en av "
        "retningene er satt i fet skrift. Fylke etter inndelingen fra 2024.",
        f"Utvalget hadde {fmt.integer(len(utvalg))} virksomheter. Tabellen omfatter de "
        f"{fmt.integer(len(koblet))} som kunne kobles mot Enhetsregisteret "
        f"({fmt.integer(len(ikke_koblet))} virksomhet manglet registeropplysninger og svarte "
        "ikke).",
    ],
    source=KILDE,
)

# %% [markdown]
# ## Vekting: hvor mye endrer den svarfordelingene?
#
# Rapporten oppgir uvektede fordelinger og begrunner det med at vekting endrer svarfordelingen
# på påstanden «Det er enkelt å forstå hva tilskudd til ekspertbistand kan brukes til» lite.
# Her vektes respondentene med raking (iterativ tilpasning av marginalene) til populasjonens
# fordeling på tilsagnsår, sektor og antall ansatte (de skjeve variablene med få kategorier),
# og vi måler den største endringen i en svarkategori, i prosentpoeng.

# %%
VEKTVARIABLER = ["tilsagnsar", "sektor", "ansatte_kat"]
vekter = rake(respondenter, koblet, VEKTVARIABLER).set_axis(respondenter["lopenr"])

svar = read_dataset("mottakere_2024").set_index("lopenr")
svar_kodebok = load_codebook("mottakere_2024")
pastand = "q_pastand_brukes_til"
uvektet = single_choice(svar[pastand], svar_kodebok.labels(pastand))
vektet = single_choice(svar[pastand], svar_kodebok.labels(pastand),
                       weights=vekter.reindex(svar.index).fillna(0.0))
endring = (vektet["share"] - uvektet["share"]).abs()
pd.DataFrame({"kategori": uvektet["category"], "uvektet": uvektet["share"],
              "vektet": vektet["share"], "endring_pp": endring * 100})

# %% [markdown]
# ## Tall til teksten

# %%
fact("frafall.n_utvalg", len(utvalg), kind="int")
fact("frafall.n_koblet", len(koblet), kind="int")
fact("frafall.n_ikke_koblet", len(ikke_koblet),
     text=fmt.count_words(len(ikke_koblet), upto=1))  # «én», else digits
fact("frafall.n_respondenter", n_resp, kind="int")
fact("frafall.n_ellers", n_ellers, kind="int")
fact("frafall.terskel", TERSKEL_PP / 100, kind="pp")


def row(variabel: str, verdi: str) -> pd.Series:
    hit = frafall[(frafall["variabel"] == variabel) & (frafall["verdi"] == verdi)]
    assert len(hit) == 1, (variabel, verdi)
    return hit.iloc[0]


NOEKLER = {  # fact name -> (block, category): the groups the text names
    "aar_2023": ("Tilsagnsår", "2023"),
    "aar_2021": ("Tilsagnsår", "2021"),
    "offentlig": ("Sektor", "Offentlig"),
    "privat": ("Sektor", "Privat"),
    "helse": ("Hovednæring", "Helse- og sosialtjenester"),
    "ansatte_21_50": ("Ansatte", "21 til 50"),
    "ansatte_over_100": ("Ansatte", "Over 100"),
}
for navn, (variabel, verdi) in NOEKLER.items():
    r = row(variabel, verdi)
    fact(f"frafall.{navn}.respondenter", r["andel_respondenter"], kind="pct")
    fact(f"frafall.{navn}.ellers", r["andel_ellers"], kind="pct")
    fact(f"frafall.{navn}.differanse", r["differanse_pp"] / 100, kind="pp", decimals=1)

# Tilsagn before 2022, pooled
aarblokk = frafall[frafall["variabel"] == "Tilsagnsår"]
for_2022 = aarblokk[aarblokk["kode"].astype(int) < 2022]
fact("frafall.for_2022.respondenter", for_2022["andel_respondenter"].sum(), kind="pct")
fact("frafall.for_2022.ellers", for_2022["andel_ellers"].sum(), kind="pct")

markerte = frafall[frafall["markert"]]
fact("frafall.antall_markert", len(markerte), kind="int")
assert set(markerte["verdi"]) == {v for _, v in NOEKLER.values()}, (
    "the skewed rows no longer match the groups the text names: "
    f"{sorted(markerte['verdi'])}")

fact("frafall.vekting_variabler", "tilsagnsår, sektor og antall ansatte", kind="text")
fact("frafall.vekting_endring_pp", float(endring.max()), kind="pp", decimals=1)
markerte[["variabel", "verdi", "andel_respondenter", "andel_ellers", "differanse_pp"]]
