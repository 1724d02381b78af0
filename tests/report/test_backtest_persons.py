"""Backtests of the person registers against Tabell 5 and Tabell 7 (seed 004).

Aggregates are computed from the Parquet files with plain pandas, independent of the
generator's bookkeeping. Small scale (all recipients, 1/20 of the non-recipients) runs fast;
the full-scale test (marked slow) checks Tabell 5 exactly and Tabell 7 with a propensity-score
match implemented here (logistic regression + greedy 1:1 nearest neighbour, caliper 0,01).
"""

from __future__ import annotations

import resource
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from ekspertbistand.persons import SMALL_FACTOR, generate_person_registers

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO / "data" / "reference"
CODEBOOK = REPO / "data" / "codebook"

DIAG_GROUP = {"L": "Muskel og skjelettsystemet", "R": "Luftveier", "P": "Psykisk",
              "N": "Nervesystemet", "D": "Fordøyelsessystemet", "A": "Allment og uspesifisert",
              "W": "Svangerskap, fødsel og familieplanlegging"}
STATE_T7 = {1: "Fulltidsarbeid", 2: "Sysselsatt", 3: "Alderspensionist", 4: "Ufør",
            5: "AAP/Tiltakspenger", 6: "Langtidssykemeldt", 7: "Ukjent"}
BLOCK_COLUMN = {"Kjønn": "kjonn", "Innvandringsstatus": "innvandringsstatus",
                "Aldersgruppe": "aldersgruppe", "Sentralitet": "sentralitet"}


# ---------------------------------------------------------------------------------- helpers
def codes(name: str) -> dict:
    return yaml.safe_load((CODEBOOK / "codes.yml").read_text(encoding="utf-8"))[name]["codes"]


def load(out: Path) -> dict[str, pd.DataFrame]:
    data = {name: pd.read_parquet(out / f"{name}.parquet")
            for name in ("personer", "sykefravaerstilfeller", "arbeidsmarkedsstatus")}
    spells = data["sykefravaerstilfeller"]
    for col in ("startdato", "sluttdato"):  # Parquet date32 arrives as datetime.date objects
        spells[col] = pd.to_datetime(spells[col])
    return data


def diag_group(chapter: pd.Series) -> pd.Series:
    return chapter.astype(str).map(DIAG_GROUP).fillna("Annet")


