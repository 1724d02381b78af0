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
# # Vedlegg: avvik fra den publiserte rapporten
#
# Denne notebooken finner stedene der et tall som står trykt i den publiserte rapporten
# (Oxford Research og Proba, 2024) avviker fra det rapportens egne data gir. Den leser
#
# * de trykte tallene fra `data/reference/` (tabellene slik de står i rapporten, og tall som
#   bare står i teksten: `tekst_registertall.csv`, `tekst_feilmarginer.csv`,
#   `tekst_utvalgstall.csv`, `trykkfeil.csv`), og
# * tabellene og tallene de andre notebookene har publisert fra registerdataene
#   (`rapport.data.read_published`, `published_facts`): hvert tall har én utgiver, og
#   vedlegget regner ikke registertabellene ut på nytt (det leser ikke registeret), og
# * spørreundersøkelsene gjennom `rapport.data.read_dataset` (feilmarginene og frafallet, som
#   ingen annen notebook publiserer i denne formen).
#
# Hvert tall sammenlignes med det trykte; en rad kommer bare i tabellen når de to er
# forskjellige. Ingen verdi i tabellen er skrevet inn for hånd: «Publisert» kommer fra
# referansefilene, «Beregnet fra data» fra de publiserte tabellene eller dataene, og begge
# formateres av den ene formatereren (`rapport.exhibits.fmt`).

# %%
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from rapport.data import load_codebook, published_facts, read_dataset, read_file, read_published
from rapport.exhibits import Block, Cell, Table, fact, fmt, publish_table
from rapport.stats import moe_single, multi_select, round_half_up

Z = 1.96  # the report's margin rule: 1,96 · √(p(1 − p)/n), no finite-population correction
AVVIK: list[dict] = []


def add(key: str, gruppe: str, sted: str, publisert: str, beregnet: str, forklaring: str, *,
        publisert_verdi=None, beregnet_verdi=None, kilde: str = "") -> None:
    """Record one deviation (one row of tbl-avvik)."""
    if any(a["id"] == key for a in AVVIK):
        raise ValueError(f"avvik {key!r} er registrert to ganger")
    AVVIK.append({"id": key, "gruppe": gruppe, "sted": sted, "publisert": publisert,
                  "beregnet": beregnet, "forklaring": forklaring,
                  "publisert_verdi": publisert_verdi, "beregnet_verdi": beregnet_verdi,
                  "kilde": kilde})


