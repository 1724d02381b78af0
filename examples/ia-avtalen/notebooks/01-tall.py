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
# # Kapitlene og tallene i rapporten
#
# Rapporten har ingen figurer: den er bygget av ett kapittel per virkemiddel etter samme mal,
# med tallene i teksten. Denne notebooken
#
# * kontrollerer at kapittelmalen følges: hver rad i `data/raw/virkemidler.csv` har sitt
#   kapittel med tittelen og seksjonene i raden, hvert kapittel har sin rad, og `_quarto.yml`
#   lister kapitlene i samme rekkefølge (`rapport.chapters.check_chapter_table`);
# * publiserer hvert tall i `data/raw/tall.csv` som faktum (`{{< var … >}}` i kapitlene),
#   formatert av `rapport.exhibits.fmt`: tallord for små antall («åtte møter»), «mill. kroner»
#   og «prosent», med «om lag» og «knappe» foran der rapporten har det, og andeler rapporten
#   bare gir i ord («om lag en tredjedel») etter regelen i `rapport.exhibits.verbal`;
# * kontrollerer at delene summerer seg til rammene rapporten oppgir, og at listene
#   (bransjeprogrammer, forsøksfylker) har like mange rader som rapporten sier;
# * publiserer tabellene over økonomiske rammer.
#
# Ingen tall skrives inn for hånd.

# %%
from decimal import Decimal

import pandas as pd

from rapport.chapters import check_chapter_table
from rapport.data import load_codebook, read_dataset
from rapport.exhibits import build_table, fact, fmt, publish_table, verbal

# The report writes «syv» (four times) and once «sju»; this edition writes «syv» throughout.
SYV = "syv"
KILDE = "IA-avtalen 2019–2022; Arbeids- og inkluderingsdepartementet"

# %% [markdown]
# ## Kapittelmalen

# %%
deler = read_dataset("virkemidler")
check_chapter_table(deler.to_dict("records"), table_path=load_codebook("virkemidler").path)
tematiske = deler[deler["type"].astype(str) != "oppsummering"]
fact("kapitler.tematiske", len(tematiske), text=fmt.count(len(tematiske), seven=SYV))
notater = deler[deler["notat"].astype(str) == "ja"]
fact("kapitler.notater", len(notater), text=fmt.count(len(notater), seven=SYV))
deler[["id", "type", "tittel"]]

# %% [markdown]
# ## Tallene

# %%
tall = read_dataset("tall")
ukjente = set(tall["virkemiddel"]) - set(deler["id"])
if ukjente:
    raise ValueError(f"data/raw/tall.csv: kolonnen virkemiddel har verdier som ikke er id i "
                     f"data/raw/virkemidler.csv: {sorted(ukjente)}")


def tekst(rad) -> str:
    """The prose text of one row of tall.csv."""
    verdi = Decimal(repr(float(rad.verdi)))
    enhet, form = str(rad.enhet), None if pd.isna(rad.form) else str(rad.form)
    if enhet == "antall":
        if form not in ("ord", "siffer"):
            raise ValueError(f"data/raw/tall.csv: {rad.noekkel}: kolonnen form må være ord "
                             f"eller siffer for et antall, ikke {rad.form!r}")
        body = fmt.count(verdi, seven=SYV) if form == "ord" else fmt.integer(verdi)
    elif enhet == "prosent":
        body = fmt.pct_prose(verdi / 100, 0 if verdi == verdi.to_integral_value() else 1)
    elif enhet == "mill_kr":
        body = fmt.mill_kr(verdi * 10**6)
    elif enhet == "kroner":
        body = f"{fmt.integer(verdi)} kroner"
    elif enhet == "millioner":
        body = fmt.millions(verdi * 10**6)
    elif enhet == "andel_ord":
        # A share the report gives only in words («om lag en tredjedel»): the wording comes
        # from the value by the verbal rule, qualifier included, and stops the build if the
        # value does not carry it.
        if form != "del":
            raise ValueError(f"data/raw/tall.csv: {rad.noekkel}: kolonnen form må være del "
                             f"for en andel i ord, ikke {rad.form!r}")
        return verbal.describe(float(verdi) / 100, form="del",
                               qualifier=None if pd.isna(rad.kvalifikator) else str(rad.kvalifikator))
    else:
        raise ValueError(f"data/raw/tall.csv: {rad.noekkel}: ukjent enhet {enhet!r}")
    return body if pd.isna(rad.kvalifikator) else f"{rad.kvalifikator} {body}"


