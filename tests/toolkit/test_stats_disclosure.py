"""Disclosure control: primary and secondary suppression, proven not recoverable.

Two independent proofs that a suppressed cell cannot be recovered from the published cells
and margins: (1) the structural condition — every row and column (including the totals row
and column) with a suppressed cell has at least two; (2) brute force on small tables —
enumerate every non-negative integer filling of the suppressed cells that reproduces all
published values and sums, and show each primary cell takes at least two values.
"""

import itertools

import numpy as np
import pandas as pd
import pytest

from rapport.stats import (
    RULE,
    TOTAL,
    DisclosureError,
    DisclosureRule,
    Protected,
    assert_safe,
    crosstab_from_counts,
    exposed_cells,
    suppress_distribution,
    suppress_shares,
    suppress_table,
)

# Tabell 6 counts (see test_stats_crosstab.py): the «Annet» column has n = 3
T6 = pd.DataFrame({
    "Leder": [45, 6, 37, 5, 8, 6, 49, 0],
    "Mellomleder": [17, 0, 6, 4, 1, 0, 4, 1],
    "HR-ansvarlig": [17, 0, 0, 0, 1, 0, 1, 0],
    "Annet": [2, 0, 1, 0, 0, 0, 0, 0],
}, index=["Leder enh.", "Leder utenfor", "HR enh.", "HR utenfor", "Verneombud", "Andre",
          "Nei", "Vet ikke"])

# Tabell 5, Aldersgruppe block
T5_ALDER = pd.DataFrame({
    "Ikke mottatt": [35966, 66365, 169249, 236006, 114311, 37303, 9768],
    "Mottatt": [87, 236, 818, 1553, 473, 53, 9],
}, index=["15-24 år", "25-29 år", "30-39 år", "40-54 år", "55-61 år", "62-66 år", "67-74 år"])


# ----------------------------------------------------------------------------- helpers

def lines_of(shape):
    """(row, col) cells of every line of an augmented table: rows then columns; the last cell
    of each line is its total."""
    r1, c1 = shape
    return [[(i, j) for j in range(c1)] for i in range(r1)] + \
           [[(i, j) for i in range(r1)] for j in range(c1)]


def two_per_line(mask: np.ndarray) -> bool:
    return all(sum(mask[c] for c in line) != 1 for line in lines_of(mask.shape))


def brute_force(values: np.ndarray, mask: np.ndarray, limit: int = 500_000) -> dict:
    """All values each suppressed cell takes over non-negative integer fillings that agree with
    every published cell and every row/column relation. Cells are bounded by the largest
    published value (complete when the grand total is published)."""
    cells = [tuple(c) for c in np.argwhere(mask)]
    bound = int(values[~mask].max())
    lines = lines_of(values.shape)
    line_ids = {c: [k for k, ln in enumerate(lines) if c in ln] for c in cells}
    # a part never exceeds a published total of its line (non-negativity)
    ub = {c: min([bound] + [int(values[lines[k][-1]]) for k in line_ids[c]
                            if lines[k][-1] != c and not mask[lines[k][-1]]]) for c in cells}
    seen = {c: set() for c in cells}
    assign = {}
    count = 0

    def ok(k, complete):
        ln = lines[k]
        parts, total = ln[:-1], ln[-1]
        known = lambda c: assign[c] if mask[c] else values[c]  # noqa: E731
        if complete:
            return sum(known(c) for c in parts) == known(total)
        if mask[total] and total not in assign:
            return True
        s = sum(assign[c] if mask[c] else values[c] for c in parts if not mask[c] or c in assign)
        return s <= known(total)

    def rec(i):
        nonlocal count
        if count >= limit:
            raise RuntimeError("enumeration limit reached; use a smaller table")
        if i == len(cells):
            count += 1
            for c in cells:
                seen[c].add(assign[c])
            return
        c = cells[i]
        for v in range(ub[c] + 1):
            assign[c] = v
            good = True
            for k in line_ids[c]:
                complete = all(not mask[x] or x in assign for x in lines[k])
                if not ok(k, complete):
                    good = False
                    break
            if good:
                rec(i + 1)
            del assign[c]

    rec(0)
    return seen


def primary_cells(p: Protected) -> list:
    return [tuple(c) for c in np.argwhere(p.primary.to_numpy())]


