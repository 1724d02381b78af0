"""The build: data-aware notebook cache, notebook execution, facts merge, rendering, checks, CLI.

Knows nothing about any particular evaluation; reads the project's `_quarto.yml`.
"""

import sys

# jsonschema (imported through nbformat) loads `rfc3987_syntax` when it is installed, which
# compiles a Lark grammar at import: about 1,5 s at the start of every build process, no-op
# builds included. The build validates no IRI formats, so its processes go without it. The
# notebooks' processes import as usual: a kernel never imports this package before user code,
# and the forked executor's child undoes this before the notebook's code runs. Its zygote
# pre-imports lean, so jsonschema (which it pre-imports for nbformat) has no IRI format
# checks there; a notebook that validates IRIs with jsonschema gets them under
# RAPPORT_EXECUTOR=nbclient (rapport.pipeline.zygote).
LEAN_IMPORTS = ("rfc3987_syntax",)
for _name in LEAN_IMPORTS:
    sys.modules.setdefault(_name, None)
