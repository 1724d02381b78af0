"""Firm-level register extracts of the worked example: grants, refunds, recipient firms, pilot.

`generate_firm_registers(out_dir)` writes three Parquet files:

* `tilsagn.parquet`: one row per grant decided 2019-09-01 … 2024-05-05, with its refund. Yearly
  grant sums equal Tabell 1; refunds by NAV region and refund year equal Tabell 2 (see
  firm_targets for the øre reading of the Totalsum row); refunded grants per refund year match
  the text (30 / 1 519 / 158).
* `virksomheter.parquet`: recipient firm-years 2019–2023 (1 311 records of 1 037 firms; a
  firm-year = a firm with at least one refunded grant decided that year) and the 1 426
  non-recipient firms of the target group, with sector, industry and size (Tabell 3 and 4).
* `tilsagn_utproving.parquet`: grants 01.01.–21.05.2024 in the pilot counties by deciding unit
  (Tabell 8). Grants up to 5 May are the same grants (same tilsagn_id) as in `tilsagn`.

Everything is drawn from one seeded generator in a fixed order, so the files are byte-identical
across runs. The datasets are small; scale "small" produces the same data as "full".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from ekspertbistand import firm_targets as T

DAY = np.timedelta64(1, "D")

# Probability that a firm in an industry is public (for the sector/industry association).
P_PUBLIC = {"Q": 0.75, "P": 0.85, "C": 0.05, "F": 0.05, "O": 0.99, "G": 0.03, "M": 0.10,
            "H": 0.25, "N": 0.10, "I": 0.05, "ANNET": 0.40}
# Shift of the latent size score by industry (larger public services, smaller hospitality).
SIZE_SHIFT = {"Q": 0.3, "P": 0.1, "C": 0.3, "F": -0.1, "O": 0.5, "G": -0.3, "M": -0.2,
              "H": 0.1, "N": -0.2, "I": -0.6, "ANNET": -0.1}
# Split NAV regions 2020–2023 -> counties from 2024 (fylke_2024 codes, shares of firms).
FYLKE_2024 = {
    "02": (("31", "32"), (0.4, 0.6)), "03": (("03",), (1.0,)), "04": (("34",), (1.0,)),
    "06": (("33", "32"), (0.6, 0.4)), "08": (("39", "40"), (0.75, 0.25)), "10": (("42",), (1.0,)),
    "11": (("11",), (1.0,)), "12": (("46",), (1.0,)), "15": (("15",), (1.0,)),
    "18": (("18",), (1.0,)), "19": (("55", "56"), (0.75, 0.25)), "50": (("50",), (1.0,)),
}
# Regions of the non-recipient target-group firms (roughly the distribution of employment).
REGION_WEIGHTS_NON = (0.11, 0.13, 0.07, 0.10, 0.08, 0.06, 0.09, 0.12, 0.05, 0.05, 0.05, 0.09)


def generate_firm_registers(out_dir: Path, *, scale: str = "full", seed: int = 4) -> dict[str, Path]:
    """Write the firm-level register extracts as Parquet into out_dir and return {dataset: path}."""
    if scale not in ("full", "small"):
        raise ValueError(f'scale must be "full" or "small", not "{scale}"')
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng([seed, 1004])
    grants = _grants(rng)
    firms = _firm_years(rng)
    _link(grants, firms, rng)
    tables = {
        "tilsagn": _tilsagn_table(grants),
        "virksomheter": _virksomheter_table(firms),
        "tilsagn_utproving": _pilot_table(grants),
    }
    paths = {}
    for name, table in tables.items():
        path = out_dir / f"{name}.parquet"
        pq.write_table(table, path, compression="zstd", write_statistics=False)
        paths[name] = path
    return paths


# --- Grants and refunds ---------------------------------------------------------------------


def _d(date: dt.date) -> np.datetime64:
    return np.datetime64(date, "D")


def _window(year: int) -> tuple[np.datetime64, np.datetime64]:
    """First and last possible decision/refund day of a year in the national extract."""
    start = T.START if year == 2019 else dt.date(year, 1, 1)
    end = T.EXTRACT if year == 2024 else dt.date(year, 12, 31)
    return _d(start), _d(end)


def _split(total: int, caps: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Integers ≤ caps, roughly proportional to weights, summing exactly to total."""
    caps = np.asarray(caps, dtype=np.int64)
    if total > caps.sum():
        raise ValueError(f"cannot split {total} under caps summing to {caps.sum()}")
    x = np.zeros(len(caps))
    free = caps > 0
    rest = float(total)
    for _ in range(100):
        w = np.where(free, weights, 0.0)
        if rest <= 0 or w.sum() <= 0:
            break
        x = x + rest * w / w.sum()
        over = x > caps
        rest = float((x[over] - caps[over]).sum())
        x[over] = caps[over]
        free &= ~over
    out = np.minimum(np.floor(x).astype(np.int64), caps)
    short = total - int(out.sum())
    order = np.argsort(-(x - out) - (out < caps) * 1.0, kind="stable")
    while short > 0:  # hand out the remaining units, one each, to those with room
        room = order[out[order] < caps[order]]
        step = room[:short]
        out[step] += 1
        short -= len(step)
    return out


