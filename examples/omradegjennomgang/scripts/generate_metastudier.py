"""Synthetic stand-in for the estimates behind Figur 3-1 (Vooren et al., 2019, restricted to
Nordic and German studies and horizons of at least 12 months).

The report prints no estimate, only that the data hold four Norwegian studies with 37 estimates
(6, 24, 6 and 1; l.744), that the estimates of Dahl og Lorentzen (2005) are identical across
horizons (footnote 8) and that some estimates were built from a p-value alone, so that
effect/se lies close to 1,96 (the note to Figur 3-1). The Norwegian rows follow those counts; all
effect sizes, and the other countries' studies (named by country and number, not by author),
are drawn at random with a fixed seed. Run from the example's root:

    ../../.venv/bin/python scripts/generate_metastudier.py

It rewrites data/raw/metastudier.csv (committed; byte-identical on every run).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

TYPES = ("Opplæring", "Subsidiert privat sysselsetting", "Offentlig sysselsetting",
         "Forbedrede tjenester")
NORWEGIAN = [  # study, estimates, measure types it covers, identical across horizons
    ("Raaum og Torp (2002)", 6, ("Opplæring",), False),
    ("Lorentzen og Dahl (2005)", 24, ("Opplæring", "Subsidiert privat sysselsetting",
                                      "Offentlig sysselsetting", "Forbedrede tjenester"), False),
    ("Dahl og Lorentzen (2005)", 6, ("Opplæring", "Forbedrede tjenester"), True),
    ("Markussen og Røed (2016)", 1, ("Forbedrede tjenester",), False),
]
OTHERS = [("Danmark", 5), ("Sverige", 6), ("Finland", 2), ("Tyskland", 9)]
HORIZONS = (12, 24, 36)


def estimate(rng, nordic: bool):
    """(effect on the employment probability, its standard error, the comparison group's
    employment rate): drawn in standard-deviation units, then scaled to probability units."""
    se = float(rng.uniform(0.02, 0.25))
    mean = 0.06 if nordic else 0.0
    d = float(rng.normal(mean, 0.05) + rng.normal(0, se))
    if rng.random() < 0.15:       # only a p-value reported: effect/se set to the 5 % value
        d = float(np.sign(d) or 1) * 1.95 * se
    baseline = round(float(rng.uniform(0.2, 0.6)), 2)
    sd = (baseline * (1 - baseline)) ** 0.5
    return d * sd, se * sd, baseline


def main(out: Path = Path("data/raw/metastudier.csv")) -> pd.DataFrame:
    rng = np.random.default_rng(20231)
    rows = []
    for study, n, types, same in NORWEGIAN:
        base = [estimate(rng, True) for _ in range(n // 3 if same else n)]
        for k in range(n):
            d, se, b = base[k // 3] if same else base[k]
            rows.append({"studie": study, "land": "Norge", "gruppe": "Norden",
                         "tiltakstype": types[k % len(types)] if not same else types[(k // 3) % len(types)],
                         "horisont_maaneder": HORIZONS[k % 3], "effekt": round(d, 5),
                         "se": round(se, 5), "baseline": b})
    for country, n_studies in OTHERS:
        for s in range(1, n_studies + 1):
            types = rng.choice(TYPES, size=int(rng.integers(1, 3)), replace=False)
            for k in range(int(rng.integers(2, 9))):
                d, se, b = estimate(rng, country != "Tyskland")
                rows.append({"studie": f"{country}, studie {s}", "land": country,
                             "gruppe": "Norden" if country != "Tyskland" else "Tyskland",
                             "tiltakstype": str(types[k % len(types)]),
                             "horisont_maaneder": HORIZONS[k % 3], "effekt": round(d, 5),
                             "se": round(se, 5), "baseline": b})
    frame = pd.DataFrame(rows)
    frame.insert(0, "estimat_id", range(1, len(frame) + 1))
    out.write_text(frame.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    return frame


if __name__ == "__main__":
    print(f"{len(main())} estimater skrevet til data/raw/metastudier.csv")
