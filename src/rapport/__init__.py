"""rapport: build reproducible Norwegian evaluation reports (sluttrapporter) from data.

Layers: `rapport.data` (read and validate inputs), `rapport.stats` (statistics),
`rapport.exhibits` (formatting, figures, tables, facts) and `rapport.pipeline` (cache, notebook
execution, rendering, checks, CLI). See docs/architecture.md.
"""

__version__ = "0.1.0"