T = {}
for rad in tall.itertuples():
    verdi = float(rad.verdi)
    verdi = int(verdi) if verdi.is_integer() else verdi
    T[rad.noekkel] = verdi
    fact(rad.noekkel, verdi, text=tekst(rad))
tall[["noekkel", "verdi", "enhet", "kvalifikator"]].assign(tekst=[tekst(r) for r in tall.itertuples()])

# The share the report gives only in words, as the number the data file holds (for the appendix).
fact("ia_virksomheter.andel_privat_prosent", T["ia_virksomheter.andel_privat"],
     text=fmt.pct_prose(T["ia_virksomheter.andel_privat"] / 100, 0))

# %% [markdown]
# ## Kontroller: delene og helheten

# %%
def lik(navn: str, del_sum, helhet) -> None:
    if abs(float(del_sum) - float(helhet)) > 1e-9:
        raise ValueError(f"data/raw/tall.csv: {navn}: delene summerer til {del_sum}, "
                         f"men rammen er {helhet}")


lik("omdisponering", T["omdisponering.ft_tilskudd"] + T["omdisponering.ia_rad"],
    T["omdisponering.ramme"])
lik("arbeidsmiljøsatsingen", T["arbeidsmiljo.arbeidstilsynet"] + T["arbeidsmiljo.stami"]
    + T["arbeidsmiljo.ptil"], T["arbeidsmiljo.ramme_aarlig"])
lik("bransjeprogrammer", T["bransje.oremerket"] + T["bransje.resterende"],
    T["bransje.ramme_aarlig"])
lik("fordelingsnøkkel", T["bransje.andel_likt"] + T["bransje.andel_sysselsatte"], 100)
lik("FoU-prosjekter", T["fou.bidragsfinansierte"] + T["fou.forskningsoppdrag"]
    + T["fou.direkte_kjop"], T["fou.prosjekter"])
andel = T["ekspertbistand.regnskap_2021"] / T["ekspertbistand.bevilget"]
if fmt.round_half_up(andel * 100) != T["ekspertbistand.andel_2021"]:
    raise ValueError("data/raw/tall.csv: ekspertbistand: regnskapsført andel "
                     f"{andel:.3f} stemmer ikke med {T['ekspertbistand.andel_2021']} prosent")
programmer = read_dataset("bransjeprogrammer")
fylker = read_dataset("forsoksfylker")
for navn, liste, nokkel in (("bransjeprogrammer", programmer, "bransje.antall"),
                            ("forsoksfylker", fylker, "kompetanse.fylker")):
    if len(liste) != T[nokkel]:
        raise ValueError(f"data/raw/{navn}.csv har {len(liste)} rader, men {nokkel} i "
                         f"data/raw/tall.csv sier {T[nokkel]}")
if T["bransje.programmer_ubrukt"] > T["bransje.antall"]:
    raise ValueError("data/raw/tall.csv: flere programmer med ubrukte midler enn programmer")

# %% [markdown]
# ## Tall som er avledet av dataene (brukt i vedlegget om avvik)

# %%
maalniva = T["sykefravaer.justert_2018"] * (1 - T["maal.reduksjon"] / 100)
fact("maal.nivaa", maalniva, text=fmt.pct_prose(maalniva / 100, 1))
for serie in ("justert", "ujustert"):
    endring = T[f"sykefravaer.{serie}_2021"] - T[f"sykefravaer.{serie}_2018"]
    fact(f"sykefravaer.endring_{serie}", round(endring, 10),
         text=fmt.pp_prose(endring / 100, 1))