def slug(*parts) -> str:
    """A stable ascii id from labels: «Via andre ansatte» → «via-andre-ansatte»."""
    text = "-".join(str(p) for p in parts).lower()
    for a, b in (("æ", "ae"), ("ø", "o"), ("å", "a")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def dato(value) -> str:
    """«5. mai 2024» with a no-break space after the day, so a line never ends with «5.»."""
    return fmt.date_long(value).replace(" ", fmt.NBSP, 1)


def rhu(value, decimals: int = 0) -> float:
    """Round half up (the project's one rule) and return a float for comparisons."""
    return float(round_half_up(value, decimals))


def ref(name: str, **kwargs) -> pd.DataFrame:
    return read_file(f"data/reference/{name}.csv", **kwargs)


# %% [markdown]
# ## Registerdata: refusjoner (Tabell 2 og teksten i kapittel 3.1)
#
# Refusjonene står med øre i registeret. Tabellcellene er eksakte summer avrundet til hele
# kroner, og «Totalsum» er den eksakte kolonnesummen avrundet. De eksakte summene (med øre)
# leses fra dataene bak @tbl-refusjon-per-region, slik `03-register` publiserte dem.

# %%
regioner = load_codebook("tilsagn").labels("nav_region")
eksakt = (read_published("03-register", "tbl-refusjon-per-region", dtype={"nav_region": str})
          .pivot_table(index="nav_region", columns="aar", values="refusjon_kr", aggfunc="sum",
                       fill_value=0.0)
          .reindex(index=list(regioner), fill_value=0.0))

tabell2 = ref("tabell_2", dtype={"fylke_kode": str})
trykt_rader = tabell2[tabell2["fylke"] != "Totalsum"]
trykt_total = tabell2[tabell2["fylke"] == "Totalsum"].iloc[0]
kolonner = {int(c[:4]): c for c in tabell2.columns if c[:4].isdigit()}

for aar, kol in kolonner.items():
    radsum = int(trykt_rader[kol].sum())
    totalsum = int(trykt_total[kol])
    if radsum == totalsum:
        continue
    celler = eksakt[aar]
    avrundet = celler.map(lambda v: rhu(v, 0))
    total_eksakt = float(celler.sum())
    total_avrundet = rhu(total_eksakt, 0)
    cellesum = float(avrundet.sum())
    rest = float((celler - avrundet).sum())
    add(slug("tabell2-totalsum", aar), "Registerdata: tilsagn og refusjoner",
        f"Tabell 2, Totalsum {aar}",
        f"{fmt.kr(totalsum)}; radene summerer til {fmt.kr(radsum)}",
        f"{fmt.kr(total_avrundet)} (eksakt {fmt.kr(total_eksakt, 2)}); de avrundede cellene "
        f"summerer til {fmt.kr(cellesum)}",
        "Ingen regnefeil: beløpene har øre, og cellene og totalen er avrundet hver for seg. "
        f"Øreavrundingene i kolonnen er til sammen {fmt.decimal(rest, 2)} kr.",
        publisert_verdi=radsum - totalsum, beregnet_verdi=cellesum - total_avrundet,
        kilde=str(trykt_total["source"]))

# %% [markdown]
# Fylkesbeløpene i teksten (refundert 2019 til uttrekket). Det trykte tallet sammenlignes med
# beløpet fra dataene avrundet (halv opp) til like mange desimaler som rapporten trykker.

# %%
tekst = ref("tekst_registertall", dtype={"nav_region": str})
per_region = eksakt.sum(axis=1)


def rounding_kind(millioner: float, trykt: float, desimaler: int) -> str:
    """How a printed amount relates to the exact one: rounded, truncated or neither."""
    faktor = 10 ** desimaler
    if rhu(millioner, desimaler) == trykt:
        return "avrundet"
    if math.floor(millioner * faktor + 1e-9) / faktor == trykt:
        return "avkortet"
    return "verken avrundet eller avkortet"


fylker = tekst[tekst["noekkel"].str.startswith("refusjon_")]
for row in fylker.itertuples(index=False):
    belop = float(per_region[row.nav_region]) if isinstance(row.nav_region, str) \
        else float(per_region.sum())
    mill = belop / 1e6
    desimaler = int(row.desimaler)
    if rhu(mill, desimaler) == float(row.verdi):
        continue
    slag = rounding_kind(mill, float(row.verdi), desimaler)
    if slag == "avkortet":
        hvorfor = (f"Avkortet ({fmt.decimal(mill, 2)} → "
                   f"{fmt.decimal(float(row.verdi), desimaler)}), mens de fleste andre beløpene "
                   "i avsnittet er avrundet.")
    else:
        hvorfor = (f"{fmt.decimal(mill, 2)} millioner avrundet er "
                   f"{fmt.decimal(mill, desimaler)}: det trykte tallet er for høyt.")
    add(slug(row.noekkel), "Registerdata: tilsagn og refusjoner",
        f"Kapittel 3.1, tekst: {row.omtale}",
        f"«{row.trykt}»",
        f"{fmt.kr_prose(belop, desimaler)} ({fmt.kr(belop)})",
        hvorfor,
        publisert_verdi=float(row.verdi), beregnet_verdi=rhu(mill, desimaler),
        kilde=row.source)

# %% [markdown]
# Perioden med tilsagn: «over fem og et halvt år» (kapittel 3.1).

# %%
periode = tekst[tekst["noekkel"] == "tilsagn_periode"].iloc[0]
fakta_register = published_facts("03-register")
forste = pd.Timestamp(fakta_register["tilsagn.forste_vedtaksdato"])
siste = pd.Timestamp(fakta_register["tilsagn.siste_vedtaksdato"])
maaneder = (siste.year - forste.year) * 12 + (siste.month - forste.month)
aar_periode = (siste - forste).days / 365.25
if not aar_periode > float(periode["verdi"]):
    add("tilsagn-periode", "Registerdata: tilsagn og refusjoner",
        "Kapittel 3.1, tekst: perioden med tilsagn",
        f"«{periode['trykt']}»",
        f"{maaneder // 12} år og {maaneder % 12} måneder ({dato(forste)} – "
        f"{dato(siste)})",
        f"Første tilsagn er fra {dato(forste)} og uttrekket fra "
        f"{dato(siste)}: tilsagnene fordeler seg på "
        f"{siste.year - forste.year + 1} kalenderår, men perioden er "
        f"{fmt.decimal(aar_periode, 1)} år.",
        publisert_verdi=float(periode["verdi"]), beregnet_verdi=rhu(aar_periode, 1),
        kilde=periode["source"])

# %% [markdown]
# ## Virksomheter: næringsblokken i Tabell 4
#
# Mottakernes andel er antall / 1 311 (virksomhetsår med næring), ikke-mottakernes antall /
# 1 426; Differanse = ikke-mottakere − mottakere i prosentpoeng, av uavrundede andeler. Antall,
# andeler og differanser er de publiserte i @tbl-virksomheter-mottakere (`03-virksomheter`).

# %%
naering = load_codebook("virksomheter").labels("naering")
kode_for = {label: kode for kode, label in naering.items()}
t4 = read_published("03-virksomheter", "tbl-virksomheter-mottakere")
t4 = t4[t4["blokk"] == "Hovednæring"]
# the published rows are in the printed order, some with a shorter label than the printed one
trykt4 = ref("tabell_4").query("block == 'Hovednæring'")["category"]
assert len(t4) == len(trykt4) and not t4["skjult"].any(), "Tabell 4: andre eller skjulte rader"
t4 = t4.set_axis([kode_for[c] for c in trykt4])
mott, andel_mott, andel_ikke, diff_data = t4["mott_n"], t4["mott_pct"], t4["ikke_pct"], t4["diff"]
n_mott = int(t4["mott_nevner"].iloc[0])

tabell4 = ref("tabell_4")
for row in tabell4[tabell4["block"] == "Hovednæring"].itertuples(index=False):
    kode = kode_for[row.category]
    n_data = int(mott[kode])
    pct_data = rhu(andel_mott[kode] * 100)
    d_data = rhu(diff_data[kode], 1)
    if (n_data, pct_data, d_data) == (int(row.mottakere_n), float(row.mottakere_pct),
                                      float(row.differanse_pct)):
        continue
    deler = []
    trykt_andel = int(row.mottakere_n) / n_mott
    trykt_diff = (andel_ikke[kode] - trykt_andel) * 100
    if (rhu(trykt_andel * 100), rhu(trykt_diff, 1)) != (float(row.mottakere_pct),
                                                        float(row.differanse_pct)):
        deler.append(f"Det trykte antallet gir {fmt.pct(trykt_andel, 1)} og differanse "
                     f"{fmt.signed(trykt_diff, 1)}.")
        implisitt = andel_ikke[kode] * 100 - float(row.differanse_pct)
        if rhu(implisitt) == float(row.mottakere_pct):
            deler.append("Trykt andel og differanse henger sammen med hverandre, "
                         "ikke med antallet.")
    if n_data != int(row.mottakere_n):
        deler.append(f"Dataene følger årsfordelingen i Tabell 3, som ikke tillater "
                     f"{fmt.integer(row.mottakere_n)}.")
    if not deler:
        deler.append("Differansen er beregnet av uavrundede andeler.")
    add(slug("tabell4", kode), "Virksomheter: Tabell 4, hovednæring for mottakere",
        f"Tabell 4, {row.category}",
        f"{fmt.integer(row.mottakere_n)} ({fmt.pct(row.mottakere_pct / 100)}), "
        f"differanse {fmt.signed(row.differanse_pct, 1)}",
        f"{fmt.integer(n_data)} ({fmt.pct(andel_mott[kode])}), "
        f"differanse {fmt.signed(diff_data[kode], 1)}",
        " ".join(deler),
        publisert_verdi=float(row.differanse_pct), beregnet_verdi=d_data, kilde=row.source)

# %% [markdown]
# ## Personer: differansene i Tabell 5
#
# Differanse = ikke-mottakere − mottakere, i prosentpoeng, av de uavrundede andelene som
# @tbl-personer-mottakere publiserte (`03-personer`). Personblokkene per person, diagnoseblokken
# per sykefraværstilfelle.

# %%
tabell5 = ref("tabell_5")
t5 = read_published("03-personer", "tbl-personer-mottakere")
assert not t5["skjult"].any(), "Tabell 5: skjulte celler"


def published_block(block: str) -> pd.DataFrame:
    """The published rows of a printed block («Diagnosekategori» is published as
    «Diagnosekategori (sykefraværstilfeller)»), shares by group (columns False/True)."""
    rows = t5[(t5["blokk"] == block) | t5["blokk"].str.startswith(block + " (")]
    # age bands are published with an en dash («15–24 år»), printed with a hyphen
    return pd.DataFrame({False: rows["ikke_mottatt_andel"].to_numpy(),
                         True: rows["mottatt_andel"].to_numpy()},
                        index=rows["kategori"].str.replace("–", "-"))


andeler5 = {blokk: published_block(blokk) for blokk in dict.fromkeys(tabell5["block"])}

for row in tabell5.itertuples(index=False):
    a = andeler5[row.block].loc[row.category]
    diff = (a[False] - a[True]) * 100
    if rhu(diff, 1) == float(row.differanse_pct):
        continue
    avrundet = rhu(a[False] * 100, 1) - rhu(a[True] * 100, 1)
    add(slug("tabell5", row.block, row.category), "Personer: Tabell 5, differanser",
        f"Tabell 5, {row.block}: {row.category}",
        f"{fmt.signed(row.differanse_pct, 1)}",
        f"{fmt.signed(diff, 1)}",
        f"Rapporten trekker de avrundede prosentene fra hverandre "
        f"({fmt.decimal(row.ikke_mottatt_pct, 1)} − {fmt.decimal(row.mottatt_pct, 1)} = "
        f"{fmt.signed(avrundet, 1)}); differansen av de uavrundede andelene er "
        f"{fmt.signed(diff, 1)}.",
        publisert_verdi=float(row.differanse_pct), beregnet_verdi=rhu(diff, 1),
        kilde=row.source)

# %% [markdown]
# ## Spørreundersøkelsen til mottakere 2024
#
# Feilmarginene rapporten oppgir, beregnet på nytt med rapportens regel
# 1,96 · √(p(1 − p)/n) på uavrundet andel og figurens n.

# %%
svar = read_dataset("mottakere_2024")
kb_svar = load_codebook("mottakere_2024")
marginer = ref("tekst_feilmarginer")
for row in marginer.itertuples(index=False):
    andeler = multi_select(svar, kb_svar.options(row.sporsmal)).set_index("category")
    p, n = float(andeler.loc[row.kategori, "share"]), int(andeler.loc[row.kategori, "n"])
    moe = moe_single(p, n) * 100
    if rhu(moe, 1) == float(row.moe_pp):
        continue
    n_som_passer = (Z ** 2) * p * (1 - p) / (float(row.moe_pp) / 100) ** 2
    fullfort = int((svar["svarstatus"] == 3).sum())
    moe_fullfort = moe_single(p, fullfort) * 100
    add(slug("moe", row.kategori), "Spørreundersøkelsen til mottakere 2024",
        f"Kapittel 3.3, feilmarginen til {row.figur}: «{row.kategori.lower()}»",
        f"«{row.trykt}»",
        f"±{fmt.decimal(moe, 1)} prosentpoeng ({fmt.pct(p)}, n = {fmt.integer(n)})",
        f"Rapportens egen formel, 1,96 · √(p(1 − p)/n), med figurens n. "
        f"±{fmt.decimal(row.moe_pp, 1)} svarer til n ≈ {fmt.integer(n_som_passer)}; heller ikke "
        f"de {fmt.integer(fullfort)} fullførte svarene (±{fmt.decimal(moe_fullfort, 1)}) gir "
        "det trykte tallet. Økningen er større enn feilmarginen uansett.",
        publisert_verdi=float(row.moe_pp), beregnet_verdi=rhu(moe, 1), kilde=row.source)

# %% [markdown]
# Tabell 6: kolonnene skal summere til «Total 100 %». Antallene er de publiserte bak
# @tbl-involvering-rolle (`03-survey`; en skjult kolonne er ikke publisert og sammenlignes ikke).

# %%
tabell6 = ref("tabell_6")
roller = load_codebook("mottakere_2024").labels("q_rolle")
t6 = read_published("03-survey", "tbl-involvering-rolle")
t6 = t6[t6["q_involvert"] != "Total"]
krysstabell = t6.pivot_table(index="q_involvert", columns="q_rolle", values="count",
                             aggfunc="sum", sort=False)
trykte_rader6 = tabell6[tabell6["involvert_andre"] != "Total"]
total6 = tabell6[tabell6["involvert_andre"] == "Total"].iloc[0]
for kode, rolle in roller.items():
    kol = f"{rolle}_pct"
    summert = int(trykte_rader6[kol].sum())
    if summert == int(total6[kol]) or rolle not in krysstabell:
        continue
    antall = krysstabell[rolle]
    n_rolle = int(antall.sum())
    celler = (antall / n_rolle * 100).map(lambda v: rhu(v))
    synlige = [fmt.integer(v) for v in celler if v > 0]
    add(slug("tabell6", rolle), "Spørreundersøkelsen til mottakere 2024",
        f"Tabell 6, kolonnen «{rolle}»",
        f"Cellene summerer til {fmt.pct(summert / 100)}; totalraden: "
        f"{fmt.pct(total6[kol] / 100)}",
        f"{fmt.integer(n_rolle)} svar: {' + '.join(synlige)} = "
        f"{fmt.pct(celler.sum() / 100)} avrundet, {fmt.pct(antall.sum() / n_rolle)} uavrundet",
        "Hver andel er avrundet for seg. Totalen bør regnes av de uavrundede tallene, og det "
        "bør stå i en note.",
        publisert_verdi=summert, beregnet_verdi=float(celler.sum()), kilde=str(total6["source"]))

# %% [markdown]
# Frafallstabellen (kapittel 2.5): overskriftenes n og utvalget.

# %%
utvalg = read_dataset("utvalg_mottakere_2024")
kb_utvalg = load_codebook("utvalg_mottakere_2024")
utvalgstall = ref("tekst_utvalgstall").set_index("noekkel")
trykt_resp = int(utvalgstall.loc["frafall_respondenter", "verdi"])
trykt_ellers = int(utvalgstall.loc["frafall_populasjon_ellers", "verdi"])
trykt_utvalg = int(utvalgstall.loc["utvalg_virksomheter", "verdi"])
koblet = utvalg[utvalg["koblet_enhetsregisteret"]]
n_resp = int(koblet["respondent"].sum())
n_ellers = int((~koblet["respondent"]).sum())
n_ukoblet = int((~utvalg["koblet_enhetsregisteret"]).sum())
n_utvalg = len(utvalg)
if trykt_resp + trykt_ellers != trykt_utvalg:
    add("frafall-n", "Spørreundersøkelsen til mottakere 2024",
        "Frafallstabellen, kolonneoverskriftene",
        f"{fmt.integer(trykt_resp)} + {fmt.integer(trykt_ellers)} = "
        f"{fmt.integer(trykt_resp + trykt_ellers)}, men utvalget er "
        f"{fmt.integer(trykt_utvalg)}",
        f"{fmt.integer(n_resp)} respondenter + {fmt.integer(n_ellers)} andre + "
        f"{fmt.integer(n_ukoblet)} uten kobling = {fmt.integer(n_utvalg)}",
        ("Én virksomhet" if n_ukoblet == 1 else f"{fmt.integer(n_ukoblet)} virksomheter")
        + " i utvalget kunne ikke kobles til Enhetsregisteret og er utelatt fra tabellen (svarte "
        "ikke). Rapporten nevner det ikke.",
        publisert_verdi=trykt_resp + trykt_ellers, beregnet_verdi=n_resp + n_ellers + n_ukoblet,
        kilde=str(utvalgstall.loc["frafall_respondenter", "source"]))

# %% [markdown]
# Frafallstabellens Differanse (respondenter − populasjonen ellers, av uavrundede andeler).
# For hver rad der dataene gir en annen differanse, søker vi gjennom alle heltallige antall
# a av 251 og b av 785 som gir de trykte heltallsprosentene: finnes det ingen som gir den
# trykte differansen, kan den ikke komme fra noen data med disse nevnerne.

# %%
frafall = ref("frafallsanalyse")
frafall_kolonner = {"Tilsagnsår": "tilsagnsar", "Sektor": "sektor",
                    "Hovednæring": "hovednaering", "Ansatte": "ansatte_kat", "Fylke": "fylke"}
a_grid = np.arange(trykt_resp + 1)[:, None]
b_grid = np.arange(trykt_ellers + 1)[None, :]


def attainable(resp_pct: float, ellers_pct: float, diff: float) -> bool:
    """Is there a count a/251, b/785 with these rounded percents and this rounded difference?"""
    pa = a_grid / trykt_resp * 100
    pb = b_grid / trykt_ellers * 100
    ok = (round_half_up(pa) == resp_pct) & (round_half_up(pb) == ellers_pct)
    return bool((ok & np.isclose(round_half_up(pa - pb, 1), diff)).any())


def shares_by_group(labels: pd.Series, group: pd.Series) -> pd.DataFrame:
    """Share of each label within each group (columns: the group's values)."""
    counts = pd.crosstab(labels, group)
    return counts / counts.sum()


andeler_frafall = {}
for variabel, kol in frafall_kolonner.items():
    if kol == "tilsagnsar":
        labels = koblet[kol].astype(str)
    else:
        labels = koblet[kol].map(kb_utvalg.labels(kol)).astype(str)
    andeler_frafall[variabel] = shares_by_group(labels, koblet["respondent"])

for row in frafall.itertuples(index=False):
    a = andeler_frafall[row.variabel]
    verdi = str(row.verdi)
    p_r = float(a.loc[verdi, True]) if verdi in a.index else 0.0
    p_e = float(a.loc[verdi, False]) if verdi in a.index else 0.0
    diff = (p_r - p_e) * 100
    if rhu(diff, 1) == float(row.differanse_pct):
        continue
    if attainable(row.respondenter_pct_n251, row.populasjon_ellers_pct_n785, row.differanse_pct):
        hvorfor = ("Mulig for raden alene, men dataene, som gjengir alle trykte andeler og "
                   "gruppestørrelsene, gir ikke denne differansen.")
    else:
        hvorfor = (f"Ingen antall av {fmt.integer(trykt_resp)} og {fmt.integer(trykt_ellers)} "
                   f"gir både de trykte andelene ({fmt.pct(row.respondenter_pct_n251 / 100)} og "
                   f"{fmt.pct(row.populasjon_ellers_pct_n785 / 100)}) og differansen "
                   f"{fmt.signed(row.differanse_pct, 1)}.")
    add(slug("frafall", row.variabel, verdi), "Spørreundersøkelsen til mottakere 2024",
        f"Frafallstabellen, {row.variabel.lower()}: {verdi}",
        f"{fmt.signed(row.differanse_pct, 1)}",
        f"{fmt.signed(diff, 1)} ({fmt.pct(p_r, 1)} mot {fmt.pct(p_e, 1)})",
        hvorfor,
        publisert_verdi=float(row.differanse_pct), beregnet_verdi=rhu(diff, 1),
        kilde=row.source)

# %% [markdown]
# ## Registerdata: trykkfeil i Tabell 7

# %%
# Antallene er de publiserte i @tbl-utfall-matchet (`05-effekter`), radetikettene kodebokens.

# %%
status_labels = load_codebook("arbeidsmarkedsstatus").labels("status")
t7 = read_published("05-effekter", "tbl-utfall-matchet")
trykkfeil = ref("trykkfeil", dtype={"aar": "Int64"})
for row in trykkfeil.itertuples(index=False):
    kode = int(row.kode)
    if row.kolonne == "mottakergruppe_n":
        celle = t7[(t7["aar"] == int(row.aar)) & (t7["tilstand"] == row.rad)]
        antall = int(celle["mottaker_n"].iloc[0])
        beregnet, verdi = fmt.integer(antall), antall
        hvorfor = "Trykkfeil: et mellomrom inne i tallet. Andelen og teksten viser at tallet er "\
                  f"{fmt.integer(antall)}."
    else:
        beregnet, verdi = status_labels[kode], status_labels[kode]
        hvorfor = "Skrivefeil i radetiketten; rapportens tekst bruker riktig form."
    if beregnet == str(row.trykt):
        continue
    add(slug("trykkfeil", kode), "Registerdata: utfall (Tabell 7)", row.sted, f"«{row.trykt}»",
        f"«{beregnet}»", hvorfor, publisert_verdi=str(row.trykt), beregnet_verdi=verdi,
        kilde=row.source)

# %% [markdown]
# ## Tabellen og tallene til teksten

# %%
avvik = pd.DataFrame(AVVIK)
gruppe_rekke = list(dict.fromkeys(avvik["gruppe"]))

# Column widths in characters: a grid table's separator lines set the relative column widths
# in HTML and PDF, and longer texts wrap inside their cells (Forklaring gets the most room).
# Each group starts with a bold row across the table.
HEADER = ("Sted i rapporten", "Publisert", "Beregnet fra data", "Forklaring")
rader: list = []
for gruppe in gruppe_rekke:
    rader.append(Block(gruppe))
    rader += [[r.sted, r.publisert, r.beregnet, r.forklaring]
              for r in avvik[avvik["gruppe"] == gruppe].itertuples(index=False)]
tabell = Table(header=[[Cell(h) for h in HEADER]], body=rader, align=["l"] * len(HEADER),
               widths=[24, 22, 26, 40])
publish_table(
    "avvik", tabell,
    caption="Avvik mellom trykte tall i den publiserte rapporten og det rapportens data gir",
    data=avvik,
    notes=["«Publisert»: slik det står i den publiserte rapporten (Oxford Research og Proba, "
           "2024); tabell- og kapittelnumrene er den rapportens. «Beregnet fra data»: fra denne "
           "rapportens data, avrundet til nærmeste (halv opp). Differanser i prosentpoeng. En "
           "rad vises bare når de to er forskjellige."],
    source="Den publiserte rapporten og denne rapportens data, bearbeidet av Oxford Research AS",
)

fact("avviksvedlegg.antall", len(avvik), kind="int")
fact("avviksvedlegg.antall_grupper", len(gruppe_rekke), kind="int")
by_id = avvik.set_index("id")
fact("avviksvedlegg.tabell4_antall", int(avvik["id"].str.startswith("tabell4-").sum()), kind="int")
fact("avviksvedlegg.tabell5_antall", int(avvik["id"].str.startswith("tabell5-").sum()), kind="int")
fact("avviksvedlegg.frafall_antall",
     int(avvik["id"].str.match(r"frafall-(?!n$)").sum()), kind="int")
fact("avviksvedlegg.trondelag_beregnet", float(per_region["50"]), kind="mill_kr")
fact("avviksvedlegg.moe_andre_ansatte",
     float(by_id.loc["moe-via-andre-ansatte-i-virksomheten", "beregnet_verdi"]),
     text=fmt.decimal(by_id.loc["moe-via-andre-ansatte-i-virksomheten", "beregnet_verdi"], 1))
avvik[["sted", "publisert", "beregnet"]]
