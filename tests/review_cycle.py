"""The review tools' acceptance scenario, shared by tests/report/test_review.py (on the flagship
report) and tests/toolkit/test_review_e2e.py (on the toolkit's review fixture): build, mark the
baseline, change one survey answer and one sentence, build again and render the preview with its
review marks; and the two small readers both tests check the result with."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from rapport.pipeline import changes, cli, record, review


def pct(share: float) -> int:
    """A share as the whole percent a reader sees (half up, as printed reports round)."""
    return int(Decimal(repr(float(share) * 100)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")


def edit(path: Path, old: str, new: str) -> None:
    """Replace one passage, byte for byte (the file's BOM and line endings kept)."""
    data, a, b = path.read_bytes(), old.encode("utf-8"), new.encode("utf-8")
    assert data.count(a) == 1, f"{old!r} not once in {path}"
    path.write_bytes(data.replace(a, b))


def build(root: Path) -> None:
    config = cli.load_config(root)
    cli.cmd_prepare(root, config)
    cli.cmd_render(root, config)


def review_cycle(root: Path, expected: Callable[[Path], dict], *, survey: str,
                 answer: tuple[str, str], chapter: str, sentence: tuple[str, str]) -> dict:
    """Run the scenario on the project at `root`; `expected(root)` computes, after each build,
    what the report should show. Returns {root, before, after, changes} (the comparison of the
    baseline with the second build)."""
    build(root)
    before = expected(root)
    review.cmd_baseline(root, cli.load_config(root), label="versjon 1")
    edit(root / survey, *answer)
    edit(root / chapter, *sentence)
    build(root)
    after = expected(root)
    review.preview_rebuild(root, cli.load_config, cli.cmd_prepare, [chapter, survey])
    found = changes.compare(record.load(root / review.BASELINE),
                            record.collect(root, cli.load_config(root)))
    return {"root": root, "before": before, "after": after, "changes": found}
