"""Survey weights: raking (iterative proportional fitting) of a sample to known margins."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd


def _targets(population, variable: str) -> pd.Series:
    if isinstance(population, pd.DataFrame):
        return population[variable].astype(object).value_counts(normalize=True)
    shares = pd.Series(dict(population[variable]), dtype=float)
    return shares / shares.sum()


def rake(sample: pd.DataFrame, population: pd.DataFrame | Mapping[str, Mapping],
         variables: Sequence[str] | None = None, *, iterations: int = 200,
         tol: float = 1e-10) -> pd.Series:
    """Raking weights (mean 1, on the sample's index) that make the sample's weighted margins on
    `variables` equal the population's.

    population: the population's records (a DataFrame with the same columns), or the target
    margins {variable: {value: share or count}}; variables: default all keys of the mapping.
    Stops when no factor moves more than `tol`, after at most `iterations` rounds. A value in
    the sample that the population lacks gets no target and raises ValueError.
    """
    if variables is None:
        if isinstance(population, pd.DataFrame):
            raise ValueError("rake: name the variables to rake on")
        variables = list(population)
    targets = {v: _targets(population, v) for v in variables}
    for v in variables:
        unknown = set(sample[v].astype(object).dropna()) - set(targets[v].index)
        if unknown:
            raise ValueError(f"rake: {v} has values without a population margin: {sorted(unknown)}")
    w = pd.Series(1.0, index=sample.index)
    for _ in range(iterations):
        largest = 0.0
        for v in variables:
            current = w.groupby(sample[v].astype(object)).sum() / w.sum()
            factor = sample[v].astype(object).map(targets[v] / current)
            largest = max(largest, float((factor - 1).abs().max()))
            w = w * factor
        if largest < tol:
            break
    return w * len(w) / w.sum()
