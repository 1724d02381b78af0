"""Yearly labour-market states 2018-2024 (2024 = January) for the person registers.

The end states (2023 and January 2024) are drawn first, the earlier years backwards from them.

- Non-recipients: the state depends on the background variables the propensity score uses (sex,
  immigrant status, age band, centrality, main diagnosis group) through a multinomial logit whose
  intercepts are calibrated so that the non-recipients' distribution, weighted to the recipients'
  covariate cells, equals Tabell 7's control group. A 1:1 propensity-score match reproduces those
  weights, so the matched controls land on Tabell 7's control shares. Within each covariate cell
  the draws follow a golden-ratio sequence in person_id order (not independent draws). The first
  and the last m_c non-recipients of a cell with m_c recipients - the controls a nearest-
  neighbour matcher takes on tied scores when it walks the cell in person_id order - get their
  expected (2023, 2024) distribution with exact counts, so such a match lands on Tabell 7's
  control shares to within rounding; a matcher breaking ties at random lands there in
  expectation (about 0,6-0,9 percentage points standard error per share).
- Recipients: exact Tabell 7 counts for 2023 and 2024, assigned with probability following the
  same covariate model (older recipients retire, and so on).
- 2018-2022: a backward chain (state in year t given the state in t+1), with more long-term sick
  leave among recipients in 2019-2022, retirement only before retirement, and so on.
"""

from __future__ import annotations

import numpy as np

from ekspertbistand import targets as T
from ekspertbistand._alloc import low_discrepancy_draw, rank_within, scale_counts, sequential_exact

FULL, SYSS, PENSJON, UFOR, AAP, LTS, UKJENT = range(7)
NEG = -30.0  # effectively impossible

# Covariate effects on the log-odds of each state against Fulltidsarbeid (columns = states).
AGE = np.array([  # rows: age bands 15-24 .. 67-74
    [0, 0.9, NEG, -1.6, 0.3, -0.4, 0.9],
    [0, 0.4, NEG, -1.1, 0.3, -0.2, 0.6],
    [0, 0.0, NEG, -0.5, 0.1, 0.0, 0.2],
    [0, 0.0, -8.0, 0.0, 0.0, 0.0, 0.0],
    [0, 0.1, -3.6, 0.5, -0.2, 0.1, 0.0],
    [0, 0.4, 1.2, 0.8, -0.8, 0.0, 0.3],
    [0, 0.9, 3.9, -0.5, -3.0, -0.8, 0.6],
])
FEMALE = np.array([0, 0.45, 0.0, 0.1, 0.0, 0.2, -0.1])
IMMIGRANT = np.array([0, 0.25, -0.3, 0.2, 0.25, 0.0, 0.9])
CENTRALITY = np.array([0, 0.02, 0.03, 0.08, 0.06, 0.0, -0.05])  # per step away from most central
DIAG = np.array([  # rows: L, R, P, N, D, A, W, Annet
    [0, 0.0, 0.0, 0.35, 0.1, 0.2, 0.0],
    [0, 0.0, 0.0, -0.4, -0.4, -0.4, 0.0],
    [0, 0.1, 0.0, 0.35, 0.6, 0.25, 0.3],
    [0, 0.0, 0.0, 0.1, 0.3, 0.1, 0.0],
    [0, 0.0, 0.0, -0.1, -0.1, -0.1, 0.0],
    [0, 0.0, 0.0, 0.0, 0.0, -0.1, 0.1],
    [0, 0.4, 0.0, -1.5, -0.8, -0.5, 0.2],
    [0, 0.0, 0.0, 0.1, 0.0, 0.0, 0.0],
])

