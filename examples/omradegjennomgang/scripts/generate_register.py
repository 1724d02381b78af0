"""Synthetic register extracts for chapter 5 (NAV, Arena, 2010–2022), at aggregate level.

The report's data were delivered by NAV as aggregates, not as microdata: monthly stocks
(«beholdninger» at month end) by fylke and tiltaksgruppe, national cross-tabulations by one
characteristic at a time (age × immigrant background, benefit, education, unemployment
duration), and stocks per NAV office. The generator writes the same shapes:

- ``tiltak_fylke.csv``: month × fylke × brukergruppe × tiltaksgruppe → participants (stock);
- ``brukere_fylke.csv``: month × fylke → registered job seekers, registered with reduced work
  capacity («nedsatt arbeidsevne»), labour force;
- ``kjennetegn.csv``: month (2010–2021) × brukergruppe × characteristic × category ×
  tiltaksgruppe → participants (one cross-tab per characteristic, as delivered: their margins
  need not agree, and in the print they do not);
- ``kontor_brukere.csv``: 2022 month × NAV office (with NAV's size group) → registered users;
  ``kontor_tiltak.csv``: 2022 month × office × brukergruppe × tiltaksgruppe → participants;
- ``fylkespanel.csv`` (chapter 5.7, ``generate_panel.py``).

Where the report prints a number (Tabell 5-1 … 5-8, the text around Figur 5-1 … 5-6), the
annual means of the monthly stocks reproduce it; elsewhere the series are smooth and plausible.
All counts are whole persons; annual means are exact where the print gives a whole number.

Scale: the extracts are aggregates, so the build reads about 0,2 million rows. The same
notebooks run unchanged on person-level monthly records (one row per person and month, about
8 million rows for 2010–2022): ``rapport.stats.register.stock_counts`` aggregates them to these
shapes with vectorised group-bys first (``--persons`` is not implemented here; see README).

    ../../.venv/bin/python scripts/generate_register.py [--out data/raw/register]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate_panel  # noqa: E402

YEARS = range(2010, 2023)
FYLKER = ["Oslo", "Viken", "Innlandet", "Vestfold og Telemark", "Agder", "Rogaland", "Vestland",
          "Møre og Romsdal", "Trøndelag", "Nordland", "Troms og Finnmark"]
# Labour force 2022 (thousands, rounded; SSB's level, synthetic split).
ARBEIDSSTYRKE = dict(zip(FYLKER, [390, 660, 190, 215, 160, 260, 340, 135, 245, 125, 125]))
GROUPS = ["Tilrettelegging/tiltak i bedrift", "Arbeidsrettet rehabilitering", "AMO",
          "Utdanning", "AFT", "Arbeidstrening", "IPS", "Jobbklubb", "Oppfølging",
          "Utvidet oppfølging i NAV", "Midlertidig lønnstilskudd", "Varig lønnstilskudd", "Annet"]
# The printed tables' row labels → the 14 groups of chapter 5.2 (Helsemessig utredning has no
# participants in the extracts).
ALIASES = {"AMO-kurs": "AMO", "Midl. lønnstilskudd": "Midlertidig lønnstilskudd",
           "Midlertidig lønnstilskudd": "Midlertidig lønnstilskudd",
           "Utvidet oppfølging": "Utvidet oppfølging i NAV",
           "Tilrettelegging": "Tilrettelegging/tiltak i bedrift"}
BRUKERGRUPPER = {"arbeidssoker": "Registrerte arbeidssøkere",
                 "nedsatt": "Nedsatt arbeidsevne"}
# characteristic: (table for arbeidssøkere, table for nedsatt arbeidsevne, {column: category})
EXTRACTS = {
    "alder_landgruppe": ("tabell_5-1.csv", "tabell_5-2.csv", {
        "ikke_innv_lg1_2_30plus_pct": "Landgruppe 1–2, 30 år eller eldre",
        "ikke_innv_lg1_2_under30_pct": "Landgruppe 1–2, under 30 år",
        "lg3_4_30plus_pct": "Landgruppe 3–4, 30 år eller eldre",
        "lg3_4_under30_pct": "Landgruppe 3–4, under 30 år"}),
    "ytelse": ("tabell_5-3.csv", "tabell_5-4.csv", {
        f"{y}_pct": y for y in ["AAP", "Dagpenger", "Sykepenger", "Sosialhjelp",
                                "Tiltakspenger", "Uføretrygd", "Ingen"]}),
    "utdanning": ("tabell_5-5.csv", "tabell_5-6.csv", {
        "ikke_fullfort_vgs_pct": "Ikke fullført VGS", "fullfort_vgs_pct": "Fullført VGS",
        "hoyere_utdanning_pct": "Høyere utdanning", "ukjent_pct": "Ukjent"}),
    "ledighet": ("tabell_5-7.csv", None, {
        "uker_0_25_pct": "0–25 uker", "uker_26_51_pct": "26–51 uker",
        "uker_52_103_pct": "52–103 uker", "uker_104_plus_pct": "104 uker og lenger"}),
}
# Tabell 5-7 counts 13 003 of the 14 603 job seekers in measures: the rest have no recorded
# unemployment duration (a category of the extract that the table leaves out).
LEDIGHET_UKJENT = 14603 - 13003
# Utdanning's share of the participants with reduced work capacity in 2010 (Figur 5-5, text
# l.1887–1891); 2021 is the table's.
UTDANNING_2010 = {"alder_landgruppe": {"30 år eller eldre": 0.38, "under 30 år": 0.37},
                  "utdanning": {"Ikke fullført VGS": 0.28, "Fullført VGS": 0.45,
                                "Høyere utdanning": 0.52}}


def apportion(total: int, weights: np.ndarray) -> np.ndarray:
    """Whole numbers proportional to `weights` summing to `total` (largest remainder)."""
    weights = np.asarray(weights, dtype=float)
    if total == 0 or weights.sum() == 0:
        return np.zeros(len(weights), dtype=int)
    raw = weights / weights.sum() * total
    out = np.floor(raw).astype(int)
    rest = total - out.sum()
    out[np.argsort(-(raw - out), kind="stable")[:rest]] += 1
    return out


def counts_from_print(pct: np.ndarray, n: int, rng) -> np.ndarray:
    """Counts summing to `n` whose shares round (half up) to the printed whole percentages.

    Each count is kept inside its rounding interval [p − ½, p + ½) % of n and the intervals are
    filled in proportion until the column sums to n. A printed 0 % becomes 0 or, in about one
    cell in six, 2 persons (which the disclosure rule then hides)."""
    pct = np.asarray(pct, dtype=float)
    zero = pct == 0
    small = np.where(zero, np.minimum(rng.choice([0, 0, 0, 0, 0, 2], len(pct)),
                                      np.floor(0.0049 * n)), 0)
    lo = np.where(zero, small, np.ceil((pct - 0.5) / 100 * n + 1e-9))
    hi = np.where(zero, small, np.ceil((pct + 0.5) / 100 * n - 1e-9) - 1)
    need = n - lo.sum()
    room = hi - lo
    if need < 0 or need > room.sum():
        raise ValueError(f"no counts give {pct.tolist()} of {n}")
    return (lo + apportion(int(need), room) if room.sum() else lo).astype(int)


def months(year: int) -> list[str]:
    return [f"{year}-{m:02d}" for m in range(1, 13)]


def monthly(levels: np.ndarray, year: int, phase: float = 0.0) -> np.ndarray:
    """12 monthly stocks per level (rows) whose mean is the level (levels are whole numbers):
    a mild seasonal pattern (fewer in July), apportioned to whole persons."""
    season = 1 + 0.06 * np.cos(2 * np.pi * (np.arange(12) - 1 + phase) / 12) \
        - 0.08 * (np.arange(12) == 6)
    return np.array([apportion(int(round(12 * lv)), season) for lv in levels])


def national_2021(ref: Path) -> dict[str, dict[str, int]]:
    """Annual-average stocks 2021 per brukergruppe and group: the alder × landgruppe tables'
    margins (Tabell 5-1 and 5-2)."""
    out = {}
    for bg, name in (("arbeidssoker", "tabell_5-1.csv"), ("nedsatt", "tabell_5-2.csv")):
        table = pd.read_csv(ref / name).set_index("tiltaksgruppe")
        n = table.loc["Antall i gruppen"]
        shares = table.drop("Antall i gruppen")
        counts = (shares * n / 100).sum(axis=1)
        counts.index = [ALIASES.get(i, i) for i in counts.index]
        out[bg] = {g: counts.get(g, 0.0) for g in GROUPS}
    out["nedsatt"]["Annet"] = 40.0
    return out


def trend(group: str, bg: str, year: int) -> float:
    """Index (2021 = 1) of a group's national stock: the development chapter 5.3 describes."""
    y = year
    if group == "Utvidet oppfølging i NAV":                  # introduced 2017
        return 0.0 if y < 2017 else {2022: 1.08}.get(y, (y - 2016) / 5)
    if group == "IPS":                                       # registered from 2018
        return 0.0 if y < 2018 else {2022: 1.25}.get(y, (y - 2017) / 4)
    if group == "Oppfølging":                                # falls about 4 000 from 2017
        if bg == "nedsatt":
            return 1.75 if y <= 2016 else {2022: 0.95}.get(y, 1.75 - 0.15 * (y - 2016))
        return 0.8 if y <= 2016 else {2022: 1.05}.get(y, 0.8 + 0.04 * (y - 2016))
    if group == "Arbeidstrening":                            # up to 2016, then nearly ⅔ down
        if y <= 2016:
            return 1.9 + 0.05 * (y - 2010)
        return {2022: 0.8}.get(y, 2.2 - 0.24 * (y - 2016))
    if group == "Midlertidig lønnstilskudd":                 # more than doubled from 2014
        return 0.45 if y <= 2014 else {2022: 1.05}.get(y, 0.45 + 0.55 * (y - 2014) / 7)
    if group == "Utdanning":                                 # more than halved, most by 2014
        if y <= 2014:
            return 2.6 - 0.3 * (y - 2010)
        return {2020: 0.95, 2021: 1.0, 2022: 1.08}.get(y, 1.4 - 0.1 * (y - 2014))
    if group == "AMO" and bg == "arbeidssoker":
        return 1.35 if y < 2017 else {2021: 1.0}.get(y, 1.35 - 0.07 * (y - 2016))
    return 1.0


