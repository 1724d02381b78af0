"""Survey questions as bar figures: the house order of answer options and one-call publishing
of a share table (from `rapport.stats.single_choice`/`multi_select`) or of a coded question with
its caption from the codebook.

The codebook is used through three methods only (`labels`, `caption`, `is_multi`, see
`rapport.data.Codebook`), so this module does not import `rapport.data`.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, Protocol

import pandas as pd

from rapport.stats import single_choice

from .bars import bar_chart
from .publish import publish_figure

SHARE_COLUMNS = ["category", "count", "n", "share"]  # what a share figure's CSV holds
_NONE_PREFIXES = ("nei, ingen", "hadde ikke", "nei,")


class QuestionSource(Protocol):
    """What the helpers need of a codebook (`rapport.data.Codebook` has it)."""

    def labels(self, name: str) -> dict[Any, str]: ...
    def caption(self, name: str) -> str: ...
    def is_multi(self, name: str) -> bool: ...


def _is_none_option(label: str) -> bool:
    return str(label).lower().startswith(_NONE_PREFIXES)


def _is_tail(label: str) -> bool:
    return str(label).lower().startswith(("annet", "vet ikke"))


def bar_order(values: pd.Series) -> list[Hashable]:
    """The house order of a question's answer options in a bar figure.

    values: label → sort value (usually the share). Substantive options come first, largest
    value first (ties keep their given order); then the «no/none» answers (labels starting
    «Nei,» or «Hadde ikke», e.g. «Nei, ingen tiltak»), then «Annet …», then «Vet ikke …»,
    each in their given order. Matching ignores case.
    """
    labels = list(values.index)
    main = [c for c in labels if not _is_none_option(c) and not _is_tail(c)]
    main.sort(key=lambda c: -values[c])
    none = [c for c in labels if _is_none_option(c) and not _is_tail(c)]
    annet = [c for c in labels if str(c).lower().startswith("annet")]
    vet = [c for c in labels if str(c).lower().startswith("vet ikke")]
    return main + none + annet + vet


def order_bars(table: pd.DataFrame, by: str = "share", *,
               category: str = "category") -> pd.DataFrame:
    """`table` (one row per option, e.g. from `multi_select`) reordered by :func:`bar_order`
    on column `by`, with a fresh index. Pass another column as `by` for another order (e.g. a
    process order), keeping the «no/none», «Annet», «Vet ikke» tail rule."""
    indexed = table.set_index(category)
    return indexed.loc[bar_order(indexed[by])].reset_index()


def publish_bars(fig_id: str, table: pd.DataFrame, *, caption: str, source: str | None,
                 multi: bool = False, label_width: int = 42) -> dict:
    """Publish a share table as horizontal bars, in the table's own row order.

    table: [category, count, n, share, …] (from `single_choice`/`multi_select`, possibly
    reordered with :func:`order_bars`); the CSV gets the columns [category, count, n, share]
    and the caption its «(n = …)» from `n`. caption/source/multi as for `publish_figure`.
    Returns what `publish_figure` returns.
    """
    return publish_figure(
        fig_id,
        bar_chart(table, sort=False, label_width=label_width),
        caption=caption,
        multi=multi,
        data=table[SHARE_COLUMNS].reset_index(drop=True),
        source=source,
    )


def publish_question(fig_id: str, data: pd.DataFrame, codebook: QuestionSource, column: str, *,
                     source: str | None, label_width: int = 42) -> pd.DataFrame:
    """Publish a single-choice question as bars in the answer scale's (codebook) order.

    The shares are `single_choice(data[column], codebook.labels(column))` («Vet ikke» in the
    denominator, routed-out nulls not in n); the caption is the verbatim question text
    (`codebook.caption(column)`), with «(Flere svar mulig)» if `codebook.is_multi(column)`.
    Returns the share table, for facts.
    """
    table = single_choice(data[column], codebook.labels(column))
    publish_bars(fig_id, table, caption=codebook.caption(column), source=source,
                 multi=codebook.is_multi(column), label_width=label_width)
    return table