# Transition log-odds from the 2023 state (rows) to the January 2024 state (columns).
TRANS_2024 = np.array([
    [3.2, 0.6, -1.0, -3.0, -1.2, 0.3, -0.3],
    [0.7, 2.6, -0.8, -2.5, -0.8, 0.0, 0.2],
    [NEG, NEG, 0.0, NEG, NEG, NEG, NEG],  # retirement is absorbing
    [-1.5, -1.0, 0.0, 3.8, -0.5, -2.0, -2.0],
    [-0.2, 0.0, -1.5, 0.5, 2.6, -0.5, 0.3],
    [1.6, 0.7, -1.2, -0.6, 0.9, 1.3, 0.2],
    [-0.5, 0.2, -0.8, -1.5, 0.0, -2.0, 2.5],
])

# Backward log-odds: state in year t (columns) given the state in t+1 (rows).
BACK = np.array([
    [2.6, 0.8, NEG, -4.0, -0.6, 0.9, -1.5],
    [0.8, 2.4, NEG, -2.5, -0.3, 0.7, -0.6],
    [0.4, 0.2, 1.0, 0.3, -2.0, -0.6, -1.0],
    [-1.2, -0.9, NEG, 2.6, 1.3, 0.5, -1.4],
    [0.3, 0.1, NEG, -3.0, 1.6, 1.7, -0.8],
    [1.6, 0.8, NEG, -2.2, -0.5, 1.2, -1.6],
    [0.2, 0.4, NEG, -3.0, -0.2, -0.2, 1.9],
])
# Being retired already in year t, given retired in t+1: by age band.
BACK_PENSION_AGE = np.array([-6.0, -6.0, -6.0, -4.0, -1.2, 0.2, 2.6])
# Extra log-odds of long-term sick leave per backward year (2022 .. 2018) for recipients and
# for everyone (the target group is defined by long sick leave 2019-2023).
LTS_RECIPIENT = {2022: 1.05, 2021: 0.9, 2020: 0.65, 2019: 0.45, 2018: 0.1}
LTS_ALL = {2022: 0.3, 2021: 0.3, 2020: 0.3, 2019: 0.2, 2018: -0.3}
AAP_RECIPIENT = {2022: 0.5, 2021: 0.4, 2020: 0.2, 2019: 0.0, 2018: 0.0}


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def covariate_cells(persons) -> tuple[np.ndarray, np.ndarray]:
    """Cell index per person and the per-cell covariate log-odds (cells x 7 states)."""
    sex = persons.kjonn.astype(np.int64) - 1
    imm = persons.innvandring.astype(np.int64) - 1
    cen = persons.sentralitet.astype(np.int64) - 1
    cell = (((sex * 2 + imm) * 7 + persons.alder) * 6 + cen) * 8 + persons.diag
    s, i, a, c, d = np.unravel_index(np.arange(2 * 2 * 7 * 6 * 8), (2, 2, 7, 6, 8))
    x = AGE[a] + FEMALE * s[:, None] + IMMIGRANT * (i == 0)[:, None] + CENTRALITY * c[:, None]
    x = x + DIAG[d]
    return cell.astype(np.int64), x


