"""Synthetic monthly county panel for chapter 5.7: registered fully unemployed («helt ledige»)
and registered job seekers in measures, by measure group, per fylke and month 2010–2022.

The printed report gives no series, only the fixed-effects results (Figur 5-8, 5-9): about 12
more job seekers in measures per 100 more fully unemployed at every lag 0–12, all significant;
per group about 6 (Arbeidstrening), 2 (AMO), 2 (Oppfølging), 1 (Midlertidig lønnstilskudd) and
1 (Jobbklubb), slightly negative for Utvidet oppfølging i NAV and Utdanning, and not significant
for Tilrettelegging/tiltak i bedrift; and that on average 21 % of the fully unemployed were in a
measure in 2010–2021 (l.1962). The generator builds a panel with those relations: each group's stock in a
county responds to the county's average unemployment over the last 13 months (measures last),
on top of county and month effects; county deviations in unemployment are very persistent (as
the report notes), so the response shows at every lag. Deterministic (fixed seed).

Figur 5-11 adds persons registered with nedsatt arbeidsevne: the number registered
(`nedsatt_registrert`) moves with the county's current unemployment, and the number of them on
measures (`nedsatt_paa_tiltak`) is a share of those registered plus a budget term. The print
reports, with a control for the number registered, no relation at lags 0–5 and a positive one
from lag 6, about 8 per 100 at lag 12 (l.2017–2021), and explains it by budgets: more resources
arrive after half a year. With the control (which moves with today's unemployment), the model's
estimate at lag k compares counties whose unemployment k months ago was high relative to today.
The generator therefore lets the stock follow the unemployment of a year ago (the budget) and
lose part of it to the unemployment of five months ago (the caseload the new job seekers bring):
NEDSATT_BUDSJETT · (ledige[t−12] − NEDSATT_FORTRENGNING · ledige[t−5]). These columns come from
their own random stream, so the columns of Figur 5-8 and 5-9 do not change with them.

    ../../.venv/bin/python scripts/generate_panel.py [--out data/raw/register/fylkespanel.csv]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

FYLKER = {  # county: share of the fully unemployed (2020 county division)
    "Oslo": 0.17, "Rogaland": 0.09, "Møre og Romsdal": 0.05, "Nordland": 0.04, "Viken": 0.24,
    "Innlandet": 0.06, "Vestfold og Telemark": 0.08, "Agder": 0.06, "Vestland": 0.11,
    "Trøndelag": 0.07, "Troms og Finnmark": 0.03,
}
# group: response per fully unemployed person (13-month average), base share of the stock.
# A same-month regression on a 13-month average picks up about four fifths of the response over
# 2010–2019 (the models' period), so the responses are the printed estimates × 1.26. The base shares are scaled so that on average
# 21 % of the fully unemployed are in a measure in 2010–2021, as printed (l.1962): the responses
# alone put about 14 % there.
GROUPS = {
    "Arbeidstrening": (0.0756, 0.0167), "AMO": (0.0252, 0.0148), "Oppfølging": (0.0252, 0.0130),
    "Midlertidig lønnstilskudd": (0.0126, 0.0074), "Jobbklubb": (0.0126, 0.0044),
    "Utvidet oppfølging i NAV": (-0.00315, 0.0056), "Utdanning": (-0.00315, 0.0067),
    "Tilrettelegging/tiltak i bedrift": (0.0, 0.0019),
}
MONTHS = pd.period_range("2010-01", "2022-12", freq="M")
NEDSATT_PER_LEDIG = 2.2          # registered with nedsatt arbeidsevne per fully unemployed (base)
NEDSATT_MED_LEDIGE = 0.5         # more registered with nedsatt arbeidsevne per more unemployed
NEDSATT_ANDEL_TILTAK = 0.3       # share of them on measures (30 % in 2022, l.1575)
NEDSATT_BUDSJETT = 0.2           # on measures per unemployed a year ago (the budget)
NEDSATT_FORTRENGNING = 0.85      # part of it lost to the unemployment of five months ago


def national_cycle(n: int) -> np.ndarray:
    t = np.arange(n)
    cycle = 1 + 0.03 * np.sin(2 * np.pi * t / 96) - 0.0005 * t
    covid = (t >= 122) & (t < 140)                 # April 2020 – autumn 2021
    cycle[covid] += 0.05 * np.exp(-(t[covid] - 122) / 8)
    return cycle


def add_nedsatt(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The columns `nedsatt_registrert` and `nedsatt_paa_tiltak` (Figur 5-11)."""
    parts = []
    for fylke, share in FYLKER.items():
        part = frame[frame["fylke"] == fylke].copy()
        ledige = part["helt_ledige"].to_numpy(float)
        t = np.arange(len(ledige))
        registrert = (NEDSATT_PER_LEDIG * 70000 * share * (1 + 0.001 * t)
                      + NEDSATT_MED_LEDIGE * ledige
                      + rng.normal(0, 7 * (100 * share) ** 0.5, size=len(t)))
        aar_siden = ledige[np.maximum(t - 12, 0)]
        mnd5_siden = ledige[np.maximum(t - 5, 0)]
        paa_tiltak = (NEDSATT_ANDEL_TILTAK * registrert
                      + NEDSATT_BUDSJETT * (aar_siden - NEDSATT_FORTRENGNING * mnd5_siden)
                      + rng.normal(0, 20, size=len(t)))
        part["nedsatt_registrert"] = np.round(registrert).astype(int)
        part["nedsatt_paa_tiltak"] = np.round(np.maximum(paa_tiltak, 0)).astype(int)
        parts.append(part)
    return pd.concat(parts).loc[frame.index]


def main(out: Path) -> pd.DataFrame:
    rng = np.random.default_rng(33)
    n = len(MONTHS)
    t = np.arange(n)
    cycle = national_cycle(n)
    rows = []
    for fylke, share in FYLKER.items():
        shock = np.zeros(n)
        for k in range(1, n):                       # persistent county deviation (AR(1))
            shock[k] = 0.998 * shock[k - 1] + rng.normal(0, 0.02)
        if fylke == "Rogaland":                     # the oil-price fall from summer 2014
            start = MONTHS.get_loc(pd.Period("2014-07", "M"))
            bump = np.clip((t - start) / 12, 0, 1) * np.clip(1 - (t - start - 24) / 36, 0, 1)
            shock += 0.7 * bump
        ledige = 70000 * share * cycle * np.exp(shock)
        average = pd.Series(ledige).rolling(13, min_periods=1).mean().to_numpy()
        record = {"fylke": fylke, "maaned": [str(m) for m in MONTHS],
                  "helt_ledige": np.round(ledige).astype(int)}
        for group, (beta, base) in GROUPS.items():
            trend = 1 + 0.002 * t * (1 if group == "Utvidet oppfølging i NAV" else -0.3)
            stock = (base * 70000 * share * trend + beta * average
                     + rng.normal(0, 3 + 0.05 * base * 70000 * share ** 0.5, size=n))
            record[group] = np.round(np.maximum(stock, 0)).astype(int)
        rows.append(pd.DataFrame(record))
    frame = pd.concat(rows, ignore_index=True)
    frame["paa_tiltak"] = frame[list(GROUPS)].sum(axis=1)
    frame = add_nedsatt(frame, np.random.default_rng(34))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(frame.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    return frame


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("data/raw/register/fylkespanel.csv"))
    frame = main(parser.parse_args().out)
    print(f"{len(frame)} rader skrevet til {parser.parse_args().out}")
