"""Published firm-level numbers of seed 004 and the frozen calibration the firm registers follow.

Tabell 1 (seed l. 419), Tabell 2 (l. 430), Tabell 3 (l. 670), Tabell 4 (l. 699), Tabell 8
(l. 1523) and the refund counts in the text (l. 428). The numbers live in code (not read from
data/reference/) so that a change of a target changes the generator's hash; the backtests compare
the generated data with data/reference/, which is copied from the report independently.

Readings of the report's inconsistencies (see data/reference/*.csv and data/README.md «Lesningene»):

* Tabell 2, Totalsum 2021 and 2022 (1 kr less than the rows): refunds are paid to the øre; each
  printed cell is the cell's exact sum rounded to whole kroner, and Totalsum is the rounded
  exact column sum. The øre parts of the cells in those two columns add up to between -1.5 and
  -0.5 kr, so both the rows and the printed totals come out exactly.
* Tabell 3 / Tabell 4, Hovednæring: no split of Tabell 4's recipient industry counts over the
  years fits Tabell 3 (proved infeasible: «Offentlig administrasjon» 74 firm-years cannot make
  8 % in 2021–2023, «Faglig …» 44 and «Bygge- og anlegg» 91 exceed what Tabell 3 allows). The
  data reproduce Tabell 3 exactly (every cell) and Tabell 4's sector and size blocks and all
  non-recipient columns exactly; the recipient industry counts of Tabell 4 are matched where
  Tabell 3 allows it (5 of 11 rows) and as closely as possible elsewhere (`derive_firm_years`).
* 1 311 recipient «virksomheter» against the survey frame of 1 037: the 1 311 are firm-years
  (a firm with refunded grants decided in two years counts twice); they belong to 1 037 firms.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

START = dt.date(2019, 9, 1)  # the scheme's first decisions
EXTRACT = dt.date(2024, 5, 5)  # national extract (Tabell 1, Tabell 2; seed l. 426, 430)
PILOT_START = dt.date(2024, 1, 1)  # Tabell 8 period (seed l. 1523)
PILOT_END = dt.date(2024, 5, 21)
YEARS = (2019, 2020, 2021, 2022, 2023, 2024)
FIRM_YEARS = (2019, 2020, 2021, 2022, 2023)  # Tabell 3 columns

# Tabell 1: granted amounts (kr) by decision year; 2024 up to 5 May.
TILSAGN_SUM = {2019: 388_625, 2020: 5_472_748, 2021: 13_021_001, 2022: 21_206_719,
               2023: 34_724_136, 2024: 24_080_552}

# Tabell 2: refunds (kr) by NAV region (2020–2023 codes) and refund year 2019 … 2024 (5 May).
REGIONS = ("02", "03", "04", "06", "08", "10", "11", "12", "15", "18", "19", "50")
REFUSJON = {
    "02": (5_700, 267_710, 453_300, 404_863, 1_056_281, 8_000),
    "03": (40_000, 175_730, 682_503, 1_334_200, 2_777_713, 212_989),
    "04": (14_400, 243_458, 328_093, 1_106_628, 2_069_541, 132_246),
    "06": (69_600, 343_586, 575_467, 675_051, 2_286_592, 334_498),
    "08": (193_950, 1_788_135, 4_096_800, 5_610_530, 5_074_287, 288_675),
    "10": (25_475, 170_333, 287_231, 571_167, 1_613_445, 102_795),
    "11": (0, 44_311, 95_118, 364_717, 653_192, 41_050),
    "12": (0, 223_236, 655_368, 1_226_573, 2_733_577, 163_200),
    "15": (23_525, 101_586, 383_010, 492_040, 1_466_668, 175_432),
    "18": (0, 61_500, 191_240, 365_835, 865_730, 26_500),
    "19": (0, 98_440, 232_542, 391_307, 916_658, 30_705),
    "50": (8_000, 1_733_661, 2_616_854, 4_256_519, 4_174_035, 630_892),
}
TOTALSUM = (380_650, 5_251_686, 10_597_525, 16_799_429, 25_687_719, 2_146_982)

# Refunded grants by refund year: 30, 1 519 and 158 are printed (seed l. 428); the other years
# are chosen so that the average refund stays in the printed years' range (12.7–16.9 thousand).
REFUND_COUNTS = {2019: 30, 2020: 352, 2021: 688, 2022: 1_084, 2023: 1_519, 2024: 158}
# Share of a refund year's refunded grants decided the year before (a grant cannot run over the
# new year, seed l. 1296, but the refund claim may come in January–March).
CARRY_OVER = {2019: 0.0, 2020: 0.0, 2021: 0.01, 2022: 0.08, 2023: 0.10, 2024: 0.70}
# Share of each decision year's granted amount beyond the refunds that belongs to grants never
# refunded (the rest is granted-but-unused money on refunded grants).
UNREFUNDED_SHARE = {2019: 0.0, 2020: 0.45, 2021: 0.55, 2022: 0.55, 2023: 0.85, 2024: 1.0}

# Maximum grant per decision year (kr). 21 200 from 1.1.2022 (seed l. 1754) and 23 100 per
# 24.05.2024 (seed l. 175) are printed; the earlier years and 2023 are assumptions.
MAX_RATE = {2019: 20_000, 2020: 20_000, 2021: 20_000, 2022: 21_200, 2023: 22_000, 2024: 23_100}

# The report's industry categories (Tabell 3 and 4): code -> label as Tabell 4 prints it.
# Tabell 3 prints «Offentlig administrasjon og forsvar mv.» and «Ovrnattings- …» (typo).
NAERING = {
    "Q": "Helse- og sosialtjenester",
    "P": "Undervisning",
    "C": "Industri",
    "F": "Bygge- og anleggsvirksomhet",
    "O": "Offentlig administrasjon og forsvar, og trygdeordninger underlagt offentlig forvaltning",
    "G": "Varehandel, reparasjon av motorvogner",
    "M": "Faglig, vitenskapelig og teknisk tjenesteyting",
    "H": "Transport og lagring",
    "N": "Forretningsmessig tjenesteyting",
    "I": "Overnattings- og serveringsvirksomhet",
    "ANNET": "Annet",
}
NAERING_CODES = tuple(NAERING)
# NACE sections inside «Annet», with weights (the frafall table's small sections, seed l. 331).
ANNET_SECTIONS = ("S", "R", "E", "A", "J", "K", "L", "D", "B")
ANNET_WEIGHTS = (0.30, 0.20, 0.17, 0.10, 0.10, 0.05, 0.04, 0.02, 0.02)

SEKTOR_CODES = (1, 2)  # 1 Offentlig, 2 Privat (codes.yml: sektor)
ANSATTE_CODES = (1, 2, 3, 4)  # 10–20, 21–50, 51–100, over 100 (codes.yml: ansatte_gruppe)

# --- Frozen calibration of the recipient firm-years (= derive_firm_years(), scipy 1.14.1) ---
# Columns 2019 … 2023. Every column reproduces Tabell 3 (integer %, half up); the row sums are
# Tabell 4's recipient counts except where marked.
FIRM_YEAR_N = (12, 108, 271, 427, 493)  # firm-years per tilsagnsår (sum 1 311)
FIRM_YEAR_NAERING = {  # rows in NAERING order
    "Q": (4, 53, 146, 199, 224),  # 626
    "P": (1, 12, 24, 54, 66),  # 157
    "C": (0, 9, 23, 32, 32),  # 96, Tabell 4: 97
    "F": (2, 10, 9, 23, 32),  # 76, Tabell 4: 91
    "O": (1, 3, 21, 36, 38),  # 99, Tabell 4: 74
    "G": (0, 6, 13, 19, 22),  # 60
    "M": (0, 3, 4, 10, 12),  # 29, Tabell 4: 44
    "H": (0, 3, 7, 11, 18),  # 39, Tabell 4: 37
    "N": (1, 4, 5, 11, 8),  # 29, Tabell 4: 25
    "I": (1, 0, 4, 6, 11),  # 22
    "ANNET": (2, 5, 15, 26, 30),  # 78
}
FIRM_YEAR_SEKTOR = {1: (8, 58, 162, 269, 302), 2: (3, 50, 109, 148, 182)}  # 799 / 492 of 1 291
FIRM_YEAR_ANSATTE = {  # 211 / 504 / 284 / 299 of 1 298
    1: (2, 15, 51, 63, 80),
    2: (6, 32, 117, 168, 181),
    3: (4, 23, 50, 103, 104),
    4: (0, 29, 53, 92, 125),
}

# Tabell 4, recipients as printed (the industry counts are not all reproducible, see above).
T4_MOTTAKERE_NAERING = {"Q": 626, "P": 157, "C": 97, "F": 91, "O": 74, "G": 60, "M": 44,
                        "H": 37, "N": 25, "I": 22, "ANNET": 78}
# Tabell 4, non-recipients (1 426 firms; every count reproduced).
IKKE_MOTTAKERE_NAERING = {"Q": 579, "P": 399, "C": 114, "F": 62, "O": 67, "G": 40, "M": 28,
                          "H": 19, "N": 28, "I": 17, "ANNET": 73}
IKKE_MOTTAKERE_SEKTOR = {1: 900, 2: 526}
IKKE_MOTTAKERE_ANSATTE = {1: 290, 2: 632, 3: 326, 4: 178}
N_RECIPIENT_FIRMS = 1_037  # distinct recipient firms = the 2024 survey frame (seed l. 311)

# Tabell 8: grants 01.01.2024–21.05.2024 by unit in the pilot counties (NAV region code).
# unit code -> (label as printed, region, count); NAV Birkenes had none in the period.
PILOT_UNITS = {
    "als_agder": ("Arbeidslivssenter", "10", 61),
    "nav_arendal": ("NAV Arendal", "10", 13),
    "nav_lister": ("NAV Lister", "10", 31),
    "nav_birkenes": ("NAV Birkenes", "10", 0),
    "als_ost_viken": ("Arbeidslivssenter", "02", 126),
    "sarpsborg": ("Sarpsborg", "02", 4),
    "vestby": ("Vestby", "02", 3),
    "raelingen": ("Rælingen", "02", 2),
    "lillestrom": ("Lillestrøm", "02", 33),
    "als_nordland": ("Arbeidslivssenter", "18", 40),
    "nav_bodo": ("NAV Bodø", "18", 12),
}


def derive_firm_years():  # pragma: no cover - documents how the frozen tables were found
    """Re-derive FIRM_YEAR_* with a mixed-integer programme (scipy/HiGHS); returns a dict.

    Hard constraints: each Tabell 3 cell = round_half_up(100 · count / column n); Tabell 4's
    sector and size recipient counts; block totals 1 311 / 1 291 / 1 298 with the 2019 column
    n = 12 / 11 / 12; sector and size column n ≤ industry column n; plausible yearly n (shares
    of 2020–2023: 8–12 %, 15–21 %, 28–35 %, 35–43 %, 2023 ≥ 2022 + 60). Objective: fewest
    Tabell 4 industry rows off, then the smallest absolute deviation, then n near 12/130/234/
    416/507. Run once; the result is frozen above so generation needs no solver.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    t3 = {  # Tabell 3 in NAERING order / sector / size, columns 2019 … 2023
        "naering": [(33, 49, 54, 47, 45), (8, 11, 9, 13, 13), (0, 8, 8, 7, 6), (17, 9, 3, 5, 6),
                    (8, 3, 8, 8, 8), (0, 6, 5, 4, 4), (0, 3, 1, 2, 2), (0, 3, 3, 3, 4),
                    (8, 4, 2, 3, 2), (8, 0, 1, 1, 2), (17, 5, 6, 6, 6)],
        "sektor": [(73, 54, 60, 65, 62), (27, 46, 40, 35, 38)],
        "ansatte": [(17, 15, 19, 15, 16), (50, 32, 43, 39, 37), (33, 23, 18, 24, 21),
                    (0, 29, 20, 22, 26)],
    }
    totals = {"naering": list(T4_MOTTAKERE_NAERING.values()), "sektor": [799, 492],
              "ansatte": [211, 504, 284, 299]}
    block_n = {"naering": (1311, 12), "sektor": (1291, 11), "ansatte": (1298, 12)}
    n_var = 0
    idx = {}

    def new(name, shape):
        nonlocal n_var
        size = int(np.prod(shape))
        idx[name] = np.arange(n_var, n_var + size).reshape(shape)
        n_var += size
        return idx[name]

    cnt = {b: new("c_" + b, (len(t3[b]), 5)) for b in t3}
    nn = {b: new("n_" + b, (5,)) for b in t3}
    k0 = len(t3["naering"])
    dp, dm, flag = new("dp", (k0,)), new("dm", (k0,)), new("flag", (k0,))
    tp, tm = new("tp", (5,)), new("tm", (5,))
    rows, lo, hi = [], [], []

    def con(terms, low, high):
        row = np.zeros(n_var)
        for i, v in terms:
            row[i] += v
        rows.append(row)
        lo.append(low)
        hi.append(high)

    for b, table in t3.items():
        for k, pcts in enumerate(table):
            for y, pct in enumerate(pcts):
                con([(cnt[b][k, y], 100), (nn[b][y], -(pct - 0.5))], 0, np.inf)
                con([(cnt[b][k, y], 100), (nn[b][y], -(pct + 0.5))], -np.inf, -0.5)
            terms = [(cnt[b][k, y], 1) for y in range(5)]
            if b == "naering":
                con(terms + [(dp[k], -1), (dm[k], 1)], totals[b][k], totals[b][k])
                con([(dp[k], 1), (dm[k], 1), (flag[k], -500)], -np.inf, 0)
            else:
                con(terms, totals[b][k], totals[b][k])
        for y in range(5):
            con([(cnt[b][k, y], 1) for k in range(len(table))] + [(nn[b][y], -1)], 0, 0)
        con([(nn[b][y], 1) for y in range(5)], block_n[b][0], block_n[b][0])
        if b != "naering":
            for y in range(5):
                con([(nn["naering"][y], 1), (nn[b][y], -1)], 0, np.inf)
    target = (12, 130, 234, 416, 507)
    for y in range(5):
        con([(nn["naering"][y], 1), (tp[y], -1), (tm[y], 1)], target[y], target[y])
    con([(nn["naering"][4], 1), (nn["naering"][3], -1)], 60, np.inf)
    lb, ub = np.zeros(n_var), np.full(n_var, np.inf)
    ub[flag] = 1
    for b, (_, first) in block_n.items():
        lb[nn[b][0]] = ub[nn[b][0]] = first
    for y, (a, z) in zip(range(1, 5), [(.08, .12), (.15, .21), (.28, .35), (.35, .43)]):
        lb[nn["naering"][y]], ub[nn["naering"][y]] = np.ceil(a * 1299), np.floor(z * 1299)
    cost = np.zeros(n_var)
    cost[flag], cost[dp], cost[dm], cost[tp], cost[tm] = 1000, 10, 10, 1, 1
    res = milp(cost, constraints=LinearConstraint(np.array(rows), lo, hi),
               integrality=np.ones(n_var), bounds=Bounds(lb, ub))
    x = np.round(res.x).astype(int)
    return {b: (x[nn[b]].tolist(), x[cnt[b]].tolist()) for b in t3}