def calibrate(x: np.ndarray, weights: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """End-state probabilities per cell for 2023 and 2024, calibrated to `target` shares.

    `weights` is the number of recipients per cell: the control group a propensity-score match
    builds has (close to) the recipients' cell distribution.
    """
    w = weights / weights.sum()
    t23 = target[2023] / target[2023].sum()
    t24 = target[2024] / target[2024].sum()
    a = np.zeros(7)
    for _ in range(500):
        p23 = _softmax(x + a)
        cur = w @ p23
        a += np.log(t23 / cur)
        if np.abs(cur - t23).max() < 1e-12:
            break
    base = TRANS_2024[None, :, :] + 0.5 * x[:, None, :]  # cells x from x to
    b = np.zeros(7)
    for _ in range(500):
        p24 = _softmax(base + b)
        p24[:, PENSJON, :] = np.eye(7)[PENSJON]
        cur = np.einsum("c,cs,csk->k", w, p23, p24)
        b += np.log(t24 / cur)
        if np.abs(cur - t24).max() < 1e-12:
            break
    return p23, p24


def make_states(persons, rng: np.random.Generator) -> np.ndarray:
    """States (persons x 7 years 2018..2024) as indices 0..6 (= codes 1..7)."""
    n = persons.n
    cell, x = covariate_cells(persons)
    rec = persons.mottaker
    n_cells = x.shape[0]
    weights = np.bincount(cell[rec], minlength=n_cells).astype(float)
    p23, p24 = calibrate(x, weights, T.TABELL7_CONTROLS)

    s = np.empty((n, len(T.YEARS)), dtype=np.int8)
    i23, i24 = 5, 6

    # Non-recipients: low-discrepancy draws within covariate cells, in person_id order.
    non = np.flatnonzero(~rec)
    c_non = cell[non]
    cum23 = np.cumsum(p23[c_non], axis=1)
    s23 = low_discrepancy_draw(cum23, c_non, rng.random(n_cells))
    cum24 = np.cumsum(p24[c_non, s23], axis=1)
    g24 = c_non * 7 + s23
    s24 = low_discrepancy_draw(cum24, g24, rng.random(n_cells * 7))
    # The first and the last m_c non-recipients of each cell (m_c = recipients in the cell) are
    # the controls a nearest-neighbour match picks among tied scores when it takes them in
    # person_id order from either end. Each of these two sets gets its expected distribution
    # of (2023, 2024) pairs with exact counts rather than by chance.
    rank, _ = rank_within(c_non)
    size = np.bincount(c_non, minlength=n_cells)[c_non]
    m = weights.astype(np.int64)[c_non]
    head = rank < m
    tail = (rank >= size - m) & ~head
    pair_p = (p23[:, :, None] * p24).reshape(n_cells, 49)
    for members in (np.flatnonzero(head), np.flatnonzero(tail)):
        probs = pair_p[c_non[members]]
        counts = scale_counts(probs.sum(axis=0), len(members))
        order = list(np.argsort(counts, kind="stable"))
        pair = sequential_exact(probs, counts, order, rng)
        s23[members], s24[members] = pair // 7, pair % 7
    s[non, i23], s[non, i24] = s23, s24

    # Recipients: exact Tabell 7 counts, probabilities from the covariate model.
    r_idx = np.flatnonzero(rec)
    c_rec = cell[r_idx]
    order = [PENSJON, UFOR, AAP, UKJENT, SYSS, FULL, LTS]
    r23 = sequential_exact(p23[c_rec], T.TABELL7_RECIPIENTS[2023], order, rng)
    r24 = np.full(len(r_idx), -1, dtype=np.int8)
    retired = r23 == PENSJON
    r24[retired] = PENSJON
    left = T.TABELL7_RECIPIENTS[2024] - np.bincount(r24[retired], minlength=7)
    order24 = [PENSJON, UFOR, AAP, UKJENT, SYSS, LTS, FULL]
    r24[~retired] = sequential_exact(p24[c_rec[~retired], r23[~retired]], left, order24, rng)
    s[r_idx, i23], s[r_idx, i24] = r23, r24

    # Earlier years, backwards.
    xp = x[cell]
    for j in range(i23 - 1, -1, -1):
        year = int(T.YEARS[j])
        nxt = s[:, j + 1]
        logit = BACK[nxt] + 0.3 * xp
        logit[:, PENSJON] = np.where(nxt == PENSJON, BACK[PENSJON, PENSJON]
                                     + BACK_PENSION_AGE[persons.alder] - 0.3 * (2022 - year), NEG)
        logit[:, LTS] += LTS_ALL[year] + rec * LTS_RECIPIENT[year]
        logit[:, AAP] += rec * AAP_RECIPIENT[year]
        cum = np.cumsum(_softmax(logit), axis=1)
        u = rng.random(n)
        s[:, j] = np.minimum((u[:, None] >= cum[:, :-1]).sum(axis=1), 6)
    return s
