"""The build: data-aware notebook cache, notebook execution, facts merge, rendering, checks, CLI.

Knows nothing about any particular evaluation; reads the project's `_quarto.yml`.
"""