# ----------------------------------------------------------------------------- tests

def test_tabell6_annet_column_is_suppressed_and_safe():
    p = suppress_table(T6)
    m = p.mask
    # Annet: 2 and 1 (and the column n = 3) are primary cells
    assert m.loc["Leder enh.", "Annet"] and m.loc["HR enh.", "Annet"]
    assert m.loc[TOTAL, "Annet"]
    assert p.primary.loc[TOTAL, "Annet"]
    assert not m.loc[TOTAL, TOTAL]  # the corner n = 211 stays published
    assert two_per_line(m.to_numpy())
    assert exposed_cells(p) == []
    assert_safe(p)
    # no published count is small
    pub = p.values.to_numpy()[~m.to_numpy()]
    assert not ((pub > 0) & (pub < RULE.threshold)).any()


def test_tabell6_shares_follow_the_count_mask():
    p = suppress_table(T6)
    ct = crosstab_from_counts(T6)
    s = suppress_shares(ct.shares, p)
    assert s.mask["Annet"].all()  # 67 % / 33 % and the n = 3 column disappear entirely
    assert (s.mask | ~p.mask).all().all()  # every suppressed count has a suppressed share
    assert_safe(s)
    leaky = Protected(values=s.values, mask=p.mask & False, primary=s.primary, rule=RULE,
                      kind="shares", source=p)
    with pytest.raises(DisclosureError, match="shares"):
        assert_safe(leaky)


def test_tabell5_age_67_74_n9_is_safe_at_threshold_4():
    d = suppress_distribution(T5_ALDER["Mottatt"])
    assert d.n_suppressed == 0
    assert_safe(d)
    t = suppress_table(T5_ALDER)
    assert t.n_suppressed == 0
    assert_safe(t)
    # a stricter rule (fewer than 10) suppresses 67–74 = 9, and a partner in the same column
    strict = DisclosureRule(threshold=10)
    d10 = suppress_distribution(T5_ALDER["Mottatt"], rule=strict)
    assert d10.mask["67-74 år"] and d10.mask.sum() == 2 and d10.mask["62-66 år"]
    assert_safe(d10)


def test_distribution_single_nonzero_cell_suppresses_total():
    d = suppress_distribution(pd.Series({"a": 2, "b": 0, "c": 0}))
    assert d.mask.tolist() == [True, False, False, True]
    d = suppress_distribution(pd.Series({"a": 2, "b": 0, "c": 7}), rule=DisclosureRule(
        margins_primary=False))
    assert d.mask.tolist() == [True, False, True, False]
    assert_safe(d)


def test_row_with_single_nonzero_cell_gets_its_total_suppressed():
    counts = pd.DataFrame({"A": [2, 5, 6], "B": [0, 7, 8], "C": [0, 9, 4]},
                          index=["r0", "r1", "r2"])
    p = suppress_table(counts, rule=DisclosureRule(margins_primary=False))
    # r0 = [2, 0, 0 | 2]: the only partner for the 2 is the row total
    assert p.mask.loc["r0", "A"] and p.mask.loc["r0", TOTAL]
    assert two_per_line(p.mask.to_numpy())
    assert_safe(p)
    seen = brute_force(p.values.to_numpy(), p.mask.to_numpy())
    assert len(seen[(0, 0)]) >= 2


SMALL_TABLES = [
    pd.DataFrame([[1, 5, 6], [4, 7, 2], [8, 3, 9]]),
    pd.DataFrame([[2, 0, 6], [5, 3, 4]]),
    pd.DataFrame([[0, 0, 1], [4, 6, 5], [2, 5, 0]]),
    T6.loc[["Leder enh.", "HR enh."], ["Mellomleder", "HR-ansvarlig", "Annet"]],
]


@pytest.mark.parametrize("k", range(len(SMALL_TABLES)))
def test_brute_force_suppressed_cells_not_recoverable(k):
    p = suppress_table(SMALL_TABLES[k])
    v, m = p.values.to_numpy().astype(int), p.mask.to_numpy()
    assert two_per_line(m)
    seen = brute_force(v, m)
    for c in primary_cells(p):
        assert v[c] in seen[c]
        assert len(seen[c]) >= 2, f"primary cell {c} is determined: {seen[c]}"
    assert_safe(p)


