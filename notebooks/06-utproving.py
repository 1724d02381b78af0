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
# # Kapittel 6.2.1: tilsagn i utprøvingsfylkene med delegert vedtaksmyndighet
#
# Tabell 8: antall tilsagn per enhet (arbeidslivssenteret og NAV-kontorene med delegert
# vedtaksmyndighet) i Agder, Øst-Viken og Nordland, 1. januar–21. mai 2024 (syntetisk
# gjengivelse av NAVs tilsagnsregister). Hvert fylke er en fordeling med totalen publisert, så
# personvernregelen skjuler enheter med 1–3 tilsagn og, der det trengs, en enhet til.
# Andelen fra NAV-kontor er summen over kontorene og røper ingen enkeltcelle.

# %%
import pandas as pd

from rapport.data import load_codebook, read_dataset
from rapport.exhibits import build_table, fact, fmt, publish_table, verbal
from rapport.stats import RULE, assert_safe, suppress_distribution

KILDE = "NAVs tilsagnsregister, bearbeidet av Oxford Research AS"

tilsagn = read_dataset("tilsagn_utproving")
kodebok = load_codebook("tilsagn_utproving")
regioner = kodebok.labels("nav_region")
enheter = kodebok.labels("enhet")

# The pilot: which units had delegated authority in which county (the arbeidslivssenter
# first). This is the design of the pilot, not data: a unit without grants (NAV Birkenes) has
# no rows in the extract but belongs in the table.
UTPROVING = {
    "10": ["als_agder", "nav_arendal", "nav_lister", "nav_birkenes"],
    "02": ["als_ost_viken", "sarpsborg", "vestby", "raelingen", "lillestrom"],
    "18": ["als_nordland", "nav_bodo"],
}
ukjente = set(tilsagn["enhet"].astype(str)) - {e for es in UTPROVING.values() for e in es}
assert not ukjente, f"enheter utenfor utprøvingen: {ukjente}"
fra, til = pd.to_datetime(tilsagn["vedtaksdato"]).agg(["min", "max"])
PERIODE_FRA, PERIODE_TIL = pd.Timestamp("2024-01-01"), pd.Timestamp("2024-05-21")
assert PERIODE_FRA <= fra and til <= PERIODE_TIL

# %% [markdown]
# ## Tabell 8

# %%
rader, csv, skjult, andeler = [], [], [], {}
for region, koder in UTPROVING.items():
    fylke = regioner[region]
    data = tilsagn[tilsagn["nav_region"].astype(str) == region]
    antall = data["enhet"].astype(str).value_counts().reindex(koder, fill_value=0)
    beskyttet = suppress_distribution(antall, total="Totalt")
    assert_safe(beskyttet)
    kontor = antall.drop(koder[0])  # the NAV offices (everything but the arbeidslivssenter)
    andel = kontor.sum() / antall.sum()
    andeler[region] = (fylke, andel, int(antall.sum()), kontor)
    for kode in [*koder, "Totalt"]:
        verdi = int(beskyttet.values[kode])
        m = bool(beskyttet.mask[kode])
        rader.append({"fylke": fylke, "enhet": "Totalt" if kode == "Totalt" else enheter[kode],
                      "verdi": fmt.integer(verdi)})
        skjult.append({"verdi": m})
        csv.append({"fylke": fylke, "enhet": rader[-1]["enhet"],
                    "type": ("Totalt" if kode == "Totalt" else
                             "Arbeidslivssenter" if kode == koder[0] else "NAV-kontor"),
                    "antall_tilsagn": pd.NA if m else verdi, "andel": pd.NA, "skjult": m})
    rader.append({"fylke": fylke, "enhet": "Andel fra NAV-kontor", "verdi": fmt.pct(andel)})
    skjult.append({"verdi": False})
    csv.append({"fylke": fylke, "enhet": "Andel fra NAV-kontor", "type": "Andel",
                "antall_tilsagn": pd.NA, "andel": float(andel), "skjult": False})

tabell8 = pd.DataFrame(rader)
maske8 = pd.DataFrame(skjult, index=tabell8.index)
periode = f"{fmt.date_long(PERIODE_FRA)[:-5]}–{fmt.date_long(PERIODE_TIL)}"
publish_table(
    "tilsagn-utproving",
    build_table(tabell8, stub="enhet", block="fylke", columns=["verdi"],
                formats={"verdi": "text"}, labels={"verdi": "Antall tilsagn"},
                stub_label="Enhet", suppressed=maske8),
    caption=("Antall tilsagn i utprøvingsfylkene med delegert vedtaksmyndighet i perioden "
             f"{periode}"),
    data=pd.DataFrame(csv),
    notes=[note for note in [
        ("Arbeidslivssenter: tilsagn gitt av NAV Arbeidslivssenter i fylket. De andre enhetene er "
         "NAV-kontor med delegert vedtaksmyndighet. Andel fra NAV-kontor er andelen av alle "
         "tilsagnene i fylket som NAV-kontorene har gitt."),
    ] if note],
    source=KILDE,
)
tabell8

# %% [markdown]
# ## Tall til teksten

# %%
NOKKEL = {"10": "agder", "02": "ost_viken", "18": "nordland"}
for region, (fylke, andel, total, kontor) in andeler.items():
    k = NOKKEL[region]
    fact(f"utproving.{k}.andel_navkontor", float(andel), kind="pct")
    fact(f"utproving.{k}.andel_navkontor_ord", float(andel), kind="share_words",
         text=verbal.share_words(float(andel), about="rundt"))
    fact(f"utproving.{k}.tilsagn", total, kind="int")
    fact(f"utproving.{k}.antall_kontor", len(kontor), kind="int")
uten = [enheter[k] for k in UTPROVING["10"] + UTPROVING["02"] + UTPROVING["18"]
        if not (tilsagn["enhet"].astype(str) == k).any()]
fact("utproving.kontor_uten_tilsagn", len(uten), kind="int")
fact("utproving.kontor_uten_tilsagn_navn", " og ".join(uten) if uten else "ingen", kind="text")
fact("utproving.periode", periode, kind="text")
fact("utproving.tilsagn_totalt", len(tilsagn), kind="int")
skjulte = int(maske8.to_numpy().sum())
fact("utproving.skjulte_celler", skjulte, kind="int")
ORD = {1: "ett", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}
fact("utproving.skjult_setning", skjulte,
     text=(f"For {ORD.get(skjulte, fmt.integer(skjulte))} av kontorene er antallet så lite at "
           f"det er skjult av personvernhensyn (merket {RULE.symbol} i tabellen)."
           if skjulte else "Ingen tall i tabellen er skjult av personvernhensyn."))