# Job seekers in measures (2021 = 1) and the share of registered job seekers in a measure:
# many more registered in 2020–2021 (the pandemic) and 2015–2017 (the oil-price fall), and a
# lower share in a measure then (l.1575–1577).
CYCLE = {2015: 0.78, 2016: 0.8, 2017: 0.74, 2020: 1.05, 2021: 1.0, 2022: 0.67}
SHARE_IN_MEASURE = {2015: 0.125, 2016: 0.12, 2017: 0.13, 2020: 0.07, 2021: 0.10, 2022: 0.14}


def cycle(bg: str, year: int) -> float:
    return CYCLE.get(year, 0.68) if bg == "arbeidssoker" else 1.0


# Fylke weights relative to the labour force, per group (others 1): the patterns of 5.4.
WEIGHTS = {
    "all": dict(zip(FYLKER, [0.75, 0.95, 1.10, 1.10, 1.30, 1.00, 1.02, 1.05, 0.95, 1.15, 1.05])),
    "AMO": {"Oslo": 2.4, "Nordland": 0.6, "Viken": 1.05},
    "AFT": {"Vestfold og Telemark": 2.0, "Møre og Romsdal": 0.45},
    "Midlertidig lønnstilskudd": {"Møre og Romsdal": 1.8, "Oslo": 0.75},
    "Utdanning": {"Agder": 1.35},
    "Oppfølging": {"Viken": 1.6, "Oslo": 0.8, "Troms og Finnmark": 0.85},
    "IPS": {"Nordland": 4.0, "Trøndelag": 0.07},
}
# Share of the registered with reduced work capacity who are in a measure, 2022 (l.1651).
NEDSATT_PAA_TILTAK = dict(zip(FYLKER, [0.26, 0.30, 0.31, 0.305, 0.31, 0.30, 0.30, 0.29, 0.30,
                                       0.34, 0.31]))