def test_brute_force_detects_primary_only_suppression():
    counts = pd.DataFrame([[1, 5, 6], [4, 7, 2], [8, 3, 9]])
    p = suppress_table(counts)
    naive = Protected(values=p.values, mask=p.primary, primary=p.primary, rule=RULE,
                      kind="table")
    seen = brute_force(p.values.to_numpy().astype(int), p.primary.to_numpy())
    assert any(len(s) == 1 for s in seen.values())  # the check has teeth
    with pytest.raises(DisclosureError):
        assert_safe(naive)


def test_two_per_line_is_not_enough_bridge_cell():
    # two rectangles of suppressed cells joined by one "bridge" cell: every line has >= 2
    # suppressed cells, yet the bridge is determined by the sums (rows 0,1 minus cols 0,1)
    v = pd.DataFrame(np.full((4, 4), 5), dtype=int)
    v.iloc[0, 2] = 2  # the sensitive bridge cell
    t = v.copy()
    t[TOTAL] = t.sum(axis=1)
    t.loc[TOTAL] = t.sum(axis=0)
    mask = pd.DataFrame(False, index=t.index, columns=t.columns)
    for i, j in [(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (0, 2)]:
        mask.iloc[i, j] = True
    primary = pd.DataFrame(False, index=t.index, columns=t.columns)
    primary.iloc[0, 2] = True
    bridge = Protected(values=t, mask=mask, primary=primary, rule=RULE, kind="table")
    assert two_per_line(mask.to_numpy())
    seen = brute_force(t.to_numpy(), mask.to_numpy())
    assert seen[(0, 2)] == {2}
    assert exposed_cells(bridge) == [(0, 2)]
    with pytest.raises(DisclosureError, match="recoverable"):
        assert_safe(bridge)
    # suppress_table itself never leaves such a bridge
    assert_safe(suppress_table(v))


def test_random_tables_are_safe():
    rng = np.random.default_rng(7)
    for _ in range(60):
        r, c = rng.integers(2, 6, size=2)
        counts = pd.DataFrame(rng.choice([0, 1, 2, 3, 5, 8, 13, 40], size=(r, c),
                                         p=[.15, .15, .1, .1, .15, .15, .1, .1]))
        for rule in (RULE, DisclosureRule(margins_primary=False), DisclosureRule(threshold=3)):
            p = suppress_table(counts, rule=rule)
            assert two_per_line(p.mask.to_numpy())
            assert_safe(p)


def test_rule_config_and_included_margins():
    ssb = DisclosureRule(threshold=3, symbol=":")
    assert ssb.symbol == ":" and RULE.symbol == "*" and RULE.threshold == 4
    with_margins = crosstab_from_counts(T6).counts
    p = suppress_table(with_margins, margins="included", rule=ssb)
    assert p.rule.symbol == ":"
    assert not p.primary.loc["HR utenfor", "Leder"]  # 5 >= 3; 3s are published under SSB
    assert_safe(p)
    bad = with_margins.copy()
    bad.iloc[0, 0] += 1
    with pytest.raises(ValueError, match="add up"):
        suppress_table(bad, margins="included")


def test_published_small_count_is_unsafe():
    p = suppress_table(T6)
    leak = Protected(values=p.values, mask=p.mask & False, primary=p.primary, rule=RULE,
                     kind="table")
    with pytest.raises(DisclosureError):
        assert_safe(leak)


def test_zero_suppression_option():
    p = suppress_table(pd.DataFrame([[0, 5, 6], [4, 7, 9]]), rule=DisclosureRule(
        suppress_zero=True))
    assert p.mask.iloc[0, 0]
    assert_safe(p)
    assert list(itertools.chain(*p.mask.to_numpy().tolist())).count(True) >= 4


def test_brute_force_random_small_tables():
    rng = np.random.default_rng(11)
    checked = 0
    for _ in range(25):
        r, c = rng.integers(2, 4, size=2)
        counts = pd.DataFrame(rng.choice([0, 1, 2, 3, 5, 6], size=(r, c)))
        p = suppress_table(counts)
        if not p.primary.to_numpy().any():
            continue
        seen = brute_force(p.values.to_numpy().astype(int), p.mask.to_numpy())
        for cell in primary_cells(p):
            assert len(seen[cell]) >= 2
        checked += 1
    assert checked >= 15