def tabell5(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Counts per Tabell 5 block/category and group, from the files."""
    p = data["personer"]
    labels = {"kjonn": codes("kjonn"), "innvandringsstatus": codes("innvandringsstatus"),
              "sentralitet": codes("sentralitet")}
    rows = []
    for block, col in BLOCK_COLUMN.items():
        values = p[col].astype(str) if col == "aldersgruppe" else p[col].map(labels[col])
        rows.append(pd.crosstab([pd.Series(block, index=p.index), values], p["mottaker"]))
    s = data["sykefravaerstilfeller"].merge(p[["person_id", "mottaker"]], on="person_id")
    rows.append(pd.crosstab([pd.Series("Diagnosekategori", index=s.index),
                             diag_group(s["diagnose"])], s["mottaker"]))
    out = pd.concat(rows)
    out.index.names = ["block", "category"]
    return out.rename(columns={False: "ikke_mottatt_n", True: "mottatt_n"})


def reference5(scale: str) -> pd.DataFrame:
    return pd.read_csv(REFERENCE / "tabell_5.csv").set_index(["block", "category"])


def compare5(data, scale: str) -> list[str]:
    """Full scale: every printed count exactly. Small scale: the recipients exactly, and each
    non-recipient count within one of the printed count divided by SMALL_FACTOR, each block
    summing to its printed total divided by SMALL_FACTOR (rounded)."""
    got = tabell5(data)
    ref = reference5(scale)
    errors = []
    for (block, cat), row in ref.iterrows():
        for col in ("ikke_mottatt_n", "mottatt_n"):
            value = got[col].get((block, cat), 0)
            if scale == "small" and col == "ikke_mottatt_n":
                if abs(value - row[col] / SMALL_FACTOR) >= 1:
                    errors.append(f"Tabell 5 {block} / {cat}: got {value}, want about "
                                  f"{row[col] / SMALL_FACTOR:.1f}")
            elif value != row[col]:
                errors.append(f"Tabell 5 {block} / {cat} / {col}: got {value}, want {row[col]}")
    if scale == "small":
        for block, printed in ref.groupby(level="block")["ikke_mottatt_n"].sum().items():
            total = int(got["ikke_mottatt_n"].xs(block, level="block").sum())
            if total != round(printed / SMALL_FACTOR):
                errors.append(f"Tabell 5 {block}: non-recipients {total}, want "
                              f"{round(printed / SMALL_FACTOR)}")
    return errors


def covariates(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Background variables for the propensity score; main diagnosis from the spells."""
    p = data["personer"].set_index("person_id")
    s = data["sykefravaerstilfeller"]
    dur = (s["sluttdato"] - s["startdato"]).dt.days
    longest = (s.assign(dur=dur).sort_values(["person_id", "dur", "startdato"],
                                             ascending=[True, False, True])
               .drop_duplicates("person_id").set_index("person_id")["diagnose"])
    x = pd.DataFrame({
        "kjonn": p["kjonn"], "innvandringsstatus": p["innvandringsstatus"],
        "aldersgruppe": p["aldersgruppe"].astype(str), "sentralitet": p["sentralitet"],
        "diagnose": diag_group(longest.reindex(p.index)),
    })
    return x, p["mottaker"], longest


def match(data, *, caliper: float = 0.01, shuffle_seed: int | None = None) -> tuple[pd.Index, pd.Index]:
    """Propensity-score matching: logit on dummies, greedy 1:1 nearest neighbour w/o replacement.

    Recipients are matched in descending score order. Controls are taken in person_id order
    (or a random order with `shuffle_seed`); among equally near controls the first is chosen.
    """
    from sklearn.linear_model import LogisticRegression

    x, treated, _ = covariates(data)
    dummies = pd.get_dummies(x.astype(str), drop_first=True).to_numpy(dtype=float)
    model = LogisticRegression(C=1e6, max_iter=2000).fit(dummies, treated.to_numpy())
    score = model.predict_proba(dummies)[:, 1]
    ids = x.index.to_numpy()
    t = np.flatnonzero(treated.to_numpy())
    c = np.flatnonzero(~treated.to_numpy())
    if shuffle_seed is not None:
        c = np.random.default_rng(shuffle_seed).permutation(c)
    c = c[np.argsort(score[c], kind="stable")]
    cs = score[c]
    used = np.zeros(len(c), dtype=bool)
    matched_t, matched_c = [], []
    for i in t[np.argsort(-score[t], kind="stable")]:
        pos = int(np.searchsorted(cs, score[i], side="left"))
        right = pos
        while right < len(c) and used[right]:
            right += 1
        left = pos - 1
        while left >= 0 and used[left]:
            left -= 1
        best, dist = -1, np.inf
        if right < len(c):
            best, dist = right, cs[right] - score[i]
        if left >= 0 and score[i] - cs[left] < dist:
            best, dist = left, score[i] - cs[left]
        if best >= 0 and dist <= caliper:
            used[best] = True
            matched_t.append(ids[i])
            matched_c.append(ids[c[best]])
    return pd.Index(matched_t), pd.Index(matched_c)


def end_states(data, persons: pd.Index) -> pd.DataFrame:
    st = data["arbeidsmarkedsstatus"]
    st = st[st["person_id"].isin(persons) & st["aar"].isin([2023, 2024])]
    tab = pd.crosstab(st["aar"], st["status"]).reindex(columns=range(1, 8), fill_value=0)
    return tab.rename(columns=STATE_T7)


def compare7(data, treated: pd.Index, controls: pd.Index) -> tuple[list[str], pd.DataFrame]:
    ref = pd.read_csv(REFERENCE / "tabell_7.csv").set_index(["year", "arbeidsmarkedsstatus"])
    rec = end_states(data, treated)
    con = end_states(data, controls)
    errors, rows = [], []
    for (year, state), row in ref.iterrows():
        got_r = int(rec.loc[year, state])
        if got_r != row["mottakergruppe_n"]:
            errors.append(f"Tabell 7 {year} / {state} / mottakergruppe_n: got {got_r}, "
                          f"want {row['mottakergruppe_n']}")
        share = 100 * con.loc[year, state] / con.loc[year].sum()
        want = 100 * row["kontrollgruppe_n"] / ref.loc[year, "kontrollgruppe_n"].sum()
        rows.append((year, state, round(share, 2), round(want, 2)))
        if abs(share - want) > 1.0:
            errors.append(f"Tabell 7 {year} / {state} / kontrollgruppe: got {share:.2f} %, "
                          f"want {want:.2f} % (more than 1 pp off)")
    return errors, pd.DataFrame(rows, columns=["year", "state", "control_pct", "tabell7_pct"])


def pseudo_r2(data, groups: pd.Series) -> float:
    """Share of sequence discrepancy (Hamming distance, 2018-2024) explained by `groups`."""
    st = data["arbeidsmarkedsstatus"]
    st = st[st["person_id"].isin(groups.index)]
    wide = st.pivot(index="person_id", columns="aar", values="status").loc[groups.index]

    def ss(frame: pd.DataFrame) -> float:
        n = len(frame)
        return sum((n * n - (frame[c].value_counts() ** 2).sum()) / (2 * n) for c in frame)

    within = sum(ss(wide[groups.to_numpy() == g]) for g in groups.unique())
    return 1.0 - within / ss(wide)


def consistency_errors(data) -> list[str]:
    """Spells agree with the states: long-term sick years have >= 40 days, others fewer."""
    s = data["sykefravaerstilfeller"]
    errors = []
    if not (s["sluttdato"] >= s["startdato"]).all():
        errors.append("a spell ends before it starts")
    if s["startdato"].min() < pd.Timestamp("2019-01-01") or s["sluttdato"].max() > pd.Timestamp(
            "2024-01-31"):
        errors.append("spell dates outside January 2019 - January 2024")
    ordered = s.sort_values(["person_id", "startdato"])
    same = ordered["person_id"].eq(ordered["person_id"].shift())
    if (same & (ordered["startdato"] <= ordered["sluttdato"].shift())).any():
        errors.append("overlapping spells of one person")
    days = []
    for year in range(2019, 2025):
        lo, hi = pd.Timestamp(f"{year}-01-01"), pd.Timestamp(f"{year}-12-31")
        if year == 2024:
            hi = pd.Timestamp("2024-01-31")
        d = (s["sluttdato"].clip(upper=hi) - s["startdato"].clip(lower=lo)).dt.days + 1
        days.append(d.clip(lower=0).groupby(s["person_id"]).sum().rename(year))
    days = pd.concat(days, axis=1).fillna(0)
    st = data["arbeidsmarkedsstatus"].pivot(index="person_id", columns="aar", values="status")
    for year in range(2019, 2025):
        limit = 20 if year == 2024 else 40
        lts = st[year] == 6
        d = days[year].reindex(st.index, fill_value=0)
        if (d[lts] < limit).any():
            errors.append(f"{year}: {(d[lts] < limit).sum()} long-term sick with < {limit} days")
        if (d[~lts] >= limit).any():
            errors.append(f"{year}: {(d[~lts] >= limit).sum()} not long-term sick with "
                          f">= {limit} days")
    return errors


# ---------------------------------------------------------------------------------- tests
@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, dict[str, pd.DataFrame]]:
    out = tmp_path_factory.mktemp("persons_small")
    generate_person_registers(out, scale="small", seed=4)
    return out, load(out)


