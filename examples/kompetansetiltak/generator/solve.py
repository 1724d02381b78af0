"""Exact counts for synthetic microdata: allocate categories and fit event months.

`allocate` hands out categories with fixed counts to a list of people (shuffled by a seeded
generator); `fit_months` chooses one value per person from that person's allowed values so that
each counting constraint («of these people, exactly k have a value for which pred holds») is met,
by min-conflicts search. Both are deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable, Hashable, Sequence


def allocate(people: Sequence[int], counts: dict[Hashable, int], rng: random.Random) -> dict:
    """{person: category} with exactly counts[category] people per category."""
    if sum(counts.values()) != len(people):
        raise ValueError(f"counts sum to {sum(counts.values())}, but there are {len(people)} people")
    pool = [cat for cat, k in counts.items() for _ in range(k)]
    rng.shuffle(pool)
    return dict(zip(people, pool))


@dataclass
class Count:
    """Exactly `target` of `members` satisfy `pred(person, value)`."""

    name: str
    members: frozenset
    pred: Callable[[int, object], bool]
    target: int


def fit_months(allowed: dict[int, list], counts: list[Count], rng: random.Random,
               start: dict[int, object] | None = None, max_steps: int = 20_000) -> dict:
    """One value per person (from allowed[person]) meeting every Count exactly."""
    values = {p: (start or {}).get(p, opts[-1]) for p, opts in allowed.items()}
    for c in counts:
        if not c.members <= allowed.keys():
            raise ValueError(f"{c.name}: members without allowed values")
    by_person: dict[int, list[int]] = {p: [] for p in allowed}
    for j, c in enumerate(counts):
        for p in c.members:
            by_person[p].append(j)
    current = [sum(c.pred(p, values[p]) for p in c.members) for c in counts]

    def cost_delta(p, new) -> int:
        delta = 0
        for j in by_person[p]:
            c = counts[j]
            now = c.pred(p, values[p])
            then = c.pred(p, new)
            if now == then:
                continue
            after = current[j] + (1 if then else -1)
            delta += abs(after - c.target) - abs(current[j] - c.target)
        return delta

    for _ in range(max_steps):
        bad = [j for j, c in enumerate(counts) if current[j] != c.target]
        if not bad:
            return values
        j = rng.choice(bad)
        c = counts[j]
        want = current[j] < c.target
        movers = [p for p in sorted(c.members) if c.pred(p, values[p]) != want]
        rng.shuffle(movers)
        best = None
        for p in movers[:25]:
            for v in allowed[p]:
                if c.pred(p, v) == want:
                    d = cost_delta(p, v)
                    if best is None or d < best[0]:
                        best = (d, p, v)
        if best is None:
            raise ValueError(f"{c.name}: cannot reach {c.target} (at {current[j]})")
        _, p, v = best
        for k in by_person[p]:
            ck = counts[k]
            current[k] += int(ck.pred(p, v)) - int(ck.pred(p, values[p]))
        values[p] = v
    raise ValueError("no exact fit: " + ", ".join(
        f"{c.name} {current[j]}≠{c.target}" for j, c in enumerate(counts) if current[j] != c.target))