# %% [markdown]
# ## Tabellene over økonomiske rammer

# %%
def mill(verdi) -> str:
    """A table cell in mill. kroner: always one decimal, so the column lines up."""
    return "–" if pd.isna(verdi) else fmt.decimal(verdi, 1)


def ramme_tabell(tbl_id, rader, *, stub_label, kolonner, caption, notes=None, total=None):
    data = pd.DataFrame(rader, columns=["post", *kolonner])
    visning = data.copy()
    for kolonne in kolonner:
        visning[kolonne] = [mill(v) for v in data[kolonne]]
    publish_table(
        tbl_id,
        build_table(visning, stub="post", columns=list(kolonner),
                    formats={k: "text" for k in kolonner}, stub_label=stub_label,
                    labels={k: k for k in kolonner},
                    bold=[total] if total else []),
        caption=caption, data=data, notes=notes, source=KILDE)
    return visning


ramme_tabell(
    "omdisponering",
    [("Forebyggings- og tilretteleggingstilskuddet (avviklet)", T["omdisponering.ft_tilskudd"]),
     ("Midler til regionale IA-råd (avviklet)", T["omdisponering.ia_rad"]),
     ("Samlet ramme for nye virkemidler og tiltak", T["omdisponering.ramme"])],
    stub_label="Post", kolonner=["Mill. kroner"], total="Samlet ramme for nye virkemidler og tiltak",
    caption="Midler som ble omdisponert til nye virkemidler i IA-avtalen 2019–2022")

# %%
ramme_tabell(
    "arbeidsmiljo-ramme",
    [("Arbeidstilsynet", None, T["arbeidsmiljo.arbeidstilsynet"]),
     ("Statens arbeidsmiljøinstitutt (STAMI)", None, T["arbeidsmiljo.stami"]),
     ("Petroleumstilsynet", None, T["arbeidsmiljo.ptil"]),
     ("Totalt", T["arbeidsmiljo.ramme_2019"], T["arbeidsmiljo.ramme_aarlig"])],
    stub_label="Mottaker", kolonner=["2019", "Deretter per år"], total="Totalt",
    caption="Økonomisk ramme for arbeidsmiljøsatsingen. Mill. kroner",
    notes=["Rammen for 2019 omfatter utviklingen av Arbeidsmiljøportalen; rapporten fordeler "
           "den ikke på etatene."])

# %%
ramme_tabell(
    "bransjeprogrammer-ramme",
    [("Samlet ramme", T["bransje.ramme_2019"], T["bransje.ramme_aarlig"]),
     ("Herav øremerket bransjeprogrammene", None, T["bransje.oremerket"]),
     ("Herav evaluering, data og statistikk og forvaltning av ordningen", None,
      T["bransje.resterende"])],
    stub_label="Post", kolonner=["2019", "2020–2022"], total="Samlet ramme",
    caption="Økonomisk ramme for bransjeprogrammene. Mill. kroner",
    notes=["Beløpene for 2020–2022 gjelder per år. Rapporten oppgir ikke hvordan rammen for 2019 "
           "ble delt."])

# %%
ramme_tabell(
    "kunnskapsmidler",
    [("Bevilgning til IA-kunnskapsutviklingsmidler i 2022", T["kunnskap.bevilgning_2022"]),
     ("Statistikkforum: tildelt Arbeids- og velferdsdirektoratet per år fra 2020",
      T["statistikkforum.tildeling"]),
     (f"IA-FoU-programmet: samlet ramme, bundet opp i {fmt.integer(T['fou.prosjekter'])} "
      "prosjekter", T["fou.ramme"])],
    stub_label="Post", kolonner=["Mill. kroner"],
    caption="Midler til kunnskapsvirkemidlene i IA-avtalen")