def test_small_tabell5_exact(small):
    errors = compare5(small[1], "small")
    assert not errors, "\n".join(errors)


def test_small_shapes_and_keys(small):
    _, data = small
    p, s, st = data["personer"], data["sykefravaerstilfeller"], data["arbeidsmarkedsstatus"]
    # Printed in Tabell 5: 668 968 non-recipients and 3 229 recipients; 3 174 498 and 22 958
    # sick-leave spells. The small scale keeps the recipients and 1/SMALL_FACTOR of the rest.
    assert len(p) == round(668968 / SMALL_FACTOR) + 3229 and p["person_id"].is_unique
    assert p["mottaker"].sum() == 3229
    assert len(s) == round(3174498 / SMALL_FACTOR) + 22958
    assert s["sykefravaerstilfelle_id"].is_unique
    # Printed (seed l. 276): the persons work in 106 217 firms; the recipients in the 1 311
    # recipient firms of Tabell 3 (l. 670). The small scale scales only the former.
    assert p["virksomhet_id"].nunique() == round(106217 / SMALL_FACTOR)
    assert p.loc[p["mottaker"], "virksomhet_id"].nunique() == 1311
    assert set(s["person_id"]) == set(p["person_id"]), "every person has a sick-leave spell"
    assert len(st) == 7 * len(p) and not st.duplicated(["person_id", "aar"]).any()
    assert sorted(st["aar"].unique()) == list(range(2018, 2025))
    assert set(st["status"].unique()) <= set(codes("arbeidsmarkedsstatus"))
    assert set(s["diagnose"].astype(str)) <= set(codes("icpc2_kapittel"))
    # Pregnancy diagnoses for women 15-39 only; X/Y by sex.
    sp = s.merge(p, on="person_id")
    w = sp[sp["diagnose"].astype(str) == "W"]
    assert (w["kjonn"] == 2).all() and w["aldersgruppe"].astype(str).isin(
        ["15-24 år", "25-29 år", "30-39 år"]).all()
    assert not ((sp["diagnose"].astype(str) == "X") & (sp["kjonn"] == 1)).any()
    assert not ((sp["diagnose"].astype(str) == "Y") & (sp["kjonn"] == 2)).any()


