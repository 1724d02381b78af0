"""The evaluation's populations: one declared population per stage of the participant funnel,
and the candidate table every notebook of this report analyses.

Funnel (each stage a subset of the one before):

    kartlagt   all candidates in the registration form
    koblet     with a conversation date, linked to NAV's registers
    vedtak     with a decision (vedtak) on a competence measure (form)
    startet    registered as participants in Arena
    avsluttet  participants whose measure has ended by the data end
    fulgt      ended early enough to be followed three months after the measure

and the form's own branch for the measures: `planlagt` (planned start and end registered),
`gyldig` (end not before start), `status` (status after the measure filled in).

Each exhibit names its population (`POP["koblet"]`), takes its rows with `members(frame, key)`
and gets its «Kilde:» text from the population. Not a notebook (the runner skips files that
start with «_»); the notebooks import it, and it records itself as read so that the cache
reruns them when it changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from rapport.data import read_dataset
from rapport.data.recorder import record_read

record_read(Path(__file__))

DATA_END = pd.Period("2022-03", freq="M")   # last month of status data in the registers
FORM = "Registreringsskjema"
REGISTER = "Individdata fra NAV"
BOTH = "Registreringsskjema og individdata fra NAV"
UBESVART = "Ubesvart"
GRUPPER = ("Fått tiltak", "Ikke fått tiltak")


@dataclass(frozen=True)
class Population:
    key: str
    label: str
    source: str
    column: str          # bool column of the candidate table
    parent: str | None


POP = {p.key: p for p in (
    Population("kartlagt", "Kartlagte kandidater", FORM, "kartlagt", None),
    Population("koblet", "Kartlagte kandidater med samtaledato, koblet til NAVs registre", BOTH,
               "koblet", "kartlagt"),
    Population("vedtak", "Kandidater med vedtak om kompetansetiltak", FORM, "vedtak", "kartlagt"),
    Population("startet", "Deltakere registrert i Arena", REGISTER, "startet", "koblet"),
    Population("avsluttet", "Deltakere med avsluttet tiltak", REGISTER, "avsluttet", "startet"),
    Population("fulgt", "Deltakere som kan følges tre måneder etter tiltaket", REGISTER, "fulgt",
               "avsluttet"),
    Population("planlagt", "Kandidater med planlagt oppstart og avslutning i skjemaet", FORM,
               "planlagt", "vedtak"),
    Population("gyldig", "Kandidater med gyldig planlagt oppstart og avslutning", FORM, "gyldig",
               "planlagt"),
    Population("status", "Kandidater med utfylt status etter tiltaket", FORM, "status",
               "planlagt"),
)}


def members(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    return frame[frame[POP[key].column]]


def month_index(values) -> pd.Series:
    p = pd.PeriodIndex(pd.to_datetime(values), freq="M")
    return pd.Series(p.year * 12 + p.month - 1, index=getattr(values, "index", None))


def answers(series: pd.Series) -> pd.Series:
    """Form answers as labels, with an unanswered item as «Ubesvart»."""
    return series.astype("object").where(series.notna(), UBESVART)


def main_jobs(jobs: pd.DataFrame, days: pd.DataFrame) -> pd.DataFrame:
    """The main employment per person and month: the one with most day-works that month
    (ties: the lowest id), as the report's rule for concurrent employments (footnote 5)."""
    d = days.merge(jobs, on="arbeidsforhold_id", how="left", validate="many_to_one")
    d = d.sort_values(["lopenr", "maaned", "dagsverk", "arbeidsforhold_id"],
                      ascending=[True, True, False, True])
    return d.drop_duplicates(["lopenr", "maaned"])