def fylke_extracts(rng) -> tuple[pd.DataFrame, pd.DataFrame]:
    nat21 = national_2021(Path(__file__).resolve().parents[1] / "data" / "reference")
    lf = np.array([ARBEIDSSTYRKE[f] for f in FYLKER], dtype=float)
    rows, users = [], []
    for year in YEARS:
        growth = 1 + 0.008 * (year - 2022)
        for bg in BRUKERGRUPPER:
            per_group = {}
            for g in GROUPS:
                level = nat21[bg][g] * trend(g, bg, year) * cycle(bg, year)
                w = lf * np.array([WEIGHTS["all"][f] * WEIGHTS.get(g, {}).get(f, 1.0)
                                   for f in FYLKER])
                if year < 2017 and g in ("AMO", "Oppfølging", "Utdanning"):
                    w = w * np.array([1.25 if f in ("Agder", "Vestfold og Telemark") and
                                      g == "Oppfølging" else 1.5 if f == "Troms og Finnmark"
                                      and g == "Utdanning" else 0.55 if f == "Rogaland"
                                      and g == "Utdanning" else 1.0 for f in FYLKER])
                per_group[g] = apportion(int(round(level)), w)
                stocks = monthly(per_group[g], year, phase=GROUPS.index(g))
                for i, f in enumerate(FYLKER):
                    rows.append(pd.DataFrame({
                        "maaned": months(year), "fylke": f, "brukergruppe": bg,
                        "tiltaksgruppe": g, "deltakere": stocks[i]}))
            if bg == "nedsatt":
                total = sum(per_group.values())
                nedsatt = np.round(total / np.array([NEDSATT_PAA_TILTAK[f] for f in FYLKER])
                                   * (1 + 0.004 * (2022 - year)))
            else:
                total = sum(per_group.values())
                share = SHARE_IN_MEASURE.get(year, 0.14)
                arbeidssokere = np.round(total / share * (1 + rng.normal(0, 0.01, len(FYLKER))))
        for i, f in enumerate(FYLKER):
            users.append(pd.DataFrame({
                "maaned": months(year), "fylke": f,
                "arbeidssokere": monthly([arbeidssokere[i]], year)[0],
                "nedsatt_arbeidsevne": monthly([nedsatt[i]], year, phase=3)[0],
                "arbeidsstyrke": int(round(lf[i] * 1000 * growth))}))
    return pd.concat(rows, ignore_index=True), pd.concat(users, ignore_index=True)


