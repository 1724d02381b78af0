"""Small vectorised helpers for drawing with exact counts (shared by the person modules)."""

from __future__ import annotations

import numpy as np

GOLDEN = (np.sqrt(5.0) - 1.0) / 2.0


def scale_counts(counts: np.ndarray, total: int) -> np.ndarray:
    """Scale non-negative counts to sum to `total` (largest remainder, ties by position)."""
    counts = np.asarray(counts, dtype=float)
    raw = counts * total / counts.sum()
    out = np.floor(raw).astype(np.int64)
    rest = total - out.sum()
    order = np.lexsort((np.arange(len(raw)), -(raw - out)))
    out[order[:rest]] += 1
    return out


def shuffled_codes(counts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Codes 0..k-1 repeated exactly counts[k] times, in random order."""
    codes = np.repeat(np.arange(len(counts), dtype=np.int8), counts)
    return rng.permutation(codes)


def rank_codes(latent: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Exact counts by rank: the counts[0] largest `latent` get code 0, the next code 1, ..."""
    order = np.argsort(-latent, kind="stable")
    out = np.empty(len(latent), dtype=np.int8)
    out[order] = np.repeat(np.arange(len(counts), dtype=np.int8), counts)
    return out


def weighted_pick(weights: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """Indices of n items drawn without replacement with probability ~ weights (Efraimidis-Spirakis)."""
    if n <= 0:
        return np.empty(0, dtype=np.int64)
    u = rng.random(len(weights))
    with np.errstate(divide="ignore"):
        key = np.log(u) / np.maximum(weights, 1e-300)
    return np.argpartition(-key, n - 1)[:n]


def sequential_exact(probs: np.ndarray, counts: np.ndarray, order: list[int],
                     rng: np.random.Generator) -> np.ndarray:
    """Assign each row a category with exact `counts`, favouring rows with high probs[:, k].

    Categories are filled in `order`; each draws its count among the rows still free with
    probability proportional to its column of `probs`; the last category takes the rest.
    """
    n = probs.shape[0]
    assert counts.sum() == n, (counts.sum(), n)
    out = np.full(n, -1, dtype=np.int8)
    free = np.arange(n)
    for k in order[:-1]:
        picked = free[weighted_pick(probs[free, k], int(counts[k]), rng)]
        out[picked] = k
        free = np.setdiff1d(free, picked, assume_unique=True)
    out[free] = order[-1]
    return out


def rank_within(groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rank of each row within its group in row order, and the sort order used."""
    order = np.argsort(groups, kind="stable")
    g = groups[order]
    start = np.r_[0, np.flatnonzero(g[1:] != g[:-1]) + 1]
    sizes = np.diff(np.r_[start, len(g)])
    rank_sorted = np.arange(len(g)) - np.repeat(start, sizes)
    rank = np.empty(len(g), dtype=np.int64)
    rank[order] = rank_sorted
    return rank, order


def low_discrepancy_draw(cum: np.ndarray, groups: np.ndarray, shift: np.ndarray) -> np.ndarray:
    """Draw a category per row from per-row cumulative probabilities `cum` (rows x k).

    Rows of one group, taken in row order, use the golden-ratio sequence u_j = frac(shift + j*phi),
    so every run of consecutive rows within a group carries close to the expected shares.
    """
    rank, _ = rank_within(groups)
    u = np.mod(shift[groups] + rank * GOLDEN, 1.0)
    out = (u[:, None] >= cum[:, :-1]).sum(axis=1)
    return out.astype(np.int8)