def candidates() -> pd.DataFrame:
    """One row per mapped candidate with the funnel flags and the analysis variables."""
    form = read_dataset("registreringsskjema")
    persons = read_dataset("personer")
    sick = read_dataset("sykepenger")
    jobs = read_dataset("arbeidsforhold")
    days = read_dataset("dagsverk")
    arena = read_dataset("arena_tiltak")
    f = form.copy()
    f["kartlagt"] = True
    f = f.merge(persons, on="lopenr", how="left", validate="one_to_one", indicator="_p")
    f["koblet"] = f["samtaledato"].notna() & (f.pop("_p") == "both")
    f = f.merge(sick, on="lopenr", how="left", validate="one_to_one")
    main = main_jobs(jobs, days)
    f["samtale_m"] = f["samtaledato"].dt.to_period("M")
    main["m"] = main["maaned"].dt.to_period("M")
    at_conv = main.rename(columns={"m": "samtale_m"})[["lopenr", "samtale_m", "sektor", "yrke",
                                                       "arbeidsgiver_id"]]
    f = f.merge(at_conv, on=["lopenr", "samtale_m"], how="left", validate="one_to_one")
    f["vedtak"] = f["vedtak"].astype("object") == "Ja"
    f["gruppe"] = f["vedtak"].map({True: GRUPPER[0], False: GRUPPER[1]})
    a = arena.rename(columns={"fra": "tiltak_fra", "til": "tiltak_til", "tiltak": "arena_tiltak"})
    f = f.merge(a, on="lopenr", how="left", validate="one_to_one", indicator="_a")
    f["startet"] = f.pop("_a") == "both"
    f["avsluttet"] = f["startet"] & f["tiltak_til"].notna()
    end_i = DATA_END.year * 12 + DATA_END.month - 1
    til_m = month_index(f["tiltak_til"].fillna(pd.Timestamp("2100-01-01")))
    f["fulgt"] = f["avsluttet"] & (til_m + 3 <= end_i)
    f["planlagt"] = f["planlagt_oppstart"].notna() & f["planlagt_slutt"].notna()
    f["gyldig"] = f["planlagt"] & (f["planlagt_slutt"] >= f["planlagt_oppstart"])
    f["status"] = f["situasjon"].notna() | f["nyttig"].notna() | f["bidratt"].notna()
    age = f["samtaledato"].dt.year - f["fodselsaar"]
    f["alder"] = age.where(f["koblet"])
    return f


def check_funnel(frame: pd.DataFrame) -> dict[str, int]:
    """Counts per stage; stops if a stage is not inside its parent."""
    counts = {}
    for key, pop in POP.items():
        rows = frame[pop.column]
        if pop.parent and (rows & ~frame[POP[pop.parent].column]).any():
            raise ValueError(f"population {key!r} is not inside {pop.parent!r}")
        counts[key] = int(rows.sum())
    return counts


def source(key: str) -> str:
    return POP[key].source


def age_band(age: pd.Series, width: int = 5) -> pd.Series:
    low = (age // width) * width
    return low.map(lambda v: f"{int(v)}–{int(v) + width - 1} år" if pd.notna(v) else None)


def monthly_status(frame: pd.DataFrame) -> pd.DataFrame:
    """Per linked person and month from the conversation to the data end: in work without
    sickness benefits (`i_arbeid`: a main employment and no benefit that month) and with a
    new main employer (`ny_arbeidsgiver`: not the employer of the conversation month)."""
    jobs = read_dataset("arbeidsforhold")
    days = read_dataset("dagsverk")
    sick_m = read_dataset("sykepenger_mnd")
    main = main_jobs(jobs, days)
    main["month"] = main["maaned"].dt.to_period("M")
    sick_m["month"] = sick_m["maaned"].dt.to_period("M")
    base = frame[frame["koblet"]][["lopenr", "arbeidsgiver_id"]].rename(
        columns={"arbeidsgiver_id": "ag0"})
    m = main[["lopenr", "month", "arbeidsgiver_id", "sektor", "yrke"]].merge(
        base, on="lopenr", how="inner")
    m = m.merge(sick_m[["lopenr", "month"]], on=["lopenr", "month"], how="left",
                indicator="_sp")
    m["sykepenger"] = m.pop("_sp") == "both"
    m["i_arbeid"] = ~m["sykepenger"]
    m["ny_arbeidsgiver"] = m["arbeidsgiver_id"] != m["ag0"]
    return m


def distribution(values: pd.Series, order=None) -> pd.DataFrame:
    """Counts and shares of each category (in `order`, zeros kept): category, count, share, n."""
    counts = values.value_counts(sort=False)
    order = list(order) if order is not None else list(counts.index)
    extra = [c for c in counts.index if c not in order and counts[c] > 0]
    if extra:
        raise ValueError(f"categories not in the order given: {extra}")
    counts = counts.reindex(order, fill_value=0)
    n = int(counts.sum())
    return pd.DataFrame({"category": order, "count": counts.to_numpy().astype("int64"),
                         "share": counts.to_numpy() / n, "n": n})


def by_group(frame: pd.DataFrame, column: str, order, groups=GRUPPER) -> pd.DataFrame:
    """The distribution of `column` within each group (shares of the group's own n)."""
    parts = []
    for g in groups:
        d = distribution(frame.loc[frame["gruppe"] == g, column], order)
        parts.append(d.assign(group=g))
    return pd.concat(parts, ignore_index=True)[["category", "group", "count", "share", "n"]]


def labels_of(codebook_name: str, column: str) -> dict:
    from rapport.data import load_codebook
    return load_codebook(codebook_name).labels(column)
