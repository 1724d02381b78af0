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
# # Kapittel 3: innretning og organisering
#
# Tabell 3-1 (kostnader per år, med Sum regnet av de eksakte beløpene og 2022 merket som
# delår) og Tabell 3-2 (oppgave- og rollefordeling, en teksttabell).

# %%

from rapport.data import read_dataset
from rapport.exhibits import build_table, fact, fmt, publish_table
from rapport.exhibits.tables import SUM_NOTE, money_table, partial_note

kost = read_dataset("kostnader")
partial = {r.aar: f"januar–{fmt.month_name(int(r.data_til[5:]))}"
           for r in kost.itertuples() if not r.data_til.endswith("-12")}
table, values = money_table(kost, stub="aar", parts=["tiltaksmidler", "driftsmidler"],
                            labels={"tiltaksmidler": "Tiltaksmidler",
                                    "driftsmidler": "Driftsmidler"},
                            stub_label="År", partial=partial)
_ = publish_table("kostnader", table, caption="Kostnader for forsøksprosjektet per år, (mill. kroner)",
              data=values, notes=["Note: " + partial_note(partial).replace("*", "\\*"), SUM_NOTE],
              source="Arbeids- og velferdsdirektoratet")
r2021 = values.set_index("aar").loc["2021"]
fact("kostnader.helt_aar", "2021", kind="text")  # the one full year of the trial
fact("kostnader.delaar", "2022", kind="text")   # the partial year (to the report)
fact("kostnader.sum_2022_kr", int(values.set_index("aar").loc["2022", "Sum"]), kind="kr")
fact("kostnader.sum_2021", int(r2021["Sum"]), kind="mill_kr", decimals=0)
fact("kostnader.drift_2021", int(r2021["driftsmidler"]), kind="mill_kr", decimals=0)
fact("kostnader.tiltak_2021", int(r2021["tiltaksmidler"]), kind="mill_kr", decimals=0)

# %%
opp = read_dataset("oppgavefordeling")
# One row per area and one column per task: four text columns fit the page better than six.
tasks = list(dict.fromkeys(opp["oppgave"]))
areas = list(dict.fromkeys(opp["omrade"]))
wide = opp.pivot(index="omrade", columns="oppgave", values="ansvarlig")
wide = wide.reindex(index=areas, columns=tasks).reset_index()
wide["omrade"] = wide["omrade"].replace({"Innlandet": "Innlandet*"})
tabell = build_table(wide, stub="omrade", columns=tasks, formats={c: "text" for c in tasks},
                     stub_label="Område", widths={"omrade": 18, **{c: 17 for c in tasks}})
tabell.align = ["l"] * (len(tasks) + 1)  # a text table reads from the left
_ = publish_table(
    "oppgavefordeling", tabell, form="grid",
    caption="Oppgave- og rollefordeling mellom aktørene i NAV", data=opp,
    notes=["Note: \\*) I Innlandet tilsvarer «prosjektgruppa» i tabellen i praksis prosjektleder. "
           "\\*\\*) I Nordland er det Arbeidslivssenteret som registrerer kompetansetiltak "
           "generelt, men AMO enkeltplass registreres av veileder."],
    source="Intervjuer med prosjektgruppene, Oslo Economics")

# %% [markdown]
# ## Figur 3-1: involverte aktører i prosjektet, per fylke
#
# Cellene bygges av kolonnene i `organisering` (én rad per fylke), så figuren og tallene i
# kapittel 3.2 kommer fra samme tall.

# %%
import pandas as pd  # noqa: E402

from rapport.data import load_codebook  # noqa: E402
from rapport.exhibits import publish_figure, text_matrix  # noqa: E402

org = read_dataset("organisering")
fylker = load_codebook("organisering").labels("fylke")


def kontorer(r) -> str:
    """«28 av 28 NAV-kontorer», with the offices named first when not all take part."""
    andel = f"{r.kontorer_med} av {r.kontorer_i_fylket} NAV-kontorer"
    return f"{r.kontorer_navn} ({andel})" if pd.notna(r.kontorer_navn) else andel


cells = pd.DataFrame(
    [{"rad": rad, "fylke": f"NAV {fylker[r.fylke]}", "tekst": tekst}
     for r in org.itertuples()
     for rad, tekst in (("Prosjektet", f"Prosjektgruppe ({r.medlemmer}) {r.sammensetning}"),
                        ("Linja i NAV", kontorer(r)),
                        ("Andre aktører", r.andre_aktorer))])
_ = publish_figure("involverte-aktorer",
               text_matrix(cells, row="rad", column="fylke", text="tekst",
                           rows=["Prosjektet", "Linja i NAV", "Andre aktører"]),
               caption="Involverte aktører i prosjektet", data=cells, n=False,
               source="Oslo Economics", footer=["Illustrasjon: Oslo Economics"])
for r in org.itertuples():
    fact(f"organisering.{r.fylke}.medlemmer", int(r.medlemmer), kind="count_words")
    fact(f"organisering.{r.fylke}.kontorer_med", int(r.kontorer_med))
    fact(f"organisering.{r.fylke}.kontorer_i_fylket", int(r.kontorer_i_fylket))
fact("organisering.n_fylker", len(org), kind="count_words")