def kjennetegn_extract(rng) -> pd.DataFrame:
    """One cross-tab per characteristic and brukergruppe, 2010–2021; 2021 reproduces the
    printed tables; earlier years follow the groups' national development (trend()), with
    Utdanning's share in 2010 as printed for Figur 5-5."""
    ref = Path(__file__).resolve().parents[1] / "data" / "reference"
    rows = []
    for kjennetegn, (t_arb, t_ned, columns) in EXTRACTS.items():
        for bg, name in (("arbeidssoker", t_arb), ("nedsatt", t_ned)):
            if name is None:
                continue
            table = pd.read_csv(ref / name).set_index("tiltaksgruppe")
            n = table.loc["Antall i gruppen"]
            shares = table.drop("Antall i gruppen")
            groups = [ALIASES.get(i, i) for i in shares.index]
            base = {}
            for col, kat in columns.items():
                base[kat] = counts_from_print(shares[col].to_numpy(), int(n[col]), rng)
            if kjennetegn == "ledighet":
                base["Ukjent"] = apportion(LEDIGHET_UKJENT, np.mean(list(base.values()), axis=0))
            for year in range(2010, 2022):
                f = np.array([trend(g, bg, year) for g in groups])
                for kat, c21 in base.items():
                    n_y = int(round(c21.sum() * cycle(bg, year) * (1 + 0.01 * (2021 - year))))
                    if year == 2021:
                        level = c21
                    else:
                        w = c21 * f
                        target = _utdanning_share(kjennetegn, bg, kat, year, c21, groups)
                        if target is not None:
                            u = groups.index("Utdanning")
                            rest = np.delete(w, u)
                            w = np.insert(rest / rest.sum() * (1 - target), u, target)
                        level = apportion(n_y, w)
                    stocks = monthly(level, year, phase=1)
                    for j, g in enumerate(groups):
                        rows.append(pd.DataFrame({
                            "maaned": months(year), "brukergruppe": bg, "kjennetegn": kjennetegn,
                            "kategori": kat, "tiltaksgruppe": g, "deltakere": stocks[j]}))
    return pd.concat(rows, ignore_index=True)


def _utdanning_share(kjennetegn, bg, kat, year, c21, groups):
    if bg != "nedsatt" or kjennetegn not in UTDANNING_2010:
        return None
    key = kat.split(", ")[-1] if kjennetegn == "alder_landgruppe" else kat
    start = UTDANNING_2010[kjennetegn].get(key)
    if start is None:
        return None
    end = c21[groups.index("Utdanning")] / c21.sum()
    path = {2010: 0.0, 2011: 0.25, 2012: 0.45, 2013: 0.6, 2014: 0.72, 2015: 0.78, 2016: 0.84,
            2017: 0.9, 2018: 0.95, 2019: 1.02, 2020: 1.01, 2021: 1.0}[year]
    return start + (end - start) * path


