"""Person-level register extracts of the synthetic generator (seed 004, Tabell 5 and 7).

Writes three Parquet files:

- ``personer.parquet``: one row per person in the target group (672 197 at full scale), with firm,
  recipient flag, sex, immigrant status, age band, municipality centrality and main diagnosis.
- ``sykefravaerstilfeller.parquet``: one row per sick-leave spell (3 197 456), with start and end
  date (Jan 2019 - Jan 2024) and ICPC-2 chapter.
- ``arbeidsmarkedsstatus.parquet``: one row per person and year 2018-2024 (2024 = January) with
  one of seven labour-market states.

Scale "full" reproduces the published counts exactly. Scale "small" keeps all 3 229 recipients
and scales every non-recipient count (persons, firms, spells and each Tabell 5 cell) to 1/20 by
largest remainder, so shares stay as published.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from ekspertbistand import targets as T
from ekspertbistand._alloc import rank_codes, scale_counts, shuffled_codes
from ekspertbistand.spells import make_spells
from ekspertbistand.states import make_states

SMALL_FACTOR = 20


@dataclass
class Persons:
    """Person attributes as parallel numpy arrays (index = person_id - 1)."""

    mottaker: np.ndarray  # bool
    virksomhet_id: np.ndarray  # int32
    kjonn: np.ndarray  # int8 code (1 Mann, 2 Kvinne)
    innvandring: np.ndarray  # int8 code (1 Innvandrer, 2 Norskfødt)
    alder: np.ndarray  # int8 index 0..6 into targets.ALDER_LABELS
    sentralitet: np.ndarray  # int8 code 1..6
    diag: np.ndarray  # int8 index 0..7 into targets.DIAG_GROUPS (main diagnosis group)

    @property
    def n(self) -> int:
        return len(self.mottaker)


@dataclass
class Counts:
    """The numbers one scale reproduces: column 0 non-recipients, column 1 recipients."""

    kjonn: np.ndarray
    innvandring: np.ndarray
    alder: np.ndarray
    sentralitet: np.ndarray
    diag: np.ndarray  # spells per diagnosis group
    n_firms: int
    n_recipient_firms: int

    @property
    def persons(self) -> np.ndarray:
        return self.kjonn.sum(axis=0)

    @property
    def spells(self) -> np.ndarray:
        return self.diag.sum(axis=0)


def scale_targets(scale: str) -> Counts:
    full = Counts(T.KJONN, T.INNVANDRING, T.ALDER, T.SENTRALITET, T.DIAG, T.N_FIRMS,
                  T.N_RECIPIENT_FIRMS)
    if scale == "full":
        return full
    if scale != "small":
        raise ValueError(f"unknown scale {scale!r} (full or small)")
    n0 = int(round(full.persons[0] / SMALL_FACTOR))
    s0 = int(round(full.spells[0] / SMALL_FACTOR))

    def sc(block: np.ndarray, total: int) -> np.ndarray:
        out = block.copy()
        out[:, 0] = scale_counts(block[:, 0], total)
        return out

    return Counts(sc(full.kjonn, n0), sc(full.innvandring, n0), sc(full.alder, n0),
                  sc(full.sentralitet, n0), sc(full.diag, s0),
                  int(round(full.n_firms / SMALL_FACTOR)), full.n_recipient_firms)


def _demographics(counts: Counts, rng: np.random.Generator) -> Persons:
    n0, n1 = (int(x) for x in counts.persons)
    n = n0 + n1
    mottaker = np.zeros(n, dtype=bool)
    mottaker[rng.choice(n, size=n1, replace=False)] = True
    kjonn = np.empty(n, np.int8)
    innv = np.empty(n, np.int8)
    alder = np.empty(n, np.int8)
    sentr = np.empty(n, np.int8)
    for g, idx in ((0, np.flatnonzero(~mottaker)), (1, np.flatnonzero(mottaker))):
        m = len(idx)
        age = shuffled_codes(counts.alder[:, g], rng)
        sex = shuffled_codes(counts.kjonn[:, g], rng) + 1
        # Immigrants are younger on average; exact counts by rank of a latent score.
        young = (age <= 2).astype(float)
        imm = rank_codes(rng.normal(size=m) + 0.35 * young, counts.innvandring[:, g]) + 1
        # Immigrants live more centrally (code 1 = most central gets the highest latent).
        cen = rank_codes(rng.normal(size=m) + 0.6 * (imm == 1), counts.sentralitet[:, g]) + 1
        kjonn[idx], innv[idx], alder[idx], sentr[idx] = sex, imm, age, cen
    diag = _main_diagnosis(counts, mottaker, kjonn, alder, rng)
    firm = _firms(counts, mottaker, rng)
    return Persons(mottaker, firm, kjonn, innv, alder, sentr, diag)


def _main_diagnosis(counts: Counts, mottaker: np.ndarray, kjonn: np.ndarray, alder: np.ndarray,
                    rng: np.random.Generator) -> np.ndarray:
    """Main diagnosis group per person (the chapter of the person's longest spell).

    Drawn with the group's spell shares of Tabell 5, adjusted by age and sex: pregnancy (W) only
    for women aged 15-39, mental disorders (P) more common among the young, musculoskeletal (L)
    among the old.
    """
    n = len(mottaker)
    shares = counts.diag / counts.diag.sum(axis=0)  # (8, 2)
    p = shares[:, mottaker.astype(int)].T.copy()  # (n, 8)
    age_l = np.array([0.6, 0.8, 0.9, 1.05, 1.3, 1.4, 1.4])
    age_p = np.array([1.4, 1.3, 1.15, 1.0, 0.75, 0.6, 0.5])
    p[:, 0] *= age_l[alder]
    p[:, 2] *= age_p[alder]
    eligible = (kjonn == 2) & (alder <= 2)
    for g in (0, 1):
        sel = mottaker == bool(g)
        frac = eligible[sel].mean()
        p[sel, 6] = np.where(eligible[sel], p[sel, 6] / max(frac, 1e-9), 0.0)
    p /= p.sum(axis=1, keepdims=True)
    cum = np.cumsum(p, axis=1)
    u = rng.random(n)
    return np.minimum((u[:, None] >= cum[:, :-1]).sum(axis=1), 7).astype(np.int8)


def _firms(counts: Counts, mottaker: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """virksomhet_id 1..n_firms; every firm employs at least one person of the target group.

    Firm sizes are skewed (log-normal weights). Recipients work in `n_recipient_firms` firms
    (at least one recipient each), drawn with probability rising with firm size.
    """
    n, n_firms = len(mottaker), counts.n_firms
    weight = rng.lognormal(0.0, 1.2, size=n_firms)
    firm = np.empty(n, dtype=np.int32)
    rec = np.flatnonzero(mottaker)
    non = rng.permutation(np.flatnonzero(~mottaker))
    rec_firms = np.sort(rng.choice(n_firms, size=counts.n_recipient_firms, replace=False,
                                   p=weight / weight.sum()))
    # Recipients: one per recipient firm, the rest by weight.
    rec = rng.permutation(rec)
    k = counts.n_recipient_firms
    firm[rec[:k]] = rec_firms
    w = weight[rec_firms] / weight[rec_firms].sum()
    firm[rec[k:]] = rec_firms[rng.choice(k, size=len(rec) - k, p=w)]
    # Non-recipients: one per firm that has no recipient, the rest by weight.
    empty = np.setdiff1d(np.arange(n_firms), rec_firms)
    firm[non[: len(empty)]] = empty
    rest = non[len(empty):]
    firm[rest] = rng.choice(n_firms, size=len(rest), p=weight / weight.sum())
    return firm + 1


def _write(table: pa.Table, path: Path) -> Path:
    pq.write_table(table, path, compression="zstd", row_group_size=1 << 20)
    return path


def generate_person_registers(out_dir: Path, *, scale: str = "full", seed: int = 4) -> dict[str, Path]:
    """Write personer, sykefravaerstilfeller and arbeidsmarkedsstatus as Parquet into out_dir."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = scale_targets(scale)
    rng = np.random.default_rng([seed, 5])
    persons = _demographics(counts, rng)
    states = make_states(persons, np.random.default_rng([seed, 7]))
    spells = make_spells(persons, states, counts.diag, np.random.default_rng([seed, 11]))

    n = persons.n
    pid = np.arange(1, n + 1, dtype=np.int32)
    alder_type = pa.dictionary(pa.int8(), pa.string())
    personer = pa.table({
        "person_id": pid,
        "virksomhet_id": persons.virksomhet_id,
        "mottaker": persons.mottaker,
        "kjonn": persons.kjonn,
        "innvandringsstatus": persons.innvandring,
        "aldersgruppe": pa.DictionaryArray.from_arrays(
            pa.array(persons.alder, pa.int8()), pa.array(T.ALDER_LABELS)).cast(alder_type),
        "sentralitet": persons.sentralitet,
        "hoveddiagnose": spells.main_chapter,
    })
    status = pa.table({
        "person_id": np.repeat(pid, len(T.YEARS)),
        "aar": np.tile(T.YEARS.astype(np.int16), n),
        "status": (states.reshape(-1) + 1).astype(np.int8),
    })
    return {
        "personer": _write(personer, out_dir / "personer.parquet"),
        "sykefravaerstilfeller": _write(spells.table, out_dir / "sykefravaerstilfeller.parquet"),
        "arbeidsmarkedsstatus": _write(status, out_dir / "arbeidsmarkedsstatus.parquet"),
    }