def _allocate(weights: np.ndarray, total: int, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Integer counts summing to total within [low, high], near proportional to weights."""
    weights = np.asarray(weights, dtype=float)
    prop = weights * total / weights.sum()
    k = np.clip(np.floor(prop).astype(np.int64), low, high)
    while k.sum() < total:
        gap = np.where(k < high, prop - k, -np.inf)
        k[int(np.argmax(gap))] += 1
    while k.sum() > total:
        gap = np.where(k > low, prop - k, np.inf)
        k[int(np.argmin(gap))] -= 1
    return k


def _claim_weights(n: int, rng: np.random.Generator) -> np.ndarray:
    """Relative sizes of grant amounts: a third at the maximum, the rest spread below it."""
    w = 0.15 + 0.85 * rng.beta(2.2, 1.4, n)
    w[rng.random(n) < 0.33] = 1.0
    return w


def _grants(rng: np.random.Generator) -> dict[str, np.ndarray]:
    """All grants (national extract plus the pilot grants after 5 May 2024)."""
    regions, years, refund_ore, ref_date, dec_date, dec_year = [], [], [], [], [], []
    for j, year in enumerate(T.YEARS):
        cells = np.array([T.REFUSJON[r][j] for r in T.REGIONS], dtype=np.int64)
        carry = T.CARRY_OVER[year]
        cap = min(T.MAX_RATE[year], T.MAX_RATE.get(year - 1, T.MAX_RATE[year]))
        low = np.where(cells > 0, np.ceil(cells / (0.9 * cap)), 0).astype(np.int64)
        counts = _allocate(cells, T.REFUND_COUNTS[year], low, cells // 1500)
        ore = _ore_errors(cells, year, rng)
        start, end = _window(year)
        n_carry = round(carry * counts.sum())
        carried = np.zeros(counts.sum(), dtype=bool)
        carried[rng.choice(counts.sum(), n_carry, replace=False)] = True
        pos = 0
        for r, (cell, k, err) in enumerate(zip(cells, counts, ore)):
            if k == 0:
                continue
            amounts = _split(int(cell) * 100 + int(err), np.full(k, cap * 100),
                             _claim_weights(k, rng))
            is_carry = carried[pos:pos + k]
            pos += k
            refund, decided = _dates(k, is_carry, year, start, end, rng)
            regions += [T.REGIONS[r]] * k
            years += [year] * k
            refund_ore.append(amounts)
            ref_date.append(refund)
            dec_date.append(decided)
            dec_year.append(np.where(is_carry, year - 1, year))
    g = {
        "nav_region": np.array(regions),
        "refusjonsar": np.array(years),
        "refund_ore": np.concatenate(refund_ore),
        "refusjonsdato": np.concatenate(ref_date),
        "vedtaksdato": np.concatenate(dec_date),
        "vedtaksar": np.concatenate(dec_year),
    }
    g["refundert"] = np.ones(len(g["nav_region"]), dtype=bool)
    g["belop"] = -(-g["refund_ore"] // 100)  # granted at least the refund, whole kroner
    return _add_unrefunded(g, rng)


def _ore_errors(cells: np.ndarray, year: int, rng: np.random.Generator) -> np.ndarray:
    """Øre parts of each cell's exact sum: each within ±49 øre (so the cell rounds to the printed
    krone); their column sum makes the exact total round to the printed Totalsum."""
    j = T.YEARS.index(year)
    short = T.TOTALSUM[j] - int(cells.sum())  # -1 for 2021 and 2022, else 0
    target = int(rng.integers(-140, -59)) if short == -1 else int(rng.integers(-40, 41))
    err = np.where(cells > 0, rng.integers(-45, 46, len(cells)), 0)
    diff = target - int(err.sum())
    for i in rng.permutation(np.flatnonzero(cells > 0)):
        step = int(np.clip(diff, -49 - err[i], 49 - err[i]))
        err[i] += step
        diff -= step
    assert diff == 0, "øre errors could not reach the target"
    return err


def _dates(k, is_carry, year, start, end, rng):
    """Refund and decision dates for k refunded grants of one refund year."""
    refund = np.empty(k, dtype="datetime64[D]")
    decided = np.empty(k, dtype="datetime64[D]")
    c = is_carry
    if c.any():  # decided in the autumn of the year before, refunded in January–March
        refund[c] = _d(dt.date(year, 1, 2)) + rng.integers(0, 88, c.sum()) * DAY
        prev_start = max(_d(dt.date(year - 1, 9, 15)), _d(T.START))
        span = int((_d(dt.date(year - 1, 12, 20)) - prev_start) / DAY)
        decided[c] = prev_start + rng.integers(0, span + 1, c.sum()) * DAY
    n = int((~c).sum())
    if n:
        days = int((end - start) / DAY)
        offset = rng.integers(7, days + 1, n)  # refund day, counted from the window's start
        lag = (7 + rng.gamma(2.0, 22.0, n)).astype(np.int64)
        late = lag > offset  # would be decided before the window: refund a little later
        offset = np.where(late, np.minimum(days, lag + rng.integers(0, 30, n)), offset)
        lag = np.minimum(lag, offset)
        refund[~c] = start + offset * DAY
        decided[~c] = start + (offset - lag) * DAY
    return refund, decided


def _add_unrefunded(g: dict[str, np.ndarray], rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Top up each decision year to Tabell 1: unused money on refunded grants plus grants that
    were never (or not yet) refunded. Also adds the pilot grants decided 6–21 May 2024."""
    add = {key: [] for key in ("nav_region", "vedtaksdato", "vedtaksar", "belop")}
    pilot_region, pilot_date = _pilot_dates(g, rng)
    for year in T.YEARS:
        cap = T.MAX_RATE[year]
        mine = np.flatnonzero(g["vedtaksar"] == year)
        room = T.TILSAGN_SUM[year] - int(g["belop"][mine].sum())
        assert room >= 0, f"refunds exceed the grants of {year}"
        unref = int(room * T.UNREFUNDED_SHARE[year])
        if unref < 3_000:
            unref = 0
        margin = room - unref
        headroom = cap - g["belop"][mine]
        weights = rng.random(len(mine)) * (rng.random(len(mine)) < 0.45)
        if margin > headroom[weights > 0].sum():
            weights = np.maximum(weights, 1e-3)
        g["belop"][mine] += _split(margin, headroom, weights * headroom + 1e-9)
        if year == 2024:  # pilot regions: every grant to 5 May is a Tabell 8 grant
            pilot = {r: int(((pilot_region == r) & (pilot_date <= _d(T.EXTRACT))).sum())
                     for r in ("02", "10", "18")}
        else:
            pilot = {}
        n_unref = max(round(unref / (0.72 * cap)), -(-unref // int(0.95 * cap)))
        n_unref = max(n_unref, sum(pilot.values()) + 9) if unref else 0
        if n_unref == 0:
            continue
        j = T.YEARS.index(year) if year < 2024 else T.YEARS.index(2023)
        weights = np.array([T.REFUSJON[r][j] for r in T.REGIONS], dtype=float)
        fixed = np.array([r in pilot for r in T.REGIONS])
        counts = np.zeros(len(T.REGIONS), dtype=np.int64)
        counts[fixed] = [pilot[r] for r in np.array(T.REGIONS)[fixed]]
        rest = n_unref - counts.sum()
        counts[~fixed] = _allocate(weights[~fixed], rest, np.zeros((~fixed).sum(), dtype=np.int64),
                                   np.full((~fixed).sum(), rest))
        start, end = _window(year)
        days = int((end - start) / DAY)
        for r, k in zip(T.REGIONS, counts):
            if not k:
                continue
            add["nav_region"].append(np.full(k, r))
            if r in pilot:
                dates = np.sort(pilot_date[(pilot_region == r) & (pilot_date <= _d(T.EXTRACT))])
            else:
                dates = start + rng.integers(0, days + 1, k) * DAY
            add["vedtaksdato"].append(dates)
            add["vedtaksar"].append(np.full(k, year))
        amounts = _split(unref, np.full(n_unref, cap), _claim_weights(n_unref, rng))
        add["belop"].append(rng.permutation(amounts))
    late = pilot_date > _d(T.EXTRACT)  # decided 6–21 May 2024: only in the pilot extract
    add["nav_region"].append(pilot_region[late])
    add["vedtaksdato"].append(pilot_date[late])
    add["vedtaksar"].append(np.full(late.sum(), 2024))
    add["belop"].append(np.zeros(late.sum(), dtype=np.int64))  # not in the national extract
    n_add = sum(len(a) for a in add["belop"])
    out = {key: np.concatenate([g[key]] + add[key]) for key in add}
    out["refundert"] = np.concatenate([g["refundert"], np.zeros(n_add, dtype=bool)])
    out["refund_ore"] = np.concatenate([g["refund_ore"], np.zeros(n_add, dtype=np.int64)])
    out["refusjonsdato"] = np.concatenate(
        [g["refusjonsdato"], np.full(n_add, np.datetime64("NaT"), dtype="datetime64[D]")])
    out["nasjonal"] = out["vedtaksdato"] <= _d(T.EXTRACT)
    # Pilot units: every grant in a pilot region decided in 2024 up to 21 May.
    out["enhet"] = np.full(len(out["belop"]), "", dtype=object)
    for r in ("02", "10", "18"):
        idx = np.flatnonzero((out["nav_region"] == r) & (out["vedtaksar"] == 2024))
        units = [u for u, (_, reg, _) in T.PILOT_UNITS.items() if reg == r]
        labels = np.repeat(units, [T.PILOT_UNITS[u][2] for u in units])
        assert len(labels) == len(idx), f"pilot grants in region {r}: {len(idx)} != {len(labels)}"
        out["enhet"][rng.permutation(idx)] = labels
    return out


def _pilot_dates(g: dict[str, np.ndarray], rng: np.random.Generator):
    """Decision dates of the Tabell 8 grants not yet in `g` (the refunded 2024 ones are)."""
    regions, dates = [], []
    days = int((_d(T.PILOT_END) - _d(T.PILOT_START)) / DAY)
    for r in ("02", "10", "18"):
        total = sum(n for _, reg, n in T.PILOT_UNITS.values() if reg == r)
        have = int(((g["nav_region"] == r) & (g["vedtaksar"] == 2024)).sum())
        k = total - have
        regions.append(np.full(k, r))
        dates.append(_d(T.PILOT_START) + rng.integers(0, days + 1, k) * DAY)
    return np.concatenate(regions), np.concatenate(dates)


# --- Firms ----------------------------------------------------------------------------------


def _firm_years(rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Recipient firm-years (Tabell 3 columns) and non-recipient firms (Tabell 4)."""
    parts = []
    for y, year in enumerate(T.FIRM_YEARS):
        naering = np.repeat(T.NAERING_CODES, [T.FIRM_YEAR_NAERING[c][y] for c in T.NAERING_CODES])
        n = len(naering)
        assert n == T.FIRM_YEAR_N[y]
        sektor = _attributes(rng.permutation(naering), {k: v[y] for k, v in
                                                        T.FIRM_YEAR_SEKTOR.items()},
                             {k: v[y] for k, v in T.FIRM_YEAR_ANSATTE.items()}, rng)
        parts.append(dict(sektor, aar=np.full(n, year), mottaker=np.ones(n, dtype=bool)))
    naering = np.repeat(T.NAERING_CODES, [T.IKKE_MOTTAKERE_NAERING[c] for c in T.NAERING_CODES])
    non = _attributes(rng.permutation(naering), T.IKKE_MOTTAKERE_SEKTOR,
                      T.IKKE_MOTTAKERE_ANSATTE, rng)
    n = len(naering)
    parts.append(dict(non, aar=np.zeros(n, dtype=np.int64), mottaker=np.zeros(n, dtype=bool)))
    firms = {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}
    return firms


def _attributes(naering: np.ndarray, sektor: dict, ansatte: dict, rng) -> dict[str, np.ndarray]:
    """Sector, size and NACE section for records with given industries and exact margins."""
    n = len(naering)
    out_sektor = np.zeros(n, dtype=np.int64)  # 0 = missing
    known = rng.permutation(n)[: sum(sektor.values())]
    latent = np.log([P_PUBLIC[c] / (1 - P_PUBLIC[c]) for c in naering[known]])
    latent = latent + rng.logistic(size=len(known))
    order = known[np.argsort(-latent, kind="stable")]
    out_sektor[order] = np.repeat(list(sektor), list(sektor.values()))
    out_ansatte = np.zeros(n, dtype=np.int64)
    known = rng.permutation(n)[: sum(ansatte.values())]
    latent = (np.array([SIZE_SHIFT[c] for c in naering[known]])
              + 0.4 * (out_sektor[known] == 1) + rng.normal(0.0, 1.0, len(known)))
    order = known[np.argsort(-latent, kind="stable")]  # largest first: «Over 100» …
    codes = sorted(ansatte, reverse=True)
    out_ansatte[order] = np.repeat(codes, [ansatte[c] for c in codes])
    nace = naering.astype(object).copy()
    annet = np.flatnonzero(naering == "ANNET")
    nace[annet] = rng.choice(T.ANNET_SECTIONS, len(annet), p=T.ANNET_WEIGHTS)
    return {"naering": naering.astype(object), "nace": nace, "sektor": out_sektor,
            "ansatte": out_ansatte}


def _link(g: dict[str, np.ndarray], f: dict[str, np.ndarray], rng: np.random.Generator) -> None:
    """Regions for firm-years, firm ids (1 311 firm-years -> 1 037 firms), grants -> firms."""
    n_rec = int(f["mottaker"].sum())
    f["nav_region"] = np.full(len(f["aar"]), "", dtype=object)
    g["record"] = np.full(len(g["belop"]), -1)
    region_index = {r: i for i, r in enumerate(T.REGIONS)}
    g_reg = np.array([region_index[r] for r in g["nav_region"]])
    for year in T.FIRM_YEARS:
        recs = np.flatnonzero(f["mottaker"] & (f["aar"] == year))
        refunded = g["refundert"] & (g["vedtaksar"] == year)
        per_region = np.bincount(g_reg[refunded], minlength=len(T.REGIONS))
        low = (per_region > 0).astype(np.int64)
        k = _allocate(per_region ** 0.9 * (per_region > 0), len(recs), low, per_region)
        f["nav_region"][recs] = rng.permutation(np.repeat(T.REGIONS, k))
        for i, r in enumerate(T.REGIONS):
            if not per_region[i]:
                continue
            mine = recs[f["nav_region"][recs] == r]
            grants = rng.permutation(np.flatnonzero(refunded & (g_reg == i)))
            weight = np.array([1.0, 1.0, 1.4, 2.0, 3.0])[f["ansatte"][mine]]
            extra = rng.choice(len(mine), len(grants) - len(mine), p=weight / weight.sum())
            per_record = 1 + np.bincount(extra, minlength=len(mine))
            g["record"][grants] = np.repeat(mine, per_record)
    non = np.flatnonzero(~f["mottaker"])
    f["nav_region"][non] = rng.choice(T.REGIONS, len(non), p=REGION_WEIGHTS_NON)
    firm = _merge_years(f, n_rec, T.N_RECIPIENT_FIRMS, rng)
    n_firms = firm.max() + 1
    # pseudonymised ids: recipients, non-recipients, and firms with only unrefunded grants
    n_other_max = int((g["record"] < 0).sum())
    ids = rng.choice(np.arange(100_000, 1_000_000), n_firms + len(non) + n_other_max,
                     replace=False)
    f["virksomhet_id"] = np.empty(len(f["aar"]), dtype=np.int64)
    f["virksomhet_id"][:n_rec] = ids[firm]
    f["virksomhet_id"][non] = ids[n_firms:n_firms + len(non)]
    other_ids = ids[n_firms + len(non):]
    fylke = {}
    for fid, r in zip(f["virksomhet_id"], f["nav_region"]):
        if fid not in fylke:
            codes, p = FYLKE_2024[r]
            fylke[fid] = codes[0] if len(codes) == 1 else str(rng.choice(codes, p=p))
    f["fylke"] = np.array([fylke[i] for i in f["virksomhet_id"]], dtype=object)
    g["virksomhet_id"] = np.zeros(len(g["belop"]), dtype=np.int64)
    has = g["record"] >= 0
    g["virksomhet_id"][has] = f["virksomhet_id"][g["record"][has]]
    used = 0
    for r in T.REGIONS:  # grants without a refunded firm-year: known firms or other firms
        idx = np.flatnonzero(~has & (g["nav_region"] == r))
        if not len(idx):
            continue
        known = np.unique(f["virksomhet_id"][:n_rec][f["nav_region"][:n_rec] == r])
        pool = other_ids[used:used + max(1, int(0.6 * len(idx)))]
        used += len(pool)
        pick_known = (rng.random(len(idx)) < 0.45) & (len(known) > 0)
        choice = rng.choice(pool, len(idx))
        if len(known):
            choice = np.where(pick_known, rng.choice(known, len(idx)), choice)
        g["virksomhet_id"][idx] = choice


def _merge_years(f, n_rec: int, n_firms: int, rng) -> np.ndarray:
    """Firm index per recipient firm-year: link records of different years that share region,
    industry, NACE section and sector until exactly n_firms firms remain (size may differ)."""
    firm = np.arange(n_rec)
    years = {i: {int(f["aar"][i])} for i in range(n_rec)}
    members = {i: [i] for i in range(n_rec)}
    need = n_rec - n_firms
    groups: dict[tuple, list[int]] = {}
    for i in rng.permutation(n_rec):
        key = (f["nav_region"][i], f["naering"][i], f["nace"][i], int(f["sektor"][i]))
        groups.setdefault(key, []).append(int(i))
    for attempt in range(2):
        for key in sorted(groups, key=str):
            for i in groups[key]:
                if need == 0:
                    break
                root = firm[i]
                if len(members[root]) > 1 or (attempt == 0 and rng.random() > 0.55):
                    continue
                cands = [firm[j] for j in groups[key] if firm[j] != root
                         and not (years[firm[j]] & years[root])]
                if not cands:
                    continue
                same = [c for c in cands if f["ansatte"][members[c][0]] == f["ansatte"][i]]
                target = (same or cands)[0]
                for m in members.pop(root):
                    firm[m] = target
                    members[target].append(m)
                years[target] |= years.pop(root)
                need -= 1
    if need:
        raise RuntimeError(f"could not link firm-years into {n_firms} firms ({need} short)")
    _, dense = np.unique(firm, return_inverse=True)
    return dense


# --- Output tables --------------------------------------------------------------------------


def _tilsagn_order(g) -> np.ndarray:
    return np.lexsort((g["refusjonsdato"].astype("int64"), g["nav_region"].astype(str),
                       g["vedtaksdato"]))


def _ids(g) -> np.ndarray:
    """Running number by decision date (the pilot's late grants continue the sequence)."""
    order = _tilsagn_order(g)
    ids = np.empty(len(order), dtype=np.int64)
    ids[order] = np.arange(1, len(order) + 1)
    return ids


def _tilsagn_table(g) -> pa.Table:
    ids = _ids(g)
    keep = np.flatnonzero(g["nasjonal"])
    keep = keep[np.argsort(ids[keep], kind="stable")]
    refunded = g["refundert"][keep]
    return pa.table({
        "tilsagn_id": pa.array(ids[keep], pa.int64()),
        "virksomhet_id": pa.array(g["virksomhet_id"][keep], pa.int64()),
        "vedtaksdato": pa.array(g["vedtaksdato"][keep], pa.date32()),
        "belop": pa.array(g["belop"][keep], pa.int64()),
        "nav_region": pa.array(g["nav_region"][keep].astype(str), pa.string()),
        "refundert": pa.array(refunded, pa.bool_()),
        "refusjonsdato": pa.array(g["refusjonsdato"][keep], pa.date32(), mask=~refunded),
        "refusjonsbelop": pa.array(g["refund_ore"][keep] / 100, pa.float64(), mask=~refunded),
    })


def _pilot_table(g) -> pa.Table:
    ids = _ids(g)
    keep = np.flatnonzero(g["enhet"] != "")
    keep = keep[np.argsort(ids[keep], kind="stable")]
    return pa.table({
        "tilsagn_id": pa.array(ids[keep], pa.int64()),
        "virksomhet_id": pa.array(g["virksomhet_id"][keep], pa.int64()),
        "vedtaksdato": pa.array(g["vedtaksdato"][keep], pa.date32()),
        "nav_region": pa.array(g["nav_region"][keep].astype(str), pa.string()),
        "enhet": pa.array(g["enhet"][keep].astype(str), pa.string()),
        "i_nasjonalt_uttrekk": pa.array(g["nasjonal"][keep], pa.bool_()),
    })


def _virksomheter_table(f) -> pa.Table:
    order = np.lexsort((f["virksomhet_id"], f["aar"], ~f["mottaker"]))
    col = {key: value[order] for key, value in f.items()}
    rec = col["mottaker"]
    return pa.table({
        "post_id": pa.array(np.arange(1, len(order) + 1), pa.int64()),
        "virksomhet_id": pa.array(col["virksomhet_id"], pa.int64()),
        "mottaker": pa.array(rec, pa.bool_()),
        "aar": pa.array(col["aar"], pa.int64(), mask=~rec),
        "nav_region": pa.array(col["nav_region"].astype(str), pa.string()),
        "fylke": pa.array(col["fylke"].astype(str), pa.string()),
        "sektor": pa.array(col["sektor"], pa.int64(), mask=col["sektor"] == 0),
        "naering": pa.array(col["naering"].astype(str), pa.string()),
        "nace": pa.array(col["nace"].astype(str), pa.string()),
        "ansatte": pa.array(col["ansatte"], pa.int64(), mask=col["ansatte"] == 0),
    })
