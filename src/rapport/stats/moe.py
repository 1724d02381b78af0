"""Margins of error for survey shares, and comparisons between survey rounds.

All values are in proportion units (0.0667, not 6.67); the formatter prints percentage points.

Seed 004 (data/reference/tekst_feilmarginer.csv) judges a change between the 2022 and 2024 rounds against the
single-sample 95 % margin of the *current* round's estimate, without finite-population
correction: 1.96 * sqrt(p * (1 - p) / n) with the current round's unrounded p and n. That rule is
`rule="single"` here and reproduces the printed ±6,7 (p = .50, n = 216) and ±6,6 (p = .56,
n = 216). The statistically correct margin for a difference of two independent shares is
`rule="two_sample"`: z * sqrt(p1 q1 / n1 + p2 q2 / n2) (9,3 for .53/231 vs .50/216).

A change is «reell» when |difference| > margin, else «innenfor» (feilmarginen). Verdicts are
computed here so the prose never types them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

__all__ = ["moe_single", "moe_two_sample", "moe_max", "fpc", "compare_rounds",
           "RoundComparison"]

Z95 = 1.96


def fpc(n, N):
    """Finite-population correction factor sqrt((N - n) / (N - 1)); 1 when N is None."""
    if N is None:
        return 1.0
    n = np.asarray(n, dtype=float)
    N = np.asarray(N, dtype=float)
    if np.any(n > N):
        raise ValueError(f"sample size n={n} exceeds population size N={N}")
    return np.sqrt((N - n) / (N - 1))


def moe_single(p, n, z: float = Z95, N: int | None = None):
    """Margin of error of one share: z * sqrt(p (1 - p) / n) [* FPC if population N given].

    `p` in 0..1 (unrounded), `n` respondents in the base. Works element-wise on arrays.
    """
    p = np.asarray(p, dtype=float)
    n = np.asarray(n, dtype=float)
    if np.any((p < 0) | (p > 1)):
        raise ValueError("p must lie in [0, 1] (proportion units)")
    if np.any(n <= 0):
        raise ValueError("n must be positive")
    out = z * np.sqrt(p * (1 - p) / n) * fpc(n, N)
    return float(out) if out.ndim == 0 else out


def moe_max(n, z: float = Z95, N: int | None = None):
    """Worst-case margin (p = 0.5) for a survey of `n` respondents."""
    return moe_single(0.5, n, z=z, N=N)


def moe_two_sample(p1, n1, p2, n2, z: float = Z95, N1: int | None = None,
                   N2: int | None = None):
    """Margin of error of the difference p2 - p1 of two independent shares (unpooled).

    z * sqrt(p1 (1 - p1) / n1 * FPC1² + p2 (1 - p2) / n2 * FPC2²).
    """
    se1 = moe_single(p1, n1, z=1.0, N=N1)
    se2 = moe_single(p2, n2, z=1.0, N=N2)
    out = z * np.sqrt(np.asarray(se1) ** 2 + np.asarray(se2) ** 2)
    return float(out) if np.ndim(out) == 0 else out


Verdict = Literal["innenfor", "reell"]


@dataclass(frozen=True)
class RoundComparison:
    """A change between two survey rounds judged against a margin of error.

    `difference` = p_cur - p_prev (proportion units, unrounded); `margin` under `rule`;
    `verdict` is «reell» if |difference| > margin, else «innenfor».
    """

    p_prev: float
    n_prev: int
    p_cur: float
    n_cur: int
    difference: float
    margin: float
    rule: str
    z: float
    verdict: Verdict

    @property
    def is_real(self) -> bool:
        return self.verdict == "reell"


def compare_rounds(p_prev: float, n_prev: int, p_cur: float, n_cur: int,
                   rule: Literal["single", "two_sample"] = "single", z: float = Z95,
                   N_prev: int | None = None, N_cur: int | None = None) -> RoundComparison:
    """Compare a share between a previous and the current round.

    rule="single" (the seed report's rule): margin = moe_single(p_cur, n_cur).
    rule="two_sample" (statistically correct):
        margin = moe_two_sample(p_prev, n_prev, p_cur, n_cur).
    Comparison is on unrounded values; |difference| equal to the margin counts as «innenfor».
    """
    if rule == "single":
        margin = moe_single(p_cur, n_cur, z=z, N=N_cur)
    elif rule == "two_sample":
        margin = moe_two_sample(p_prev, n_prev, p_cur, n_cur, z=z, N1=N_prev, N2=N_cur)
    else:
        raise ValueError(f"rule must be 'single' or 'two_sample', not {rule!r}")
    diff = float(p_cur) - float(p_prev)
    verdict: Verdict = "reell" if abs(diff) > margin else "innenfor"
    return RoundComparison(p_prev=float(p_prev), n_prev=int(n_prev), p_cur=float(p_cur),
                           n_cur=int(n_cur), difference=diff, margin=float(margin), rule=rule,
                           z=float(z), verdict=verdict)