# Tabell 5-8: NAV's office size groups (registered users, annual mean 2022): offices, mean.
BANDS = {"Små": (56, 77), "Ganske små": (58, 244), "Medium": (57, 549),
         "Ganske store": (58, 1172), "Store": (28, 2103), "Veldig store": (30, 3896)}
# Small offices use more Midlertidig lønnstilskudd and AMO, less AFT (Figur 5-6, l.1901, 1924):
# a group's participants per registered user in the smallest band, relative to the largest.
LEAN = {"Midlertidig lønnstilskudd": 2.1, "AMO": 2.0, "Arbeidstrening": 1.2, "AFT": 0.55}


def kontor_extracts(tiltak: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """287 NAV offices with NAV's size group, registered users per month (the groups' means
    are Tabell 5-8's) and participants per group 2022 split over the offices."""
    sizes, bands = [], []
    for k, (band, (count, mean)) in enumerate(BANDS.items()):
        s = np.round(mean * (1 + np.linspace(-0.2, 0.2, count))).astype(int)
        s[-1] += mean * count - s.sum()               # the group's mean exactly
        sizes.append(s)
        bands += [k] * count
    sizes, bands = np.concatenate(sizes), np.array(bands)
    kontor = [f"NAV-{i:03d}" for i in range(1, len(sizes) + 1)]
    group_names = list(BANDS)
    stocks = monthly(sizes, 2022)
    brukere = pd.concat([pd.DataFrame({
        "maaned": months(2022)[m], "kontor": kontor,
        "kontorgruppe": [group_names[b] for b in bands],
        "registrerte_brukere": stocks[:, m]}) for m in range(12)], ignore_index=True)
    nat = (tiltak[tiltak["maaned"].str.startswith("2022")]
           .groupby(["brukergruppe", "tiltaksgruppe"])["deltakere"].sum() / 12)
    rows = []
    for (bg, g), level in nat.items():
        tilt = LEAN.get(g, 1.0) ** (1 - bands / 5)
        per = apportion(int(round(level)), sizes * tilt)
        st = monthly(per, 2022, phase=2)
        rows += [pd.DataFrame({"maaned": months(2022)[m], "kontor": kontor, "brukergruppe": bg,
                               "tiltaksgruppe": g, "deltakere": st[:, m]}) for m in range(12)]
    return brukere, pd.concat(rows, ignore_index=True)


def write(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(frame.to_csv(index=False, lineterminator="\n"), encoding="utf-8")


OUTPUTS = ["tiltak_fylke", "brukere_fylke", "kjennetegn", "kontor_brukere", "kontor_tiltak",
           "fylkespanel"]


def _digest(paths) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def up_to_date(out: Path) -> bool:
    """The extracts exist, unaltered, from this generator and these printed tables."""
    stamp = out / ".stamp"
    files = [out / f"{name}.csv" for name in OUTPUTS]
    if not stamp.is_file() or not all(f.is_file() for f in files):
        return False
    return stamp.read_text() == _digest(_inputs()) + "\n" + _digest(files) + "\n"


def _inputs() -> list[Path]:
    here = Path(__file__).resolve().parent
    ref = here.parent / "data" / "reference"
    return [here / "generate_register.py", here / "generate_panel.py",
            *sorted(ref.glob("tabell_5-*.csv"))]


def main(out: Path) -> dict[str, int]:
    rng = np.random.default_rng(2023)
    tiltak, brukere = fylke_extracts(rng)
    frames = {"tiltak_fylke": tiltak, "brukere_fylke": brukere,
              "kjennetegn": kjennetegn_extract(rng)}
    frames["kontor_brukere"], frames["kontor_tiltak"] = kontor_extracts(tiltak)
    for name, frame in frames.items():
        write(frame, out / f"{name}.csv")
    generate_panel.main(out / "fylkespanel.csv")
    files = [out / f"{name}.csv" for name in OUTPUTS]
    (out / ".stamp").write_text(_digest(_inputs()) + "\n" + _digest(files) + "\n")
    return {name: len(frame) for name, frame in frames.items()}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("data/raw/register"))
    args = parser.parse_args()
    if up_to_date(args.out):
        print(f"{args.out}: uttrekkene er oppdatert")
        sys.exit(0)
    for name, n in main(args.out).items():
        print(f"{n} rader skrevet til {args.out / name}.csv")