def test_small_main_diagnosis_is_longest_spell(small):
    _, data = small
    _, _, longest = covariates(data)
    p = data["personer"].set_index("person_id")
    assert (p["hoveddiagnose"].astype(str) == longest.reindex(p.index).astype(str)).all()


def test_small_spells_agree_with_states(small):
    errors = consistency_errors(small[1])
    assert not errors, "\n".join(errors)


def test_small_deterministic(small, tmp_path):
    out, _ = small
    generate_person_registers(tmp_path, scale="small", seed=4)
    for name in ("personer", "sykefravaerstilfeller", "arbeidsmarkedsstatus"):
        assert (tmp_path / f"{name}.parquet").read_bytes() == (out / f"{name}.parquet").read_bytes()


def test_small_tabell7(small):
    _, data = small
    treated, controls = match(data)
    assert len(treated) == 3229, f"only {len(treated)} of 3229 recipients matched"
    errors, _ = compare7(data, treated, controls)
    assert not errors, "\n".join(errors)


def test_small_sequences_plausible(small):
    _, data = small
    p = data["personer"].set_index("person_id")
    st = data["arbeidsmarkedsstatus"].merge(p["mottaker"], left_on="person_id", right_index=True)
    share = pd.crosstab([st["mottaker"], st["aar"]], st["status"], normalize="index")
    rec, non = share.loc[True], share.loc[False]
    # Recipients: more long-term sick leave and AAP 2019-2023; non-recipients: more retired.
    assert (rec.loc[2019:2023, 6] > non.loc[2019:2023, 6]).all()
    assert (rec.loc[2021:2024, 5] > non.loc[2021:2024, 5]).all()
    assert (non.loc[2018:2024, 3] > rec.loc[2018:2024, 3]).all()
    assert (non[3].diff().dropna() >= 0).all(), "retirement share never falls"
    # Most are working at the start.
    assert rec.loc[2018, [1, 2]].sum() > 0.6 and non.loc[2018, [1, 2]].sum() > 0.6


@pytest.mark.slow
def test_full_scale(tmp_path):
    start = time.perf_counter()
    generate_person_registers(tmp_path, scale="full", seed=4)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nfull scale: generated in {elapsed:.1f} s, peak RSS {peak:.0f} MiB (test process)")
    data = load(tmp_path)
    errors = compare5(data, "full")
    assert len(data["personer"]) == 672_197
    assert data["personer"]["virksomhet_id"].nunique() == 106_217
    assert len(data["sykefravaerstilfeller"]) == 3_197_456
    treated, controls = match(data)
    assert len(treated) == 3229, f"only {len(treated)} of 3229 recipients matched"
    errors7, shares = compare7(data, treated, controls)
    print(shares.to_string(index=False))
    groups = pd.Series(np.r_[np.ones(len(treated)), np.zeros(len(controls))],
                       index=treated.append(controls))
    r2 = pseudo_r2(data, groups)
    print(f"pseudo R2 (matched sample, Hamming): {100 * r2:.2f} %")
    errors += errors7 + consistency_errors(data)
    if not 0.010 <= r2 <= 0.026:
        errors.append(f"Figur 22 pseudo R2 {100 * r2:.2f} %, published 1,8 %")
    assert not errors, "\n".join(errors)
