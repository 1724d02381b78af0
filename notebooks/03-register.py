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
# # Kapittel 3: bruken av ordningen i registerdata
#
# Tilsagn og refusjoner fra NAVs register (syntetisk gjengivelse): Tabell 1 (innvilgede
# tilsagn per år) og Tabell 2 (refusjoner per NAV-region og år), og tallene teksten bruker.

# %%
import pandas as pd

from rapport.data import load_codebook, read_dataset
from rapport.exhibits import build_table, fact, fmt, publish_table

KILDE = "NAVs tilsagns- og refusjonsregister, bearbeidet av Oxford Research AS"
UTTREKK = pd.Timestamp("2024-05-05")

tilsagn = read_dataset("tilsagn")
regioner = load_codebook("tilsagn").labels("nav_region")


def year_labels(years) -> dict[str, str]:
    """Column headers per year; the year of the extract is partial: «2024 (per 5. mai)»."""
    return {str(y): (f"{y} (per {fmt.date_long(UTTREKK)[:-5]})" if y == UTTREKK.year else str(y))
            for y in years}


# %% [markdown]
# ## Tabell 1: innvilgede tilsagnsbeløp per år

# %%
tilsagn["vedtaksaar"] = pd.to_datetime(tilsagn["vedtaksdato"]).dt.year
per_aar = tilsagn.groupby("vedtaksaar")["belop"].sum().astype("int64")
years = list(per_aar.index)
tabell1 = pd.DataFrame({"rad": ["Tilsagn (sum)"], **{str(y): [per_aar[y]] for y in years}})
publish_table(
    "tilsagn-per-aar",
    build_table(
        tabell1,
        stub="rad",
        columns=[str(y) for y in years],
        formats={str(y): "kr" for y in years},
        labels=year_labels(years),
        stub_label="År",
    ),
    caption="Innvilgede tilsagnsbeløp på tilskudd til ekspertbistand per år",
    data=per_aar.rename("tilsagn_sum_kr").rename_axis("aar").reset_index(),
    source=KILDE,
)
per_aar

# %% [markdown]
# ## Tabell 2: refusjoner per NAV-region og år
#
# Refusjonene står i kroner med øre i registeret. Hver celle er den eksakte summen avrundet til
# hele kroner, og «Totalsum» er den eksakte kolonnesummen avrundet: slik kan totalen avvike med
# én krone fra summen av de avrundede cellene (som i den publiserte tabellen for 2021 og 2022).

# %%
refundert = tilsagn[tilsagn["refundert"]].copy()
refundert["aar"] = pd.to_datetime(refundert["refusjonsdato"]).dt.year
matrise = (
    refundert.pivot_table(index="nav_region", columns="aar", values="refusjonsbelop",
                          aggfunc="sum", fill_value=0.0, observed=False)
    .reindex(index=list(regioner), fill_value=0.0)
)
aar2 = list(matrise.columns)
tabell2 = matrise.copy()
tabell2.columns = [str(a) for a in aar2]
tabell2.insert(0, "region", [f"{kode} {regioner[kode]}" for kode in tabell2.index])
publish_table(
    "refusjon-per-region",
    build_table(
        tabell2.reset_index(drop=True),
        stub="region",
        columns=[str(a) for a in aar2],
        formats={str(a): "kr" for a in aar2},
        labels=year_labels(aar2),
        stub_label="NAV-region",
        total="Totalsum",
    ),
    caption="Fylkesfordelte refusjonsbeløp for tilskudd til ekspertbistand per år",
    data=matrise.rename_axis(index="nav_region", columns="aar").stack().rename("refusjon_kr")
    .reset_index(),
    notes="Beløp i hele kroner. Totalsum er summen av de eksakte beløpene, avrundet.",
    source=KILDE,
)
matrise.round(0)

# %% [markdown]
# ## Tall til teksten

# %%
fact("tilsagn.sum_totalt", int(per_aar.sum()), kind="mill_kr")
fact("tilsagn.sum_2023", int(per_aar[2023]), kind="mill_kr")
fact("tilsagn.sum_2019", int(per_aar[2019]), kind="mill_kr")
fact("tilsagn.sum_2024", int(per_aar[2024]), kind="mill_kr")
fact("tilsagn.uttrekksdato", UTTREKK.date(), kind="date")
fact("tilsagn.forste_vedtaksdato", tilsagn["vedtaksdato"].min().date(), kind="date")
fact("tilsagn.siste_vedtaksdato", tilsagn["vedtaksdato"].max().date(), kind="date")
fact("tilsagn.vekst_2019_2023", per_aar[2023] / per_aar[2019], kind="decimal", decimals=0)

antall_refundert = refundert.groupby("aar").size()
for aar in (2019, 2023, 2024):
    fact(f"refusjon.antall_{aar}", int(antall_refundert[aar]), kind="int")

per_region = matrise.sum(axis=1).sort_values(ascending=False)
fact("refusjon.sum_totalt", float(per_region.sum()), kind="mill_kr", decimals=0)
for rang, (kode, belop) in enumerate(per_region.items(), start=1):
    fact(f"refusjon.region_{rang}.navn", regioner[kode], kind="text")
    fact(f"refusjon.region_{rang}.sum", float(belop), kind="mill_kr")
topp2 = per_region.iloc[:2].sum() / per_region.sum()
fact("refusjon.andel_topp2", float(topp2), kind="pct")
fact("refusjon.andel_topp2_ord", float(topp2), kind="share_words")
per_region.map(fmt.kr_prose)
