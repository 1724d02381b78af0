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
# # Kapittel 6 og 7: intervjuutvalget og kasusene (Tabell 6-1, 6-2), styringsdokumentene
# (Tabell 7-1, 7-2) og bevilgningene (Tabell 7-3)

# %%
import dataclasses

import pandas as pd

from rapport.data import read_dataset
from rapport.exhibits import build_table, fact, fmt, publish_book_date, publish_table

# %% [markdown]
# ## Tabell 6-1: tiltak veilederne valgte for reelle brukere

# %%
publish_book_date()  # «bok.dato»: kolofonens dato, fra book.date i _quarto.yml
kasus = read_dataset("veileder_kasus")
_ = publish_table(
    "veileder-kasus",
    build_table(kasus, stub="tiltak", columns=["antall_brukere"],
                formats={"antall_brukere": "int"},
                labels={"tiltak": "Tiltak", "antall_brukere": "Antall brukere"},
                total="Sum"),
    caption="Oversikt over veilederens valg av tiltak for reelle brukere og antall brukere",
    data=kasus, source="Intervjuer med NAV-veiledere, Oslo Economics og Proba")
fact("veiledere.kasus", int(kasus["antall_brukere"].sum()))
fact("veiledere.kasus_tekst", int(kasus["antall_brukere"].sum()),
     text=fmt.integer(kasus["antall_brukere"].sum()))

# %% [markdown]
# ## Tabell 6-2: de fire kasusene og veiledernes valg

# %%
vignetter = read_dataset("kasus_vignetter")
TEKST = ("grunnleggende", "tillegg", "valg")
tabell = build_table(vignetter, stub="kasus", columns=list(TEKST),
                     formats={c: "text" for c in TEKST},
                     widths={"kasus": 8, "grunnleggende": 34, "tillegg": 34, "valg": 24},
                     labels={"kasus": "Kasus", "grunnleggende": "Grunnleggende informasjon",
                             "tillegg": "Tilleggsinformasjon", "valg": "Valg av tiltak"})
tabell = dataclasses.replace(tabell, align=["l"] * tabell.ncols)  # prose in every column
_ = publish_table(
    "kasus", tabell,
    caption="Beskrivelse av fire kasus og valg av tiltak",
    data=vignetter, source="Gruppeintervjuer med NAV-veiledere, Oslo Economics og Proba",
    notes="Note: Veilederne fikk først den grunnleggende informasjonen, deretter "
          "tilleggsinformasjonen. Det vanligste forslaget står først.")
fact("veiledere.vignetter", len(vignetter))

# %% [markdown]
# ## Tabell 7-1 og 7-2: styringsparametere og operative mål (tekst)


# %%
def text_table(frame, stub, column, labels, widths):
    """A two-column text table, left-aligned (build_table right-aligns value columns)."""
    table = build_table(frame, stub=stub, columns=[column], formats={column: "text"},
                        labels=labels, widths=widths)
    return dataclasses.replace(table, align=["l"] * table.ncols)


parametere = read_dataset("md_styringsparametere")
_ = publish_table(
    "md-styringsparametere",
    text_table(parametere, "styringsparameter", "resultatkrav",
               {"styringsparameter": "Styringsparametere 2023", "resultatkrav": "Resultatkrav"},
               {"styringsparameter": 62, "resultatkrav": 30}),
    caption="Styringsparametere og resultatkrav som definert i mål- og disponeringsbrev til "
            "fylkene for 2023",
    data=parametere, source="Mål- og disponeringsbrev til NAV fylke for 2023")
ata = read_dataset("ata_mal")
_ = publish_table(
    "ata-mal",
    text_table(ata, "nr", "mal", {"nr": "Nr.", "mal": "Mål for PO Arbeidsoppfølging"},
               {"nr": 6, "mal": 86}),
    caption="Prioritering 1.1 «NAV tilbyr kvalifiseringsløp og tiltak som gir brukerne mer "
            "stabil tilknytning til arbeidslivet». Operative mål for 2023 – produktutvikling",
    data=ata, source="Mål- og disponeringsbrev til Arbeids- og tjenesteavdelingen for 2023")

# %% [markdown]
# ## Tabell 7-3: bevilgninger i kap. 634 (1 000 kroner)

# %%
bev = read_dataset("bevilgninger_kap634")
_ = publish_table(
    "bevilgninger",
    build_table(bev, stub="post", columns=["bevilgning_1000_kr"],
                formats={"bevilgning_1000_kr": "int"},
                labels={"post": "Post", "bevilgning_1000_kr": "Bevilgning (1 000 kroner)"},
                total="Sum"),
    caption="Bevilgninger i kap. 634 Arbeidsmarkedstiltak (1 000 kroner)",
    data=bev, source="Prop. 1 S (2022–2023)")
total = int(bev["bevilgning_1000_kr"].sum()) * 1000
fact("styring.kap634_sum", total, text=fmt.kr_prose(total))
pd.concat([bev, pd.DataFrame([{"post": "Sum", "bevilgning_1000_kr": total // 1000}])])
