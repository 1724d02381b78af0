"""One step for the disclosure control a register table needs: counts suppressed (primary and
secondary), shares computed from the counts, the shares' own mask, and both checked safe.

    protected = protect_shares(counts)              # rows × groups of counts
    protected.shares                                # column shares (unrounded)
    protected.count_hidden(row, group), protected.share_hidden(row, group)
    build_table(..., suppressed=protected.mask_for({"ikke_n": ("count", "ikke"), ...}))

It replaces the suppress → assert → share → suppress → assert → mask sequence each register
notebook used to repeat; the rules themselves live in `rapport.stats.disclosure`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from rapport.stats.disclosure import RULE, DisclosureRule, Protected, assert_safe, \
    suppress_shares, suppress_table


@dataclass(frozen=True)
class ProtectedShares:
    """Counts and their shares under one disclosure rule (labels as in the input counts)."""

    counts: pd.DataFrame
    shares: pd.DataFrame
    protected_counts: Protected
    protected_shares: Protected

    def count_hidden(self, row, column) -> bool:
        return bool(self.protected_counts.mask.loc[row, column])

    def share_hidden(self, row, column) -> bool:
        return bool(self.protected_shares.mask.loc[row, column])

    @property
    def count_mask(self) -> pd.DataFrame:
        """True where a count is hidden (without the margins)."""
        return self.protected_counts.mask.loc[self.counts.index, self.counts.columns]

    @property
    def share_mask(self) -> pd.DataFrame:
        """True where a share is hidden."""
        return self.protected_shares.mask.loc[self.shares.index, self.shares.columns]


def protect_shares(counts: pd.DataFrame, *,
                   denominator: Literal["column", "row"] = "column",
                   rule: DisclosureRule = RULE,
                   shares: pd.DataFrame | None = None) -> ProtectedShares:
    """Suppress `counts` (rows × columns, margins added), derive the shares (column or row
    percentages, unless given as `shares` on the same labels), hide every share whose count or
    whose base is hidden, and check that no hidden cell can be recovered (DisclosureError)."""
    protected = suppress_table(counts, rule=rule)
    assert_safe(protected)
    if shares is None:
        if denominator == "column":
            shares = counts / counts.sum(axis=0)
        elif denominator == "row":
            shares = counts.div(counts.sum(axis=1), axis=0)
        else:
            raise ValueError(f"denominator must be 'column' or 'row', not {denominator!r}")
    protected_shares = suppress_shares(shares, protected, denominator=denominator)
    assert_safe(protected_shares)
    return ProtectedShares(counts=counts, shares=shares, protected_counts=protected,
                           protected_shares=protected_shares)
