"""Published person-level numbers of seed 004 that the person registers reproduce.

Tabell 5 (seed line 732-768) and Tabell 7 (seed line 1146-1166) of «Evaluering av tilskudd til
ekspertbistand». The numbers live in code (not read from data/reference/) so that a change of a
target changes the generator's hash and thereby triggers regeneration.
"""

from __future__ import annotations

import numpy as np

N_PERSONS = 672_197  # seed line 276
N_FIRMS = 106_217  # seed line 276
N_RECIPIENTS = 3_229  # seed line 276
N_RECIPIENT_FIRMS = 1_311  # Tabell 3 (seed line 670): firms with a refund
N_SPELLS = (3_174_498, 22_958)  # Tabell 5, diagnosis block: (non-recipients, recipients)

# Tabell 5 person blocks: counts (non-recipients, recipients) in the code order of codes.yml.
KJONN_CODES = np.array([1, 2], dtype=np.int8)  # 1 Mann, 2 Kvinne
KJONN = np.array([[245_497, 766], [423_471, 2_463]])
INNVANDRING_CODES = np.array([1, 2], dtype=np.int8)  # 1 Innvandrer, 2 Norskfødt
INNVANDRING = np.array([[129_409, 512], [539_559, 2_717]])
ALDER_LABELS = ["15-24 år", "25-29 år", "30-39 år", "40-54 år", "55-61 år", "62-66 år", "67-74 år"]
ALDER = np.array(
    [[35_966, 87], [66_365, 236], [169_249, 818], [236_006, 1_553], [114_311, 473], [37_303, 53],
     [9_768, 9]]
)
SENTRALITET = np.array(  # codes 1 (Mest sentrale) .. 6 (Minst sentrale)
    [[123_569, 301], [171_022, 728], [177_955, 1_129], [113_484, 729], [58_587, 216], [24_351, 126]]
)

# Tabell 5 diagnosis block (per sick-leave spell). The eight groups of the table; «Annet» covers
# the remaining ICPC-2 chapters.
DIAG_GROUPS = ["L", "R", "P", "N", "D", "A", "W", "Annet"]
DIAG_LABELS = [
    "Muskel og skjelettsystemet", "Luftveier", "Psykisk", "Nervesystemet", "Fordøyelsessystemet",
    "Allment og uspesifisert", "Svangerskap, fødsel og familieplanlegging", "Annet",
]
DIAG = np.array(
    [[850_432, 6_429], [722_944, 4_814], [529_130, 4_393], [188_096, 2_075], [205_036, 1_619],
     [212_637, 1_468], [140_827, 259], [325_396, 1_901]]
)
# ICPC-2 chapters behind «Annet» and their relative weights (X women only, Y men only).
ANNET_CHAPTERS = ["B", "F", "H", "K", "S", "T", "U", "X", "Y", "Z"]
ANNET_WEIGHTS = np.array([3, 3, 8, 22, 10, 8, 6, 10, 4, 26], dtype=float)

# Labour-market states (codes.yml: arbeidsmarkedsstatus), index 0..6 = code 1..7.
STATES = ["Fulltidsarbeid", "Sysselsatt", "Alderspensjonist", "Ufør", "AAP/Tiltakspenger",
          "Langtidssykemeldt", "Ukjent status"]
FULL, SYSS, PENSJON, UFOR, AAP, LTS, UKJENT = range(7)
YEARS = np.arange(2018, 2025)  # 2024 = January 2024 only

# Tabell 7 (PSM), counts per state in code order: recipients (exact) and matched controls.
TABELL7_RECIPIENTS = {
    2023: np.array([537, 157, 15, 128, 514, 1_849, 29]),
    2024: np.array([1_362, 240, 36, 202, 745, 551, 93]),
}
TABELL7_CONTROLS = {
    2023: np.array([1_140, 250, 36, 151, 262, 1_329, 61]),
    2024: np.array([1_777, 259, 63, 190, 331, 465, 144]),
}
