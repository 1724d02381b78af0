"""Sick-leave spells (legemeldte sykefraværstilfeller) January 2019 - January 2024.

Spells agree with the yearly states: a person who is «Langtidssykemeldt» in a year 2019-2023 has
a spell of at least 45 days inside that year (one spell may run from 2023 into January 2024,
covering all of January); «Langtidssykemeldt» in January 2024 means at least 20 sick days in
that month. A person never long-term sick in 2019-2023 has one spell of 56-58 days across a new
year (under 40 days on each side) - the eight weeks that put the person in the target group. The
remaining spells are short (at most 28 days, one per calendar month), lie in months where the
person is in work or on sick leave, and are shortened where needed so that no year without the
state «Langtidssykemeldt» reaches 40 sick days (20 in January 2024).

Diagnosis: the person's longest spell (ties: the earliest) carries the main diagnosis group
drawn for the person; the other spells share the rest of Tabell 5's counts per group, favouring
the person's main group. Pregnancy (W) goes to women aged 15-39 only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from ekspertbistand import targets as T
from ekspertbistand._alloc import rank_codes, weighted_pick

FULL, SYSS, PENSJON, UFOR, AAP, LTS, UKJENT = range(7)
EPOCH_2019 = int(np.datetime64("2019-01-01", "D").astype(np.int64))
MONTHS = np.arange(np.datetime64("2019-01"), np.datetime64("2024-02"))  # 61 months
MONTH_START = (MONTHS.astype("datetime64[D]").astype(np.int64) - EPOCH_2019).astype(np.int32)
MONTH_LEN = np.diff(np.r_[MONTH_START, MONTH_START[-1] + 31]).astype(np.int32)
MONTH_YEAR = (MONTHS.astype("datetime64[Y]").astype(int) + 1970).astype(np.int16)
YEAR_START = {y: int(np.datetime64(f"{y}-01-01", "D").astype(np.int64)) - EPOCH_2019
              for y in range(2019, 2025)}
LAST_DAY = YEAR_START[2024] + 30  # 31 January 2024
SHORT_PER_YEAR = 3  # at most this many short spells in a year without long-term sick leave


@dataclass
class Spells:
    table: pa.Table
    main_chapter: pa.Array  # per person: ICPC-2 chapter of the longest spell


def _long_spells(states: np.ndarray, rng: np.random.Generator):
    """Anchor spells for the long-term sick years and the crossing spell for the others."""
    n = states.shape[0]
    lts = states[:, 1:6] == LTS  # 2019..2023
    jan = states[:, 6] == LTS
    pers, start, end = [], [], []
    for j, year in enumerate(range(2019, 2024)):
        who = np.flatnonzero(lts[:, j] & ~((year == 2023) & jan))
        d = np.minimum(45 + np.floor(rng.exponential(70.0, len(who))), 300).astype(np.int32)
        y0, y1 = YEAR_START[year], YEAR_START[year + 1] - 1
        s = y0 + np.floor(rng.random(len(who)) * (y1 - y0 + 1 - d + 1)).astype(np.int32)
        pers.append(who), start.append(s), end.append(s + d - 1)
    # Long-term sick in 2023 and January 2024: one spell running to 31 January 2024.
    who = np.flatnonzero(lts[:, 4] & jan)
    d = np.minimum(71 + np.floor(rng.exponential(90.0, len(who))), 360).astype(np.int32)
    pers.append(who), start.append(LAST_DAY - d + 1), end.append(np.full(len(who), LAST_DAY))
    # Long-term sick in January 2024 only: from 1-12 January to 31 January.
    who = np.flatnonzero(jan & ~lts[:, 4])
    s = YEAR_START[2024] + rng.integers(0, 12, len(who))
    pers.append(who), start.append(s), end.append(np.full(len(who), LAST_DAY))
    # Never long-term sick 2019-2023: 56-58 days from 2-4 December into the new year.
    who = np.flatnonzero(~lts.any(axis=1))
    year = rng.integers(2019, 2023, len(who))
    dec = np.array([YEAR_START[y + 1] - 31 for y in range(2019, 2023)])
    s = dec[year - 2019] + rng.integers(1, 4, len(who))
    d = rng.integers(56, 59, len(who))
    pers.append(who), start.append(s), end.append(s + d - 1)
    cat = [np.concatenate(a).astype(np.int32) for a in (pers, start, end)]
    kind = np.repeat([0, 0, 0, 0, 0, 0, 0, 1], [len(p) for p in pers]).astype(np.int8)
    assert cat[0].size == 0 or n > cat[0].max()
    return cat[0], cat[1], cat[2], kind  # kind 1 = crossing spell


def _eligible_months(states, lp, ls, le, n):
    """Months (persons x 61) free of long spells in which a short spell may start."""
    busy = np.zeros((n, len(MONTHS)), dtype=bool)
    first = np.searchsorted(MONTH_START, ls, side="right") - 1
    last = np.searchsorted(MONTH_START, le, side="right") - 1
    span = last - first + 1
    rows = np.repeat(lp, span)
    cols = np.repeat(first, span) + (np.arange(span.sum()) - np.repeat(np.cumsum(span) - span, span))
    busy[rows, cols] = True
    year_idx = MONTH_YEAR - 2018  # column of the states array
    st = states[:, year_idx]  # persons x 61
    working = (st == FULL) | (st == SYSS) | (st == LTS)
    ok = working & ~busy
    # Persons with no working month at all may have short spells in any free month.
    none = ~ok.any(axis=1)
    ok[none] = ~busy[none]
    return ok


def _allocate(total: int, weight: np.ndarray, cap: np.ndarray, rng: np.random.Generator):
    """Integers summing to `total`, about proportional to weight, never above cap."""
    if cap.sum() < total:
        raise ValueError(f"cannot place {total} short spells (room for {cap.sum()})")
    out = np.zeros(len(weight), dtype=np.int64)
    left = total
    while left > 0:
        w = np.where(out < cap, weight, 0.0)
        add = rng.multinomial(left, w / w.sum())
        out = np.minimum(out + add, cap)
        left = total - out.sum()
    return out


def _short_spells(states, mottaker, lp, ls, le, kind, n_spells, rng):
    n = states.shape[0]
    ok = _eligible_months(states, lp, ls, le, n)
    lts_year = states[:, MONTH_YEAR - 2018] == LTS
    # Per-year cap in years without long-term sick leave: random priority, keep the first k.
    key = rng.random(ok.shape)
    key[~ok] = 2.0
    year_cols = [np.flatnonzero(MONTH_YEAR == y) for y in range(2019, 2025)]
    for cols in year_cols[:-1]:
        sub = key[:, cols]
        kth = np.sort(sub, axis=1)[:, SHORT_PER_YEAR - 1: SHORT_PER_YEAR]
        drop = (sub > kth) & ~lts_year[:, cols]
        sub[drop] = 2.0
        key[:, cols] = sub
    ok = key < 2.0
    cap = ok.sum(axis=1)
    needed = np.bincount(lp, minlength=n)
    extra = np.zeros(n, dtype=np.int64)
    frailty = rng.gamma(1.5, 1.0, n)
    for g in (False, True):
        sel = np.flatnonzero(mottaker == g)
        total = int(n_spells[int(g)] - needed[sel].sum())
        extra[sel] = _allocate(total, frailty[sel], cap[sel], rng)
    # The `extra` eligible months with the smallest keys.
    order = np.argsort(key, axis=1, kind="stable")
    take = np.arange(len(MONTHS))[None, :] < extra[:, None]
    rows = np.repeat(np.arange(n), extra)
    months = order[take]
    d = np.minimum(1 + np.floor(rng.exponential(6.0, len(rows))), 28).astype(np.int32)
    mlen = MONTH_LEN[months]
    jan_not_lts = (months == len(MONTHS) - 1) & (states[rows, 6] != LTS)
    d = np.where(jan_not_lts, np.minimum(d, 19), d)
    offset = np.floor(rng.random(len(rows)) * (mlen - d + 1)).astype(np.int32)
    start = MONTH_START[months] + offset
    # Keep years without long-term sick leave under 40 days (crossing spell included).
    year = MONTH_YEAR[months]
    yi = (year - 2019).astype(np.int64)
    not_lts = states[rows, yi + 1] != LTS
    budget = np.full((n, 6), 39, dtype=np.int64)
    budget[:, 5] = 19
    cross = np.flatnonzero(kind == 1)
    cp, cs, ce = lp[cross], ls[cross], le[cross]
    cy = np.searchsorted([YEAR_START[y] for y in range(2019, 2025)], cs, side="right") - 1
    boundary = np.array([YEAR_START[y] for y in range(2020, 2025)])[cy]
    np.subtract.at(budget, (cp, cy), boundary - cs)
    np.subtract.at(budget, (cp, cy + 1), ce - boundary + 1)
    used = np.zeros((n, 6), dtype=np.int64)
    count = np.zeros((n, 6), dtype=np.int64)
    np.add.at(used, (rows[not_lts], yi[not_lts]), d[not_lts])
    np.add.at(count, (rows[not_lts], yi[not_lts]), 1)
    over = used > budget
    # Shrink to fit: each spell keeps one day, the days above one are scaled down.
    factor = np.where(over, (budget - count) / np.maximum(used - count, 1), 1.0)
    shrink = not_lts & over[rows, yi]
    d = np.where(shrink, 1 + np.floor((d - 1) * factor[rows, yi]), d).astype(np.int32)
    return rows.astype(np.int32), start.astype(np.int32), (start + d - 1).astype(np.int32)


def _chapters(person, duration, start, persons, diag_counts, rng):
    """ICPC-2 chapter per spell; returns (group index per spell, longest-spell flag)."""
    n_sp = len(person)
    # Longest spell per person, ties to the earliest start (spells are sorted by person, start).
    order = np.lexsort((start, -duration, person))
    first = np.r_[True, person[order][1:] != person[order][:-1]]
    longest = np.zeros(n_sp, dtype=bool)
    longest[order[first]] = True
    group = np.full(n_sp, -1, dtype=np.int8)
    group[longest] = persons.diag[person[longest]]
    eligible_w = (persons.kjonn == 2) & (persons.alder <= 2)
    main_w = persons.diag == 6
    rec_sp = persons.mottaker[person]
    for g in (0, 1):
        rest = np.flatnonzero(~longest & (rec_sp == bool(g)))
        left = diag_counts[:, g] - np.bincount(group[longest & (rec_sp == bool(g))], minlength=8)
        if (left < 0).any():
            raise ValueError(f"main diagnoses exceed Tabell 5 spell counts: {left}")
        # Pregnancy spells: women aged 15-39, mostly those whose main group is W.
        cand = rest[eligible_w[person[rest]]]
        w = np.where(main_w[person[cand]], 6.0, 1.0)
        pick = cand[weighted_pick(w, int(left[6]), rng)]
        group[pick] = 6
        rest = rest[group[rest] < 0]
        # The other seven groups by rank: sort on a desired group, then cut the sorted spells.
        counts7 = np.delete(left, 6)
        own = persons.diag[person[rest]].astype(np.int64)
        own = np.where(own == 6, 7, own)  # W-main persons' other spells: treated as Annet
        own7 = np.where(own > 6, own - 1, own)
        draw = rng.choice(7, size=len(rest), p=counts7 / counts7.sum())
        desired = np.where(rng.random(len(rest)) < 0.45, own7, draw)
        latent = -(desired + rng.random(len(rest)))
        g7 = rank_codes(latent, counts7)
        group[rest] = np.where(g7 >= 6, 7, g7)
    return group, longest


def _letters(group, person, persons, rng) -> np.ndarray:
    """Map Tabell 5 groups to ICPC-2 chapter letters (Annet spread over the other chapters)."""
    letters = np.array(T.DIAG_GROUPS[:7] + T.ANNET_CHAPTERS)
    code = group.astype(np.int16)
    annet = np.flatnonzero(group == 7)
    female = persons.kjonn[person[annet]] == 2
    out = np.empty(len(annet), dtype=np.int16)
    for sex_is_f in (False, True):
        w = T.ANNET_WEIGHTS.copy()
        w[T.ANNET_CHAPTERS.index("Y" if sex_is_f else "X")] = 0.0
        sel = female == sex_is_f
        out[sel] = 7 + rng.choice(len(w), size=int(sel.sum()), p=w / w.sum())
    code[annet] = out
    return code, letters


def make_spells(persons, states: np.ndarray, diag_counts: np.ndarray,
                rng: np.random.Generator) -> Spells:
    lp, ls, le, kind = _long_spells(states, rng)
    sp, ss, se = _short_spells(states, persons.mottaker, lp, ls, le, kind,
                               diag_counts.sum(axis=0), rng)
    person = np.concatenate([lp, sp])
    start = np.concatenate([ls, ss])
    end = np.concatenate([le, se])
    order = np.lexsort((start, person))
    person, start, end = person[order], start[order], end[order]
    group, longest = _chapters(person, end - start + 1, start, persons, diag_counts, rng)
    code, letters = _letters(group, person, persons, rng)
    chapter_type = pa.dictionary(pa.int8(), pa.string())
    diagnose = pa.DictionaryArray.from_arrays(pa.array(code.astype(np.int8)),
                                              pa.array(letters)).cast(chapter_type)
    main_idx = np.empty(persons.n, dtype=np.int8)
    main_idx[person[longest]] = code[longest]
    main = pa.DictionaryArray.from_arrays(pa.array(main_idx), pa.array(letters))
    date32 = pa.date32()
    table = pa.table({
        "sykefravaerstilfelle_id": np.arange(1, len(person) + 1, dtype=np.int32),
        "person_id": (person + 1).astype(np.int32),
        "startdato": pa.array((start + EPOCH_2019).astype(np.int32), pa.int32()).cast(date32),
        "sluttdato": pa.array((end + EPOCH_2019).astype(np.int32), pa.int32()).cast(date32),
        "diagnose": diagnose,
    })
    return Spells(table, main)
