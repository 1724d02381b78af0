"""Register analyses on a query engine: the same code on DuckDB (default), Polars or BigQuery.

Register extracts grow past what pandas holds comfortably (ten times the flagship's 672 197
persons is 47 million status rows). This subpackage keeps them in a query engine through Ibis
and brings only small results (counts per cell, a few thousand matched persons) into pandas:

- `engine`: `connect()` picks the engine from `RAPPORT_ENGINE` or `report.engine` in
  `_quarto.yml` (default: an in-process DuckDB over the Parquet files).
- `tables`: `open_dataset(name)`: a codebook dataset as an Ibis table, its codebook rules
  checked inside the engine (`checks`), the read recorded for the build cache.
- `checks`: the codebook's rules as counts of violating rows, computed by the engine.
- `aggregate`: counts by columns, crosstabs, covariate cells and rows of chosen persons.

Analysis code imports this like `rapport.stats`; it never imports `rapport.pipeline`.
"""

from rapport.register.aggregate import counts, crosstab, rows_for
from rapport.register.engine import connect, engine_setting
from rapport.register.tables import open_dataset

__all__ = ["connect", "engine_setting", "open_dataset", "counts", "crosstab", "rows_for"]
